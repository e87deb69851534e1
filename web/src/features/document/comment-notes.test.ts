import { describe, expect, it } from 'vitest';
import { withCommentMarks } from './comment-notes';
import type { PassageComment } from './queries';

const comment = (id: string, page: number, start: number, end: number): PassageComment => ({
  id,
  version: 1,
  page,
  start,
  end,
  quote: 'x'.repeat(end - start),
  body: 'Chiffrez.',
  by: 'Florence Formatrice',
  mine: false,
  at: '2026-12-06T02:00:00.000Z',
  updatedAt: null,
});

describe('withCommentMarks', () => {
  it('adds the page’s comment passages beside the quote marks, never over them', () => {
    const quote = { range: [10, 20] as [number, number], key: 'quote', quote: 0 };
    const marks = withCommentMarks(
      [quote],
      [comment('a', 2, 30, 40), comment('b', 2, 15, 25), comment('c', 3, 0, 5)],
      2,
    );
    // « b » overlaps the quote (its note still shows under the page); « c » is on another page.
    expect(marks.map((m) => [m.key, m.range])).toEqual([
      ['quote', [10, 20]],
      ['c-a', [30, 40]],
    ]);
  });
});
