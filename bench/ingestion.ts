/**
 * Ingestion: pages per second for generated PDF and DOCX dossiers of 10, 30 and 100 pages, in the calling
 * thread (`parseDocumentInProcess`) and through the parse pool of child processes (`parseDocument`, what the API uses),
 * beside Poppler's `pdftotext` on the same PDFs (a process spawned per file): `pdftotext -layout`, the
 * comparable job since we rebuild the layout (lines, columns, table cells), and plain `pdftotext` (raw text in
 * reading order) beside it; with the time per page and the memory one parse takes.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getDocumentProxy, getResolvedPDFJS } from 'unpdf';
import { sectionLanguage } from '../server/src/features/dossiers/ingest/language';
import {
  closeParsePool,
  parseDocument,
  parseDocumentInProcess,
} from '../server/src/features/dossiers/ingest/parse';
import { parsePdf } from '../server/src/features/dossiers/ingest/pdf';
import { type OpCodes, readOperators } from '../server/src/features/dossiers/ingest/pdf-ops';
import { installPdfjsPolyfills } from '../server/src/features/dossiers/ingest/pdfjs-polyfills';
import { sharingWorker } from '../server/src/features/dossiers/ingest/pdfjs-port';
import { finishDocument } from '../server/src/features/dossiers/ingest/pipeline';
import { benchDossier, dossierDocx, dossierPdf } from './lib/dossier';
import { log, median, quartiles, round, timeMs } from './lib/stats';

export const INGESTION_SIZES = [10, 30, 100] as const;
const PDFTOTEXT = '/usr/bin/pdftotext';

/**
 * Timed rounds per size: most for the 30-page PDF behind the headline ratio, fewer for the long documents
 * (a round of 100 pages takes about two seconds).
 */
export const RUNS: Record<number, number> = { 10: 9, 30: 25, 100: 5 };
/** Runs behind the 30-page breakdown (where the time goes; no ratio is taken from them). */
const BREAKDOWN_RUNS = 9;
/** Untimed rounds first, every contender in each: pdfjs's code gets compiled, the page cache filled for all. */
export const WARM_UP_ROUNDS = 2;

/** Quartiles of a list of samples (ms or ratios), rounded. */
export interface Spread {
  median: number;
  q1: number;
  q3: number;
}

function spread(values: readonly number[], digits: number): Spread {
  const q = quartiles(values);
  return { median: round(q.median, digits), q1: round(q.q1, digits), q3: round(q.q3, digits) };
}

type Contender =
  | 'pdf'
  | 'pdfWorker'
  | 'docx'
  | 'docxWorker'
  | 'poppler'
  | 'popplerLayout'
  | 'pdfCpu'
  | 'popplerLayoutCpu';

/**
 * Interleaved rounds: each times every contender once (ours in-process and through the parse pool for the
 * PDF and the DOCX, `pdftotext -layout` and plain `pdftotext` on the PDF's file), so a slow moment of the
 * machine hits every contender of that round alike, and ratios are taken within a round. The order turns by
 * one each round, so that no contender always runs first (or right after our parse's garbage). The first
 * `WARM_UP_ROUNDS` rounds are not kept.
 */
async function timeRounds(pages: number, pdf: Uint8Array, docx: Uint8Array, file: string) {
  // CPU times (ms), sampled by the contenders that measure them: ours from the process's own usage
  // around the in-process parse, `pdftotext -layout`'s from its shell's `times` (a run of its own).
  const cpu = { pdf: 0, poppler: 0 };
  const contenders: [Contender, () => Promise<unknown>][] = [
    [
      'pdf',
      async () => {
        const before = process.cpuUsage();
        await parseDocumentInProcess(pdf, { fileName: 'd.pdf' });
        const used = process.cpuUsage(before);
        cpu.pdf = (used.user + used.system) / 1000;
      },
    ],
    [
      'popplerLayoutCpu',
      async () => {
        cpu.poppler = await pdftotextCpuMs(file);
      },
    ],
    ['popplerLayout', () => runPdftotext(file, true)],
    ['poppler', () => runPdftotext(file)],
    ['pdfWorker', () => parseDocument(pdf, { fileName: 'd.pdf', timeoutMs: 60_000 })],
    ['docx', () => parseDocumentInProcess(docx, { fileName: 'd.docx' })],
    ['docxWorker', () => parseDocument(docx, { fileName: 'd.docx', timeoutMs: 60_000 })],
  ];
  const times: Record<Contender, number[]> = {
    pdf: [],
    pdfWorker: [],
    docx: [],
    docxWorker: [],
    poppler: [],
    popplerLayout: [],
    pdfCpu: [],
    popplerLayoutCpu: [],
  };
  for (let pass = 0; pass < WARM_UP_ROUNDS + RUNS[pages]; pass++) {
    for (let k = 0; k < contenders.length; k++) {
      const [key, run] = contenders[(k + pass) % contenders.length];
      const ms = await timeMs(run);
      if (pass < WARM_UP_ROUNDS || key === 'popplerLayoutCpu') continue;
      times[key].push(ms);
    }
    if (pass < WARM_UP_ROUNDS) continue;
    times.pdfCpu.push(cpu.pdf);
    times.popplerLayoutCpu.push(cpu.poppler);
  }
  return times;
}

