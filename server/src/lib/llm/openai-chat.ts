import { parseJsonMarkdown } from '@langchain/core/output_parsers';
import type {
  ChatCompletion,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionMessageParam,
} from 'openai/resources/chat/completions';
import { classifyError, LlmError, summariseZodError } from './errors';
import { parseStructured, toStrictJsonSchema } from './json-schema';
import {
  createOpenAIClient,
  type OpenAIConnectionOptions,
  retryPolicyOf,
  withDeadline,
} from './openai-client';
import { STRUCTURED_OUTPUT_MODES, type StructuredOutputMode } from './profiles.data';
import { withRetry } from './retry';
import type { ChatModel, ChatRequest, ChatResult, ChatUsage } from './types';

/** Options of the OpenAI (or OpenAI-compatible) chat model; the connection ones come from `Config`. */
export interface OpenAIChatModelOptions extends OpenAIConnectionOptions {
  model: string;
  /**
   * How the output limit is sent. OpenAI deprecated `max_tokens` (o-series models reject it) while many
   * compatible servers only know `max_tokens`; so the default follows `baseURL`.
   */
  maxTokensParam?: 'max_completion_tokens' | 'max_tokens';
  /** Recorded with reviews. Default `openai`. */
  provider?: string;
  /**
   * The first structured-output path tried (default `json_schema`). A server that refuses it (400/422) is
   * asked again with the next path (`json_object`, then the schema in the prompt alone), and the path that
   * worked is remembered for that server and model for the life of the process.
   */
  structuredOutput?: StructuredOutputMode;
}

/** Per server and model: the structured-output path known to work (learnt from refusals). */
const learntModes = new Map<string, StructuredOutputMode>();
/** Per server and model: the refused call, in flight, that finds out which path works; other refused calls wait for it. */
const probes = new Map<string, Promise<void>>();

/** The path a server is known to accept, if a refusal taught us one (for the doctor and tests). */
export function learntStructuredOutput(baseURL: string | undefined, model: string) {
  return learntModes.get(`${baseURL ?? ''}|${model}`);
}

function emptyUsage(): ChatUsage {
  return { promptTokens: 0, completionTokens: 0, cachedPromptTokens: 0 };
}

function addUsage(total: ChatUsage, usage: ChatCompletion['usage']): boolean {
  if (!usage) return false; // some compatible servers omit it
  total.promptTokens += usage.prompt_tokens ?? 0;
  total.completionTokens += usage.completion_tokens ?? 0;
  total.cachedPromptTokens += usage.prompt_tokens_details?.cached_tokens ?? 0;
  return true;
}

/**
 * The JSON object in a model's answer. Models served without enforced structured output wrap it in a
 * Markdown fence, in prose (« Voici mon évaluation : ```json {…}``` »), or both: LangChain's
 * `parseJsonMarkdown` takes it out of the fence (with a strict parser: its default partial parser would
 * accept a truncated answer), and prose around a bare object is cut at the outermost braces.
 */
export function extractJson(content: string): unknown {
  try {
    return parseJsonMarkdown(content, JSON.parse);
  } catch (fenced) {
    const start = content.indexOf('{');
    const end = content.lastIndexOf('}');
    if (start < 0 || end <= start) throw fenced;
    return JSON.parse(content.slice(start, end + 1));
  }
}

/** What the model is told when the server does not enforce the schema (json_object or prompt path). */
export function schemaInstruction(schema: ChatRequest<unknown>['schema']): string {
  return [
    'Format de la réponse : uniquement un objet JSON valide, sans texte avant ni après, conforme à ce schéma JSON :',
    '```json',
    JSON.stringify(toStrictJsonSchema(schema)),
    '```',
  ].join('\n');
}

/** A refusal of the response_format itself, as opposed to a prompt that is too long or a model unknown. */
function refusesResponseFormat(err: unknown): boolean {
  const error = classifyError(err);
  return (
    error.kind === 'bad_request' &&
    (error.status === 400 || error.status === 422) &&
    error.code !== 'context_length_exceeded' &&
    error.code !== 'model_not_found'
  );
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}

/**
 * Reads one completion into validated data, or throws the `LlmError` that says why not.
 * Exported for unit tests of the edge cases; `complete` is the API.
 */
