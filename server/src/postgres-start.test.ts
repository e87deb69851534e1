import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  createPostgresTestDatabase,
  describePostgres,
  type PostgresTestDatabase,
} from '../../db/postgres-testing';
import { freePort } from './lib/testing/free-port';
import { DEMO_USERS, reviewEvalCase, signedInFetch, TEST_PASSWORD } from './testing';

/** Three real processes (tsx, migrations, pg-boss) booting at once on a shared 2-core box. */
const START_TEST_MS = 180_000;
const repoRoot = new URL('../../', import.meta.url);

interface Proc {
  name: string;
  child: ChildProcess;
  output: () => string;
}

function launch(name: string, script: string, env: Record<string, string>): Proc {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += String(d);
  });
  child.stderr?.on('data', (d) => {
    out += String(d);
  });
  return { name, child, output: () => out };
}

async function waitFor<T>(
  what: string,
  fn: () => Promise<T | undefined>,
  procs: Proc[],
  timeoutMs = 120_000,
) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const dead = procs.find((p) => p.child.exitCode !== null || p.child.signalCode !== null);
    if (dead)
      throw new Error(
        `${dead.name} exited (${dead.child.exitCode}) while waiting for ${what}:\n${dead.output()}`,
      );
    const value = await fn().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(
    `timed out waiting for ${what}:\n${procs.map((p) => `--- ${p.name}\n${p.output()}`).join('\n')}`,
  );
}

describePostgres('npm start and npm run worker on an empty PostgreSQL', () => {
  let pgdb: PostgresTestDatabase & { create(): Promise<void> };
  const procs: Proc[] = [];
  beforeAll(async () => {
    pgdb = await createPostgresTestDatabase({ create: false });
  });
  afterAll(async () => {
    for (const p of procs) p.child.kill('SIGKILL');
    await Promise.all(
      procs.map((p) => (p.child.exitCode === null ? new Promise((r) => p.child.once('exit', r)) : null)),
    );
    await pgdb.drop();
  });

  it(
    'one API and two workers started together all come up; a worker started before the database waits for it',
    async () => {
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      const env = {
        DATABASE_URL: pgdb.url,
        PREJURY_AUTH_SECRET: 'postgres-start-test-secret-0123456789',
        PREJURY_DEMO_PASSWORD: TEST_PASSWORD,
        PREJURY_SEED_DEMO: 'true',
        PREJURY_EMBEDDED_WORKER: 'false',
        PREJURY_PUBLIC_URL: base,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
      };
      // The first worker starts before its database exists (a compose stack whose database is still
      // initialising): it must wait, not exit.
      const early = launch('worker 1', 'server/src/worker.ts', env);
      procs.push(early);
      await waitFor(
        'worker 1 to wait for the database',
        async () => (early.output().includes('waiting for the database') ? true : undefined),
        [early],
      );
      await pgdb.create();
      // Then the API and a second worker, at the same moment, on the empty database.
      procs.push(launch('api', 'server/src/index.ts', env), launch('worker 2', 'server/src/worker.ts', env));

      await waitFor(
        'the API to answer',
        async () => ((await fetch(`${base}/api/health`)).ok ? true : undefined),
        procs,
      );
      await waitFor(
        'both workers to be ready',
        async () =>
          procs.filter((p) => p.output().includes('review worker ready')).length === 2 ? true : undefined,
        procs,
      );

      // Seeded once, and a review goes through the queue to a worker and back.
      const api = await signedInFetch(base, DEMO_USERS.candidate, TEST_PASSWORD);
      const id = await reviewEvalCase(api, 'b1-audit-rse/weak.md', 'b1-audit-rse');
      const review = await waitFor(
        'the review to finish',
        async () => {
          const r = await (await api(`/api/reviews/${id}`)).json();
          return r.status === 'done' ? r : undefined;
        },
        procs,
      );
      expect(review.report.criteria).toHaveLength(7);
      expect(procs.map((p) => p.child.exitCode)).toEqual([null, null, null]);
      expect(procs.map((p) => p.output()).join('\n')).not.toMatch(/duplicate key|already exists|"level":50/);
    },
    START_TEST_MS,
  );
});
