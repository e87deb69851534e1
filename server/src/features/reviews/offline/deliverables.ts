/**
 * Deliverables check: is each part the referential requires (« le candidat doit présenter ») in the dossier?
 *
 * - present: a section title names it (one of its concepts, or most of its key words), or one page treats it
 *   at length (several sentences hitting its concepts and words);
 * - partial: some of its concepts or key words appear, but nowhere at length;
 * - missing: nothing of it appears.
 * Lexicon-based and deterministic, like the analyzer; keyword-stuffed sentences do not count.
 */
import type { Exam } from '../../referential';
import type { DossierText } from '../grade-schema';
import type { DeliverableResult } from '../schemas';
import { matchLanguage, sentenceFacts } from './analyzer';
import {
  type ConceptId,
  countStems,
  type DeliverableLexicon,
  fold,
  getExamLexicon,
  indexText,
  stemIn,
  type TextIndex,
} from './lexicon';
import { splitSentences } from './sentences';

/** A section of the dossier as ingestion found it (extra fields are ignored). */
export interface DossierSection {
  title: string;
  page: number;
  pageEnd: number;
  annex: boolean;
}

/** Named thresholds of the check. */
export const DELIVERABLE_THRESHOLDS = {
  /** Points of a concept hit (a key word scores 1). */
  conceptPoints: 2,
  /** A title matching only key words must contain at least this many, and this share of them. */
  titleWords: 2,
  titleWordShare: 0.5,
  /** A page treats a deliverable at length when it scores this share of the deliverable's points (at least `strongMin`)… */
  strongShare: 0.5,
  strongMin: 3,
  /** …in at least this many sentences. */
  strongSentences: 3,
  /** A page with this many points (one concept, or two key words) makes the deliverable partial. */
  partialPoints: 2,
  /** Pages reported for a partial deliverable. */
  partialPages: 3,
} as const;

interface PageHits {
  page: number;
  points: number;
  sentences: number;
}

function titleMatches(
  lexicon: DeliverableLexicon,
  title: string,
  titleConcepts: ReadonlySet<ConceptId>,
): boolean {
  const T = DELIVERABLE_THRESHOLDS;
  if (lexicon.concepts.some((id) => titleConcepts.has(id))) return true;
  const words = countStems(lexicon.stems, indexText(fold(title)));
  return words >= T.titleWords && words >= T.titleWordShare * lexicon.stems.length;
}

/** Concept and key-word hits of one deliverable on each page. */
function pageHits(
  lexicon: DeliverableLexicon,
  pages: readonly { page: number; sentences: { index: TextIndex; concepts: ConceptId[] }[] }[],
): PageHits[] {
  const T = DELIVERABLE_THRESHOLDS;
  const wanted = new Set(lexicon.concepts);
  return pages.map(({ page, sentences }) => {
    const concepts = new Set<ConceptId>();
    const words = new Set<string>();
    let hitting = 0;
    for (const s of sentences) {
      const c = s.concepts.filter((id) => wanted.has(id));
      const w = lexicon.stems.filter((stem) => stemIn(stem, s.index));
      for (const id of c) concepts.add(id);
      for (const stem of w) words.add(stem.stem);
      if (c.length > 0 || w.length >= 2) hitting++;
    }
    return { page, points: concepts.size * T.conceptPoints + words.size, sentences: hitting };
  });
}

/**
 * Status and pages of each deliverable of the exam, in the referential's order. `sections` are the dossier's
 * headings with their page ranges (annex sections count: a deliverable may sit in the annexes).
 */
export function checkDeliverables(
  exam: Exam,
  dossier: DossierText,
  sections: readonly DossierSection[],
): DeliverableResult[] {
  const T = DELIVERABLE_THRESHOLDS;
  const lexicon = getExamLexicon(exam);
  const lang = matchLanguage(exam, dossier);
  const pages = dossier.pages.map((p) => ({
    page: p.page,
    sentences: splitSentences(p.text)
      .map((s) => sentenceFacts(dossier, lang, s.text))
      .filter((f) => f.stuffed === null)
      .map((f) => ({ index: f.index, concepts: f.concepts.map((h) => h.id) })),
  }));
  const titles = sections.map((section) => ({
    section,
    concepts: new Set(sentenceFacts(dossier, lang, section.title).concepts.map((h) => h.id)),
  }));

  return exam.deliverables.map((deliverable): DeliverableResult => {
    const lex = lexicon.deliverables.get(deliverable.id);
    const base = { id: deliverable.id, text: deliverable.text };
    if (!lex) return { ...base, status: 'missing', pages: [] };

    const titled = titles.filter((t) => titleMatches(lex, t.section.title, t.concepts)).map((t) => t.section);
    if (titled.length > 0) {
      const covered = new Set<number>();
      for (const s of titled) for (let p = s.page; p <= Math.max(s.page, s.pageEnd); p++) covered.add(p);
      return { ...base, status: 'present', pages: [...covered].sort((a, b) => a - b) };
    }

    const hits = pageHits(lex, pages);
    const full = lex.concepts.length * T.conceptPoints + lex.stems.length;
    const strongBar = Math.max(T.strongMin, Math.ceil(T.strongShare * full));
    const strong = hits.filter((h) => h.points >= strongBar && h.sentences >= T.strongSentences);
    if (strong.length > 0) return { ...base, status: 'present', pages: strong.map((h) => h.page) };

    const partial = hits
      .filter((h) => h.points >= T.partialPoints && h.sentences > 0)
      .sort((a, b) => b.points - a.points || b.sentences - a.sentences || a.page - b.page)
      .slice(0, T.partialPages)
      .map((h) => h.page)
      .sort((a, b) => a - b);
    return partial.length > 0
      ? { ...base, status: 'partial', pages: partial }
      : { ...base, status: 'missing', pages: [] };
  });
}
