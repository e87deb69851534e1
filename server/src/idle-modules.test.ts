import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NOT_AT_REST, packagesIn, spawnRecordingServer, waitForHealth } from './testing/server-process';

/** Starts a real server process (tsx, PGlite, migrations, pg-boss): slow to boot on a loaded 2-core box. */
const SERVER_TEST_MS = 180_000;
const dir = mkdtempSync(join(tmpdir(), 'prejury-idle-modules-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the server at rest with the offline provider', () => {
  it(
    'does not load the OpenAI SDK, LangChain, the tokenizer, the SMTP client or the Swagger UI bundle',
    async () => {
      // An SMTP server is configured: the client still loads only when a mail is sent.
      const server = spawnRecordingServer(dir, { PREJURY_SMTP_URL: 'smtp://127.0.0.1:9' });
      await waitForHealth(server.port, server, 150_000);
      // A signed-out read of the referential: the app is serving, not just listening.
      expect((await fetch(`${server.base}/api/exams`)).status).toBeLessThan(500);
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);

      const urls = server.loaded();
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
