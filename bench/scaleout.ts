/**
 * Scale-out on PostgreSQL (issue #17): two API processes (`PREJURY_EMBEDDED_WORKER=false`) and 1, 2 and 3
 * `npm run worker` processes on one fresh database per round, the repo's stub model server at a fixed
 * latency behind the real OpenAI SDK (I/O bound, as with a real model server), and `reviews` reviews
 * requested by `candidates` simulated candidates (each its own account and distinct dossiers, spread over
 * both APIs). It measures reviews per minute from the first request to the last finished review. A last
 * round runs 2 workers and kills one with SIGKILL once a third of the reviews are done; every round checks
 * that every review finished (none lost) and counts criteria graded more than once.
 *
 * Needs a PostgreSQL superuser URL (`PREJURY_BENCH_DATABASE_URL`, else `PREJURY_TEST_DATABASE_URL`); without
 * one the section is skipped with the reason.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashPassword } from 'better-auth/crypto';
import pg from 'pg';
import { quotingResponder } from '../server/src/features/reviews/test-helpers';
import { startStubServer } from '../server/src/lib/llm/testing/stub-server';
import { freePort } from '../server/src/lib/testing/free-port';
import { DEMO_USERS, signedInFetch } from '../server/src/testing';
import { postgresServerUrl, withPostgresDatabase } from './deploy';
import { builtServer } from './lib/built-server';
import { cleanServerEnv } from './lib/server-process';
import { log, round } from './lib/stats';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PASSWORD = 'mot-de-passe-bench';
const EXAM = 'b1-audit-rse';

export interface ScaleOutOptions {
  reviews: number;
  candidates: number;
  /** Fixed latency of every model call (ms). */
  latencyMs: number;
  workerCounts: number[];
}

export const DEFAULT_SCALE_OUT: ScaleOutOptions = {
  reviews: 200,
  candidates: 50,
  latencyMs: 1500,
  workerCounts: [1, 2, 3],
};

export interface ScaleOutRound {
  workers: number;
  seconds: number;
  reviewsPerMinute: number;
  done: number;
  failed: number;
  /** Requested reviews not done or failed when the round ended (lost). */
  lost: number;
  /** A worker was killed with SIGKILL mid-run in this round. */
  killed: boolean;
  /** Criteria whose grading started more than once (a killed worker's in-flight ones are re-graded). */
  regraded: number;
  modelCalls: number;
  criteria: number;
}

