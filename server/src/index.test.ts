import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** Starts real server processes (tsx, PGlite, migrations, pg-boss): slow to boot on a loaded 2-core box. */
const SERVER_TEST_MS = 180_000;
const repoRoot = new URL('../../', import.meta.url);
const dataDir = mkdtempSync(join(tmpdir(), 'prejury-index-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function start(port: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/index.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PREJURY_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += String(d);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, stderr: () => stderr };
}

describe('npm start on the embedded database', () => {
  it(
    'refuses a second server on the same data folder, and the first closes cleanly on SIGTERM',
    async () => {
      const port = 20000 + Math.floor(Math.random() * 20000);
      const first = start(port);
      const deadline = Date.now() + 90_000;
      for (;;) {
        const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
          (r) => r.ok,
          () => false,
        );
        if (ok) break;
        if (Date.now() > deadline) throw new Error(`server did not start: ${first.stderr()}`);
        await new Promise((r) => setTimeout(r, 200));
      }
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
