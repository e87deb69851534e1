/** BENCHMARKS.md's issue #17 blocks (deployment, scale-out), each between markers so it can be replaced alone. */
import type { BenchResult } from '../run';
import { ms, n, type Row, table } from './report-format';

export const DEPLOY_START = '<!-- deploy:start -->';
export const DEPLOY_END = '<!-- deploy:end -->';

/**
 * Issue #17's figures, between markers so that `npm run bench -- --only deploy` can replace this section
 * alone (it states its own date, machine and load, since the rest of the file may come from another run).
 */
export function deploySection(r: BenchResult): string {
  const d = r.deploy;
  if (!d) return '';
  const m = r.machine;
  const reads = (
    label: string,
    f: { requestsPerSecond: number; latencyP50Ms: number; latencyP99Ms: number; non2xx: number },
    rps: number,
    p99?: number,
  ): Row => [
    label,
    `${n(f.requestsPerSecond)} req/s · p50 ${ms(f.latencyP50Ms)} · p99 ${ms(f.latencyP99Ms)}${f.non2xx ? ` · ${n(f.non2xx)} non-2xx` : ''}`,
    `≥ ${n(rps)} req/s${p99 === undefined ? '' : ` · p99 ≤ ${p99} ms`}`,
    f.requestsPerSecond >= rps && (p99 === undefined || f.latencyP99Ms <= p99) && f.non2xx === 0,
  ];
  const rows: Row[] = [
    reads('signed-in `GET /api/reviews/:id` (finished), PGlite', d.reads.pglite.reviewById, 1500),
    reads('signed-in `GET /api/exams/:id`, PGlite', d.reads.pglite.examById, 1500),
  ];
  if (d.reads.postgres) {
    rows.push(
      reads(
        `signed-in \`GET /api/reviews/:id\` (finished), PostgreSQL ${d.reads.postgres.serverVersion}`,
        d.reads.postgres.reviewById,
        3000,
        20,
      ),
      reads(
        `signed-in \`GET /api/exams/:id\`, PostgreSQL ${d.reads.postgres.serverVersion}`,
        d.reads.postgres.examById,
        3000,
        20,
      ),
    );
  } else {
    rows.push([
      'signed-in reads on PostgreSQL',
      `not measured: ${d.reads.postgresSkipped ?? 'no server'}`,
      '≥ 3,000 req/s · p99 ≤ 20 ms',
      null,
    ]);
  }
  const h = d.healthUnderUploads;
  rows.push(
    [
      `\`GET /api/health\` during ${h.uploads} concurrent ${h.megabytes} MB Markdown uploads (PGlite; ${n(h.samples)} samples, uploads took ${n(h.uploadSeconds, 1)} s)`,
      `p50 ${ms(h.p50Ms)} · p99 ${ms(h.p99Ms)} · worst ${ms(h.maxMs)}${h.healthResets ? ` · ${h.healthResets} connection reset(s)` : ''}${h.failedUploads ? ` · ${h.failedUploads} upload(s) failed (${h.firstFailure?.replace(/\|/g, '/')})` : ''}`,
      'p99 ≤ 100 ms · worst ≤ 250 ms',
      h.p99Ms <= 100 && h.maxMs <= 250 && h.failedUploads === 0 && h.healthResets === 0,
    ],
    ['server RSS idle, 5 s after ready (PGlite)', `${n(d.idleRssMb)} MB`, '≤ 350 MB', d.idleRssMb <= 350],
  );
  return [
    DEPLOY_START,
    '## Production on PostgreSQL (issue #17)',
    '',
    `Run of ${r.date} on ${m.cpu}, ${m.cores} cores, Node ${m.node}; load ${r.load.start.join(' / ')} at start · ${r.load.end.join(' / ')} at end (\`${r.command}\`). autocannon (${d.connections} connections, ${d.seconds} s) runs on the same 2 cores as the server; one server process, built (\`node dist/server/server/src/index.js\`, as \`npm start\` runs it: no tsx loader), offline analyzer, embedded worker.`,
    '',
    table(rows),
    '',
    ...(r.load.start[0] > m.cores
      ? [
          `**This run is not a measurement of the targets:** the machine's load (${r.load.start[0]} at start on ${m.cores} cores) means other work held most of the CPU; rerun \`npm run bench -- --only deploy\` on a quiet machine. Compare rows within the run: the signed-in static read (\`/api/exams/:id\`) against the finished review's read shows what the review route adds without any query (access and version from the cache, ETag, the JSON from memory).`,
          '',
        ]
      : []),
    "Signed-in reads skip the session query and the review's access check for up to `PREJURY_SESSION_CACHE_MS` (5 s, the stated delay for a sign-out or an access change made through another API process; a trainer's decision, a check or a retry applies at once, through the progress bus in the other processes); a finished review's JSON comes from memory, so a signed-in read of it costs no query; referential reads cost none. Idle memory is measured on a fresh data folder: PGlite's `initdb` runs in a short-lived child process, PGlite keeps 16 MB of shared buffers, and the parsers load only in the parse child processes.",
    DEPLOY_END,
  ].join('\n');
}

