/**
 * Whose figure is it (issue #16, grader-weak-7): a study's or the sector's figure is context, not a fact of the
 * company; a draft with next to no figure of its own has its bare figures read as the sector's.
 */
import { describe, expect, it } from 'vitest';
import type { DossierText } from '../grade-schema';
import {
  figureReading,
  figureSentences,
  isSourcedContextFigure,
  properNames,
  statesOwnFigures,
} from './context-figures';
import { depthSignals, fold } from './lexicon';

const dossier = (text: string): DossierText => ({
  text,
  pages: [{ page: 1, text }],
  language: 'fr',
  words: 100,
});
const quantities = (s: string) => depthSignals(s, fold(s), 'fr').quantities;
/** The figure counts of a dossier made of these lines, the company named `name`. */
const countsOf = (lines: string[], name: string) =>
  figureSentences(dossier(lines.join('\n')), new Set([name]), facts);
function facts(s: string) {
  const d = depthSignals(s, fold(s), 'fr');
  return { quantities: d.quantities, sources: d.strongSources + d.weakSources };
}

describe('context figures (issue #16)', () => {
  const names = new Set(['marquis']);

  it('reads a figure attributed to a study, without the company, as the source’s figure', () => {
    const f = (s: string) =>
      isSourcedContextFigure(fold(s), { quantities: quantities(s), sourced: true }, names);
    expect(f('Le secteur compte environ 12 000 auto-écoles selon l’ONISR (2023).')).toBe(true);
    // A row of a study's table is the study's line, whatever its label names.
    expect(f('Auto-écoles en France | environ 12 000 | ONISR 2023')).toBe(true);
    expect(f('Auto-écoles de la région Marquis | environ 310 | ONISR 2023')).toBe(true);
    // The company's own figure stays the company's, with its name or the candidate's voice.
    expect(f('Marquis détient 9 % du marché local selon la CCI (2023).')).toBe(false);
    expect(f('Selon nos comptes 2023, le chiffre d’affaires atteint 610 000 €.')).toBe(false);
    // Without a figure or without a source it is not a source's figure.
    expect(
      isSourcedContextFigure(
        fold('Le marché est porteur selon Xerfi.'),
        { quantities: 0, sourced: true },
        names,
      ),
    ).toBe(false);
    expect(
      isSourcedContextFigure(
        fold('Le secteur compte 12 000 auto-écoles.'),
        { quantities: 1, sourced: false },
        names,
      ),
    ).toBe(false);
  });

  it('keeps as proper names only the names the dossier never writes in lower case', () => {
    const d = dossier(
      'Je travaille chez Sécurité Bretagne Services. Sécurité Bretagne Services vend des extincteurs. ' +
        'La sécurité des sites est notre métier. Le marché de la sécurité progresse.',
    );
    const proper = properNames(d, new Set(['securite', 'bretagne', 'services']));
    expect([...proper].sort()).toEqual(['bretagne', 'services']);
  });

  it('counts the prose sentences giving a figure with the company’s name or the candidate’s voice', () => {
    const inSector = countsOf(
      [
        'Auto-École Marquis est une auto-école de Poitiers. Auto-École Marquis forme au permis B.',
        'La France compte environ 12 000 auto-écoles.',
        'Le secteur a réalisé 1,4 milliard d’euros en 2023.',
        'Indicateur | Valeur | Source',
        'Élèves formés chez Marquis | 420 | Rapport 2023',
      ],
      'marquis',
    );
    expect(inSector).toEqual({ all: 3, own: 0, context: 3 });
    expect(statesOwnFigures(inSector)).toBe(false);
    const own = countsOf(
      [
        'Nous avons formé 420 élèves en 2023.',
        'Marquis a réalisé 610 000 € de chiffre d’affaires.',
        'Notre taux de réussite est de 71 %.',
        'La France compte environ 12 000 auto-écoles.',
      ],
      'marquis',
    );
    expect(own).toEqual({ all: 4, own: 3, context: 1 });
    // A draft whose figures are mostly the sector's and seldom its own states none of its own; a short or
    // plain draft with few figures of its own and few of the sector's does.
    expect(statesOwnFigures({ all: 10, own: 1, context: 8 })).toBe(false);
    expect(statesOwnFigures({ all: 20, own: 2, context: 2 })).toBe(true);
    expect(statesOwnFigures({ all: 40, own: 9, context: 30 })).toBe(true);
  });

  it('counts a rule of the trade as context: it holds for any firm', () => {
    const rules = [
      'Le projet Graine de Vrac est une épicerie que je veux ouvrir à Angers.',
      'Dans le commerce alimentaire, la marge brute se situe en général entre 30 et 40 %.',
      'Il faut garder 6 mois de charges en trésorerie avant d’ouvrir.',
      'Environ 30 % des entreprises ferment avant trois ans.',
    ];
    const counts = countsOf(rules, 'graine');
    expect(counts).toEqual({ all: 3, own: 0, context: 3 });
    expect(statesOwnFigures(counts)).toBe(false);
  });

  it('keeps a name that borrows a common word in a draft with figures of its own, drops it in one without', () => {
    // The same name, « Saveurs Collectives », also written as common words (« les saveurs de saison »).
    const own = dossier(
      [
        'Nous livrons 1 200 plateaux par semaine aux entreprises de la métropole.',
        'En 2023, Saveurs Collectives a réalisé 2,4 M€ de chiffre d’affaires.',
        'Notre panier moyen est de 14,50 € et notre marge brute de 38 %.',
        'Les clients de Saveurs Collectives aiment les saveurs de saison.',
        'À Lille, Saveurs Collectives emploie 23 personnes.',
      ].join('\n'),
    );
    const reading = figureReading(own, facts);
    expect(reading.ownFigures).toBe(true);
    expect(reading.names.has('saveurs')).toBe(true);
    // Without figures of its own, the name's common word is the sector's word, not the company.
    const sector = dossier(
      [
        'Le marché français de la restauration collective pèse 21 milliards d’euros selon Xerfi (2023).',
        'Le secteur compte 80 000 restaurants collectifs en France.',
        'À Lille, Saveurs Collectives veut proposer des saveurs de saison.',
        'Demain, Saveurs Collectives sera une entreprise de restauration.',
        'Comme les autres, Saveurs Collectives travaille avec des saveurs locales.',
      ].join('\n'),
    );
    const weak = figureReading(sector, facts);
    expect(weak.ownFigures).toBe(false);
    expect(weak.names.has('saveurs')).toBe(false);
  });
});

describe('whose voice makes a figure the company’s (one reading with applied.ts)', () => {
  const names = new Set(['marquis']);
  const f = (s: string) =>
    isSourcedContextFigure(fold(s), { quantities: quantities(s), sourced: true }, names);

  it('keeps the company’s figure in « nous », « j’ai » and « mon entreprise », not in a bare « je » or « mon »', () => {
    expect(f('J’ai relevé 42 % de clients perdus selon notre CRM (2024).')).toBe(false);
    expect(f('Mon entreprise détient 9 % du marché local selon la CCI (2023).')).toBe(false);
    // An opinion or a possessive alone does not make a study's figure the candidate's own.
    expect(f('Je pense que le marché atteint 3 milliards d’euros selon Xerfi (2023).')).toBe(true);
    expect(f('À mon avis, 12 000 auto-écoles selon l’ONISR (2023), c’est beaucoup.')).toBe(true);
  });
});
