import { redactPii } from '../../lib/redact';
import type { Exam } from '../referential';
import type { CriterionResult, DossierText, GradingPassage, Retriever } from '../reviews';
import { stripInjections } from '../reviews';
import { type CoachingContext, latestReview, type VersionRow } from './conversations';
import { type CriterionMatch, findDraftEvidence, matchCriteria, methodsFor } from './grounding';
import { detectGhostwriting } from './integrity';
import { type CoachContext, outlinePartFor } from './offline-answer';

type Deps = CoachingContext;

/** Criteria shown when a question names none but a review exists: its weakest ones. */
const WEAKEST_SHOWN = 2;

/** The version's pages as the coach reads them: injected instructions removed, redacted when asked. */
export function draftText(version: VersionRow, redact: boolean): DossierText {
  const clean = (text: string) => {
    const stripped = stripInjections(text);
    return redact ? redactPii(stripped).text : stripped;
  };
  const pages = version.pageTexts.map((p) => ({ page: p.page, text: clean(p.text) }));
  return {
    text: pages.map((p) => p.text).join('\n\n'),
    pages,
    language: version.language,
    words: version.words,
  };
}

/** Ids of the passages the hybrid search ranks for the query; none when search fails (the lexical grounding stands). */
export async function searchHits(
  deps: Deps,
  versionId: string,
  rows: Awaited<ReturnType<Retriever['allPassages']>>,
  query: string,
): Promise<Set<string>> {
  const { retriever } = deps;
  try {
    return new Set((await retriever.search(versionId, rows, query)).map((p) => p.id));
  } catch (err) {
    deps.logger?.warn({ versionId, err }, 'coach: passage search failed, lexical grounding only');
    return new Set();
  }
}

/** Gathers what an answer is grounded on: criteria, methods, the draft's quotes, the review's gaps. */
export async function gather(
  deps: Deps,
  version: VersionRow,
  exam: Exam,
  message: string,
  forModel: boolean,
) {
  const { retriever, redact } = deps;
  const ghost = detectGhostwriting(message);
  const review = await latestReview(deps, version.id);
  let criteria: CriterionMatch[] = matchCriteria(exam, message);
  let focus: CoachContext['focus'] = criteria.length > 0 ? 'question' : 'none';
  if (criteria.length === 0 && ghost.ghostwriting) {
    // « Rédige l'introduction »: the criteria are those of the outline part asked for.
    const part = outlinePartFor(exam, `${ghost.target ?? ''} ${message}`, []);
    criteria = (part?.criteria ?? [])
      .map((id) => exam.criteria.find((c) => c.id === id))
      .filter((c) => c !== undefined)
      .map((criterion) => ({ criterion, score: 0, concepts: [] }));
    if (criteria.length > 0) focus = 'question';
  }
  if (criteria.length === 0 && review) {
    const weakest = [...review.report.criteria]
      .filter((c) => c.status === 'done' && c.score <= 2)
      .sort((a, b) => a.score - b.score || b.weight - a.weight)
      .slice(0, WEAKEST_SHOWN);
    criteria = weakest
      .map((r) => exam.criteria.find((c) => c.id === r.id))
      .filter((c) => c !== undefined)
      .map((criterion) => ({ criterion, score: 0, concepts: [] }));
    if (criteria.length > 0) focus = 'weakest';
  }
  const ids = new Set(criteria.map((m) => m.criterion.id));
  const gaps: CriterionResult[] = review ? review.report.criteria.filter((c) => ids.has(c.id)) : [];

  const dossier = draftText(version, forModel && redact);
  const rows = await retriever.allPassages(version.id);
  const clean = (text: string) => {
    const stripped = stripInjections(text);
    return forModel && redact ? redactPii(stripped).text : stripped;
  };
  const passages: GradingPassage[] = retriever.whole(rows).map((p) => ({ ...p, text: clean(p.text) }));
  // A drafting request is searched by what it names, not by its wording (« rédige… » finds nothing useful).
  const query = [
    ghost.ghostwriting ? (ghost.target ?? '') : message,
    ...criteria.map((m) => m.criterion.text),
  ]
    .join(' ')
    .trim();
  const hits = query ? await searchHits(deps, version.id, rows, query) : new Set<string>();
  const quotes = findDraftEvidence({
    exam,
    dossier,
    passages,
    criteria: criteria.map((m) => m.criterion),
    searchHits: hits,
  });
  const context: CoachContext = {
    exam,
    message,
    ghost,
    criteria,
    focus,
    methods: methodsFor(exam, message, criteria),
    quotes,
    gaps,
    review: review ? { id: review.id, offline: review.report.offline } : null,
  };
  return { context, dossier, passages, hits };
}
