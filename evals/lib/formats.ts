/**
 * Format invariance and reading fidelity: every case rendered as Markdown, DOCX, a LibreOffice PDF, a Chromium
 * PDF and a pdf-lib PDF (`evals/renderings/`, built by `scripts/build-renderings.ts`; the layout fixtures also
 * as a Chromium PDF whose tables have no borders) is ingested and reviewed
 * by the same engine as the case itself; each rendering's extracted text is measured against the source
 * (`fidelity.ts`) and its scores against the DOCX rendering's (the reference: a word processor's own file).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { EvalCase } from './cases';
import { type Fidelity, measureFidelity } from './fidelity';
import { type DossierRun, type Harness, reviewFile } from './run-case';
import { blocksFromMarkdown, sourceParts } from './source';

export const FORMATS = [
  'markdown',
  'docx',
  'libreoffice',
  'chromium',
  'chromium-borderless',
  'pdf-lib',
] as const;
export type Format = (typeof FORMATS)[number];
/**
 * Formats only the layout fixtures are rendered in (measured, not reviewed): `chromium-borderless` prints
 * their tables without borders or shading, so its tables are read from column alignment alone.
 */
export const LAYOUT_ONLY_FORMATS: readonly Format[] = ['chromium-borderless'];

/** The formats a document of the manifest is rendered in: every one for a layout fixture. */
export function formatsOf(id: string): Format[] {
  return FORMATS.filter((f) => id.startsWith('layout/') || !LAYOUT_ONLY_FORMATS.includes(f));
}

export const RENDERINGS_DIR = fileURLToPath(new URL('../renderings', import.meta.url));
export const MANIFEST_FILE = path.join(RENDERINGS_DIR, 'manifest.json');
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

const RenderingSchema = z.strictObject({
  format: z.enum(FORMATS),
  /** Relative to the repository root. */
  file: z.string().min(1),
  /** The running header printed on every page. */
  header: z.string(),
  /** Page count of a PDF (null for Markdown and DOCX, which have no layout of their own here). */
  pages: z.number().int().positive().nullable(),
  /** Per source part (`sourceParts` order), the page it starts on, read back from the PDF. */
  partPages: z.array(z.number().int().positive().nullable()).nullable(),
});
export type Rendering = z.infer<typeof RenderingSchema>;

export const ManifestSchema = z.strictObject({
  /** Keyed by case id, or `layout/<name>` for the layout fixtures (measured, not reviewed). */
  renderings: z.record(z.string(), z.array(RenderingSchema)),
});
export type Manifest = z.infer<typeof ManifestSchema>;

