/**
 * Review orchestration: the wall time of a full review (`reviews.run`, real review service, in-memory
 * PGlite) graded through the real `openai` SDK against the stub server answering every call after a fixed
 * 1.5 s, for the exam with the fewest criteria and the one with the most, with the default settings
 * (concurrency from the config). Then the offline analyzer: `reviews.run` with no model on the same kind
 * of 20-page dossier, and the analyzer alone per criterion.
 */
import { eq } from 'drizzle-orm';
import { dossierVersions, reviews } from '../db/schema';
import { listExams } from '../server/src/features/referential/index';
import type { Exam } from '../server/src/features/referential/types';
import type { DossierText, GradingPassage } from '../server/src/features/reviews/grade-schema';
import { stripInjections } from '../server/src/features/reviews/injection';
import { analyzeCriterion } from '../server/src/features/reviews/offline/analyzer';
import { detectKeywordStuffing } from '../server/src/features/reviews/offline/stuffing';
import { buildGradingRequest } from '../server/src/features/reviews/prompts';
import { createRetriever } from '../server/src/features/reviews/retrieval';
import { defaultRubric } from '../server/src/features/reviews/rubric';
import { verifyEvidence } from '../server/src/features/reviews/verify-quotes';
import { createOfflineEmbedder } from '../server/src/lib/llm/embeddings';
import { createPromptCache } from '../server/src/lib/llm/testing/prompt-cache';
import { redactPii } from '../server/src/lib/redact';
import { createHarness, type Harness } from './lib/review-harness';
import { log, median, round } from './lib/stats';

/** The stub's fixed latency per chat call. */
export const CALL_LATENCY_MS = 1500;
/** Reviews timed per exam: more for the most-criteria exam, whose ratio is the headline. */
const MODEL_RUNS = { fewest: 5, most: 7 };
const OFFLINE_RUNS = 5;

/** The exams with the fewest and the most criteria (first in referential order on a tie). */
export function examsByCriteria(): { fewest: Exam; most: Exam } {
  const exams = [...listExams()];
  const fewest = exams.reduce((a, b) => (b.criteria.length < a.criteria.length ? b : a));
  const most = exams.reduce((a, b) => (b.criteria.length > a.criteria.length ? b : a));
  return { fewest, most };
}

export interface ExamOrchestration {
  examId: string;
  criteria: number;
  pages: number;
  runs: number;
  /** Median wall time of `reviews.run`, ms. */
  wallMs: number;
  /** Median wall ÷ the stub's latency per call. */
  wallOverCall: number;
  /** Medians: run start → first call sent; first call sent → last call answered; last answer → run end. */
  breakdown: { beforeFirstCallMs: number; callsSpanMs: number; afterLastCallMs: number };
  /** Median of one call as the SDK saw it (stub latency + HTTP + JSON + validation). */
  sdkCallMs: number;
  /** Spread of the calls' start times within a review (0 when all leave at once), median. */
  callStartSpreadMs: number;
}

export interface OrchestrationResult {
  callLatencyMs: number;
  concurrency: number;
  fewest: ExamOrchestration;
  most: ExamOrchestration;
  /** Most-criteria exam: median wall ÷ call latency (target ≤ 1.3). */
  reviewWallOverCall: number;
  /**
   * The most-criteria exam graded through the flat provider (exactly 1.5 s per call, no per-call work):
   * what the review service itself adds to the model's latency.
   */
  mostFlatProvider: ExamOrchestration;
  /**
   * CPU the in-process stub spends per call on arrival (tokens of the prompt and of its shared prefix,
   * memoised across the review's calls), median ms; and for the first call of a review, which shares nothing.
   */
  stubTokenisingPerCallMs: number;
  stubTokenisingFirstCallMs: number;
  /**
   * CPU per criterion on the review's event loop besides the call, measured on the 20-page dossier (median
   * ms per criterion), and the injection stripping done once per review.
   */
  perCriterionCpuMs: {
    keywordStuffing: number;
    offlineSecondOpinion: number;
    verifyQuotes: number;
    redactPii: number;
    buildRequest: number;
    total: number;
    stripInjectionsPerReview: number;
  };
  offline: {
    examId: string;
    pages: number;
    words: number;
    criteria: number;
    runs: number;
    /** Median wall time of `reviews.run` with the offline analyzer, ms (target < 1000). */
    reviewMs: number;
    /** The analyzer alone (`analyzeCriterion`) on every criterion of the exam, fresh per-dossier caches, median ms. */
    analyzerPerReviewMs: number;
    /** That ÷ criteria. */
    analyzerPerCriterionMs: number;
    /** One criterion once the per-dossier caches are warm, median over criteria. */
    analyzerWarmPerCriterionMs: number;
  };
}

