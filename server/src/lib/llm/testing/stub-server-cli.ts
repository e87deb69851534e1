/**
 * Runs the OpenAI-compatible stub for manual runs and benchmarks:
 *
 *   npx tsx server/src/lib/llm/testing/stub-server-cli.ts --port 8788 --latency 1500
 *
 * then point the app at it: OPENAI_BASE_URL=http://127.0.0.1:8788/v1 OPENAI_API_KEY=stub.
 * Options: --port (default 8788), --host (default 127.0.0.1), --latency ms per chat call (default 0),
 * --api-key (require this key; any key is accepted when absent).
 */
import { parseArgs } from 'node:util';
import { startStubServer } from './stub-server';

function nonNegativeInt(name: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    process.stderr.write(`--${name} must be a non-negative integer, got ${raw}\n`);
    process.exit(2);
  }
  return value;
}

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8788' },
    host: { type: 'string', default: '127.0.0.1' },
    latency: { type: 'string', default: '0' },
    'api-key': { type: 'string' },
  },
  strict: true,
});

const latencyMs = nonNegativeInt('latency', values.latency);
const stub = await startStubServer({
  port: nonNegativeInt('port', values.port),
  host: values.host,
  latencyMs,
  ...(values['api-key'] ? { apiKey: values['api-key'] } : {}),
});
process.stdout.write(`OpenAI-compatible stub on ${stub.url} (chat latency ${latencyMs} ms)\n`);

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    process.stdout.write(`${stub.requests.length} requests served\n`);
    stub.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
