import type { ChatModel, ChatResult, ChatUsage } from '../../lib/llm/types';
import { redactPii } from '../../lib/redact';
import type { Criterion, Exam } from '../referential';
import {
  type CriterionGrade,
  CriterionGradeSchema,
  type DossierText,
  type GradingPassage,
} from './grade-schema';
import { analyzeCriterion } from './offline/analyzer';
import { ownNotionReader } from './offline/own-notions';
import { buildGradingRequest } from './prompts';
import type { Rubric } from './rubric';
import type { OwnsQuote } from './shared-quotes';

export interface GradeInput {
  exam: Exam;
  rubric: Rubric;
  criterion: Criterion;
  passages: GradingPassage[];
  dossier: DossierText;
  /** Random per review: the dossier fence cannot be closed by text the candidate wrote. */
  fenceId: string;
  signal?: AbortSignal;
}

export interface GradeOutput {
  grade: CriterionGrade;
  usage: ChatUsage;
  durationMs: number;
  calls: number;
  /** Model graders: the structured-output path, a repair, whether the server reported usage. */
  structuredOutput?: ChatResult<unknown>['structuredOutput'];
  repaired?: boolean;
  usageReported?: boolean;
}

/** One seam over "who grades": the offline analyzer or a chat model. */
export interface Grader {
  readonly provider: string;
  readonly model: string;
  readonly offline: boolean;
  /** The offline analyzer's reading of quotes shared between criteria, for the report (aggregate.ts). */
  ownsQuote?(exam: Exam): OwnsQuote;
  grade(input: GradeInput): Promise<GradeOutput>;
}

export const OFFLINE_ANALYZER_VERSION = 'offline-analyzer@v1';

const NO_USAGE: ChatUsage = { promptTokens: 0, completionTokens: 0, cachedPromptTokens: 0 };

export function createOfflineGrader(): Grader {
  return {
    provider: 'offline',
    model: OFFLINE_ANALYZER_VERSION,
    offline: true,
    ownsQuote: ownNotionReader,
    async grade(input) {
      const started = performance.now();
      const grade = analyzeCriterion({
        exam: input.exam,
        criterion: input.criterion,
        passages: input.passages,
        dossier: input.dossier,
        rubric: input.rubric.criteria.find((c) => c.id === input.criterion.id),
        examRubric: input.rubric.criteria,
      });
      return { grade, usage: NO_USAGE, durationMs: Math.round(performance.now() - started), calls: 0 };
    },
  };
}

export function createModelGrader(chat: ChatModel, options: { redactPii: boolean }): Grader {
  // A review grading the whole dossier hands every criterion the same passages: redact them once, not once
  // per criterion before its call leaves (#17). Keyed by the array, so nothing outlives the review.
  const redacted = new WeakMap<GradeInput['passages'], GradeInput['passages']>();
  const withoutPii = (passages: GradeInput['passages']) => {
    let out = redacted.get(passages);
    if (!out) {
      out = passages.map((p) => ({ ...p, text: redactPii(p.text).text }));
      redacted.set(passages, out);
    }
    return out;
  };
  return {
    provider: chat.provider,
    model: chat.model,
    offline: false,
    async grade(input) {
      // Personal contact data never leaves; quotes are verified against the same redacted text.
      const passages = options.redactPii ? withoutPii(input.passages) : input.passages;
      const request = buildGradingRequest({
        exam: input.exam,
        rubric: input.rubric,
        criterion: input.criterion,
        passages,
        fenceId: input.fenceId,
      });
      const result = await chat.complete<CriterionGrade>({
        system: request.system,
        parts: request.parts,
        schema: CriterionGradeSchema,
        schemaName: 'criterion_grade',
        temperature: 0,
        tag: `${input.exam.id}/${input.criterion.id}`,
        ...(input.signal ? { signal: input.signal } : {}),
      });
      return {
        grade: result.data,
        usage: result.usage,
        durationMs: result.durationMs,
        calls: result.attempts,
        ...(result.structuredOutput ? { structuredOutput: result.structuredOutput } : {}),
        ...(result.repaired === undefined ? {} : { repaired: result.repaired }),
        ...(result.usageReported === undefined ? {} : { usageReported: result.usageReported }),
      };
    },
  };
}
