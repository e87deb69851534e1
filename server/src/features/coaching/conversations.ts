import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../../db/client';
import { dossiers, dossierVersions, reviews } from '../../../../db/schema';
import { AppError, NotFoundError } from '../../lib/errors';
import type { createUsageLedger } from '../../lib/ledger';
import type { ChatModel } from '../../lib/llm/types';
import type { Logger } from '../../lib/logger';
import type { Exam } from '../referential';
import { getExam } from '../referential/index';
import type { GapReport, Retriever, ReviewService } from '../reviews';
import { COACH_POLICY_EN, COACH_POLICY_FR } from './integrity';
import { HISTORY_MESSAGES, type HistoryMessage } from './model-answer';
import { coachMessages } from './schema';
import type { CoachAnswer, CoachCitation, CoachMode, Conversation } from './schemas';

/** What the coaching service needs; production passes the configured ones, tests their own. */
export interface CoachingServiceDeps {
  database: Database;
  /** The review feature's retriever (hybrid search over the draft's passages). */
  retriever: Retriever;
  /** The chat model, or null: the coach then answers offline. */
  chat: ChatModel | null;
  /** Finished reviews, for oral preparation. */
  reviews: Pick<ReviewService, 'report'>;
  /** Mask e-mail addresses and phone numbers before passages leave for the model (default true). */
  redactPii?: boolean;
  logger?: Pick<Logger, 'warn'>;
}

/** The collaborators with what the coaching modules derive from them once. */
export interface CoachingContext extends CoachingServiceDeps {
  ledger: ReturnType<typeof createUsageLedger>;
  redact: boolean;
}

type Deps = CoachingContext;

export type VersionRow = typeof dossierVersions.$inferSelect;

export function examOf(id: string): Exam {
  const exam = getExam(id);
  if (!exam) throw new NotFoundError('Épreuve', id);
  return exam;
}

export async function loadVersion(deps: Deps, dossierId: string, version: number) {
  const { db } = deps.database;
  const [row] = await db
    .select({ version: dossierVersions, examId: dossiers.examId })
    .from(dossierVersions)
    .innerJoin(dossiers, eq(dossiers.id, dossierVersions.dossierId))
    .where(and(eq(dossierVersions.dossierId, dossierId), eq(dossierVersions.version, version)));
  if (!row) throw new NotFoundError('Version du dossier', `${dossierId} v${version}`);
  const exam = getExam(row.examId);
  if (!exam) throw new AppError('unknown_exam', 422, `Épreuve inconnue : ${row.examId}`);
  return { version: row.version, exam };
}

export async function latestReview(
  deps: Deps,
  versionId: string,
): Promise<{ id: string; report: GapReport } | null> {
  const { db } = deps.database;
  const [row] = await db
    .select({ id: reviews.id, report: reviews.report })
    .from(reviews)
    .where(and(eq(reviews.versionId, versionId), eq(reviews.status, 'done')))
    .orderBy(sql`${reviews.finishedAt} desc nulls last`, desc(reviews.createdAt))
    .limit(1);
  return row?.report ? { id: row.id, report: row.report as GapReport } : null;
}

export async function history(deps: Deps, dossierId: string, version: number): Promise<HistoryMessage[]> {
  const { db } = deps.database;
  const rows = await db
    .select({ role: coachMessages.role, content: coachMessages.content })
    .from(coachMessages)
    .where(and(eq(coachMessages.dossierId, dossierId), eq(coachMessages.version, version)))
    .orderBy(desc(coachMessages.createdAt), sql`${coachMessages.role} = 'user'`)
    .limit(HISTORY_MESSAGES);
  return rows.reverse();
}

/** Stores a question and its answer together; returns the answer's id. */
export async function storeExchange(
  deps: Deps,
  dossierId: string,
  version: number,
  message: string,
  asked: Date,
  answer: Omit<CoachAnswer, 'messageId'>,
): Promise<string> {
  const { db } = deps.database;
  const rows = await db
    .insert(coachMessages)
    .values([
      { dossierId, version, role: 'user', content: message, citations: [], mode: null, createdAt: asked },
      {
        dossierId,
        version,
        role: 'assistant',
        content: answer.answer,
        citations: answer.citations,
        mode: answer.mode,
        refused: answer.refused ?? false,
        createdAt: new Date(Math.max(Date.now(), asked.getTime() + 1)),
      },
    ])
    .returning({ id: coachMessages.id, role: coachMessages.role });
  return rows.find((r) => r.role === 'assistant')?.id ?? '';
}

/** The conversation about one version, oldest first, with the coach's policy. */
export async function conversation(deps: Deps, dossierId: string, version: number): Promise<Conversation> {
  const { db } = deps.database;
  await loadVersion(deps, dossierId, version);
  const rows = await db
    .select()
    .from(coachMessages)
    .where(and(eq(coachMessages.dossierId, dossierId), eq(coachMessages.version, version)))
    // A question and its answer are stored together; the question comes first on equal times.
    .orderBy(asc(coachMessages.createdAt), sql`${coachMessages.role} = 'user' desc`);
  return {
    dossierId,
    version,
    policy: { fr: COACH_POLICY_FR, en: COACH_POLICY_EN },
    messages: rows.map((r) => ({
      id: r.id,
      role: r.role,
      content: r.content,
      citations: r.citations as CoachCitation[],
      mode: (r.mode as CoachMode | null) ?? null,
      refused: r.refused,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}
