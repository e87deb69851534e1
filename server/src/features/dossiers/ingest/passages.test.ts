import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import { describe, expect, it } from 'vitest';
import { paragraph } from './fixtures/dossier';
import { parseDocumentInProcess } from './parse';
import {
  contentHash,
  PASSAGE_CHUNK_WORDS,
  PASSAGE_OVERLAP_WORDS,
  PASSAGE_SEPARATORS,
  splitPassages,
  splitSpans,
} from './passages';
import { countWords } from './words';

const markdown = [
  paragraph(0, 2),
  '# Présentation',
  ...Array.from({ length: 9 }, (_, i) => paragraph(i)),
  '## Chiffres',
  '| Segment | CA |\n|---|---|\n| PME | 2,4 M€ |',
  '# Stratégie',
  // One very long paragraph: split at sentences.
  Array.from({ length: 30 }, (_, i) => paragraph(i, 1)).join(' '),
  '# Annexes',
  paragraph(3),
].join('\n\n');

async function parsed() {
  const text = Array.from({ length: 2 }, () => markdown).join('\n\n');
  return parseDocumentInProcess(new TextEncoder().encode(text), { fileName: 'dossier.md' });
}

describe('splitPassages', () => {
  it('cuts within sections, with exact offsets, pages, hashes and sizes', async () => {
    const doc = await parsed();
    const passages = await splitPassages(doc);
    expect(passages.length).toBeGreaterThan(8);
    for (const p of passages) {
      expect(doc.text.slice(p.charStart, p.charEnd)).toBe(p.text);
      expect(countWords(p.text)).toBeLessThanOrEqual(PASSAGE_CHUNK_WORDS + 20);
      expect(p.contentHash).toBe(contentHash(p.text));
      expect(p.contentHash).toMatch(/^[0-9a-f]{64}$/);
      const section = doc.sections.find(
        (s) => s.title === p.section && s.start <= p.charStart && p.charEnd <= s.end,
      );
      if (p.section !== null) expect(section).toBeDefined();
      expect(p.annex).toBe(section?.annex ?? false);
      expect(p.page).toBeLessThanOrEqual(p.pageEnd);
    }
    expect(passages[0]).toMatchObject({ section: null, annex: false, charStart: 0 });
    expect(passages.some((p) => p.annex && p.section === 'Annexes')).toBe(true);
    // Long sections are split with overlap, and a passage ends at a sentence's end.
    const strategy = passages.filter((p) => p.section === 'Stratégie');
    expect(strategy.length).toBeGreaterThan(1);
    expect(strategy[1].charStart).toBeLessThan(strategy[0].charEnd);
    expect(strategy[0].text).toMatch(/\.$/);
  });

  it('is deterministic', async () => {
    const doc = await parsed();
    expect(await splitPassages(doc)).toEqual(await splitPassages(await parsed()));
  });

  it('maps every LangChain chunk back to its exact place in the text', async () => {
    const doc = await parsed();
    const splitter = new RecursiveCharacterTextSplitter({
      chunkSize: PASSAGE_CHUNK_WORDS,
      chunkOverlap: PASSAGE_OVERLAP_WORDS,
      separators: PASSAGE_SEPARATORS,
      keepSeparator: false,
      lengthFunction: countWords,
    });
    for (const s of doc.sections) {
      const text = doc.text.slice(s.start, s.end);
      const spans = await splitSpans(text);
      expect(spans.map(([a, b]) => text.slice(a, b))).toEqual(await splitter.splitText(text));
      for (let i = 1; i < spans.length; i++) expect(spans[i][0]).toBeGreaterThan(spans[i - 1][0]);
    }
  });

  it('finds repeated paragraphs at their own place, not at an earlier copy', async () => {
    const same = paragraph(1);
    const text = Array.from({ length: 12 }, (_, i) => `${i % 2 === 0 ? same : paragraph(i)}`).join('\n\n');
    const spans = await splitSpans(text);
    expect(spans.length).toBeGreaterThan(2);
    for (let i = 1; i < spans.length; i++) expect(spans[i][0]).toBeGreaterThan(spans[i - 1][0]);
    // The last chunk ends the text: a cursor from 0 would have found its first paragraph at the top.
    expect(spans[spans.length - 1][1]).toBe(text.trimEnd().length);
  });

  it('locates chunks where the splitter collapsed a run of separators (double spaces, blank lines)', async () => {
    const words = Array.from({ length: 700 }, (_, i) => `mot${i}`);
    // No « \n\n », « \n » or « . »: cut at spaces, where « a  b » gives LangChain an empty piece.
    const text = words.map((w, i) => (i % 50 === 49 ? `${w}  ` : `${w} `)).join('');
    const spans = await splitSpans(text);
    expect(spans.length).toBeGreaterThan(2);
    for (const [a, b] of spans) {
      const slice = text.slice(a, b);
      expect(slice).toBe(slice.trim());
      expect(countWords(slice)).toBeLessThanOrEqual(PASSAGE_CHUNK_WORDS);
    }
    // Every word is in some chunk, in order, and the chunks overlap.
    expect(text.slice(spans[0][0], spans[0][1])).toMatch(/^mot0 /);
    expect(text.slice(...spans[spans.length - 1])).toMatch(/mot699$/);
    expect(spans[1][0]).toBeLessThan(spans[0][1]);
  });

  it('gives identical passages the same hash whatever their whitespace', () => {
    expect(contentHash('Une  phrase\nidentique. ')).toBe(contentHash('Une phrase identique.'));
  });
});
