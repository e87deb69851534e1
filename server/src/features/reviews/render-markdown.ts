/**
 * The gap report as Markdown (terminal output of `npm run review`, downloads). French by default; `en`
 * translates the labels only: the grader's own text (rationale, recommendations) stays as written.
 * Dossier-derived text is escaped so that a quote cannot inject Markdown or HTML into a viewer.
 */

import { formatScore } from './aggregate';
import { REASON_LABELS } from './decision-reasons';
import type { CriterionResult, FormatCheck, GapReport, Level } from './schemas';

/** Language of the labels of a rendered report (the report's own text stays French). */
export type ReportLang = 'fr' | 'en';

/** Labels shared by the Markdown and HTML renderings. */
export interface ReportLabels {
  title: string;
  exam: string;
  dossier: string;
  pagesWords: (pages: number, words: number) => string;
  version: string;
  overallScore: string;
  readiness: string;
  ready: Record<GapReport['overall']['ready'], string>;
  levels: Record<Level, string>;
  summary: string;
  priorities: string;
  criteria: string;
  score: string;
  weight: string;
  competencies: string;
  competency: string;
  rationale: string;
  evidence: string;
  missing: string;
  recommendations: string;
  flags: string;
  failed: string;
  decision: string;
  aiScore: string;
  deliverables: string;
  deliverable: string;
  status: string;
  deliverableStatus: Record<'present' | 'partial' | 'missing', string>;
  pages: string;
  format: string;
  check: string;
  result: string;
  detail: string;
  formatChecks: Record<FormatCheck['check'], string>;
  ok: string;
  notOk: string;
  provenance: string;
  provider: string;
  model: string;
  rubricVersion: string;
  promptVersion: string;
  generatedAt: string;
  usage: string;
  usageLine: (usage: GapReport['usage']) => string;
  none: string;
  disclaimer: string;
  offline: string;
  page: string;
}

const number = (lang: ReportLang, value: number) => value.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB');

