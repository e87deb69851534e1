import { describe, expect, it } from 'vitest';
import { getExam, listExams } from '../../referential';
import type { Exam } from '../../referential/types';
import type { DossierText } from '../grade-schema';
import { checkDeliverables, type DossierSection } from './deliverables';

function dossierOf(pages: string[], language = 'fr'): DossierText {
  const pageTexts = pages.map((text, i) => ({ page: i + 1, text }));
  const text = pageTexts.map((p) => p.text).join('\n\n');
  return { text, pages: pageTexts, language, words: text.split(/\s+/).length };
}

function exam(id: string): Exam {
  const found = getExam(id);
  if (!found) throw new Error(`exam ${id} missing from the referential`);
  return found;
}

function section(title: string, page: number, pageEnd = page, annex = false): DossierSection {
  return { title, page, pageEnd, annex };
}

function statuses(results: ReturnType<typeof checkDeliverables>) {
  return Object.fromEntries(results.map((r) => [r.id, [r.status, r.pages]]));
}

/** A B1 diagnostics draft: sources, company, diagnostics, a thin market page; no strategic choices, no risks. */
const DIAGNOSTICS = dossierOf([
  `Sommaire

Introduction et contexte du stage.`,
  `Sources et veille

Nos sources secondaires sont l'INSEE, Xerfi et le rapport annuel 2023, recoupées avec des entretiens. La veille est hebdomadaire, avec Google Alerts et Feedly. Chaque source est datée et sa fiabilité évaluée.`,
  `Diagnostic externe : PESTEL

Sur le plan économique, selon l'INSEE (2024), l'inflation a atteint 4,9 % en 2023, donc le panier moyen a reculé de 3 %. La loi AGEC impose la fin des emballages plastiques, ce qui oblige l'entreprise à revoir 60 % de ses références.

Diagnostic interne : SWOT

La matrice SWOT révèle que les forces (marque reconnue, savoir-faire) compensent les faiblesses (prix élevés).`,
  `Notre marché

Le marché est porteur.`,
]);

describe('checkDeliverables', () => {
  it('marks deliverables present, partial or missing from the section titles and the pages', () => {
    const sections = [
      section('Sommaire', 1),
      section('Sources et veille', 2),
      section('Diagnostic externe : PESTEL', 3),
      section('Diagnostic interne : SWOT', 3),
    ];
    const results = checkDeliverables(exam('b1-diagnostics-strategiques'), DIAGNOSTICS, sections);
    expect(results.map((r) => r.id)).toEqual(['L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7']);
    expect(statuses(results)).toEqual({
      L1: ['present', [2]], // « Une synthèse de ses sources informationnelles »: titled
      L2: ['missing', []], // the company and its stakeholders
      L3: ['present', [3]], // the two strategic diagnostics: titled
      L4: ['missing', []], // strategic choices
      L5: ['partial', [4]], // the market: one line
      L6: ['missing', []], // competition
      L7: ['missing', []], // risks
    });
    expect(results[0].text).toBe('Une synthèse de ses sources informationnelles');
  });

  it('recognises a deliverable treated at length on a page without a matching title', () => {
    const results = checkDeliverables(exam('b1-diagnostics-strategiques'), DIAGNOSTICS, []);
    expect(statuses(results)).toMatchObject({
      L1: ['present', [2]],
      L3: ['present', [3]],
      L5: ['partial', [4]],
    });
  });

  it('counts sections in the annexes and reports every page of a section', () => {
    const rse = dossierOf([
      'Audit RSE de la société.',
      'Annexe 1 : plan de planification RSE',
      'Tableau des actions, suite.',
    ]);
    const results = checkDeliverables(exam('b1-audit-rse'), rse, [
      section('Annexe 1 : planification RSE (tableau des actions)', 2, 3, true),
    ]);
    expect(statuses(results).L3).toEqual(['present', [2, 3]]);
  });

  it('does not count keyword stuffing as content', () => {
    const stuffed = dossierOf([
      'PESTEL SWOT Porter ressources humaines forces faiblesses opportunités menaces',
    ]);
    const results = checkDeliverables(exam('b1-diagnostics-strategiques'), stuffed, []);
    expect(results.every((r) => r.status === 'missing')).toBe(true);
  });

  it('checks English dossiers with English section titles', () => {
    const english = dossierOf(
      [
        'Curriculum Vitae\n\nBusiness Development Manager, 8 years in B2B sales.',
        'Cover letter\n\nI am applying because your multicultural team matches my experience.',
        'Onboarding in a multicultural organisation\n\nMy 30/60/90 days onboarding plan includes meeting 15 colleagues.',
      ],
      'en',
    );
    const results = checkDeliverables(exam('b6-management-interculturel'), english, [
      section('Curriculum Vitae', 1),
      section('Cover letter', 2),
      section('Onboarding in a multicultural organisation', 3),
    ]);
    expect(statuses(results)).toEqual({
      L1: ['present', [1, 2]],
      L2: ['present', [3]],
      L3: ['missing', []],
    });
  });

  it('reports every deliverable as missing for an empty dossier, in the referential order', () => {
    for (const e of listExams()) {
      const results = checkDeliverables(e, dossierOf([]), []);
      expect(results.map((r) => r.id)).toEqual(e.deliverables.map((d) => d.id));
      expect(results.every((r) => r.status === 'missing' && r.pages.length === 0)).toBe(true);
    }
  });

  it('is deterministic', () => {
    const sections = [section('Sources et veille', 2)];
    const e = exam('b1-diagnostics-strategiques');
    expect(checkDeliverables({ ...e }, { ...DIAGNOSTICS }, sections)).toEqual(
      checkDeliverables(e, DIAGNOSTICS, sections),
    );
  });
});
