import type { Config } from '../../lib/env';
import { SERVER_PROFILES } from '../../lib/llm/profiles.data';
import type { ChatModel, Embedder } from '../../lib/llm/types';
import { callChecks, connectionChecks, embeddingChecks, offlineChecks, sampleInput } from './checks';
import type { DoctorCheck, DoctorReport } from './schemas';

export interface DoctorDeps {
  config: Config;
  /** The configured chat model (null: the offline analyzer). */
  chat: ChatModel | null;
  embedder: Embedder;
}

/**
 * Checks the configured model server before anyone uploads: reachability and key, the structured-output
 * path it accepts, two grading calls on a bundled sample (the second shares the first one's prompt prefix,
 * which shows whether cached tokens are reported), usage, latency, embedding size and the price of a review.
 * Never throws for a provider problem: every failure is a check with what to change.
 */
export async function runDoctor(deps: DoctorDeps): Promise<DoctorReport> {
  const { config, chat, embedder } = deps;
  const profile = SERVER_PROFILES[config.openai.profile ?? 'openai'];
  const started = new Date();
  const input = sampleInput();
  const checks: DoctorCheck[] = [];
  let calls: Awaited<ReturnType<typeof connectionChecks>>['calls'] = [];
  if (!chat) {
    checks.push(...(await offlineChecks(input)));
  } else {
    const connection = await connectionChecks(config, chat, profile, input);
    calls = connection.calls;
    checks.push(...connection.checks, ...callChecks(config, profile, input, calls));
  }
  checks.push(...(await embeddingChecks(config, embedder)));

  return {
    ok: checks.every((c) => c.status !== 'fail'),
    provider: config.provider,
    profile: chat ? profile.id : null,
    baseURL: chat ? (config.openai.baseURL ?? profile.baseURL ?? null) : null,
    model: chat ? chat.model : 'offline-analyzer',
    embeddingModel: embedder.model,
    structuredOutput: calls[0]?.structuredOutput ?? null,
    checks,
    checkedAt: started.toISOString(),
  };
}
