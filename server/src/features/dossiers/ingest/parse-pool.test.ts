import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../lib/errors';
import { rejectionOf } from '../../../testing/rejection';
import { buildPdf } from './fixtures/build-pdf';
import { dossierPages } from './fixtures/dossier';
import { type ParseChildEvent, ParsePool } from './parse-pool';

/**
 * The parse children are real processes: what goes wrong in one (a native abort, a segfault, a kill at any
 * point of its run) must end that child and its job only, never the process that owns the pool.
 */

const failure = (promise: Promise<unknown>) => rejectionOf(promise, AppError);

/** Whether a process with this pid exists (a zombie would too: an unreaped child fails this). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw err;
  }
}

async function gone(pids: number[], withinMs: number): Promise<number[]> {
  const deadline = Date.now() + withinMs;
  while (pids.some(alive) && Date.now() < deadline) await sleep(50);
  return pids.filter(alive);
}

describe('ParsePool: a child that dies during a parse', () => {
  it('refuses that file with 422 parse_failed, logs it without its content, and parses the next one in a fresh child', async () => {
    const events: ParseChildEvent[] = [];
    const pool = new ParsePool({ size: 1, maxJobsPerWorker: 50, heapMb: 512, log: (e) => events.push(e) });
    try {
      // 60 pages: a few hundred milliseconds of parsing in a warm child, so the signal lands in it.
      const pdf = await buildPdf([...dossierPages(), ...dossierPages(), ...dossierPages()]);
      // Warm: pdfjs is loaded, the next parse of this file is pure parsing (inflating, operator lists…).
      expect((await pool.run(pdf, 'secret-candidat.pdf', 60_000)).pages).toHaveLength(60);
      for (const signal of ['SIGABRT', 'SIGSEGV'] as const) {
        const [pid] = pool.pids();
        const parsing = pool.run(pdf, 'secret-candidat.pdf', 60_000);
        await sleep(40);
        process.kill(pid, signal);
        const err = await failure(parsing);
        expect(err).toMatchObject({ code: 'parse_failed', status: 422 });
        expect(err.message).toContain('déposez le fichier Word');
        expect(events.at(-1)).toEqual({
          event: 'parse_child_crashed',
          pid,
          exitCode: null,
          signal,
          bytes: pdf.byteLength,
          elapsedMs: expect.any(Number),
        });
        expect(await gone([pid], 5_000)).toEqual([]);
        // This process is still here (we are running), and the pool reads the next file in a new child.
        expect((await pool.run(pdf, 'secret-candidat.pdf', 60_000)).pages).toHaveLength(60);
        expect(pool.pids()).not.toContain(pid);
      }
      expect(events).toHaveLength(2);
      expect(JSON.stringify(events)).not.toContain('secret');
    } finally {
      await pool.close();
    }
  });
});

describe('ParsePool: a child that died idle', () => {
  it('gives the job sent to it before its exit was seen to a new child, instead of failing the file', async () => {
    const events: ParseChildEvent[] = [];
    const pool = new ParsePool({ size: 1, maxJobsPerWorker: 50, heapMb: 256, log: (e) => events.push(e) });
    const text = () => new TextEncoder().encode('Un dossier en texte brut, assez court.');
    try {
      await pool.run(text(), 'a.txt', 60_000);
      const [pid] = pool.pids();
      // Killed from outside (an OOM killer, an operator); the job goes out in the same tick, before the
      // pool can see the exit.
      process.kill(pid, 'SIGKILL');
      expect((await pool.run(text(), 'a.txt', 60_000)).text).toContain('texte brut');
      expect(pool.pids()).not.toContain(pid);
      expect(events).toEqual([]);
    } finally {
      await pool.close();
    }
  });
});

describe('ParsePool: parses stopped at any point of their run', () => {
  it('kills only the overrunning child each time, then parses normally and leaves no process after close()', async () => {
    const pool = new ParsePool({ size: 2, maxJobsPerWorker: 50, heapMb: 512 });
    const pdf = await buildPdf(dossierPages());
    // 20 budgets from 5 ms to 6 s, geometric, shuffled: stops land while a child starts, while it loads
    // pdfjs, or while it inflates and reads pages, in a fresh child or in a warm one (after a parse that
    // finished in time: the big budgets), and some parses end just as their time runs out.
    const budgets = Array.from({ length: 20 }, (_, i) => Math.round(5 * 1200 ** (((i * 7) % 20) / 19)));
    const seen = new Set<number>();
    const outcomes: string[] = [];
    try {
      // Two lanes for two children: each request finds a child at once, whose pid is noted.
      const lane = async (mine: number[]) => {
        for (const budget of mine) {
          const parsing = pool.run(pdf, 'a.pdf', budget);
          for (const pid of pool.pids()) seen.add(pid);
          try {
            expect((await parsing).pages).toHaveLength(20);
            outcomes.push('parsed');
          } catch (err) {
            expect(err).toMatchObject({ code: 'parse_timeout', status: 422 });
            outcomes.push('parse_timeout');
          }
        }
      };
      await Promise.all([lane(budgets.filter((_, i) => i % 2 === 0)), lane(budgets.filter((_, i) => i % 2))]);
      expect(outcomes).toHaveLength(20);
      expect(outcomes).toContain('parse_timeout');
      expect((await pool.run(pdf, 'a.pdf', 60_000)).pages).toHaveLength(20);
      for (const pid of pool.pids()) seen.add(pid);
      console.info(
        `stopped parses: ${outcomes.filter((o) => o === 'parsed').length} of 20 finished in time, ${seen.size} children`,
      );
    } finally {
      await pool.close();
    }
    expect(seen.size).toBeGreaterThan(2);
    expect(pool.pids()).toEqual([]);
    expect([...seen].filter(alive)).toEqual([]);
  });
});

describe('ParsePool: children never outlive the process that owns them', () => {
  const owner = fileURLToPath(new URL('./fixtures/pool-owner.ts', import.meta.url));
  const start = (mode: 'idle' | 'close' | 'hang') => {
    const child = spawn(process.execPath, ['--import', 'tsx', owner, mode, '2'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    const pids = new Promise<number[]>((resolve, reject) => {
      child.stdout.on('data', (chunk) => {
        out += String(chunk);
        if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]));
      });
      child.once('exit', (code) =>
        reject(new Error(`pool owner exited (${code}) before its children parsed`)),
      );
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    return { child, pids, exited, output: () => out };
  };

  it('lets its owner exit while children are idle, and they go with it', async () => {
    const owner = start('idle');
    const pids = await owner.pids;
    expect(pids).toHaveLength(2);
    expect(await owner.exited).toBe(0);
    expect(await gone(pids, 5_000)).toEqual([]);
  });

  it('makes its owner wait in close() until every child has exited', async () => {
    const owner = start('close');
    const pids = await owner.pids;
    // Exit code 13 would be Node giving up on a top-level await nothing keeps alive.
    expect(await owner.exited).toBe(0);
    expect(owner.output()).toContain('closed');
    expect(pids.filter(alive)).toEqual([]);
  });

  it('ends its children when the owner is killed (SIGKILL: no cleanup code runs)', async () => {
    const owner = start('hang');
    const pids = await owner.pids;
    expect(pids.filter(alive)).toHaveLength(2);
    owner.child.kill('SIGKILL');
    await owner.exited;
    expect(await gone(pids, 5_000)).toEqual([]);
  });
});

describe('ParsePool: an idle child', () => {
  it('is stopped after idleMs, and the next parse starts a fresh one', async () => {
    const pool = new ParsePool({ size: 1, maxJobsPerWorker: 50, heapMb: 512, idleMs: 400 });
    try {
      const pdf = await buildPdf(dossierPages());
      expect((await pool.run(pdf, 'brouillon.pdf', 60_000)).pages.length).toBeGreaterThan(0);
      const [first] = pool.pids();
      expect(first).toBeTypeOf('number');
      // Idle past idleMs: the child is stopped and leaves the pool.
      expect(await gone([first], 3_000)).toEqual([]);
      expect(pool.pids()).toEqual([]);
      expect((await pool.run(pdf, 'brouillon.pdf', 60_000)).pages.length).toBeGreaterThan(0);
      const [second] = pool.pids();
      expect(second).not.toBe(first);
    } finally {
      await pool.close();
    }
  }, 60_000);
});
