/**
 * The evidence of a criterion: which candidates may be quoted (those addressing the criterion) and the up to
 * three verbatim sentences chosen among them, best first, in distinct passages when possible.
 */

import type { Exam } from '../../referential';
import type { DossierText } from '../grade-schema';
import type { Candidate } from './candidates';
import { type ConceptId, type CriterionLexicon, getExamLexicon } from './lexicon';
import { addressed, type CriterionSignals } from './scoring';

const MAX_EVIDENCE = 3;

// ── Evidence ─────────────────────────────────────────────────────────────────────────────────────────

/**
 * What may be quoted for a criterion: a sentence naming one of its core notions, or the figure beside one
 * that backs it. A sentence about the domain in general (« la démarche RSE est positive ») is evidence for
 * no criterion, so one generic sentence can no longer back four of them.
 */
export function evidenceCandidates(
  lexicon: CriterionLexicon,
  relevant: Candidate[],
  stuffed: Candidate[],
  signals: CriterionSignals,
  /** The score the signals give (`scoreFromSignals`), computed once by the analyzer. */
  score: number,
): Candidate[] {
  // Plain words: when the criterion is addressed only through sections its own words point to, their
  // developed sentences are what addresses it.
  const plain = signals.notionsFound.length === 0 && addressed(signals);
  const addresses = (c: Candidate) =>
    lexicon.notions.length === 0 ||
    c.notions.length > 0 ||
    c.backsNotion ||
    (plain && c.bySection && c.developed);
  const pool = relevant.filter(addresses);
  const backing = plainBacking(relevant, pool, signals, score);
  if (backing.length > 0) return [...pool, ...backing];
  if (pool.length > 0) return pool;
  // Stuffed lists are shown only when they are all there is: they are what the score 1 rests on.
  return stuffed.filter((c) => c.concepts.length > 0 && addresses(c));
}

/** Fewer developed sentences naming a notion than this, and the plain-worded ones may back it. */
const MIN_DEVELOPED_EVIDENCE = 2;

/**
 * A plain-worded draft names a core notion once (« notre logiciel clients ») and argues it in the paragraphs
 * around, in sections the criterion's own words point to: when the notion is applied to the company but
 * fewer than `MIN_DEVELOPED_EVIDENCE` developed sentences name it, those paragraphs' developed sentences are
 * the examples that back it. Without them, the one sentence naming the notion may be withdrawn as shared with
 * other criteria (aggregate.ts) and a criterion its analysis scored 3 is left without evidence, capped at 1.
 * Only then, and only for an analysis at the bar for 3: elsewhere the sentences naming the notion are the
 * evidence, as before.
 */
function plainBacking(
  relevant: Candidate[],
  pool: Candidate[],
  signals: CriterionSignals,
  score: number,
): Candidate[] {
  if ((signals.appliedNotions ?? []).length === 0) return [];
  // Only for an analysis at the bar for 3: below it, a criterion capped for want of evidence loses less than a
  // sentence cited under one more criterion costs the others.
  if (score < 3) return [];
  if (pool.filter((c) => c.developed).length >= MIN_DEVELOPED_EVIDENCE) return [];
  return relevant.filter((c) => c.bySection && c.developed && !pool.includes(c));
}

const usersCache = new Map<string, ReadonlyMap<ConceptId, number>>();

/** How many of the exam's criteria expect each concept. */
function conceptUsers(exam: Exam): ReadonlyMap<ConceptId, number> {
  const key = JSON.stringify([exam.id, exam.criteria.map((c) => [c.id, c.text])]);
  const cached = usersCache.get(key);
  if (cached) return cached;
  const users = new Map<ConceptId, number>();
  for (const criterion of getExamLexicon(exam).criteria.values())
    for (const c of criterion.concepts) users.set(c.id, (users.get(c.id) ?? 0) + 1);
  if (usersCache.size >= 64) usersCache.clear();
  usersCache.set(key, users);
  return users;
}

function rank(c: Candidate, weights: ReadonlyMap<ConceptId, number>): number {
  const relevance =
    c.concepts.reduce((sum, id) => sum + (weights.get(id) ?? 0), 0) +
    0.25 * c.ownHits +
    0.1 * Math.min(c.competencyHits, 5);
  const s = c.facts.signals;
  let depth =
    1 +
    (c.quantified ? 0.5 : 0) +
    c.source * 0.5 +
    (s.argument ? 0.4 : 0) +
    (s.analysis ? 0.3 : 0) +
    (s.recommendation ? 0.3 : 0);
  if (!c.developed) depth *= 0.5;
  const retrieval = 0.75 + 0.25 * Math.min(Math.max(c.passageRelevance, 0), 1);
  return relevance * depth * retrieval;
}

/**
 * Up to three verbatim sentences, best first, preferring distinct passages. Developed sentences only when there
 * are any: a heading is evidence of a mention, not of the analysis a score of 2 or more rests on.
 */
export function pickEvidence(
  candidates: Candidate[],
  lexicon: CriterionLexicon,
  dossier: DossierText,
  exam: Exam,
) {
  // A concept several criteria expect says less about this one: each weighs its weight / the number of the
  // exam's criteria expecting it, so that the quotes chosen are those most specific to the criterion and one
  // sentence about the whole topic is not everybody's best evidence (issue #16).
  const users = conceptUsers(exam);
  const weights = new Map(lexicon.concepts.map((e) => [e.id, e.weight / Math.max(1, users.get(e.id) ?? 1)]));
  const developed = candidates.filter((c) => c.developed);
  const statements = candidates.filter((c) => c.statement);
  // Headings and labels (« Compte négocié : Maisons Verdalis ») prove nothing when a statement is there.
  const pool = developed.length > 0 ? developed : statements.length > 0 ? statements : candidates;
  const ranked = pool
    .map((c) => ({ c, score: rank(c, weights) }))
    .sort((a, b) => b.score - a.score || a.c.order - b.c.order)
    // The passage text is a slice of the dossier text; a sentence that is not (altered passage) cannot be a quote.
    .filter(({ c }) => dossier.text.includes(c.sentence.text));
  // Spread over the dossier: one quote per passage first. Passages, not pages: they are cut from the text
  // alone, so the same dossier exported to PDF or DOCX gets the same quotes (and the same scores, since a
  // quote over-shared between criteria is withdrawn by rank), wherever its page breaks fall (issue #15).
  const chosen: Candidate[] = [];
  const passages = new Set<string>();
  for (const { c } of ranked) {
    if (chosen.length >= MAX_EVIDENCE) break;
    if (passages.has(c.sentence.passageId)) continue;
    chosen.push(c);
    passages.add(c.sentence.passageId);
  }
  for (const { c } of ranked) {
    if (chosen.length >= MAX_EVIDENCE) break;
    if (!chosen.includes(c)) chosen.push(c);
  }
  return chosen;
}
