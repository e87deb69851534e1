/**
 * Production figures (issue #17), each against its target:
 *
 * - signed-in `GET /api/reviews/:id` (a finished review) and `GET /api/exams/:id` under autocannon
 *   (10 connections, 10 s) on the real server process, on embedded PGlite and, when a PostgreSQL is
 *   available (`PREJURY_BENCH_DATABASE_URL`, else `PREJURY_TEST_DATABASE_URL`: a superuser URL; the bench
 *   creates and drops its own database there), on PostgreSQL;
 * - `GET /api/health` latency while ten 3 MB Markdown dossiers are uploaded at once (PGlite);
 * - the server's resident memory idle, 5 s after it is ready (PGlite).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { freePort } from '../server/src/lib/testing/free-port';
import { DEMO_USERS, signedInFetch } from '../server/src/testing';
import { builtServer } from './lib/built-server';
import { benchDossier, dossierPdf } from './lib/dossier';
import { spawnBenchServer } from './lib/server-process';
import { log, median, percentile, round } from './lib/stats';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PASSWORD = 'mot-de-passe-bench';
const LOAD_SECONDS = 10;
const CONNECTIONS = 10;
const UPLOADS = 10;
const UPLOAD_MB = 3;
const EXAM = 'b1-diagnostics-strategiques';

export interface ReadFigures {
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  non2xx: number;
}

export interface DeployResult {
  connections: number;
  seconds: number;
  reads: {
    pglite: { reviewById: ReadFigures; examById: ReadFigures };
    postgres: { reviewById: ReadFigures; examById: ReadFigures; serverVersion: string } | null;
    /** Why there is no PostgreSQL figure, when there is none. */
    postgresSkipped?: string;
  };
  healthUnderUploads: {
    uploads: number;
    megabytes: number;
    samples: number;
    p50Ms: number;
    p99Ms: number;
    maxMs: number;
    uploadSeconds: number;
    /** Health requests whose connection was reset (counted in the samples with their time). */
    healthResets: number;
    /** Uploads refused or cut (e.g. `parse_timeout` on a saturated machine), with the first reason. */
    failedUploads: number;
    firstFailure?: string;
  };
  /** VmRSS of the PGlite server 5 s after it is ready, before any request. */
  idleRssMb: number;
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return round(Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? Number.NaN) / 1024, 1);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Server {
  base: string;
  pid: number;
  stop(): Promise<void>;
}

