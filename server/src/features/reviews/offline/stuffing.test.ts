import { describe, expect, it } from 'vitest';
import type { DossierText, GradingPassage } from '../grade-schema';
import { detectKeywordStuffing, isStuffed } from './stuffing';

function passage(id: string, page: number, text: string, ordinal = page): GradingPassage {
  return { id, ordinal, page, pageEnd: page, section: null, annex: false, text, relevance: 1 };
}

describe('isStuffed', () => {
  it.each([
    ['PESTEL SWOT SMART KPI ESG CSRD SONCAS SIMAC closing', 'term_list'],
    ['Porter, SWOT, PESTEL, BCG, SMART, KPI, CRM', 'term_list'],
    ['PESTEL ; SWOT ; business model ; chaîne de valeur ; parties prenantes.', 'term_list'],
    ['Nous maîtrisons PESTEL, SWOT, SMART, KPI, ESG, CSRD, SONCAS et SIMAC.', 'term_list'],
    ['PESTEL SWOT SMART KPI car donc selon 45 % (INSEE, 2023)', 'term_list'],
    ['PESTEL PESTEL PESTEL PESTEL analyse', 'repetition'],
    ['KPI KPI KPI KPI tableau de bord', 'repetition'],
  ] as const)('flags « %s » (%s)', (text, reason) => {
    expect(isStuffed(text)?.reason).toBe(reason);
  });

  it.each([
    "Selon l'INSEE (2024), l'inflation a atteint 4,9 % en 2023, donc le panier moyen a reculé de 3 %.",
    "L'analyse PESTEL montre que les facteurs légaux constituent une menace à court terme.",
    'Nous avons mobilisé les outils PESTEL, SWOT et Porter pour le diagnostic externe.',
    'KPI suivis : taux de conversion, panier moyen, NPS et taux de fidélisation.',
    'Analyse PESTEL',
    'The Hofstede model shows that power distance and individualism differ between our teams.',
  ])('leaves « %s » alone', (text) => {
    expect(isStuffed(text, 'en')).toBeNull();
  });
});

describe('detectKeywordStuffing', () => {
  it('returns flag-ready spans with their page, once across overlapping passages, in document order', () => {
    const list = 'PESTEL SWOT SMART KPI ESG CSRD SONCAS SIMAC closing';
    const passages = [
      passage('b', 3, `Le marché croît de 4 % selon Xerfi (2023).\n\n${list}`),
      passage('a', 2, `Porter, SWOT, PESTEL, BCG, SMART, KPI, CRM\n\nLa concurrence s'intensifie.`),
      passage('c', 3, list, 4),
    ];
    const spans = detectKeywordStuffing(passages);
    expect(spans.map(({ page, excerpt, passageId }) => ({ page, excerpt, passageId }))).toEqual([
      { page: 2, excerpt: 'Porter, SWOT, PESTEL, BCG, SMART, KPI, CRM', passageId: 'a' },
      { page: 3, excerpt: list, passageId: 'b' },
    ]);
    const b = passages[0];
    expect(b.text.slice(spans[1].start, spans[1].end)).toBe(list);
  });

  it('accepts a plain text, with the page found in the dossier when given', () => {
    const dossier: DossierText = {
      text: 'Introduction.\n\nRSE ESG CSRD taxonomie SMART KPI',
      pages: [
        { page: 1, text: 'Introduction.' },
        { page: 2, text: 'RSE ESG CSRD taxonomie SMART KPI' },
      ],
      language: 'fr',
      words: 7,
    };
    expect(detectKeywordStuffing('RSE ESG CSRD taxonomie SMART KPI', { dossier })).toMatchObject([
      { page: 2, excerpt: 'RSE ESG CSRD taxonomie SMART KPI', reason: 'term_list' },
    ]);
    expect(detectKeywordStuffing('Une phrase normale, sans liste.')).toEqual([]);
  });
});

describe('table rows', () => {
  it('are structured data, not keyword stuffing', () => {
    const row =
      'Kit commercial RSE : fiche produit, réponses types aux questionnaires | Attentes acheteurs | Direction commerciale | Sept. 2024 | 4 k€ | Temps de réponse moyen';
    expect(isStuffed(row)).toBeNull();
  });
});

describe('repetition', () => {
  it('counts a term once where it stands, however many concepts share it', () => {
    // « qui décide » is a term of several concepts at the same offsets: one mention, not three.
    expect(isStuffed('Qui décide, qui pèse')).toBeNull();
    expect(detectKeywordStuffing('## Qui décide, qui pèse\n\nLa directrice signe.')).toEqual([]);
    // A term really repeated is still repetition.
    expect(isStuffed('KPI, KPI, KPI et encore KPI pour le suivi des KPI')).toMatchObject({
      reason: 'repetition',
    });
  });
});
