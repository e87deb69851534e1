import { z } from '@hono/zod-openapi';
import { MAX_SCALE_SPAN } from './metrics';

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

/** Mirrors `AgreementSummary` in metrics.ts; `null` = undefined for these data. */
export const AgreementMetricsSchema = z
  .object({
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
  })
  .openapi('AgreementMetrics');
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
