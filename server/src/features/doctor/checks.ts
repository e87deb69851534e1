import { randomBytes } from 'node:crypto';
import type { Config } from '../../lib/env';
import { classifyError, type LlmError } from '../../lib/llm/errors';
import { SERVER_PROFILES } from '../../lib/llm/profiles.data';
import type { ChatModel, Embedder } from '../../lib/llm/types';
import { getExam } from '../referential/index';
import type { DossierText } from '../reviews';
import {
  createModelGrader,
  createOfflineGrader,
  defaultRubric,
  type GradeOutput,
  passagesFromPages,
} from '../reviews';
import { DOCTOR_SAMPLE } from './sample.data';
import type { DoctorCheck } from './schemas';

/** Above this, one call is slow enough to make a review long (it runs a dozen at once, so not fatal). */
const SLOW_CALL_MS = 30_000;

export function sampleInput() {
  const exam = getExam(DOCTOR_SAMPLE.examId);
  if (!exam) throw new Error(`sample exam ${DOCTOR_SAMPLE.examId} missing`);
  const pages = DOCTOR_SAMPLE.pages.map((p) => ({ page: p.page, text: p.text }));
  const text = pages.map((p) => p.text).join('\n\n');
  const dossier: DossierText = { text, pages, language: 'fr', words: text.split(/\s+/).length };
  const passages = passagesFromPages(pages);
  return { exam, rubric: defaultRubric(exam.id), dossier, passages, fenceId: randomBytes(6).toString('hex') };
}

/** What to change, in French, for a failed model call. */
function fixFor(error: LlmError, config: Config): string {
  const url = config.openai.baseURL ?? SERVER_PROFILES.openai.baseURL;
  switch (error.kind) {
    case 'auth':
      return 'Clé refusée : vérifiez OPENAI_API_KEY (Azure : la clé de la ressource, envoyée dans l’en-tête api-key).';
    case 'timeout':
      return `Pas de réponse complète en ${config.llm.timeoutMs} ms : augmentez PREJURY_LLM_TIMEOUT_MS ou vérifiez la charge du serveur.`;
    case 'rate_limit':
      return 'Limite de débit ou quota atteint : vérifiez l’abonnement du fournisseur, puis relancez.';
    case 'invalid_output':
    case 'refusal':
      return 'Le modèle ne rend pas une notation exploitable, même après correction : choisissez un modèle plus capable (PREJURY_MODEL).';
    case 'bad_request':
      return error.status === 404
        ? `Modèle ou chemin inconnu : vérifiez PREJURY_MODEL (Azure : le nom du déploiement) et OPENAI_BASE_URL (${url}).`
        : `Requête refusée (${error.status ?? '4xx'}${error.code ? `, ${error.code}` : ''}) : vérifiez PREJURY_MODEL et PREJURY_LLM_PROFILE.`;
    default:
      return `Serveur injoignable ou en erreur à ${url} : vérifiez OPENAI_BASE_URL et que le serveur tourne.`;
  }
}

function cost(config: Config, usage: GradeOutput['usage']): number | undefined {
  const prices = config.prices;
  if (!prices) return undefined;
  const uncached = usage.promptTokens - usage.cachedPromptTokens;
  return (
    (uncached * prices.input +
      usage.cachedPromptTokens * prices.cachedInput +
      usage.completionTokens * prices.output) /
    1_000_000
  );
}

type Profile = (typeof SERVER_PROFILES)[keyof typeof SERVER_PROFILES];
type Sample = ReturnType<typeof sampleInput>;

/** Without a model server: the offline analyzer grades the sample. */
export async function offlineChecks(input: Sample): Promise<DoctorCheck[]> {
  const checks: DoctorCheck[] = [];
  const add = (check: DoctorCheck) => checks.push(check);
  const [first] = input.exam.criteria;
  add({
    id: 'connection',
    status: 'skip',
    detail:
      'Aucun serveur de modèle configuré : analyse hors ligne (définissez OPENAI_API_KEY ou PREJURY_LLM_PROFILE pour un modèle).',
  });
  const graded = await createOfflineGrader().grade({
    ...input,
    criterion: first ?? input.exam.criteria[0],
  });
  add({
    id: 'grading',
    status: 'ok',
    detail: `Analyse hors ligne : ${first?.id} noté ${graded.grade.score}/4 sur l’échantillon fourni.`,
  });
  return checks;
}

/** Two grading calls on the sample: whether the server answers, and the calls for the checks that follow. */
export async function connectionChecks(
  config: Config,
  chat: ChatModel,
  profile: Profile,
  input: Sample,
): Promise<{ checks: DoctorCheck[]; calls: GradeOutput[] }> {
  const checks: DoctorCheck[] = [];
  const add = (check: DoctorCheck) => checks.push(check);
  const [first, second] = input.exam.criteria;
  let calls: GradeOutput[] = [];
  const grader = createModelGrader(chat, { redactPii: config.redactPii });
  try {
    for (const criterion of [first, second]) {
      if (criterion) calls.push(await grader.grade({ ...input, criterion }));
    }
    add({
      id: 'connection',
      status: 'ok',
      detail: `${profile.label} répond à ${config.openai.baseURL ?? profile.baseURL}, clé acceptée.`,
    });
  } catch (err) {
    const error = classifyError(err);
    const reached = error.kind !== 'provider' && error.kind !== 'auth' && error.kind !== 'timeout';
    add({
      id: 'connection',
      status: reached ? 'ok' : 'fail',
      detail: reached
        ? 'Le serveur répond.'
        : `Échec : ${error.kind}${error.status ? ` (${error.status})` : ''}.`,
      ...(reached ? {} : { fix: fixFor(error, config) }),
    });
    if (reached) {
      add({
        id: 'grading',
        status: 'fail',
        detail: `Échec de la notation : ${error.kind}${error.status ? ` (${error.status})` : ''}.`,
        fix: fixFor(error, config),
      });
    }
    calls = [];
  }
  return { checks, calls };
}

