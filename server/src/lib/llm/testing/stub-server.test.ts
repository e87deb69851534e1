import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { toStrictJsonSchema } from '../json-schema';
import { type StubServer, sampleFromJsonSchema, startStubServer } from './stub-server';

describe('sampleFromJsonSchema', () => {
  it('builds a minimal valid value', () => {
    const schema = z.object({
      score: z.int().min(1).max(4),
      ratio: z.number().gt(0),
      level: z.enum(['absent', 'insuffisant']),
      kind: z.literal('grade'),
      ok: z.boolean(),
      note: z.string().optional(),
      page: z.int().nullable(),
      evidence: z.array(z.object({ quote: z.string() })).min(1),
      tags: z.array(z.string()),
    });
    const value = sampleFromJsonSchema(toStrictJsonSchema(schema));
    expect(value).toEqual({
      score: 1,
      ratio: 0.5,
      level: 'absent',
      kind: 'grade',
      ok: false,
      note: '…',
      page: 0,
      evidence: [{ quote: '…' }],
      tags: [],
    });
    expect(schema.safeParse(value).success).toBe(true);
  });

  it('follows $ref and stops on required recursion', () => {
    const schema = {
      type: 'object',
      properties: { item: { $ref: '#/$defs/Item' } },
      required: ['item'],
      $defs: { Item: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] } },
    };
    expect(sampleFromJsonSchema(schema)).toEqual({ item: { id: '…' } });
  });
});

describe('stub server protocol', () => {
  let stub: StubServer | undefined;
  afterEach(async () => {
    await stub?.close();
    stub = undefined;
  });

  async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(`${stub?.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, headers: res.headers, json: (await res.json()) as Record<string, unknown> };
  }

  const chatBody = { model: 'm', messages: [{ role: 'user', content: 'Critère C4' }] };

  it('listens on 127.0.0.1 and answers OpenAI-shaped completions and errors', async () => {
    stub = await startStubServer();
    expect(stub.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const ok = await post('/chat/completions', chatBody);
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({
      object: 'chat.completion',
      model: 'm',
      choices: [{ index: 0, message: { role: 'assistant', content: '{}' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 4, prompt_tokens_details: { cached_tokens: 0 } },
    });

    expect((await post('/nope', {})).status).toBe(404);
    expect((await post('/chat/completions', '{not json')).status).toBe(400);
    expect((await post('/chat/completions', { model: 'm', messages: [] })).status).toBe(400);
    const models = await fetch(`${stub.url}/models`);
    expect(models.status).toBe(200);
  });

  it('requires the configured key', async () => {
    stub = await startStubServer({ apiKey: 'k' });
    const denied = await post('/chat/completions', chatBody);
    expect(denied).toMatchObject({ status: 401, json: { error: { code: 'invalid_api_key' } } });
    expect((await post('/chat/completions', chatBody, { authorization: 'Bearer k' })).status).toBe(200);
  });

  it('consumes queued faults in order, per endpoint, then applies the predicate fault', async () => {
    stub = await startStubServer();
    stub.enqueue(
      { type: 'rate_limit', retryAfterSeconds: 3 },
      { type: 'server_error', endpoint: 'embeddings' },
      { type: 'http_error', status: 400 },
    );
    const limited = await post('/chat/completions', chatBody);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    expect(limited.json).toMatchObject({ error: { code: 'rate_limit_exceeded', type: 'requests' } });
    expect((await post('/chat/completions', chatBody)).status).toBe(400);
    expect(stub.pendingFaults).toBe(1);
    expect((await post('/embeddings', { model: 'e', input: 'x' })).status).toBe(500);
    expect(stub.pendingFaults).toBe(0);

    stub.setFault((r) => r.prompt.includes('C5'));
    const c5 = { model: 'm', messages: [{ role: 'user', content: 'Critère C5' }] };
    expect((await post('/chat/completions', c5)).status).toBe(500);
    expect((await post('/chat/completions', chatBody)).status).toBe(200);
    expect(stub.requests.map((r) => r.fault?.type)).toEqual([
      'rate_limit',
      'http_error',
      'server_error',
      'server_error',
      undefined,
    ]);
  });

  it('returns float embeddings when asked for floats', async () => {
    stub = await startStubServer({ embeddingDimensions: 8 });
    const res = await post('/embeddings', { model: 'e', input: ['a', 'b'], encoding_format: 'float' });
    const data = res.json.data as Array<{ embedding: number[]; index: number }>;
    expect(data.map((d) => [d.index, d.embedding.length])).toEqual([
      [0, 8],
      [1, 8],
    ]);
    expect(res.json.usage).toEqual({ prompt_tokens: 2, total_tokens: 2 });
  });

  it('closes promptly with a delayed answer pending, and reset forgets state', async () => {
    stub = await startStubServer();
    stub.enqueue({ type: 'delay', ms: 10_000 });
    const pending = fetch(`${stub.url}/chat/completions`, {
      method: 'POST',
      body: JSON.stringify(chatBody),
    }).catch((err: unknown) => err);
    while (stub.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
    stub.reset();
    expect(stub.requests).toHaveLength(0);
    const started = Date.now();
    await stub.close();
    stub = undefined;
    await pending;
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
