/**
 * Starts the real Préjury server for a browser test: `node --import tsx server/src/index.ts` on a free port,
 * with a fresh embedded database in a temporary folder and no model key (offline analyzer), serving the
 * BUILT web app from dist/web. Resolves once `GET /api/health` answers 200.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../server/src/lib/testing/free-port';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface RunningServer {
  url: string;
  dataDir: string;
  /** Everything the server printed, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

function exited(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** The password of the demo accounts the e2e server seeds (see DESIGN.md: demo accounts). */
export const E2E_PASSWORD = 'mot-de-passe-e2e';

/**
 * A `fetch` signed in as a demo user on the e2e server, sending our own Origin as the web app does:
 * what a script seeding data through the API holds.
 */
export async function apiAs(base: string, email: string) {
  const res = await fetch(`${base}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email, password: E2E_PASSWORD }),
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.includes('session_token='));
  if (!cookie) throw new Error(`sign-in failed for ${email}: ${res.status}`);
  return (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('cookie', cookie);
    headers.set('origin', base);
    return fetch(`${base}${path}`, { ...init, headers });
  };
}

export async function startServer({
  timeoutMs = 90_000,
  env: extraEnv = {},
}: {
  timeoutMs?: number;
  /** More settings for this server (e.g. `PREJURY_SMTP_URL` of an in-test mail server). */
  env?: Record<string, string>;
} = {}): Promise<RunningServer> {
  if (!existsSync(join(repoRoot, 'dist/web/index.html'))) {
    throw new Error('The web app is not built: run `npx vite build --config web/vite.config.ts` first.');
  }
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'prejury-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    PREJURY_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'test',
    PREJURY_DEMO_PASSWORD: E2E_PASSWORD,
    // Every test signs in from 127.0.0.1: the production limit (5 a minute) would trip.
    PREJURY_SIGNIN_MAX_PER_MINUTE: '100',
    ...extraEnv,
  };
  // No test reaches the internet: force the offline analyzer whatever the developer's shell holds.
  for (const key of [
    'DATABASE_URL',
    'OPENAI_API_KEY',
    'OPENAI_BASE_URL',
    'PREJURY_PROVIDER',
    'PREJURY_AUTH_SECRET',
  ])
    delete env[key];

  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/index.ts'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });

  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      if (!(await exited(child, 10_000))) {
        child.kill('SIGKILL');
        await exited(child, 5_000);
      }
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`The server exited with code ${child.exitCode} before it was ready:\n${output}`);
    }
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.status === 200) return { url, dataDir, output: () => output, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`The server was not ready after ${timeoutMs} ms:\n${output}`);
}
