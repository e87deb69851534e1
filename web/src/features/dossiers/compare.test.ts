import { describe, expect, it } from 'vitest';
import { auditRseReport } from '../reviews/fixtures';
import { compareReports } from './compare';
import { scorePoints } from './progress-chart';

describe('compareReports', () => {
  it('gives the score in A and B and the change, criterion by criterion', () => {
    const later = {
      ...auditRseReport,
      overall: { ...auditRseReport.overall, score: 2.9 },
      criteria: auditRseReport.criteria.map((c) =>
        c.id === 'K3'
          ? { ...c, score: 3, level: 'satisfaisant' as const }
          : c.id === 'K4'
            ? { ...c, score: 2, level: 'partiel' as const }
            : c.id === 'K6'
              ? { ...c, status: 'done' as const, score: 2, level: 'partiel' as const }
              : c,
      ),
    };
    const { rows, overallDelta } = compareReports(auditRseReport, later);
    expect(rows.map(({ id, a, b, delta }) => ({ id, a, b, delta }))).toEqual([
      { id: 'K1', a: 3, b: 3, delta: 0 },
      { id: 'K2', a: 2, b: 2, delta: 0 },
      { id: 'K3', a: 1, b: 3, delta: 2 },
      { id: 'K4', a: 3, b: 2, delta: -1 },
      { id: 'K5', a: 1, b: 1, delta: 0 },
      // Failed in A: no score to compare with.
      { id: 'K6', a: null, b: 2, delta: null },
      { id: 'K7', a: 2, b: 2, delta: 0 },
    ]);
    expect(overallDelta).toBeCloseTo(0.5);
  });
});

describe('scorePoints', () => {
  it('keeps one point per version, from its latest finished review', () => {
    const base = { provider: 'offline', model: 'offline-analyzer' };
    const points = scorePoints(
      [
        {
          ...base,
          id: 'a',
          version: 1,
          status: 'done',
          createdAt: '2025-03-01T10:00:00Z',
          overall: { score: 1.6, level: 'partiel', ready: 'pas_encore' },
        },
        {
          ...base,
          id: 'b',
          version: 1,
          status: 'done',
          createdAt: '2025-03-02T10:00:00Z',
          overall: { score: 1.8, level: 'partiel', ready: 'pas_encore' },
        },
        { ...base, id: 'c', version: 2, status: 'running', createdAt: '2025-03-05T10:00:00Z', overall: null },
        {
          ...base,
          id: 'd',
          version: 3,
          status: 'done',
          createdAt: '2025-03-06T10:00:00Z',
          overall: { score: 2.7, level: 'partiel', ready: 'presque' },
        },
      ],
      (v) => `V${v}`,
    );
    expect(points).toEqual([
      { version: 1, label: 'V1', score: 1.8, reviewId: 'b' },
      { version: 3, label: 'V3', score: 2.7, reviewId: 'd' },
    ]);
  });
});
