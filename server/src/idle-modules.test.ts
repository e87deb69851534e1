import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnServer, waitForHealth } from './testing/server-process';

/** Starts a real server process (tsx, PGlite, migrations, pg-boss): slow to boot on a loaded 2-core box. */
const SERVER_TEST_MS = 180_000;
const dir = mkdtempSync(join(tmpdir(), 'prejury-idle-modules-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Packages a server at rest does not need, each megabytes resident once loaded (issue #17, idle memory):
 * what only a remote model uses, and the SMTP client (loaded with the first mail).
 */
const NOT_AT_REST = ['openai', '@langchain/core', 'js-tiktoken', 'nodemailer'];

function packagesIn(urls: string[]): Set<string> {
  const names = new Set<string>();
  for (const url of urls) {
    const match = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
    if (match?.[1]) names.add(match[1]);
  }
  return names;
}

describe('the server at rest with the offline provider', () => {
  it(
    'does not load the OpenAI SDK, LangChain, the tokenizer, the SMTP client or the Swagger UI bundle',
    async () => {
      const port = 20000 + Math.floor(Math.random() * 20000);
      const record = join(dir, 'modules.txt');
      const server = spawnServer(
        {
          NODE_ENV: 'production',
          PORT: String(port),
          PREJURY_PROVIDER: 'offline',
          // An SMTP server is configured: the client still loads only when a mail is sent.
          PREJURY_SMTP_URL: 'smtp://127.0.0.1:9',
          PREJURY_DATA_DIR: join(dir, 'data'),
          PREJURY_LOADED_MODULES: record,
        },
        ['./server/src/testing/loaded-modules.mjs'],
      );
      await waitForHealth(port, server, 150_000);
      // A signed-out read of the referential: the app is serving, not just listening.
      expect((await fetch(`http://127.0.0.1:${port}/api/exams`)).status).toBeLessThan(500);
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);

      const urls = readFileSync(record, 'utf8').split('\n');
      const loaded = packagesIn(urls);
      // The recording works: what the server needs at rest is in it.
      expect(loaded).toContain('hono');
      expect(loaded).toContain('@electric-sql/pglite');
      for (const name of NOT_AT_REST) expect(loaded, name).not.toContain(name);
      // The API docs page serves the bundle as a file; the server itself never evaluates it.
      expect(urls.filter((url) => url.endsWith('/swagger-ui-bundle.js'))).toEqual([]);
    },
    SERVER_TEST_MS,
  );
});