async function modelReviews(
  h: Harness,
  exam: Exam,
  runs: number,
  label = 'stub',
): Promise<ExamOrchestration> {
  const pages = exam.modalities.pages;
  const ids: string[] = [];
  for (let i = 0; i < runs; i++) {
    const { dossierId, version } = await h.upload(exam.id, pages);
    ids.push(await h.request(dossierId, version));
  }
  const walls: number[] = [];
  const before: number[] = [];
  const span: number[] = [];
  const after: number[] = [];
  const spread: number[] = [];
  const callMs: number[] = [];
  for (const id of ids) {
    h.calls.length = 0;
    const started = performance.now();
    await h.services.reviews.run(id);
    const ended = performance.now();
    const [row] = await h.database.db.select().from(reviews).where(eq(reviews.id, id));
    if (row.status !== 'done' || h.calls.length !== exam.criteria.length) {
      throw new Error(
        `review ${id}: ${row.status}, ${h.calls.length} calls for ${exam.criteria.length} criteria`,
      );
    }
    const firstStart = Math.min(...h.calls.map((c) => c.startedAt));
    const lastStart = Math.max(...h.calls.map((c) => c.startedAt));
    const lastEnd = Math.max(...h.calls.map((c) => c.endedAt));
    walls.push(ended - started);
    before.push(firstStart - started);
    span.push(lastEnd - firstStart);
    after.push(ended - lastEnd);
    spread.push(lastStart - firstStart);
    callMs.push(...h.calls.map((c) => c.endedAt - c.startedAt));
  }
  const wall = median(walls);
  log(`review ${exam.id} (${exam.criteria.length} criteria, ${label}): ${round(wall, 0)} ms`);
  return {
    examId: exam.id,
    criteria: exam.criteria.length,
    pages,
    runs,
    wallMs: round(wall, 0),
    wallOverCall: round(wall / CALL_LATENCY_MS, 2),
    breakdown: {
      beforeFirstCallMs: round(median(before), 0),
      callsSpanMs: round(median(span), 0),
      afterLastCallMs: round(median(after), 0),
    },
    sdkCallMs: round(median(callMs), 0),
    callStartSpreadMs: round(median(spread), 0),
  };
}

/**
 * What a review computes on its event loop besides the calls, replayed step by step the way `reviews.run`
 * does it today: injections stripped from the passages once per review, PII redaction once per review
 * (model grader), then for each criterion (in order, one dossier object per review so per-dossier caches
 * behave as in the service) the request, quote verification, keyword-stuffing detection and the offline
 * second opinion (those two run while the call is in flight, since #17).
 * Median over runs of each step's total ÷ criteria (the once-per-review step: its total).
 */
