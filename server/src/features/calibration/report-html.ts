/**
 * The calibration report as one printable, self-contained HTML document (inline CSS, no script, a CSP
 * that forbids both), in French: what an exam team files or mails after a calibration session. Every
 * piece of text is escaped (set names, rater labels and rubric wording are typed by people).
 */
import { escapeHtml as h, htmlPage } from '../../lib/html';
import type { AgreementWithUncertainty } from './agreement-uncertainty';
import type { Interval } from './metrics';
import type { RubricChange } from './schemas';
import type { CalibrationService, RunAgreement } from './service';

type Comparison = Awaited<ReturnType<CalibrationService['compare']>>;

const CSS = `
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1000px; padding: 28px 24px 40px; color: #1d2330;
  font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
h1 { font-size: 1.5rem; margin: 0 0 4px; } h2 { font-size: 1.15rem; margin: 28px 0 10px; border-bottom: 2px solid #d9dde5; padding-bottom: 4px; }
h3 { font-size: 1rem; margin: 16px 0 6px; }
.subtitle, .muted { color: #5b6475; }
.note { border-left: 4px solid #23408e; background: #f5f7fb; padding: 8px 12px; margin: 12px 0; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; font-size: .9rem; }
th, td { border: 1px solid #d9dde5; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #f5f7fb; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.matrices { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 12px; }
.matrix table { width: auto; } .matrix td { text-align: center; min-width: 2.2em; }
.matrix td.diag { background: #e3f1e5; font-weight: 700; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 8px 0; } dt { font-weight: 600; } dd { margin: 0; }
footer { margin-top: 32px; color: #5b6475; font-size: .85rem; border-top: 1px solid #d9dde5; padding-top: 8px; }
@page { size: A4; margin: 14mm 12mm; }
@media print { body { max-width: none; padding: 0; font-size: 9.5pt; } tr, .matrix { break-inside: avoid; }
  th, td.diag { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
`;

