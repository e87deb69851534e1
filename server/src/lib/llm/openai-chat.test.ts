import { beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { stubServerForTests } from '../../testing/for-tests';
import { rejectionOf } from '../../testing/rejection';
import { LlmError } from './errors';
import {
  createOpenAIChatModel,
  extractJson,
  learntStructuredOutput,
  type OpenAIChatModelOptions,
} from './openai-chat';
import { startStubServer } from './testing/stub-server';
import { countTokens } from './tokens';
import type { ChatRequest } from './types';

const API_KEY = 'sk-test-0123456789';

const GradeSchema = z.object({
  score: z.int().min(0).max(4),
  rationale: z.string(),
  evidence: z.array(z.object({ quote: z.string(), page: z.int() })),
  missing: z.array(z.string()),
});
type Grade = z.infer<typeof GradeSchema>;

const GRADE: Grade = {
  score: 3,
  rationale: 'Analyse argumentée.',
  evidence: [{ quote: 'Nos concurrents directs détiennent 40 % du marché.', page: 4 }],
  missing: [],
};

const stub = stubServerForTests({ apiKey: API_KEY });
beforeEach(() => {
  stub.setResponder(() => GRADE);
});

function setup(overrides: Partial<OpenAIChatModelOptions> = {}) {
  const sleeps: number[] = [];
  const logs: Array<{ level: string; obj: Record<string, unknown>; msg: string }> = [];
  const chat = createOpenAIChatModel({
    apiKey: API_KEY,
    baseURL: stub.url,
    model: 'gpt-4o-mini',
    timeoutMs: 2_000,
    maxRetries: 2,
    // Record the requested back-off instead of waiting: asserts the policy, keeps the suite fast.
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.5,
    logger: {
      debug: (obj, msg) => logs.push({ level: 'debug', obj, msg }),
      warn: (obj, msg) => logs.push({ level: 'warn', obj, msg }),
    },
    ...overrides,
  });
  return { chat, sleeps, logs };
}

function request(overrides: Partial<ChatRequest<Grade>> = {}): ChatRequest<Grade> {
  return {
    system: 'Tu es correcteur du jury « Manager du développement commercial ».',
    parts: ['Critère C4 : analyse de la concurrence.', '<dossier>\nNos concurrents directs…\n</dossier>'],
    schema: GradeSchema,
    schemaName: 'criterion_grade',
    tag: 'test',
    ...overrides,
  };
}

function messagesOf(index: number): { role: string; content: string }[] {
  return (
    (stub.requests[index]?.body as { messages?: { role: string; content: string }[] } | undefined)
      ?.messages ?? []
  );
}

const failure = (promise: Promise<unknown>) => rejectionOf(promise, LlmError);

describe('createOpenAIChatModel over HTTP (real SDK, stub server)', () => {
  it('sends one system and one user message with a strict json_schema, and returns validated data', async () => {
    const { chat } = setup();
    const req = request({ temperature: 0, maxOutputTokens: 800 });
    const result = await chat.complete(req);

    const prompt = `${req.system}\n${req.parts.join('\n\n')}`;
    expect(result).toEqual({
      data: GRADE,
      usage: {
        promptTokens: countTokens(prompt),
        completionTokens: countTokens(JSON.stringify(GRADE)),
        cachedPromptTokens: 0,
      },
      durationMs: expect.any(Number),
      attempts: 1,
      model: 'gpt-4o-mini',
      structuredOutput: 'json_schema',
      repaired: false,
      usageReported: true,
    });
    expect(chat).toMatchObject({ provider: 'openai', model: 'gpt-4o-mini' });

    expect(stub.requests).toHaveLength(1);
    const sent = stub.requests[0];
    expect(sent?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(JSON.stringify(sent?.body)).not.toContain(API_KEY);
    expect(sent?.body).toMatchObject({
      model: 'gpt-4o-mini',
      temperature: 0,
      max_tokens: 800, // a compatible server (baseURL set) gets the widely supported parameter
      messages: [
        { role: 'system', content: req.system },
        { role: 'user', content: `${req.parts[0]}\n\n${req.parts[1]}` },
      ],
      response_format: {
        type: 'json_schema',
        json_schema: {
          name: 'criterion_grade',
          strict: true,
          schema: {
            type: 'object',
            required: ['score', 'rationale', 'evidence', 'missing'],
            additionalProperties: false,
          },
        },
      },
    });
  });

  it('validates the default stub answer built from the schema', async () => {
    stub.setResponder(null);
    const { chat } = setup();
    const result = await chat.complete(request());
    expect(result.data).toEqual({ score: 0, rationale: '…', evidence: [], missing: [] });
  });

  it('waits as long as retry-after says on a 429, then succeeds', async () => {
    stub.enqueue({ type: 'rate_limit', retryAfterSeconds: 1 });
    const { chat, sleeps } = setup();
    const result = await chat.complete(request());
    expect(result.attempts).toBe(2);
    expect(sleeps).toEqual([1000]);
    expect(stub.requests).toHaveLength(2);
  });

  it('honours retry-after-ms and caps long retry-after values', async () => {
    stub.enqueue({ type: 'rate_limit', retryAfterMs: 250 }, { type: 'rate_limit', retryAfterSeconds: 600 });
    const { chat, sleeps } = setup();
    await chat.complete(request());
    expect(sleeps).toEqual([250, 20_000]);
  });

  it('does not retry a 429 for an exhausted quota', async () => {
    stub.enqueue({ type: 'rate_limit', code: 'insufficient_quota' });
    const { chat } = setup();
    const error = await failure(chat.complete(request()));
    expect(error).toMatchObject({
      kind: 'rate_limit',
      retryable: false,
      code: 'insufficient_quota',
      attempts: 1,
    });
  });

  it('retries a 500 with exponential back-off', async () => {
    stub.enqueue({ type: 'server_error' });
    const { chat, sleeps } = setup();
    const result = await chat.complete(request());
    expect(result.attempts).toBe(2);
    expect(sleeps).toEqual([500]);
  });

  it('gives up after maxRetries + 1 attempts on a persistent 500', async () => {
    stub.setFault(() => true, { type: 'server_error' });
    const { chat, sleeps, logs } = setup({ maxRetries: 2 });
    const error = await failure(chat.complete(request()));
    expect(error).toMatchObject({ kind: 'provider', retryable: true, status: 500, attempts: 3 });
    expect(error.requestId).toMatch(/^req_stub_/);
    expect(stub.requests).toHaveLength(3);
    expect(sleeps).toEqual([500, 1000]);
    // Logs carry kinds and counts, never the prompt.
    expect(logs.map((l) => l.msg)).toEqual([
      'model call failed, retrying',
      'model call failed, retrying',
      'model call failed',
    ]);
    expect(JSON.stringify(logs)).not.toContain('concurrents');
  });

  it('retries a dropped connection', async () => {
    stub.enqueue({ type: 'disconnect' });
    const { chat } = setup();
    const result = await chat.complete(request());
    expect(result.attempts).toBe(2);
  });

  it('times out a slow answer, retries, then reports a timeout', async () => {
    stub.enqueue({ type: 'delay', ms: 1_000 }, { type: 'delay', ms: 1_000 });
    const { chat } = setup({ timeoutMs: 300, maxRetries: 1 });
    const started = Date.now();
    const error = await failure(chat.complete(request()));
    expect(error).toMatchObject({ kind: 'timeout', retryable: true, attempts: 2 });
    expect(stub.requests).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('retries malformed JSON once, then reports invalid_output', async () => {
    stub.enqueue({ type: 'malformed_json' }, { type: 'malformed_json' }, { type: 'malformed_json' });
    const { chat } = setup({ maxRetries: 3 });
    const error = await failure(chat.complete(request()));
    expect(error).toMatchObject({ kind: 'invalid_output', attempts: 2 });
    expect(error.cause).toBeInstanceOf(SyntaxError);
    expect(stub.pendingFaults).toBe(1);
    // Both attempts were billed (the second, a repair, is longer: it carries the bad answer).
    const billed = stub.requests.reduce((n, r) => n + countTokens(r.prompt), 0);
    expect(error.usage?.promptTokens).toBe(billed);
  });

  it('makes the second attempt a repair that shows the model its answer and the error', async () => {
    stub.enqueue({ type: 'schema_violation', value: { score: 9 } });
    const { chat } = setup();
    const result = await chat.complete(request());
    expect(result).toMatchObject({ data: GRADE, attempts: 2, repaired: true });
    const messages = messagesOf(1);
    expect(messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(messages[2]?.content).toBe('{"score":9}');
    expect(messages[3]?.content).toMatch(
      /^Ta réponse précédente est invalide : non conforme au schéma : score/,
    );
    // The first attempt was the usual two messages.
    expect(messagesOf(0)).toHaveLength(2);
  });

  it('recovers when the retry of a malformed answer is valid, summing usage over attempts', async () => {
    stub.enqueue({ type: 'malformed_json' });
    const { chat } = setup();
    const result = await chat.complete(request());
    expect(result.attempts).toBe(2);
    expect(result.data).toEqual(GRADE);
    expect(result.repaired).toBe(true);
    expect(result.usage.promptTokens).toBe(stub.requests.reduce((n, r) => n + countTokens(r.prompt), 0));
  });

  it('reports a schema violation as invalid_output, naming the paths only', async () => {
    stub.enqueue({ type: 'schema_violation' }, { type: 'schema_violation' });
    const { chat } = setup();
    const error = await failure(chat.complete(request()));
    expect(error).toMatchObject({ kind: 'invalid_output', attempts: 2 });
    expect(error.message).toContain('score');
  });

  it('does not retry a refusal', async () => {
    stub.enqueue({ type: 'refusal', message: 'I cannot grade this.' });
    const { chat, sleeps } = setup();
    const error = await failure(chat.complete(request()));
    expect(error).toMatchObject({ kind: 'refusal', retryable: false, attempts: 1 });
    expect(error.message).toContain('I cannot grade this.');
    expect(stub.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('does not retry an answer cut at the token limit', async () => {
    stub.enqueue({ type: 'truncated' });
    const { chat } = setup();
    const error = await failure(chat.complete(request()));
    expect(error).toMatchObject({ kind: 'invalid_output', retryable: false, attempts: 1 });
  });

  it('does not retry a wrong key (401)', async () => {
    const { chat } = setup({ apiKey: 'sk-wrong' });
    const error = await failure(chat.complete(request()));
    expect(error).toMatchObject({ kind: 'auth', retryable: false, status: 401, attempts: 1 });
    expect(stub.requests).toHaveLength(1);
  });

  it('does not retry a bad request (400)', async () => {
    stub.enqueue({ type: 'http_error', status: 400, code: 'context_length_exceeded' });
    const { chat } = setup();
    const error = await failure(chat.complete(request()));
    expect(error).toMatchObject({ kind: 'bad_request', code: 'context_length_exceeded', attempts: 1 });
  });

  it('reports cached prompt tokens when a later call shares a prefix of 1024+ tokens', async () => {
    const { chat } = setup();
    const dossier = Array.from(
      { length: 120 },
      (_, i) => `Page ${i + 1}. Notre analyse concurrentielle compare les parts de marché et les prix.`,
    ).join('\n');
    const first = await chat.complete(request({ parts: [dossier, 'Critère C4'] }));
    const second = await chat.complete(request({ parts: [dossier, 'Critère C5'] }));

    expect(first.usage.cachedPromptTokens).toBe(0);
    const shared = countTokens(`${request().system}\n${dossier}\n\nCritère C`);
    expect(shared).toBeGreaterThan(1024);
    expect(second.usage.cachedPromptTokens).toBe(Math.floor(shared / 128) * 128);
    expect(second.usage.cachedPromptTokens).toBeLessThanOrEqual(second.usage.promptTokens);
  });

  it('does not report a cache hit for prefixes under 1024 tokens', async () => {
    const { chat } = setup();
    await chat.complete(request({ parts: ['Court.', 'Critère C4'] }));
    const second = await chat.complete(request({ parts: ['Court.', 'Critère C5'] }));
    expect(second.usage.cachedPromptTokens).toBe(0);
  });

  it('aborts when the caller signal fires, without retrying', async () => {
    stub.setLatency(5_000);
    const { chat } = setup({ timeoutMs: 10_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await failure(chat.complete(request({ signal: controller.signal })));
    expect(error).toMatchObject({ kind: 'aborted', retryable: false, attempts: 1 });
    expect(stub.requests).toHaveLength(1);
  });

  it('accepts null for optional properties (sent as nullable under strict mode)', async () => {
    const schema = z.object({ score: z.int(), comment: z.string().optional() });
    stub.setResponder(() => ({ score: 2, comment: null }));
    const { chat } = setup();
    const result = await chat.complete({ ...request(), schema, schemaName: 'with_optional' });
    expect(result.data).toEqual({ score: 2 });
  });

  it('accepts JSON wrapped in a Markdown fence (some local servers)', async () => {
    stub.enqueue({ type: 'malformed_json', content: `\`\`\`json\n${JSON.stringify(GRADE)}\n\`\`\`` });
    const { chat } = setup();
    const result = await chat.complete(request());
    expect(result).toMatchObject({ data: GRADE, attempts: 1 });
  });

  it('fails one criterion and lets the others stand', async () => {
    stub.setFault((r) => r.prompt.includes('Critère C5'), { type: 'server_error' });
    const { chat } = setup({ maxRetries: 1 });
    const results = await Promise.allSettled(
      ['C4', 'C5', 'C6'].map((id) =>
        chat.complete(request({ parts: ['<dossier>…</dossier>', `Critère ${id}`] })),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ kind: 'provider', attempts: 2 });
  });

  it('sends max_completion_tokens to OpenAI itself', async () => {
    // Same stub, but told it is OpenAI proper: the newer parameter is used.
    const { chat } = setup({ maxTokensParam: 'max_completion_tokens' });
    await chat.complete(request({ maxOutputTokens: 500 }));
    expect(stub.requests[0]?.body).toMatchObject({ max_completion_tokens: 500 });
    expect(stub.requests[0]?.body).not.toHaveProperty('max_tokens');
  });
});

describe('servers as they are: structured-output fallback, tolerant parsing, usage, Azure', () => {
  // Each test its own model name: what a server supports is remembered per server and model.
  const formats = () =>
    stub.requests.map(
      (r) => (r.body as { response_format?: { type: string } }).response_format?.type ?? 'none',
    );

  it('falls back to json_object when json_schema is refused, and remembers it', async () => {
    stub.setQuirks({ rejectJsonSchema: true });
    const { chat, logs } = setup({ model: 'no-schema-model' });
    const first = await chat.complete(request());
    expect(first).toMatchObject({ data: GRADE, structuredOutput: 'json_object', attempts: 2 });
    expect(learntStructuredOutput(stub.url, 'no-schema-model')).toBe('json_object');
    // The schema went into the system prompt, since nothing enforces it any more.
    const system = messagesOf(1)[0]?.content;
    expect(system).toContain('```json\n{"type":"object"');
    const second = await setup({ model: 'no-schema-model' }).chat.complete(request());
    expect(second).toMatchObject({ structuredOutput: 'json_object', attempts: 1 });
    expect(formats()).toEqual(['json_schema', 'json_object', 'json_object']);
    expect(logs.some((l) => l.msg === 'structured output path changed')).toBe(true);
  });

  it('falls back to the prompt alone when JSON mode is refused too, and reads the schema from it', async () => {
    stub.setQuirks({ rejectJsonSchema: true, rejectJsonObject: true });
    stub.setResponder(null); // the stub now answers from the schema written in the prompt
    const { chat } = setup({ model: 'prompt-only-model' });
    const result = await chat.complete(request());
    expect(result.structuredOutput).toBe('prompt');
    expect(GradeSchema.safeParse(result.data).success).toBe(true);
    expect(formats()).toEqual(['json_schema', 'json_object', 'none']);
  });

  it('lets one of several refused calls find the path while the others wait and take it', async () => {
    stub.setQuirks({ rejectJsonSchema: true, rejectJsonObject: true });
    const { chat } = setup({ model: 'concurrent-model' });
    const results = await Promise.all(Array.from({ length: 5 }, () => chat.complete(request())));
    expect(results.map((r) => r.structuredOutput)).toEqual(Array(5).fill('prompt'));
    const sent = formats();
    expect(sent.filter((f) => f === 'json_schema')).toHaveLength(5);
    expect(sent.filter((f) => f === 'json_object')).toHaveLength(1);
    expect(sent.filter((f) => f === 'none')).toHaveLength(5);
  });

  it('does not mistake a request that is wrong everywhere for a missing feature', async () => {
    stub.setFault(() => true, {
      type: 'http_error',
      status: 400,
      code: 'invalid_value',
      message: 'bad temperature',
    });
    const { chat } = setup({ model: 'always-400-model' });
    const error = await failure(chat.complete(request()));
    expect(error).toMatchObject({ kind: 'bad_request', status: 400 });
    expect(learntStructuredOutput(stub.url, 'always-400-model')).toBeUndefined();
    expect(formats()).toEqual(['json_schema', 'json_object', 'none']);
  });

  it('takes the JSON out of a fence, or of prose around a fence or a bare object', async () => {
    for (const wrapJson of ['fence', 'prose', 'prose_bare'] as const) {
      stub.reset();
      stub.setResponder(() => GRADE);
      stub.setQuirks({ wrapJson });
      const result = await setup().chat.complete(request());
      expect(result, wrapJson).toMatchObject({ data: GRADE, attempts: 1, repaired: false });
      expect(stub.requests[0]?.fault).toBeUndefined();
    }
    expect(extractJson('Voici mon évaluation : ```json {"a": 1}``` Bonne chance.')).toEqual({ a: 1 });
    expect(extractJson('Résultat :\n{"a": {"b": 2}}\nFin.')).toEqual({ a: { b: 2 } });
    // A truncated object is not completed (LangChain's default partial parser would).
    expect(() => extractJson('```json\n{"score": 3,')).toThrow(SyntaxError);
  });

  it('says when the server reports no usage', async () => {
    stub.setQuirks({ noUsage: true });
    const result = await setup().chat.complete(request());
    expect(result).toMatchObject({
      data: GRADE,
      usageReported: false,
      usage: { promptTokens: 0, completionTokens: 0, cachedPromptTokens: 0 },
    });
  });

  it('speaks Azure: deployment path, api-version and the api-key header', async () => {
    const azure = await startStubServer({ apiKey: 'azure-key', quirks: { azure: true } });
    try {
      azure.setResponder(() => GRADE);
      const chat = createOpenAIChatModel({
        apiKey: 'azure-key',
        baseURL: azure.origin,
        azure: { apiVersion: '2024-10-21' },
        model: 'grader-deployment',
        timeoutMs: 2_000,
        maxRetries: 0,
      });
      expect((await chat.complete(request())).data).toEqual(GRADE);
      const [req] = azure.requests;
      expect(req?.path).toBe('/openai/deployments/grader-deployment/chat/completions');
      expect(req?.headers['api-key']).toBe('azure-key');
      expect(req?.headers.authorization).toBeUndefined();
      // A plain OpenAI client (Bearer, no api-version, /v1 path) is refused by the same server.
      const plain = createOpenAIChatModel({
        apiKey: 'azure-key',
        baseURL: azure.url,
        model: 'grader-deployment',
        timeoutMs: 2_000,
        maxRetries: 0,
      });
      expect(await failure(plain.complete(request()))).toMatchObject({ kind: 'auth' });
    } finally {
      await azure.close();
    }
  });
});
