/** Test fixture: a dossier made of sections, one passage per section, as the offline analyzer's tests build it. */
import type { DossierText, GradingPassage } from '../grade-schema';

export interface Section {
  heading: string;
  paragraphs: string[];
}

/** One passage per section, its heading as the passage's section, the dossier's detected language given. */
export function sectioned(
  sections: Section[],
  language = 'fr',
): { dossier: DossierText; passages: GradingPassage[] } {
  const passages = sections.map((s, i) => ({
    id: `p${i}`,
    ordinal: i,
    page: 1 + i,
    pageEnd: 1 + i,
    section: s.heading,
    annex: false,
    text: s.paragraphs.join('\n\n'),
    relevance: 1,
  }));
  const text = passages.map((p) => `${p.section}\n\n${p.text}`).join('\n\n');
  return {
    dossier: { text, pages: [{ page: 1, text }], language, words: text.split(/\s+/).length },
    passages,
  };
}
