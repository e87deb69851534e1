import type { z } from 'zod';
import type { StructuredOutputMode } from './profiles.data';

/**
 * One structured-output call to a chat model.
 *
 * Implementations send exactly two messages: `system`, then ONE user message whose content is
 * `parts.join('\n\n')` (a repair attempt appends the model's invalid answer and one correction request). Why one message: providers cache prompts by exact byte prefix (OpenAI from 1024
 * tokens, in 128-token steps), so two calls that share `system` and their leading parts (rubric, exam,
 * dossier) share a byte-identical prefix and pay the shared part at the cached rate; and several
 * OpenAI-compatible servers (vLLM or Ollama with some chat templates, Mistral) reject consecutive user
 * messages, while a single user turn works everywhere. Order the parts from most to least shared.
 */
export interface ChatRequest<T> {
  /** Stable instructions (system prompt). Put stable text first: providers cache identical prefixes. */
  system: string;
  /** Ordered user-message parts; earlier parts should be the stable ones (rubric, dossier), the variable part last. */
  parts: string[];
  /** zod 4 schema of the expected JSON; also sent to the provider as a strict JSON schema. */
  schema: z.ZodType<T>;
  /** Name of the schema for the provider (`^[a-zA-Z0-9_-]{1,64}$`), e.g. `criterion_grade`. */
  schemaName: string;
  temperature?: number;
  maxOutputTokens?: number;
  /** Cancels the call, including retries and back-off sleeps; rejects with an `LlmError` of kind `aborted`. */
  signal?: AbortSignal;
  /** For logs/metrics only (e.g. `review:123/criterion:C4`). Never put dossier content here. */
  tag?: string;
}

/** Token usage of a call, summed over every attempt that got a response (that is what was paid). */
export interface ChatUsage {
  promptTokens: number;
  completionTokens: number;
  /** Part of `promptTokens` served from the provider's prompt cache (billed at a discount). */
  cachedPromptTokens: number;
}

/** A validated answer and what it cost. */
export interface ChatResult<T> {
  /** The model's JSON, validated by the request's schema. */
  data: T;
  usage: ChatUsage;
  /** Wall time of the whole call, retries and back-off included. */
  durationMs: number;
  /** 1 when the first attempt succeeded. */
  attempts: number;
  /** The model that answered, as the provider reports it (a dated snapshot when it gives one). */
  model: string;
  /** How the JSON was obtained: strict schema, JSON mode, or the prompt alone (recorded in the review). */
  structuredOutput?: StructuredOutputMode;
  /** True when the first answer was invalid and the model corrected it after seeing its error. */
  repaired?: boolean;
  /** False when the server sent no `usage` (token counts are then zero, not measured). */
  usageReported?: boolean;
}

/** The chat-model seam. Failures reject with `LlmError` (see `errors.ts`), never a raw SDK error. */
export interface ChatModel {
  /** Recorded with every review (e.g. `openai`). */
  readonly provider: string;
  /** The configured model name (e.g. `gpt-4o-mini`). */
  readonly model: string;
  complete<T>(req: ChatRequest<T>): Promise<ChatResult<T>>;
}

/** The embedding seam: one vector per input text, in input order. */
export interface Embedder {
  readonly model: string;
  /** Vector length; 0 only for a remote model of unknown size that has not answered yet. */
  readonly dimensions: number;
  embed(texts: string[], signal?: AbortSignal): Promise<number[][]>;
}

/**
 * The slice of a logger this module uses; a pino `Logger` fits. Only ids, counts, kinds and delays are
 * logged, never prompt or dossier content.
 */
export interface LlmLogger {
  debug(obj: Record<string, unknown>, msg: string): void;
  warn(obj: Record<string, unknown>, msg: string): void;
}

/** A `fetch` implementation (injectable for tests or proxies); the global one by default. */
export type FetchLike = typeof globalThis.fetch;