export interface FormatFigures {
  pages: number;
  bytes: number;
  words: number;
  /** Median ms, in the calling thread. */
  inProcessMs: number;
  inProcessPagesPerSecond: number;
  /** Median ms through the warm parse pool (the IPC copy both ways included). */
  workerMs: number;
  workerPagesPerSecond: number;
}

export interface IngestionResult {
  sizes: {
    pages: number;
    pdf: FormatFigures;
    docx: FormatFigures;
    /** Timed rounds (after `WARM_UP_ROUNDS` untimed ones) behind every figure of this size. */
    rounds: number;
    /** Quartiles of the rounds' times, in ms: ours in-process, `pdftotext -layout`, plain `pdftotext`. */
    pdfSpreadMs: Spread;
    pdftotextLayoutSpreadMs: Spread;
    pdftotextSpreadMs: Spread;
    /**
     * Quartiles of the per-round ratios (ours in-process ÷ the other, both timed in the same round):
     * against `pdftotext -layout`, against plain `pdftotext`, and ours through the parse pool ÷ `-layout`.
     */
    overLayout: Spread;
    overPlain: Spread;
    workerOverLayout: Spread;
    /**
     * The same in CPU time (ours: the process's user + system time over the in-process parse, its idle
     * worker threads and pdfjs's zlib threads included; `pdftotext -layout`: its own, from a run of its own
     * in the round): the work done, far less moved by other load on the machine than elapsed time.
     */
    cpuOverLayout: Spread;
    pdfCpuSpreadMs: Spread;
    pdftotextLayoutCpuSpreadMs: Spread;
    /** Median ms of `pdftotext file.pdf -` (process start included), output discarded. */
    pdftotextMs: number;
    pdftotextPagesPerSecond: number;
    /** Median ms of `pdftotext -layout file.pdf -` (process start included), output discarded. */
    pdftotextLayoutMs: number;
    pdftotextLayoutPagesPerSecond: number;
    /** Our in-process PDF parse, ms per page. */
    pdfMsPerPage: number;
    /**
     * Memory of one in-process PDF parse: the peak resident set above the one before it (sampled every 2 ms),
     * and the JS heap still held right after it, in MB.
     */
    pdfPeakRssMb: number;
    pdfHeapAfterMb: number;
  }[];
  /** Median ms of `pdftotext -v`: the process start included in every pdftotext time. */
  pdftotextStartMs: number;
  /** First `parseDocument` after start: a parse child's start-up (tsx loader, pdfjs) plus one 10-page parse. */
  workerColdStartMs: number;
  /**
   * Where the 30-page PDF's in-process time goes: `parsePdf` (pdfjs + line building) vs `finishDocument`;
   * inside the first, pdfjs's one pass over every page (`getOperatorList`) and our reading of it into
   * text runs, hidden text and shapes (`readOperators`); inside the second, the language detection run on
   * every section (`sections` of them).
   */
  breakdown30Pdf: {
    extractMs: number;
    finishMs: number;
    operatorListMs: number;
    textRunsMs: number;
    sections: number;
    sectionLanguagesMs: number;
  };
  /**
   * Median over the 30-page rounds of (in-process PDF ÷ `pdftotext -layout`), each round timing both (target
   * ≤ 2): the comparable job. Its interquartile range is `sizes[30].overLayout`.
   */
  extractionOverPdftotext: number;
  /** The same against plain `pdftotext` (no layout), for reference. */
  extractionOverPlainPdftotext: number;
  /** The same with the worker-pool time against `pdftotext -layout`, for reference. */
  workerExtractionOverPdftotext: number;
}

function runPdftotext(file: string | null, layout = false): Promise<void> {
  return new Promise((resolve, reject) => {
    const args = file === null ? ['-v'] : [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'];
    const child = spawn(PDFTOTEXT, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`pdftotext: ${code} ${stderr}`))));
  });
}

/**
 * CPU time (user + system, ms) of one `pdftotext -layout` on `file`, as its shell's `times` reports it for
 * its children (getrusage, printed to the millisecond): the work done, whatever else the machine runs.
 */
