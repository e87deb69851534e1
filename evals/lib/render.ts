/**
 * How a run is shown: aligned plain-text tables for the terminal, one self-contained HTML page (inline CSS
 * and SVG, no external resource) for `evals/results/report.html`, and the one JSON object of `--json`.
 */

import type { AgreementSummary } from '../../server/src/features/calibration/metrics';
import { escapeHtml } from '../../server/src/lib/html';
import { num, pct, signed } from './cells';
import type { FormatsResult } from './formats';
import { formatsHtml, formatsJson, formatsText } from './formats-render';
import type { BaselineChange, CheckRecord, GateResult } from './gates';
import {
  HELDOUT_CASE_HEADERS,
  HELDOUT_EXAM_HEADERS,
  heldoutCaseRows,
  heldoutExamRows,
  heldoutJson,
} from './render-heldout';
import { rewritesText } from './rewrites';
import type { SuiteResult } from './suite';

/** Columns aligned on their widest cell; `align` per column ('l' or 'r'), numbers right-aligned. */
export function table(headers: string[], rows: string[][], align: ('l' | 'r')[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (align[i] === 'r' ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function checkCounts(records: CheckRecord[]) {
  const failed = records.filter((r) => !r.passed).length;
  return { passed: records.length - failed, failed };
}

function agreementCells(a: AgreementSummary): string[] {
  return [
    String(a.n),
    num(a.qwk),
    num(a.kappa),
    pct(a.exact),
    pct(a.adjacent),
    num(a.mae),
    signed(a.smd),
    signed(a.bias),
  ];
}

/** A criterion's agreement: n, gold and AI means, exact and adjacent shares, MAE, bias. */
function criterionCells(a: AgreementSummary): string[] {
  return [
    String(a.n),
    num(a.humanMean),
    num(a.aiMean),
    pct(a.exact),
    pct(a.adjacent),
    num(a.mae),
    signed(a.bias),
  ];
}

export interface RenderInput {
  suite: SuiteResult;
  gates: GateResult;
  baseline: {
    compared: boolean;
    note: string;
    changes: BaselineChange[];
    newFailures: string[];
    fixed: string[];
  };
  /** The format renderings, when they were run. */
  formats?: FormatsResult | null;
}

/** One row per exam, then the overall row: agreement, Spearman's rho, deliverables found, checks passed. */
function examRows(suite: SuiteResult, idCell: (id: string) => string, overallLabel: string): string[][] {
  const { metrics } = suite;
  const rows = metrics.exams.map((x) => {
    const c = checkCounts(suite.checks.filter((r) => r.examId === x.id));
    return [
      idCell(x.id),
      String(x.cases),
      ...agreementCells(x.agreement),
      num(x.spearman),
      pct(x.deliverables.exact),
      `${c.passed}/${c.passed + c.failed}`,
    ];
  });
  const all = checkCounts(suite.checks);
  rows.push([
    overallLabel,
    String(metrics.overall.cases),
    ...agreementCells(metrics.overall),
    num(metrics.overall.spearman),
    pct(metrics.deliverables.exact),
    `${all.passed}/${all.passed + all.failed}`,
  ]);
  return rows;
}

const right = (n: number) => Array(n).fill('r') as 'r'[];

/** The per-exam table (with an overall row) and, when the held-out part ran, its tables. */
function examsText(suite: SuiteResult): string[] {
  const out: string[] = [];
  out.push('', suite.heldout ? 'Per exam — tuning part (cases outside cases/heldout/)' : 'Per exam');
  out.push(
    table(
      ['exam', 'cases', 'n', 'QWK', 'kappa', 'exact', 'adj', 'MAE', 'SMD', 'bias', 'rho', 'deliv', 'checks'],
      examRows(suite, (id) => id, 'overall'),
      ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
  );

  if (suite.heldout) {
    out.push('', 'Per exam — held-out part (cases/heldout/, frozen before tuning)');
    out.push(table(HELDOUT_EXAM_HEADERS, heldoutExamRows(suite.heldout), ['l', ...right(8)]));
    out.push('', 'Held-out cases (overall = rubric-weighted mean)');
    out.push(
      table(HELDOUT_CASE_HEADERS, heldoutCaseRows(suite.heldout, suite.cases), ['l', 'l', 'r', 'r', 'l']),
    );
  }
  return out;
}

/** The per-quality and per-criterion tables. */
function qualitiesAndCriteriaText(metrics: SuiteResult['metrics']): string[] {
  return [
    '',
    'Per quality',
    table(
      ['quality', 'cases', 'n', 'QWK', 'kappa', 'exact', 'adj', 'MAE', 'SMD', 'bias'],
      metrics.byQuality.map((q) => [q.quality, String(q.cases), ...agreementCells(q.agreement)]),
      ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
    '',
    "Per criterion (gold mean vs AI mean over the exam's cases)",
    table(
      ['exam', 'crit', 'n', 'gold', 'AI', 'exact', 'adj', 'MAE', 'bias', 'QWK'],
      metrics.exams.flatMap((e) =>
        e.criteria.map((c) => [e.id, c.id, ...criterionCells(c.agreement), num(c.agreement.qwk)]),
      ),
      ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
  ];
}

/** The per-case table and its legend. */
function casesText(cases: SuiteResult['cases']): string[] {
  return [
    '',
    'Per case (overall = rubric-weighted mean)',
    table(
      ['case', 'quality', 'gold', 'AI', 'exact', 'scores gold→AI', 'checks', 'ms'],
      cases.map((c) => {
        const scored = c.criteria.filter((k) => k.ai !== null);
        const exact = scored.filter((k) => k.ai === k.gold).length;
        const counts = checkCounts(c.checks);
        const t = c.timings[0];
        return [
          c.id,
          c.quality,
          num(c.goldOverall),
          num(c.aiOverall),
          `${exact}/${c.criteria.length}`,
          c.criteria
            .map((k) => (k.ai === null ? `${k.gold}·` : k.ai === k.gold ? `${k.gold}=` : `${k.gold}→${k.ai}`))
            .join(' '),
          `${counts.passed}/${counts.passed + counts.failed}`,
          t ? String(t.ingestMs + t.reviewMs + t.cleanVariantMs) : '—',
        ];
      }),
      ['l', 'l', 'r', 'r', 'r', 'l', 'r', 'r'],
    ),
    '  (scores: gold score, then = same, + AI higher, - AI lower, · not graded)',
  ];
}

/** Gold vs second rater, gold vs AI on the same cases, and the third rater when there is one. */
function humanHumanRows(hh: NonNullable<SuiteResult['metrics']['humanHuman']>): string[][] {
  return [
    ['gold vs second rater', ...agreementCells(hh.agreement)],
    ['gold vs AI (same cases)', ...agreementCells(hh.aiOnSameCases)],
    ...(hh.third
      ? [
          [`gold vs third rater (${hh.third.cases.length} cases)`, ...agreementCells(hh.third.withGold)],
          ['second vs third rater', ...agreementCells(hh.third.withSecond)],
        ]
      : []),
  ];
}

const HUMAN_HUMAN_EXAM_HEADERS = ['exam', 'cases', 'n', 'QWK R1–R2', 'exact R1–R2', 'QWK AI', 'exact AI'];

/** Per exam: the two raters' QWK and exact agreement, then the AI's against the gold on the same cases. */
function humanHumanExamRows(hh: NonNullable<SuiteResult['metrics']['humanHuman']>): string[][] {
  return hh.exams.map((x) => [
    x.id,
    String(x.cases),
    String(x.agreement.n),
    num(x.agreement.qwk),
    pct(x.agreement.exact),
    num(x.aiOnSameCases.qwk),
    pct(x.aiOnSameCases.exact),
  ]);
}

/** The human–human tables of the HTML report (overall, then per exam when there are several). */
function humanHumanHtml(hh: SuiteResult['metrics']['humanHuman'], e: (s: string) => string): string {
  if (!hh) return '<p>No case has a second rater.</p>';
  const overall = htmlTable(
    ['pair', 'n', 'QWK', 'kappa', 'exact', 'adj', 'MAE', 'SMD', 'bias'],
    humanHumanRows(hh).map((row) => row.map(e)),
    [false, ...Array(8).fill(true)],
  );
  const exams =
    hh.exams.length > 1
      ? htmlTable(
          HUMAN_HUMAN_EXAM_HEADERS,
          humanHumanExamRows(hh).map((row) => row.map(e)),
          [false, ...Array(6).fill(true)],
        )
      : '';
  return `${overall}${exams}<p>Cases: ${hh.cases.map(e).join(', ')}</p>`;
}

/** Human–human agreement, when a case has a second rater: overall, per exam, and the wide disagreements. */
export function humanHumanText(hh: SuiteResult['metrics']['humanHuman'], part = ''): string[] {
  if (!hh) return ['', `Human–human${part}: no case has a second rater (.gold-r2.json).`];
  const rows = humanHumanRows(hh);
  const out = [
    '',
    `Human–human${part} (gold vs second rater on ${hh.cases.length} case(s): ${hh.cases.join(', ')})`,
    table(['pair', 'n', 'QWK', 'kappa', 'exact', 'adj', 'MAE', 'SMD', 'bias'], rows, ['l', ...right(8)]),
  ];
  if (hh.exams.length > 1) {
    out.push(
      '',
      `Human–human${part} per exam (QWK and exact: gold vs second rater | gold vs AI on the same cases)`,
      table(HUMAN_HUMAN_EXAM_HEADERS, humanHumanExamRows(hh), ['l', ...right(6)]),
    );
  }
  out.push(
    '',
    hh.wideDisagreements.length === 0
      ? `Human–human${part}: no criterion scored two or more points apart by the two raters.`
      : `Human–human${part}: ${hh.wideDisagreements.length} criteria two or more points apart (gold → second rater): ` +
          hh.wideDisagreements.map((d) => `${d.caseId} ${d.criterionId} ${d.gold}→${d.r2}`).join(', '),
  );
  return out;
}

/** Score flips over the repeats (nothing for a single pass), then the failed checks. */
function stabilityAndChecksText(suite: SuiteResult): string[] {
  const out: string[] = [];
  if (suite.repeats > 1) {
    const s = suite.stability;
    out.push(
      '',
      `Stability over ${s.repeats} repeats: ${s.flipped}/${s.n} criterion scores changed (flip rate ${pct(s.rate)})`,
      ...s.flips
        .slice(0, 20)
        .map((f) => `  ${f.caseId} ${f.criterionId}: ${f.scores.map((x) => x ?? '·').join(' → ')}`),
    );
  }
  const failed = suite.checks.filter((r) => !r.passed);
  out.push('', failed.length === 0 ? 'Checks: all passed.' : `Failed checks (${failed.length}):`);
  for (const r of failed) {
    out.push(`  ${r.subject}  ${r.name}${r.pass > 0 ? ` (repeat ${r.pass + 1})` : ''}: ${r.detail}`);
  }
  return out;
}

/** The comparison with the baseline: regressions first, then improvements and fixed checks. */
function baselineText(baseline: RenderInput['baseline']): string[] {
  const out = ['', `Baseline: ${baseline.note}`];
  if (!baseline.compared) return out;
  const regressions = baseline.changes.filter((c) => c.regression);
  const improvements = baseline.changes.filter((c) => !c.regression);
  if (regressions.length === 0 && baseline.newFailures.length === 0) out.push('  no regression.');
  for (const c of regressions)
    out.push(`  REGRESSION ${c.scope} ${c.metric}: ${num(c.baseline, 4)} → ${num(c.current, 4)}`);
  for (const f of baseline.newFailures) out.push(`  REGRESSION new failing check: ${f}`);
  for (const c of improvements)
    out.push(`  improved ${c.scope} ${c.metric}: ${num(c.baseline, 4)} → ${num(c.current, 4)}`);
  for (const f of baseline.fixed) out.push(`  fixed check: ${f}`);
  return out;
}

/** The gates' verdict, its failures, excused and stale known failures. */
function gatesText(gates: GateResult): string[] {
  const out = ['', gates.passed ? 'Gates: PASSED' : `Gates: FAILED (${gates.failures.length})`];
  for (const f of gates.failures) out.push(`  ${f}`);
  for (const e of gates.excused) out.push(`  excused ${e}`);
  for (const s of gates.staleKnownFailures)
    out.push(`  known failure no longer fails (remove it from gates.json): ${s}`);
  return out;
}

/** The terminal report. */
export function renderText({ suite, gates, baseline, formats }: RenderInput): string {
  const t = suite.timings;
  const out: string[] = [
    `Préjury evals — ${suite.provider} / ${suite.model} — ${suite.cases.length} cases` +
      `${suite.repeats > 1 ? ` × ${suite.repeats} repeats` : ''} (AI vs gold, rubric 0–4)`,
    ...examsText(suite),
    ...qualitiesAndCriteriaText(suite.metrics),
    ...casesText(suite.cases),
    ...rewritesText(suite.rewrites, table),
    ...humanHumanText(suite.metrics.humanHuman),
    ...(suite.heldout ? humanHumanText(suite.heldout.metrics.humanHuman, ' — held-out part') : []),
    ...stabilityAndChecksText(suite),
    ...baselineText(baseline),
    ...(formats ? [formatsText(formats, table)] : []),
    ...gatesText(gates),
    '',
    `Runtime: ${(t.totalMs / 1000).toFixed(1)} s (database ${(t.setupMs / 1000).toFixed(1)} s, cases ${(t.casesMs / 1000).toFixed(1)} s)`,
  ];
  return `${out.join('\n')}\n`;
}

/** The `--json` object: deterministic for the offline analyzer (no timestamps, no timings). */
export function renderJson({ suite, gates, formats }: RenderInput) {
  const { metrics } = suite;
  const r = (n: number | null) => (n === null ? null : Math.round(n * 10_000) / 10_000);
  const brief = (a: AgreementSummary) => ({
    qwk: r(a.qwk),
    exact: r(a.exact),
    adjacent: r(a.adjacent),
    mae: r(a.mae),
    smd: r(a.smd),
  });
  return {
    provider: suite.provider,
    model: suite.model,
    overall: {
      qwk: r(metrics.overall.qwk),
      kappa: r(metrics.overall.kappa),
      exact: r(metrics.overall.exact),
      adjacent: r(metrics.overall.adjacent),
      mae: r(metrics.overall.mae),
      smd: r(metrics.overall.smd),
      bias: r(metrics.overall.bias),
      spearman: r(metrics.overall.spearman),
      n: metrics.overall.n,
      cases: metrics.overall.cases,
    },
    exams: metrics.exams.map((e) => ({
      id: e.id,
      cases: e.cases,
      metrics: { ...brief(e.agreement), n: e.agreement.n, spearman: r(e.spearman) },
      checks: checkCounts(suite.checks.filter((c) => c.examId === e.id)),
    })),
    deliverables: {
      n: metrics.deliverables.n,
      exact: r(metrics.deliverables.exact),
      qwk: r(metrics.deliverables.qwk),
    },
    humanHuman: metrics.humanHuman
      ? {
          cases: metrics.humanHuman.cases,
          n: metrics.humanHuman.agreement.n,
          ...brief(metrics.humanHuman.agreement),
          kappa: r(metrics.humanHuman.agreement.kappa),
          aiOnSameCases: brief(metrics.humanHuman.aiOnSameCases),
        }
      : null,
    checks: {
      ...checkCounts(suite.checks),
      failures: suite.checks
        .filter((c) => !c.passed)
        .map((c) => ({ subject: c.subject, check: c.name, pass: c.pass, detail: c.detail })),
    },
    stability: {
      repeats: suite.repeats,
      n: suite.stability.n,
      flipped: suite.stability.flipped,
      rate: r(suite.stability.rate),
    },
    formats: formats ? formatsJson(formats) : null,
    gates: { passed: gates.passed, failures: gates.failures },
    heldout: heldoutJson(suite.heldout),
    rewrites: suite.rewrites,
  };
}

// ---------------------------------------------------------------------------------------------------------
// HTML

/** Horizontal bars, one group per label, values in [0, 1] (negatives drawn as 0, the number still shown). */
function barChart(
  title: string,
  rows: { label: string; values: (number | null)[] }[],
  series: string[],
): string {
  const colors = ['#2f6fdf', '#e08a1e', '#3a9d5d'];
  const labelWidth = 220;
  const barWidth = 360;
  const barHeight = 14;
  const groupHeight = series.length * barHeight + 10;
  const height = rows.length * groupHeight + 40;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${labelWidth + barWidth + 60}" height="${height}" role="img" aria-label="${escapeHtml(title)}">`,
    `<text x="0" y="14" font-size="13" font-weight="bold">${escapeHtml(title)}</text>`,
  ];
  series.forEach((s, i) => {
    parts.push(
      `<rect x="${labelWidth + i * 110}" y="4" width="10" height="10" fill="${colors[i]}"/>`,
      `<text x="${labelWidth + i * 110 + 14}" y="13" font-size="11">${escapeHtml(s)}</text>`,
    );
  });
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    const x = labelWidth + tick * barWidth;
    parts.push(
      `<line x1="${x}" y1="24" x2="${x}" y2="${height - 12}" stroke="#ddd"/>`,
      `<text x="${x}" y="${height - 1}" font-size="10" text-anchor="middle">${tick}</text>`,
    );
  }
  rows.forEach((row, g) => {
    const y0 = 28 + g * groupHeight;
    parts.push(
      `<text x="${labelWidth - 6}" y="${y0 + groupHeight / 2}" font-size="11" text-anchor="end">${escapeHtml(row.label)}</text>`,
    );
    row.values.forEach((v, i) => {
      const y = y0 + i * barHeight;
      const w = v === null ? 0 : Math.max(0, Math.min(1, v)) * barWidth;
      parts.push(
        `<rect x="${labelWidth}" y="${y}" width="${w.toFixed(1)}" height="${barHeight - 2}" fill="${colors[i]}"/>`,
        `<text x="${labelWidth + w + 4}" y="${y + barHeight - 4}" font-size="10">${v === null ? 'n/a' : v.toFixed(2)}</text>`,
      );
    });
  });
  parts.push('</svg>');
  return parts.join('');
}

function htmlTable(headers: string[], rows: string[][], numeric: boolean[]): string {
  const head = headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows
    .map(
      (r) => `<tr>${r.map((cell, i) => `<td${numeric[i] ? ' class="n"' : ''}>${cell}</td>`).join('')}</tr>`,
    )
    .join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** The self-contained HTML report. `generatedAt` is shown, never compared. */
export function renderHtml({ suite, gates, baseline, formats }: RenderInput, generatedAt: string): string {
  const { metrics } = suite;
  const e = escapeHtml;
  const chartRows = [
    ...metrics.exams.map((x) => ({
      label: x.id,
      values: [x.agreement.qwk, x.agreement.exact, x.agreement.adjacent],
    })),
    { label: 'overall', values: [metrics.overall.qwk, metrics.overall.exact, metrics.overall.adjacent] },
  ];
  const caseRows = suite.cases.map((c) => {
    const failed = c.checks.filter((r) => !r.passed);
    const scores = c.criteria
      .map((k) => {
        const cls =
          k.ai === null ? 'na' : k.ai === k.gold ? 'eq' : Math.abs(k.ai - k.gold) === 1 ? 'adj' : 'off';
        return `<span class="s ${cls}" title="${e(k.id)}: gold ${k.gold}, AI ${k.ai ?? 'n/a'}">${e(k.id)} ${k.gold}/${k.ai ?? '·'}</span>`;
      })
      .join(' ');
    return [
      e(c.id),
      e(c.quality),
      num(c.goldOverall),
      num(c.aiOverall),
      scores,
      failed.length === 0
        ? `<span class="ok">${c.checks.length} ok</span>`
        : `<span class="ko">${failed.length} failed</span><br>${failed.map((f) => `${e(f.name)}: ${e(f.detail)}`).join('<br>')}`,
    ];
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Préjury evals — ${e(suite.provider)} / ${e(suite.model)}</title>
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222;max-width:1200px}
table{border-collapse:collapse;margin:8px 0 24px}th,td{border:1px solid #ddd;padding:3px 6px;vertical-align:top}
th{background:#f4f4f4;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}
.s{display:inline-block;padding:0 3px;margin:1px;border-radius:3px;font-size:12px;white-space:nowrap}
.eq{background:#cdeccf}.adj{background:#fbe7b5}.off{background:#f6c1c1}.na{background:#ddd}
.ok{color:#2a7a3b}.ko{color:#b3261e;font-weight:bold}.gate-ok{color:#2a7a3b}.gate-ko{color:#b3261e}
</style></head><body>
<h1>Préjury evals</h1>
<p>${e(suite.provider)} / ${e(suite.model)} — ${suite.cases.length} cases${suite.repeats > 1 ? ` × ${suite.repeats} repeats` : ''} — AI vs gold, rubric 0–4 — generated ${e(generatedAt)}</p>
<h2 class="${gates.passed ? 'gate-ok' : 'gate-ko'}">Gates: ${gates.passed ? 'passed' : `FAILED (${gates.failures.length})`}</h2>
${gates.failures.length > 0 ? `<details><summary>Gate failures</summary><ul>${gates.failures.map((f) => `<li>${e(f)}</li>`).join('')}</ul></details>` : ''}
${gates.excused.length > 0 ? `<details><summary>Excused (known failures, ${gates.excused.length})</summary><ul>${gates.excused.map((f) => `<li>${e(f)}</li>`).join('')}</ul></details>` : ''}
<p>Baseline: ${e(baseline.note)}${
    baseline.changes.filter((c) => c.regression).length > 0
      ? ` — regressions: ${baseline.changes
          .filter((c) => c.regression)
          .map((c) => e(`${c.scope} ${c.metric} ${num(c.baseline, 3)} → ${num(c.current, 3)}`))
          .join('; ')}`
      : ''
  }</p>
${barChart('Agreement with gold per exam', chartRows, ['QWK', 'exact', 'adjacent'])}
<h2>Per exam${suite.heldout ? ' — tuning part' : ''}</h2>
${htmlTable(['exam', 'cases', 'n', 'QWK', 'kappa', 'exact', 'adj', 'MAE', 'SMD', 'bias', 'ρ', 'deliverables', 'checks'], examRows(suite, e, '<b>overall</b>'), [false, ...Array(12).fill(true)])}
${formats ? formatsHtml(formats, e) : ''}
${
  suite.heldout
    ? `<h2>Per exam — held-out part (frozen before tuning)</h2>
${htmlTable(
  HELDOUT_EXAM_HEADERS,
  heldoutExamRows(suite.heldout).map((row) => row.map(e)),
  [false, ...Array(8).fill(true)],
)}
<h3>Held-out cases</h3>
${htmlTable(
  HELDOUT_CASE_HEADERS,
  heldoutCaseRows(suite.heldout, suite.cases).map((row) => row.map(e)),
  [false, false, true, true, false],
)}`
    : ''
}
<h2>Per quality</h2>
${htmlTable(
  ['quality', 'cases', 'n', 'QWK', 'kappa', 'exact', 'adj', 'MAE', 'SMD', 'bias'],
  metrics.byQuality.map((q) => [e(q.quality), String(q.cases), ...agreementCells(q.agreement)]),
  [false, ...Array(9).fill(true)],
)}
<h2>Human–human</h2>
${humanHumanHtml(metrics.humanHuman, e)}
${suite.heldout ? `<h2>Human–human — held-out part</h2>\n${humanHumanHtml(suite.heldout.metrics.humanHuman, e)}` : ''}
<h2>Per case</h2>
<p>Each chip: criterion gold/AI — <span class="s eq">same</span> <span class="s adj">one apart</span> <span class="s off">further</span> <span class="s na">not graded</span></p>
${htmlTable(['case', 'quality', 'gold', 'AI', 'criteria (gold/AI)', 'checks'], caseRows, [false, false, true, true, false, false])}
<h2>Per criterion</h2>
${htmlTable(
  ['exam', 'criterion', 'n', 'gold mean', 'AI mean', 'exact', 'adj', 'MAE', 'bias'],
  metrics.exams.flatMap((x) => x.criteria.map((c) => [e(x.id), e(c.id), ...criterionCells(c.agreement)])),
  [false, false, true, true, true, true, true, true, true],
)}
</body></html>
`;
}
