import type {
  ChatCompletion,
  ChatCompletionCreateParamsNonStreaming,
} from 'openai/resources/chat/completions';
import { classifyError, LlmError, summariseZodError } from './errors';
import { parseStructured, toStrictJsonSchema } from './json-schema';
import {
  createOpenAIClient,
  type OpenAIConnectionOptions,
  retryPolicyOf,
  withDeadline,
} from './openai-client';
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
}

function emptyUsage(): ChatUsage {
  return { promptTokens: 0, completionTokens: 0, cachedPromptTokens: 0 };
}

function addUsage(total: ChatUsage, usage: ChatCompletion['usage']): void {
  if (!usage) return; // some compatible servers omit it
  total.promptTokens += usage.prompt_tokens ?? 0;
  total.completionTokens += usage.completion_tokens ?? 0;
  total.cachedPromptTokens += usage.prompt_tokens_details?.cached_tokens ?? 0;
}

/** Some local servers wrap JSON in a Markdown fence even in JSON mode; the fence is not the answer. */
function stripCodeFence(content: string): string {
  const trimmed = content.trim();
  const match = /^```(?:json)?\s*\n([\s\S]*?)\n?```$/i.exec(trimmed);
  return match?.[1] ?? trimmed;
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
    json = JSON.parse(stripCodeFence(content));
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
 * Structured output via `response_format: json_schema` (strict), validated again with zod; retries
 * with our own budget (see `retry.ts`); usage summed over attempts; every failure an `LlmError`.
 */
export function createOpenAIChatModel(options: OpenAIChatModelOptions): ChatModel {
  const { model, timeoutMs, logger } = options;
  const maxTokensParam = options.maxTokensParam ?? (options.baseURL ? 'max_tokens' : 'max_completion_tokens');
  const client = createOpenAIClient(options);
  const policy = retryPolicyOf(options);

  async function attempt<T>(
    body: ChatCompletionCreateParamsNonStreaming,
    req: ChatRequest<T>,
    usage: ChatUsage,
  ): Promise<{ data: T; model: string }> {
    const completion = await withDeadline(
      timeoutMs,
      req.signal,
      (signal) => client.chat.completions.create(body, { signal }),
      (cause) => new LlmError('timeout', `No complete answer within ${timeoutMs} ms.`, { cause }),
    );
    addUsage(usage, completion.usage);
    return { data: readCompletion(completion, req.schema), model: completion.model || model };
  }

  return {
    provider: options.provider ?? 'openai',
    model,
    async complete<T>(req: ChatRequest<T>): Promise<ChatResult<T>> {
      const started = performance.now();
      const usage = emptyUsage();
      const body: ChatCompletionCreateParamsNonStreaming = {
        model,
        messages: [
          { role: 'system', content: req.system },
          // One user message: see ChatRequest (byte-identical prefixes for the provider's prompt cache).
          { role: 'user', content: req.parts.join('\n\n') },
        ],
        response_format: {
          type: 'json_schema',
          json_schema: { name: req.schemaName, strict: true, schema: toStrictJsonSchema(req.schema) },
        },
        ...(req.temperature === undefined ? {} : { temperature: req.temperature }),
        ...(req.maxOutputTokens === undefined ? {} : { [maxTokensParam]: req.maxOutputTokens }),
      };
      try {
        const { value, attempts } = await withRetry(() => attempt(body, req, usage), policy, {
          ...(req.signal ? { signal: req.signal } : {}),
          ...(req.tag ? { tag: req.tag } : {}),
        });
        const durationMs = Math.round(performance.now() - started);
        logger?.debug(
          {
            tag: req.tag,
            attempts,
            durationMs,
            promptTokens: usage.promptTokens,
            cachedPromptTokens: usage.cachedPromptTokens,
            completionTokens: usage.completionTokens,
          },
          'model call done',
        );
        return { data: value.data, usage, durationMs, attempts, model: value.model };
      } catch (err) {
        const error = classifyError(err);
        error.usage = usage;
        throw error;
      }
    },
  };
}
