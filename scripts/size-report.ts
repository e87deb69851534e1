/**
 * Size report for issue 19's « Done when »: logic files over 600 lines and functions or closures over 150
 * lines, read with the TypeScript compiler API (no regexes over code).
 *
 *   npx tsx scripts/size-report.ts [--tests] [--max-file N] [--max-function N] [folders…]
 *
 * Default folders: server, web/src, db, evals, bench, scripts. Tests (`*.test.ts(x)`, `web/e2e`) and data
 * modules (`*.data.ts`) are left out: the issue allows data to be longer, and tests are not logic; `--tests`
 * includes tests. Prints one line per finding and exits 0 (a report, not a gate).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  if (i === -1) return fallback;
  const value = Number(args[i + 1]);
  args.splice(i, 2);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};
const maxFile = flag('--max-file', 600);
const maxFunction = flag('--max-function', 150);
const withTests = args.includes('--tests');
const roots = args.filter((a) => !a.startsWith('--'));
const folders = roots.length > 0 ? roots : ['server', 'web/src', 'db', 'evals', 'bench', 'scripts'];
const cwd = process.cwd();

const SKIP_DIRS = new Set(['node_modules', 'dist', 'migrations', 'results', 'out', '.prejury']);

function* sourceFiles(dir: string): Generator<string> {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of entries) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (!SKIP_DIRS.has(name) && (withTests || name !== 'e2e')) yield* sourceFiles(path);
    } else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts') && !name.endsWith('.data.ts')) {
      if (withTests || !/\.test\.tsx?$/.test(name)) yield path;
    }
  }
}

/** A readable name for a function node: its declaration, the variable or property it is assigned to. */
function nameOf(node: ts.Node, source: ts.SourceFile): string {
  const named = node as { name?: ts.Node };
  if (named.name) return named.name.getText(source);
  const parent = node.parent;
  if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent))) {
    return parent.name.getText(source);
  }
  if (parent && ts.isCallExpression(parent)) return `callback of ${parent.expression.getText(source)}`;
  return '(anonymous)';
}

const lineOf = (source: ts.SourceFile, pos: number) => source.getLineAndCharacterOfPosition(pos).line + 1;

const longFiles: string[] = [];
const longFunctions: string[] = [];
for (const folder of folders) {
  for (const path of sourceFiles(join(cwd, folder))) {
    const text = readFileSync(path, 'utf8');
    const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
    const file = relative(cwd, path);
    const lines = source.getLineAndCharacterOfPosition(text.length).line + (text.endsWith('\n') ? 0 : 1);
    if (lines > maxFile) longFiles.push(`${String(lines).padStart(5)}  ${file}`);
    const visit = (node: ts.Node) => {
      if (ts.isFunctionLike(node) && (node as ts.FunctionLikeDeclaration).body) {
        const start = lineOf(source, node.getStart(source));
        const end = lineOf(source, node.getEnd());
        const length = end - start + 1;
        if (length > maxFunction) {
          longFunctions.push(`${String(length).padStart(5)}  ${file}:${start}  ${nameOf(node, source)}`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
}

const byLength = (a: string, b: string) => Number.parseInt(b, 10) - Number.parseInt(a, 10);
console.log(`Files over ${maxFile} lines (${longFiles.length}):`);
for (const line of longFiles.sort(byLength)) console.log(line);
console.log(`\nFunctions or closures over ${maxFunction} lines (${longFunctions.length}):`);
for (const line of longFunctions.sort(byLength)) console.log(line);
