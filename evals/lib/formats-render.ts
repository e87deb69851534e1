/** How the format renderings are shown: a terminal table, the `--json` part and an HTML section. */
import { num } from './cells';
import type { FormatsResult } from './formats';

const pct = (n: number | null) => (n === null ? '—' : `${(n * 100).toFixed(1)}%`);
const r4 = (n: number | null) => (n === null ? null : Math.round(n * 10_000) / 10_000);

function rows(result: FormatsResult): string[][] {
  return result.summary.map((s) => [
    s.format,
    String(s.renderings),
    `${pct(s.paragraphs.share)} (${s.paragraphs.intact}/${s.paragraphs.n})`,
    `${pct(s.rows.share)} (${s.rows.intact}/${s.rows.n})`,
    String(s.headerFooterLines),
    String(s.repeatedHeaderRows),
    s.pages.measured === 0
      ? '—'
      : `${s.pages.exact}/${s.pages.measured} (${s.pages.partsOnPage}/${s.pages.partsLocated})`,
    s.format === result.reference ? 'reference' : num(s.invariance.maxOverallDelta),
    s.format === result.reference ? '—' : num(s.invariance.meanOverallDelta),
    s.format === result.reference ? '—' : pct(s.invariance.identicalShare),
    s.format === result.reference ? '—' : `${s.invariance.casesWithin}/${s.invariance.cases}`,
  ]);
}

const HEADERS = [
  'format',
  'files',
  'paragraphs intact',
  'table rows intact',
  'header/footer left',
  'header rows repeated',
  'pages exact (parts)',
  'max Δ overall',
  'mean Δ',
  'identical criteria',
  'cases within',
];

export function formatsText(
  result: FormatsResult,
  table: (h: string[], r: string[][], a: ('l' | 'r')[]) => string,
) {
  const out = [
    '',
    `Formats — reading fidelity against the source, scores against the ${result.reference}`,
    table(HEADERS, rows(result), ['l', ...Array(10).fill('r')]),
  ];
  if (result.outliers.length > 0) {
    out.push('', `Cases whose score moves with the format (${result.outliers.length}):`);
    for (const o of result.outliers.slice(0, 40)) {
      out.push(
        `  ${o.id} ${o.format}: ${num(o.reference)} → ${num(o.overall)}${o.changed.length > 0 ? ` (${o.changed.join(', ')})` : ''}`,
      );
    }
    if (result.outliers.length > 40)
      out.push(`  … and ${result.outliers.length - 40} more (results/<time>.json)`);
  }
  return out.join('\n');
}

/** Deterministic (no timings): part of `--json`. */
export function formatsJson(result: FormatsResult) {
  return {
    reference: result.reference,
    formats: result.summary.map((s) => ({
      format: s.format,
      renderings: s.renderings,
      paragraphsIntact: r4(s.paragraphs.share),
      rowsIntact: r4(s.rows.share),
      headerFooterLines: s.headerFooterLines,
      repeatedHeaderRows: s.repeatedHeaderRows,
      pagesExact: s.pages.measured === 0 ? null : { exact: s.pages.exact, of: s.pages.measured },
      invariance:
        s.format === result.reference
          ? null
          : {
              cases: s.invariance.cases,
              within: s.invariance.casesWithin,
              maxOverallDelta: r4(s.invariance.maxOverallDelta),
              meanOverallDelta: r4(s.invariance.meanOverallDelta),
              identicalCriteria: r4(s.invariance.identicalShare),
            },
    })),
    outliers: result.outliers,
  };
}

export function formatsHtml(result: FormatsResult, esc: (s: string) => string): string {
  const head = HEADERS.map((h) => `<th>${esc(h)}</th>`).join('');
  const body = rows(result)
    .map((r) => `<tr>${r.map((c, i) => `<td${i > 0 ? ' class="n"' : ''}>${esc(c)}</td>`).join('')}</tr>`)
    .join('');
  const outliers =
    result.outliers.length === 0
      ? ''
      : `<details><summary>Cases whose score moves with the format (${result.outliers.length})</summary><ul>${result.outliers
          .map(
            (o) =>
              `<li>${esc(`${o.id} ${o.format}: ${num(o.reference)} → ${num(o.overall)}${o.changed.length > 0 ? ` (${o.changed.join(', ')})` : ''}`)}</li>`,
          )
          .join('')}</ul></details>`;
  return `<h2>Formats</h2>
<p>Every case rendered as Markdown, DOCX, a LibreOffice PDF, a Chromium PDF and a pdf-lib PDF; reading fidelity against the source, scores against the ${esc(result.reference)}.</p>
<table><tr>${head}</tr>${body}</table>${outliers}`;
}
