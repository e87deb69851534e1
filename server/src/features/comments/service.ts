import { and, asc, count, desc, eq } from 'drizzle-orm';
import type { Database } from '../../../../db/client';
import { commentBank, dossierVersions, passageComments } from '../../../../db/schema';
import type { Actor } from '../../lib/actor';
import { AppError, NotFoundError, UnprocessableError } from '../../lib/errors';
import type { PassageComment } from './schemas';

/** A bank is a handful of phrases a trainer reuses, not an archive. */
export const MAX_BANK_ENTRIES = 50;

type CommentRow = typeof passageComments.$inferSelect;

function view(row: CommentRow, version: number, actor: Actor): PassageComment {
  return {
    id: row.id,
    version,
    page: row.page,
    start: row.start,
    end: row.end,
    quote: row.quote,
    body: row.body,
    by: row.authorName,
    mine: row.authorId === actor.userId,
    at: row.createdAt.toISOString(),
    updatedAt: row.updatedAt ? row.updatedAt.toISOString() : null,
  };
}

/**
 * Trainers' comments anchored to passages of a dossier version, and each trainer's comment bank. The
 * access policy has already checked who may read or write on the dossier; this checks the anchor
 * against the version's text and that only a comment's author edits or deletes it.
 */
export function createCommentService(deps: { database: Database }) {
  const { db } = deps.database;

  async function versionOf(dossierId: string, version: number) {
    const [row] = await db
      .select({ id: dossierVersions.id, pageTexts: dossierVersions.pageTexts })
      .from(dossierVersions)
      .where(and(eq(dossierVersions.dossierId, dossierId), eq(dossierVersions.version, version)));
    if (!row) throw new NotFoundError('Version du dossier', `${dossierId} v${version}`);
    return row;
  }

  /** The comment if it belongs to the dossier (404 otherwise), with its version number. */
  async function commentOf(dossierId: string, commentId: string) {
    const [row] = await db
      .select({ comment: passageComments, version: dossierVersions.version })
      .from(passageComments)
      .innerJoin(dossierVersions, eq(dossierVersions.id, passageComments.versionId))
      .where(and(eq(passageComments.id, commentId), eq(dossierVersions.dossierId, dossierId)));
    if (!row) throw new NotFoundError('Commentaire', commentId);
    return row;
  }

  function ownOnly(actor: Actor, row: CommentRow) {
    if (row.authorId !== actor.userId) {
      throw new AppError(
        'forbidden',
        403,
        'Seul l’auteur d’un commentaire peut le modifier ou le supprimer.',
      );
    }
  }

  return {
    /** A version's comments, in reading order (page, then position). */
    async list(actor: Actor, dossierId: string, version: number): Promise<PassageComment[]> {
      const v = await versionOf(dossierId, version);
      const rows = await db
        .select()
        .from(passageComments)
        .where(eq(passageComments.versionId, v.id))
        .orderBy(asc(passageComments.page), asc(passageComments.start), asc(passageComments.createdAt));
      return rows.map((r) => view(r, version, actor));
    },

    async create(
      actor: Actor,
      dossierId: string,
      version: number,
      input: { page: number; start: number; end: number; quote: string; body: string },
    ): Promise<PassageComment> {
      const v = await versionOf(dossierId, version);
      const pages = (v.pageTexts ?? []) as { page: number; text: string }[];
      const page = pages.find((p) => p.page === input.page);
      if (!page) {
        throw new UnprocessableError(
          'anchor_not_found',
          `La page ${input.page} n’existe pas dans cette version.`,
        );
      }
      // The anchor must be exactly the page's text between the offsets: a comment never points nowhere.
      if (input.end > page.text.length || page.text.slice(input.start, input.end) !== input.quote) {
        throw new UnprocessableError(
          'anchor_mismatch',
          'Le passage ne correspond pas au texte de la page à cet endroit : sélectionnez-le à nouveau.',
        );
      }
      const [row] = await db
        .insert(passageComments)
        .values({
          versionId: v.id,
          page: input.page,
          start: input.start,
          end: input.end,
          quote: input.quote,
          body: input.body,
          authorId: actor.userId,
          authorName: actor.name,
        })
        .returning();
      return view(row, version, actor);
    },

    async update(actor: Actor, dossierId: string, commentId: string, body: string): Promise<PassageComment> {
      const { comment, version } = await commentOf(dossierId, commentId);
      ownOnly(actor, comment);
      const [row] = await db
        .update(passageComments)
        .set({ body, updatedAt: new Date() })
        .where(eq(passageComments.id, commentId))
        .returning();
      return view(row, version, actor);
    },

    async remove(actor: Actor, dossierId: string, commentId: string): Promise<void> {
      const { comment } = await commentOf(dossierId, commentId);
      ownOnly(actor, comment);
      await db.delete(passageComments).where(eq(passageComments.id, commentId));
    },

    async bank(actor: Actor) {
      const rows = await db
        .select()
        .from(commentBank)
        .where(eq(commentBank.userId, actor.userId))
        .orderBy(desc(commentBank.createdAt));
      return rows.map((r) => ({ id: r.id, body: r.body, at: r.createdAt.toISOString() }));
    },

    /** Saves a phrase to the caller's bank; the same phrase twice is kept once. */
    async addToBank(actor: Actor, body: string) {
      const [existing] = await db
        .select()
        .from(commentBank)
        .where(and(eq(commentBank.userId, actor.userId), eq(commentBank.body, body)));
      if (existing) return { id: existing.id, body: existing.body, at: existing.createdAt.toISOString() };
      const [{ n }] = await db
        .select({ n: count() })
        .from(commentBank)
        .where(eq(commentBank.userId, actor.userId));
      if (n >= MAX_BANK_ENTRIES) {
        throw new AppError(
          'bank_full',
          409,
          `Votre banque de commentaires est pleine (${MAX_BANK_ENTRIES}) : supprimez-en un avant d’en ajouter.`,
        );
      }
      const [row] = await db.insert(commentBank).values({ userId: actor.userId, body }).returning();
      return { id: row.id, body: row.body, at: row.createdAt.toISOString() };
    },

    async removeFromBank(actor: Actor, entryId: string) {
      const deleted = await db
        .delete(commentBank)
        .where(and(eq(commentBank.id, entryId), eq(commentBank.userId, actor.userId)))
        .returning({ id: commentBank.id });
      if (deleted.length === 0) throw new NotFoundError('Commentaire de la banque', entryId);
    },
  };
}

export type CommentService = ReturnType<typeof createCommentService>;
