/** The calibration CSVs: the template a jury fills in, a run's scores, and a run's agreement table. */
import type { Actor } from '../../lib/actor';
import { toCsv } from './csv';
import { agreement } from './runs';
import type { AgreementMetrics } from './schemas';
import { DEFAULT_RATER } from './score-rows';
import {
  aiResults,
  type CalibrationContext,
  examDossiers,
  examOf,
  key,
  loadRun,
  loadSet,
  orderRaters,
  pinKey,
  runItems,
  type ScoreRow,
  scoresOf,
  versionLabels,
} from './store';

/** A CSV to fill in: one row per visible dossier of the exam and criterion, score left empty. */
export async function templateCsv(ctx: CalibrationContext, actor: Actor, setId: string) {
  const set = await loadSet(ctx, actor, setId);
  const exam = examOf(set.examId);
  const list = await examDossiers(ctx, actor, set.examId);
  // The version column is pre-filled with the latest draft: the jury corrects it if it read another.
  return toCsv(
    ['dossier_id', 'candidat', 'titre', 'version', 'criterion_id', 'score', 'rater'],
    list.flatMap((d) =>
      exam.criteria.map((c) => [d.id, d.candidate, d.title, d.latestVersion, c.id, '', DEFAULT_RATER]),
    ),
  );
}

/** The columns of the scores CSV, in order. */
export const SCORES_HEADER = [
  'dossier_id',
  'candidat',
  'version',
  'fichier',
  'criterion_id',
  'rater',
  'human',
  'ai',
  'rubric_version',
  'review_id',
];

/** Every human score of the set beside the run's AI score (empty when not graded). */
export async function scoresCsv(ctx: CalibrationContext, actor: Actor, runId: string) {
  const { run, set } = await loadRun(ctx, actor, runId);
  const exam = examOf(set.examId);
  const scores = await scoresOf(ctx, actor, set.id);
  const items = await runItems(ctx, run.id);
  const ai = aiResults(items);
  const byPin = new Map(items.map((i) => [pinKey(i.dossierId, i.version), i]));
  const labels = await versionLabels(ctx, scores);
  const labelOf = (s: ScoreRow) => labels.get(pinKey(s.dossierId, s.version));
  const order = new Map(exam.criteria.map((c, i) => [c.id, i]));
  const raters = orderRaters(scores);
  const sorted = [...scores].sort(
    (x, y) =>
      (labelOf(x)?.candidate ?? '').localeCompare(labelOf(y)?.candidate ?? '', 'fr') ||
      x.dossierId.localeCompare(y.dossierId) ||
      x.version - y.version ||
      (order.get(x.criterionId) ?? 0) - (order.get(y.criterionId) ?? 0) ||
      raters.indexOf(x.rater) - raters.indexOf(y.rater),
  );
  return {
    filename: `calibration-${set.examId}-${run.rubricVersion}-scores.csv`,
    body: toCsv(
      SCORES_HEADER,
      sorted.map((s) => [
        s.dossierId,
        labelOf(s)?.candidate ?? '',
        s.version,
        labelOf(s)?.title ?? '',
        s.criterionId,
        s.rater,
        s.score,
        ai.get(key(s.dossierId, s.version, s.criterionId))?.criterion.score ?? null,
        run.rubricVersion,
        byPin.get(pinKey(s.dossierId, s.version))?.reviewId ?? '',
      ]),
    ),
  };
}

/** The columns of the agreement CSV, in order (a contract with the spreadsheets exam teams build on it). */
export const AGREEMENT_HEADER = [
  'comparaison',
  'criterion_id',
  'n',
  'qwk',
  'kappa',
  'exact',
  'adjacent',
  'mae',
  'smd',
  'bias',
  'human_mean',
  'ai_mean',
  'qwk_ic95_bas',
  'qwk_ic95_haut',
  'mae_ic95_bas',
  'mae_ic95_haut',
  'n_min',
  'echantillon_suffisant',
];

const agreementLine = (scope: string, criterion: string, m: AgreementMetrics) => [
  scope,
  criterion,
  m.n,
  m.qwk,
  m.kappa,
  m.exact,
  m.adjacent,
  m.mae,
  m.smd,
  m.bias,
  m.humanMean,
  m.aiMean,
  m.ci.qwk?.[0] ?? null,
  m.ci.qwk?.[1] ?? null,
  m.ci.mae?.[0] ?? null,
  m.ci.mae?.[1] ?? null,
  m.minN,
  m.sufficient ? 'oui' : 'non',
];

/** The agreement table as CSV: AI vs human per criterion and overall, then human vs human. */
export async function agreementCsv(ctx: CalibrationContext, actor: Actor, runId: string, rater?: string) {
  const result = await agreement(ctx, actor, runId, rater);
  const scope = `ia_vs_${result.rater ?? 'humain'}`;
  const rows = [
    ...result.criteria.map((c) => agreementLine(scope, c.id, c.metrics)),
    agreementLine(scope, 'global', result.overall),
  ];
  if (result.humanHuman) {
    const hh = `${result.humanHuman.raters[1]}_vs_${result.humanHuman.raters[0]}`;
    for (const c of result.criteria) if (c.humanHuman) rows.push(agreementLine(hh, c.id, c.humanHuman));
    rows.push(agreementLine(hh, 'global', result.humanHuman.overall));
  }
  return {
    filename: `calibration-${result.set.examId}-${result.run.rubricVersion}-accord.csv`,
    body: toCsv(AGREEMENT_HEADER, rows),
  };
}