function perCriterionCpu(
  exam: Exam,
  raw: GradingPassage[],
  dossier: DossierText,
): OrchestrationResult['perCriterionCpuMs'] {
  const steps = {
    keywordStuffing: [] as number[],
    offlineSecondOpinion: [] as number[],
    verifyQuotes: [] as number[],
    redactPii: [] as number[],
    buildRequest: [] as number[],
  };
  const strip: number[] = [];
  const rubric = defaultRubric(exam.id);
  const n = exam.criteria.length;
  for (let run = 0; run < OFFLINE_RUNS; run++) {
    const copy = { ...dossier };
    const totals = {
      keywordStuffing: 0,
      offlineSecondOpinion: 0,
      verifyQuotes: 0,
      redactPii: 0,
      buildRequest: 0,
    };
    const time = (step: keyof typeof totals, fn: () => void) => {
      const started = performance.now();
      fn();
      totals[step] += performance.now() - started;
    };
    const stripped = performance.now();
    const clean = raw.map((p) => ({ ...p, text: stripInjections(p.text) }));
    strip.push(performance.now() - stripped);
    const sentence = clean[1]?.text.split(/(?<=[.!?])\s+/).find((x) => x.length >= 40) ?? '';
    const evidence = [
      { quote: sentence.slice(0, 300), page: clean[1]?.page ?? 1 },
      { quote: 'Cette phrase inventée ne figure nulle part dans le dossier du candidat évalué.', page: 2 },
    ];
    // The model grader redacts a review's shared passages once (since #17), not once per criterion.
    time('redactPii', () => clean.map((p) => ({ ...p, text: redactPii(p.text).text })));
    for (const criterion of exam.criteria) {
      time('buildRequest', () =>
        buildGradingRequest({ exam, rubric, criterion, passages: clean, fenceId: 'bench0fence1' }),
      );
      time('verifyQuotes', () => verifyEvidence(evidence, copy));
      time('keywordStuffing', () => detectKeywordStuffing(clean, { language: exam.modalities.language }));
      time('offlineSecondOpinion', () =>
        analyzeCriterion({ exam, criterion, passages: clean, dossier: copy }),
      );
    }
    for (const step of Object.keys(steps) as (keyof typeof steps)[]) steps[step].push(totals[step] / n);
  }
  const out = Object.fromEntries(
    Object.entries(steps).map(([step, values]) => [step, round(median(values), 1)]),
  ) as Omit<OrchestrationResult['perCriterionCpuMs'], 'total' | 'stripInjectionsPerReview'>;
  return {
    ...out,
    total: round(
      Object.values(out).reduce((a, b) => a + b, 0),
      1,
    ),
    stripInjectionsPerReview: round(median(strip), 1),
  };
}

/**
 * The stub's own work per call, as `handleChat` does it on arrival (`createPromptCache().observe`: the
 * prompt's tokens and its shared prefix's, memoised at cuts), over one review's prompts in arrival order:
 * the first call tokenises everything, the others mostly their own tail. Median of a few replays.
 */
function stubTokenising(prompts: string[]): { medianMs: number; firstCallMs: number } {
  const first: number[] = [];
  const all: number[] = [];
  for (let run = 0; run < 3; run++) {
    const cache = createPromptCache();
    prompts.forEach((prompt, i) => {
      const started = performance.now();
      cache.observe('stub-grader', prompt);
      const ms = performance.now() - started;
      all.push(ms);
      if (i === 0) first.push(ms);
    });
  }
  return { medianMs: median(all), firstCallMs: median(first) };
}

