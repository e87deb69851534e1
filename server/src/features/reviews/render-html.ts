/**
 * The gap report as one self-contained, printable HTML document: inline CSS (with `@media print`), no
 * script, no external resource, and a Content-Security-Policy that forbids both, so the file can be saved,
 * mailed or printed as it is. Every piece of text is escaped: quotes come from the candidate's dossier.
 */

import { escapeHtml, htmlPage } from '../../lib/html';
import { formatScore } from './aggregate';
import {
  disclaimerLines,
  dossierName,
  formatWeight,
  REPORT_LABELS,
  type ReportLabels,
  type ReportLang,
  reasonLabel,
} from './render-markdown';
import type { CriterionResult, Flag, GapReport } from './schemas';

const h = escapeHtml;

const CSS = `
:root { --ink: #1d2330; --muted: #5b6475; --line: #d9dde5; --accent: #23408e; --bg-soft: #f5f7fb;
  --l0: #b42318; --l1: #d4570f; --l2: #b88700; --l3: #2e7d32; --l4: #1b5e20; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 960px; padding: 32px 24px 48px; color: var(--ink);
  font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 1.6rem; margin: 0 0 4px; } h2 { font-size: 1.2rem; margin: 32px 0 12px; border-bottom: 2px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 1.02rem; margin: 0 0 6px; }
.subtitle { color: var(--muted); margin: 0 0 16px; }
.disclaimer { border-left: 4px solid var(--accent); background: var(--bg-soft); padding: 10px 14px; margin: 16px 0; font-weight: 600; }
.disclaimer p { margin: 2px 0; } .offline { color: var(--l1); }
.overview { display: grid; grid-template-columns: repeat(auto-fit, minmax(180px, 1fr)); gap: 12px; margin: 16px 0; }
.tile { border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; }
.tile .k { color: var(--muted); font-size: .82rem; text-transform: uppercase; letter-spacing: .04em; }
.tile .v { font-size: 1.25rem; font-weight: 700; }
.ready-pret { color: var(--l4); } .ready-presque { color: var(--l2); } .ready-pas_encore { color: var(--l0); }
table { border-collapse: collapse; width: 100%; margin: 8px 0; font-size: .93rem; }
th, td { border: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
th { background: var(--bg-soft); }
.criterion { border: 1px solid var(--line); border-radius: 8px; padding: 14px 16px; margin: 12px 0; }
.criterion.failed { border-style: dashed; }
.meta { color: var(--muted); font-size: .9rem; margin: 0 0 8px; }
.bar { height: 8px; background: var(--line); border-radius: 4px; overflow: hidden; margin: 6px 0 10px; }
.bar span { display: block; height: 100%; }
.level-0 { background: var(--l0); } .level-1 { background: var(--l1); } .level-2 { background: var(--l2); }
.level-3 { background: var(--l3); } .level-4 { background: var(--l4); }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; color: #fff; font-size: .82rem; font-weight: 600; }
blockquote { margin: 6px 0; padding: 6px 12px; border-left: 3px solid var(--accent); background: var(--bg-soft); }
blockquote .page { color: var(--muted); font-size: .85rem; white-space: nowrap; }
.label { font-weight: 600; margin: 10px 0 4px; }
ul { margin: 4px 0; padding-left: 22px; }
.flag code, .flags code { background: var(--bg-soft); padding: 0 4px; border-radius: 3px; }
.decision { border-top: 1px dashed var(--line); margin-top: 10px; padding-top: 8px; }
.ko { color: var(--l0); font-weight: 600; }
footer { margin-top: 36px; color: var(--muted); font-size: .88rem; border-top: 1px solid var(--line); padding-top: 10px; }
footer dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0; }
footer dt { font-weight: 600; } footer dd { margin: 0; word-break: break-word; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  h2 { break-after: avoid; }
  .criterion, .tile, tr, blockquote { break-inside: avoid; }
  .bar span, .badge, th, .disclaimer, blockquote { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

function flagItem(flag: Flag, labels: ReportLabels): string {
  const where = flag.page === undefined ? '' : ` (${labels.page}&nbsp;${flag.page})`;
  const detail = flag.detail ? ` — <span class="detail">${h(flag.detail)}</span>` : '';
  return `<li class="flag"><code>${h(flag.code)}</code>${where} : ${h(flag.message)}${detail}</li>`;
}

function list(items: string[]): string {
  return `<ul>${items.map((item) => `<li>${h(item)}</li>`).join('')}</ul>`;
}

function criterionHtml(criterion: CriterionResult, labels: ReportLabels, lang: ReportLang): string {
  const parts: string[] = [];
  parts.push(
    `<section class="criterion${criterion.status === 'failed' ? ' failed' : ''}" id="criterion-${h(criterion.id)}">`,
    `<h3>${h(criterion.id)} — ${h(criterion.text)}</h3>`,
    `<p class="meta"><span class="badge level-${criterion.score}">${criterion.score}/4 · ${h(
      labels.levels[criterion.level],
    )}</span> · ${labels.weight} ${formatWeight(criterion.weight, lang)} · ${h(
      labels.competencies.toLowerCase(),
    )} ${h(criterion.competencies.join(', ') || '—')}</p>`,
    `<div class="bar" aria-hidden="true"><span class="level-${criterion.score}" style="width:${
      criterion.score * 25
    }%"></span></div>`,
  );
  if (criterion.status === 'failed') parts.push(`<p class="ko">${h(labels.failed)}</p>`);
  if (criterion.rationale)
    parts.push(`<p><strong>${h(labels.rationale)} :</strong> ${h(criterion.rationale)}</p>`);
  if (criterion.evidence.length > 0) {
    parts.push(`<p class="label">${h(labels.evidence)}</p>`);
    for (const evidence of criterion.evidence) {
      parts.push(
        `<blockquote>« ${h(evidence.quote)} » <span class="page">(${labels.page}&nbsp;${evidence.page})</span></blockquote>`,
      );
    }
  }
  if (criterion.missing.length > 0)
    parts.push(`<p class="label">${h(labels.missing)}</p>`, list(criterion.missing));
  if (criterion.recommendations.length > 0) {
    parts.push(`<p class="label">${h(labels.recommendations)}</p>`, list(criterion.recommendations));
  }
  if (criterion.flags.length > 0) {
    parts.push(
      `<p class="label">${h(labels.flags)}</p>`,
      `<ul>${criterion.flags.map((flag) => flagItem(flag, labels)).join('')}</ul>`,
    );
  }
  if (criterion.decision) {
    const d = criterion.decision;
    parts.push(
      `<div class="decision"><strong>${h(labels.decision)} :</strong> ${d.score}/4 (${h(labels.aiScore)} ${criterion.score}/4) — ${h(reasonLabel(d.reason, lang))}${
        d.comment ? ` (${h(d.comment)})` : ''
      } <span class="meta">— ${h(d.by)}, ${h(d.at)}</span></div>`,
    );
  }
  parts.push('</section>');
  return parts.join('\n');
}

