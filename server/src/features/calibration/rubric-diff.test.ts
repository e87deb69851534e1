import { describe, expect, it } from 'vitest';
import { defaultRubric } from '../reviews/rubric';
import { diffRubrics } from './rubric-diff';

describe('diffRubrics', () => {
  it('finds nothing between a rubric and a relabelled copy', () => {
    const a = defaultRubric('b1-audit-rse');
    const diff = diffRubrics(a, { ...defaultRubric('b1-audit-rse'), version: 'v2' });
    expect(diff).toEqual({ from: 'v1', to: 'v2', identical: true, scale: [], criteria: [] });
  });

  it('lists wording, weight, descriptor and anchor changes per criterion, in the order of the new version', () => {
    const a = defaultRubric('b1-audit-rse');
    a.criteria[0].anchors = [
      { score: 1, excerpt: 'Objectifs : être plus vert.' },
      { score: 3, excerpt: 'Réduire de 20 % les émissions.' },
    ];
    const b = structuredClone(a);
    b.version = 'v2';
    b.criteria[2].text = 'Les résultats de l’audit sont confrontés aux attentes des clients.';
    b.criteria[0].weight = 2;
    b.criteria[0].descriptors[3] = 'Objectifs SMART reliés aux critères ESG.';
    b.criteria[0].anchors = [
      { score: 3, excerpt: 'Réduire de 20 % les émissions.' },
      { score: 4, excerpt: 'Réduire de 20 % les émissions de CO₂ d’ici 2027 (base 2023).' },
    ];
    b.scale[2] = { ...b.scale[2], label: 'En partie' };

    const diff = diffRubrics(a, b);
    expect(diff.identical).toBe(false);
    expect(diff.scale).toEqual([
      {
        field: 'scale',
        score: 2,
        before: `Partiel : ${a.scale[2].description}`,
        after: `En partie : ${a.scale[2].description}`,
      },
    ]);
    expect(diff.criteria).toEqual([
      {
        id: 'K1',
        changes: [
          { field: 'weight', before: 1, after: 2 },
          {
            field: 'descriptor',
            score: 3,
            before: a.criteria[0].descriptors[3],
            after: 'Objectifs SMART reliés aux critères ESG.',
          },
          { field: 'anchor', score: 1, before: 'Objectifs : être plus vert.', after: null },
          {
            field: 'anchor',
            score: 4,
            before: null,
            after: 'Réduire de 20 % les émissions de CO₂ d’ici 2027 (base 2023).',
          },
        ],
      },
      {
        id: 'K3',
        changes: [
          {
            field: 'text',
            before: a.criteria[2].text,
            after: 'Les résultats de l’audit sont confrontés aux attentes des clients.',
          },
        ],
      },
    ]);
  });

  it('treats reordered anchors as unchanged', () => {
    const a = defaultRubric('b1-audit-rse');
    a.criteria[1].anchors = [
      { score: 2, excerpt: 'A' },
      { score: 3, excerpt: 'B' },
    ];
    const b = structuredClone(a);
    b.criteria[1].anchors.reverse();
    expect(diffRubrics(a, b).identical).toBe(true);
  });
});
