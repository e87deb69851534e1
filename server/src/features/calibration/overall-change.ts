/**
 * What a rubric change does to candidates, beyond per-criterion agreement: how the overall (weighted)
 * score moves and how many candidates change readiness verdict. A weights-only change leaves every
 * criterion score as it was, so only this shows it.
 */
import type { GapReport } from '../reviews';
import type { OverallChange } from './schemas';

type Ready = GapReport['overall']['ready'];

/** Verdicts from least to most ready: a move up the list is « becomes more ready ». */
const ORDER: Ready[] = ['pas_encore', 'presque', 'pret'];

/** One finished review per pinned dossier version (`key`), as `aiResults` sees them. */
export interface ReviewedVersion {
  key: string;
  report: Pick<GapReport, 'overall'>;
}

export function overallChange(a: readonly ReviewedVersion[], b: readonly ReviewedVersion[]): OverallChange {
  const byKey = new Map(b.map((r) => [r.key, r.report.overall]));
  let compared = 0;
  let sumA = 0;
  let sumB = 0;
  let up = 0;
  let down = 0;
  let moreReady = 0;
  let lessReady = 0;
  const transitions = new Map<string, { from: Ready; to: Ready; count: number }>();
  for (const ra of a) {
    const ob = byKey.get(ra.key);
    if (!ob) continue;
    const oa = ra.report.overall;
    compared += 1;
    sumA += oa.score;
    sumB += ob.score;
    const d = ob.score - oa.score;
    if (d >= 0.005) up += 1;
    if (d <= -0.005) down += 1;
    if (oa.ready !== ob.ready) {
      if (ORDER.indexOf(ob.ready) > ORDER.indexOf(oa.ready)) moreReady += 1;
      else lessReady += 1;
      const k = `${oa.ready}>${ob.ready}`;
      const t = transitions.get(k) ?? { from: oa.ready, to: ob.ready, count: 0 };
      t.count += 1;
      transitions.set(k, t);
    }
  }
  return {
    compared,
    meanA: compared ? sumA / compared : null,
    meanB: compared ? sumB / compared : null,
    meanDelta: compared ? (sumB - sumA) / compared : null,
    up,
    down,
    verdictChanged: moreReady + lessReady,
    moreReady,
    lessReady,
    transitions: [...transitions.values()].sort(
      (x, y) => ORDER.indexOf(x.from) - ORDER.indexOf(y.from) || ORDER.indexOf(x.to) - ORDER.indexOf(y.to),
    ),
  };
}
