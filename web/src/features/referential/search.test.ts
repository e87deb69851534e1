import { describe, expect, it } from 'vitest';
import type { Exam, Referential } from '../../lib/api';
import { searchReferential } from './search';

const referential: Referential = {
  id: 'mdc',
  title: 'Manager du développement commercial',
  source: 'test',
  remarks: [],
  blocs: [
    {
      id: 'B4',
      title: 'Négocier des solutions commerciales complexes',
      activities: [
        {
          id: 'B4.A10',
          title: 'Préparation de la négociation',
          competencies: [
            {
              id: 'C38',
              code: 'B4.A10.C38',
              text: 'Construire un plan de découverte personnalisé en s’appuyant sur des méthodes comme SIMAC et SONCAS.',
            },
            { id: 'C39', code: 'B4.A10.C39', text: 'Préparer la négociation avec des arguments chiffrés.' },
          ],
        },
      ],
    },
  ],
};

const exam: Exam = {
  id: 'b4-negociation-complexe',
  bloc: 'B4',
  case: 'Négociation commerciale complexe',
  competencies: ['C38', 'C39'],
  context: 'À partir des données d’une entreprise réelle, le candidat doit présenter :',
  modalities: {
    mode: 'individual',
    groupSize: null,
    pages: 10,
    annexesExcluded: false,
    oralMinutes: 60,
    jury: 2,
    language: 'fr',
    vae: null,
    notes: [],
  },
  deliverables: [{ id: 'L4', text: 'Un exemple de processus de closing' }],
  criteria: [{ id: 'K2', text: 'Le plan de découverte est adapté au prospect', competencies: ['C38'] }],
};

describe('searchReferential', () => {
  it('finds competencies by their text, ignoring case', () => {
    const results = searchReferential(referential, [exam], 'soncas');
    expect(results.competencies.map((c) => c.competency.id)).toEqual(['C38']);
    expect(results.total).toBe(1);
  });

  it('ignores accents and searches exams, deliverables and criteria', () => {
    const results = searchReferential(referential, [exam], 'negociation');
    expect(results.competencies.map((c) => c.competency.id)).toEqual(['C39']);
    expect(results.exams.map((e) => e.id)).toEqual(['b4-negociation-complexe']);
    expect(
      searchReferential(referential, [exam], 'CLOSING').deliverables.map((d) => d.deliverable.id),
    ).toEqual(['L4']);
    expect(
      searchReferential(referential, [exam], 'plan de découverte').criteria.map((c) => c.criterion.id),
    ).toEqual(['K2']);
  });

  it('requires every word of the query', () => {
    expect(searchReferential(referential, [exam], 'plan SONCAS').competencies).toHaveLength(1);
    expect(searchReferential(referential, [exam], 'plan introuvable').total).toBe(0);
  });

  it('finds a competency by its id or code', () => {
    expect(searchReferential(referential, [exam], 'C39').competencies.map((c) => c.competency.id)).toEqual([
      'C39',
    ]);
    expect(searchReferential(referential, [exam], 'B4.A10.C38').competencies).toHaveLength(1);
  });
});
