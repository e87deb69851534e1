import { describe, expect, it } from 'vitest';
import { overallChange } from './overall-change';

const r = (key: string, score: number, ready: 'pret' | 'presque' | 'pas_encore') => ({
  key,
  report: { overall: { score, ready, level: 'partiel' as const, summary: '' } },
});

describe('overall change between two runs', () => {
  it('counts score moves and verdict changes on the dossier versions both runs reviewed', () => {
    const a = [
      r('d1', 2.4, 'presque'),
      r('d2', 3.1, 'pret'),
      r('d3', 1.0, 'pas_encore'),
      r('d4', 2, 'presque'),
    ];
    const b = [r('d1', 2.9, 'pret'), r('d2', 2.6, 'presque'), r('d3', 1.0, 'pas_encore'), r('d5', 4, 'pret')];
    const change = overallChange(a, b);
    expect(change).toEqual({
      compared: 3,
      meanA: expect.closeTo(6.5 / 3, 10),
      meanB: expect.closeTo(6.5 / 3, 10),
      meanDelta: expect.closeTo(0, 10),
      up: 1,
      down: 1,
      verdictChanged: 2,
      moreReady: 1,
      lessReady: 1,
      transitions: [
        { from: 'presque', to: 'pret', count: 1 },
        { from: 'pret', to: 'presque', count: 1 },
      ],
    });
  });

  it('reports nothing compared as nulls, not zeros', () => {
    expect(overallChange([r('d1', 2, 'presque')], [])).toMatchObject({
      compared: 0,
      meanA: null,
      meanDelta: null,
      verdictChanged: 0,
    });
  });
});
