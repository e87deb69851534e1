/**
 * Action lists (issue #16, concise strong drafts): a jury reads a short list of steps, each with its figure,
 * threshold or date, under a heading that recommends or sets a condition (« Ce que je recommande », « Si une
 * alerte se déclenche », « What we will do »), as a plan of actions — what is done, by when, to reach what —
 * however few words each item takes. A long dossier writes the same plan in paragraphs that name « plan
 * d'actions » or « préconisations »; a concise one lists it under a plain heading and names neither, and its
 * items, one line each, were neither about the criterion nor developed.
 *
 * Structure, not wording: the items are read by their list markers, the heading by the recommendation markers
 * of the lexicon or a condition (« si », « en cas de », « if », « when »), and each counted item must carry a
 * figure or a date. A list of wishes without figures (« - Améliorer la communication ») stays what it was.
 */
import type { SentenceSpan } from './sentences';

/** A line holding only a list marker before the sentence (« - », « • », « 1. », « a) »). */
const MARKER_ONLY = /^[ \t]*(?:[-•*–—▪►✓➢●○◦■□]|\d{1,2}[.)]|[a-z][)])[ \t]+$/u;

/** A heading that sets a condition: « Si une alerte se déclenche », « En cas d'écart », « If sales fall ». */
const CONDITION_HEADING =
  /^(?:[\d.)\s]*)(?:si|s'il|s'ils|quand|lorsqu\S*|en cas d\S*|if|when|in case)(?![\p{L}\p{N}])/u;

/** Items a list needs to be a plan rather than an aside. */
export const MIN_PLAN_ITEMS = 3;

/** True for each sentence that opens a list item (its line holds only a list marker before it). */
export function listItemStarts(sentences: readonly SentenceSpan[], passageText: string): boolean[] {
  return sentences.map((s) => {
    const lineStart = passageText.lastIndexOf('\n', s.start - 1) + 1;
    return MARKER_ONLY.test(passageText.slice(lineStart, s.start));
  });
}

/** The heading recommends (the lexicon's recommendation markers) or sets a condition. Folded heading. */
export function isPlanHeading(folded: string, recommends: boolean): boolean {
  return recommends || CONDITION_HEADING.test(folded.trim());
}

/**
 * The sentences of a passage that are items of a plan of actions: under a plan heading, a list of at least
 * `MIN_PLAN_ITEMS` items of which at least half carry a figure or a date; of those, the items that carry one
 * (`measured`). An item without a figure (« Revoir les indicateurs avec l'équipe ») belongs to the plan but is
 * not counted as one of its measured steps.
 */
export function planItems(
  sentences: readonly SentenceSpan[],
  passageText: string,
  planHeading: boolean,
  measured: (index: number) => boolean,
): ReadonlySet<number> {
  if (!planHeading) return new Set();
  const items = listItemStarts(sentences, passageText)
    .map((start, i) => (start ? i : -1))
    .filter((i) => i >= 0);
  if (items.length < MIN_PLAN_ITEMS) return new Set();
  const withFigure = items.filter(measured);
  if (withFigure.length * 2 < items.length) return new Set();
  return new Set(withFigure);
}