/** What the sample's calls show: the structured-output path, the grade, latency, usage, cache and price. */
export function callChecks(
  config: Config,
  profile: Profile,
  input: Sample,
  calls: GradeOutput[],
): DoctorCheck[] {
  const checks: DoctorCheck[] = [];
  const add = (check: DoctorCheck) => checks.push(check);
  const [first] = input.exam.criteria;
  const [one, two] = calls;
  if (!one) return checks;
  const path = one.structuredOutput ?? 'json_schema';
  add({
    id: 'structured_output',
    status: path === 'json_schema' ? 'ok' : 'warn',
    detail:
      path === 'json_schema'
        ? 'json_schema accepté : le serveur impose le schéma de notation.'
        : path === 'json_object'
          ? 'json_schema refusé, mode JSON (json_object) accepté : le schéma est donné dans le prompt et validé à la réception.'
          : 'Ni json_schema ni json_object acceptés : le schéma est donné dans le prompt seul, la réponse extraite et validée à la réception.',
    ...(path === profile.structuredOutput || config.openai.structuredOutput === path
      ? {}
      : { fix: `PREJURY_STRUCTURED_OUTPUT=${path} évite la tentative refusée au premier appel.` }),
  });
  add({
    id: 'grading',
    status: one.repaired ? 'warn' : 'ok',
    detail: `${first?.id} noté ${one.grade.score}/4 sur l’échantillon fourni${one.repaired ? ', après une correction de la réponse du modèle' : ''}.`,
  });
  add({
    id: 'latency',
    status: one.durationMs > SLOW_CALL_MS ? 'warn' : 'ok',
    detail: `${one.durationMs} ms pour un critère${two ? `, ${two.durationMs} ms pour le suivant` : ''}.`,
    ...(one.durationMs > SLOW_CALL_MS
      ? {
          fix: 'Modèle lent : une revue fait un appel par critère ; envisagez un modèle plus petit ou plus de GPU.',
        }
      : {}),
  });
  const reported = one.usageReported !== false;
  add({
    id: 'usage',
    status: reported ? 'ok' : 'warn',
    detail: reported
      ? `${one.usage.promptTokens} jetons en entrée, ${one.usage.completionTokens} en sortie.`
      : 'Le serveur ne renvoie pas « usage » : jetons et coûts ne sont pas mesurés.',
  });
  const cached = two?.usage.cachedPromptTokens ?? 0;
  add({
    id: 'cache',
    status: cached > 0 ? 'ok' : 'warn',
    detail:
      cached > 0
        ? `${cached} jetons du second appel servis par le cache de prompt (préfixe commun).`
        : `Aucun jeton en cache signalé (cached_tokens)${profile.reportsCachedTokens ? '' : ` : normal, ${profile.label} ne le signale pas`}.`,
  });
  const costs = calls.map((c) => cost(config, c.usage));
  if (costs[0] !== undefined && reported) {
    // A review: one call per criterion; the first pays the whole prompt, the others share its prefix.
    const n = input.exam.criteria.length;
    const review = (costs[0] ?? 0) + (n - 1) * (costs[1] ?? costs[0] ?? 0);
    add({
      id: 'price',
      status: 'ok',
      detail: `≈ ${review.toFixed(4)} par revue de ${n} critères (prix PREJURY_PRICE_* par million de jetons).`,
    });
  } else {
    add({
      id: 'price',
      status: 'skip',
      detail: config.prices
        ? 'Pas de prix calculable : le serveur ne renvoie pas les jetons consommés.'
        : 'Définissez PREJURY_PRICE_INPUT_PER_MTOK et PREJURY_PRICE_OUTPUT_PER_MTOK pour estimer le prix d’une revue.',
    });
  }
  return checks;
}

/** Embeddings: the size checked against the expected one, or the offline embedder named. */
export async function embeddingChecks(config: Config, embedder: Embedder): Promise<DoctorCheck[]> {
  const checks: DoctorCheck[] = [];
  const add = (check: DoctorCheck) => checks.push(check);
  if (embedder.model.startsWith('offline-')) {
    add({
      id: 'embeddings',
      status: 'ok',
      detail: `Embeddings hors ligne (${embedder.model}, ${embedder.dimensions} dimensions).`,
    });
  } else {
    try {
      const [vector] = await embedder.embed(['Contrôle de la configuration des embeddings.']);
      add({
        id: 'embeddings',
        status: 'ok',
        detail: `${embedder.model} : ${vector?.length ?? 0} dimensions.`,
      });
    } catch (err) {
      const error = classifyError(err);
      add({
        id: 'embeddings',
        status: 'fail',
        detail:
          error.code === 'embedding_dimensions'
            ? error.message
            : `Échec sur /embeddings : ${error.kind}${error.status ? ` (${error.status})` : ''}. Les dépôts restent acceptés, mais la recherche se fait en plein texte seul.`,
        fix:
          error.code === 'embedding_dimensions'
            ? 'Corrigez PREJURY_EMBEDDING_DIMENSIONS, ou PREJURY_EMBEDDINGS=offline.'
            : error.status === 404
              ? 'Le serveur n’a pas de /v1/embeddings (ou pas ce modèle) : PREJURY_EMBEDDINGS=offline, ou un autre PREJURY_EMBEDDING_MODEL.'
              : fixFor(error, config),
      });
    }
  }
  return checks;
}
