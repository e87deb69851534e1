/**
 * Turns per-criterion results into the gap report: weighted overall score, level, readiness verdict,
 * per-competency scores, priorities, a short French summary and the jury disclaimer. Pure: same input, same
 * report (given `now`), so a stored review can be re-aggregated after a trainer's retry.
 */
import type { Exam } from '../referential';
import type { Rubric } from './rubric';
import {
  type CriterionResult,
  type DeliverableResult,
  type Flag,
  type FormatCheck,
  type GapReport,
  GapReportSchema,
  LEVELS,
  type Level,
  type Usage,
} from './schemas';
import { type OwnsQuote, overSharedQuotes, quoteKey } from './shared-quotes';
import { capUnverified } from './verify-quotes';

// Readiness thresholds. They are stated in every report's summary, so change the wording with them.
/** « prêt »: overall at least this… */
export const READY_MIN_OVERALL = 3;
/** …and no assessed criterion below this (a single weak criterion is what juries sanction)… */
export const READY_MIN_CRITERION = 2;
// …and no deliverable missing, every format check ok, and no criterion left unassessed (failed).
/** « presque »: overall at least this… */
export const ALMOST_MIN_OVERALL = 2;
/** …with at most this many criteria below `READY_MIN_CRITERION`. Everything else is « pas encore ». */
export const ALMOST_MAX_WEAK_CRITERIA = 2;

export const DISCLAIMER = 'Pré-évaluation formative : le jury décide.';
export const OFFLINE_DISCLAIMER = "Analyse hors ligne (sans modèle d'IA) : pré-contrôle indicatif.";

const LEVEL_LABELS: Record<Level, string> = {
  absent: 'absent',
  insuffisant: 'insuffisant',
  partiel: 'partiel',
  satisfaisant: 'satisfaisant',
  excellent: 'excellent',
};

