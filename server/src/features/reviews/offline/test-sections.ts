/** Test fixture: a dossier made of sections, one passage per section, as the offline analyzer's tests build it. */
import { getExam } from '../../referential';
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

/**
 * The analyzer's input for the criterion of `examId` whose wording contains `wording`, over sections given as
 * `[heading, paragraph]` (one paragraph each).
 */
export function criterionInput(examId: string, wording: string, sections: [string, string][]) {
  const exam = getExam(examId);
  if (!exam) throw new Error(`exam ${examId} missing`);
  const criterion = exam.criteria.find((c) => c.text.includes(wording));
  if (!criterion) throw new Error(`no criterion of ${examId} worded « ${wording} »`);
  const parts = sections.map(([heading, paragraph]) => ({ heading, paragraphs: [paragraph] }));
  return { exam, criterion, ...sectioned(parts) };
}
