/**
 * A bench-only OpenAI-compatible chat endpoint that answers every call after exactly `latencyMs` and does
 * nothing else: the stub server's answer (same quoting responder) without its per-call work (tokenising the
 * prompt twice for `usage` and its prefix cache), which runs on the caller's event loop when the stub is in
 * process and delays every answer after the first when calls arrive together. Reviews graded through it show
 * what the review service itself adds to the model's latency. Usage is estimated at 4 characters a token.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StubChatCall } from '../../server/src/lib/llm/testing/stub-server';

export interface FlatProvider {
  url: string;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startFlatProvider(
  latencyMs: number,
  responder: (call: StubChatCall) => unknown,
): Promise<FlatProvider> {
  let served = 0;
  const server = createServer((req, res) => {
    const arrived = performance.now();
    readBody(req).then(
      (raw) => {
        const body = JSON.parse(raw) as { model: string; messages: { role: string; content: string }[] };
        const prompt = body.messages.map((m) => m.content).join('\n');
        const content = JSON.stringify(
          responder({
            model: body.model,
            messages: body.messages,
            prompt,
            body,
            schema: undefined,
            schemaName: undefined,
          }),
        );
        const promptTokens = Math.ceil(prompt.length / 4);
        const completionTokens = Math.ceil(content.length / 4);
        setTimeout(
          () => {
            res.writeHead(200, { 'content-type': 'application/json' });
            res.end(
              JSON.stringify({
                id: `chatcmpl-flat-${++served}`,
                object: 'chat.completion',
                created: Math.floor(Date.now() / 1000),
                model: body.model,
                choices: [
                  {
                    index: 0,
                    message: { role: 'assistant', content, refusal: null },
                    finish_reason: 'stop',
                    logprobs: null,
                  },
                ],
                usage: {
                  prompt_tokens: promptTokens,
                  completion_tokens: completionTokens,
                  total_tokens: promptTokens + completionTokens,
                  prompt_tokens_details: { cached_tokens: 0 },
                },
              }),
            );
          },
          Math.max(0, latencyMs - (performance.now() - arrived)),
        );
      },
      (err: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({ error: { message: String(err), type: 'server_error', code: null, param: null } }),
        );
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
