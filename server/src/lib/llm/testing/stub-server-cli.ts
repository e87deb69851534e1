/**
 * Runs the OpenAI-compatible stub for manual runs and benchmarks:
 *
 *   npx tsx server/src/lib/llm/testing/stub-server-cli.ts --port 8788 --latency 1500
 *
 * then point the app at it: OPENAI_BASE_URL=http://127.0.0.1:8788/v1 OPENAI_API_KEY=stub.
 * Options: --port (default 8788), --host (default 127.0.0.1), --latency ms per chat call (default 0),
 * --api-key (require this key; any key is accepted when absent), --quirks a comma-separated list of
 * floatEmbeddings, rejectJsonSchema, rejectJsonObject, noUsage, noEmbeddings, azure, wrapJson=fence|prose|prose_bare
 * (try `npm run doctor` against a server that behaves like Ollama or vLLM without one).
 */
import { parseArgs } from 'node:util';
import { type StubQuirks, startStubServer } from './stub-server';

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
    quirks: { type: 'string', default: '' },
  },
  strict: true,
});

const latencyMs = nonNegativeInt('latency', values.latency);
const FLAGS = [
  'floatEmbeddings',
  'rejectJsonSchema',
  'rejectJsonObject',
  'noUsage',
  'noEmbeddings',
  'azure',
] as const;
const quirks: StubQuirks = {};
for (const item of values.quirks.split(',').filter(Boolean)) {
  const [name, value] = item.split('=');
  if (name === 'wrapJson' && (value === 'fence' || value === 'prose' || value === 'prose_bare'))
    quirks.wrapJson = value;
  else if ((FLAGS as readonly string[]).includes(name ?? '') && value === undefined) {
    quirks[name as (typeof FLAGS)[number]] = true;
  } else {
    process.stderr.write(
      `Unknown quirk ${item}; known: ${FLAGS.join(', ')}, wrapJson=fence|prose|prose_bare\n`,
    );
    process.exit(2);
  }
}
const stub = await startStubServer({
  port: nonNegativeInt('port', values.port),
  host: values.host,
  latencyMs,
  quirks,
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