export function readCompletion<T>(completion: ChatCompletion, schema: ChatRequest<T>['schema']): T {
  const choice = completion.choices[0];
  if (!choice) throw new LlmError('invalid_output', 'The answer has no choices.');
  const { message } = choice;
  if (message.refusal) {
    throw new LlmError('refusal', `The model refused: ${truncate(message.refusal, 200)}`);
  }
  if (choice.finish_reason === 'content_filter') {
    throw new LlmError('refusal', 'The provider filtered the answer (content_filter).');
  }
  if (choice.finish_reason === 'length') {
    // Asking again with the same limit is cut off again: not retryable.
    throw new LlmError('invalid_output', 'The answer was cut off at the output token limit.', {
      retryable: false,
    });
  }
  const content = message.content;
  if (content === null || content === undefined || content.trim() === '') {
    throw new LlmError('invalid_output', 'The answer is empty.');
  }
  let json: unknown;
  try {
    json = extractJson(content);
  } catch (err) {
    // The length only: the content may quote the dossier, which must not reach logs.
    throw new LlmError('invalid_output', `The answer is not valid JSON (${content.length} characters).`, {
      cause: err,
    });
  }
  const parsed = parseStructured(schema, json);
  if (!parsed.success) {
    throw new LlmError(
      'invalid_output',
      `The answer does not match the schema: ${summariseZodError(parsed.error)}`,
      {
        cause: parsed.error,
      },
    );
  }
  return parsed.data;
}

/**
 * A `ChatModel` on the official `openai` SDK, for OpenAI and any OpenAI-compatible server.
 * Structured output via `response_format: json_schema` (strict) when the server accepts it, else JSON mode,
 * else the schema in the prompt; the answer is taken out of fences and prose, validated with zod, and an
 * invalid one is asked again once with its error shown to the model. Retries with our own budget (see
 * `retry.ts`); usage summed over attempts; every failure an `LlmError`.
 */
export function createOpenAIChatModel(options: OpenAIChatModelOptions): ChatModel {
  const { model, timeoutMs, logger } = options;
  const ctx: ChatContext = {
    model,
    timeoutMs,
    logger,
    maxTokensParam: options.maxTokensParam ?? (options.baseURL ? 'max_tokens' : 'max_completion_tokens'),
    client: createOpenAIClient(options),
    policy: retryPolicyOf(options),
    serverKey: `${options.baseURL ?? ''}|${model}`,
    firstMode: options.structuredOutput ?? 'json_schema',
  };
  return {
    provider: options.provider ?? 'openai',
    model,
    async complete<T>(req: ChatRequest<T>): Promise<ChatResult<T>> {
      const started = performance.now();
      const state: CallState = { usage: emptyUsage(), usageReported: true, repaired: false };
      return completeWith(ctx, req, state, started);
    },
  };
}

/** What one model's calls share: its client, retry policy, and the key of what its server was taught. */
interface ChatContext {
  model: string;
  timeoutMs: OpenAIChatModelOptions['timeoutMs'];
  logger: OpenAIChatModelOptions['logger'];
  maxTokensParam: 'max_completion_tokens' | 'max_tokens';
  client: ReturnType<typeof createOpenAIClient>;
  policy: ReturnType<typeof retryPolicyOf>;
  serverKey: string;
  firstMode: StructuredOutputMode;
}

/** The request body for one structured-output path. */
function bodyFor<T>(
  ctx: ChatContext,
  req: ChatRequest<T>,
  mode: StructuredOutputMode,
): ChatCompletionCreateParamsNonStreaming {
  // Without an enforced schema the model must be told the shape; it goes after the stable system prompt,
  // and is itself stable across a review's calls, so the cached prefix is unchanged.
  const system = mode === 'json_schema' ? req.system : `${req.system}\n\n${schemaInstruction(req.schema)}`;
  return {
    model: ctx.model,
    messages: [
      { role: 'system', content: system },
      // One user message: see ChatRequest (byte-identical prefixes for the provider's prompt cache).
      { role: 'user', content: req.parts.join('\n\n') },
    ],
    ...(mode === 'json_schema'
      ? {
          response_format: {
            type: 'json_schema',
            json_schema: { name: req.schemaName, strict: true, schema: toStrictJsonSchema(req.schema) },
          },
        }
      : mode === 'json_object'
        ? { response_format: { type: 'json_object' } }
        : {}),
    ...(req.temperature === undefined ? {} : { temperature: req.temperature }),
    ...(req.maxOutputTokens === undefined ? {} : { [ctx.maxTokensParam]: req.maxOutputTokens }),
  };
}

