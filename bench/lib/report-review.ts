/** BENCHMARKS.md's header, targets and the review pipeline's sections (before/after, ingestion, orchestration, tokens). */
import type { BenchResult } from '../run';
import { BEFORE_ISSUE_10 } from './before-issue-10';
import { ms, n, pct, type Row, table } from './report-format';

export function header(r: BenchResult): string {
  const m = r.machine;
  return [
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` (\`bench/\`); regenerate rather than edit. Every figure comes from the run below, on this machine.`,
    '',
    '| | |',
    '|---|---|',
    `| Machine | ${m.cpu}, ${m.cores} cores, ${n(m.ramGb, 1)} GB RAM (${m.os}) |`,
    `| Node | ${m.node} |`,
    `| Poppler pdftotext | ${m.pdftotext ?? 'not found'} |`,
    `| Date | ${r.date} |`,
    `| Command | \`${r.command}\` (${n(r.durationSeconds)} s) |`,
    `| Load average (1/5/15 min) | ${r.load.start.join(' / ')} at start · ${r.load.end.join(' / ')} at end (${m.cores} cores) |`,
    `| Figures | medians of several runs (counts per section in the notes) |`,
  ].join('\n');
}

export function targets(r: BenchResult): string {
  return [
    '## Targets',
    '',
    table(r.targets.map((t) => [t.figure, n(t.value, t.value < 100 ? 2 : 0), t.target, t.met])),
  ].join('\n');
}

/** Issue #10: this run beside the run the optimisations started from (`before-issue-10.ts`). */
export function beforeAfter(r: BenchResult): string {
  const b = BEFORE_ISSUE_10;
  const o = r.orchestration;
  const v = r.tokens?.review;
  const q = r.tokens?.retrievalMode;
  const a = r.api;
  const i = r.ingestion;
  const rows = ['| # | change | figure | before | after | target |', '|---|---|---|---|---|---|'];
  const row = (...cells: string[]) => rows.push(`| ${cells.join(' | ')} |`);
  if (o) {
    const stub = '1';
    const what =
      'stub server: usage counted on arrival, inside the latency window; token counts memoised at cuts (`stub-server.ts`, `prompt-cache.ts`)';
    row(
      stub,
      what,
      `**review_wall_over_call** (${o.most.examId}, ${o.most.criteria} criteria)`,
      `${n(b.stub.reviewWallOverCall, 2)} (${ms(b.stub.wallMs)})`,
      `**${n(o.reviewWallOverCall, 2)}** (${ms(o.most.wallMs)})`,
      '≤ 1.3',
    );
    row(stub, '″', 'one call as the SDK sees it (median)', ms(b.stub.sdkCallMs), ms(o.most.sdkCallMs), '—');
    row(
      stub,
      '″',
      'stub CPU per call',
      `${ms(b.stub.stubCpuPerCallMs, 1)}, every call, after the wait`,
      `${ms(o.stubTokenisingPerCallMs, 1)} median, ${ms(o.stubTokenisingFirstCallMs, 1)} the first call`,
      '—',
    );
    row(
      stub,
      '″',
      'review through the stub ÷ through the flat provider, same run (1 = the stub costs nothing; robust to load)',
      n(b.stub.wallMs / b.stub.flatProviderWallMs, 2),
      n(o.most.wallMs / o.mostFlatProvider.wallMs, 2),
      '—',
    );
  }
  if (v && q) {
    const what =
      '`system@v2` + `grade-criterion@v2`: steps and JSON form in the system prompt, only the criterion after the dossier';
    row(
      '2',
      what,
      '**uncached_tokens_over_dossier_rubric**',
      `${n(b.tokens.uncachedOverDossierRubric, 2)} (${n(b.tokens.uncachedTokens)} tokens)`,
      `**${n(v.optimised.uncachedOverDossierRubric, 2)}** (${n(v.optimised.uncachedTokens)} tokens)`,
      '≤ 1.3',
    );
    row(
      '2',
      '″',
      'criterion task after the dossier (mean) · system prompt, tokens',
      `${n(b.tokens.taskMeanTokens)} · ${n(b.tokens.systemTokens)}`,
      `${n(v.blocks.taskMean)} · ${n(v.blocks.system)}`,
      '—',
    );
    row(
      '2',
      '″',
      'prompt tokens per review · shared-prefix share of calls 2–n',
      `${n(b.tokens.promptTokens)} · ${pct(b.tokens.sharedPrefixShareAfterFirst)}`,
      `${n(v.promptTokens)} · ${pct(v.optimised.sharedPrefixShareAfterFirst)}`,
      '—',
    );
    row(
      '2',
      '″',
      `retrieval mode (${q.pages} p): uncached ÷ (dossier + rubric)`,
      n(b.tokens.retrievalModeUncachedOverDossierRubric, 2),
      n(q.optimised.uncachedOverDossierRubric, 2),
      '—',
    );
  }
  if (a) {
    const what =
      '`reviews.get`: one query (version joined, criteria statuses aggregated with `json_agg`) instead of three';
    row(
      '3',
      what,
      '`reviews.get` in-process, finished 20-page review (before = the three queries, timed in alternation in this run)',
      ms(a.reviewRead.threeQueriesMs, 2),
      ms(a.reviewRead.oneQueryMs, 2),
      '—',
    );
    row(
      '3',
      '″',
      '`GET /api/reviews/:id`, 10 connections (moves with the load: see the header; after = with the session lookup and access check every request pays since accounts, #7)',
      `${n(b.api.reviewByIdRequestsPerSecond)} req/s · p50 ${ms(b.api.reviewByIdP50Ms)}`,
      `${n(a.reviewById.requestsPerSecond)} req/s · p50 ${ms(a.reviewById.latencyP50Ms)} · server CPU ${ms(a.reviewById.serverCpuMsPerRequest, 2)}/request`,
      '—',
    );
  }
  if (i) {
    const at30 = i.sizes.find((s) => s.pages === 30);
    row(
      '4',
      'PDF extraction: not changed (one pass not safe to do now; see the notes)',
      'extraction ÷ plain `pdftotext` (30 p, in-process; since #15 the target is measured against `pdftotext -layout`, in the ingestion table)',
      `${n(b.ingestion.extractionOverPdftotext, 2)} (${ms(b.ingestion.inProcess30Ms, 1)} ÷ ${ms(b.ingestion.pdftotext30Ms, 1)})`,
      `**${n(i.extractionOverPlainPdftotext, 2)}** (${ms(at30?.pdf.inProcessMs ?? 0, 1)} ÷ ${ms(at30?.pdftotextMs ?? 0, 1)}; same code, so any change is the machine: pdftotext's process start took ${ms(i.pdftotextStartMs, 1)}, before ${ms(b.ingestion.pdftotextStartMs, 1)})`,
      '≤ 2',
    );
  }
  if (rows.length === 2) return '';
  return [
    '## Before → after (issue #10)',
    '',
    `Before: the full run of ${b.date} (same machine, \`${b.command}\`, load ${b.load.start.join(' / ')} at start), from which issue #10 started (\`bench/lib/before-issue-10.ts\`); after: this run. The ratios compare like with like; absolute times and req/s move with the machine's load (header), so read them beside their reference rows.`,
    '',
    rows.join('\n'),
  ].join('\n');
}

