/**
 * Coaching: exam briefs, the coach on one's own draft, its conversations, and oral preparation.
 *
 * Every collaborator comes in as a parameter (database, retriever, chat model or null, reviews), so tests
 * inject a stub model and production wires the configured one. Nothing is kept in process memory but
 * derived, static data (briefs): conversations live in the database with the dossier they are about.
 *
 * This file only wires the modules together: `answer.ts` (the coach's answers), `gather.ts` (what an
 * answer is grounded on) and `conversations.ts` (the stored exchanges and the reads they need).
 */
import { bind } from '../../lib/bind';
import { AppError } from '../../lib/errors';
import { createUsageLedger } from '../../lib/ledger';
import { getExam } from '../referential/index';
import { ask } from './answer';
import { buildBrief, renderBriefMarkdown } from './brief';
import {
  type CoachingContext,
  type CoachingServiceDeps,
  conversation,
  examOf,
  loadVersion,
} from './conversations';
import { buildOralPrep } from './oral';
import type { ExamBrief, OralPrep } from './schemas';

export type { CoachingServiceDeps } from './conversations';

/** Creates the coaching service. */
export function createCoachingService(deps: CoachingServiceDeps) {
  const ctx: CoachingContext = {
    ...deps,
    ledger: createUsageLedger(deps.database),
    redact: deps.redactPii ?? true,
  };
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
      await loadVersion(ctx, dossierId, version);
    },

    /**
     * Answers a question on one's own draft and stores the exchange with the version. With a model, the
     * answer is checked against the draft; on a model failure, the offline answer is given instead.
     */
    ask: bind(ctx, ask),

    /** The conversation about one version, oldest first, with the coach's policy. */
    conversation: bind(ctx, conversation),

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
