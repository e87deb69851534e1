/**
 * Builds the binary eval cases (DOCX and PDF) from the Markdown-ish sources in `evals/scripts/sources/`.
 *
 *   npx tsx evals/scripts/build-binary-cases.ts [--heldout] [name filter…]
 *
 * Each source starts with a front-matter block (`out`, `title`, `author`, `header`, optional `subject`,
 * `description`, `keywords`, `comment`, `commentAuthor`) followed by a Markdown subset: `#`–`###` headings,
 * one paragraph per line, `- ` and `1. ` lists, pipe tables, `**bold**` and `*italic*`. Directive lines plant
 * the hidden text the adversarial cases need:
 *
 * - `@white: text`  — text in white, normal size (DOCX `color: FFFFFF`, PDF `rgb(1, 1, 1)`);
 * - `@vanish: text` — DOCX hidden run (`w:vanish`); in a PDF, treated like `@tiny`;
 * - `@tiny: text`   — white text at 1 pt;
 * - `@pagebreak`    — forces a new page.
 *
 * The output is byte-stable: dates are fixed, and DOCX archives are re-zipped with fixed entry dates, so
 * rebuilding without changing a source leaves `git status` clean. The PDFs are laid out like a word-processor
 * export (A4, 2.5 cm margins, running header, "Page n / N" footer, ≈450 words per page of running text).
 *
 * The parts live in `binary/`: `source.ts` (front matter and blocks), `docx.ts` (the DOCX builder), `pdf.ts` and
 * `pdf-layout.ts` (the pdf-lib builder and its page layout); `build-renderings.ts` reuses the builders.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { plain } from '../lib/source';
import { buildDocx } from './binary/docx';
import { buildPdf } from './binary/pdf';
import { parseSource } from './binary/source';

const here = path.dirname(fileURLToPath(import.meta.url));
// `--heldout`: the held-out part's sources (`cases/heldout/sources/`), written under `cases/heldout/`.
const heldout = process.argv.includes('--heldout');
const casesDir = path.resolve(here, '..', 'cases', ...(heldout ? ['heldout'] : []));
export const sourcesDir = heldout ? path.join(casesDir, 'sources') : path.join(here, 'sources');

// ---------------------------------------------------------------------------------------------------------------

async function main() {
  const only = process.argv.slice(2).filter((a) => a !== '--heldout');
  const files = readdirSync(sourcesDir)
    .filter((f) => f.endsWith('.md'))
    .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
    .sort();
  for (const name of files) {
    const src = parseSource(path.join(sourcesDir, name));
    const out = path.join(casesDir, src.meta.out ?? '');
    const words = src.blocks
      .flatMap((b) => {
        if (b.kind === 'table') return [...b.header, ...b.rows.flat()].map(plain);
        if (b.kind === 'hidden') return [b.text];
        if (b.kind === 'pagebreak' || b.kind === 'section') return [];
        return [plain(b.spans)];
      })
      .join(' ')
      .split(/\s+/)
      .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    if (out.endsWith('.docx')) {
      writeFileSync(out, await buildDocx(src));
      console.log(`${path.relative(process.cwd(), out)}  ${words} words`);
    } else if (out.endsWith('.pdf')) {
      const { bytes, pages, replaced } = await buildPdf(src);
      writeFileSync(out, bytes);
      const note = replaced.length > 0 ? `  (replaced for WinAnsi: ${replaced.join(' ')})` : '';
      console.log(`${path.relative(process.cwd(), out)}  ${words} words, ${pages} pages${note}`);
    } else {
      throw new Error(`${name}: "out" must end in .docx or .pdf`);
    }
  }
}

// Run only as a command: `build-renderings.ts` imports the builders.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
