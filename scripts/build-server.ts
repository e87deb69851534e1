/**
 * The production server build (issue #17, idle memory): every runtime TypeScript file of `server/src` and
 * `db` transpiled on its own by esbuild into `dist/server/`, keeping the repository's layout
 * (`dist/server/server/src/index.js`, `dist/server/db/client.js`, …), so the server runs on plain Node
 * without tsx's loader (its hooks thread and transformed-source caches cost tens of MB in a server at rest).
 *
 * - One output file per source file: dynamic `import()`s stay separate modules, loaded only when used.
 * - Relative specifiers (`./lib/env`, `../../db/lock`) get the `.js` Node's ESM resolver needs; packages
 *   stay imports of `node_modules`.
 * - What the server reads beside its code is copied to the same relative place, so each
 *   `new URL(…, import.meta.url)` holds as in the sources: `db/migrations/`, `db/*.mjs` (the PGlite
 *   thread), `prompts/` and the web build `dist/web/` (when built: run `npm run build:web` first).
 * - Written to a fresh folder, then swapped in: a process never starts from a half-written build.
 *
 * `npx tsx scripts/build-server.ts [outDir]` (default `dist/server`); `npm run build` runs it after the web.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCES = ['server/src', 'db'];
/** Copied as they are, relative to the repository root. */
const ASSETS = ['db/migrations', 'prompts', 'dist/web'];
const TS_SOURCE = /(?<!\.test|\.e2e)\.ts$/;

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)));
}

/** The file a relative specifier names, as Vite/tsx resolve it (`x` → `x.ts` or `x/index.ts`). */
function sourceFile(absolute: string): string {
  for (const candidate of [absolute, `${absolute}.ts`, path.join(absolute, 'index.ts')]) {
    if (path.extname(candidate) && existsSync(candidate)) return candidate;
  }
  throw new Error(`cannot resolve ${absolute}`);
}

/** Keeps every import external; rewrites relative ones to the emitted `.js` (or the copied `.mjs`). */
const externalImports: Plugin = {
  name: 'external-imports',
  setup(builder) {
    builder.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      if (!args.path.startsWith('.')) return { path: args.path, external: true };
      const file = sourceFile(path.resolve(args.resolveDir, args.path));
      let specifier = path.relative(args.resolveDir, file).replace(/\.ts$/, '.js').split(path.sep).join('/');
      if (!specifier.startsWith('.')) specifier = `./${specifier}`;
      return { path: specifier, external: true };
    });
  },
};

/** Builds the server into `outDir` (absolute, or relative to the repository root); returns its entry. */
export async function buildServer(outDir = 'dist/server'): Promise<{ outDir: string; entry: string }> {
  const target = path.resolve(ROOT, outDir);
  const fresh = `${target}.tmp-${process.pid}`;
  rmSync(fresh, { recursive: true, force: true });
  const files = SOURCES.flatMap(filesUnder);
  await build({
    absWorkingDir: ROOT,
    entryPoints: files.filter((file) => TS_SOURCE.test(file)),
    outdir: fresh,
    outbase: ROOT,
    bundle: true,
    plugins: [externalImports],
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
  });
  for (const file of files.filter((f) => f.endsWith('.mjs'))) {
    cpSync(path.join(ROOT, file), path.join(fresh, file));
  }
  for (const asset of ASSETS) {
    if (existsSync(path.join(ROOT, asset))) {
      mkdirSync(path.dirname(path.join(fresh, asset)), { recursive: true });
      cpSync(path.join(ROOT, asset), path.join(fresh, asset), { recursive: true });
    }
  }
  const old = `${target}.old-${process.pid}`;
  if (existsSync(target)) renameSync(target, old);
  renameSync(fresh, target);
  rmSync(old, { recursive: true, force: true });
  return { outDir: target, entry: path.join(target, 'server/src/index.js') };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const { outDir } = await buildServer(process.argv[2]);
  console.log(
    `server built into ${path.relative(process.cwd(), outDir)} in ${Math.round(performance.now() - started)} ms`,
  );
}
