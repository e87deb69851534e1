/**
 * The API under load: the real, built server process (`node dist/server/server/src/index.js` as `npm start`
 * runs it, see scripts/build-server.ts; embedded PGlite in
 * a temporary `PREJURY_DATA_DIR`, offline analyzer, embedded review worker) on a free loopback port.
 * autocannon (10 connections, 10 s) on `GET /api/reviews/:id` (a finished review) and `GET /api/exams/:id`;
 * then 100 dossiers uploaded and reviewed through the API, and the server's resident memory before and
 * after: `VmRSS` of /proc/<pid>/status summed over the server and its descendants (it parses uploads in
 * child processes, which the server's own figure would leave out), the peak sampled over the run (see
 * lib/process-tree.ts); the server's CPU per request under load (/proc/<pid>/stat, the server alone: no
 * parse runs during the load).
 * Then, in this process, `reviews.get` beside the three queries it replaced (issue #10), in alternation.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { dossierVersions, reviewCriteria, reviews } from '../db/schema';
import { freePort } from '../server/src/lib/testing/free-port';
import { DEMO_USERS, signedInFetch } from '../server/src/testing';
import { signedInLoad } from './deploy';
import { builtServer } from './lib/built-server';
import { benchDossier, dossierPdf } from './lib/dossier';
import { goldMarkdown } from './lib/gold-cases';
import { treeRssMb, treeRssPeak } from './lib/process-tree';
import { createHarness } from './lib/review-harness';
import { spawnBenchServer } from './lib/server-process';
import { log, median, round } from './lib/stats';

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
  /**
   * CPU time (user + system) the server process spent per request during the run, ms: what one request
   * costs the server whatever else the machine is doing, unlike req/s.
   */
  serverCpuMsPerRequest: number;
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
  /**
   * `reviews.get` (what `GET /api/reviews/:id` reads) in-process on a finished 20-page review, median ms per
   * read: today's one query, and the three sequential queries it replaced in issue #10 (review row, version,
   * criteria statuses), timed in alternation so both see the same machine.
   */
  reviewRead: { oneQueryMs: number; threeQueriesMs: number };
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

/** The server's resident memory with its parse children's, MB. */
function rssMb(pid: number): number {
  return round(treeRssMb(pid), 1);
}

/** Clock ticks per second of /proc's CPU times (100 on Linux unless the kernel says otherwise). */
/** Password of the demo accounts the benchmarked server seeds. */
const BENCH_PASSWORD = 'mot-de-passe-bench';

const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim()) || 100;

/** CPU time (user + system) the process has used so far, ms: fields 14 and 15 of /proc/<pid>/stat. */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces: count the fields after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function checkDeadline(started: number, what: string) {
  if (performance.now() - started > DEADLINE_MS) throw new Error(`${what}: over ${DEADLINE_MS / 1000} s`);
}

/** The gold dossiers of every exam (Markdown), cycled: a mix of exams, lengths and qualities. */
function bulkDossiers(): { examId: string; name: string; text: string }[] {
  return goldMarkdown();
}

/** See `ApiResult.reviewRead`. */
async function reviewRead(): Promise<ApiResult['reviewRead']> {
  const h = await createHarness({ grader: 'offline' });
  try {
    const { dossierId, version } = await h.upload('b1-diagnostics-strategiques', 20);
    const id = await h.request(dossierId, version);
    await h.services.reviews.run(id);
    const { db } = h.database;
    const threeQueries = async () => {
      const [row] = await db.select().from(reviews).where(eq(reviews.id, id));
      await db
        .select({ dossierId: dossierVersions.dossierId, version: dossierVersions.version })
        .from(dossierVersions)
        .where(eq(dossierVersions.id, row.versionId));
      await db
        .select({ id: reviewCriteria.criterionId, status: reviewCriteria.status })
        .from(reviewCriteria)
        .where(eq(reviewCriteria.reviewId, row.id));
    };
    const oneQuery = () => h.services.reviews.get(id);
    const batch = async (fn: () => Promise<unknown>, n: number) => {
      const started = performance.now();
      for (let i = 0; i < n; i++) await fn();
      return (performance.now() - started) / n;
    };
    await batch(threeQueries, 100);
    await batch(oneQuery, 100);
    const one: number[] = [];
    const three: number[] = [];
    for (let pass = 0; pass < 20; pass++) {
      three.push(await batch(threeQueries, 25));
      one.push(await batch(oneQuery, 25));
    }
    const figures = { oneQueryMs: round(median(one), 2), threeQueriesMs: round(median(three), 2) };
    log(`api: reviews.get in-process ${figures.oneQueryMs} ms (three queries: ${figures.threeQueriesMs} ms)`);
    return figures;
  } finally {
    await h.close();
  }
}

