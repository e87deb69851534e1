import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences';
import { tableHeaders } from './table-rows';

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
