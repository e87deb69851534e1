/**
 * The held-out part in the three renderings (`render.ts` lays the rows out): per exam and overall agreement,
 * the held-out checks, and the `--json` block. Kept apart so the tuning part's tables stay as they were.
 */
import type { AgreementSummary } from '../../server/src/features/calibration/metrics';
import { num, pct, signed } from './cells';
import type { HeldoutResult } from './heldout';

export const HELDOUT_EXAM_HEADERS = ['exam', 'cases', 'n', 'QWK', 'exact', 'adj', 'MAE', 'SMD', 'bias'];

function cells(a: AgreementSummary): string[] {
  return [String(a.n), num(a.qwk), pct(a.exact), pct(a.adjacent), num(a.mae), signed(a.smd), signed(a.bias)];
}

/** Per exam then overall: cases, n, QWK, exact, adjacent, MAE, SMD, bias. */
export function heldoutExamRows(heldout: HeldoutResult): string[][] {
  const m = heldout.metrics;
  return [
    ...m.exams.map((e) => [e.id, String(e.cases), ...cells(e.agreement)]),
    ['overall', String(m.overall.cases), ...cells(m.overall)],
  ];
}

export const HELDOUT_CASE_HEADERS = ['case', 'quality', 'gold', 'AI', 'held-out checks'];

/** Per case: gold and AI overall, and the held-out checks that failed. */
export function heldoutCaseRows(
  heldout: HeldoutResult,
  cases: { id: string; quality: string; goldOverall: number; aiOverall: number | null }[],
): string[][] {
  const ids = new Set(heldout.metrics.overallScores.map((s) => s.caseId));
  return cases
    .filter((c) => ids.has(c.id))
    .map((c) => {
      const failed = heldout.checks.filter((k) => k.caseId === c.id && !k.passed);
      const all = heldout.checks.filter((k) => k.caseId === c.id);
      return [
        c.id,
        c.quality,
        num(c.goldOverall),
        num(c.aiOverall),
        failed.length === 0 ? `${all.length} ok` : failed.map((k) => `${k.name}: ${k.detail}`).join('; '),
      ];
    });
}

const r = (n: number | null) => (n === null ? null : Math.round(n * 10_000) / 10_000);
const brief = (a: AgreementSummary) => ({
  n: a.n,
  qwk: r(a.qwk),
  exact: r(a.exact),
  adjacent: r(a.adjacent),
  mae: r(a.mae),
  smd: r(a.smd),
});

/** The `--json` block of the held-out part (deterministic: no timing). */
export function heldoutJson(heldout: HeldoutResult | null) {
  if (!heldout) return null;
  const m = heldout.metrics;
  return {
    overall: { ...brief(m.overall), cases: m.overall.cases, spearman: r(m.overall.spearman) },
    exams: m.exams.map((e) => ({ id: e.id, cases: e.cases, metrics: brief(e.agreement) })),
    byQuality: m.byQuality.map((q) => ({ quality: q.quality, cases: q.cases, metrics: brief(q.agreement) })),
    humanHuman: m.humanHuman
      ? {
          cases: m.humanHuman.cases,
          ...brief(m.humanHuman.agreement),
          aiOnSameCases: brief(m.humanHuman.aiOnSameCases),
          exams: m.humanHuman.exams.map((x) => ({
            id: x.id,
            cases: x.cases,
            metrics: brief(x.agreement),
            aiOnSameCases: brief(x.aiOnSameCases),
          })),
          wideDisagreements: m.humanHuman.wideDisagreements,
          third: m.humanHuman.third
            ? {
                cases: m.humanHuman.third.cases.length,
                withGold: brief(m.humanHuman.third.withGold),
                withSecond: brief(m.humanHuman.third.withSecond),
              }
            : null,
        }
      : null,
    checks: {
      passed: heldout.checks.filter((c) => c.passed).length,
      failed: heldout.checks.filter((c) => !c.passed).length,
      failures: heldout.checks
        .filter((c) => !c.passed)
        .map((c) => ({ subject: c.caseId, check: c.name, detail: c.detail })),
    },
    gates: { passed: heldout.failures.length === 0, failures: heldout.failures },
  };
}
