import { z } from '@hono/zod-openapi';
import { UuidSchema } from '../../lib/openapi';

/**
 * Widest accepted scale (`max - min`). Rubrics use a handful of levels; the bound keeps the confusion
 * matrix small and the integer sums inside the kappa computations exact (metrics.ts).
 */
export const MAX_SCALE_SPAN = 100;

/** Most pairs accepted in one request (a full exam season for one rubric fits comfortably). */
export const MAX_PAIRS = 100_000;

export const ScorePairSchema = z
  .object({
    criterionId: z.string().min(1).max(200).openapi({ example: 'b2-strategie-commerciale.c3' }),
    human: z.number().int().openapi({ description: 'Note du jury', example: 3 }),
    ai: z.number().int().openapi({ description: "Note de l'IA", example: 2 }),
  })
  .openapi('CalibrationScorePair');
export type ScorePair = z.infer<typeof ScorePairSchema>;

/**
 * Scores must also lie in [min, max]; that check is left to the metrics module, whose error names the
 * faulty pair, rather than producing one schema issue per bad pair.
 */
export const AgreementRequestSchema = z
  .object({
    min: z.number().int().openapi({ description: "Note la plus basse de l'échelle", example: 0 }),
    max: z.number().int().openapi({ description: "Note la plus haute de l'échelle (> min)", example: 4 }),
    pairs: z.array(ScorePairSchema).min(1).max(MAX_PAIRS),
  })
  .refine((body) => body.max > body.min, {
    message: 'max doit être strictement supérieur à min',
    path: ['max'],
  })
  .refine((body) => body.max - body.min <= MAX_SCALE_SPAN, {
    message: `l'échelle compte au plus ${MAX_SCALE_SPAN + 1} niveaux (max − min ≤ ${MAX_SCALE_SPAN})`,
    path: ['max'],
  })
  .openapi('AgreementRequest');
export type AgreementRequest = z.infer<typeof AgreementRequestSchema>;

const metric = (description: string) => z.number().nullable().openapi({ description });

/** `[low, high]` of a 95 % interval; `null` when the metric is undefined in too many resamples. */
const IntervalSchema = z
  .tuple([z.number(), z.number()])
  .nullable()
  .openapi({ description: '[borne basse, borne haute], null si la mesure est indéfinie' });
export type Interval = z.infer<typeof IntervalSchema>;

/**
 * The metrics of one set of (human, AI) score pairs, computed by `metrics.ts` (`agreementSummary`): the one
 * statement of this shape, which the metrics module, the API and the evals all use. `null` = undefined for
 * these data (0/0, no variance), never `NaN`.
 */
export const AgreementSummarySchema = z.object({
  n: z.number().int().openapi({ description: 'Nombre de paires' }),
  qwk: metric('Kappa pondéré quadratique (Cohen 1968, = scikit-learn weights="quadratic")'),
  kappa: metric('Kappa de Cohen non pondéré (null si les deux notateurs donnent partout la même note)'),
  exact: metric('Part des paires identiques (0–1)'),
  adjacent: metric("Part des paires à au plus 1 point d'écart (0–1)"),
  mae: metric('Écart absolu moyen, en points'),
  smd: metric('Différence moyenne standardisée IA − jury (RSMTool, écart-type commun, ddof = 1)'),
  bias: metric('Écart moyen IA − jury, en points (positif : IA plus généreuse)'),
  humanMean: metric('Note moyenne du jury'),
  aiMean: metric("Note moyenne de l'IA"),
});
export type AgreementSummary = z.infer<typeof AgreementSummarySchema>;

/** The metrics of {@link AgreementSummary} that have an interval, and a delta between two runs. */
const COMPARED_METRICS = ['qwk', 'kappa', 'exact', 'adjacent', 'mae', 'smd', 'bias'] as const;

/** One `schema` per compared metric, in the order of {@link COMPARED_METRICS}. */
function perMetric<S extends z.ZodType>(schema: S) {
  return Object.fromEntries(COMPARED_METRICS.map((k) => [k, schema])) as {
    [K in (typeof COMPARED_METRICS)[number]]: S;
  };
}

/** Percentile bootstrap intervals of the metrics of {@link AgreementSummary}. */
const AgreementIntervalsSchema = z
  .object({
    level: z.number().openapi({ example: 0.95 }),
    resamples: z.number().int().openapi({ description: 'Rééchantillonnages bootstrap (graine fixe)' }),
    ...perMetric(IntervalSchema),
  })
  .openapi({ description: 'Intervalles de confiance à 95 % (bootstrap percentile, déterministe)' });
