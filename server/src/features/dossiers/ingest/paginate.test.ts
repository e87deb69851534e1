import { describe, expect, it } from 'vitest';
import { estimatePages, type LayoutBlock } from './paginate';

const words = (n: number) => Array.from({ length: n }, (_, i) => `mot${i}`).join(' ');
const para = (n: number): LayoutBlock => ({ kind: 'paragraph', text: words(n) });

describe('estimatePages', () => {
  it('flows paragraphs across page breaks instead of wasting the end of each page', () => {
    // 5 paragraphs of ~200 words: about 2.3 pages of text, so 3 pages, not 5.
    const pages = estimatePages([para(200), para(200), para(200), para(200), para(200)]);
    expect(pages).toEqual([1, 1, 2, 2, 3]);
  });

  it('keeps a heading with what follows and moves a table that fits on one page whole', () => {
    const heading: LayoutBlock = { kind: 'heading', text: 'Diagnostic externe' };
    const table: LayoutBlock = {
      kind: 'table',
      text: Array.from({ length: 6 }, () => 'a | b | c').join('\n'),
    };
    expect(estimatePages([para(420), heading, para(100)])).toEqual([1, 2, 2]);
    expect(estimatePages([para(420), table])).toEqual([1, 2]);
  });
});
