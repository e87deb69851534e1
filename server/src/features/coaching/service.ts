/**
 * Coaching: exam briefs, the coach on one's own draft, its conversations, and oral preparation.
 *
 * Every collaborator comes in as a parameter (database, retriever, chat model or null, reviews), so tests
 * inject a stub model and production wires the configured one. Nothing is kept in process memory but
 * derived, static data (briefs): conversations live in the database with the dossier they are about.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../../db/client';
import { disclosures, dossiers, dossierVersions, reviews } from '../../../../db/schema';
import { AppError, NotFoundError } from '../../lib/errors';
import { createUsageLedger } from '../../lib/ledger';
import { LlmError } from '../../lib/llm/errors';
import type { ChatModel } from '../../lib/llm/types';
import type { Logger } from '../../lib/logger';
import { redactPii } from '../../lib/redact';
import type { Exam } from '../referential';
import { getExam } from '../referential';
import type {
  CriterionResult,
  DossierText,
  GapReport,
  GradingPassage,
  Retriever,
  ReviewService,
} from '../reviews';
import { newDossierFence, stripInjections } from '../reviews';
import { buildBrief, renderBriefMarkdown } from './brief';
import { type CriterionMatch, findDraftEvidence, matchCriteria, methodsFor } from './grounding';
import { COACH_POLICY_EN, COACH_POLICY_FR, detectGhostwriting } from './integrity';
import {
  buildCoachRequest,
  COACH_PROMPT_VERSION,
  checkModelAnswer,
  HISTORY_MESSAGES,
  type HistoryMessage,
} from './model-answer';
import { type CoachContext, composeOfflineAnswer, outlinePartFor } from './offline-answer';
import { buildOralPrep } from './oral';
import { coachMessages } from './schema';
import {
  type CoachAnswer,
  type CoachCitation,
  type CoachMode,
  type CoachModelOutput,
  CoachModelOutputSchema,
  type Conversation,
  type ExamBrief,
  type OralPrep,
} from './schemas';

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

/** Criteria shown when a question names none but a review exists: its weakest ones. */
const WEAKEST_SHOWN = 2;
/** Passages sent to the model: the search's best and those holding the quotes found offline. */
const MAX_MODEL_PASSAGES = 12;
/** Output budget of one coach answer (about 250 words of French plus citations, with room to spare). */
const MAX_OUTPUT_TOKENS = 1200;

type VersionRow = typeof dossierVersions.$inferSelect;

/** The version's pages as the coach reads them: injected instructions removed, redacted when asked. */
function draftText(version: VersionRow, redact: boolean): DossierText {
  const clean = (text: string) => {
    const stripped = stripInjections(text);
    return redact ? redactPii(stripped).text : stripped;
  };
  const pages = version.pageTexts.map((p) => ({ page: p.page, text: clean(p.text) }));
  return {
    text: pages.map((p) => p.text).join('\n\n'),
    pages,
    language: version.language,
    words: version.words,
  };
}

