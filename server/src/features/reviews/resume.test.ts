import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StubServer, startStubServer } from '../../lib/llm/testing/stub-server';
import { freePort } from '../../lib/testing/free-port';
import { DEMO_USERS, reviewEvalCase, signedInFetch, TEST_PASSWORD } from '../../testing';
import { quotingResponder } from './test-helpers';

/** Starts real server processes (tsx, PGlite, migrations, pg-boss): slow to boot on a loaded 2-core box. */
const SERVER_TEST_MS = 180_000;
const repoRoot = new URL('../../../../', import.meta.url);

function startServer(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'server/src/index.ts'], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

async function waitFor<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await fn().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('a review survives a crash of the server', () => {
  let stub: StubServer;
  let dataDir: string;
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    stub = await startStubServer({ responder: quotingResponder(() => 2), latencyMs: 700 });
    dataDir = mkdtempSync(join(tmpdir(), 'prejury-resume-'));
  });
  afterAll(async () => {
    for (const c of children) c.kill('SIGKILL');
    await stub.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'finishes after kill -9 and a restart, without grading finished criteria again',
    async () => {
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      const env = {
        PORT: String(port),
        HOST: '127.0.0.1',
        PREJURY_DATA_DIR: dataDir,
        PREJURY_PROVIDER: 'openai',
        OPENAI_API_KEY: 'test-key',
        OPENAI_BASE_URL: stub.url,
        PREJURY_MODEL: 'stub-grader',
        PREJURY_REVIEW_CONCURRENCY: '1',
        LOG_LEVEL: 'warn',
        PREJURY_DEMO_PASSWORD: TEST_PASSWORD,
      };
      const first = startServer(env);
      children.push(first);
      await waitFor('health', async () => ((await fetch(`${base}/api/health`)).ok ? true : undefined));

      const api = await signedInFetch(base, DEMO_USERS.candidate, TEST_PASSWORD);
      const id = await reviewEvalCase(api, 'b1-audit-rse/weak.md', 'b1-audit-rse');
      await waitFor('two criteria graded', async () => {
        const review = await (await api(`/api/reviews/${id}`)).json();
        return review.progress.done >= 2 ? true : undefined;
      });
      first.kill('SIGKILL');
      await new Promise((r) => first.once('exit', r));
      const gradedBeforeCrash = stub.requests.filter((r) => r.endpoint === 'chat').length;

      const second = startServer(env);
      children.push(second);
      await waitFor('health again', async () =>
        (await fetch(`${base}/api/health`).catch(() => null))?.ok ? true : undefined,
      );
      // Sessions are in the database and the cookie secret in the data folder: the session survives.
      const review = await waitFor('the review to finish', async () => {
        const r = await (await api(`/api/reviews/${id}`)).json();
        return r.status === 'done' ? r : undefined;
      });
      expect(review.report.criteria).toHaveLength(7);
      expect(review.report.criteria.every((c: { status: string }) => c.status === 'done')).toBe(true);
      // 7 criteria in all; at most the one in flight at the crash is graded twice.
      const totalCalls = stub.requests.filter((r) => r.endpoint === 'chat').length;
      expect(gradedBeforeCrash).toBeGreaterThanOrEqual(2);
      expect(totalCalls).toBeLessThanOrEqual(8);
      expect(totalCalls).toBeGreaterThanOrEqual(7);
      second.kill('SIGTERM');
      await new Promise((r) => second.once('exit', r));
    },
    SERVER_TEST_MS,
  );
});
