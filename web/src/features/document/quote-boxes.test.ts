import { describe, expect, it } from 'vitest';
import { joinRuns, overlaps, quoteBoxes, type TextRun } from './quote-boxes';

const run = (str: string, left: number, top: number, hasEOL = false): TextRun => ({
  str,
  left,
  top,
  width: str.length * 10,
  height: 12,
  hasEOL,
});

describe('quoteBoxes', () => {
  const runs = [
    run('La cartographie des parties', 50, 100),
    run('prenantes', 330, 100, true),
    run('montre un “risqué” fort.', 50, 120, true),
  ];

  it('joins runs with spaces within a line and breaks between lines', () => {
    expect(joinRuns(runs).text).toBe('La cartographie des parties prenantes\nmontre un “risqué” fort.');
  });

  it('covers the part of each run the quote takes, across runs and lines', () => {
    // « parties prenantes montre » : the end of run 1, all of run 2, the start of run 3.
    expect(quoteBoxes(runs, 'parties  prenantes montre')).toEqual([
      { left: 50 + 20 * 10, top: 100, width: 7 * 10, height: 12 },
      { left: 330, top: 100, width: 9 * 10, height: 12 },
      { left: 50, top: 120, width: 6 * 10, height: 12 },
    ]);
  });

  it('finds the quote as the text panel does: case, accents and typographic quotes aside', () => {
    const boxes = quoteBoxes(runs, 'un "RISQUE"');
    expect(boxes).toHaveLength(1);
    expect(boxes?.[0].left).toBe(50 + 'montre '.length * 10);
  });

  it('answers null for a quote that is not on the page or is blank', () => {
    expect(quoteBoxes(runs, 'benchmark concurrentiel')).toBeNull();
    expect(quoteBoxes(runs, '   ')).toBeNull();
  });

  it('tells overlapping boxes from boxes that only touch', () => {
    const a = { left: 0, top: 0, width: 10, height: 10 };
    expect(overlaps(a, { left: 5, top: 5, width: 10, height: 10 })).toBe(true);
    expect(overlaps(a, { left: 10, top: 0, width: 10, height: 10 })).toBe(false);
  });
});
