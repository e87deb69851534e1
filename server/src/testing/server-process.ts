import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const repoRoot = new URL('../../../', import.meta.url);

/**
 * The real server in a child process, its stderr kept for failures: from the sources
 * (`node --import tsx server/src/index.ts`), or the built entry `built` (`node dist/server/server/src/index.js`,
 * see scripts/build-server.ts) on plain Node.
 */
export function spawnServer(env: NodeJS.ProcessEnv, preloads: string[] = [], built?: string) {
  const imports = preloads.flatMap((file) => ['--import', file]);
  const args = built ? [...imports, built] : ['--import', 'tsx', ...imports, 'server/src/index.ts'];
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += String(d);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, stderr: () => stderr };
}

/** Waits until `/api/health` answers 200; throws with the server's stderr if it exits or `withinMs` passes. */
export async function waitForHealth(port: number, server: ReturnType<typeof spawnServer>, withinMs: number) {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (server.child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`server did not start: ${server.stderr()}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Packages a server at rest does not need, each megabytes resident once loaded (issue #17, idle memory):
 * what only a remote model uses, and the SMTP client (loaded with the first mail).
 */
export const NOT_AT_REST = ['openai', '@langchain/core', 'js-tiktoken', 'nodemailer'];

/** The packages (`node_modules/<name>/…`) among module URLs, as `loaded-modules.mjs` records them. */
export function packagesIn(urls: string[]): Set<string> {
  const names = new Set<string>();
  for (const url of urls) {
    const match = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
    if (match?.[1]) names.add(match[1]);
  }
  return names;
}

/**
 * A production server (offline provider, its data folder in `dir`, a random port) that records the modules
 * it loads (`loaded-modules.mjs`): from the sources, or the built entry `built`.
 */
export function spawnRecordingServer(dir: string, env: NodeJS.ProcessEnv, built?: string) {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const record = join(dir, 'modules.txt');
  const server = spawnServer(
    {
      NODE_ENV: 'production',
      PORT: String(port),
      PREJURY_PROVIDER: 'offline',
      PREJURY_DATA_DIR: join(dir, 'data'),
      PREJURY_LOADED_MODULES: record,
      PREJURY_PUBLIC_URL: `http://127.0.0.1:${port}`,
      ...env,
    },
    ['./server/src/testing/loaded-modules.mjs'],
    built,
  );
  const loaded = () => readFileSync(record, 'utf8').split('\n');
  return { ...server, port, base: `http://127.0.0.1:${port}`, loaded };
}