/** Creates the coaching service. */
export function createCoachingService(deps: CoachingServiceDeps) {
  const { database, retriever, chat } = deps;
  const { db } = database;
  const ledger = createUsageLedger(database);
  const redact = deps.redactPii ?? true;

  function examOf(id: string): Exam {
    const exam = getExam(id);
    if (!exam) throw new NotFoundError('Épreuve', id);
    return exam;
  }

  async function loadVersion(dossierId: string, version: number) {
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

  async function latestReview(versionId: string): Promise<{ id: string; report: GapReport } | null> {
    const [row] = await db
      .select({ id: reviews.id, report: reviews.report })
      .from(reviews)
      .where(and(eq(reviews.versionId, versionId), eq(reviews.status, 'done')))
      .orderBy(sql`${reviews.finishedAt} desc nulls last`, desc(reviews.createdAt))
      .limit(1);
    return row?.report ? { id: row.id, report: row.report as GapReport } : null;
  }

  async function history(dossierId: string, version: number): Promise<HistoryMessage[]> {
    const rows = await db
      .select({ role: coachMessages.role, content: coachMessages.content })
      .from(coachMessages)
      .where(and(eq(coachMessages.dossierId, dossierId), eq(coachMessages.version, version)))
      .orderBy(desc(coachMessages.createdAt), sql`${coachMessages.role} = 'user'`)
      .limit(HISTORY_MESSAGES);
    return rows.reverse();
  }

  /** Ids of the passages the hybrid search ranks for the query; none when search fails (the lexical grounding stands). */
  async function searchHits(
    versionId: string,
    rows: Awaited<ReturnType<Retriever['allPassages']>>,
    query: string,
  ): Promise<Set<string>> {
    try {
      return new Set((await retriever.search(versionId, rows, query)).map((p) => p.id));
    } catch (err) {
      deps.logger?.warn({ versionId, err }, 'coach: passage search failed, lexical grounding only');
      return new Set();
    }
  }

  /** Gathers what an answer is grounded on: criteria, methods, the draft's quotes, the review's gaps. */
  async function gather(version: VersionRow, exam: Exam, message: string, forModel: boolean) {
    const ghost = detectGhostwriting(message);
    const review = await latestReview(version.id);
    let criteria: CriterionMatch[] = matchCriteria(exam, message);
    let focus: CoachContext['focus'] = criteria.length > 0 ? 'question' : 'none';
    if (criteria.length === 0 && ghost.ghostwriting) {
      // « Rédige l'introduction »: the criteria are those of the outline part asked for.
      const part = outlinePartFor(exam, `${ghost.target ?? ''} ${message}`, []);
      criteria = (part?.criteria ?? [])
        .map((id) => exam.criteria.find((c) => c.id === id))
        .filter((c) => c !== undefined)
        .map((criterion) => ({ criterion, score: 0, concepts: [] }));
      if (criteria.length > 0) focus = 'question';
    }
    if (criteria.length === 0 && review) {
      const weakest = [...review.report.criteria]
        .filter((c) => c.status === 'done' && c.score <= 2)
        .sort((a, b) => a.score - b.score || b.weight - a.weight)
        .slice(0, WEAKEST_SHOWN);
      criteria = weakest
        .map((r) => exam.criteria.find((c) => c.id === r.id))
        .filter((c) => c !== undefined)
        .map((criterion) => ({ criterion, score: 0, concepts: [] }));
      if (criteria.length > 0) focus = 'weakest';
    }
    const ids = new Set(criteria.map((m) => m.criterion.id));
    const gaps: CriterionResult[] = review ? review.report.criteria.filter((c) => ids.has(c.id)) : [];

    const dossier = draftText(version, forModel && redact);
    const rows = await retriever.allPassages(version.id);
    const clean = (text: string) => {
      const stripped = stripInjections(text);
      return forModel && redact ? redactPii(stripped).text : stripped;
    };
    const passages: GradingPassage[] = retriever.whole(rows).map((p) => ({ ...p, text: clean(p.text) }));
    // A drafting request is searched by what it names, not by its wording (« rédige… » finds nothing useful).
    const query = [
      ghost.ghostwriting ? (ghost.target ?? '') : message,
      ...criteria.map((m) => m.criterion.text),
    ]
      .join(' ')
      .trim();
    const hits = query ? await searchHits(version.id, rows, query) : new Set<string>();
    const quotes = findDraftEvidence({
      exam,
      dossier,
      passages,
      criteria: criteria.map((m) => m.criterion),
      searchHits: hits,
    });
    const context: CoachContext = {
      exam,
      message,
      ghost,
      criteria,
      focus,
      methods: methodsFor(exam, message, criteria),
      quotes,
      gaps,
      review: review ? { id: review.id, offline: review.report.offline } : null,
    };
    return { context, dossier, passages, hits };
  }

  async function answerWithModel(
    model: ChatModel,
    dossierId: string,
    version: VersionRow,
    exam: Exam,
    message: string,
  ): Promise<Omit<CoachAnswer, 'messageId'>> {
    const { context, dossier, passages, hits } = await gather(version, exam, message, true);
    // The passages holding the quotes found offline first (what the answer can point at), then the search's.
    const quoted = new Set(context.quotes.map((q) => q.passageId));
    const shown = [
      ...passages.filter((p) => quoted.has(p.id)),
      ...passages.filter((p) => hits.has(p.id) && !quoted.has(p.id)),
    ].slice(0, MAX_MODEL_PASSAGES);
    const request = buildCoachRequest({
      ...context,
      passages: shown,
      history: await history(dossierId, version.version),
      fenceId: newDossierFence(),
    });
    try {
      const result = await model.complete<CoachModelOutput>({
        system: request.system,
        parts: request.parts,
        schema: CoachModelOutputSchema,
        schemaName: 'coach_answer',
        temperature: 0.2,
        maxOutputTokens: MAX_OUTPUT_TOKENS,
        tag: `${COACH_PROMPT_VERSION}/${exam.id}`,
      });
      const checked = checkModelAnswer({
        output: result.data,
        exam,
        dossier,
        pages: version.pages,
        context,
      });
      return {
        answer: checked.answer,
        citations: checked.citations,
        mode: 'model',
        refused: context.ghost.ghostwriting,
        ...(checked.droppedQuotes > 0 ? { droppedQuotes: checked.droppedQuotes } : {}),
      };
    } catch (err) {
      if (!(err instanceof LlmError)) throw err;
      // The candidate still gets an answer: the offline one, saying why (the kind only, never content).
      deps.logger?.warn({ dossierId, kind: err.kind }, 'coach: model call failed, answering offline');
      const offline = await answerOffline(version, exam, message);
      return {
        ...offline,
        answer: `Le modèle d'IA n'a pas pu répondre (${err.kind}) : voici la réponse hors ligne.\n\n${offline.answer}`,
      };
    }
  }

  async function answerOffline(version: VersionRow, exam: Exam, message: string) {
    const { context } = await gather(version, exam, message, false);
    const { answer, citations } = composeOfflineAnswer(context);
    return { answer, citations, mode: 'offline' as const, refused: context.ghost.ghostwriting };
  }

  async function store(
    dossierId: string,
    version: number,
    message: string,
    asked: Date,
    answer: Omit<CoachAnswer, 'messageId'>,
  ): Promise<string> {
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

  return {
    /** The brief of an exam (404 for an unknown exam). */
    brief(examId: string): ExamBrief {
      return buildBrief(examOf(examId));
    },

    /** The brief as a Markdown checklist. */
    briefMarkdown(examId: string): string {
      return renderBriefMarkdown(buildBrief(examOf(examId)));
    },

    /** Throws the API's 404 when the dossier version does not exist (before a stream is opened). */
    async checkVersion(dossierId: string, version: number): Promise<void> {
      await loadVersion(dossierId, version);
    },

    /**
     * Answers a question on one's own draft and stores the exchange with the version. With a model, the
     * answer is checked against the draft; on a model failure, the offline answer is given instead.
     */
    async ask(
      dossierId: string,
      version: number,
      message: string,
      limit: { askedBy?: string; perHourLimit?: number } = {},
    ): Promise<CoachAnswer> {
      const asked = new Date();
      const loaded = await loadVersion(dossierId, version);
      // Each question may be a model call: so many per user and hour, counted in the append-only ledger.
      if (limit.askedBy && limit.perHourLimit) {
        await ledger.spend(
          'coach',
          limit.askedBy,
          limit.perHourLimit,
          `Trop de questions au coach : ${limit.perHourLimit} par heure au plus. Réessayez un peu plus tard.`,
        );
      }
      if (chat) {
        // The record of transfers: passages of this version go to the provider with the question.
        await db.insert(disclosures).values({
          versionId: loaded.version.id,
          provider: chat.provider,
          model: chat.model,
          purpose: 'coach',
          redacted: redact,
        });
      }
      const answer = chat
        ? await answerWithModel(chat, dossierId, loaded.version, loaded.exam, message)
        : await answerOffline(loaded.version, loaded.exam, message);
      const messageId = await store(dossierId, version, message, asked, answer);
      return { ...answer, messageId };
    },

    /** The conversation about one version, oldest first, with the coach's policy. */
    async conversation(dossierId: string, version: number): Promise<Conversation> {
      await loadVersion(dossierId, version);
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
    },

    /** Oral preparation from a finished review (404 unknown, 409 not finished). */
    async oral(reviewId: string): Promise<OralPrep> {
      const report = await deps.reviews.report(reviewId);
      const exam = getExam(report.exam.id);
      if (!exam) throw new AppError('unknown_exam', 422, `Épreuve inconnue : ${report.exam.id}`);
      return buildOralPrep(reviewId, exam, report);
    },
  };
}

/** The coaching service's API. */
export type CoachingService = ReturnType<typeof createCoachingService>;
