/**
 * Oral preparation from a finished review: the questions a jury is likely to ask, weakest criteria first,
 * each with the points a strong answer must contain, and a timed practice plan on the exam's oral length.
 * Deterministic: questions come from the curated methods (methods.ts) and the review's own gaps.
 */
import type { Exam } from '../referential';
import type { CriterionResult, GapReport } from '../reviews';
import { methodServesCriterion, methodsForExam } from './methods';
import type { OralPrep, OralQuestion } from './schemas';

/** Practice length when the referential gives none (Audit RSE): a common length for such presentations. */
export const DEFAULT_PRACTICE_MINUTES = 20;

/** How an oral is split for practice: presentation first, then the jury's questions (about half). */
const SPLIT: readonly { part: string; share: number }[] = [
  { part: 'Introduction : contexte et problématique', share: 0.1 },
  { part: 'Vos analyses clés, appuyées sur deux ou trois chiffres', share: 0.3 },
  { part: 'Préconisations et conclusion', share: 0.1 },
  { part: 'Questions du jury (entraînez-vous avec les questions ci-dessous)', share: 0.5 },
];

/** Roughly one question per five minutes of oral, within bounds. */
const MINUTES_PER_QUESTION = 5;
const MIN_QUESTIONS = 4;
const MAX_QUESTIONS = 10;

function splitMinutes(minutes: number): { part: string; minutes: number }[] {
  const parts = SPLIT.map((s) => ({ part: s.part, minutes: Math.max(1, Math.round(minutes * s.share)) }));
  // Rounding must not change the total: the last part (questions) absorbs the difference.
  const sum = parts.reduce((n, p) => n + p.minutes, 0);
  parts[parts.length - 1].minutes = Math.max(1, parts[parts.length - 1].minutes + minutes - sum);
  return parts;
}

function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** Weakest first; failed criteria (not graded) after the graded ones, since their level is unknown. */
function byGap(exam: Exam, criteria: readonly CriterionResult[]): CriterionResult[] {
  const order = new Map(exam.criteria.map((c, i) => [c.id, i]));
  const rank = (c: CriterionResult) => (c.status === 'failed' ? 5 : c.score);
  return [...criteria].sort(
    (a, b) => rank(a) - rank(b) || b.weight - a.weight || (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0),
  );
}

function genericQuestion(result: CriterionResult): string {
  return `« ${result.text} » : comment votre travail le démontre-t-il concrètement ?`;
}

const GENERIC_STRONG_ANSWER: readonly string[] = [
  'Une réponse directe, reliée à ce critère',
  'Un exemple précis tiré de votre dossier ou de votre expérience',
  'Des chiffres datés et leur source',
  "Ce que vous en concluez pour l'entreprise : une décision ou une préconisation",
];

/**
 * The oral preparation for a finished review: one likely question per criterion, weakest first, as many as
 * the oral's length suggests; each question comes with what a strong answer contains, the gaps the review
 * found on that criterion, and a passage of the dossier to lean on.
 */
export function buildOralPrep(reviewId: string, exam: Exam, report: GapReport): OralPrep {
  const m = exam.modalities;
  const perCandidate = Boolean(m.oralMinutesPerCandidate);
  const minutes = m.oralMinutesPerCandidate ?? m.oralMinutes ?? DEFAULT_PRACTICE_MINUTES;
  const count = Math.min(
    MAX_QUESTIONS,
    Math.max(MIN_QUESTIONS, Math.round(minutes / MINUTES_PER_QUESTION)),
    report.criteria.length,
  );
  const fits = methodsForExam(exam);
  const usedMethods = new Set<string>();
  const questions: OralQuestion[] = [];
  for (const result of byGap(exam, report.criteria).slice(0, count)) {
    const criterion = exam.criteria.find((c) => c.id === result.id);
    // A method the criterion rests on gives a sharper question than the criterion's wording; each method
    // is asked about once.
    const fit = criterion
      ? fits.find(
          (f) => !usedMethods.has(f.method.id) && methodServesCriterion(f.method, exam, criterion) === 'core',
        )
      : undefined;
    if (fit) usedMethods.add(fit.method.id);
    const strongAnswer = [...(fit?.method.jury.strongAnswer ?? GENERIC_STRONG_ANSWER)];
    if (result.status === 'done') {
      for (const missing of result.missing.slice(0, 2)) {
        strongAnswer.push(`Ce qui manquait à l'écrit : ${truncate(missing, 200)}`);
      }
      const evidence = result.evidence[0];
      if (evidence) {
        strongAnswer.push(
          `Appuyez-vous sur votre page ${evidence.page} : « ${truncate(evidence.quote, 140)} »`,
        );
      }
    }
    questions.push({
      criterionId: result.id,
      question: fit?.method.jury.question ?? genericQuestion(result),
      strongAnswer,
      score: result.status === 'done' ? result.score : null,
      level: result.status === 'done' ? result.level : null,
    });
  }

  const notes: string[] = [];
  if (m.oralMinutes === null && !perCandidate) {
    notes.push(
      `Le référentiel ne précise pas la durée de l'oral : l'entraînement est calé sur ${DEFAULT_PRACTICE_MINUTES} minutes, à ajuster selon votre centre.`,
    );
  }
  if (perCandidate) {
    notes.push(
      `Oral collectif : ${m.oralMinutesPerCandidate} minutes par candidat ; chacun doit pouvoir défendre l'ensemble du dossier et répondre seul aux questions.`,
    );
  } else if (m.mode === 'collective') {
    notes.push(
      'Oral collectif : répartissez la parole et préparez-vous à expliquer votre contribution personnelle.',
    );
  }
  if (m.language === 'en') {
    notes.push("L'épreuve se passe en anglais : entraînez-vous à répondre à ces questions en anglais.");
  }
  if (report.offline) {
    notes.push(
      "Questions établies d'après une analyse hors ligne (sans modèle d'IA) : les écarts indiqués sont indicatifs.",
    );
  }

  return {
    reviewId,
    examId: exam.id,
    oralMinutes: m.oralMinutes,
    oralMinutesPerCandidate: m.oralMinutesPerCandidate ?? null,
    language: m.language,
    questions,
    practice: {
      minutes,
      perCandidate,
      assumed: m.oralMinutes === null && !perCandidate,
      suggestedSplit: splitMinutes(minutes),
    },
    notes,
  };
}
