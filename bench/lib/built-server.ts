import path from 'node:path';
import { buildServer } from '../../scripts/build-server';

let built: Promise<{ server: string; worker: string }> | undefined;

/**
 * The production server and worker (`npm start`: plain Node on `dist/server`, no tsx), built once per
 * benchmark run so that a stale build is never measured (esbuild, about a second).
 */
export function builtServer() {
  built ??= buildServer().then(({ outDir, entry }) => ({
    server: entry,
    worker: path.join(outDir, 'server/src/worker.js'),
  }));
  return built;
}