export function ingestion(r: BenchResult): string {
  const i = r.ingestion;
  if (!i) return '';
  const rows: Row[] = [];
  for (const s of i.sizes) {
    rows.push([
      `PDF ${s.pages} p — in-process`,
      `${n(s.pdf.inProcessPagesPerSecond, 1)} pages/s (${ms(s.pdf.inProcessMs, 1)})`,
    ]);
    rows.push([
      `PDF ${s.pages} p — parse pool (child processes)`,
      `${n(s.pdf.workerPagesPerSecond, 1)} pages/s (${ms(s.pdf.workerMs, 1)})`,
    ]);
    rows.push([
      `PDF ${s.pages} p — \`pdftotext -layout\``,
      `${n(s.pdftotextLayoutPagesPerSecond, 1)} pages/s (${ms(s.pdftotextLayoutMs, 1)})`,
    ]);
    rows.push([
      `PDF ${s.pages} p — plain \`pdftotext\``,
      `${n(s.pdftotextPagesPerSecond, 1)} pages/s (${ms(s.pdftotextMs, 1)})`,
    ]);
    rows.push([
      `PDF ${s.pages} p — ours: time per page, memory of one parse`,
      `${ms(s.pdfMsPerPage, 2)}/page; peak RSS +${n(s.pdfPeakRssMb, 1)} MB, heap held after ${n(s.pdfHeapAfterMb, 1)} MB`,
    ]);
    rows.push([
      `DOCX ${s.pages} p — in-process`,
      `${n(s.docx.inProcessPagesPerSecond, 1)} pages/s (${ms(s.docx.inProcessMs, 1)})`,
    ]);
    rows.push([
      `DOCX ${s.pages} p — parse pool (child processes)`,
      `${n(s.docx.workerPagesPerSecond, 1)} pages/s (${ms(s.docx.workerMs, 1)})`,
    ]);
  }
  const at30 = i.sizes.find((s) => s.pages === 30);
  const b = i.breakdown30Pdf;
  const iqr = (q: { q1: number; q3: number }, digits: number, unit = '') =>
    `IQR ${n(q.q1, digits)}–${n(q.q3, digits)}${unit}`;
  if (at30) {
    rows.push([
      `**extraction_over_pdftotext** (30 p, in-process, against \`pdftotext -layout\`: median of ${at30.rounds} per-round ratios)`,
      `**${n(i.extractionOverPdftotext, 2)}** (${iqr(at30.overLayout, 2)}; medians ${ms(at30.pdf.inProcessMs, 1)} [${iqr(at30.pdfSpreadMs, 1, ' ms')}] ÷ ${ms(at30.pdftotextLayoutMs, 1)} [${iqr(at30.pdftotextLayoutSpreadMs, 1, ' ms')}])`,
      '≤ 2',
      i.extractionOverPdftotext <= 2,
    ]);
    rows.push([
      'same against plain `pdftotext`',
      `${n(i.extractionOverPlainPdftotext, 2)} (${iqr(at30.overPlain, 2)}; plain \`pdftotext\` median ${ms(at30.pdftotextMs, 1)} [${iqr(at30.pdftotextSpreadMs, 1, ' ms')}])`,
    ]);
    rows.push([
      "same in CPU time (user + system, our helper threads included; less moved by the machine's load than elapsed time)",
      `${n(at30.cpuOverLayout.median, 2)} (${iqr(at30.cpuOverLayout, 2)}; medians ${ms(at30.pdfCpuSpreadMs.median, 1)} ÷ ${ms(at30.pdftotextLayoutCpuSpreadMs.median, 1)})`,
    ]);
    rows.push([
      'same against `pdftotext -layout`, through the parse pool',
      `${n(i.workerExtractionOverPdftotext, 2)} (${iqr(at30.workerOverLayout, 2)})`,
    ]);
  }
  for (const s of i.sizes.filter((s) => s.pages !== 30)) {
    rows.push([
      `${s.pages} p, in-process ÷ \`pdftotext -layout\` (median of ${s.rounds} per-round ratios)`,
      `${n(s.overLayout.median, 2)} (${iqr(s.overLayout, 2)})`,
    ]);
  }
  rows.push(['pdftotext process start (`pdftotext -v`), included above', ms(i.pdftotextStartMs, 1)]);
  rows.push(['parse pool cold start (first parse in a new child, 10 p)', ms(i.workerColdStartMs)]);
  rows.push(['30 p PDF: `parsePdf` (pdfjs + lines)', ms(b.extractMs, 1)]);
  rows.push(['— pdfjs `getOperatorList`, all pages', ms(b.operatorListMs, 1)]);
  rows.push(['— our text runs, hidden text and shapes from it (`readOperators`)', ms(b.textRunsMs, 1)]);
  rows.push(['30 p PDF: `finishDocument`', ms(b.finishMs, 1)]);
  rows.push([`— language detection of each section (${b.sections} sections)`, ms(b.sectionLanguagesMs, 1)]);
  return ['## 1. Ingestion', '', table(rows)].join('\n');
}