export async function benchApi(): Promise<ApiResult> {
  const server = await serverRuns();
  // After the server has stopped, so that nothing else of the benchmark competes for the cores.
  return { ...server, reviewRead: await reviewRead() };
}

/** autocannon on one signed-in route of the running server, with the server's CPU time per request. */
async function load(base: string, pid: number, cookie: string, urlPath: string): Promise<LoadFigures> {
  const cpuBefore = cpuMs(pid);
  const result = await signedInLoad(base, urlPath, cookie);
  const figures = {
    path: urlPath.replace(/[0-9a-f-]{36}/, ':id'),
    requestsPerSecond: round(result.requests.average, 0),
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    requests: result['2xx'] + result.non2xx,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    serverCpuMsPerRequest: round((cpuMs(pid) - cpuBefore) / Math.max(1, result['2xx'] + result.non2xx), 2),
  };
  log(
    `api: ${figures.path} ${figures.requestsPerSecond} req/s, p50 ${figures.latencyP50Ms} ms, p99 ${figures.latencyP99Ms} ms, server CPU ${figures.serverCpuMsPerRequest} ms/request`,
  );
  return figures;
}

async function serverRuns(): Promise<Omit<ApiResult, 'reviewRead'>> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'prejury-bench-api-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // Built before the clock starts: startup is the server's own.
  const { server: entry } = await builtServer();
  const started = performance.now();
  const { child: server, stop: stopServer } = spawnBenchServer(entry, port, dataDir, {
    PREJURY_DATA_DIR: path.join(dataDir, 'data'),
    PREJURY_DEMO_PASSWORD: BENCH_PASSWORD,
  });
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
    const readyRssMb = rssMb(pid);
    const peak = treeRssPeak(pid);
    log(`api: server ready in ${round(startupMs, 0)} ms, ${readyRssMb} MB`);

    // Every API call is a signed-in candidate's, as in production (session lookup included).
    const api = await signedInFetch(base, DEMO_USERS.candidate, BENCH_PASSWORD);
    const { cookie } = api;
    const upload = async (examId: string, name: string, bytes: Uint8Array, type: string) => {
      const form = new FormData();
      form.append('file', new File([Uint8Array.from(bytes)], name, { type }));
      form.append('examId', examId);
      const res = await api('/api/dossiers', { method: 'POST', body: form });
      if (res.status !== 201) throw new Error(`upload ${name}: ${res.status} ${await res.text()}`);
      const dossier = (await res.json()) as { id: string };
      const review = await api(`/api/dossiers/${dossier.id}/versions/1/reviews`, { method: 'POST' });
      if (review.status !== 202) throw new Error(`review ${name}: ${review.status} ${await review.text()}`);
      return ((await review.json()) as { id: string }).id;
    };
    const waitDone = async (ids: string[], since: number) => {
      const pending = new Set(ids);
      let failed = 0;
      while (pending.size > 0) {
        checkDeadline(since, 'reviews');
        for (const id of [...pending]) {
          const body = (await (await api(`/api/reviews/${id}`)).json()) as { status: string };
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

    const reviewById = await load(base, pid, cookie, `/api/reviews/${reviewId}`);
    const examById = await load(base, pid, cookie, `/api/exams/${examId}`);
    const afterLoadRssMb = rssMb(pid);

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
    const after100ReviewsRssMb = rssMb(pid);
    const peakRssMb = round(peak.stop(), 1);
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
    await stopServer();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