function pdftotextCpuMs(file: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const script = `${PDFTOTEXT} -layout -enc UTF-8 "$1" - >/dev/null && times`;
    const child = spawn('/bin/bash', ['-c', script, 'bash', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      // Second line: the children's user and system time, « 0m0.050s 0m0.010s ».
      const children = out
        .trim()
        .split('\n')[1]
        ?.match(/(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s/);
      if (code !== 0 || !children) return reject(new Error(`pdftotext -layout under bash: ${code} ${out}`));
      const [, um, us, sm, ss] = children.map(Number);
      resolve((um * 60 + us + sm * 60 + ss) * 1000);
    });
  });
}

/**
 * pdfjs's one pass over every page (`getOperatorList`) and our reading of it into text runs, hidden text and
 * shapes (`readOperators`), timed apart (sums over the pages, median of runs). Fonts are read as regular
 * 1/1000 fonts here: the bench's Helvetica is one.
 */
async function pdfjsPasses(bytes: Uint8Array) {
  installPdfjsPolyfills();
  const pdfjs = await getResolvedPDFJS();
  const ops = pdfjs.OPS as unknown as OpCodes;
  const operators: number[] = [];
  const runs: number[] = [];
  const fontOf = (loadedName: string) => ({
    loadedName,
    name: loadedName,
    vertical: false,
    fontMatrix: [0.001, 0, 0, 0.001, 0, 0] as [number, number, number, number, number, number],
  });
  for (let run = 0; run < BREAKDOWN_RUNS + 1; run++) {
    // pdfjs's worker side on the port `parsePdf` uses (`pdfjs-port.ts`), so the times are the parse's.
    const worker = await sharingWorker();
    const doc = await getDocumentProxy(bytes.slice(), { verbosity: 0, worker });
    let o = 0;
    let g = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      let started = performance.now();
      const list = await page.getOperatorList();
      o += performance.now() - started;
      started = performance.now();
      const [x0, y0, x1, y1] = page.view;
      readOperators(list.fnArray, list.argsArray, ops, [x0, y0, x1, y1], {
        fontOf,
        normalize: pdfjs.normalizeUnicode,
      });
      g += performance.now() - started;
      page.cleanup();
    }
    await doc.destroy();
    worker.destroy();
    // The first run warms pdfjs up and is not counted.
    if (run > 0) {
      operators.push(o);
      runs.push(g);
    }
  }
  return {
    operatorListMs: round(median(operators), 1),
    textRunsMs: round(median(runs), 1),
  };
}

/** Peak RSS growth and heap held after one call, in MB (RSS sampled every 2 ms while it runs). */
async function memoryOf(run: () => Promise<unknown>): Promise<{ peakRssMb: number; heapAfterMb: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  const rss0 = process.memoryUsage.rss();
  const heap0 = process.memoryUsage().heapUsed;
  let peak = rss0;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 2);
  try {
    await run();
  } finally {
    clearInterval(timer);
  }
  peak = Math.max(peak, process.memoryUsage.rss());
  const mb = (bytes: number) => round(bytes / (1024 * 1024), 1);
  return { peakRssMb: mb(peak - rss0), heapAfterMb: mb(Math.max(0, process.memoryUsage().heapUsed - heap0)) };
}

function pagesPerSecond(pages: number, ms: number) {
  return round((pages * 1000) / ms, 1);
}