export type AgreementIntervals = z.infer<typeof AgreementIntervalsSchema>;

/** An {@link AgreementSummary} with its uncertainty: intervals, the minimum n and whether it is reached. */
export const AgreementMetricsSchema = AgreementSummarySchema.extend({
  ci: AgreementIntervalsSchema,
  minN: z.number().int().openapi({ description: 'Effectif minimal pour juger un chiffre bon ou mauvais' }),
  sufficient: z.boolean().openapi({ description: 'n ≥ minN ; sinon « échantillon insuffisant »' }),
}).openapi('AgreementMetrics');
export type AgreementMetrics = z.infer<typeof AgreementMetricsSchema>;

export const AgreementResponseSchema = z
  .object({
    overall: AgreementMetricsSchema,
    criteria: z.record(z.string(), AgreementMetricsSchema).openapi({
      description: 'Par critère, clés triées',
    }),
  })
  .openapi('AgreementResponse');
export type AgreementResponse = z.infer<typeof AgreementResponseSchema>;

// ---------------------------------------------------------------------------------------------------
// Exam-team calibration: rubric versions, calibration sets, runs, agreement, comparison.

export const VersionLabelSchema = z
  .string()
  .regex(/^v\d{1,4}(?:\.\d{1,4}){0,3}$/, 'version attendue de la forme v1, v2, v2.1…')
  .openapi({ example: 'v2' });

const examIdParam = z
  .string()
  .min(1)
  .max(80)
  .openapi({ param: { name: 'examId', in: 'path' }, example: 'b1-audit-rse' });

export const ExamParamSchema = z.object({ examId: examIdParam });
export const ExamVersionParamSchema = z.object({
  examId: examIdParam,
  version: VersionLabelSchema.openapi({ param: { name: 'version', in: 'path' } }),
});

const ScoreLevelSchema = z.number().int().min(0).max(4);

export const RubricCriterionInputSchema = z
  .object({
    id: z.string().min(1).max(20),
    text: z.string().trim().min(1).max(2000).openapi({ description: 'Libellé donné au modèle' }),
    weight: z.number().positive().max(100),
    descriptors: z.strictObject({
      0: z.string().trim().min(1).max(2000),
      1: z.string().trim().min(1).max(2000),
      2: z.string().trim().min(1).max(2000),
      3: z.string().trim().min(1).max(2000),
      4: z.string().trim().min(1).max(2000),
    }),
    anchors: z
      .array(z.strictObject({ score: ScoreLevelSchema, excerpt: z.string().trim().min(1).max(1500) }))
      .max(12)
      .openapi({ description: 'Extraits courts notés par un jury (exemples d’un 1, 2, 3, 4)' }),
  })
  .strict()
  .openapi('RubricCriterion');

export const RubricBodySchema = z
  .object({
    version: z.string(),
    examId: z.string(),
    scale: z.array(
      z.object({ score: z.number().int(), level: z.string(), label: z.string(), description: z.string() }),
    ),
    criteria: z.array(RubricCriterionInputSchema),
  })
  .openapi('Rubric');

export const RubricVersionSummarySchema = z
  .object({
    id: z.string().nullable().openapi({ description: 'null pour la grille par défaut v1' }),
    examId: z.string(),
    version: z.string(),
    builtin: z.boolean(),
    active: z.boolean(),
    used: z.boolean().openapi({ description: 'A servi à au moins une analyse : ne peut plus changer' }),
    firstUsedAt: z.string().nullable(),
    basedOn: z.string().nullable(),
    note: z.string().nullable(),
    createdBy: z.string().nullable(),
    createdAt: z.string().nullable(),
    hash: z.string(),
  })
  .openapi('RubricVersionSummary');

export const RubricVersionSchema = RubricVersionSummarySchema.extend({ rubric: RubricBodySchema }).openapi(
  'RubricVersion',
);

export const RubricVersionCreateSchema = z
  .object({
    basedOn: VersionLabelSchema.optional().openapi({
      description: 'Version de départ (par défaut : l’active)',
    }),
    version: VersionLabelSchema.optional().openapi({ description: 'Libellé (par défaut : v<N+1>)' }),
    note: z.string().max(1000).optional(),
    criteria: z.array(RubricCriterionInputSchema).min(1).max(60),
  })
  .strict()
  .openapi('RubricVersionCreate');

export const RubricVersionUpdateSchema = RubricVersionCreateSchema.omit({ basedOn: true }).openapi(
  'RubricVersionUpdate',
);

