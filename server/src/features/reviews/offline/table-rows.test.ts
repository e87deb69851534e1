import { describe, expect, it } from 'vitest';
import { getExam } from '../../referential';
import type { DossierText, GradingPassage } from '../grade-schema';
import { analyzeCriterionDetailed } from './analyzer';
import { classify, criterionLexicon } from './candidates';
import { splitSentences } from './sentences';
import { tableHeaders } from './table-rows';

const PROSPECTION = 'b3-prospection';

function prospection() {
  const exam = getExam(PROSPECTION);
  if (!exam) throw new Error(`exam ${PROSPECTION} missing from the referential`);
  const portfolio = exam.criteria.find((c) => c.text.includes('portefeuille'));
  if (!portfolio) throw new Error('no portfolio criterion');
  return { exam, portfolio };
}

/** One section as ingestion passes it: its title and its text, one passage. */
function section(title: string, text: string) {
  const dossier: DossierText = {
    text,
    pages: [{ page: 1, text }],
    language: 'fr',
    words: text.split(/\s+/).length,
  };
  const passages: GradingPassage[] = [
    { id: 'p0', ordinal: 0, page: 1, pageEnd: 1, section: title, annex: false, text, relevance: 1 },
  ];
  return { dossier, passages };
}

const TABLE = [
  'Type de client | Nombre | CA 2024 | Clients perdus en 2024',
  'Restaurants indépendants | 142 | 610 k€ | 19',
  'Hôtels | 31 | 540 k€ | 2',
  'Cuisines collectives | 24 | 820 k€ | 0',
].join('\n');

describe('tableHeaders', () => {
  it("gives each body row its table's header, and nothing to prose, headers or a lone row", () => {
    const text = `Voici nos clients.\n${TABLE}\n\nUne ligne | seule\n\nFin du texte.`;
    const sentences = splitSentences(text);
    const headers = tableHeaders(sentences, text);
    const byText = new Map(sentences.map((s, i) => [s.text, headers[i]]));
    const header = sentences.findIndex((s) => s.text.startsWith('Type de client'));
    expect(byText.get('Voici nos clients.')).toBe(-1);
    expect(byText.get(TABLE.split('\n')[0])).toBe(-1);
    for (const row of TABLE.split('\n').slice(1)) expect(byText.get(row)).toBe(header);
    expect(byText.get('Une ligne | seule')).toBe(-1);
    expect(byText.get('Fin du texte.')).toBe(-1);
  });
});

describe('analysis carried by a table (issue #16)', () => {
  it('reads the rows under a header naming the notion as about it, even under a heading that does not', () => {
    const { exam, portfolio } = prospection();
    const { dossier, passages } = section('1. Nos clients aujourd’hui', TABLE);
    const input = { exam, criterion: portfolio, passages, dossier };
    const { relevant } = classify(input, criterionLexicon(exam, portfolio));
    const rows = relevant.filter((c) => /\| \d/.test(c.sentence.text));
    // Each body row is a quantified statement about the portfolio its header names.
    expect(rows.map((c) => c.sentence.text)).toEqual(TABLE.split('\n').slice(1));
    for (const row of rows) {
      expect(row.statement).toBe(true);
      expect(row.quantified).toBe(true);
      expect(row.inherited).toContain('portefeuille');
    }
  });

  it('does not turn a table of figures without a sentence of reasoning into analysis', () => {
    const { exam, portfolio } = prospection();
    const { dossier, passages } = section('1. Nos clients aujourd’hui', TABLE);
    const graded = analyzeCriterionDetailed({ exam, criterion: portfolio, passages, dossier });
    expect(graded.signals.developedSentences).toBe(0);
    expect(graded.grade.score).toBeLessThanOrEqual(1);
  });
});
