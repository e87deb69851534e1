/**
 * Import rules for issue 19, read with the TypeScript compiler API (no regexes over code):
 *
 * 1. **Front doors.** A file under `server/src/features/<a>/` (tests excepted) imports another feature
 *    `<b>` only through `server/src/features/<b>/index.ts`, never `<b>/schemas`, `<b>/offline/…`.
 * 2. **No runtime cycles.** Value imports between modules (type-only imports are erased, so they cannot
 *    cycle at module init) form no cycle, inside a feature as well as across features, in `server/src` and
 *    in `web/src` (where a cycle shows only as a module read before its initialisation in the browser).
 *
 *   npx tsx scripts/import-check.ts [root]      (default: server/src, then web/src's cycles)
 *
 * Prints each finding and exits 1 when there is any; `server/src/import-rules.test.ts` runs the same
 * checks through `checkImports`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

interface Edge {
  from: string;
  to: string;
  typeOnly: boolean;
}

function* sourceFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'node_modules') yield* sourceFiles(path);
    } else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) {
      yield path;
    }
  }
}

function resolveLocal(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier.replace(/\.js$/, ''));
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    join(base, 'index.ts'),
    join(base, 'index.tsx'),
  ]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** Whether every binding of an import or export declaration is type-only (erased at run time). */
function isTypeOnly(node: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isImportDeclaration(node)) {
    const clause = node.importClause;
    if (!clause) return false; // `import './x'` runs the module
    if (clause.isTypeOnly) return true;
    if (clause.name) return false;
    const bindings = clause.namedBindings;
    if (!bindings || ts.isNamespaceImport(bindings)) return false;
    return bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
  }
  if (node.isTypeOnly) return true;
  const clause = node.exportClause;
  return (
    !!clause &&
    ts.isNamedExports(clause) &&
    clause.elements.length > 0 &&
    clause.elements.every((e) => e.isTypeOnly)
  );
}

function edgesOf(file: string): Edge[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const edges: Edge[] = [];
  const seen = new Set<string>();
  // Static imports and re-exports are top-level statements: no need to walk the whole tree.
  for (const node of source.statements) {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      const specifier = (node.moduleSpecifier as ts.StringLiteral).text;
      seen.add(specifier);
      const to = resolveLocal(file, specifier);
      if (to) edges.push({ from: file, to, typeOnly: isTypeOnly(node) });
    }
  }
  // Whatever else the file imports is a dynamic `import()`: it runs after module init, so it cannot make
  // an init-time cycle, but it is still a dependency for the front-door rule.
  for (const { fileName } of ts.preProcessFile(text, true, true).importedFiles) {
    if (seen.has(fileName)) continue;
    const to = resolveLocal(file, fileName);
    if (to) edges.push({ from: file, to, typeOnly: true });
  }
  return edges;
}

const isTest = (file: string) => /\.test\.tsx?$/.test(file) || /test-helpers\.ts$/.test(file);

/** `features/<name>/…` → `<name>`, else undefined. */
function featureOf(featuresDir: string, file: string): string | undefined {
  const rel = relative(featuresDir, file);
  if (rel.startsWith('..')) return undefined;
  const [name, ...rest] = rel.split(sep);
  return rest.length > 0 ? name : undefined;
}

/** Cycles among value imports (Tarjan's strongly connected components with more than one module). */
function cyclesOf(edges: Edge[]): string[][] {
  const graph = new Map<string, string[]>();
  for (const e of edges) {
    if (e.typeOnly) continue;
    graph.set(e.from, [...(graph.get(e.from) ?? []), e.to]);
  }
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const strongConnect = (v: string) => {
    indices.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indices.has(w)) {
        strongConnect(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) as number, indices.get(w) as number));
      }
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!indices.has(v)) strongConnect(v);
  return components;
}

export interface ImportReport {
  /** `from → to` for each import of another feature's internals. */
  frontDoor: string[];
  /** Each runtime import cycle, as the sorted list of its modules. */
  cycles: string[][];
}

/** Runs both checks over `root` (e.g. `server/src`); paths in the report are relative to `cwd`. */
export function checkImports(root: string, cwd = process.cwd()): ImportReport {
  const absRoot = resolve(cwd, root);
  const featuresDir = join(absRoot, 'features');
  const edges = [...sourceFiles(absRoot)].flatMap(edgesOf);
  const rel = (p: string) => relative(cwd, p);
  const frontDoor = edges
    .filter((e) => {
      const a = featureOf(featuresDir, e.from);
      const b = featureOf(featuresDir, e.to);
      if (!a || !b || a === b || isTest(e.from)) return false;
      return e.to !== join(featuresDir, b, 'index.ts');
    })
    .map((e) => `${rel(e.from)} → ${rel(e.to)}`);
  return {
    frontDoor: [...new Set(frontDoor)].sort(),
    cycles: cyclesOf(edges)
      .map((c) => c.map(rel))
      .sort((a, b) => a[0].localeCompare(b[0])),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const server = checkImports(process.argv[2] ?? 'server/src');
  // The web features have no front doors (no index.ts): only their cycles are checked.
  const web = process.argv[2] ? { cycles: [] } : checkImports('web/src');
  const cycles = [...server.cycles, ...web.cycles];
  for (const line of server.frontDoor) console.log(`front door: ${line}`);
  for (const cycle of cycles) console.log(`cycle: ${cycle.join(' ⇄ ')}`);
  console.log(
    `${server.frontDoor.length} import(s) of another feature's internals, ${cycles.length} cycle(s)`,
  );
  process.exit(server.frontDoor.length + cycles.length > 0 ? 1 : 0);
}
