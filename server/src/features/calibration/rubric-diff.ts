/**
 * What changed between two rubric versions, criterion by criterion: the wording given to the model, the
 * weight, each level's descriptor, the anchors added or removed. Pure: the API and the printable report
 * use it, the web app shows it.
 */
import type { Rubric } from '../reviews';
import type { RubricChange, RubricDiff } from './schemas';

const LEVELS = [0, 1, 2, 3, 4] as const;

function anchorKey(anchor: { score: number; excerpt: string }) {
  return `${anchor.score}\u0000${anchor.excerpt}`;
}

function criterionChanges(
  a: Rubric['criteria'][number] | undefined,
  b: Rubric['criteria'][number] | undefined,
): RubricChange[] {
  if (!a && b) return [{ field: 'criterion', before: null, after: b.text }];
  if (a && !b) return [{ field: 'criterion', before: a.text, after: null }];
  if (!a || !b) return [];
  const changes: RubricChange[] = [];
  if (a.text !== b.text) changes.push({ field: 'text', before: a.text, after: b.text });
  if (a.weight !== b.weight) changes.push({ field: 'weight', before: a.weight, after: b.weight });
  for (const level of LEVELS) {
    if (a.descriptors[level] !== b.descriptors[level]) {
      changes.push({
        field: 'descriptor',
        score: level,
        before: a.descriptors[level],
        after: b.descriptors[level],
      });
    }
  }
  // Anchors are compared as a multiset of (score, excerpt): moving one is not a change.
  const remaining = new Map<string, number>();
  for (const anchor of b.anchors)
    remaining.set(anchorKey(anchor), (remaining.get(anchorKey(anchor)) ?? 0) + 1);
  for (const anchor of a.anchors) {
    const key = anchorKey(anchor);
    const left = remaining.get(key) ?? 0;
    if (left > 0) remaining.set(key, left - 1);
    else changes.push({ field: 'anchor', score: anchor.score, before: anchor.excerpt, after: null });
  }
  const before = new Map<string, number>();
  for (const anchor of a.anchors) before.set(anchorKey(anchor), (before.get(anchorKey(anchor)) ?? 0) + 1);
  for (const anchor of b.anchors) {
    const key = anchorKey(anchor);
    const left = before.get(key) ?? 0;
    if (left > 0) before.set(key, left - 1);
    else changes.push({ field: 'anchor', score: anchor.score, before: null, after: anchor.excerpt });
  }
  return changes;
}

/** The changes from rubric `a` to rubric `b` (same exam). */
export function diffRubrics(a: Rubric, b: Rubric): RubricDiff {
  const scale: RubricChange[] = [];
  for (const level of LEVELS) {
    const x = a.scale[level];
    const y = b.scale[level];
    if (x.label !== y.label || x.description !== y.description) {
      scale.push({
        field: 'scale',
        score: level,
        before: `${x.label} : ${x.description}`,
        after: `${y.label} : ${y.description}`,
      });
    }
  }
  const byIdA = new Map(a.criteria.map((c) => [c.id, c]));
  const idsB = new Set(b.criteria.map((c) => c.id));
  const criteria: RubricDiff['criteria'] = [];
  for (const criterion of b.criteria) {
    const changes = criterionChanges(byIdA.get(criterion.id), criterion);
    if (changes.length > 0) criteria.push({ id: criterion.id, changes });
  }
  for (const criterion of a.criteria) {
    if (!idsB.has(criterion.id))
      criteria.push({ id: criterion.id, changes: criterionChanges(criterion, undefined) });
  }
  return {
    from: a.version,
    to: b.version,
    identical: scale.length === 0 && criteria.length === 0,
    scale,
    criteria,
  };
}
