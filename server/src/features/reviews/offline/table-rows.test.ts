import { describe, expect, it } from 'vitest';
import { getExam } from '../../referential';
import type { Exam } from '../../referential/types';
import { analyzeCriterionDetailed } from './analyzer';
import { fold } from './lexicon';
import { splitSentences } from './sentences';
import { isFigureRow, isGlossaryHeader, isReasonedRow, isSourceListHeader, tableHeaders } from './table-rows';

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

describe('a glossary table (issue #16: a weak dashboard draft lifted seven criteria to 3)', () => {
  it('is a header with a definition column and no column of the company’s own values', () => {
    const g = (header: string) => isGlossaryHeader(fold(header));
    expect(g('Indicateur | Définition | Mode de calcul | Repère du secteur')).toBe(true);
    expect(g('Indicateur | Formule | Norme')).toBe(true);
    // A word that holds « our » or « nos » is not the company's column (« Fourchette habituelle »).
    expect(g('Indicateur | Définition | Mode de calcul | Fourchette habituelle dans le secteur')).toBe(true);
    // The company's own targets or results make it the company's dashboard, defined or not.
    expect(g('Indicateur | Définition | Objectif 2025 | Réalisé 2024')).toBe(false);
    expect(g('Indicateur | Mode de calcul | Notre résultat | Écart')).toBe(false);
    expect(g('Cible | Canal | Résultat')).toBe(false);
    // The company's own organisation of its indicators, and an action plan's description of its actions.
    expect(g('Indicateur | Mode de calcul | Fréquence | Responsable')).toBe(false);
    expect(g('Action | Description | Responsable | Échéance')).toBe(false);
    expect(g('Action | Description | Échéance')).toBe(false);
  });

  it('gives its rows no weight as the company’s measures, and keeps the dashboard’s', () => {
    const exam = getExam('b5-pilotage-performance') as Exam;
    const criterion = exam.criteria[0];
    // Tables reach the analyzer as extracted: one line per row, cells joined by « | ».
    const table = (header: string, rows: string[]) => [header, ...rows].join('\n');
    const review = (header: string, rows: string[]) => {
      const text = `## Le tableau de bord de Nacelles Loire\n\n${table(header, rows)}`;
      const passage = {
        id: 'p0',
        ordinal: 0,
        page: 1,
        pageEnd: 1,
        section: 'Le tableau de bord de Nacelles Loire',
        annex: false,
        text: table(header, rows),
        relevance: 1,
      };
      return analyzeCriterionDetailed({
        exam,
        criterion,
        passages: [passage],
        dossier: { text, pages: [{ page: 1, text }], language: 'fr', words: 120 },
      }).signals;
    };
    const glossary = review('Indicateur de performance | Définition | Mode de calcul | Repère du secteur', [
      'Taux d’utilisation du parc | Part du temps où une machine est louée | Jours loués / jours disponibles | 65 à 75 % pour un loueur',
      'Taux de transformation des devis | Part des devis signés | Devis signés / devis émis | 25 à 35 % selon les familles',
      'Chiffre d’affaires location | Montant facturé pour la location | Somme des factures HT | Croissance de 3 à 5 % par an',
    ]);
    const dashboard = review('Indicateur de performance | Mode de calcul | Objectif 2024 | Réalisé 2024', [
      'Taux d’utilisation du parc | Jours loués / jours disponibles | 70 % | 61 %, car deux nacelles immobilisées',
      'Taux de transformation des devis | Devis signés / devis émis | 30 % | 22 %, donc relance à J+3 décidée',
      'Chiffre d’affaires location | Somme des factures HT | 4,1 M€ | 3,8 M€, soit un écart de 7 %',
    ]);
    expect(glossary.quantifiedSentences).toBe(0);
    expect(glossary.developedSentences).toBe(0);
    expect(dashboard.quantifiedSentences).toBeGreaterThan(0);
  });
});

describe('a table of where the leads came from (issue #16, the figure-dense partial prospecting draft)', () => {
  it('reads rows of figures under a « Source » column as data, not as named sources', () => {
    const exam = getExam('b3-prospection') as Exam;
    const criterion = exam.criteria.find((c) => c.text.includes('prescripteurs')) ?? exam.criteria[0];
    const rows = [
      'Source | Contacts trouvés | Contacts qualifiés | Rendez-vous',
      'Annuaire des architectes du Gard | 140 | 61 | 12',
      'Chambre des métiers (fichier artisans) | 320 | 95 | 18',
      'Bouche-à-oreille des plombiers partenaires | 45 | 30 | 14',
    ];
    const section = 'Nos prescripteurs et apporteurs d’affaires chez Verrières Dumas';
    const text = `## ${section}\n\n${rows.join('\n')}`;
    const passage = {
      id: 'p0',
      ordinal: 0,
      page: 1,
      pageEnd: 1,
      section,
      annex: false,
      text: rows.join('\n'),
      relevance: 1,
    };
    const signals = analyzeCriterionDetailed({
      exam,
      criterion,
      passages: [passage],
      dossier: { text, pages: [{ page: 1, text }], language: 'fr', words: 60 },
    }).signals;
    expect(signals.relevantSentences).toBeGreaterThan(0);
    expect(signals.developedSentences).toBe(0);
  });
});
