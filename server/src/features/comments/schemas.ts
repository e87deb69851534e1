import { z } from '@hono/zod-openapi';
import { safeText, UuidSchema } from '../../lib/openapi';

/** The most a comment or a bank entry may hold; a margin note, not an essay. */
export const MAX_COMMENT_CHARS = 2000;

const Body = safeText(MAX_COMMENT_CHARS)
  .transform((s) => s.trim())
  .pipe(z.string().min(1, 'Le commentaire est vide.'));

export const PassageCommentRequestSchema = z
  .object({
    /** The page (1-based) whose extracted text the offsets index. */
    page: z.number().int().min(1).max(100_000),
    /** `[start, end)` in that page's text, as `GET …/versions/:v/text` gives it. */
    start: z.number().int().min(0),
    end: z.number().int().min(1),
    /** The passage itself: must equal the page text between the offsets. */
    quote: safeText(4000).pipe(z.string().min(1)),
    body: Body,
  })
  .strict()
  .refine((a) => a.end > a.start, { message: '« end » doit être après « start ».', path: ['end'] })
  .openapi('PassageCommentRequest');

export const PassageCommentUpdateSchema = z.object({ body: Body }).strict().openapi('PassageCommentUpdate');

export const PassageCommentSchema = z
  .object({
    id: z.string().uuid(),
    version: z.number().int(),
    page: z.number().int(),
    start: z.number().int(),
    end: z.number().int(),
    quote: z.string(),
    body: z.string(),
    by: z.string(),
    /** The caller wrote it (and so may edit or delete it). */
    mine: z.boolean(),
    at: z.string(),
    updatedAt: z.string().nullable(),
  })
  .openapi('PassageComment');
export type PassageComment = z.infer<typeof PassageCommentSchema>;

export const BankEntryRequestSchema = z.object({ body: Body }).strict().openapi('CommentBankEntryRequest');

export const BankEntrySchema = z
  .object({ id: z.string().uuid(), body: z.string(), at: z.string() })
  .openapi('CommentBankEntry');

export const CommentParamSchema = z.object({
  id: UuidSchema.openapi({ param: { name: 'id', in: 'path' } }),
  commentId: UuidSchema.openapi({ param: { name: 'commentId', in: 'path' } }),
});

export const BankParamSchema = z.object({
  entryId: UuidSchema.openapi({ param: { name: 'entryId', in: 'path' } }),
});