export const RubricChangeSchema = z
  .object({
    field: z.enum(['criterion', 'text', 'weight', 'descriptor', 'anchor', 'scale']),
    /** The level for `descriptor`, `anchor` and `scale` changes. */
    score: z.number().int().optional(),
    /** Null: added (an anchor, a criterion). */
    before: z.union([z.string(), z.number()]).nullable(),
    /** Null: removed. */
    after: z.union([z.string(), z.number()]).nullable(),
  })
  .openapi('RubricChange');
export type RubricChange = z.infer<typeof RubricChangeSchema>;

export const RubricDiffSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    /** True when the two versions grade the same way (same content, labels aside). */
    identical: z.boolean(),
    /** Changes to the shared scale (labels and meanings of the levels). */
    scale: z.array(RubricChangeSchema),
    /** Criteria with at least one change, in the order of `to`. */
    criteria: z.array(z.object({ id: z.string(), changes: z.array(RubricChangeSchema) })),
  })
  .openapi('RubricDiff');
export type RubricDiff = z.infer<typeof RubricDiffSchema>;

export const DiffQuerySchema = z.object({ from: VersionLabelSchema, to: VersionLabelSchema });

const ExamIdSchema = z.string().min(1).max(80);
export const ExamQuerySchema = z.object({ examId: ExamIdSchema.optional() });
export const RequiredExamQuerySchema = z.object({ examId: ExamIdSchema });

export const ExamDossierSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    candidate: z.string(),
    latestVersion: z.number().int(),
    createdAt: z.string(),
  })
  .openapi('CalibrationDossier');

export const SetCreateSchema = z
  .object({ name: z.string().trim().min(1).max(120), examId: ExamIdSchema })
  .strict()
  .openapi('CalibrationSetCreate');

/** What names a calibration set, in every answer about it. */
const SetRefSchema = z.object({ id: z.string(), name: z.string(), examId: z.string() });
const SetHeadSchema = SetRefSchema.extend({ createdAt: z.string() });

export const SetSummarySchema = SetHeadSchema.extend({
  dossiers: z.number().int(),
  scores: z.number().int(),
  runs: z.number().int(),
}).openapi('CalibrationSetSummary');

const RunProgressSchema = z.object({
  total: z.number().int(),
  queued: z.number().int(),
  running: z.number().int(),
  done: z.number().int(),
  failed: z.number().int(),
});
export type RunProgress = z.infer<typeof RunProgressSchema>;

export const RunSummarySchema = z
  .object({
    id: z.string(),
    setId: z.string(),
    examId: z.string(),
    rubricVersion: z.string(),
    rubricVersionId: z.string().nullable(),
    rubricHash: z.string(),
    promptVersion: z.string(),
    provider: z.string(),
    model: z.string(),
    createdAt: z.string(),
    status: z.enum(['running', 'done']),
    progress: RunProgressSchema,
  })
  .openapi('CalibrationRun');
export type RunSummary = z.infer<typeof RunSummarySchema>;

/** The two runs started to compare two rubric versions on a set. */
export const RunPairSchema = z.object({ a: RunSummarySchema, b: RunSummarySchema });

export const SetDetailSchema = SetHeadSchema.extend({
  scores: z.number().int(),
  raters: z.array(
    z.object({ rater: z.string(), source: z.enum(['csv', 'trainer']), scores: z.number().int() }),
  ),
  dossiers: z.array(
    z.object({
      id: z.string(),
      version: z.number().int().openapi({ description: 'La version du dossier que les correcteurs ont lue' }),
      title: z.string().openapi({ description: 'Le fichier de cette version' }),
      candidate: z.string(),
      latestVersion: z.number().int(),
      scores: z.number().int(),
    }),
  ),
  runs: z.array(RunSummarySchema),
}).openapi('CalibrationSet');

export const ImportResultSchema = z
  .object({
    imported: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    dossiers: z.number().int(),
    raters: z.array(z.string()),
  })
  .openapi('CalibrationImport');

export const TrainerImportResultSchema = z
  .object({ imported: z.number().int(), dossiers: z.number().int(), rater: z.string() })
  .openapi('CalibrationTrainerImport');

export const RunStartSchema = z
  .object({ rubricVersion: VersionLabelSchema })
  .strict()
  .openapi('CalibrationRunStart');

export const CompareStartSchema = z
  .object({ a: VersionLabelSchema, b: VersionLabelSchema })
  .strict()
  .refine((body) => body.a !== body.b, { message: 'choisissez deux versions différentes', path: ['b'] })
  .openapi('CalibrationCompareStart');

/** `?rater=`: whose human scores to compare with (default: all raters). */
const RaterSchema = z.string().min(1).max(40).optional();
export const RaterQuerySchema = z.object({ rater: RaterSchema });

