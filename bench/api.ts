/**
 * The API under load: the real server process (`node --import tsx server/src/index.ts`, embedded PGlite in
 * a temporary `PREJURY_DATA_DIR`, offline analyzer, embedded review worker) on a free loopback port.
 * autocannon (10 connections, 10 s) on `GET /api/reviews/:id` (a finished review) and `GET /api/exams/:id`;
 * then 100 dossiers uploaded and reviewed through the API, and the server's resident memory
 * (`VmRSS` of /proc/<pid>/status) before and after.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { benchDossier, dossierPdf } from './lib/dossier';
import { log, round } from './lib/stats';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CASES_DIR = path.join(ROOT, 'evals/cases');
const LOAD_SECONDS = 10;
const CONNECTIONS = 10;
const BULK_REVIEWS = 100;
/** Uploads in flight at once while creating the 100 reviews (a burst before a deadline). */
const BULK_CONCURRENCY = 4;
/** Nothing here should take longer; a stuck server fails the run instead of hanging it. */
const DEADLINE_MS = 150_000;

export interface LoadFigures {
  path: string;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
}

export interface ApiResult {
  connections: number;
  seconds: number;
  /** Spawn → `GET /api/health` answers 200 (migrations on a new data folder included). */
  startupMs: number;
  reviewById: LoadFigures;
  examById: LoadFigures;
  memory: {
    /** VmRSS of the server, MB: ready and idle; after the two load runs; after 100 reviews. */
    readyRssMb: number;
    afterLoadRssMb: number;
    after100ReviewsRssMb: number;
    /** VmHWM: the peak resident size over the whole run. */
    peakRssMb: number;
  };
  bulk: {
    reviews: number;
    /** Uploads in flight at once. */
    concurrency: number;
    /** From the first upload to the last review done, with `BULK_CONCURRENCY` uploads at once. */
    seconds: number;
    reviewsPerMinute: number;
    failed: number;
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function rssMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return round(kb / 1024, 1);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function checkDeadline(started: number, what: string) {
  if (performance.now() - started > DEADLINE_MS) throw new Error(`${what}: over ${DEADLINE_MS / 1000} s`);
}

/** The gold dossiers of every exam (Markdown), cycled: a mix of exams, lengths and qualities. */
function bulkDossiers(): { examId: string; name: string; text: string }[] {
  const out: { examId: string; name: string; text: string }[] = [];
  for (const examId of readdirSync(CASES_DIR).sort()) {
    if (examId === 'adversarial') continue;
    for (const file of readdirSync(path.join(CASES_DIR, examId)).sort()) {
      if (file.endsWith('.md')) {
        out.push({ examId, name: file, text: readFileSync(path.join(CASES_DIR, examId, file), 'utf8') });
      }
    }
  }
  return out;
}

export async function benchApi(): Promise<ApiResult> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'prejury-bench-api-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key.startsWith('OPENAI_') || key.startsWith('PREJURY_') || key === 'DATABASE_URL') delete env[key];
  }
  Object.assign(env, {
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    PREJURY_DATA_DIR: path.join(dataDir, 'data'),
    PREJURY_PROVIDER: 'offline',
  });
  const logFd = openSync(path.join(dataDir, 'server.log'), 'a');
  const started = performance.now();
  const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/src/index.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', logFd, logFd],
  });
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  try {
    const pid = server.pid;
    if (pid === undefined) throw new Error('the server did not start');
    for (;;) {
      checkDeadline(started, 'server start');
      if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode}): see its log`);
      const ok = await fetch(`${base}/api/health`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) break;
      await sleep(100);
    }
    const startupMs = performance.now() - started;
    const readyRssMb = rssMb(pid, 'VmRSS');
    log(`api: server ready in ${round(startupMs, 0)} ms, ${readyRssMb} MB`);

    const upload = async (examId: string, name: string, bytes: Uint8Array, type: string) => {
      const form = new FormData();
      form.append('file', new File([Uint8Array.from(bytes)], name, { type }));
      form.append('examId', examId);
      const res = await fetch(`${base}/api/dossiers`, { method: 'POST', body: form });
      if (res.status !== 201) throw new Error(`upload ${name}: ${res.status} ${await res.text()}`);
      const dossier = (await res.json()) as { id: string };
      const review = await fetch(`${base}/api/dossiers/${dossier.id}/versions/1/reviews`, { method: 'POST' });
      if (review.status !== 202) throw new Error(`review ${name}: ${review.status} ${await review.text()}`);
      return ((await review.json()) as { id: string }).id;
    };
    const waitDone = async (ids: string[], since: number) => {
      const pending = new Set(ids);
      let failed = 0;
      while (pending.size > 0) {
        checkDeadline(since, 'reviews');
        for (const id of [...pending]) {
          const body = (await (await fetch(`${base}/api/reviews/${id}`)).json()) as { status: string };
          if (body.status === 'done' || body.status === 'failed') {
            pending.delete(id);
            if (body.status === 'failed') failed++;
          }
        }
        if (pending.size > 0) await sleep(250);
      }
      return failed;
    };

    // One finished review of a generated 20-page PDF, the page a candidate keeps open.
    const examId = 'b1-diagnostics-strategiques';
    const pdf = await dossierPdf(await benchDossier(20, examId));
    const reviewId = await upload(examId, 'dossier-20p.pdf', pdf, 'application/pdf');
    if ((await waitDone([reviewId], performance.now())) > 0) throw new Error('the first review failed');

    const load = async (urlPath: string): Promise<LoadFigures> => {
      const result = await autocannon({
        url: `${base}${urlPath}`,
        connections: CONNECTIONS,
        duration: LOAD_SECONDS,
        timeout: 10,
      });
      const figures = {
        path: urlPath.replace(/[0-9a-f-]{36}/, ':id'),
        requestsPerSecond: round(result.requests.average, 0),
        latencyP50Ms: result.latency.p50,
        latencyP99Ms: result.latency.p99,
        requests: result['2xx'] + result.non2xx,
        non2xx: result.non2xx,
        errors: result.errors + result.timeouts,
      };
      log(
        `api: ${figures.path} ${figures.requestsPerSecond} req/s, p50 ${figures.latencyP50Ms} ms, p99 ${figures.latencyP99Ms} ms`,
      );
      return figures;
    };
    const reviewById = await load(`/api/reviews/${reviewId}`);
    const examById = await load(`/api/exams/${examId}`);
    const afterLoadRssMb = rssMb(pid, 'VmRSS');

    // 100 dossiers uploaded and reviewed through the API (offline analyzer, embedded worker).
    const sources = bulkDossiers();
    const bulkStarted = performance.now();
    const ids: string[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: BULK_CONCURRENCY }, async () => {
        while (next < BULK_REVIEWS) {
          const i = next++;
          const source = sources[i % sources.length];
          // A line of its own keeps every upload distinct (another candidate, another file).
          const text = `${source.text}\n\nVersion de travail n° ${i + 1}.\n`;
          ids.push(await upload(source.examId, source.name, new TextEncoder().encode(text), 'text/markdown'));
        }
      }),
    );
    const failed = await waitDone(ids, bulkStarted);
    const bulkSeconds = (performance.now() - bulkStarted) / 1000;
    const after100ReviewsRssMb = rssMb(pid, 'VmRSS');
    const peakRssMb = rssMb(pid, 'VmHWM');
    log(`api: ${BULK_REVIEWS} reviews in ${round(bulkSeconds, 1)} s, RSS ${after100ReviewsRssMb} MB`);

    return {
      connections: CONNECTIONS,
      seconds: LOAD_SECONDS,
      startupMs: round(startupMs, 0),
      reviewById,
      examById,
      memory: { readyRssMb, afterLoadRssMb, after100ReviewsRssMb, peakRssMb },
      bulk: {
        reviews: BULK_REVIEWS,
        concurrency: BULK_CONCURRENCY,
        seconds: round(bulkSeconds, 1),
        reviewsPerMinute: round((BULK_REVIEWS * 60) / bulkSeconds, 0),
        failed,
      },
    };
  } finally {
    if (server.exitCode === null) {
      server.kill('SIGTERM');
      const timer = setTimeout(() => server.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}
