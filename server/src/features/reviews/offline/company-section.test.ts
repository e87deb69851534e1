/**
 * Issue #16, strong drafts in plain words, on text written for these tests (not the eval cases): a statement
 * naming a criterion's core notion inside a section about the company is about the company (applied.ts
 * `namesNotionInCompanySection`).
 */
import { describe, expect, it } from 'vitest';
import { getExam } from '../../referential';
import type { Exam } from '../../referential/types';
import type { DossierText, GradingPassage } from '../grade-schema';
import { analyzeCriterionDetailed } from './analyzer';
import { isCompanySection } from './applied';

function dossierOf(paragraphs: string[]): { dossier: DossierText; passages: GradingPassage[] } {
  const text = paragraphs.join('\n\n');
  const passages = [
    {
      id: 'p0',
      ordinal: 0,
      page: 1,
      pageEnd: 1,
      section: 'Nos clients aujourd’hui',
      annex: false,
      text,
      relevance: 1,
    },
  ];
  return {
    dossier: { text, pages: [{ page: 1, text }], language: 'fr', words: text.split(/\s+/).length },
    passages,
  };
}

const PROSPECTION = getExam('b3-prospection') as Exam;
const PORTFOLIO = PROSPECTION.criteria.find((c) => /portefeuille/i.test(c.text));

/** The company's client groups with their figures, then the notion named once without the company's name. */
const CLIENTS = [
  'Atelier Brunet entretient les chaudières de 412 clients professionnels dans la Drôme.',
  'Les restaurants sont 160 et font 31 % de notre chiffre, mais 24 sont partis en 2023 au changement de patron.',
  'Les syndics de copropriété nous confient 90 immeubles et restent en moyenne neuf ans, donc ils valent plus qu’un client isolé.',
  'Les boulangeries sont 70 clients fidèles, contrôlés chaque année par les services d’hygiène, car une panne leur coûte une fournée.',
];

describe('a core notion named in a section about the company (applied.ts)', () => {
  it('counts a section as the company’s when most of its statements are about it', () => {
    expect(isCompanySection([true, true, false], [true, true, true])).toBe(true);
    expect(isCompanySection([true, false, false, false], [true, true, true, true])).toBe(false);
    // Headings and labels are no statements: they neither count for nor against.
    expect(isCompanySection([true, true, false], [true, true, false])).toBe(true);
  });

  it('reads « le portefeuille a été construit par le fondateur » among the company’s figures as its portfolio', () => {
    if (!PORTFOLIO) throw new Error('no portfolio criterion');
    const { dossier, passages } = dossierOf([
      ...CLIENTS,
      'Le portefeuille a été construit par le fondateur, surtout par le bouche-à-oreille des artisans du secteur.',
    ]);
    const { signals } = analyzeCriterionDetailed({
      exam: PROSPECTION,
      criterion: PORTFOLIO,
      passages,
      dossier,
    });
    // Before: the only sentence naming the notion had no name, figure or « nous »: not applied, score capped at 1.
    expect(signals.notionsFound).toContain('portefeuille');
    expect(signals.appliedNotions).toContain('portefeuille');
  });

  it('keeps advice to anyone textbook prose, even in a section about the company', () => {
    if (!PORTFOLIO) throw new Error('no portfolio criterion');
    const { dossier, passages } = dossierOf([
      ...CLIENTS,
      'Il faut analyser son portefeuille clients pour savoir quels clients rapportent le plus.',
    ]);
    const { signals } = analyzeCriterionDetailed({
      exam: PROSPECTION,
      criterion: PORTFOLIO,
      passages,
      dossier,
    });
    expect(signals.appliedNotions ?? []).not.toContain('portefeuille');
  });

  it('does not read a section of generalities with the company’s name dropped in once as the company’s', () => {
    if (!PORTFOLIO) throw new Error('no portfolio criterion');
    const { dossier, passages } = dossierOf([
      'Atelier Brunet veut mieux connaître ses clients pour les garder plus longtemps.',
      'Un bon commercial connaît bien ses clients et leurs besoins pour mieux les fidéliser.',
      'La prospection demande de la méthode et de la persévérance pour réussir durablement.',
      'Le portefeuille a été construit par le fondateur, surtout par le bouche-à-oreille des artisans du secteur.',
    ]);
    const { signals } = analyzeCriterionDetailed({
      exam: PROSPECTION,
      criterion: PORTFOLIO,
      passages,
      dossier,
    });
    expect(signals.appliedNotions ?? []).not.toContain('portefeuille');
  });
});
