import { describe, expect, it } from 'vitest';
import { ingestInProcess } from './ingest';
import { fullResult, slimResult } from './slim-result';

const markdown = Array.from(
  { length: 12 },
  (_, i) =>
    `## Partie ${i + 1}\n\nLe diagnostic stratégique de l'entreprise ${i + 1} croise l'analyse PESTEL, les cinq forces de Porter et une matrice SWOT argumentée, chiffres du marché à l'appui.`,
).join('\n\n');

async function ingested() {
  return ingestInProcess(new TextEncoder().encode(`# Dossier\n\n${markdown}`), {
    fileName: 'dossier.md',
    passages: true,
    offlineDimensions: null,
  });
}

describe('slimResult / fullResult: the texts the API rebuilds from the document text', () => {
  it('leaves page and passage texts out, and gives back the very same result', async () => {
    const original = await ingested();
    const slim = slimResult(structuredClone(original));
    expect(slim.omitted).toEqual({ pages: true, passages: true });
    expect(slim.passages.length).toBeGreaterThan(0);
    expect(slim.passages.every((p) => p.text === '')).toBe(true);
    expect(slim.doc.pages.every((p) => p.text === '')).toBe(true);
    expect(fullResult(structuredClone(slim))).toEqual(original);
  });

  it('keeps a list whole when one of its texts is not the slice of the document text', async () => {
    const original = await ingested();
    original.passages[0].text = `${original.passages[0].text} (ajout)`;
    const slim = slimResult(structuredClone(original));
    expect(slim.omitted).toEqual({ pages: true, passages: false });
    expect(slim.passages[0].text).toBe(original.passages[0].text);
    expect(fullResult(structuredClone(slim))).toEqual(original);
  });
});