export const SCALEOUT_START = '<!-- scaleout:start -->';
export const SCALEOUT_END = '<!-- scaleout:end -->';

/** The scale-out block (issue #17): reviews per minute for 1, 2, 3 workers on PostgreSQL. */
export function scaleOutSection(r: BenchResult): string {
  const s = r.scaleout;
  if (!s) return '';
  const m = r.machine;
  const head = [
    SCALEOUT_START,
    '## Scale-out on PostgreSQL (issue #17)',
    '',
    `Run of ${r.date} on ${m.cpu}, ${m.cores} cores, Node ${m.node}; load ${r.load.start.join(' / ')} at start · ${r.load.end.join(' / ')} at end (\`${r.command}\`).`,
    '',
  ];
  if (s.skipped) return [...head, `Not measured: ${s.skipped}.`, SCALEOUT_END].join('\n');
  const rows: Row[] = s.rounds.map((round) => [
    `${round.workers} worker${round.workers > 1 ? 's' : ''}${round.killed ? ', one killed with SIGKILL at a third (its reviews resume once their leases lapse)' : ''}`,
    `${n(round.reviewsPerMinute, 1)} reviews/min · ${n(round.seconds, 1)} s · done ${round.done} · failed ${round.failed} · lost ${round.lost} · criteria re-graded ${round.regraded} of ${round.criteria} (${round.modelCalls} model calls)`,
    round.killed ? 'nothing lost or graded twice' : round.workers === 1 ? 'baseline' : 'nothing lost',
    round.lost === 0 && round.failed === 0,
  ]);
  if (s.ratio !== null) {
    const clean = s.rounds.filter((round) => !round.killed);
    rows.push([
      `throughput, ${clean[clean.length - 1].workers} workers over 1`,
      `${n(s.ratio, 2)} ×`,
      '≥ 2.5 ×',
      s.ratio >= 2.5,
    ]);
  }
  return [
    ...head,
    `PostgreSQL ${s.serverVersion}; 2 API processes (\`PREJURY_EMBEDDED_WORKER=false\`) and the workers (built: \`node dist/server/server/src/worker.js\`, 2 reviews at a time each) on one fresh database per round; the repo's stub model server at a fixed ${n(s.options.latencyMs)} ms per call behind the real OpenAI SDK (I/O bound, as with a real model server; offline embeddings); ${s.options.reviews} reviews of distinct dossiers (\`${'b1-audit-rse'}\`) from ${s.options.candidates} candidates, requested at once after their uploads, timed from the first request to the last finished review. A re-graded criterion is one whose grading started twice (those in flight on a killed worker); a finished criterion is never graded again.`,
    '',
    table(rows),
    '',
    ...(r.load.start[0] > m.cores
      ? [
          `**Measured on a loaded machine** (load ${r.load.start[0]} on ${m.cores} cores): the workers compete with other work for the CPU, so the ratio is a floor; rerun \`npm run bench -- --only scaleout\` on a quiet machine.`,
          '',
        ]
      : []),
    SCALEOUT_END,
  ].join('\n');
}
