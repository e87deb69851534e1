/**
 * Issue #16, strong drafts in plain words (branch grader-argued-15), on text written for these tests (not the eval
 * cases): a claim backed after a colon by a measured fact argues without a connective (argument-shapes.ts), in a
 * section about the company that argues that way more than once (candidates.ts `classify`). Each test fails on
 * the engine before the rule: no such sentence was argued there.
 */
import { describe, expect, it } from 'vitest';
import { getExam } from '../../referential';
import type { Exam } from '../../referential/types';
import { backsClaim, showsArgument } from './argument-shapes';
import { classify, criterionLexicon } from './candidates';
import { fold } from './lexicon';
import { sectioned } from './test-sections';

function shaped(text: string): boolean {
  return showsArgument(text, fold(text), 'fr');
}

describe('a claim backed after a colon argues (argument-shapes.ts)', () => {
  it('reads a claim and the measured fact that backs it', () => {
    expect(
      shaped("Notre atelier dépend trop de l'été : en 2023, juillet et août ont fait 48 % des ventes."),
    ).toBe(true);
    expect(
      shaped(
        'Le nouveau tarif a été bien reçu par les boutiques : 37 sur 40 ont renouvelé leur commande en mai.',
      ),
    ).toBe(true);
  });

  it('leaves labels, lists, announcements and intentions out', () => {
    // No verb before the colon: a label.
    expect(shaped('Nos points faibles : un seul fournisseur de bois, 62 % des ventes en été.')).toBe(false);
    // No verb after it: a list.
    expect(
      shaped("L'étude a duré trois mois : neuf entretiens, 120 questionnaires, les comptes 2021-2023."),
    ).toBe(false);
    // Nothing measured after it: an announcement.
    expect(shaped('Notre modèle est très simple : nous achetons du bois et nous vendons des meubles.')).toBe(
      false,
    );
    // A plan, not something the company shows.
    expect(shaped('Nous voulons ouvrir un second atelier : il coûterait 80 000 € à équiper.')).toBe(false);
    // English is read by its connectives only.
    expect(
      showsArgument(
        'Our sales fell: in 2023 we lost 12 % of them.',
        'our sales fell: in 2023 we lost 12 % of them.',
        'en',
      ),
    ).toBe(false);
  });

  it('needs a colon that breaks clauses, not a time', () => {
    const text =
      'La réunion hebdomadaire commence chaque lundi à 8:30 et dure une heure pour les neuf commerciaux.';
    expect(backsClaim(text, fold(text), 'fr')).toBe(false);
  });
});

describe('a section arguing by claims backed with its facts (candidates.ts classify)', () => {
  const DIAG = getExam('b1-diagnostics-strategiques') as Exam;
  const found = DIAG.criteria.find((c) => /nature du marché/i.test(c.text));
  if (!found) throw new Error('market criterion');
  const MARKET = found;

  function argued(paragraphs: string[]): string[] {
    const { dossier, passages } = sectioned([
      {
        heading: 'Présentation',
        paragraphs: ['La Menuiserie Vasseur fabrique des meubles en chêne à Amiens depuis 1992.'],
      },
      { heading: 'Notre marché et nos concurrents', paragraphs },
    ]);
    const { relevant } = classify(
      { exam: DIAG, criterion: MARKET, dossier, passages },
      criterionLexicon(DIAG, MARKET),
    );
    return relevant.filter((c) => c.argued).map((c) => c.sentence.text);
  }

  const FIRST =
    'Notre clientèle est de plus en plus âgée : en 2023, 61 % de nos acheteurs avaient plus de 60 ans.';
  const SECOND =
    'Les deux concurrents de la ville sont moins chers que nous : leurs buffets coûtent 1 200 € contre 1 650 € chez nous.';

  it('counts the claims of a section argued that way as argued sentences', () => {
    const sentences = argued([FIRST, SECOND, 'Nous vendons surtout des buffets et des tables.']);
    expect(sentences).toContain(FIRST);
    expect(sentences).toContain(SECOND);
  });

  it('does not count one such claim in passing in a section that describes', () => {
    const sentences = argued([
      FIRST,
      'Nous vendons surtout des buffets et des tables.',
      'La boutique ouvre six jours sur sept.',
    ]);
    expect(sentences).not.toContain(FIRST);
  });
});
