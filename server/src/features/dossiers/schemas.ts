import { z } from '@hono/zod-openapi';
import { safeText } from '../../lib/openapi';

export const SectionViewSchema = z.object({
  title: z.string(),
  level: z.number().int(),
  page: z.number().int(),
  pageEnd: z.number().int(),
  annex: z.boolean(),
  language: z.string().nullable(),
});

export const WarningSchema = z.object({
  code: z.string(),
  message: z.string(),
  page: z.number().int().optional(),
});

export const HiddenViewSchema = z.object({
  kind: z.string(),
  location: z.string(),
  excerpt: z.string(),
});

export const VersionSchema = z
  .object({
    version: z.number().int(),
    fileName: z.string(),
    format: z.enum(['pdf', 'docx', 'markdown', 'text']),
    sizeBytes: z.number().int(),
    pages: z.number().int(),
    pagesEstimated: z.boolean(),
    pagesExcludingAnnexes: z.number().int(),
    annexStartPage: z.number().int().nullable(),
    words: z.number().int(),
    language: z.string().nullable(),
    sections: z.array(SectionViewSchema),
    warnings: z.array(WarningSchema),
    hidden: z.array(HiddenViewSchema),
    passages: z.number().int(),
    createdAt: z.string(),
  })
  .openapi('DossierVersion');
export type VersionView = z.infer<typeof VersionSchema>;

/** What every answer about a dossier says of it. */
const DossierHeadSchema = z.object({
  id: z.string().uuid(),
  examId: z.string(),
  title: z.string(),
  createdAt: z.string(),
});

export const DossierSchema = DossierHeadSchema.extend({ versions: z.array(VersionSchema) }).openapi(
  'Dossier',
);
export type DossierView = z.infer<typeof DossierSchema>;

export const DossierSummarySchema = DossierHeadSchema.extend({
  latestVersion: z.number().int(),
  versions: z.number().int(),
}).openapi('DossierSummary');

export const TableViewSchema = z
  .object({
    page: z.number().int(),
    pageEnd: z.number().int(),
    header: z.array(z.string()),
    rows: z.array(
      z.object({
        page: z.number().int(),
        start: z.number().int(),
        end: z.number().int(),
        cells: z.array(z.string()),
      }),
    ),
  })
  .openapi('DossierTable');

export const DossierTextSchema = z
  .object({
    version: z.number().int(),
    text: z.string(),
    pages: z.array(z.object({ page: z.number().int(), text: z.string() })),
    /** Tables as rows and cells; a row's `start`/`end` index its page's text, where it is one line. */
    tables: z.array(TableViewSchema),
    sections: z.array(SectionViewSchema),
  })
  .openapi('DossierText');

export const UploadSchema = z.object({
  file: z.any().openapi({ type: 'string', format: 'binary' }),
  examId: safeText(80).optional(),
  title: safeText(200).optional(),
});