export const REPORT_LABELS: Record<ReportLang, ReportLabels> = {
  fr: {
    title: "Rapport d'écarts",
    exam: 'Épreuve',
    dossier: 'Dossier',
    pagesWords: (pages, words) => `${pages} pages, ${number('fr', words)} mots`,
    version: 'version',
    overallScore: 'Score global',
    readiness: 'Verdict',
    ready: { pret: 'Prêt pour le jury', presque: 'Presque prêt', pas_encore: 'Pas encore prêt' },
    levels: {
      absent: 'absent',
      insuffisant: 'insuffisant',
      partiel: 'partiel',
      satisfaisant: 'satisfaisant',
      excellent: 'excellent',
    },
    summary: 'Synthèse',
    priorities: 'Priorités',
    criteria: 'Critères',
    score: 'Score',
    weight: 'pondération',
    competencies: 'Compétences',
    competency: 'Compétence',
    rationale: 'Appréciation',
    evidence: 'Extraits du dossier',
    missing: 'Ce qui manque',
    recommendations: 'Recommandations',
    flags: 'Signalements',
    failed: 'Évaluation en échec : ce critère est à relancer.',
    decision: 'Vérifié par votre formateur',
    aiScore: "note de l'IA",
    deliverables: 'Livrables',
    deliverable: 'Livrable',
    status: 'Statut',
    deliverableStatus: { present: 'présent', partial: 'partiel', missing: 'manquant' },
    pages: 'Pages',
    format: 'Contrôles de forme',
    check: 'Contrôle',
    result: 'Résultat',
    detail: 'Détail',
    formatChecks: {
      length: 'Longueur',
      language: 'Langue',
      hidden_text: 'Texte masqué',
      collective: 'Dossier collectif',
      annexes: 'Annexes',
      minimum_content: 'Contenu minimal',
    },
    ok: 'conforme',
    notOk: 'à revoir',
    provenance: 'Traçabilité',
    provider: 'Fournisseur',
    model: 'Modèle',
    rubricVersion: 'Version de la grille',
    promptVersion: 'Version des prompts',
    generatedAt: 'Généré le',
    usage: 'Consommation',
    usageLine: (usage) =>
      `${number('fr', usage.promptTokens)} jetons en entrée${
        usage.cachedPromptTokens ? ` (dont ${number('fr', usage.cachedPromptTokens)} en cache)` : ''
      }, ${number('fr', usage.completionTokens)} en sortie${
        usage.calls === undefined ? '' : `, ${usage.calls} appel${usage.calls > 1 ? 's' : ''}`
      }, ${number('fr', Math.round(usage.durationMs / 100) / 10)} s`,
    none: 'Aucun',
    disclaimer: 'Pré-évaluation formative : le jury décide.',
    offline: "Analyse hors ligne (sans modèle d'IA) : pré-contrôle indicatif.",
    page: 'p.',
  },
  en: {
    title: 'Gap report',
    exam: 'Exam',
    dossier: 'Dossier',
    pagesWords: (pages, words) => `${pages} pages, ${number('en', words)} words`,
    version: 'version',
    overallScore: 'Overall score',
    readiness: 'Readiness',
    ready: { pret: 'Ready for the jury', presque: 'Almost ready', pas_encore: 'Not ready yet' },
    levels: {
      absent: 'absent',
      insuffisant: 'insufficient',
      partiel: 'partial',
      satisfaisant: 'satisfactory',
      excellent: 'excellent',
    },
    summary: 'Summary',
    priorities: 'Priorities',
    criteria: 'Criteria',
    score: 'Score',
    weight: 'weight',
    competencies: 'Competencies',
    competency: 'Competency',
    rationale: 'Rationale',
    evidence: 'Evidence from the dossier',
    missing: 'What is missing',
    recommendations: 'Recommendations',
    flags: 'Flags',
    failed: 'Grading failed: this criterion must be retried.',
    decision: 'Checked by your trainer',
    aiScore: 'AI score',
    deliverables: 'Deliverables',
    deliverable: 'Deliverable',
    status: 'Status',
    deliverableStatus: { present: 'present', partial: 'partial', missing: 'missing' },
    pages: 'Pages',
    format: 'Format checks',
    check: 'Check',
    result: 'Result',
    detail: 'Detail',
    formatChecks: {
      length: 'Length',
      language: 'Language',
      hidden_text: 'Hidden text',
      collective: 'Collective dossier',
      annexes: 'Annexes',
      minimum_content: 'Minimum content',
    },
    ok: 'ok',
    notOk: 'to fix',
    provenance: 'Provenance',
    provider: 'Provider',
    model: 'Model',
    rubricVersion: 'Rubric version',
    promptVersion: 'Prompt version',
    generatedAt: 'Generated at',
    usage: 'Usage',
    usageLine: (usage) =>
      `${number('en', usage.promptTokens)} prompt tokens${
        usage.cachedPromptTokens ? ` (${number('en', usage.cachedPromptTokens)} cached)` : ''
      }, ${number('en', usage.completionTokens)} completion tokens${
        usage.calls === undefined ? '' : `, ${usage.calls} call${usage.calls > 1 ? 's' : ''}`
      }, ${number('en', Math.round(usage.durationMs / 100) / 10)} s`,
    none: 'None',
    disclaimer: 'Formative pre-assessment: the jury decides.',
    offline: 'Offline analysis (no AI model): indicative pre-check.',
    page: 'p.',
  },
};

/** The disclaimer lines to print: the report's own (French, authoritative), translated first in English. */
export function disclaimerLines(report: GapReport, lang: ReportLang): string[] {
  if (lang === 'fr') return [report.disclaimer];
  const labels = REPORT_LABELS.en;
  return [report.offline ? `${labels.disclaimer} ${labels.offline}` : labels.disclaimer, report.disclaimer];
}

/** Score with the locale's decimal separator (`2,45` in French). */
/** A trainer's reason code in words (codes from the trainer feature; unknown ones shown as they are). */
export function reasonLabel(code: string, lang: ReportLang): string {
  return (REASON_LABELS as Record<string, { fr: string; en: string }>)[code]?.[lang] ?? code;
}

