import { describe, expect, it } from 'vitest';
import type { Fidelity } from './fidelity';
import {
  evaluateFormatGates,
  FORMATS,
  type FormatGates,
  type FormatRun,
  formatsOf,
  LAYOUT_ONLY_FORMATS,
  loadManifest,
  partsOf,
  summarizeFormats,
} from './formats';

const GATES: FormatGates = {
  reference: 'docx',
  minParagraphsIntact: 0.98,
  minRowsIntact: 0.95,
  maxHeaderFooterLines: 0,
  pagesExact: true,
  maxOverallDelta: 0.1,
  minIdenticalCriteria: 0.95,
};

const perfect = (pages: number | null): Fidelity => ({
  paragraphs: { n: 50, intact: 50 },
  rows: { n: 20, intact: 20 },
  headerFooterLines: 0,
  repeatedHeaderRows: 0,
  pages: {
    expected: pages,
    actual: pages ?? 3,
    located: pages ? 70 : 0,
    onPage: pages ? 70 : 0,
    exact: pages ? true : null,
  },
  examples: [],
});

const SCORES = { K1: 3, K2: 2, K3: 4, K4: 1, K5: 2 };

function runsFor(
  id: string,
  changes: Partial<Record<(typeof FORMATS)[number], Partial<FormatRun>>> = {},
): FormatRun[] {
  // A layout-only format is measured on the layout fixtures, never reviewed.
  return FORMATS.map((format) => ({
    id,
    format,
    file: `${id}.${format}`,
    reviewed: !LAYOUT_ONLY_FORMATS.includes(format),
    overall: 2.4,
    scores: SCORES,
    error: null,
    fidelity: perfect(['markdown', 'docx'].includes(format) ? null : 3),
    ...changes[format],
  }));
}

describe('summarizeFormats and evaluateFormatGates', () => {
  it('pass when every format reads and scores like the DOCX', () => {
    const result = summarizeFormats([...runsFor('a/strong'), ...runsFor('a/weak')], GATES);
    expect(evaluateFormatGates(GATES, result)).toEqual([]);
    expect(result.summary.find((s) => s.format === 'chromium')?.invariance).toMatchObject({
      cases: 2,
      casesWithin: 2,
      maxOverallDelta: 0,
      identicalShare: 1,
    });
  });

  it('fail a format whose score moves, naming the case and the criteria that changed', () => {
    const result = summarizeFormats(
      runsFor('b4/partial', { libreoffice: { overall: 1.9, scores: { ...SCORES, K2: 1, K3: 3 } } }),
      GATES,
    );
    const failures = evaluateFormatGates(GATES, result);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/^formats libreoffice: 1\/1 cases off the docx/);
    expect(result.outliers).toEqual([
      {
        id: 'b4/partial',
        format: 'libreoffice',
        overall: 1.9,
        reference: 2.4,
        changed: ['K2 2→1', 'K3 4→3'],
      },
    ]);
  });

  it('fail one changed criterion in twenty even when the overall stays within 0.1', () => {
    const many = Object.fromEntries(Array.from({ length: 19 }, (_, i) => [`K${i + 1}`, 2]));
    const result = summarizeFormats(
      runsFor('x', {
        docx: { scores: many, overall: 2 },
        chromium: { scores: { ...many, K1: 3 }, overall: 2.05 },
        markdown: { scores: many, overall: 2 },
        libreoffice: { scores: many, overall: 2 },
        'pdf-lib': { scores: many, overall: 2 },
      }),
      GATES,
    );
    expect(evaluateFormatGates(GATES, result)).toEqual([
      expect.stringMatching(/^formats chromium: 1\/1 cases off the docx/),
    ]);
  });

  it('fail reading fidelity per format: paragraphs, rows, running lines, pages', () => {
    const broken: Fidelity = {
      ...perfect(3),
      paragraphs: { n: 50, intact: 40 },
      rows: { n: 20, intact: 5 },
      headerFooterLines: 3,
      pages: { expected: 3, actual: 4, located: 70, onPage: 60, exact: false },
    };
    const failures = evaluateFormatGates(
      GATES,
      summarizeFormats(runsFor('y', { 'pdf-lib': { fidelity: broken } }), GATES),
    );
    expect(failures).toEqual([
      'formats pdf-lib: paragraphs intact 80.0 % (40/50) < 98.0 %',
      'formats pdf-lib: table rows intact 25.0 % (5/20) < 95.0 %',
      'formats pdf-lib: 3 running header/footer line(s) left > 0',
      'formats pdf-lib: pages exact in 0/1 renderings (60/70 parts on their page)',
    ]);
  });

  it('fail a format with nothing measured, and a review that failed', () => {
    const result = summarizeFormats(
      runsFor('z', { chromium: { overall: null, scores: null, error: 'parse_failed' } }).filter(
        (r) => r.format !== 'markdown',
      ),
      GATES,
    );
    const failures = evaluateFormatGates(GATES, result);
    expect(failures).toContain('formats markdown: no rendering measured');
    expect(failures.some((f) => f.startsWith('formats chromium: 1/1 cases off the docx'))).toBe(true);
  });

  it('leave the layout fixtures out of the invariance (they are not reviewed)', () => {
    const fixture = runsFor('layout/plan', {}).map((r) => ({
      ...r,
      reviewed: false,
      overall: null,
      scores: null,
    }));
    const result = summarizeFormats(fixture, GATES);
    expect(result.summary.every((s) => s.invariance.cases === 0)).toBe(true);
    expect(result.summary.find((s) => s.format === 'chromium')?.paragraphs.n).toBe(50);
  });
});

describe('the committed renderings', () => {
  it('cover every format of every document, with the page of every part for PDFs', () => {
    const manifest = loadManifest();
    const ids = Object.keys(manifest.renderings);
    expect(ids.length).toBeGreaterThanOrEqual(42);
    expect(ids).toContain('layout/plan-actions');
    for (const id of ids) {
      const renderings = manifest.renderings[id] ?? [];
      expect(renderings.map((r) => r.format)).toEqual(formatsOf(id));
      for (const r of renderings.filter((x) => x.file.endsWith('.pdf'))) {
        expect(r.pages, r.file).toBeGreaterThan(0);
        expect(r.partPages?.filter((p) => p !== null).length, r.file).toBeGreaterThan(0);
        // One page per part the measure reads (the Markdown rendering's parts), index for index.
        expect(r.partPages?.length, r.file).toBe(partsOf(renderings).length);
      }
    }
  });
});
