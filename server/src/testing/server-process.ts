import { spawn } from 'node:child_process';

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
