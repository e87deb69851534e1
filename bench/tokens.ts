/**
 * Tokens per review and prompt-cache friendliness. A review of the most-criteria exam goes through the real
 * SDK to the stub server; its recorded prompts give the prompt tokens, and for each call the prefix shared
 * with an earlier call of the review. The same requests are rebuilt with `buildGradingRequest` (checked
 * byte for byte against what the stub received) and then with the naive layout `buildNaiveGradingRequest`
 * (criterion first, then guidance and the whole dossier) as the baseline.
 */
import { eq } from 'drizzle-orm';
import { dossierVersions, reviews } from '../db/schema';
import type { Exam } from '../server/src/features/referential/types';
import type { GradingPassage } from '../server/src/features/reviews/grade-schema';
import { stripInjections } from '../server/src/features/reviews/injection';
import {
  buildGradingRequest,
  buildNaiveGradingRequest,
  type GradingRequest,
  renderDossierBlock,
  renderExamGuidance,
  renderSystemPrompt,
} from '../server/src/features/reviews/prompts';
import { createRetriever } from '../server/src/features/reviews/retrieval';
import { defaultRubric } from '../server/src/features/reviews/rubric';
import type { GapReport } from '../server/src/features/reviews/schemas';
import { countTokens } from '../server/src/lib/llm/tokens';
import { redactPii } from '../server/src/lib/redact';
import { CACHEABLE_PREFIX_TOKENS, type PrefixSummary, prefixSummary } from './lib/prefix';
import { createHarness, type Harness } from './lib/review-harness';
import { log, round } from './lib/stats';
import { examsByCriteria } from './orchestration';

export interface LayoutTokens {
  promptTokens: number;
  /** Σ shared-prefix tokens ÷ Σ prompt tokens (all calls), and over the calls after the first. */
  sharedPrefixShare: number;
  sharedPrefixShareAfterFirst: number;
  /** Prompt tokens not covered by a shared prefix ≥ 1024 tokens, summed over the calls. */
  uncachedTokens: number;
  /** `uncachedTokens` ÷ (dossier tokens + rubric tokens). */
  uncachedOverDossierRubric: number;
}

export interface ReviewTokens {
  examId: string;
  pages: number;
  words: number;
  /** True when the whole dossier goes to every criterion (≤ 9000 words), false when passages are retrieved. */
  wholeDossier: boolean;
  calls: number;
  /** From the stored review (`report.usage`): what the review service recorded. */
  promptTokens: number;
  completionTokens: number;
  promptTokensPerCall: number;
  completionTokensPerCall: number;
  /** What the stub reported as `cached_tokens`, summed (its best-case prefix cache), and what the review stored. */
  stubCachedPromptTokens: number;
  storedCachedPromptTokens: number;
  /** Parts of a request, in tokens: system prompt, exam guidance (rubric), fenced dossier (whole), criterion task (mean). */
  blocks: { system: number; rubric: number; dossier: number; taskMean: number };
  /** The recorded prompts equal the rebuilt `buildGradingRequest` prompts byte for byte. */
  rebuiltMatchesRecorded: boolean;
  optimised: LayoutTokens;
  naive: LayoutTokens;
}

export interface TokensResult {
  cacheablePrefixTokens: number;
  /** The main figure: a 20-page dossier that goes whole to every criterion. */
  review: ReviewTokens;
  /** A 30-page dossier beyond the whole-dossier budget: retrieved passages per criterion. */
  retrievalMode: ReviewTokens;
  /** `review.optimised.uncachedOverDossierRubric` (target ≤ 1.3). */
  uncachedTokensOverDossierRubric: number;
}

/** What the stub sees: the system message and the user message joined with a newline. */
function promptOf(request: GradingRequest): string {
  return `${request.system}\n${request.parts.join('\n\n')}`;
}

function layout(summary: PrefixSummary, denominator: number): LayoutTokens {
  return {
    promptTokens: summary.promptTokens,
    sharedPrefixShare: round(summary.sharedPrefixShare, 3),
    sharedPrefixShareAfterFirst: round(summary.sharedPrefixShareAfterFirst, 3),
    uncachedTokens: summary.uncachedTokens,
    uncachedOverDossierRubric: round(summary.uncachedTokens / denominator, 2),
  };
}