const ConfusionSchema = z.array(z.array(z.number().int())).openapi({
  description: 'Lignes : note humaine (min…max) ; colonnes : note de l’IA',
});

const CriterionAgreementSchema = z.object({
  id: z.string(),
  text: z.string(),
  metrics: AgreementMetricsSchema,
  /** Rows: human score min…max; columns: AI score. */
  confusion: ConfusionSchema,
  /** Between the first two raters, where both scored. */
  humanHuman: AgreementMetricsSchema.nullable(),
});
export type CriterionAgreement = z.infer<typeof CriterionAgreementSchema>;

export const RunAgreementSchema = z
  .object({
    run: RunSummarySchema,
    set: SetRefSchema,
    rater: z.string().nullable(),
    raters: z.array(z.string()),
    scale: z.object({ min: z.number().int(), max: z.number().int() }),
    overall: AgreementMetricsSchema,
    confusion: ConfusionSchema,
    humanHuman: z
      .object({
        raters: z.tuple([z.string(), z.string()]),
        overall: AgreementMetricsSchema,
        confusion: ConfusionSchema,
      })
      .nullable(),
    criteria: z.array(CriterionAgreementSchema),
    coverage: z.object({
      dossiers: z.number().int(),
      reviewed: z.number().int(),
      pending: z.number().int(),
      failed: z.number().int(),
      humanScores: z.number().int(),
      withoutAi: z.number().int(),
    }),
  })
  .openapi('CalibrationAgreement');
export type RunAgreement = z.infer<typeof RunAgreementSchema>;

export const ItemsQuerySchema = z.object({
  criterionId: z.string().min(1).max(20).optional(),
  human: z.coerce.number().int().min(0).max(4).optional(),
  ai: z.coerce.number().int().min(0).max(4).optional(),
  rater: RaterSchema,
});

export const ItemSchema = z
  .object({
    dossierId: z.string(),
    title: z.string(),
    candidate: z.string(),
    version: z.number().int(),
    reviewId: z.string(),
    criterionId: z.string(),
    rater: z.string(),
    human: z.number().int(),
    ai: z.number().int(),
    rationale: z.string(),
    evidence: z.array(z.object({ quote: z.string(), page: z.number().int() })),
    missing: z.array(z.string()),
    flags: z.array(z.string()),
  })
  .openapi('CalibrationItem');

export const CompareQuerySchema = z.object({
  a: UuidSchema,
  b: UuidSchema,
  rater: RaterSchema,
});

/** Run B's metric minus run A's; null when either is undefined. */
const DeltaSchema = z.object(perMetric(z.number().nullable()));

const ReadySchema = z.enum(['pret', 'presque', 'pas_encore']);

/** What a rubric change does to the overall (weighted) score and to readiness verdicts (`overall-change.ts`). */
const OverallChangeSchema = z.object({
  /** Dossier versions reviewed in both runs. */
  compared: z.number().int(),
  /** Overall score (0–4) means in A and B, and the mean of B − A; null when nothing compared. */
  meanA: z.number().nullable(),
  meanB: z.number().nullable(),
  meanDelta: z.number().nullable(),
  /** Overall score up / down by at least 0,01. */
  up: z.number().int(),
  down: z.number().int(),
  /** Candidates whose verdict changed, by direction, and the counts of each A → B transition. */
  verdictChanged: z.number().int(),
  moreReady: z.number().int(),
  lessReady: z.number().int(),
  transitions: z.array(z.object({ from: ReadySchema, to: ReadySchema, count: z.number().int() })),
});
export type OverallChange = z.infer<typeof OverallChangeSchema>;

export const ComparisonSchema = z
  .object({
    a: RunAgreementSchema,
    b: RunAgreementSchema,
    rater: z.string().nullable(),
    differs: z.object({
      rubric: z.boolean(),
      prompt: z.boolean(),
      provider: z.boolean(),
      model: z.boolean(),
    }),
    rubricDiff: RubricDiffSchema,
    criteria: z.array(
      z.object({
        id: z.string(),
        text: z.string(),
        a: AgreementMetricsSchema,
        b: AgreementMetricsSchema,
        delta: DeltaSchema,
        rubricChanges: z.array(RubricChangeSchema),
        aiScores: z.object({ compared: z.number().int(), up: z.number().int(), down: z.number().int() }),
      }),
    ),
    overall: OverallChangeSchema.openapi({
      description: 'Note globale et verdicts : ce qu’un changement de pondération change',
    }),
  })
  .openapi('CalibrationComparison');

export const ReportQuerySchema = z.object({
  against: UuidSchema.optional(),
  rater: RaterSchema,
});
