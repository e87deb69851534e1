/**
 * API schemas of the coaching feature: the single source of its API types (web imports the types only).
 * The model's own output schema is separate (`CoachModelOutputSchema`, plain zod): what the model may say is
 * narrower than what the API answers, and it is verified before it becomes an answer.
 */
import { z } from '@hono/zod-openapi';
import { z as zod } from 'zod';

/** A competency as the brief cites it: short id, full code, text. */
export const CompetencyRefSchema = z.object({
  id: z.string(),
  code: z.string(),
  text: z.string(),
});

/** A criterion of the exam with the competencies it assesses. */
export const BriefCriterionSchema = z.object({
  id: z.string(),
  text: z.string(),
  competencies: z.array(CompetencyRefSchema),
});

/** A part of the suggested outline: the deliverables and criteria it serves, what to do, its page budget. */
export const OutlinePartSchema = z
  .object({
    title: z.string(),
    deliverables: z.array(z.string()),
    criteria: z.array(z.string()),
    guidance: z.string(),
    /** Suggested share of the page limit (halves of pages). */
    pages: z.number(),
  })
  .openapi('OutlinePart');
export type OutlinePart = z.infer<typeof OutlinePartSchema>;

/** A method that fits the exam, explained for this dossier, with what it serves. */
export const BriefMethodSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    explanation: z.string(),
    deliverables: z.array(z.string()),
    criteria: z.array(z.string()),
  })
  .openapi('BriefMethod');
export type BriefMethod = z.infer<typeof BriefMethodSchema>;

/** `GET /api/exams/:id/brief`: DESIGN.md's `{ outline, methods, pitfalls }` plus what the exam asks and judges. */
export const ExamBriefSchema = z
  .object({
    examId: z.string(),
    title: z.string(),
    bloc: z.string(),
    case: z.string(),
    context: z.string(),
    asked: z.array(z.object({ id: z.string(), text: z.string() })),
    judged: z.array(BriefCriterionSchema),
    modalities: z.array(z.string()),
    outline: z.array(OutlinePartSchema),
    methods: z.array(BriefMethodSchema),
    pitfalls: z.array(z.string()),
  })
  .openapi('ExamBrief');
export type ExamBrief = z.infer<typeof ExamBriefSchema>;

/** Longest question accepted: a question, not a dossier pasted in. */
export const MAX_MESSAGE_LENGTH = 2000;

/** `POST …/coach` body. */
export const CoachRequestSchema = z
  .object({
    message: z
      .string()
      .trim()
      .min(1)
      .max(MAX_MESSAGE_LENGTH)
      .openapi({ example: 'Mon diagnostic externe est-il assez argumenté ?' }),
  })
  .openapi('CoachRequest');

/** What an answer rests on: a page and verbatim quote of the draft, a criterion id, or both. */
export const CoachCitationSchema = z
  .object({
    page: z.number().int().min(1).optional(),
    criterionId: z.string().optional(),
    quote: z.string().optional(),
  })
  .openapi('CoachCitation');
export type CoachCitation = z.infer<typeof CoachCitationSchema>;

/** Who answered: the chat model, or the offline retrieval answer. */
export const CoachModeSchema = z.enum(['model', 'offline']);
export type CoachMode = z.infer<typeof CoachModeSchema>;

/** `POST …/coach` answer (DESIGN.md: `{ answer, citations }`, plus mode and refusal). */
export const CoachAnswerSchema = z
  .object({
    answer: z.string(),
    citations: z.array(CoachCitationSchema),
    mode: CoachModeSchema,
    /** True when the request asked the coach to write part of the dossier: the answer is guidance instead. */
    refused: z.boolean().optional(),
    /** Quotes the model gave that are not in the draft, dropped before answering. */
    droppedQuotes: z.number().int().optional(),
    /** The stored assistant message. */
    messageId: z.string().uuid().optional(),
  })
  .openapi('CoachAnswer');
export type CoachAnswer = z.infer<typeof CoachAnswerSchema>;

/** One stored message of a conversation. */
export const CoachMessageSchema = z
  .object({
    id: z.string().uuid(),
    role: z.enum(['user', 'assistant']),
    content: z.string(),
    citations: z.array(CoachCitationSchema),
    mode: CoachModeSchema.nullable(),
    refused: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('CoachMessage');
export type CoachMessage = z.infer<typeof CoachMessageSchema>;

/** `GET …/coach`: the conversation about one dossier version. */
export const ConversationSchema = z
  .object({
    dossierId: z.string().uuid(),
    version: z.number().int(),
    /** The coach's integrity policy, for the UI to show beside the conversation. */
    policy: z.object({ fr: z.string(), en: z.string() }),
    messages: z.array(CoachMessageSchema),
  })
  .openapi('CoachConversation');
export type Conversation = z.infer<typeof ConversationSchema>;

/** A likely jury question on one criterion, and what a strong answer contains. */
export const OralQuestionSchema = z
  .object({
    criterionId: z.string(),
    question: z.string(),
    /** Points a strong answer must contain. */
    strongAnswer: z.array(z.string()),
    /** The criterion's score in the review (null when it could not be graded). */
    score: z.number().int().nullable(),
    level: z.string().nullable(),
  })
  .openapi('OralQuestion');
export type OralQuestion = z.infer<typeof OralQuestionSchema>;

/** `GET /api/reviews/:id/oral`: likely questions, weakest criteria first, and a timed practice plan. */
export const OralPrepSchema = z
  .object({
    reviewId: z.string(),
    examId: z.string(),
    /** The referential's oral length (null where it gives none). */
    oralMinutes: z.number().int().nullable(),
    oralMinutesPerCandidate: z.number().int().nullable(),
    /** Language the oral is practised in. */
    language: z.enum(['fr', 'en']),
    questions: z.array(OralQuestionSchema),
    practice: z.object({
      minutes: z.number().int(),
      /** True for collective exams timed per candidate. */
      perCandidate: z.boolean(),
      /** True when the referential gives no length and a default is used for practice. */
      assumed: z.boolean(),
      suggestedSplit: z.array(z.object({ part: z.string(), minutes: z.number().int() })),
    }),
    notes: z.array(z.string()),
  })
  .openapi('OralPreparation');
export type OralPrep = z.infer<typeof OralPrepSchema>;

/**
 * What the model must return. Optional properties go to the provider as nullable (strict mode) and come back
 * absent. No length limits here: an over-long list would fail validation and cost a retry, so the service
 * trims instead.
 */
export const CoachModelOutputSchema = zod.object({
  answer: zod.string().min(1),
  citations: zod.array(
    zod.object({
      page: zod.number().int().optional(),
      criterionId: zod.string().optional(),
      quote: zod.string().optional(),
    }),
  ),
});
export type CoachModelOutput = zod.infer<typeof CoachModelOutputSchema>;