/** Everything a review produced, to be assembled into a gap report. */
export interface AggregateInput {
  exam: Pick<Exam, 'id' | 'case' | 'bloc'> & { competencies?: readonly string[] };
  rubric: Rubric;
  /** One result per criterion, done or failed. */
  criteria: CriterionResult[];
  deliverables: DeliverableResult[];
  format: FormatCheck[];
  /** Report-level flags (injections, hidden text, format…). */
  flags: Flag[];
  usage: Usage;
  provider: string;
  model: string;
  offline: boolean;
  /**
   * Offline: whether a quoted sentence addresses a criterion on its own account (the grader's reading,
   * shared-quotes.ts). Without it, a sentence quoted for more than two criteria stays with the first ones.
   */
  ownsQuote?: OwnsQuote;
  promptVersion: string;
  dossier?: GapReport['dossier'];
  /** Clock for `generatedAt`; defaults to now. */
  now?: Date;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * The one number format of scores in reports, the summary and the exports: one decimal in the report's
 * locale (`2.45` → « 2,5 » / "2.5", `3` → « 3,0 »).
 */
export function formatScore(score: number, lang: 'fr' | 'en' = 'fr'): string {
  return score.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
}

function levelOf(score: number): Level {
  return LEVELS[Math.min(4, Math.max(0, Math.round(score)))];
}

function oneLine(text: string, max = 180): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

function sameFlag(a: Flag, b: Flag): boolean {
  return a.code === b.code && a.message === b.message && a.page === b.page && a.detail === b.detail;
}

/** What the verdict rests on: the weighted score, its level, the readiness and the facts behind it. */
export interface Verdict {
  score: number;
  level: Level;
  ready: GapReport['overall']['ready'];
  done: CriterionResult[];
  failed: CriterionResult[];
  weak: CriterionResult[];
  missingDeliverables: DeliverableResult[];
  formatIssues: FormatCheck[];
}

/**
 * The overall score and readiness of a set of criterion scores (the AI's, or the AI's with a trainer's
 * decisions in place): the one definition used by the report and by the « after your trainer » headline.
 */
export function overallVerdict(
  criteria: readonly CriterionResult[],
  deliverables: readonly DeliverableResult[],
  format: readonly FormatCheck[],
): Verdict {
  const done = criteria.filter((criterion) => criterion.status === 'done');
  const failed = criteria.filter((criterion) => criterion.status === 'failed');
  const totalWeight = done.reduce((sum, criterion) => sum + criterion.weight, 0);
  const score =
    totalWeight > 0 ? round2(done.reduce((sum, c) => sum + c.weight * c.score, 0) / totalWeight) : 0;
  const weak = done.filter((criterion) => criterion.score < READY_MIN_CRITERION);
  const missingDeliverables = deliverables.filter((deliverable) => deliverable.status === 'missing');
  const formatIssues = format.filter((check) => !check.ok);
  const ready: GapReport['overall']['ready'] =
    done.length > 0 &&
    failed.length === 0 &&
    score >= READY_MIN_OVERALL &&
    weak.length === 0 &&
    missingDeliverables.length === 0 &&
    formatIssues.length === 0
      ? 'pret'
      : done.length > 0 && score >= ALMOST_MIN_OVERALL && weak.length <= ALMOST_MAX_WEAK_CRITERIA
        ? 'presque'
        : 'pas_encore';
  return { score, level: levelOf(score), ready, done, failed, weak, missingDeliverables, formatIssues };
}

/**
 * Builds and validates the gap report.
 *
 * - Criteria: level recomputed from the score; a done criterion without evidence is capped at 1 and
 *   flagged `no_evidence` (principle 2, enforced again here whatever produced the result).
 * - Overall score: mean of the done criteria's scores weighted by the rubric (failed criteria are excluded
 *   and flagged); level = level of round(score).
 * - Readiness: « pret » when overall ≥ 3, no criterion < 2, no deliverable missing, all format checks ok
 *   and no criterion failed; « presque » when overall ≥ 2 with at most 2 criteria < 2; else « pas_encore ».
 * - Priorities: failed criteria first, then by weight × (4 − score), largest gap first.
 */
export function aggregateReport(input: AggregateInput): GapReport {
  const { rubric } = input;
  const rubricOrder = new Map(rubric.criteria.map((criterion, index) => [criterion.id, index]));
  const weightOf = (criterion: CriterionResult) =>
    rubric.criteria.find((entry) => entry.id === criterion.id)?.weight ?? criterion.weight;

  const givenAdvice = new Set<string>();
  const sharedQuotes = input.offline
    ? overSharedQuotes(input.criteria, input.ownsQuote)
    : new Map<string, Set<string>>();
  const criteria: CriterionResult[] = [...input.criteria]
    .sort(
      (a, b) =>
        (rubricOrder.get(a.id) ?? Number.MAX_SAFE_INTEGER) -
        (rubricOrder.get(b.id) ?? Number.MAX_SAFE_INTEGER),
    )
    .map((original) => {
      let criterion = original;
      const failed = criterion.status === 'failed';
      const flags = [...criterion.flags];
      const evidence = criterion.evidence.filter(
        (e) => !sharedQuotes.get(quoteKey(e.quote))?.has(criterion.id),
      );
      criterion = { ...criterion, evidence };
      if (failed && !flags.some((flag) => flag.code === 'criterion_failed')) {
        flags.push({ code: 'criterion_failed', message: 'Évaluation en échec : à relancer.' });
      }
      // DESIGN.md principle 2 is enforced here too, at the report boundary: whatever produced the result,
      // a criterion without verified evidence cannot score above « insuffisant ».
      const score = failed ? criterion.score : capUnverified(criterion.score, criterion.evidence.length);
      if (score < criterion.score && !flags.some((flag) => flag.code === 'no_evidence')) {
        flags.push({
          code: 'no_evidence',
          message: `Aucune citation vérifiée : note ramenée de ${criterion.score} à ${score}.`,
        });
      }
      // A piece of advice is given once per report, under the first criterion that needs it: the same
      // sentence repeated under every criterion reads as boilerplate and hides the specific advice.
      const recommendations = criterion.recommendations.filter((r) => {
        const key = r.replace(/\s+/g, ' ').trim().toLowerCase();
        if (givenAdvice.has(key)) return false;
        givenAdvice.add(key);
        return true;
      });
      // The level always follows the score, so a report can never say « 3 — partiel ».
      return {
        ...criterion,
        score,
        weight: weightOf(criterion),
        level: LEVELS[score],
        flags,
        recommendations,
      };
    });

  const verdict = overallVerdict(criteria, input.deliverables, input.format);
  const { done, failed, weak, missingDeliverables, formatIssues, ready } = verdict;
  const overallScore = verdict.score;
  const level = verdict.level;

  const competencyIds = [...(input.exam.competencies ?? [])];
  for (const criterion of criteria) {
    for (const id of criterion.competencies) if (!competencyIds.includes(id)) competencyIds.push(id);
  }
  const competencies = competencyIds.map((id) => {
    const mapped = criteria.filter((criterion) => criterion.competencies.includes(id));
    const scored = mapped.filter((criterion) => criterion.status === 'done');
    return {
      id,
      score: scored.length > 0 ? round2(scored.reduce((sum, c) => sum + c.score, 0) / scored.length) : null,
      criteria: mapped.map((criterion) => criterion.id),
    };
  });

  const priorities = [
    ...failed.map((criterion) => ({
      criterionId: criterion.id,
      reason: 'Évaluation en échec : relancez ce critère, il manque au rapport.',
    })),
    ...done
      .filter((criterion) => criterion.score < 4)
      .map((criterion, index) => ({ criterion, index, gap: criterion.weight * (4 - criterion.score) }))
      .sort((a, b) => b.gap - a.gap || a.criterion.score - b.criterion.score || a.index - b.index)
      .map(({ criterion }) => ({ criterionId: criterion.id, reason: priorityReason(criterion, rubric) })),
  ];

  const flags: Flag[] = [];
  const addFlag = (flag: Flag) => {
    if (!flags.some((existing) => sameFlag(existing, flag))) flags.push(flag);
  };
  for (const flag of input.flags) addFlag(flag);
  for (const criterion of failed) {
    addFlag({
      code: 'criterion_failed',
      message: `Critère ${criterion.id} non évalué (échec technique) : exclu du score global, à relancer.`,
      detail: criterion.id,
    });
  }
  if (input.offline && !flags.some((flag) => flag.code === 'offline_analyzer')) {
    addFlag({ code: 'offline_analyzer', message: OFFLINE_DISCLAIMER });
  }

  const report: GapReport = {
    exam: { id: input.exam.id, case: input.exam.case, bloc: input.exam.bloc },
    ...(input.dossier ? { dossier: input.dossier } : {}),
    provider: input.provider,
    model: input.model,
    rubricVersion: rubric.version,
    promptVersion: input.promptVersion,
    offline: input.offline,
    overall: {
      score: overallScore,
      level,
      ready,
      summary: summarise({
        score: overallScore,
        level,
        ready,
        done: done.length,
        failed: failed.length,
        weak: weak.length,
        missingDeliverables: missingDeliverables.length,
        formatIssues: formatIssues.length,
        topCriterion: criteria.find((criterion) => criterion.id === priorities[0]?.criterionId),
      }),
    },
    criteria,
    competencies,
    priorities,
    deliverables: input.deliverables,
    format: input.format,
    flags,
    usage: {
      ...input.usage,
      promptTokens: Math.round(input.usage.promptTokens),
      completionTokens: Math.round(input.usage.completionTokens),
      durationMs: Math.round(input.usage.durationMs),
    },
    disclaimer: input.offline ? `${DISCLAIMER} ${OFFLINE_DISCLAIMER}` : DISCLAIMER,
    generatedAt: (input.now ?? new Date()).toISOString(),
  };
  return GapReportSchema.parse(report);
}

/** « Partiel (2/4) : <what is missing> », on one line. */
function priorityReason(criterion: CriterionResult, rubric: Rubric): string {
  const label = LEVEL_LABELS[LEVELS[criterion.score]];
  const head = `${label.charAt(0).toUpperCase()}${label.slice(1)} (${criterion.score}/4)`;
  const next = rubric.criteria.find((entry) => entry.id === criterion.id)?.descriptors[
    Math.min(4, criterion.score + 1) as 0 | 1 | 2 | 3 | 4
  ];
  const hint =
    criterion.missing[0] ??
    criterion.recommendations[0] ??
    (criterion.evidence.length === 0 ? 'aucun extrait du dossier ne soutient ce critère' : undefined) ??
    (next ? `viser : ${next}` : undefined);
  return oneLine(hint ? `${head} : ${hint}` : head);
}

interface SummaryFacts {
  score: number;
  level: Level;
  ready: GapReport['overall']['ready'];
  done: number;
  failed: number;
  weak: number;
  missingDeliverables: number;
  formatIssues: number;
  topCriterion?: CriterionResult;
}

const plural = (count: number, singular: string, pluralForm = `${singular}s`) =>
  `${count} ${count > 1 ? pluralForm : singular}`;

const READY_RULE = `« prêt » demande une moyenne ≥ ${READY_MIN_OVERALL}, aucun critère sous ${READY_MIN_CRITERION}/4, aucun livrable manquant et des contrôles de forme conformes`;
const ALMOST_RULE = `« presque prêt » demande une moyenne ≥ ${ALMOST_MIN_OVERALL} avec au plus ${ALMOST_MAX_WEAK_CRITERIA} critères sous ${READY_MIN_CRITERION}/4`;

/** Two or three French sentences: the score, the verdict with its thresholds, the first priority. */
function summarise(facts: SummaryFacts): string {
  if (facts.done === 0) {
    return "Aucun critère n'a pu être évalué : le rapport est incomplet, relancez l'évaluation.";
  }
  const failedNote = facts.failed > 0 ? `, ${plural(facts.failed, 'critère')} en échec exclu du calcul` : '';
  const first = `Score global ${formatScore(facts.score)}/4 (${LEVEL_LABELS[facts.level]}) sur ${plural(facts.done, 'critère évalué', 'critères évalués')}${failedNote}.`;
  // The reasons given are the conditions of the next verdict up that this report does not meet.
  const average = (min: number) =>
    facts.score < min ? `moyenne ${formatScore(facts.score)} sous ${min}` : null;
  const weak = (max: number) =>
    facts.weak > max ? `${plural(facts.weak, 'critère')} sous ${READY_MIN_CRITERION}/4` : null;
  const gaps = (
    facts.ready === 'presque'
      ? [
          average(READY_MIN_OVERALL),
          weak(0),
          facts.missingDeliverables > 0
            ? plural(facts.missingDeliverables, 'livrable manquant', 'livrables manquants')
            : null,
          facts.formatIssues > 0
            ? `${plural(facts.formatIssues, 'contrôle de forme', 'contrôles de forme')} à revoir`
            : null,
          facts.failed > 0 ? plural(facts.failed, 'critère non évalué', 'critères non évalués') : null,
        ]
      : [average(ALMOST_MIN_OVERALL), weak(ALMOST_MAX_WEAK_CRITERIA)]
  ).filter((gap): gap is string => gap !== null);
  const here = gaps.length > 0 ? ` (ici : ${gaps.join(', ')})` : '';
  const second =
    facts.ready === 'pret'
      ? `Verdict : prêt — moyenne ≥ ${READY_MIN_OVERALL}, aucun critère sous ${READY_MIN_CRITERION}/4, aucun livrable manquant et contrôles de forme conformes.`
      : facts.ready === 'presque'
        ? `Verdict : presque prêt ; ${READY_RULE}${here}.`
        : `Verdict : pas encore prêt ; ${ALMOST_RULE}${here}.`;
  const third = facts.topCriterion
    ? `Priorité : ${facts.topCriterion.id} (${
        facts.topCriterion.status === 'failed'
          ? 'à relancer'
          : `${LEVEL_LABELS[facts.topCriterion.level]}, ${facts.topCriterion.score}/4`
      }).`
    : 'Aucune priorité : tous les critères évalués sont au niveau excellent.';
  return `${first} ${second} ${third}`;
}