/** One path, with the retry budget; an invalid answer is retried as a repair that shows the model its error. */
async function run<T>(ctx: ChatContext, req: ChatRequest<T>, mode: StructuredOutputMode, state: CallState) {
  const { client, timeoutMs, model, policy } = ctx;
  const body = bodyFor(ctx, req, mode);
  let previous: { content: string; problem: string } | undefined;
  return withRetry(
    async () => {
      const repair = previous;
      const messages: ChatCompletionMessageParam[] = repair
        ? [
            ...body.messages,
            { role: 'assistant', content: repair.content },
            {
              role: 'user',
              content: `Ta réponse précédente est invalide : ${repair.problem}\nRéponds de nouveau avec uniquement l'objet JSON corrigé, conforme au schéma.`,
            },
          ]
        : body.messages;
      const completion = await withDeadline(
        timeoutMs,
        req.signal,
        (signal) => client.chat.completions.create({ ...body, messages }, { signal }),
        (cause) => new LlmError('timeout', `No complete answer within ${timeoutMs} ms.`, { cause }),
      );
      if (!addUsage(state.usage, completion.usage)) state.usageReported = false;
      try {
        const data = readCompletion(completion, req.schema);
        if (repair) state.repaired = true;
        return { data, model: completion.model || model };
      } catch (err) {
        const content = completion.choices[0]?.message.content;
        if (err instanceof LlmError && err.kind === 'invalid_output' && err.retryable && content) {
          // The model sees its own answer and what is wrong with it; logs only ever get the message.
          const problem =
            err.cause instanceof SyntaxError
              ? `ce n'est pas un objet JSON valide (${err.cause.message}).`
              : `${err.message.replace('The answer does not match the schema: ', 'non conforme au schéma : ')}.`;
          previous = { content: content.slice(0, 8000), problem };
        }
        throw err;
      }
    },
    policy,
    {
      ...(req.signal ? { signal: req.signal } : {}),
      ...(req.tag ? { tag: req.tag } : {}),
    },
  );
}

/**
 * Walks down the structured-output paths from the one known to work: a refused path (400/422) moves to the
 * next, and what worked is remembered for the server and model.
 */
async function completeWith<T>(
  ctx: ChatContext,
  req: ChatRequest<T>,
  state: CallState,
  started: number,
): Promise<ChatResult<T>> {
  const { serverKey, firstMode, logger } = ctx;
  const start = learntModes.get(serverKey) ?? firstMode;
  let index = STRUCTURED_OUTPUT_MODES.indexOf(start);
  let firstRefusal: unknown;
  let attemptsBefore = 0;
  // Set when this call is the one finding the path after a refusal; released whatever happens.
  const probe: { release?: () => void } = {};
  try {
    for (;;) {
      const mode = STRUCTURED_OUTPUT_MODES[index] ?? 'prompt';
      try {
        const { value, attempts } = await run(ctx, req, mode, state);
        learntModes.set(serverKey, mode);
        if (mode !== start) {
          logger?.warn({ tag: req.tag, refused: start, using: mode }, 'structured output path changed');
        }
        const durationMs = Math.round(performance.now() - started);
        logger?.debug(
          {
            tag: req.tag,
            attempts: attemptsBefore + attempts,
            structuredOutput: mode,
            durationMs,
            promptTokens: state.usage.promptTokens,
            cachedPromptTokens: state.usage.cachedPromptTokens,
            completionTokens: state.usage.completionTokens,
          },
          'model call done',
        );
        return {
          data: value.data,
          usage: state.usage,
          durationMs,
          attempts: attemptsBefore + attempts,
          model: value.model,
          structuredOutput: mode,
          repaired: state.repaired,
          usageReported: state.usageReported,
        };
      } catch (err) {
        if (mode === 'prompt' || !refusesResponseFormat(err)) {
          // Every path refused with a 400: the request itself is wrong, say so with the first refusal.
          const error = classifyError(
            firstRefusal !== undefined && refusesResponseFormat(err) ? firstRefusal : err,
          );
          error.usage = state.usage;
          throw error;
        }
        firstRefusal ??= err;
        attemptsBefore += 1;
        // A review's criteria are sent together and refused together: one call walks down the paths while
        // the others wait for it and take the path it found, instead of each trying every path.
        const inFlight = probes.get(serverKey);
        if (!probe.release && inFlight) {
          await inFlight;
          const learnt = learntModes.get(serverKey);
          const learntIndex = learnt ? STRUCTURED_OUTPUT_MODES.indexOf(learnt) : -1;
          index = learntIndex > index ? learntIndex : index + 1;
          continue;
        }
        if (!probe.release) {
          probes.set(
            serverKey,
            new Promise<void>((resolve) => {
              probe.release = resolve;
            }),
          );
        }
        index += 1;
      }
    }
  } finally {
    if (probe.release) {
      probes.delete(serverKey);
      probe.release();
    }
  }
}

interface CallState {
  usage: ChatUsage;
  usageReported: boolean;
  repaired: boolean;
}