export interface ScaleOutResult {
  options: ScaleOutOptions;
  apis: number;
  serverVersion: string | null;
  rounds: ScaleOutRound[];
  /** Throughput of the largest worker count over that of 1 worker. */
  ratio: number | null;
  skipped?: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Proc {
  child: ChildProcess;
  log: string;
}

/** A built process (scripts/build-server.ts: plain Node, as `npm start` and production run it). */
function spawnBuilt(script: string, env: NodeJS.ProcessEnv, dir: string, name: string): Proc {
  const logFile = path.join(dir, `${name}.log`);
  const fd = openSync(logFile, 'a');
  const child = spawn(process.execPath, [script], {
    cwd: ROOT,
    env,
    stdio: ['ignore', fd, fd],
  });
  return { child, log: logFile };
}

async function stop(proc: Proc) {
  if (proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => proc.child.once('exit', () => resolve()));
  proc.child.kill('SIGTERM');
  const timer = setTimeout(() => proc.child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

async function waitHealthy(base: string, proc: Proc) {
  for (const deadline = Date.now() + 180_000; Date.now() < deadline; await sleep(200)) {
    if (proc.child.exitCode !== null) break;
    if (
      await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
  }
  throw new Error(`an API process did not start:\n${readFileSync(proc.log, 'utf8').slice(-2000)}`);
}

async function waitLogLine(proc: Proc, line: string) {
  for (const deadline = Date.now() + 180_000; Date.now() < deadline; await sleep(200)) {
    if (readFileSync(proc.log, 'utf8').includes(line)) return;
    if (proc.child.exitCode !== null) break;
  }
  throw new Error(`a worker did not start:\n${readFileSync(proc.log, 'utf8').slice(-2000)}`);
}

/** A distinct small dossier: the exam's gold drafts, with a line naming the candidate and the draft. */
function dossierText(candidate: number, draft: number): string {
  const dir = path.join(ROOT, 'evals/cases', EXAM);
  const files = readdirSync(dir).filter((f) => f.endsWith('.md'));
  const text = readFileSync(path.join(dir, files[(candidate + draft) % files.length]), 'utf8');
  return `${text}\n\nVersion de travail n° ${draft + 1} du candidat ${candidate + 1}.\n`;
}

/** The candidates, created by the admin, then each signed in on "their" API process. */
async function createCandidates(db: pg.Client, apis: string[], count: number) {
  const admin = await signedInFetch(apis[0], DEMO_USERS.admin, PASSWORD);
  const [{ cohort_id }] = (
    await db.query(
      'select m.cohort_id::text from memberships m join users u on u.id = m.user_id where u.email = $1',
      [DEMO_USERS.candidate],
    )
  ).rows;
  const passwordHash = await hashPassword(PASSWORD);
  const candidates = [];
  for (let c = 0; c < count; c++) {
    const email = `bench-${c + 1}@charge.prejury.fr`;
    const res = await admin('/api/admin/users', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email,
        name: `Candidat ${c + 1}`,
        role: 'candidate',
        cohortId: cohort_id,
      }),
    });
    if (res.status !== 201) throw new Error(`creating a candidate: ${res.status} ${await res.text()}`);
    // An invitation: the account has no password yet. Its link would set one, but the reset route allows 10
    // per address per 15 min, so the bench writes the credential the link would have written.
    const { userId } = (await res.json()) as { userId: string };
    await db.query(
      `insert into accounts (id, account_id, provider_id, user_id, password) values ($1, $2, 'credential', $2, $3)`,
      [randomUUID(), userId, passwordHash],
    );
    candidates.push(await signedInFetch(apis[c % 2], email, PASSWORD));
  }
  return candidates;
}

async function runRound(
  url: string,
  options: ScaleOutOptions,
  workers: number,
  kill: boolean,
): Promise<ScaleOutRound> {
  const dir = mkdtempSync(path.join(tmpdir(), 'prejury-bench-scaleout-'));
  const stub = await startStubServer({ responder: quotingResponder(() => 3), latencyMs: options.latencyMs });
  const secret = randomBytes(24).toString('hex');
  const base = cleanServerEnv({
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DATABASE_URL: url,
    PREJURY_AUTH_SECRET: secret,
    PREJURY_PROVIDER: 'openai',
    OPENAI_API_KEY: 'bench-key',
    OPENAI_BASE_URL: stub.url,
    PREJURY_EMBEDDINGS: 'offline',
    PREJURY_REVIEWS_PER_HOUR: '100000',
    // 50 candidates sign in from this one address within the minute.
    PREJURY_SIGNIN_MAX_PER_MINUTE: '100000',
  });
  const built = await builtServer();
  const procs: Proc[] = [];
  const db = new pg.Client({ connectionString: url });
  try {
    const apis: string[] = [];
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      const apiBase = `http://127.0.0.1:${port}`;
      const proc = spawnBuilt(
        built.server,
        {
          ...base,
          PORT: String(port),
          HOST: '127.0.0.1',
          PREJURY_PUBLIC_URL: apiBase,
          PREJURY_EMBEDDED_WORKER: 'false',
          PREJURY_SEED_DEMO: i === 0 ? 'true' : 'false',
          PREJURY_DEMO_PASSWORD: PASSWORD,
        },
        dir,
        `api-${i + 1}`,
      );
      procs.push(proc);
      await waitHealthy(apiBase, proc);
      apis.push(apiBase);
    }
    await db.connect();

    const candidates = await createCandidates(db, apis, options.candidates);

    // Their dossiers, uploaded before the clock starts (ingestion has its own figures).
    const drafts: { api: (typeof candidates)[number]; id: string }[] = [];
    for (let r = 0; r < options.reviews; r++) {
      const c = r % options.candidates;
      const api = candidates[c];
      const form = new FormData();
      const bytes = new TextEncoder().encode(dossierText(c, Math.floor(r / options.candidates)));
      form.append('file', new File([bytes], `dossier-${r + 1}.md`, { type: 'text/markdown' }));
      form.append('examId', EXAM);
      const res = await api('/api/dossiers', { method: 'POST', body: form });
      if (res.status !== 201) throw new Error(`upload: ${res.status} ${await res.text()}`);
      drafts.push({ api, id: ((await res.json()) as { id: string }).id });
    }

    const workerProcs: Proc[] = [];
    for (let w = 0; w < workers; w++) {
      const proc = spawnBuilt(built.worker, { ...base, LOG_LEVEL: 'info' }, dir, `worker-${w + 1}`);
      procs.push(proc);
      workerProcs.push(proc);
    }
    await Promise.all(workerProcs.map((p) => waitLogLine(p, 'review worker ready')));
    const callsBefore = stub.requests.length;

    const started = performance.now();
    await Promise.all(
      drafts.map(async ({ api, id }) => {
        const res = await api(`/api/dossiers/${id}/versions/1/reviews`, { method: 'POST' });
        if (res.status !== 202) throw new Error(`review request: ${res.status} ${await res.text()}`);
      }),
    );
    let killed = false;
    let counts = { done: 0, failed: 0 };
    for (;;) {
      const { rows } = await db.query(
        "select count(*) filter (where status = 'done')::int as done, count(*) filter (where status = 'failed')::int as failed from reviews",
      );
      counts = rows[0];
      if (kill && !killed && counts.done >= options.reviews / 3) {
        workerProcs[0].child.kill('SIGKILL');
        killed = true;
        log(`scale-out: killed worker 1 (SIGKILL) with ${counts.done} reviews done`);
      }
      if (counts.done + counts.failed >= options.reviews) break;
      await sleep(250);
    }
    const seconds = (performance.now() - started) / 1000;
    const [{ regraded, criteria }] = (
      await db.query(
        'select count(*) filter (where attempts > 1)::int as regraded, count(*)::int as criteria from review_criteria',
      )
    ).rows;
    const round_: ScaleOutRound = {
      workers,
      seconds: round(seconds, 1),
      reviewsPerMinute: round((counts.done / seconds) * 60, 1),
      done: counts.done,
      failed: counts.failed,
      lost: options.reviews - counts.done - counts.failed,
      killed,
      regraded,
      modelCalls: stub.requests.length - callsBefore,
      criteria,
    };
    log(`scale-out: ${JSON.stringify(round_)}`);
    return round_;
  } finally {
    await db.end().catch(() => {});
    for (const proc of procs.reverse()) await stop(proc);
    await stub.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchScaleOut(options: ScaleOutOptions = DEFAULT_SCALE_OUT): Promise<ScaleOutResult> {
  const serverUrl = postgresServerUrl();
  if (!serverUrl) {
    const skipped =
      'no PostgreSQL: set PREJURY_BENCH_DATABASE_URL (or PREJURY_TEST_DATABASE_URL) to a superuser URL';
    log(`scale-out skipped: ${skipped}`);
    return { options, apis: 2, serverVersion: null, rounds: [], ratio: null, skipped };
  }
  const rounds: ScaleOutRound[] = [];
  let serverVersion: string | null = null;
  // The clean rounds, then one more with 2 workers where one is killed: a killed worker's leases must
  // lapse before its reviews resume, which would skew a throughput figure.
  const plan = [
    ...options.workerCounts.map((w) => ({ workers: w, kill: false })),
    { workers: 2, kill: true },
  ];
  for (const { workers, kill } of plan) {
    rounds.push(
      await withPostgresDatabase(serverUrl, async (url, version) => {
        serverVersion = version;
        return runRound(url, options, workers, kill);
      }),
    );
  }
  const clean = rounds.filter((r) => !r.killed);
  const one = clean.find((r) => r.workers === 1);
  const most = clean[clean.length - 1];
  return {
    options,
    apis: 2,
    serverVersion,
    rounds,
    ratio: one && most && one !== most ? round(most.reviewsPerMinute / one.reviewsPerMinute, 2) : null,
  };
}
