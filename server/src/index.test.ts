import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnServer, waitForHealth } from './testing/server-process';

/** Starts real server processes (tsx, PGlite, migrations, pg-boss): slow to boot on a loaded 2-core box. */
const SERVER_TEST_MS = 180_000;
const dataDir = mkdtempSync(join(tmpdir(), 'prejury-index-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function start(port: number) {
  return spawnServer({ PORT: String(port), PREJURY_DATA_DIR: dataDir });
}

describe('npm start on the embedded database', () => {
  it(
    'refuses a second server on the same data folder, and the first closes cleanly on SIGTERM',
    async () => {
      const port = 20000 + Math.floor(Math.random() * 20000);
      const first = start(port);
      await waitForHealth(port, first, 90_000);
      const second = start(port + 1);
      expect(await second.exited).toBe(1);
      expect(second.stderr()).toMatch(/data folder .* is already in use by another Préjury process/);

      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);
      expect(existsSync(join(dataDir, 'prejury.lock'))).toBe(false);
    },
    SERVER_TEST_MS,
  );
});