/** Renders the gap report as a complete, printable, self-contained HTML document. */
export function renderHtml(report: GapReport, lang: ReportLang = 'fr'): string {
  const labels = REPORT_LABELS[lang];
  const title = `${labels.title} — ${report.exam.case}`;
  const body: string[] = [];

  body.push(
    '<header>',
    `<h1>${h(title)}</h1>`,
    `<p class="subtitle">${h(labels.exam)} : ${h(report.exam.case)} (${h(report.exam.id)}, ${h(report.exam.bloc)})${
      report.dossier
        ? ` · ${h(labels.dossier)} ${dossierName(report.dossier, lang, h)} — ${labels.version} ${report.dossier.version} — ${h(
            labels.pagesWords(report.dossier.pages, report.dossier.words),
          )}`
        : ''
    }</p>`,
    `<div class="disclaimer" role="note">${disclaimerLines(report, lang)
      .map((line) => `<p>${h(line)}</p>`)
      .join('')}${
      // Older reports may lack the offline sentence in their disclaimer: state it once, never twice.
      report.offline && !disclaimerLines(report, lang).some((line) => line.includes(labels.offline))
        ? `<p class="offline">${h(labels.offline)}</p>`
        : ''
    }</div>`,
    '</header>',
  );

  body.push(
    '<section class="overview">',
    `<div class="tile"><div class="k">${h(labels.overallScore)}</div><div class="v">${formatScore(
      report.overall.score,
      lang,
    )}/4</div><div>${h(labels.levels[report.overall.level])}</div></div>`,
    `<div class="tile"><div class="k">${h(labels.readiness)}</div><div class="v ready-${report.overall.ready}">${h(
      labels.ready[report.overall.ready],
    )}</div></div>`,
    `<div class="tile"><div class="k">${h(labels.provider)} / ${h(labels.model)}</div><div>${h(report.provider)} / ${h(
      report.model,
    )}</div></div>`,
    '</section>',
  );

  body.push(`<h2>${h(labels.summary)}</h2>`, `<p>${h(report.overall.summary)}</p>`);

  body.push(`<h2>${h(labels.priorities)}</h2>`);
  body.push(
    report.priorities.length === 0
      ? `<p>${h(labels.none)}</p>`
      : `<ol>${report.priorities
          .map(
            (priority) =>
              `<li><a href="#criterion-${h(priority.criterionId)}"><strong>${h(priority.criterionId)}</strong></a> — ${h(
                priority.reason,
              )}</li>`,
          )
          .join('')}</ol>`,
  );

  body.push(`<h2>${h(labels.criteria)}</h2>`);
  for (const criterion of report.criteria) body.push(criterionHtml(criterion, labels, lang));

  body.push(
    `<h2>${h(labels.competencies)}</h2>`,
    `<table><thead><tr><th>${h(labels.competency)}</th><th>${h(labels.score)}</th><th>${h(
      labels.criteria,
    )}</th></tr></thead><tbody>`,
    ...report.competencies.map(
      (competency) =>
        `<tr><td>${h(competency.id)}</td><td>${
          competency.score === null ? '—' : `${formatScore(competency.score, lang)}/4`
        }</td><td>${h(competency.criteria.join(', '))}</td></tr>`,
    ),
    '</tbody></table>',
  );

  body.push(`<h2>${h(labels.deliverables)}</h2>`);
  body.push(
    report.deliverables.length === 0
      ? `<p>${h(labels.none)}</p>`
      : [
          `<table><thead><tr><th>${h(labels.deliverable)}</th><th>${h(labels.status)}</th><th>${h(
            labels.pages,
          )}</th></tr></thead><tbody>`,
          ...report.deliverables.map(
            (deliverable) =>
              `<tr><td>${h(deliverable.id)} — ${h(deliverable.text)}</td><td${
                deliverable.status === 'missing' ? ' class="ko"' : ''
              }>${h(labels.deliverableStatus[deliverable.status])}</td><td>${h(
                deliverable.pages.join(', ') || '—',
              )}</td></tr>`,
          ),
          '</tbody></table>',
        ].join('\n'),
  );

  body.push(`<h2>${h(labels.format)}</h2>`);
  body.push(
    report.format.length === 0
      ? `<p>${h(labels.none)}</p>`
      : [
          `<table><thead><tr><th>${h(labels.check)}</th><th>${h(labels.result)}</th><th>${h(
            labels.detail,
          )}</th></tr></thead><tbody>`,
          ...report.format.map(
            (check) =>
              `<tr><td>${h(labels.formatChecks[check.check])}</td><td${check.ok ? '' : ' class="ko"'}>${h(
                check.ok ? labels.ok : labels.notOk,
              )}</td><td>${h(check.detail)}</td></tr>`,
          ),
          '</tbody></table>',
        ].join('\n'),
  );

  body.push(`<h2>${h(labels.flags)}</h2>`);
  body.push(
    report.flags.length === 0
      ? `<p>${h(labels.none)}</p>`
      : `<ul class="flags">${report.flags.map((flag) => flagItem(flag, labels)).join('')}</ul>`,
  );

  body.push(
    '<footer>',
    `<h2>${h(labels.provenance)}</h2>`,
    '<dl>',
    `<dt>${h(labels.provider)}</dt><dd>${h(report.provider)}</dd>`,
    `<dt>${h(labels.model)}</dt><dd>${h(report.model)}</dd>`,
    `<dt>${h(labels.rubricVersion)}</dt><dd>${h(report.rubricVersion)}</dd>`,
    `<dt>${h(labels.promptVersion)}</dt><dd>${h(report.promptVersion)}</dd>`,
    `<dt>${h(labels.generatedAt)}</dt><dd>${h(report.generatedAt)}</dd>`,
    `<dt>${h(labels.usage)}</dt><dd>${h(labels.usageLine(report.usage))}</dd>`,
    '</dl>',
    `<p><strong>${h(disclaimerLines(report, lang)[0])}</strong></p>`,
    '</footer>',
  );

  return htmlPage({
    lang,
    title,
    css: CSS,
    // No script, no fetch, no external style: the document is inert wherever it is opened.
    csp: "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
    body,
  });
}
