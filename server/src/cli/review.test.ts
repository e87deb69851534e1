import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getExam } from '../features/referential/index';
import type { StubQuirks } from '../lib/llm/testing/stub-server';
import { stubServerForTests } from '../testing/for-tests';

/*
 * `npm run review -- <file> --exam <id> --provider openai --json` as a real process, against the stub
 * reproducing the quirks of real servers, alone and combined. One process per case: each tsx start costs
 * seconds of CPU on a shared machine, so the quirks are grouped rather than spawned one by one (each is
 * also tested alone over HTTP in lib/llm).
 */

/** A tsx start, migrations on an in-memory PGlite, ingestion and a review: slow on a loaded 2-core box. */
const CLI_TEST_MS = 120_000;
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const FILE = 'evals/cases/b1-audit-rse/strong.md';
const criteriaIds = getExam('b1-audit-rse')?.criteria.map((c) => c.id) ?? [];

const stub = stubServerForTests({ apiKey: 'cli-key' });

/** The process environment without any model setting of the machine running the tests. */
function cleanEnv(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      (e): e is [string, string] =>
        e[1] !== undefined && !/^(OPENAI_|AZURE_|PREJURY_|DATABASE_URL)/.test(e[0]),
    ),
  );
}

function review(env: Record<string, string>) {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'server/src/cli/review.ts',
      FILE,
      '--exam',
      'b1-audit-rse',
      '--provider',
      'openai',
      '--json',
    ],
    {
      cwd: repoRoot,
      env: { ...cleanEnv(), OPENAI_API_KEY: 'cli-key', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => {
    stdout += String(d);
  });
  child.stderr.on('data', (d) => {
    stderr += String(d);
  });
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once('close', (code) => resolve({ code, stdout, stderr })),
  );
}

interface Report {
  provider: string;
  criteria: { id: string; status: string; provenance?: { structuredOutput?: string; repaired?: boolean } }[];
  usage: { structuredOutput?: Record<string, number>; tokensReported?: boolean; promptTokens: number };
  flags: { code: string }[];
}

async function reviewWith(quirks: StubQuirks, env: Record<string, string> = {}) {
  stub.setQuirks(quirks);
  const run = await review({ OPENAI_BASE_URL: stub.url, PREJURY_MODEL: 'stub-grader', ...env });
  expect(run.code, run.stderr).toBe(0);
  // Exactly one JSON document on stdout, whatever was logged (logs go to stderr).
  const report = JSON.parse(run.stdout) as Report;
  expect(report.criteria.map((c) => [c.id, c.status])).toEqual(criteriaIds.map((id) => [id, 'done']));
  return { report, stderr: run.stderr };
}

const chatCalls = () => stub.requests.filter((r) => r.endpoint === 'chat');
const embeddingCalls = () => stub.requests.filter((r) => r.endpoint === 'embeddings');

describe('npm run review --json against servers as they are', () => {
  // Each remaining quirk alone: the file is ingested, every criterion graded, stdout one JSON document.
  it.each([
    ['fenced JSON answers', { wrapJson: 'fence' }],
    ['JSON in French prose around a fence', { wrapJson: 'prose' }],
    ['400 on json_schema', { rejectJsonSchema: true }],
    ['no usage in answers', { noUsage: true }],
    ['404 on /v1/embeddings', { noEmbeddings: true }],
  ] satisfies [string, StubQuirks][])(
    '%s alone',
    async (_name, quirks) => {
      const { report, stderr } = await reviewWith(quirks);
      expect(report.provider).toBe('openai');
      // The upload is not refused without embeddings: the failure is logged (to stderr) and the review runs.
      if ('noEmbeddings' in quirks) expect(stderr).toContain('embedding failed');
    },
    CLI_TEST_MS,
  );

  it(
    'float-array embeddings alone (Ollama, LM Studio, LiteLLM)',
    async () => {
      const { report } = await reviewWith({ floatEmbeddings: true });
      expect(embeddingCalls().length).toBeGreaterThan(0);
      expect(report.provider).toBe('openai');
      expect(report.usage.structuredOutput).toEqual({
        json_schema: criteriaIds.length,
        json_object: 0,
        prompt: 0,
      });
      expect(report.usage.tokensReported).toBe(true);
    },
    CLI_TEST_MS,
  );

  it(
    'a chat-only server that refuses json_schema and reports no usage: warnings on stderr, JSON on stdout',
    async () => {
      const { report, stderr } = await reviewWith({
        noEmbeddings: true,
        rejectJsonSchema: true,
        noUsage: true,
      });
      // The upload was not refused although /v1/embeddings answered 404; both warnings were logged.
      expect(stderr).toContain('embedding failed');
      expect(stderr).toContain('structured output path changed');
      expect(report.usage.structuredOutput).toEqual({
        json_schema: 0,
        json_object: criteriaIds.length,
        prompt: 0,
      });
      expect(report.usage).toMatchObject({ tokensReported: false, promptTokens: 0 });
      // Criteria sent together are refused together, but one walks down the paths and the others take its
      // answer: exactly one json_object call per criterion, nobody fell further.
      const formats = chatCalls().map(
        (r) => (r.body as { response_format?: { type: string } }).response_format?.type ?? 'none',
      );
      expect(formats.filter((f) => f === 'json_object')).toHaveLength(criteriaIds.length);
      expect(formats).not.toContain('none');
    },
    CLI_TEST_MS,
  );

  it(
    'no structured output at all and answers in prose around a fence, with offline embeddings',
    async () => {
      const { report } = await reviewWith(
        { rejectJsonSchema: true, rejectJsonObject: true, wrapJson: 'prose', floatEmbeddings: true },
        { PREJURY_EMBEDDINGS: 'offline' },
      );
      expect(embeddingCalls()).toHaveLength(0);
      expect(report.usage.structuredOutput).toEqual({
        json_schema: 0,
        json_object: 0,
        prompt: criteriaIds.length,
      });
      expect(report.criteria.every((c) => c.provenance?.repaired === false)).toBe(true);
    },
    CLI_TEST_MS,
  );

  it(
    'Azure OpenAI: deployment paths, api-version and api-key, with fenced answers',
    async () => {
      stub.setQuirks({ azure: true, wrapJson: 'fence' });
      const run = await review({
        PREJURY_LLM_PROFILE: 'azure',
        OPENAI_BASE_URL: stub.origin,
        PREJURY_MODEL: 'grader-deployment',
        PREJURY_EMBEDDING_MODEL: 'embedding-deployment',
        PREJURY_EMBEDDING_DIMENSIONS: '1536',
        PREJURY_AZURE_API_VERSION: '2024-10-21',
      });
      expect(run.code, run.stderr).toBe(0);
      const report = JSON.parse(run.stdout) as Report;
      expect(report.provider).toBe('azure');
      expect(report.criteria.every((c) => c.status === 'done')).toBe(true);
      const paths = new Set(stub.requests.map((r) => r.path));
      expect(paths).toEqual(
        new Set([
          '/openai/deployments/grader-deployment/chat/completions',
          '/openai/deployments/embedding-deployment/embeddings',
        ]),
      );
      expect(stub.requests.every((r) => r.headers['api-key'] === 'cli-key')).toBe(true);
    },
    CLI_TEST_MS,
  );
});
