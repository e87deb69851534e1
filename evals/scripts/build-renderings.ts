/**
 * Renders every eval case in every format a candidate may upload, from the case's own source (its Markdown, or
 * for the binary cases the `sources/*.md` that `build-binary-cases.ts` builds them from):
 *
 *   npx tsx evals/scripts/build-renderings.ts [filter…]
 *   npx tsx evals/scripts/build-renderings.ts --manifest-only   (part pages read again, nothing rendered)
 *
 * - `markdown`    the Markdown source (the case file itself for Markdown cases);
 * - `docx`        Word-like DOCX (`binary/docx.ts`'s builder: running header, "Page n / N" footer);
 * - `libreoffice` that DOCX exported by LibreOffice (`soffice --headless --convert-to pdf`);
 * - `chromium`    the source as HTML printed by Chromium (playwright-core `page.pdf()`, `displayHeaderFooter`
 *                 with a running header and a "Page n / N" footer);
 * - `pdf-lib`     a PDF written by a library (`binary/pdf.ts`'s pdf-lib layout);
 * - `chromium-borderless`  (layout fixtures only) the Chromium rendering with its tables' borders and
 *                 shading off, as a Word or Google Docs table without borders prints: read from column
 *                 alignment alone.
 *
 * Writes `evals/renderings/<exam>/<name>.<format>.<ext>` and `evals/renderings/manifest.json`: per case and
 * rendering, its file, page count, running header and, for PDFs, the page each source part starts on (read
 * back with `pdftotext`, page by page). The outputs are committed so that the evals need neither LibreOffice,
 * Chromium nor poppler; they are byte-stable (dates and document ids fixed), so a rebuild on the same machine
 * leaves `git status` clean. Needs `soffice` (Debian `libreoffice-writer-nogui`), `/usr/bin/chromium` and
 * `pdftotext` (poppler-utils).
 */
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { getExam } from '../../server/src/features/referential/index';
import { type EvalCase, loadCases } from '../lib/cases';
import { locateParts } from '../lib/fidelity';
import {
  type Format,
  formatsOf,
  loadManifest,
  MANIFEST_FILE,
  type Manifest,
  partsOf,
  RENDERINGS_DIR,
  type Rendering,
} from '../lib/formats';
import {
  type Block,
  blocksFromMarkdown,
  markdownFromBlocks,
  plain,
  type Span,
  sourceParts,
} from '../lib/source';
import { buildDocx } from './binary/docx';
import { buildPdf } from './binary/pdf';
import { parseSource } from './binary/source';
import { sourcesDir } from './build-binary-cases';
import { layoutDocuments } from './layout-documents';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const EXTENSIONS: Record<Format, string> = {
  markdown: '.md',
  docx: '.docx',
  libreoffice: '.libreoffice.pdf',
  chromium: '.chromium.pdf',
  'chromium-borderless': '.chromium-borderless.pdf',
  'pdf-lib': '.pdf-lib.pdf',
};

interface Job {
  /** The case id, or `layout/<name>` for a fixture-only document. */
  id: string;
  caseFile: string | null;
  meta: Record<string, string>;
  blocks: Block[];
  /** Where the `markdown` rendering comes from when it is not written here. */
  markdownFile: string | null;
}

function jobFor(evalCase: EvalCase): Job {
  const ext = path.extname(evalCase.file).toLowerCase();
  const exam = getExam(evalCase.examId);
  const header = `Dossier RNCP Manager du développement commercial — ${exam?.case ?? evalCase.examId}`;
  if (ext === '.md') {
    const blocks = blocksFromMarkdown(readFileSync(evalCase.dossierPath, 'utf8'));
    const first = blocks.find((b) => b.kind === 'heading');
    const title = first && 'spans' in first ? plain(first.spans) : evalCase.id;
    return {
      id: evalCase.id,
      caseFile: evalCase.dossierPath,
      meta: {
        title,
        author: 'Candidat',
        header,
        lang: exam?.modalities.language === 'en' ? 'en-GB' : 'fr-FR',
      },
      blocks,
      markdownFile: evalCase.dossierPath,
    };
  }
  const out = path.relative(path.join(repoRoot, 'evals', 'cases'), evalCase.dossierPath);
  const sourceFile = readdirSources().find((f) => parseSource(f).meta.out === out);
  if (!sourceFile) throw new Error(`${evalCase.id}: no source in ${sourcesDir} has out: ${out}`);
  const src = parseSource(sourceFile);
  return {
    id: evalCase.id,
    caseFile: evalCase.dossierPath,
    meta: src.meta,
    blocks: src.blocks,
    markdownFile: null,
  };
}