export function orchestration(r: BenchResult): string {
  const o = r.orchestration;
  if (!o) return '';
  const exam = (e: typeof o.most) => `${e.examId} (${e.criteria} criteria, ${e.pages} p)`;
  const c = o.perCriterionCpuMs;
  const rows: Row[] = [
    [
      `**review_wall_over_call** — ${exam(o.most)}`,
      `**${n(o.most.wallOverCall, 2)}** (${ms(o.most.wallMs)} ÷ ${ms(o.callLatencyMs)})`,
      '≤ 1.3',
      o.most.wallOverCall <= 1.3,
    ],
    [`wall ÷ call — ${exam(o.fewest)}`, `${n(o.fewest.wallOverCall, 2)} (${ms(o.fewest.wallMs)})`],
    [
      `wall ÷ call — ${o.most.examId}, flat provider (service alone)`,
      `${n(o.mostFlatProvider.wallOverCall, 2)} (${ms(o.mostFlatProvider.wallMs)})`,
    ],
    [
      'one call as the SDK sees it (median) — stub / flat provider',
      `${ms(o.most.sdkCallMs)} / ${ms(o.mostFlatProvider.sdkCallMs)}`,
    ],
    [
      'review timeline (stub): before 1st call · calls · after last answer',
      `${ms(o.most.breakdown.beforeFirstCallMs)} · ${ms(o.most.breakdown.callsSpanMs)} · ${ms(o.most.breakdown.afterLastCallMs)}`,
    ],
    [
      'first → last call sent (stub / flat)',
      `${ms(o.most.callStartSpreadMs)} / ${ms(o.mostFlatProvider.callStartSpreadMs)}`,
    ],
    [
      'stub CPU per call, on arrival (prompt + shared-prefix tokens, memoised): median · first call',
      `${ms(o.stubTokenisingPerCallMs, 1)} · ${ms(o.stubTokenisingFirstCallMs, 1)}`,
    ],
    [
      'review-service CPU per criterion, besides the call',
      `${ms(c.total, 1)}: offline 2nd opinion ${n(c.offlineSecondOpinion, 1)}, verify quotes ${n(c.verifyQuotes, 1)}, keyword stuffing ${n(c.keywordStuffing, 1)}, redact PII ${n(c.redactPii, 1)}, request ${n(c.buildRequest, 1)}`,
    ],
    ['injections stripped from the passages (once per review)', ms(c.stripInjectionsPerReview, 1)],
    [
      `offline review (\`reviews.run\`, no model) — ${o.offline.examId}, ${o.offline.pages} p, ${n(o.offline.words)} words`,
      ms(o.offline.reviewMs),
      '< 1 s',
      o.offline.reviewMs < 1000,
    ],
    [
      `offline analyzer alone, all ${o.offline.criteria} criteria (fresh caches)`,
      `${ms(o.offline.analyzerPerReviewMs, 1)} (${ms(o.offline.analyzerPerCriterionMs, 1)} per criterion; ${ms(o.offline.analyzerWarmPerCriterionMs, 2)} once warm)`,
    ],
  ];
  return ['## 2. Review orchestration', '', table(rows)].join('\n');
}

