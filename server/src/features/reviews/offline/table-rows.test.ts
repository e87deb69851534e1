import { describe, expect, it } from 'vitest';
import { fold } from './lexicon';
import { splitSentences } from './sentences';
import { isFigureRow, isReasonedRow, isSourceListHeader, tableHeaders } from './table-rows';

describe('tableHeaders', () => {
  it("gives each body row its table's header, and nothing to prose, headers or a lone row", () => {
    const rows = [
      'Cible | Canal | Résultat',
      'Hôtels | visite | 6 contrats',
      'Boulangeries | courrier | 12 contrats',
    ];
    const text = `Voici nos canaux.\n${rows.join('\n')}\n\nUne ligne | seule\n\nFin du texte.`;
    const sentences = splitSentences(text);
    const headers = tableHeaders(sentences, text);
    const headerOf = (line: string) => headers[sentences.findIndex((s) => s.text === line)];
    const header = sentences.findIndex((s) => s.text === rows[0]);
    expect(header).toBeGreaterThanOrEqual(0);
    expect(rows.map(headerOf)).toEqual([-1, header, header]);
    expect(['Voici nos canaux.', 'Une ligne | seule', 'Fin du texte.'].map(headerOf)).toEqual([-1, -1, -1]);
  });
});

describe('isReasonedRow', () => {
  it('accepts a row of two phrase cells or more, not a row of labels and figures', () => {
    expect(
      isReasonedRow(
        '20 % du CA avec les entreprises (1,4 M€) | signer 35 contrats de flotte de 10 vélos en moyenne | une offre de location longue durée avec entretien compris | mars 2024',
      ),
    ).toBe(true);
    expect(isReasonedRow('cavistes | 64 | 0,6 M€ | +21 %')).toBe(false);
    expect(isReasonedRow('carte de fidélité cavistes | 3 k€ | mars 2025')).toBe(false);
    // Two short phrase cells are a label and its value, not reasoning.
    expect(
      isReasonedRow('prix de vente moyen (75 cl) | 4,90 € en grande surface, 7,50 € chez les cavistes'),
    ).toBe(false);
    expect(isReasonedRow('Nous signons 35 contrats de flotte de 10 vélos en moyenne avant mars.')).toBe(
      false,
    );
    // A unit (« 1,5 l ») is not a word: an indicator's row is not reasoning.
    expect(
      isReasonedRow(
        'Référence « zéro plastique » | Bouteilles évitées chez les clients | Nombre de bouteilles 1,5 l évitées | 3,2 millions/an',
      ),
    ).toBe(false);
  });
});

describe('isSourceListHeader: a table listing its sources (branch grader-strong-3)', () => {
  it.each([
    ["Source | Ce que j'y prends | Date | Confiance", true],
    ['Origine des données | Période | Fiabilité', true],
    ['Sources | What I took from it | Date', true],
    ['Type de client | Nombre | CA', false],
    ['Action | Source de financement | Coût', false],
  ])('%s → %s', (header, expected) => {
    expect(isSourceListHeader(fold(header))).toBe(expected);
  });
});

describe('isFigureRow: a row of figures, sourced or not (branch grader-weak-5)', () => {
  it.each([
    ['Marché biscuits et gâteaux (Md€) | 3,2 | 3,3 | 3,5 | Xerfi 2023', true],
    ['Évolution des volumes | +0,5 % | –1,2 % | –2,0 % | Xerfi 2023', true],
    ['Production (t) | 15 200 | 15 900 | Syndicat 2024', true],
    ['Institutionnel | INSEE, Brasseurs de France 2023, Eurostat | Taille du marché', false],
    ['20 % du CA avec les entreprises (1,4 M€) | signer 35 contrats de flotte | mars 2024', false],
    ['Une phrase sans tableau, 3,2 et 3,5.', false],
  ])('%s → %s', (row, expected) => {
    expect(isFigureRow(row)).toBe(expected);
  });
});