const number = (value: number | null, digits = 2) =>
  value === null
    ? '—'
    : value.toLocaleString('fr-FR', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const percent = (value: number | null) =>
  value === null ? '—' : `${(value * 100).toLocaleString('fr-FR', { maximumFractionDigits: 0 })} %`;
const signed = (value: number | null, digits = 2) =>
  value === null ? '—' : `${value > 0 ? '+' : value < 0 ? '−' : ''}${number(Math.abs(value), digits)}`;

/** « IA plus généreuse » / « plus sévère » / « sans biais », from the mean signed difference. */
export function biasLabel(bias: number | null): string {
  if (bias === null) return '—';
  if (Math.abs(bias) < 0.05) return 'sans biais notable';
  return bias > 0 ? 'IA plus généreuse' : 'IA plus sévère';
}

const METRIC_HEAD = `<th class="num">n</th><th class="num">QWK</th><th class="num">κ</th><th class="num">Exact</th>
<th class="num">Adjacent</th><th class="num">EAM</th><th class="num">SMD</th><th class="num">Biais</th>`;

/** « [0,55 ; 0,82] », the 95 % bootstrap interval, or nothing when the metric has none. */
function interval(ci: Interval, format: (v: number) => string = number): string {
  return ci ? `<br><span class="muted">IC 95 % [${format(ci[0])} ; ${format(ci[1])}]</span>` : '';
}

/** `pair`: two humans, whose difference is read neutrally (no « IA plus généreuse »). */
function metricCells(m: AgreementWithUncertainty, pair?: readonly [string, string]) {
  const lean =
    m.bias === null || Math.abs(m.bias) < 0.05
      ? biasLabel(m.bias)
      : pair
        ? `${pair[1]} note plus ${m.bias > 0 ? 'haut' : 'bas'} que ${pair[0]}`
        : biasLabel(m.bias);
  return [
    `<td class="num">${m.n}${m.sufficient || m.n === 0 ? '' : '<br><span class="muted">échantillon insuffisant</span>'}</td>`,
    `<td class="num">${number(m.qwk)}${interval(m.ci.qwk)}</td>`,
    `<td class="num">${number(m.kappa)}</td>`,
    `<td class="num">${percent(m.exact)}</td>`,
    `<td class="num">${percent(m.adjacent)}</td>`,
    `<td class="num">${number(m.mae)}</td>`,
    `<td class="num">${signed(m.smd)}</td>`,
    `<td class="num">${signed(m.bias)} <span class="muted">(${h(lean)})</span>${interval(m.ci.bias, signed)}</td>`,
  ].join('');
}

function matrix(title: string, confusion: number[][], min: number) {
  const head = confusion.map((_, j) => `<th class="num">${min + j}</th>`).join('');
  const rows = confusion
    .map(
      (row, i) =>
        `<tr><th>${min + i}</th>${row
          .map((n, j) => `<td class="${i === j ? 'diag' : ''}">${n === 0 ? '·' : n}</td>`)
          .join('')}</tr>`,
    )
    .join('');
  return `<div class="matrix"><h3>${h(title)}</h3><table><caption class="muted">Lignes : note humaine ; colonnes : note de l'IA</caption><thead><tr><th></th>${head}</tr></thead><tbody>${rows}</tbody></table></div>`;
}

function changeText(change: RubricChange): string {
  const what: Record<RubricChange['field'], string> = {
    criterion: 'Critère',
    text: 'Libellé donné au modèle',
    weight: 'Pondération',
    descriptor: `Descripteur du niveau ${change.score}`,
    anchor: `Ancre (note ${change.score})`,
    scale: `Échelle, niveau ${change.score}`,
  };
  const label = `<strong>${h(what[change.field])}</strong>`;
  if (change.before === null) return `<li>${label}, ajout : ${h(String(change.after))}</li>`;
  if (change.after === null) return `<li>${label}, retrait : ${h(String(change.before))}</li>`;
  return `<li>${label} : ${h(String(change.before))} → ${h(String(change.after))}</li>`;
}

function agreementSection(result: RunAgreement) {
  const out: string[] = [];
  out.push('<h2>Accord IA – humain</h2>');
  out.push(
    `<p>Comparaison avec le correcteur <strong>${h(result.rater ?? '—')}</strong> ; ${result.coverage.humanScores} notes humaines, dont ${result.coverage.withoutAi} sans note de l'IA (analyse en cours, en échec ou critère non évalué).</p>`,
  );
  out.push(`<table><thead><tr><th>Critère</th>${METRIC_HEAD}</tr></thead><tbody>`);
  for (const c of result.criteria) {
    out.push(`<tr><th title="${h(c.text)}">${h(c.id)}</th>${metricCells(c.metrics)}</tr>`);
  }
  out.push(`<tr><th>Ensemble</th>${metricCells(result.overall)}</tr></tbody></table>`);
  if (result.humanHuman) {
    const [first, second] = result.humanHuman.raters;
    out.push(`<h2>Accord entre correcteurs humains (${h(second)} comparé à ${h(first)})</h2>`);
    out.push(`<table><thead><tr><th>Critère</th>${METRIC_HEAD}</tr></thead><tbody>`);
    for (const c of result.criteria) {
      if (c.humanHuman)
        out.push(`<tr><th>${h(c.id)}</th>${metricCells(c.humanHuman, result.humanHuman.raters)}</tr>`);
    }
    out.push(
      `<tr><th>Ensemble</th>${metricCells(result.humanHuman.overall, result.humanHuman.raters)}</tr></tbody></table>`,
    );
  }
  out.push('<h2>Matrices de confusion</h2><div class="matrices">');
  out.push(matrix('Tous critères', result.confusion, result.scale.min));
  for (const c of result.criteria) {
    if (c.metrics.n > 0) out.push(matrix(`${c.id} (n = ${c.metrics.n})`, c.confusion, result.scale.min));
  }
  out.push('</div>');
  return out.join('\n');
}

function comparisonSection(comparison: Comparison) {
  const { a, b } = comparison;
  const out: string[] = [];
  out.push(
    `<h2>Comparaison : ${h(a.run.rubricVersion)} (A) et ${h(b.run.rubricVersion)} (B)</h2>`,
    '<table><thead><tr><th>Critère</th><th class="num">QWK A</th><th class="num">QWK B</th><th class="num">Δ QWK</th>',
    '<th class="num">Exact A</th><th class="num">Exact B</th><th class="num">EAM A</th><th class="num">EAM B</th>',
    '<th class="num">Biais A</th><th class="num">Biais B</th><th>Notes de l’IA modifiées</th></tr></thead><tbody>',
  );
  for (const c of comparison.criteria) {
    out.push(
      `<tr><th title="${h(c.text)}">${h(c.id)}</th><td class="num">${number(c.a.qwk)}</td><td class="num">${number(c.b.qwk)}</td><td class="num">${signed(c.delta.qwk)}</td>` +
        `<td class="num">${percent(c.a.exact)}</td><td class="num">${percent(c.b.exact)}</td><td class="num">${number(c.a.mae)}</td><td class="num">${number(c.b.mae)}</td>` +
        `<td class="num">${signed(c.a.bias)}</td><td class="num">${signed(c.b.bias)}</td><td>${c.aiScores.up} en hausse, ${c.aiScores.down} en baisse sur ${c.aiScores.compared}</td></tr>`,
    );
  }
  out.push(
    `<tr><th>Ensemble</th><td class="num">${number(a.overall.qwk)}</td><td class="num">${number(b.overall.qwk)}</td><td class="num">${signed(
      a.overall.qwk === null || b.overall.qwk === null ? null : b.overall.qwk - a.overall.qwk,
    )}</td><td class="num">${percent(a.overall.exact)}</td><td class="num">${percent(b.overall.exact)}</td><td class="num">${number(
      a.overall.mae,
    )}</td><td class="num">${number(b.overall.mae)}</td><td class="num">${signed(a.overall.bias)}</td><td class="num">${signed(
      b.overall.bias,
    )}</td><td></td></tr></tbody></table>`,
  );
  out.push('<h3>Ce qui a changé dans la grille</h3>');
  if (comparison.rubricDiff.identical) out.push('<p>Les deux grilles sont identiques.</p>');
  for (const change of comparison.rubricDiff.scale) out.push(`<ul>${changeText(change)}</ul>`);
  for (const c of comparison.rubricDiff.criteria) {
    out.push(`<p><strong>${h(c.id)}</strong></p><ul>${c.changes.map(changeText).join('')}</ul>`);
  }
  return out.join('\n');
}

/** The report of one run's agreement, with an optional comparison against another run of the same set. */
export function renderCalibrationReport(
  result: RunAgreement,
  exam: { id: string; case: string },
  comparison?: Comparison,
): string {
  const title = `Rapport de calibration — ${exam.case}`;
  const body: string[] = [
    `<h1>${h(title)}</h1>`,
    `<p class="subtitle">Jeu « ${h(result.set.name)} » — épreuve ${h(exam.id)}</p>`,
    '<dl>',
    `<dt>Grille</dt><dd>${h(result.run.rubricVersion)}</dd>`,
    `<dt>Consignes (prompt)</dt><dd>${h(result.run.promptVersion)}</dd>`,
    `<dt>Correcteur IA</dt><dd>${h(result.run.provider)} — ${h(result.run.model)}</dd>`,
    `<dt>Analyse lancée le</dt><dd>${h(new Date(result.run.createdAt).toLocaleString('fr-FR', { timeZone: 'Europe/Paris' }))}</dd>`,
    `<dt>Dossiers</dt><dd>${result.coverage.dossiers} (${result.coverage.reviewed} analysés, ${result.coverage.pending} en cours, ${result.coverage.failed} en échec)</dd>`,
    `<dt>Correcteurs humains</dt><dd>${h(result.raters.join(', ') || '—')}</dd>`,
    '</dl>',
  ];
  if (result.run.provider === 'offline') {
    body.push(
      '<p class="note">Analyse hors ligne (sans modèle d\'IA) : elle lit les pondérations, les notions nommées par les descripteurs « satisfaisant » et « excellent », et les ancres ; pas le libellé des critères de la grille.</p>',
    );
  }
  body.push(agreementSection(result));
  if (comparison) body.push(comparisonSection(comparison));
  body.push(
    '<footer>',
    '<p>QWK : kappa pondéré quadratique ; κ : kappa de Cohen ; Exact / Adjacent : part des notes identiques / à un point près ; EAM : écart absolu moyen ; SMD : différence moyenne standardisée (IA − humain) ; Biais : écart moyen IA − humain, en points. Métriques calculées par le même module que les évaluations de Préjury (définitions de scikit-learn et RSMTool).</p>',
    '<p><strong>Préjury est une pré-évaluation formative : le jury décide.</strong></p>',
    '</footer>',
  );
  return htmlPage({
    lang: 'fr',
    title,
    css: CSS,
    csp: "default-src 'none'; style-src 'unsafe-inline'",
    body,
  });
}
