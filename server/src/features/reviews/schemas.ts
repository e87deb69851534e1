import { z } from '@hono/zod-openapi';

/** Rubric levels (DESIGN.md). Index = score. */
export const LEVELS = ['absent', 'insuffisant', 'partiel', 'satisfaisant', 'excellent'] as const;
export type Level = (typeof LEVELS)[number];

export const EvidenceSchema = z.object({
  quote: z.string(),
  page: z.number().int().min(1),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

/** Machine-readable flags; `code` is stable, `message` is for people (French). */
export const FlagSchema = z.object({
  code: z.enum([
    'prompt_injection',
    'hidden_text',
    'unverified_quote',
    'no_evidence',
    'criterion_failed',
    'keyword_stuffing',
    'wrong_language',
    'over_length',
    'offline_analyzer',
    'low_confidence',
    'collective_dossier',
    'short_dossier',
    'embeddings_unavailable',
  ]),
  message: z.string(),
  page: z.number().int().optional(),
  detail: z.string().optional(),
});
export type Flag = z.infer<typeof FlagSchema>;

/** A trainer's decision on one criterion as the report carries it (`trainer/schemas.ts` extends it for the API). */
export const ReportDecisionSchema = z.object({
  score: z.number().int().min(0).max(4),
  reason: z.string(),
  comment: z.string().nullable(),
  by: z.string(),
  at: z.string(),
});

export const CriterionResultSchema = z.object({
  id: z.string(),
  text: z.string(),
  competencies: z.array(z.string()),
  status: z.enum(['done', 'failed']),
  score: z.number().int().min(0).max(4),
  level: z.enum(LEVELS),
  /** What the grader said, in one or two sentences. */
  rationale: z.string(),
  evidence: z.array(EvidenceSchema),
  missing: z.array(z.string()),
  recommendations: z.array(z.string()),
  flags: z.array(FlagSchema),
  weight: z.number(),
  decision: ReportDecisionSchema.optional(),
  /** How this criterion was graded: the JSON path the server took, a repair, and how passages were found. */
  provenance: z
    .object({
      structuredOutput: z.enum(['json_schema', 'json_object', 'prompt']).optional(),
      repaired: z.boolean().optional(),
      retrieval: z.enum(['whole', 'hybrid', 'text_only']),
    })
    .optional(),
});
export type CriterionResult = z.infer<typeof CriterionResultSchema>;

export const DeliverableResultSchema = z.object({
  id: z.string(),
  text: z.string(),
  status: z.enum(['present', 'partial', 'missing']),
  pages: z.array(z.number().int()),
});
export type DeliverableResult = z.infer<typeof DeliverableResultSchema>;

export const FormatCheckSchema = z.object({
  check: z.enum(['length', 'language', 'hidden_text', 'collective', 'annexes', 'minimum_content']),
  ok: z.boolean(),
  detail: z.string(),
});
export type FormatCheck = z.infer<typeof FormatCheckSchema>;

export const CompetencyScoreSchema = z.object({
  id: z.string(),
  score: z.number().nullable(),
  criteria: z.array(z.string()),
});

export const UsageSchema = z.object({
  promptTokens: z.number().int(),
  completionTokens: z.number().int(),
  durationMs: z.number().int(),
  calls: z.number().int().optional(),
  cachedPromptTokens: z.number().int().optional(),
  /** Criteria graded per structured-output path (model reviews). */
  structuredOutput: z
    .object({ json_schema: z.number().int(), json_object: z.number().int(), prompt: z.number().int() })
    .optional(),
  /** Criteria whose first answer was invalid and corrected by the model. */
  repaired: z.number().int().optional(),
  /** False when the server reported no token usage (the counts are then not measured). */
  tokensReported: z.boolean().optional(),
});
export type Usage = z.infer<typeof UsageSchema>;

/** The gap report: DESIGN.md's contract, with a few additions (competencies, priorities, disclaimer). */
export const GapReportSchema = z.object({
  exam: z.object({ id: z.string(), case: z.string(), bloc: z.string() }),
  dossier: z
    .object({
      id: z.string(),
      version: z.number().int(),
      pages: z.number().int(),
      words: z.number().int(),
      /** The file of this version (reports made before it was recorded lack it). */
      fileName: z.string().optional(),
      /** Added when an export is read: the dossier's title and its candidate's name. */
      title: z.string().optional(),
      candidate: z.string().nullable().optional(),
    })
    .optional(),
  provider: z.string(),
  model: z.string(),
  rubricVersion: z.string(),
  promptVersion: z.string(),
  offline: z.boolean(),
  overall: z.object({
    score: z.number().min(0).max(4),
    level: z.enum(LEVELS),
    ready: z.enum(['pret', 'presque', 'pas_encore']),
    summary: z.string(),
  }),
  criteria: z.array(CriterionResultSchema),
  competencies: z.array(CompetencyScoreSchema),
  priorities: z.array(z.object({ criterionId: z.string(), reason: z.string() })),
  deliverables: z.array(DeliverableResultSchema),
  format: z.array(FormatCheckSchema),
  flags: z.array(FlagSchema),
  usage: UsageSchema,
  disclaimer: z.string(),
  generatedAt: z.string(),
  /**
   * Added when read, never stored with the AI's report: the overall score and verdict once the trainer's
   * decisions replace the AI's scores on the criteria they decided (`decided` of `total` criteria).
   */
  overallAfterTrainer: z
    .object({
      score: z.number().min(0).max(4),
      level: z.enum(LEVELS),
      ready: z.enum(['pret', 'presque', 'pas_encore']),
      decided: z.number().int().min(0),
      total: z.number().int().min(0),
    })
    .optional(),
  /** Added when read, never stored with the AI's report: a trainer checked the review. */
  check: z.object({ by: z.string(), comment: z.string().nullable(), at: z.string() }).optional(),
});
export type GapReport = z.infer<typeof GapReportSchema>;

/**
 * The rubric a review was graded with, as candidates and trainers read it: per criterion what each score
 * means (descriptors 0–4) and the jury-scored excerpts that anchor the scale, if any.
 */
export const ReviewRubricSchema = z
  .object({
    version: z.string(),
    examId: z.string(),
    scale: z.array(
      z.object({
        score: z.number().int().min(0).max(4),
        level: z.enum(LEVELS),
        label: z.string(),
        description: z.string(),
      }),
    ),
    criteria: z.array(
      z.object({
        id: z.string(),
        descriptors: z
          .object({ 0: z.string(), 1: z.string(), 2: z.string(), 3: z.string(), 4: z.string() })
          .openapi({ description: 'Ce que signifie chaque note, de 0 à 4' }),
        anchors: z.array(z.object({ score: z.number().int().min(0).max(4), excerpt: z.string() })),
      }),
    ),
  })
  .openapi('ReviewRubric');
export type ReviewRubric = z.infer<typeof ReviewRubricSchema>;

/** A review's progress: its status and each criterion's (the API's `progress`, the SSE events' data). */
export const ReviewProgressSchema = z
  .object({
    status: z.enum(['queued', 'running', 'done', 'failed']),
    total: z.number().int(),
    done: z.number().int(),
    failed: z.number().int(),
    criteria: z.array(z.object({ id: z.string(), status: z.enum(['pending', 'running', 'done', 'failed']) })),
  })
  .openapi('ReviewProgress');
export type ReviewProgress = z.infer<typeof ReviewProgressSchema>;