export async function benchIngestion(): Promise<IngestionResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'prejury-bench-ingest-'));
  try {
    const docs: { pages: number; pdf: Uint8Array; docx: Uint8Array; file: string }[] = [];
    for (const pages of INGESTION_SIZES) {
      const dossier = await benchDossier(pages);
      const pdf = await dossierPdf(dossier);
      const docx = await dossierDocx(dossier);
      const file = path.join(dir, `dossier-${pages}.pdf`);
      writeFileSync(file, pdf);
      docs.push({ pages, pdf, docx, file });
    }

    // The parse pool: the first parse pays a child's start-up; report it apart, then time warm runs.
    const coldMs = await timeMs(() =>
      parseDocument(docs[0].pdf, { fileName: 'cold.pdf', timeoutMs: 60_000 }),
    );

    const sizes: IngestionResult['sizes'] = [];
    for (const { pages, pdf, docx, file } of docs) {
      for (const [bytes, fileName] of [
        [pdf, `dossier-${pages}.pdf`],
        [docx, `dossier-${pages}.docx`],
      ] as const) {
        const parsed = await parseDocumentInProcess(bytes, { fileName });
        if (parsed.pages.length !== pages) {
          throw new Error(`${fileName}: ${parsed.pages.length} pages parsed, ${pages} laid out`);
        }
      }
      const times = await timeRounds(pages, pdf, docx, file);
      const words = (await parseDocumentInProcess(pdf, { fileName: 'd.pdf' })).words;
      const figures = (bytes: Uint8Array, inProcess: number[], worker: number[]): FormatFigures => ({
        pages,
        bytes: bytes.byteLength,
        words,
        inProcessMs: round(median(inProcess), 1),
        inProcessPagesPerSecond: pagesPerSecond(pages, median(inProcess)),
        workerMs: round(median(worker), 1),
        workerPagesPerSecond: pagesPerSecond(pages, median(worker)),
      });
      const pdfFigures = figures(pdf, times.pdf, times.pdfWorker);
      const docxFigures = figures(docx, times.docx, times.docxWorker);
      const poppler = median(times.poppler);
      const popplerLayout = median(times.popplerLayout);
      const perRound = (ours: number[], theirs: number[]) =>
        spread(
          ours.map((t, k) => t / theirs[k]),
          2,
        );
      const memory = await memoryOf(() => parseDocumentInProcess(pdf, { fileName: 'd.pdf' }));
      sizes.push({
        pages,
        pdf: pdfFigures,
        docx: docxFigures,
        rounds: times.pdf.length,
        pdfSpreadMs: spread(times.pdf, 1),
        pdftotextLayoutSpreadMs: spread(times.popplerLayout, 1),
        pdftotextSpreadMs: spread(times.poppler, 1),
        overLayout: perRound(times.pdf, times.popplerLayout),
        overPlain: perRound(times.pdf, times.poppler),
        workerOverLayout: perRound(times.pdfWorker, times.popplerLayout),
        cpuOverLayout: perRound(times.pdfCpu, times.popplerLayoutCpu),
        pdfCpuSpreadMs: spread(times.pdfCpu, 1),
        pdftotextLayoutCpuSpreadMs: spread(times.popplerLayoutCpu, 1),
        pdftotextMs: round(poppler, 1),
        pdftotextPagesPerSecond: pagesPerSecond(pages, poppler),
        pdftotextLayoutMs: round(popplerLayout, 1),
        pdftotextLayoutPagesPerSecond: pagesPerSecond(pages, popplerLayout),
        pdfMsPerPage: round(median(times.pdf) / pages, 2),
        pdfPeakRssMb: memory.peakRssMb,
        pdfHeapAfterMb: memory.heapAfterMb,
      });
      log(
        `ingestion ${pages} p: pdf ÷ pdftotext -layout ${perRound(times.pdf, times.popplerLayout).median} (median of ${times.pdf.length} rounds; CPU ${perRound(times.pdfCpu, times.popplerLayoutCpu).median}), pdf ${pdfFigures.inProcessMs} ms (worker ${pdfFigures.workerMs}), docx ${docxFigures.inProcessMs} ms, pdftotext -layout ${round(popplerLayout, 1)} ms, pdftotext ${round(poppler, 1)} ms, peak RSS +${memory.peakRssMb} MB`,
      );
    }

    const thirty = docs[1];
    const extract: number[] = [];
    const finish: number[] = [];
    const languages: number[] = [];
    let sections = 0;
    for (let i = 0; i < BREAKDOWN_RUNS; i++) {
      let started = performance.now();
      const raw = await parsePdf(thirty.pdf, 'application/pdf');
      extract.push(performance.now() - started);
      started = performance.now();
      const doc = finishDocument(raw);
      finish.push(performance.now() - started);
      sections = doc.sections.length;
      started = performance.now();
      for (const s of doc.sections) sectionLanguage(doc.text.slice(s.start, s.end));
      languages.push(performance.now() - started);
    }
    const passes = await pdfjsPasses(thirty.pdf);

    const start: number[] = [];
    for (let i = 0; i < 8; i++) start.push(await timeMs(() => runPdftotext(null)));
    const at30 = sizes.find((s) => s.pages === 30);
    if (!at30) throw new Error('no 30-page figures');
    return {
      sizes,
      pdftotextStartMs: round(median(start.slice(1)), 1),
      workerColdStartMs: round(coldMs, 0),
      breakdown30Pdf: {
        extractMs: round(median(extract), 1),
        finishMs: round(median(finish), 1),
        ...passes,
        sections,
        sectionLanguagesMs: round(median(languages), 1),
      },
      extractionOverPdftotext: at30.overLayout.median,
      extractionOverPlainPdftotext: at30.overPlain.median,
      workerExtractionOverPdftotext: at30.workerOverLayout.median,
    };
  } finally {
    await closeParsePool();
    rmSync(dir, { recursive: true, force: true });
  }
}
