/**
 * Why does a case score differently in two formats? Reviews two renderings of one case offline and prints,
 * for every criterion whose score differs, both scores with their evidence, then the lines found in one
 * extracted text and not in the other (spaces folded), each with the block it ends (`¶`) or runs on in.
 *
 *   npx tsx evals/scripts/compare-formats.ts <case id> [format] [reference format]
 *   npx tsx evals/scripts/compare-formats.ts b6-management-interculturel/partial libreoffice docx
 *   npx tsx evals/scripts/compare-formats.ts b3-prospection/partial chromium docx K3   (and K3's flags, missing, evidence)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../server/src/lib/env';
import { loadManifest } from '../lib/formats';
import { createEvalLogger, createHarness, type DossierRun, reviewFile } from '../lib/run-case';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const [id, format = 'libreoffice', reference = 'docx', show] = process.argv.slice(2);
if (!id) {
  console.error('usage: compare-formats.ts <case id> [format] [reference format] [criterion id]');
  process.exit(2);
}
const renderings = loadManifest().renderings[id];
if (!renderings) throw new Error(`no renderings for ${id}`);
const examId = id.split('/')[0] ?? '';
const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
const harness = await createHarness(config, createEvalLogger(config));

async function review(name: string): Promise<DossierRun> {
  const rendering = renderings?.find((r) => r.format === name);
  if (!rendering) throw new Error(`${id} has no ${name} rendering`);
  const bytes = new Uint8Array(readFileSync(path.join(REPO_ROOT, rendering.file)));
  return reviewFile(harness, { examId, fileName: path.basename(rendering.file), bytes });
}

const a = await review(reference);
const b = await review(format);
await harness.close();
console.log(`${id}: ${reference} ${a.report?.overall.score} · ${format} ${b.report?.overall.score}`);
for (const ca of a.report?.criteria ?? []) {
  const cb = b.report?.criteria.find((c) => c.id === ca.id);
  if (!cb || cb.score === ca.score) continue;
  console.log(`\n${ca.id}: ${reference} ${ca.score} → ${format} ${cb.score}`);
  for (const [name, c] of [
    [reference, ca],
    [format, cb],
  ] as const) {
    console.log(
      `  ${name}: ${c.evidence.map((e) => `p.${e.page} « ${e.quote.slice(0, 90)} »`).join('\n    ')}`,
    );
  }
}
// A line ending its block is marked `¶`: a paragraph split or joined differently shows up too.
const paragraphs = (run: DossierRun) =>
  new Set(
    run.pages.flatMap((p) =>
      p.text.split(/\n\n+/).flatMap((block) => {
        const lines = block.split('\n').map((l) => l.replace(/[ \t]+/g, ' ').trim());
        return lines.map((l, i) => (i === lines.length - 1 ? `${l} ¶` : l));
      }),
    ),
  );
const pa = paragraphs(a);
const pb = paragraphs(b);
console.log(`\nOnly in ${reference}:`);
for (const p of pa) if (!pb.has(p)) console.log(`  ${p.slice(0, 160)}`);
console.log(`Only in ${format}:`);
for (const p of pb) if (!pa.has(p)) console.log(`  ${p.slice(0, 160)}`);
console.log(`\npages: ${reference} ${a.pages.length}, ${format} ${b.pages.length}`);
if (show) {
  for (const run of [a, b]) {
    const c = run.report?.criteria.find((x) => x.id === show);
    console.log(JSON.stringify({ flags: c?.flags, missing: c?.missing, evidence: c?.evidence }, null, 1));
  }
}
