import type { ServerResponse } from 'node:http';
import { countTokens } from '../tokens';
import {
  applyTransportFault,
  bodyOr400,
  ChatBodySchema,
  errorBody,
  type StubState,
  send,
  takeFault,
  textOf,
  wait,
  wrap,
} from './stub-http';
import { schemaInPrompt } from './stub-sampling';
import type { StubChatCall, StubRequestRecord } from './stub-types';

/** `POST /v1/chat/completions`: the responder's answer as JSON, or the fault queued for it. */
export async function handleChat(
  state: StubState,
  record: StubRequestRecord,
  res: ServerResponse,
): Promise<void> {
  const body = bodyOr400(state, res, ChatBodySchema, record.body, 'chat');
  if (!body) return;
  const messages = body.messages.map((m) => ({ role: m.role, content: textOf(m.content) }));
  record.prompt = messages.map((m) => m.content).join('\n');
  const fault = takeFault(state, 'chat', record);
  if (fault) record.fault = fault;
  if (await applyTransportFault(state, fault, res)) return;
  const format = body.response_format?.type;
  if (
    (format === 'json_schema' && state.quirks.rejectJsonSchema) ||
    (format === 'json_object' && state.quirks.rejectJsonObject)
  ) {
    // Worded like vLLM/LM Studio: the request is refused before any generation.
    send(
      state,
      res,
      400,
      errorBody(
        `response_format type '${format}' is not supported (stub).`,
        'invalid_request_error',
        null,
        'response_format',
      ),
    );
    return;
  }
  // Usage is counted on arrival, inside the latency window, like a provider reading the prompt: counted
  // after the wait, concurrent calls due together would state.queue behind each other's tokenising on this
  // event loop (which tests and benchmarks share with the client).
  const counting = performance.now();
  const usage = state.promptCache.observe(body.model, record.prompt);
  if (!(await wait(state, state.latencyMs - (performance.now() - counting), res))) return;

  const call: StubChatCall = {
    model: body.model,
    messages,
    schema: body.response_format?.json_schema?.schema ?? schemaInPrompt(messages),
    schemaName: body.response_format?.json_schema?.name,
    prompt: record.prompt,
    body,
  };
  let content: string | null;
  let refusal: string | null = null;
  let finishReason = 'stop';
  switch (fault?.type) {
    case 'malformed_json':
      content = fault.content ?? '{"score": 3,';
      break;
    case 'schema_violation':
      content = JSON.stringify(fault.value ?? { foo: 1 });
      break;
    case 'refusal':
      content = null;
      refusal = fault.message ?? "I'm sorry, I can't help with that.";
      break;
    case 'truncated':
      content = '{"score": 3, "rationale": "Le dossier prés';
      finishReason = 'length';
      break;
    default:
      try {
        content = wrap(JSON.stringify(await state.responder(call)), state.quirks.wrapJson);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        send(state, res, 500, errorBody(`Stub state.responder failed: ${message}`, 'server_error', null));
        return;
      }
  }
  const { promptTokens, cachedTokens } = usage;
  const completionTokens = countTokens(content ?? refusal ?? '');
  send(state, res, 200, {
    id: `chatcmpl-stub-${++state.completions}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: body.model,
    system_fingerprint: 'fp_stub',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, refusal, annotations: [] },
        logprobs: null,
        finish_reason: finishReason,
      },
    ],
    ...(state.quirks.noUsage
      ? {}
      : {
          usage: {
            prompt_tokens: promptTokens,
            completion_tokens: completionTokens,
            total_tokens: promptTokens + completionTokens,
            prompt_tokens_details: { cached_tokens: cachedTokens },
            completion_tokens_details: { reasoning_tokens: 0 },
          },
        }),
  });
}