/** The real, built server process, offline analyzer, embedded worker; PGlite in a temp folder unless `databaseUrl`. */
async function startServer(databaseUrl?: string): Promise<Server> {
  const dir = mkdtempSync(path.join(tmpdir(), 'prejury-bench-deploy-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const { child, stop: stopServer } = spawnBenchServer((await builtServer()).server, port, dir, {
    PREJURY_DEMO_PASSWORD: PASSWORD,
    PREJURY_MAX_UPLOAD_MB: '25',
    ...(databaseUrl
      ? {
          DATABASE_URL: databaseUrl,
          PREJURY_SEED_DEMO: 'true',
          PREJURY_AUTH_SECRET: randomBytes(24).toString('hex'),
        }
      : { PREJURY_DATA_DIR: path.join(dir, 'data') }),
  });
  const stop = async () => {
    await stopServer();
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 150_000;
  while (
    !(await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (child.exitCode !== null || Date.now() > deadline) {
      const out = readFileSync(path.join(dir, 'server.log'), 'utf8');
      await stop();
      throw new Error(`the server did not start:\n${out.slice(-2000)}`);
    }
    await sleep(100);
  }
  return { base, pid: child.pid as number, stop };
}

/** A finished review of a generated 20-page PDF (the page a candidate keeps open), and a signed-in fetch. */
async function finishedReview(base: string) {
  // The file first: built after sign-in, it can outlast the server's keep-alive (5 s) on a loaded
  // machine, and the next request then meets a closed socket (ECONNRESET).
  const pdf = await dossierPdf(await benchDossier(20, EXAM));
  const api = await signedInFetch(base, DEMO_USERS.candidate, PASSWORD);
  const form = new FormData();
  form.append('file', new File([Uint8Array.from(pdf)], 'dossier-20p.pdf', { type: 'application/pdf' }));
  form.append('examId', EXAM);
  const dossier = (await (await api('/api/dossiers', { method: 'POST', body: form })).json()) as {
    id: string;
  };
  const { id } = (await (
    await api(`/api/dossiers/${dossier.id}/versions/1/reviews`, { method: 'POST' })
  ).json()) as { id: string };
  for (const deadline = Date.now() + 120_000; Date.now() < deadline; await sleep(250)) {
    const { status } = (await (await api(`/api/reviews/${id}`)).json()) as { status: string };
    if (status === 'done') return { api, reviewId: id };
    if (status === 'failed') throw new Error('the benchmark review failed');
  }
  throw new Error('the benchmark review did not finish');
}

/** autocannon on one signed-in route (10 connections, 10 s): the raw result. */
export function signedInLoad(base: string, urlPath: string, cookie: string) {
  return autocannon({
    url: `${base}${urlPath}`,
    headers: { cookie },
    connections: CONNECTIONS,
    duration: LOAD_SECONDS,
    timeout: 10,
  });
}

async function load(base: string, urlPath: string, cookie: string): Promise<ReadFigures> {
  const result = await signedInLoad(base, urlPath, cookie);
  return {
    requestsPerSecond: round(result.requests.average, 0),
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    non2xx: result.non2xx + result.errors + result.timeouts,
  };
}

async function signedInReads(base: string) {
  const { api, reviewId } = await finishedReview(base);
  const reviewById = await load(base, `/api/reviews/${reviewId}`, api.cookie);
  const examById = await load(base, `/api/exams/${EXAM}`, api.cookie);
  return { reviewById, examById };
}

/** A 3 MB Markdown dossier: the gold dossiers of the exam, repeated with numbered sections. */
function bigMarkdown(n: number): Uint8Array<ArrayBuffer> {
  const dir = path.join(ROOT, 'evals/cases', EXAM);
  const parts = readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .map((f) => readFileSync(path.join(dir, f), 'utf8'));
  let text = `# Dossier de charge n° ${n}\n\n`;
  for (let i = 0; text.length < UPLOAD_MB * 1024 * 1024; i++) {
    text += `\n\n## Partie ${i + 1}\n\n${parts[i % parts.length]}`;
  }
  return new TextEncoder().encode(text);
}

async function healthUnderUploads(base: string): Promise<DeployResult['healthUnderUploads']> {
  // The request bodies are built before sampling starts: copying 10 × 3 MB into File objects blocks this
  // process's event loop for a moment, and a health request waiting on it would be charged to the server.
  const forms = Array.from({ length: UPLOADS }, (_, i) => {
    const form = new FormData();
    form.append('file', new File([bigMarkdown(i + 1)], `charge-${i + 1}.md`, { type: 'text/markdown' }));
    form.append('examId', EXAM);
    return form;
  });
  const api = await signedInFetch(base, DEMO_USERS.candidate, PASSWORD);
  const samples: number[] = [];
  let resets = 0;
  let uploading = true;
  const sampler = (async () => {
    while (uploading) {
      const started = performance.now();
      // A connection reset (the server's keep-alive timer firing late after a stall) counts, with its time.
      await fetch(`${base}/api/health`).then(
        (r) => r.arrayBuffer(),
        () => void resets++,
      );
      samples.push(performance.now() - started);
      await sleep(20);
    }
  })();
  const started = performance.now();
  const failures: string[] = [];
  await Promise.all(
    forms.map(async (form) => {
      try {
        const res = await api('/api/dossiers', { method: 'POST', body: form });
        if (res.status !== 201) failures.push(`${res.status} ${(await res.text()).slice(0, 120)}`);
      } catch (err) {
        failures.push(String((err as Error).cause ?? err));
      }
    }),
  );
  const uploadSeconds = (performance.now() - started) / 1000;
  uploading = false;
  await sampler;
  return {
    uploads: UPLOADS,
    megabytes: UPLOAD_MB,
    samples: samples.length,
    p50Ms: round(median(samples), 1),
    p99Ms: round(percentile(samples, 99), 1),
    maxMs: round(Math.max(...samples), 1),
    uploadSeconds: round(uploadSeconds, 1),
    healthResets: resets,
    failedUploads: failures.length,
    ...(failures.length > 0 ? { firstFailure: failures[0] } : {}),
  };
}

export function postgresServerUrl(): string | undefined {
  return process.env.PREJURY_BENCH_DATABASE_URL || process.env.PREJURY_TEST_DATABASE_URL || undefined;
}

export async function withPostgresDatabase<T>(
  serverUrl: string,
  fn: (url: string, version: string) => Promise<T>,
) {
  const name = `prejury_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const [{ server_version }] = (await admin.query('show server_version')).rows;
    await admin.query(`create database "${name}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    try {
      return await fn(url.toString(), String(server_version).split(' ')[0]);
    } finally {
      await admin.query(`drop database if exists "${name}" with (force)`);
    }
  } finally {
    await admin.end();
  }
}

export async function benchDeploy(): Promise<DeployResult> {
  const lite = await startServer();
  let idleRssMb: number;
  let pgliteReads: Awaited<ReturnType<typeof signedInReads>>;
  let health: DeployResult['healthUnderUploads'];
  try {
    await sleep(5_000);
    idleRssMb = rssMb(lite.pid);
    log(`deploy: PGlite server idle ${idleRssMb} MB`);
    pgliteReads = await signedInReads(lite.base);
    log(`deploy: PGlite GET /api/reviews/:id ${JSON.stringify(pgliteReads.reviewById)}`);
    health = await healthUnderUploads(lite.base);
    log(`deploy: /api/health under ${UPLOADS} × ${UPLOAD_MB} MB uploads ${JSON.stringify(health)}`);
  } finally {
    await lite.stop();
  }

  const serverUrl = postgresServerUrl();
  let postgres: DeployResult['reads']['postgres'] = null;
  if (serverUrl) {
    postgres = await withPostgresDatabase(serverUrl, async (url, serverVersion) => {
      const server = await startServer(url);
      try {
        const reads = await signedInReads(server.base);
        log(`deploy: PostgreSQL GET /api/reviews/:id ${JSON.stringify(reads.reviewById)}`);
        return { ...reads, serverVersion };
      } finally {
        await server.stop();
      }
    });
  }
  return {
    connections: CONNECTIONS,
    seconds: LOAD_SECONDS,
    reads: {
      pglite: pgliteReads,
      postgres,
      ...(serverUrl
        ? {}
        : {
            postgresSkipped: 'no PostgreSQL: set PREJURY_BENCH_DATABASE_URL (or PREJURY_TEST_DATABASE_URL)',
          }),
    },
    healthUnderUploads: health,
    idleRssMb,
  };
}
