import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * PGlite's settings for a long-running server. PostgreSQL's default 128 MB of shared buffers live in
 * PGlite's WebAssembly memory, which never shrinks; 16 MB serve our working set (reports are served from
 * memory, lookups are by index) and keep about 100 MB off the idle process.
 */
export const PGLITE_SERVER_PARAMS = ['-c', 'shared_buffers=16MB'];

/**
 * Creates and migrates a new PGlite data folder in a short-lived child process. `initdb` inside PGlite
 * grows its WebAssembly memory by a few hundred megabytes that a WebAssembly memory never gives back (and a
 * worker thread's allocations stay in this process's heap): done here, that growth stayed for the life of
 * the server. Does nothing when the folder already holds a database.
 */
export async function initPgliteDataDir(dataDir: string): Promise<void> {
  if (existsSync(path.join(dataDir, 'PG_VERSION'))) return;
  const script = fileURLToPath(new URL(`./pglite-setup-child.${TS ? 'ts' : 'js'}`, import.meta.url));
  // Under tsx (the app) and Vitest this module is TypeScript: the child loads tsx's ESM loader too.
  const args = TS ? ['--import', import.meta.resolve('tsx/esm'), script, dataDir] : [script, dataDir];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-2000);
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error(`PGlite setup of ${dataDir} failed (exit ${code}): ${stderr.trim()}`);
}

const TS = import.meta.url.endsWith('.ts');
