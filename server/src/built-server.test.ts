import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../scripts/build-server';
import { DEMO_USERS, signedInFetch } from './testing';
import { NOT_AT_REST, packagesIn, spawnRecordingServer, waitForHealth } from './testing/server-process';

/** Builds, then boots a real server process (PGlite, migrations, pg-boss): slow on a loaded 2-core box. */
const SERVER_TEST_MS = 240_000;
const PASSWORD = 'mot-de-passe-du-test';
const dir = mkdtempSync(join(tmpdir(), 'prejury-built-server-'));
// Inside the repository (the build's packages resolve from its node_modules), apart from `dist/server`.
const outDir = `dist/server-test-${process.pid}`;
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(outDir, { recursive: true, force: true });
});

describe('the built server (npm start, issue #17)', () => {
  it(
    'starts on plain Node on an empty data folder, serves the API and the web app, and never loads tsx',
    async () => {
      // The build copies the web app beside the server; `npm test` builds it first (`npm run build`).
      expect(existsSync('dist/web/index.html'), 'run `npm run build:web` first').toBe(true);
      const { entry } = await buildServer(outDir);
      const server = spawnRecordingServer(dir, { PREJURY_DEMO_PASSWORD: PASSWORD }, entry);
      await waitForHealth(server.port, server, 180_000);
      const { base } = server;
      const health = await fetch(`${base}/api/health`);
      expect(health.status).toBe(200);
      // Migrations ran from the build's copy and the demo accounts were seeded: a candidate signs in.
      const api = await signedInFetch(base, DEMO_USERS.candidate, PASSWORD);
      const me = await api('/api/me');
      expect(me.status).toBe(200);
      expect(JSON.stringify(await me.json())).toContain(DEMO_USERS.candidate);
      // The web app, from the build's copy of dist/web, and a client-side route served by its fallback.
      for (const page of ['/', '/connexion']) {
        const res = await fetch(`${base}${page}`);
        expect(res.status, page).toBe(200);
        expect(res.headers.get('content-type')).toContain('text/html');
        expect(await res.text()).toBe(readFileSync('dist/web/index.html', 'utf8'));
      }

      // What the process loaded at rest, before the upload below loads the review engine.
      const atRest = server.loaded();
      // A stop signal while an upload is still arriving: the upload finishes and is stored, then the
      // process exits cleanly (it used to answer 500 and hang on the PGlite transaction it left open).
      const upload = uploadInterruptedBy(() => server.child.kill('SIGTERM'));
      const res = await api('/api/dossiers', upload.init);
      expect(res.status, await res.clone().text()).toBe(201);
      expect(((await res.json()) as { examId: string }).examId).toBe('b1-audit-rse');
      expect(await server.exited).toBe(0);

      const urls = server.loaded();
      // Every module of ours came from the build, none from the sources (the upload's included).
      expect(urls.some((url) => url.endsWith(`/${outDir}/server/src/index.js`))).toBe(true);
      expect(urls.filter((url) => url.endsWith('.ts'))).toEqual([]);
      const loaded = packagesIn(atRest);
      expect(loaded).toContain('hono');
      for (const name of ['tsx', 'esbuild', ...NOT_AT_REST]) {
        expect(loaded, name).not.toContain(name);
      }
    },
    SERVER_TEST_MS,
  );
});

/**
 * A multipart upload whose body pauses half-way: `interrupt` runs once the first half has been written to
 * the socket (the stream is pulled again only after its last chunk went out), then the rest is sent.
 */
function uploadInterruptedBy(interrupt: () => void) {
  const boundary = 'prejury-built-server-test';
  const paragraph =
    "L'entreprise Hélios Menuiseries réalise 12 M€ de chiffre d'affaires avec 80 salariés ; son audit RSE " +
    'repère les risques, les parties prenantes et les indicateurs suivis chaque trimestre.';
  const text = `# Audit RSE\n\n${Array.from({ length: 400 }, () => paragraph).join('\n\n')}\n`;
  const half = Math.floor(text.length / 2);
  const parts = [
    `--${boundary}\r\nContent-Disposition: form-data; name="examId"\r\n\r\nb1-audit-rse\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="audit.md"\r\n` +
      `Content-Type: text/markdown\r\n\r\n${text.slice(0, half)}`,
    `${text.slice(half)}\r\n--${boundary}--\r\n`,
  ].map((part) => new TextEncoder().encode(part));
  let pulls = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      pulls++;
      if (pulls === 1) controller.enqueue(parts[0]);
      else if (pulls === 2) {
        // The first half is on the socket; a moment for the server to read the request's head (a
        // connection whose request has not begun is idle, and closing the server cuts idle connections).
        await new Promise((resolve) => setTimeout(resolve, 1000));
        interrupt();
        controller.enqueue(parts[1]);
        controller.close();
      }
    },
  });
  const init: RequestInit & { duplex: 'half' } = {
    method: 'POST',
    body,
    duplex: 'half',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
  return { init };
}