async function reviewTokens(h: Harness, exam: Exam, pages: number): Promise<ReviewTokens> {
  const stub = h.stub;
  if (!stub) throw new Error('no stub server');
  const { dossierId, version } = await h.upload(exam.id, pages);
  const id = await h.request(dossierId, version);
  stub.reset();
  h.calls.length = 0;
  await h.services.reviews.run(id);
  const prompts = stub.requests.filter((r) => r.endpoint === 'chat').map((r) => r.prompt);

  const [row] = await h.database.db.select().from(reviews).where(eq(reviews.id, id));
  const report = row.report as GapReport;
  const [versionRow] = await h.database.db
    .select()
    .from(dossierVersions)
    .where(eq(dossierVersions.id, row.versionId));

  // The passages each criterion was given, as the review service and the model grader prepare them.
  const retriever = createRetriever(h.database, h.services.embedder);
  const rows = await retriever.allPassages(versionRow.id);
  const wholeDossier = retriever.fitsWhole(rows);
  const prepare = (passages: GradingPassage[]) =>
    passages.map((p) => {
      const text = stripInjections(p.text);
      return { ...p, text: h.config.redactPii ? redactPii(text).text : text };
    });
  const all = prepare(retriever.whole(rows));
  const fenceId = /<<<DOSSIER id=([A-Za-z0-9_-]+)>>>/.exec(prompts[0] ?? '')?.[1];
  if (!fenceId) throw new Error('no dossier fence in the recorded prompt');
  const rubric = defaultRubric(exam.id);

  // The recorded calls, in arrival order, matched to their criterion.
  const byCriterion = new Map<string, string>();
  for (const prompt of prompts) {
    const criterionId = /Critère à évaluer maintenant : (K\d+)/.exec(prompt)?.[1];
    if (criterionId) byCriterion.set(criterionId, prompt);
  }
  const order = prompts.map((p) => /Critère à évaluer maintenant : (K\d+)/.exec(p)?.[1] ?? '');
  const requests = new Map<string, { real: GradingRequest; naive: GradingRequest }>();
  for (const criterion of exam.criteria) {
    const passages = wholeDossier
      ? all
      : prepare(
          await retriever.search(
            versionRow.id,
            rows,
            `${criterion.text} ${criterion.competencies.join(' ')}`,
          ),
        );
    const input = { exam, rubric, criterion, passages, fenceId };
    requests.set(criterion.id, { real: buildGradingRequest(input), naive: buildNaiveGradingRequest(input) });
  }
  const rebuiltMatchesRecorded =
    prompts.length === exam.criteria.length &&
    order.every((criterionId) => {
      const built = requests.get(criterionId);
      return built !== undefined && promptOf(built.real) === byCriterion.get(criterionId);
    });

  const rubricTokens = countTokens(renderExamGuidance(exam, rubric));
  const dossierTokens = countTokens(renderDossierBlock(all, fenceId));
  const denominator = rubricTokens + dossierTokens;
  const taskTokens = exam.criteria.map((c) => {
    const parts = requests.get(c.id)?.real.parts ?? [];
    return countTokens(parts[parts.length - 1] ?? '');
  });
  const optimised = layout(prefixSummary(prompts), denominator);
  const naive = layout(
    prefixSummary(
      order.map((criterionId) => promptOf((requests.get(criterionId) as { naive: GradingRequest }).naive)),
    ),
    denominator,
  );
  const usage = report.usage;
  const result: ReviewTokens = {
    examId: exam.id,
    pages,
    words: versionRow.words,
    wholeDossier,
    calls: prompts.length,
    promptTokens: usage.promptTokens,
    completionTokens: usage.completionTokens,
    promptTokensPerCall: Math.round(usage.promptTokens / Math.max(1, prompts.length)),
    completionTokensPerCall: Math.round(usage.completionTokens / Math.max(1, prompts.length)),
    stubCachedPromptTokens: h.calls.reduce((n, c) => n + c.usage.cachedPromptTokens, 0),
    storedCachedPromptTokens: (row.usage as { cachedPromptTokens?: number } | null)?.cachedPromptTokens ?? 0,
    blocks: {
      system: countTokens(renderSystemPrompt()),
      rubric: rubricTokens,
      dossier: dossierTokens,
      taskMean: Math.round(taskTokens.reduce((a, b) => a + b, 0) / taskTokens.length),
    },
    rebuiltMatchesRecorded,
    optimised,
    naive,
  };
  log(
    `tokens ${exam.id} ${pages} p (${wholeDossier ? 'whole dossier' : 'retrieval'}): ${usage.promptTokens} prompt, uncached/(dossier+rubric) ${optimised.uncachedOverDossierRubric} (naive ${naive.uncachedOverDossierRubric})`,
  );
  return result;
}

export async function benchTokens(): Promise<TokensResult> {
  const { most } = examsByCriteria();
  const h = await createHarness({ grader: 'model' });
  try {
    const review = await reviewTokens(h, most, most.modalities.pages);
    const retrievalMode = await reviewTokens(h, most, 30);
    return {
      cacheablePrefixTokens: CACHEABLE_PREFIX_TOKENS,
      review,
      retrievalMode,
      uncachedTokensOverDossierRubric: review.optimised.uncachedOverDossierRubric,
    };
  } finally {
    await h.close();
  }
}
