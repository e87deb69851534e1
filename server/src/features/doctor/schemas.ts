import { z } from '@hono/zod-openapi';

export const DoctorCheckSchema = z.object({
  id: z.enum([
    'connection',
    'structured_output',
    'grading',
    'latency',
    'usage',
    'cache',
    'price',
    'embeddings',
  ]),
  status: z.enum(['ok', 'warn', 'fail', 'skip']),
  /** For people, in French. */
  detail: z.string(),
  /** What to change (a setting), when something is wrong. */
  fix: z.string().optional(),
});
export type DoctorCheck = z.infer<typeof DoctorCheckSchema>;

/** The doctor's verdict on the configured model server (`npm run doctor`, `POST /api/admin/model-check`). */
export const DoctorReportSchema = z
  .object({
    ok: z.boolean(),
    provider: z.enum(['offline', 'openai']),
    profile: z.string().nullable(),
    baseURL: z.string().nullable(),
    model: z.string(),
    embeddingModel: z.string(),
    structuredOutput: z.enum(['json_schema', 'json_object', 'prompt']).nullable(),
    checks: z.array(DoctorCheckSchema),
    checkedAt: z.string(),
  })
  .openapi('DoctorReport');
export type DoctorReport = z.infer<typeof DoctorReportSchema>;

/** French labels of the checks, for the terminal table (the web app has its own in i18n). */
export const CHECK_LABELS: Record<DoctorCheck['id'], string> = {
  connection: 'Accès au serveur et clé',
  structured_output: 'Sortie structurée',
  grading: 'Notation (échantillon fourni)',
  latency: 'Latence',
  usage: 'Jetons consommés (usage)',
  cache: 'Cache de prompt',
  price: 'Prix d’une revue',
  embeddings: 'Embeddings',
};

export const STATUS_LABELS: Record<DoctorCheck['status'], string> = {
  ok: 'OK',
  warn: 'ATTENTION',
  fail: 'ÉCHEC',
  skip: '—',
};
