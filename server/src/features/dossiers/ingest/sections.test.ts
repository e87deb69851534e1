import { describe, expect, it } from 'vitest';
import { joinPages } from './pipeline';
import { detectSections, numberedHeadingLevel } from './sections';
import type { HeadingHint } from './types';

const BODY =
  "L'entreprise distribue des solutions de gestion aux petites et moyennes entreprises de la région, avec une équipe de huit commerciaux.";

function sectionsOf(pageTexts: string[], hints: HeadingHint[] = []) {
  const pages = pageTexts.map((text, i) => ({ page: i + 1, text }));
  const { text, pageOffsets } = joinPages(pages);
  return { text, ...detectSections(pages, text, pageOffsets, hints) };
}

describe('numberedHeadingLevel', () => {
  it.each([
    ['1. Présentation de l’entreprise', 1],
    ['1.2 Analyse du marché', 2],
    ['2.3.1 Concurrents directs', 3],
    ['II. Diagnostic', 1],
    ['A. Forces', 2],
    ['Partie 2 : stratégie', 1],
    ['Chapitre III', 1],
  ])('%s → level %i', (line, level) => expect(numberedHeadingLevel(line)).toBe(level));

  it.each(['1. nous avons rencontré le client', '2024 Résultats annuels', '12 clients ont répondu,'])(
    '%s is not a heading',
    (l) => expect(numberedHeadingLevel(l)).toBe(0),
  );
});

describe('detectSections', () => {
  it('finds numbered, upper-case and short title headings, with offsets, pages and levels', () => {
    const { text, sections } = sectionsOf([
      `INTRODUCTION\n\n${BODY}`,
      `1. Présentation de l'entreprise\n\n${BODY}\n\n1.1 Historique\n\n${BODY}`,
      `Analyse de la concurrence\n\n${BODY}`,
    ]);
    expect(sections.map((s) => [s.title, s.level, s.page, s.pageEnd])).toEqual([
      ['INTRODUCTION', 1, 1, 1],
      ["1. Présentation de l'entreprise", 1, 2, 2],
      ['1.1 Historique', 2, 2, 2],
      ['Analyse de la concurrence', 2, 3, 3],
    ]);
    for (const s of sections) expect(text.slice(s.start, s.end).startsWith(s.title)).toBe(true);
    expect(sections[3].end).toBe(text.length);
    // One sentence: too short for its language to matter.
    expect(sections[0].language).toBeNull();
    const long = sectionsOf([`INTRODUCTION\n\n${`${BODY} `.repeat(4)}`]).sections;
    expect(long[0].language).toBe('fr');
  });

  it('does not take a numbered list for headings', () => {
    const { sections } = sectionsOf([
      `${BODY}\n\n1. Fidéliser les clients\n2. Conquérir les PME\n3. Recruter`,
    ]);
    expect(sections).toEqual([]);
  });

  it('uses only authoritative hints when the parser has them', () => {
    const { sections } = sectionsOf(
      [`Contexte\n\n${BODY}\n\nINTRODUCTION\n\n${BODY}`],
      [{ page: 1, text: 'Contexte', level: 1, source: 'style' }],
    );
    expect(sections.map((s) => s.title)).toEqual(['Contexte']);
  });

  it('reads a PDF by its font sizes alone when they set several headings apart, as a DOCX by its styles', () => {
    const layout = (text: string, level: number): HeadingHint => ({ page: 1, text, level, source: 'layout' });
    const { sections } = sectionsOf(
      [
        `Candidature\n\n1. L'offre\n\n${BODY}\n\nExpérience professionnelle\n\n${BODY}\n\n2. Le rapport\n\n1. Créer un poste de responsable RSE.\n\n${BODY}`,
      ],
      [layout('Candidature', 1), layout("1. L'offre", 2), layout('2. Le rapport', 2)],
    );
    expect(sections.map((s) => s.title)).toEqual(['Candidature', "1. L'offre", '2. Le rapport']);
    // Fewer headings from sizes than that: the text patterns still find the others.
    const few = sectionsOf(
      [`Candidature\n\n1. L'offre\n\n${BODY}\n\n2. Le rapport\n\n${BODY}`],
      [layout('Candidature', 1)],
    );
    expect(few.sections.map((s) => s.title)).toEqual(['Candidature', "1. L'offre", '2. Le rapport']);
  });

  it('does not match a heading to a list item or a table row that names it first', () => {
    const { sections } = sectionsOf(
      [`Les outils\n\n${BODY}\n- le tableau de bord ;\n- le CRM.\n\nLe tableau de bord\n\n${BODY}`],
      [
        { page: 1, text: 'Les outils', level: 2, source: 'style' },
        { page: 1, text: 'Le tableau de bord', level: 2, source: 'style' },
      ],
    );
    expect(sections.map((s) => s.title)).toEqual(['Les outils', 'Le tableau de bord']);
  });

  it('matches a hint to a line that carries its automatic number', () => {
    const { sections } = sectionsOf(
      [`2.1 Le marché\n\n${BODY}`],
      [{ page: 1, text: 'Le marché', level: 2, source: 'outline' }],
    );
    expect(sections.map((s) => [s.title, s.level])).toEqual([['2.1 Le marché', 2]]);
  });

  it('finds annexes at the top of a page: that page and the next are excluded', () => {
    const { sections, annexStartPage, pagesExcludingAnnexes } = sectionsOf([
      `1. Introduction\n\n${BODY}`,
      BODY,
      `ANNEXE A\n\n${BODY}`,
      `Annexe B : questionnaire\n\n${BODY}`,
    ]);
    expect(annexStartPage).toBe(3);
    expect(pagesExcludingAnnexes).toBe(2);
    expect(sections.map((s) => [s.title, s.annex])).toEqual([
      ['1. Introduction', false],
      ['ANNEXE A', true],
      ['Annexe B : questionnaire', true],
    ]);
  });

  it('counts the page where annexes start mid-page', () => {
    const { annexStartPage, pagesExcludingAnnexes } = sectionsOf([
      `${BODY}`,
      `Conclusion\n\n${BODY} ${BODY}\n\nAnnexes\n\n${BODY}`,
    ]);
    expect(annexStartPage).toBe(2);
    expect(pagesExcludingAnnexes).toBe(2);
  });

  it('ignores annexes listed in a table of contents, and « Appendix » works too', () => {
    const toc = [
      'Sommaire',
      '1. Introduction ........ 3',
      '2. Diagnostic ........ 5',
      '3. Stratégie ........ 8',
      'Conclusion ........ 12',
      'Annexes ........ 14',
    ].join('\n');
    const { annexStartPage } = sectionsOf([toc, `1. Introduction\n\n${BODY}`, `Appendix\n\n${BODY}`]);
    expect(annexStartPage).toBe(3);
    expect(sectionsOf([toc, BODY]).annexStartPage).toBeNull();
  });

  it('reports no annexes and all pages when there are none', () => {
    const { annexStartPage, pagesExcludingAnnexes } = sectionsOf([BODY, BODY]);
    expect([annexStartPage, pagesExcludingAnnexes]).toEqual([null, 2]);
  });
});