export function loadManifest(file: string = MANIFEST_FILE): Manifest {
  if (!existsSync(file)) return { renderings: {} };
  const parsed = ManifestSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new Error(
      `${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}

export const FormatGatesSchema = z.strictObject({
  /** The rendering every other is compared with. */
  reference: z.enum(FORMATS),
  /** Per format, over all its renderings. */
  minParagraphsIntact: z.number().min(0).max(1),
  minRowsIntact: z.number().min(0).max(1),
  maxHeaderFooterLines: z.number().int().min(0),
  /** Every PDF rendering: same page count, every part on its page. */
  pagesExact: z.boolean(),
  /** Every case in every format, against the reference. */
  maxOverallDelta: z.number().min(0),
  minIdenticalCriteria: z.number().min(0).max(1),
});
export type FormatGates = z.infer<typeof FormatGatesSchema>;

/** The source a rendering is measured against: the Markdown rendering's blocks (the case's own, or built
 * from the binary case's source with nothing but its hidden text left out). */
export function partsOf(renderings: Rendering[]) {
  const markdown = renderings.find((r) => r.format === 'markdown');
  if (!markdown) throw new Error(`no markdown rendering in ${renderings[0]?.file ?? '?'}`);
  return sourceParts(blocksFromMarkdown(readFileSync(path.join(REPO_ROOT, markdown.file), 'utf8')));
}

export interface FormatRun {
  id: string;
  format: Format;
  file: string;
  /** False for a layout fixture: ingested and measured, not reviewed. */
  reviewed: boolean;
  /** Null for a layout fixture (measured, not reviewed). */
  overall: number | null;
  scores: Record<string, number> | null;
  error: string | null;
  fidelity: Fidelity;
}

export interface FormatSummary {
  format: Format;
  renderings: number;
  paragraphs: { n: number; intact: number; share: number | null };
  rows: { n: number; intact: number; share: number | null };
  headerFooterLines: number;
  repeatedHeaderRows: number;
  /** Renderings with pages: how many have the right page count and every part on its page. */
  pages: { measured: number; exact: number; partsLocated: number; partsOnPage: number };
  /** Against the reference format, over the reviewed cases. */
  invariance: {
    cases: number;
    maxOverallDelta: number | null;
    meanOverallDelta: number | null;
    criteria: number;
    identical: number;
    identicalShare: number | null;
    /** Cases within both limits of the gates. */
    casesWithin: number;
  };
}

export interface FormatsResult {
  reference: Format;
  runs: FormatRun[];
  summary: FormatSummary[];
  /** Per case and format: what broke the invariance, for the report. */
  outliers: {
    id: string;
    format: Format;
    overall: number | null;
    reference: number | null;
    changed: string[];
  }[];
}

/** Ingests and reviews every rendering of the given cases (and measures the layout fixtures). */
export async function runFormats(
  harness: Harness,
  cases: EvalCase[],
  options: {
    manifest?: Manifest;
    gates: FormatGates;
    onProgress?: (message: string) => void;
    /** The suite's own run of each case: the rendering that is the case file is not reviewed again. */
    firstRuns?: Map<string, DossierRun>;
  },
): Promise<FormatsResult> {
  const manifest = options.manifest ?? loadManifest();
  const progress = options.onProgress ?? (() => {});
  const wanted = new Map(cases.map((c) => [c.id, c]));
  const ids = Object.keys(manifest.renderings).filter(
    (id) => wanted.has(id) || (id.startsWith('layout/') && wanted.size > 0),
  );
  const runs: FormatRun[] = [];
  for (const id of ids) {
    const renderings = manifest.renderings[id] ?? [];
    const parts = partsOf(renderings);
    const evalCase = wanted.get(id);
    const t = performance.now();
    for (const rendering of renderings) {
      const bytes = new Uint8Array(readFileSync(path.join(REPO_ROOT, rendering.file)));
      const fileName = path.basename(rendering.file);
      let overall: number | null = null;
      let scores: Record<string, number> | null = null;
      let error: string | null = null;
      let pages: { page: number; text: string }[] = [];
      if (evalCase) {
        const own = path.resolve(REPO_ROOT, rendering.file) === path.resolve(evalCase.dossierPath);
        const run =
          (own ? options.firstRuns?.get(id) : undefined) ??
          (await reviewFile(harness, { examId: evalCase.examId, fileName, bytes }));
        pages = run.pages;
        error = run.error;
        overall = run.report?.overall.score ?? null;
        scores = run.report
          ? Object.fromEntries(
              run.report.criteria.filter((c) => c.status === 'done').map((c) => [c.id, c.score]),
            )
          : null;
      } else {
        // A layout fixture has no gold: ingested only, as the upload would (any exam accepts it).
        try {
          const dossier = await harness.services.dossiers.create({
            examId: 'b1-audit-rse',
            file: { name: fileName, bytes },
          });
          const version = dossier.versions[dossier.versions.length - 1].version;
          pages = (await harness.services.dossiers.getVersion(dossier.id, version)).pageTexts;
        } catch (err) {
          error = err instanceof Error ? err.message : String(err);
        }
      }
      const fidelity = measureFidelity({
        parts,
        pages,
        header: rendering.header,
        expectedPages: rendering.pages,
        partPages: rendering.partPages,
      });
      runs.push({
        id,
        format: rendering.format,
        file: rendering.file,
        reviewed: evalCase !== undefined,
        overall,
        scores,
        error,
        fidelity,
      });
    }
    progress(`[formats] ${id}: ${renderings.length} renderings in ${Math.round(performance.now() - t)} ms`);
  }
  return summarizeFormats(runs, options.gates);
}

const share = (a: number, n: number) => (n === 0 ? null : a / n);

/** Per format: fidelity totals and invariance against the reference format. Pure, for tests. */
export function summarizeFormats(runs: FormatRun[], gates: FormatGates): FormatsResult {
  const reference = gates.reference;
  const refOf = new Map(runs.filter((r) => r.format === reference).map((r) => [r.id, r]));
  const outliers: FormatsResult['outliers'] = [];
  const summary = FORMATS.map((format): FormatSummary => {
    const mine = runs.filter((r) => r.format === format);
    const sum = (f: (r: FormatRun) => number) => mine.reduce((a, r) => a + f(r), 0);
    const paragraphs = {
      n: sum((r) => r.fidelity.paragraphs.n),
      intact: sum((r) => r.fidelity.paragraphs.intact),
    };
    const rows = { n: sum((r) => r.fidelity.rows.n), intact: sum((r) => r.fidelity.rows.intact) };
    const paged = mine.filter((r) => r.fidelity.pages.exact !== null);
    const deltas: number[] = [];
    let criteria = 0;
    let identical = 0;
    let cases = 0;
    let casesWithin = 0;
    for (const run of mine) {
      if (!run.reviewed) continue;
      const ref = refOf.get(run.id);
      cases++;
      const delta = run.overall !== null && ref?.overall != null ? Math.abs(run.overall - ref.overall) : null;
      if (delta !== null) deltas.push(delta);
      const ids = Object.keys(ref?.scores ?? {});
      const changed = ids.filter((k) => run.scores?.[k] !== ref?.scores?.[k]);
      criteria += ids.length;
      identical += ids.length - changed.length;
      const idShare = share(ids.length - changed.length, ids.length);
      const within =
        delta !== null &&
        delta <= gates.maxOverallDelta + 1e-9 &&
        idShare !== null &&
        idShare >= gates.minIdenticalCriteria;
      if (within) casesWithin++;
      else if (format !== reference) {
        outliers.push({
          id: run.id,
          format,
          overall: run.overall,
          reference: ref?.overall ?? null,
          changed: changed.map((k) => `${k} ${ref?.scores?.[k] ?? '–'}→${run.scores?.[k] ?? '–'}`),
        });
      }
    }
    return {
      format,
      renderings: mine.length,
      paragraphs: { ...paragraphs, share: share(paragraphs.intact, paragraphs.n) },
      rows: { ...rows, share: share(rows.intact, rows.n) },
      headerFooterLines: sum((r) => r.fidelity.headerFooterLines),
      repeatedHeaderRows: sum((r) => r.fidelity.repeatedHeaderRows),
      pages: {
        measured: paged.length,
        exact: paged.filter((r) => r.fidelity.pages.exact).length,
        partsLocated: sum((r) => r.fidelity.pages.located),
        partsOnPage: sum((r) => r.fidelity.pages.onPage),
      },
      invariance: {
        cases,
        maxOverallDelta: deltas.length > 0 ? Math.max(...deltas) : null,
        meanOverallDelta: deltas.length > 0 ? deltas.reduce((a, b) => a + b, 0) / deltas.length : null,
        criteria,
        identical,
        identicalShare: share(identical, criteria),
        casesWithin,
      },
    };
  });
  return { reference, runs, summary, outliers };
}

const pct = (n: number | null) => (n === null ? 'n/a' : `${(n * 100).toFixed(1)} %`);

/** The format gates, one failure line per format and limit. Nothing measured fails too. */
export function evaluateFormatGates(gates: FormatGates, result: FormatsResult): string[] {
  const failures: string[] = [];
  for (const s of result.summary) {
    if (s.renderings === 0) {
      failures.push(`formats ${s.format}: no rendering measured`);
      continue;
    }
    if (s.paragraphs.share === null || s.paragraphs.share < gates.minParagraphsIntact) {
      failures.push(
        `formats ${s.format}: paragraphs intact ${pct(s.paragraphs.share)} (${s.paragraphs.intact}/${s.paragraphs.n}) < ${pct(gates.minParagraphsIntact)}`,
      );
    }
    if (s.rows.share !== null && s.rows.share < gates.minRowsIntact) {
      failures.push(
        `formats ${s.format}: table rows intact ${pct(s.rows.share)} (${s.rows.intact}/${s.rows.n}) < ${pct(gates.minRowsIntact)}`,
      );
    }
    if (s.headerFooterLines > gates.maxHeaderFooterLines) {
      failures.push(
        `formats ${s.format}: ${s.headerFooterLines} running header/footer line(s) left > ${gates.maxHeaderFooterLines}`,
      );
    }
    if (gates.pagesExact && s.pages.exact < s.pages.measured) {
      failures.push(
        `formats ${s.format}: pages exact in ${s.pages.exact}/${s.pages.measured} renderings (${s.pages.partsOnPage}/${s.pages.partsLocated} parts on their page)`,
      );
    }
    if (s.format !== result.reference && s.invariance.casesWithin < s.invariance.cases) {
      failures.push(
        `formats ${s.format}: ${s.invariance.cases - s.invariance.casesWithin}/${s.invariance.cases} cases off the ${result.reference} (overall within ${gates.maxOverallDelta} and ≥ ${pct(gates.minIdenticalCriteria)} identical criteria; max Δ ${s.invariance.maxOverallDelta?.toFixed(2) ?? 'n/a'}, identical ${pct(s.invariance.identicalShare)})`,
      );
    }
  }
  return failures;
}