/** A rubric weight as written (`1`, `1,5`, `1,25`): weights are not scores, so no forced decimal. */
export function formatWeight(weight: number, lang: ReportLang): string {
  const rounded = Math.round(weight * 100) / 100;
  return lang === 'fr' ? String(rounded).replace('.', ',') : String(rounded);
}

/**
 * How an export names the dossier: its title, the reviewed version's file and the candidate, each escaped
 * by the caller's `esc`; the id only for a report that carries no name at all.
 */
export function dossierName(
  d: NonNullable<GapReport['dossier']>,
  lang: ReportLang,
  esc: (text: string) => string,
): string {
  const parts = [d.title, d.fileName && !d.title?.includes(d.fileName) ? d.fileName : undefined]
    .filter((part): part is string => Boolean(part))
    .map(esc);
  if (d.candidate) parts.push(`${lang === 'fr' ? 'candidat·e' : 'candidate'} ${esc(d.candidate)}`);
  return parts.length > 0 ? parts.join(' · ') : esc(d.id);
}

/**
 * Escapes text for inline Markdown: on one line, Markdown and HTML metacharacters backslash-escaped, and
 * a leading block marker (`#`, `>`, `-`, `1.`) neutralised, so dossier text renders as the text it is.
 */
export function escapeMarkdown(text: string): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  const escaped = flat.replace(/[\\`*_{}[\]<>|~]/g, (ch) => `\\${ch}`);
  return escaped.replace(/^([#>+\-=]|\d+[.)])/u, '\\$1');
}

function criterionMarkdown(criterion: CriterionResult, labels: ReportLabels, lang: ReportLang): string[] {
  const e = escapeMarkdown;
  const lines = [`### ${e(criterion.id)} — ${e(criterion.text)}`, ''];
  lines.push(
    `**${labels.score} : ${criterion.score}/4 (${labels.levels[criterion.level]})** · ${labels.weight} ${formatWeight(
      criterion.weight,
      lang,
    )} · ${labels.competencies.toLowerCase()} ${criterion.competencies.map(e).join(', ') || '—'}`,
    '',
  );
  if (criterion.status === 'failed') lines.push(`> ${labels.failed}`, '');
  if (criterion.rationale) lines.push(`${labels.rationale} : ${e(criterion.rationale)}`, '');
  if (criterion.evidence.length > 0) {
    lines.push(`**${labels.evidence}**`, '');
    for (const evidence of criterion.evidence) {
      lines.push(`> « ${e(evidence.quote)} » (${labels.page} ${evidence.page})`, '>');
    }
    lines.pop();
    lines.push('');
  }
  for (const [title, items] of [
    [labels.missing, criterion.missing],
    [labels.recommendations, criterion.recommendations],
  ] as const) {
    if (items.length === 0) continue;
    lines.push(`**${title}**`, '', ...items.map((item) => `- ${e(item)}`), '');
  }
  if (criterion.flags.length > 0) {
    lines.push(`**${labels.flags}**`, '');
    for (const flag of criterion.flags) lines.push(`- ${flagMarkdown(flag, labels)}`);
    lines.push('');
  }
  if (criterion.decision) {
    const d = criterion.decision;
    lines.push(
      `**${labels.decision}** : ${d.score}/4 (${labels.aiScore} ${criterion.score}/4) — ${e(reasonLabel(d.reason, lang))}${d.comment ? ` (${e(d.comment)})` : ''} — ${e(d.by)}, ${e(d.at)}`,
      '',
    );
  }
  return lines;
}

function flagMarkdown(flag: GapReport['flags'][number], labels: ReportLabels): string {
  const where = flag.page === undefined ? '' : ` (${labels.page} ${flag.page})`;
  const detail = flag.detail ? ` — ${escapeMarkdown(flag.detail)}` : '';
  return `\`${flag.code}\`${where} : ${escapeMarkdown(flag.message)}${detail}`;
}

/** Renders the gap report as Markdown. */
export function renderMarkdown(report: GapReport, lang: ReportLang = 'fr'): string {
  const labels = REPORT_LABELS[lang];
  const e = escapeMarkdown;
  const lines: string[] = [];
  lines.push(`# ${labels.title} — ${e(report.exam.case)} (${e(report.exam.bloc)})`, '');
  for (const line of disclaimerLines(report, lang)) lines.push(`> **${e(line)}**`);
  lines.push('');

  lines.push('| | |', '|---|---|');
  lines.push(`| ${labels.exam} | ${e(report.exam.case)} (\`${report.exam.id}\`, ${e(report.exam.bloc)}) |`);
  if (report.dossier) {
    const d = report.dossier;
    lines.push(
      `| ${labels.dossier} | ${dossierName(d, lang, e)} — ${labels.version} ${d.version} — ${labels.pagesWords(d.pages, d.words)} |`,
    );
  }
  lines.push(
    `| ${labels.overallScore} | **${formatScore(report.overall.score, lang)}/4** — ${labels.levels[report.overall.level]} |`,
    `| ${labels.readiness} | **${labels.ready[report.overall.ready]}** |`,
    '',
  );

  lines.push(`## ${labels.summary}`, '', e(report.overall.summary), '');

  lines.push(`## ${labels.priorities}`, '');
  if (report.priorities.length === 0) lines.push(labels.none);
  report.priorities.forEach((priority, index) => {
    lines.push(`${index + 1}. **${e(priority.criterionId)}** — ${e(priority.reason)}`);
  });
  lines.push('');

  lines.push(`## ${labels.criteria}`, '');
  for (const criterion of report.criteria) lines.push(...criterionMarkdown(criterion, labels, lang));

  lines.push(
    `## ${labels.competencies}`,
    '',
    `| ${labels.competency} | ${labels.score} | ${labels.criteria} |`,
  );
  lines.push('|---|---|---|');
  for (const competency of report.competencies) {
    const score = competency.score === null ? '—' : `${formatScore(competency.score, lang)}/4`;
    lines.push(`| ${e(competency.id)} | ${score} | ${competency.criteria.map(e).join(', ')} |`);
  }
  lines.push('');

  lines.push(`## ${labels.deliverables}`, '');
  if (report.deliverables.length === 0) lines.push(labels.none);
  else {
    lines.push(`| ${labels.deliverable} | ${labels.status} | ${labels.pages} |`, '|---|---|---|');
    for (const deliverable of report.deliverables) {
      lines.push(
        `| ${e(deliverable.id)} — ${e(deliverable.text)} | ${labels.deliverableStatus[deliverable.status]} | ${
          deliverable.pages.join(', ') || '—'
        } |`,
      );
    }
  }
  lines.push('');

  lines.push(`## ${labels.format}`, '');
  if (report.format.length === 0) lines.push(labels.none);
  else {
    lines.push(`| ${labels.check} | ${labels.result} | ${labels.detail} |`, '|---|---|---|');
    for (const check of report.format) {
      lines.push(
        `| ${labels.formatChecks[check.check]} | ${check.ok ? labels.ok : `**${labels.notOk}**`} | ${e(check.detail)} |`,
      );
    }
  }
  lines.push('');

  lines.push(`## ${labels.flags}`, '');
  if (report.flags.length === 0) lines.push(labels.none);
  for (const flag of report.flags) lines.push(`- ${flagMarkdown(flag, labels)}`);
  lines.push('');

  lines.push(`## ${labels.provenance}`, '');
  lines.push(
    `- ${labels.provider} : ${e(report.provider)}`,
    `- ${labels.model} : ${e(report.model)}`,
    `- ${labels.rubricVersion} : ${e(report.rubricVersion)}`,
    `- ${labels.promptVersion} : ${e(report.promptVersion)}`,
    `- ${labels.generatedAt} : ${e(report.generatedAt)}`,
    `- ${labels.usage} : ${labels.usageLine(report.usage)}`,
  );
  if (report.offline) lines.push(`- ${labels.offline}`);
  lines.push('', `_${e(disclaimerLines(report, lang)[0])}_`, '');
  return lines.join('\n');
}