async function offlineReviews(
  exam: Exam,
): Promise<{ offline: OrchestrationResult['offline']; cpu: OrchestrationResult['perCriterionCpuMs'] }> {
  const h = await createHarness({ grader: 'offline' });
  try {
    const pages = 20;
    const ids: string[] = [];
    for (let i = 0; i < OFFLINE_RUNS + 1; i++) {
      const { dossierId, version } = await h.upload(exam.id, pages);
      ids.push(await h.request(dossierId, version));
    }
    // The first review warms the code paths (JIT, lexicon) and is not counted.
    await h.services.reviews.run(ids[0]);
    const times: number[] = [];
    for (const id of ids.slice(1)) {
      const started = performance.now();
      await h.services.reviews.run(id);
      times.push(performance.now() - started);
    }

    // The analyzer alone, on exactly what the review service hands it (whole dossier, injections removed).
    const [review] = await h.database.db.select().from(reviews).where(eq(reviews.id, ids[1]));
    const [version] = await h.database.db
      .select()
      .from(dossierVersions)
      .where(eq(dossierVersions.id, review.versionId));
    const retriever = createRetriever(h.database, createOfflineEmbedder());
    const rows = await retriever.allPassages(version.id);
    const passages = (retriever.fitsWhole(rows) ? retriever.whole(rows) : []).map((p) => ({
      ...p,
      text: stripInjections(p.text),
    }));
    if (passages.length === 0) throw new Error('the 20-page dossier should go whole to the analyzer');
    const pageTexts = version.pageTexts.map((p) => ({ page: p.page, text: stripInjections(p.text) }));
    const dossier: DossierText = {
      text: pageTexts.map((p) => p.text).join('\n\n'),
      pages: pageTexts,
      language: version.language,
      words: version.words,
    };
    const fresh: number[] = [];
    for (let i = 0; i < OFFLINE_RUNS; i++) {
      // A new DossierText object: the analyzer's per-dossier caches start empty, as in a review.
      const copy = { ...dossier };
      const started = performance.now();
      for (const criterion of exam.criteria) analyzeCriterion({ exam, criterion, passages, dossier: copy });
      fresh.push(performance.now() - started);
    }
    const warm = exam.criteria.map((criterion) => {
      const input = { exam, criterion, passages, dossier };
      analyzeCriterion(input);
      const runs: number[] = [];
      for (let i = 0; i < OFFLINE_RUNS; i++) {
        const started = performance.now();
        analyzeCriterion(input);
        runs.push(performance.now() - started);
      }
      return median(runs);
    });
    const cpu = perCriterionCpu(exam, retriever.whole(rows), dossier);
    const reviewMs = median(times);
    log(`offline review ${exam.id} 20 p: ${round(reviewMs, 0)} ms`);
    const offline = {
      examId: exam.id,
      pages,
      words: version.words,
      criteria: exam.criteria.length,
      runs: OFFLINE_RUNS,
      reviewMs: round(reviewMs, 0),
      analyzerPerReviewMs: round(median(fresh), 1),
      analyzerPerCriterionMs: round(median(fresh) / exam.criteria.length, 1),
      analyzerWarmPerCriterionMs: round(median(warm), 2),
    };
    return { offline, cpu };
  } finally {
    await h.close();
  }
}

export async function benchOrchestration(): Promise<OrchestrationResult> {
  const { fewest, most } = examsByCriteria();
  const h = await createHarness({ grader: 'model' });
  let fewestResult: ExamOrchestration;
  let mostResult: ExamOrchestration;
  let stubTokenisingPerCall: { medianMs: number; firstCallMs: number };
  try {
    const stub = h.stub;
    if (!stub) throw new Error('no stub server');
    // Warm-up review at zero latency: JIT, tokenizer, SDK client, parse worker.
    const warm = await h.upload(fewest.id, fewest.modalities.pages);
    await h.services.reviews.run(await h.request(warm.dossierId, warm.version));
    stub.setLatency(CALL_LATENCY_MS);
    fewestResult = await modelReviews(h, fewest, MODEL_RUNS.fewest);
    stub.reset();
    stub.setLatency(CALL_LATENCY_MS);
    mostResult = await modelReviews(h, most, MODEL_RUNS.most);
    const chats = stub.requests.filter((r) => r.endpoint === 'chat').map((r) => r.prompt);
    stubTokenisingPerCall = stubTokenising(chats.slice(-most.criteria.length));
  } finally {
    await h.close();
  }
  const flat = await createHarness({ grader: 'model', flatLatencyMs: CALL_LATENCY_MS });
  let mostFlatProvider: ExamOrchestration;
  try {
    mostFlatProvider = await modelReviews(flat, most, MODEL_RUNS.most, 'flat provider');
  } finally {
    await flat.close();
  }
  const { offline, cpu } = await offlineReviews(most);
  return {
    callLatencyMs: CALL_LATENCY_MS,
    concurrency: h.config.llm.concurrency,
    fewest: fewestResult,
    most: mostResult,
    reviewWallOverCall: mostResult.wallOverCall,
    mostFlatProvider,
    stubTokenisingPerCallMs: round(stubTokenisingPerCall.medianMs, 1),
    stubTokenisingFirstCallMs: round(stubTokenisingPerCall.firstCallMs, 1),
    perCriterionCpuMs: cpu,
    offline,
  };
}