function readdirSources(): string[] {
  return execFileSync('ls', [sourcesDir], { encoding: 'utf8' })
    .split('\n')
    .filter((f) => f.endsWith('.md'))
    .map((f) => path.join(sourcesDir, f));
}

// ---------------------------------------------------------------------------------------------------------------
// Chromium

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

const spansHtml = (spans: Span[]) =>
  spans
    .map((s) => {
      let html = escapeHtml(s.text);
      if (s.italic) html = `<em>${html}</em>`;
      if (s.bold) html = `<strong>${html}</strong>`;
      return html;
    })
    .join('');

/** Tables without borders or shading: nothing but the alignment of their text shows their columns. */
const BORDERLESS_CSS = 'th, td { border: none; } th { background: none; }';

export function htmlOf(job: Pick<Job, 'meta' | 'blocks'>, options: { borderless?: boolean } = {}): string {
  const body: string[] = ['<section>'];
  let list: 'ul' | 'ol' | null = null;
  // Footnotes: a superscript call, and the notes at the foot of their section (HTML has no page footnotes).
  let notes: string[] = [];
  let noteNo = 0;
  const flushNotes = () => {
    if (notes.length > 0) body.push(`<div class="notes">${notes.join('')}</div>`);
    notes = [];
  };
  const closeList = () => {
    if (list) body.push(`</${list}>`);
    list = null;
  };
  for (const block of job.blocks) {
    if (block.kind !== 'bullet' && block.kind !== 'ordered') closeList();
    switch (block.kind) {
      case 'heading':
        body.push(`<h${block.level}>${spansHtml(block.spans)}</h${block.level}>`);
        break;
      case 'paragraph': {
        const calls = (block.notes ?? []).map((note) => {
          noteNo++;
          notes.push(`<p>${escapeHtml(note)}</p>`);
          return `<sup>${noteNo}</sup>`;
        });
        body.push(`<p>${spansHtml(block.spans)}${calls.join('')}</p>`);
        break;
      }
      case 'section': {
        flushNotes();
        const classes = [block.landscape ? 'landscape' : '', block.columns > 1 ? 'columns' : '']
          .join(' ')
          .trim();
        body.push('</section>', `<section class="${classes} new-page">`);
        break;
      }
      case 'bullet':
      case 'ordered': {
        const tag = block.kind === 'bullet' ? 'ul' : 'ol';
        if (list !== tag) {
          closeList();
          body.push(block.kind === 'ordered' ? `<ol start="${block.index}">` : '<ul>');
          list = tag;
        }
        body.push(`<li>${spansHtml(block.spans)}</li>`);
        break;
      }
      case 'table':
        body.push(
          '<table><thead><tr>',
          ...block.header.map((c) => `<th>${spansHtml(c)}</th>`),
          '</tr></thead><tbody>',
          ...block.rows.map(
            (r) => `<tr>${block.header.map((_, i) => `<td>${spansHtml(r[i] ?? [])}</td>`).join('')}</tr>`,
          ),
          '</tbody></table>',
        );
        break;
      case 'hidden':
        body.push(
          block.mode === 'white'
            ? `<p style="color:#fff">${escapeHtml(block.text)}</p>`
            : `<p style="color:#fff;font-size:1pt;line-height:1pt;margin:0">${escapeHtml(block.text)}</p>`,
        );
        break;
      case 'pagebreak':
        body.push('<div style="break-after:page"></div>');
        break;
    }
  }
  closeList();
  flushNotes();
  body.push('</section>');
  const lang = (job.meta.lang ?? 'fr-FR').slice(0, 2);
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(job.meta.title ?? '')}</title>
<style>
@page { size: A4; margin: 2.5cm 2.2cm 2.5cm 2.2cm; }
body { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt; line-height: 1.45; color: #1a1a1a; margin: 0; }
h1 { font-size: 17pt; margin: 0 0 10pt; } h2 { font-size: 13.5pt; margin: 14pt 0 6pt; } h3 { font-size: 11.5pt; margin: 10pt 0 4pt; }
h1, h2, h3 { break-after: avoid; }
p { margin: 0 0 6pt; text-align: justify; }
ul, ol { margin: 0 0 6pt; padding-left: 18pt; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; line-height: 1.3; margin: 4pt 0 10pt; }
thead { display: table-header-group; }
th { background: #d9e2f3; text-align: left; }
th, td { border: 0.5pt solid #8c8c8c; padding: 3pt 4pt; vertical-align: top; }
tr { break-inside: avoid; }
@page wide { size: A4 landscape; }
section.new-page { break-before: page; }
section.landscape { page: wide; }
section.columns { column-count: 2; column-gap: 1cm; }
.notes { border-top: 0.5pt solid #999; margin-top: 12pt; padding-top: 4pt; font-size: 8pt; }
.notes p { margin: 0 0 3pt; text-align: left; }
${options.borderless ? BORDERLESS_CSS : ''}
</style></head><body>
${body.join('\n')}
</body></html>`;
}

const headerTemplate = (header: string) =>
  `<div style="font-size:8px;color:#666;width:100%;margin:0 2.2cm;font-family:'DejaVu Sans'">${escapeHtml(header)}</div>`;
const FOOTER_TEMPLATE =
  '<div style="font-size:8px;color:#666;width:100%;text-align:center;font-family:\'DejaVu Sans\'">Page <span class="pageNumber"></span> / <span class="totalPages"></span></div>';

// ---------------------------------------------------------------------------------------------------------------
// Byte stability

/**
 * Overwrites what changes from run to run in a PDF (creation and modification dates, the document id, XMP
 * ids and dates) with fixed characters of the same length, so the cross-reference offsets stay valid.
 */
export function stabilizePdf(bytes: Uint8Array): Uint8Array {
  let text = Buffer.from(bytes).toString('latin1');
  const same = (m: string, ch: string) => ch.repeat(m.length);
  const fixedDate = (date: string) => {
    let i = 0;
    return date.replace(/\d/g, () => '20240614093000000000'[i++] ?? '0');
  };
  text = text.replace(
    /(\/(?:CreationDate|ModDate)\s*\(D:)([^)]*)(\))/g,
    (_m, a, d: string, c) => `${a}${fixedDate(d)}${c}`,
  );
  text = text.replace(/(\/ID\s*\[\s*<)([0-9A-Fa-f]+)(>\s*<)([0-9A-Fa-f]+)(>)/g, (_m, a, x, b, y, c) => {
    return `${a}${same(x, '0')}${b}${same(y, '0')}${c}`;
  });
  text = text.replace(/(\/DocChecksum\s*\/)([0-9A-Fa-f]+)/g, (_m, a, x: string) => `${a}${same(x, '0')}`);
  text = text.replace(
    /(<xmp(?:MM)?:(?:CreateDate|ModifyDate|MetadataDate|DocumentID|InstanceID)>)([^<]*)(<)/g,
    (_m, a, v: string, c) => `${a}${same(v, '0')}${c}`,
  );
  text = text.replace(
    /(xmpMM:(?:DocumentID|InstanceID)=")([^"]*)(")/g,
    (_m, a, v: string, c) => `${a}${same(v, '0')}${c}`,
  );
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

function pdfPages(file: string): string[] {
  const out = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const pages = out.split('\f');
  if (pages[pages.length - 1]?.trim() === '') pages.pop();
  return pages;
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * `--manifest-only`: the page count and part pages of the committed PDFs read again (after a change to
 * `locateParts` or to a case's Markdown parts), without rendering anything.
 */
function refreshManifest(): void {
  const manifest = loadManifest();
  for (const renderings of Object.values(manifest.renderings)) {
    const parts = partsOf(renderings);
    for (const r of renderings) {
      if (!r.file.endsWith('.pdf')) continue;
      const pages = pdfPages(path.join(repoRoot, r.file));
      r.pages = pages.length;
      r.partPages = locateParts(parts, pages);
    }
  }
  writeManifest(manifest);
}

function writeManifest(manifest: Manifest): void {
  const sorted = Object.fromEntries(Object.entries(manifest.renderings).sort(([a], [b]) => (a < b ? -1 : 1)));
  writeFileSync(MANIFEST_FILE, `${JSON.stringify({ renderings: sorted }, null, 2)}\n`);
  // Laid out as `npm run lint` wants it, so that a rebuild leaves the file as committed.
  execFileSync(path.join(repoRoot, 'node_modules', '.bin', 'biome'), ['format', '--write', MANIFEST_FILE], {
    stdio: 'ignore',
  });
  process.stderr.write(
    `${Object.keys(sorted).length} documents in ${path.relative(repoRoot, MANIFEST_FILE)}\n`,
  );
}

async function main() {
  if (process.argv.includes('--manifest-only')) {
    refreshManifest();
    return;
  }
  const only = process.argv.slice(2);
  const { cases } = loadCases();
  // The held-out cases are reviewed as they are (frozen before any tuning), not rendered in every format.
  const rendered = cases.filter((c) => c.split !== 'heldout');
  const jobs: Job[] = [...rendered.map(jobFor), ...layoutDocuments()].filter(
    (j) => only.length === 0 || only.some((o) => j.id.includes(o)),
  );
  const work = mkdtempSync(path.join(tmpdir(), 'prejury-renderings-'));
  const previous: Manifest = existsSync(MANIFEST_FILE)
    ? (JSON.parse(readFileSync(MANIFEST_FILE, 'utf8')) as Manifest)
    : { renderings: {} };
  const manifest: Manifest = { renderings: only.length > 0 ? { ...previous.renderings } : {} };
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--font-render-hinting=none'],
  });
  try {
    const outFile = (job: Job, format: Format) => path.join(RENDERINGS_DIR, `${job.id}${EXTENSIONS[format]}`);
    const docxFor = new Map<string, string>();
    for (const job of jobs) {
      mkdirSync(path.dirname(outFile(job, 'docx')), { recursive: true });
      const caseExt = job.caseFile ? path.extname(job.caseFile).toLowerCase() : '';
      // Markdown
      if (!job.markdownFile) writeFileSync(outFile(job, 'markdown'), markdownFromBlocks(job.blocks));
      // DOCX (the case file itself when the case is a DOCX built from this source)
      const docx = caseExt === '.docx' && job.caseFile ? job.caseFile : outFile(job, 'docx');
      if (docx !== job.caseFile) writeFileSync(docx, await buildDocx(job));
      docxFor.set(job.id, docx);
      // pdf-lib
      if (!(caseExt === '.pdf' && job.caseFile))
        writeFileSync(outFile(job, 'pdf-lib'), (await buildPdf(job)).bytes);
      // Chromium (and, for the layout fixtures, without table borders)
      for (const format of formatsOf(job.id).filter((f) => f.startsWith('chromium'))) {
        const page = await browser.newPage();
        await page.setContent(htmlOf(job, { borderless: format === 'chromium-borderless' }), {
          waitUntil: 'load',
        });
        const pdf = await page.pdf({
          format: 'A4',
          printBackground: true,
          preferCSSPageSize: true,
          displayHeaderFooter: true,
          headerTemplate: headerTemplate(job.meta.header ?? job.meta.title ?? ''),
          footerTemplate: FOOTER_TEMPLATE,
          margin: { top: '2.5cm', bottom: '2.5cm', left: '2.2cm', right: '2.2cm' },
          tagged: false,
          outline: false,
        });
        await page.close();
        writeFileSync(outFile(job, format), stabilizePdf(pdf));
      }
      process.stderr.write(
        `${job.id}: markdown, docx, pdf-lib, ${formatsOf(job.id)
          .filter((f) => f.startsWith('chromium'))
          .join(', ')}\n`,
      );
    }

    // LibreOffice: one process converts every DOCX (starting it costs seconds), in a private profile.
    const inputs: string[] = [];
    for (const job of jobs) {
      const copy = path.join(work, `${job.id.replace(/\//g, '__')}.docx`);
      copyFileSync(docxFor.get(job.id) as string, copy);
      inputs.push(copy);
    }
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${path.join(work, 'profile')}`,
        '--headless',
        '--convert-to',
        'pdf:writer_pdf_Export',
        '--outdir',
        path.join(work, 'pdf'),
        ...inputs,
      ],
      { stdio: ['ignore', 'ignore', 'inherit'], timeout: 600_000 },
    );
    for (const job of jobs) {
      const produced = path.join(work, 'pdf', `${job.id.replace(/\//g, '__')}.pdf`);
      writeFileSync(outFile(job, 'libreoffice'), stabilizePdf(new Uint8Array(readFileSync(produced))));
    }

    // The manifest: where each rendering is, its pages, and the page of each source part.
    for (const job of jobs) {
      const caseExt = job.caseFile ? path.extname(job.caseFile).toLowerCase() : '';
      // The parts the evals measure against: the Markdown rendering's (`formats.ts`), where footnotes are
      // paragraphs of their own, so that `partPages` lines up with them index for index.
      const markdownFile = job.markdownFile ?? outFile(job, 'markdown');
      const parts = sourceParts(blocksFromMarkdown(readFileSync(markdownFile, 'utf8')));
      const renderings: Rendering[] = [];
      for (const format of formatsOf(job.id)) {
        let file = outFile(job, format);
        if (format === 'markdown' && job.markdownFile) file = job.markdownFile;
        if (format === 'docx') file = docxFor.get(job.id) as string;
        if (format === 'pdf-lib' && caseExt === '.pdf' && job.caseFile) file = job.caseFile;
        const rendering: Rendering = {
          format,
          file: path.relative(repoRoot, file),
          header: job.meta.header ?? job.meta.title ?? '',
          pages: null,
          partPages: null,
        };
        if (file.endsWith('.pdf')) {
          const pages = pdfPages(file);
          rendering.pages = pages.length;
          rendering.partPages = locateParts(parts, pages);
        }
        renderings.push(rendering);
      }
      manifest.renderings[job.id] = renderings;
    }
  } finally {
    await browser.close();
    rmSync(work, { recursive: true, force: true });
  }
  writeManifest(manifest);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
