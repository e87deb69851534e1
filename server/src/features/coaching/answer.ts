import { disclosures } from '../../../../db/schema';
import { LlmError } from '../../lib/llm/errors';
import type { ChatModel } from '../../lib/llm/types';
import type { Exam } from '../referential';
import { newDossierFence } from '../reviews';
import { type CoachingContext, history, loadVersion, storeExchange, type VersionRow } from './conversations';
import { gather } from './gather';
import { buildCoachRequest, COACH_PROMPT_VERSION, checkModelAnswer } from './model-answer';
import { composeOfflineAnswer } from './offline-answer';
import { type CoachAnswer, type CoachModelOutput, CoachModelOutputSchema } from './schemas';

type Deps = CoachingContext;

/** Passages sent to the model: the search's best and those holding the quotes found offline. */
const MAX_MODEL_PASSAGES = 12;
/** Output budget of one coach answer (about 250 words of French plus citations, with room to spare). */
const MAX_OUTPUT_TOKENS = 1200;

async function answerWithModel(
  deps: Deps,
  model: ChatModel,
  dossierId: string,
  version: VersionRow,
  exam: Exam,
  message: string,
): Promise<Omit<CoachAnswer, 'messageId'>> {
  const { context, dossier, passages, hits } = await gather(deps, version, exam, message, true);
  // The passages holding the quotes found offline first (what the answer can point at), then the search's.
  const quoted = new Set(context.quotes.map((q) => q.passageId));
  const shown = [
    ...passages.filter((p) => quoted.has(p.id)),
    ...passages.filter((p) => hits.has(p.id) && !quoted.has(p.id)),
  ].slice(0, MAX_MODEL_PASSAGES);
  const request = buildCoachRequest({
    ...context,
    passages: shown,
    history: await history(deps, dossierId, version.version),
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
    const offline = await answerOffline(deps, version, exam, message);
    return {
      ...offline,
      answer: `Le modèle d'IA n'a pas pu répondre (${err.kind}) : voici la réponse hors ligne.\n\n${offline.answer}`,
    };
  }
}

async function answerOffline(deps: Deps, version: VersionRow, exam: Exam, message: string) {
  const { context } = await gather(deps, version, exam, message, false);
  const { answer, citations } = composeOfflineAnswer(context);
  return { answer, citations, mode: 'offline' as const, refused: context.ghost.ghostwriting };
}

/**
 * Answers a question on one's own draft and stores the exchange with the version. With a model, the
 * answer is checked against the draft; on a model failure, the offline answer is given instead.
 */
export async function ask(
  deps: Deps,
  dossierId: string,
  version: number,
  message: string,
  limit: { askedBy?: string; perHourLimit?: number } = {},
): Promise<CoachAnswer> {
  const { db } = deps.database;
  const { chat, ledger, redact } = deps;
  const asked = new Date();
  const loaded = await loadVersion(deps, dossierId, version);
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
    ? await answerWithModel(deps, chat, dossierId, loaded.version, loaded.exam, message)
    : await answerOffline(deps, loaded.version, loaded.exam, message);
  const messageId = await storeExchange(deps, dossierId, version, message, asked, answer);
  return { ...answer, messageId };
}