export function tokens(r: BenchResult): string {
  const t = r.tokens;
  if (!t) return '';
  const v = t.review;
  const q = t.retrievalMode;
  const denominator = v.blocks.dossier + v.blocks.rubric;
  const rows: Row[] = [
    [
      `prompt tokens per review — ${v.examId}, ${v.pages} p, whole dossier`,
      `${n(v.promptTokens)} (${n(v.promptTokensPerCall)} per call × ${v.calls})`,
    ],
    ['completion tokens per review', `${n(v.completionTokens)} (${n(v.completionTokensPerCall)} per call)`],
    [
      'request blocks: system · exam guidance (rubric) · fenced dossier · criterion task (mean)',
      `${n(v.blocks.system)} · ${n(v.blocks.rubric)} · ${n(v.blocks.dossier)} · ${n(v.blocks.taskMean)}`,
    ],
    [
      'prompt share that is a prefix shared with an earlier call — optimised layout',
      `${pct(v.optimised.sharedPrefixShare)} (${pct(v.optimised.sharedPrefixShareAfterFirst)} of calls 2–${v.calls})`,
    ],
    [
      '— naive baseline (`buildNaiveGradingRequest`)',
      `${pct(v.naive.sharedPrefixShare)} (${pct(v.naive.sharedPrefixShareAfterFirst)} of calls 2–${v.calls})`,
    ],
    [
      '**uncached_tokens_over_dossier_rubric**',
      `**${n(v.optimised.uncachedOverDossierRubric, 2)}** (${n(v.optimised.uncachedTokens)} ÷ ${n(denominator)})`,
      '≤ 1.3',
      v.optimised.uncachedOverDossierRubric <= 1.3,
    ],
    ['— naive baseline', `${n(v.naive.uncachedOverDossierRubric, 2)} (${n(v.naive.uncachedTokens)})`],
    [
      `retrieval mode (${q.pages} p, ${n(q.words)} words > whole-dossier budget): prompt tokens`,
      `${n(q.promptTokens)} (${n(q.promptTokensPerCall)} per call)`,
    ],
    [
      '— shared-prefix share · uncached ÷ (dossier + rubric), optimised / naive',
      `${pct(q.optimised.sharedPrefixShare)} · ${n(q.optimised.uncachedOverDossierRubric, 2)} / ${pct(q.naive.sharedPrefixShare)} · ${n(q.naive.uncachedOverDossierRubric, 2)}`,
    ],
    [
      'cached prompt tokens: reported by the stub / stored with the review',
      `${n(v.stubCachedPromptTokens)} / ${n(v.storedCachedPromptTokens)}`,
    ],
    [
      'rebuilt requests equal the recorded prompts byte for byte',
      v.rebuiltMatchesRecorded && q.rebuiltMatchesRecorded ? 'yes' : 'no',
    ],
  ];
  return ['## 3. Tokens', '', table(rows)].join('\n');
}
