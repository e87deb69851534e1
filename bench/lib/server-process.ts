import { type ChildProcess, spawn } from 'node:child_process';
import { openSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * This process's environment without any model, database or Préjury setting (nothing of the shell leaks into
 * a measure), then `values`.
 */
export function cleanServerEnv(values: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key.startsWith('OPENAI_') || key.startsWith('PREJURY_') || key === 'DATABASE_URL') delete env[key];
  }
  return Object.assign(env, values);
}

/**
 * Node options for the benchmarked server, from `PREJURY_BENCH_NODE_ARGS` (space-separated): to profile
 * what a figure measures (`--cpu-prof --cpu-prof-dir=/tmp/prof`, `--trace-gc`) without changing it otherwise.
 */
function nodeArgs(): string[] {
  return process.env.PREJURY_BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
}

/**
 * The real production server (`entry`: the built server, see built-server.ts) on `port` (offline analyzer, public address 127.0.0.1, a review allowance no
 * bench reaches), its output appended to `dir/server.log`; `values` add to or override that environment.
 */
export function spawnBenchServer(entry: string, port: number, dir: string, values: Record<string, string>) {
  const env = cleanServerEnv({
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    PREJURY_PROVIDER: 'offline',
    // Production checks the Origin of sign-in requests against the public address.
    PREJURY_PUBLIC_URL: `http://127.0.0.1:${port}`,
    // Many reviews in a few minutes by one candidate: well above the production allowance.
    PREJURY_REVIEWS_PER_HOUR: '1000',
    ...values,
  });
  const logFd = openSync(path.join(dir, 'server.log'), 'a');
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs(), entry], {
    cwd: ROOT,
    env,
    stdio: ['ignore', logFd, logFd],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  /** SIGTERM, SIGKILL if it is still up 15 s later; resolves once it has exited. */
  const stop = async () => {
    if (child.exitCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };
  return { child, stop };
}
