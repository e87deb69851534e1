/**
 * Prompts as versioned data (`prompts/<name>/v<N>.md`) and the one loader that reads them, plus the layout
 * of a grading request. Rules (see `prompts/README.md`): untrusted text is only ever a variable *value*,
 * inserted literally in one pass; any change to a prompt is a new version; reviews record `PROMPT_VERSION`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { Criterion, Exam } from '../referential';
import { getCompetency, referential } from '../referential';
import type { GradingPassage } from './grade-schema';
import { type Rubric, rubricProblems } from './rubric';

/** Where the prompt files live: the repository's `prompts/` folder. */
export const PROMPTS_DIR = fileURLToPath(new URL('../../../../prompts/', import.meta.url));

/** A parsed, validated prompt file. */
export interface PromptTemplate {
  name: string;
  version: number;
  description: string;
  /** Exactly the placeholders used in `body`, as declared in the front-matter. */
  variables: string[];
  /** Name of the output schema (`CriterionGrade`), or `none` for a fragment. */
  output: string;
  body: string;
}

/** A prompt file that does not validate, or a render with wrong variables. Always a programming error. */
export class PromptError extends Error {
  override name = 'PromptError';
}

const PROMPT_NAME = /^[a-z][a-z0-9-]*$/;
const VARIABLE_NAME = /^[a-z][a-z0-9_]*$/;
const PLACEHOLDER = /\{\{([a-z][a-z0-9_]*)\}\}/g;

const versionError = (iss: { input?: unknown }) =>
  `version invalide « ${String(iss.input)} » (entier ≥ 1 attendu)`;

/** The front-matter: exactly these keys (zod strict), read by the `yaml` parser (duplicate keys refused). */
const FrontMatterSchema = z
  .object({
    name: z.string().regex(PROMPT_NAME, { error: (iss) => `nom invalide « ${String(iss.input)} »` }),
    version: z.number({ error: versionError }).int({ error: versionError }).min(1, { error: versionError }),
    description: z.string().trim().min(1, 'description vide'),
    variables: z
      .array(
        z.string().regex(VARIABLE_NAME, { error: (iss) => `variable invalide « ${String(iss.input)} »` }),
        {
          error: 'variables doit être une liste [a, b]',
        },
      )
      .refine((list) => new Set(list).size === list.length, 'variable déclarée deux fois'),
    output: z.string().regex(/^(?:none|[A-Z][A-Za-z0-9]*)$/, {
      error: (iss) => `output invalide « ${String(iss.input)} » (nom de schéma ou none)`,
    }),
  })
  .strict();

/** The first problem of a front-matter that does not validate, in French. */
function frontMatterProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue.code === 'unrecognized_keys') return `clé inconnue « ${issue.keys.join(', ')} »`;
  if (issue.code === 'invalid_type' && issue.input === undefined)
    return `clé manquante « ${issue.path.join('.')} »`;
  return issue.message;
}

/**
 * Parses and validates a prompt file: YAML front-matter delimited by `---` lines (`variables: [a, b]` as a
 * flow list) checked by a strict zod schema, then the body. Checks the name and version against `expected`
 * (the file's path), that every `{{` opens a well-formed placeholder, and that the declared variables are
 * exactly the placeholders used.
 */
export function parsePrompt(source: string, expected?: { name: string; version: number }): PromptTemplate {
  const where = expected ? `${expected.name}/v${expected.version}.md` : 'prompt';
  const fail = (message: string): never => {
    throw new PromptError(`${where} : ${message}`);
  };
  const text = source.replace(/^\uFEFF/u, '').replace(/\r\n?/g, '\n');
  if (!text.startsWith('---\n')) fail('le fichier doit commencer par une ligne « --- » (front-matter)');
  const close = text.indexOf('\n---', 3);
  const afterClose = text.indexOf('\n', close + 4);
  if (close < 0 || (afterClose >= 0 && text.slice(close + 4, afterClose).trim() !== '')) {
    fail('front-matter non fermé par une ligne « --- »');
  }
  let yaml: unknown;
  try {
    yaml = parseYaml(text.slice(4, close + 1));
  } catch (err) {
    fail(`front-matter illisible (YAML) : ${(err as Error).message.split('\n')[0]}`);
  }
  const front = FrontMatterSchema.safeParse(yaml ?? {});
  if (!front.success) fail(frontMatterProblem(front.error));
  const { name, version, description, variables, output } = front.data as z.infer<typeof FrontMatterSchema>;

  if (expected && name !== expected.name) fail(`name « ${name} » ≠ dossier « ${expected.name} »`);
  if (expected && version !== expected.version) fail(`version ${version} ≠ fichier v${expected.version}`);

  const body = (afterClose < 0 ? '' : text.slice(afterClose + 1)).replace(/^\n+/, '').trimEnd();
  if (body === '') fail('corps vide');
  // Every « {{ » must open a placeholder: no escaping rules to remember, no half-rendered braces.
  for (let at = body.indexOf('{{'); at >= 0; at = body.indexOf('{{', at + 2)) {
    if (!/^\{\{[a-z][a-z0-9_]*\}\}/.test(body.slice(at))) {
      fail(`marqueur mal formé « ${body.slice(at, at + 24)} » (attendu {{nom_en_minuscules}})`);
    }
  }
  const used = new Set([...body.matchAll(PLACEHOLDER)].map((match) => match[1]));
  const undeclared = [...used].filter((variable) => !variables.includes(variable));
  if (undeclared.length > 0) fail(`variables utilisées mais non déclarées : ${undeclared.join(', ')}`);
  const unused = variables.filter((variable) => !used.has(variable));
  if (unused.length > 0) fail(`variables déclarées mais non utilisées : ${unused.join(', ')}`);

  return { name, version, description, variables, output, body };
}

// Prompt files are immutable once published, so reading each once per process is safe.
const loaded = new Map<string, PromptTemplate>();

/** Loads and validates `prompts/<name>/v<version>.md` (cached per process). */
export function loadPrompt(name: string, version: number, options: { dir?: string } = {}): PromptTemplate {
  // The name becomes a path: refuse anything that could leave the prompts folder.
  if (!PROMPT_NAME.test(name)) throw new PromptError(`nom de prompt invalide : « ${name} »`);
  if (!Number.isInteger(version) || version < 1) throw new PromptError(`version invalide : ${version}`);
  const dir = options.dir ?? PROMPTS_DIR;
  const key = `${dir}\u0000${name}\u0000${version}`;
  const cached = loaded.get(key);
  if (cached) return cached;
  let source: string;
  try {
    source = readFileSync(path.join(dir, name, `v${version}.md`), 'utf8');
  } catch (cause) {
    throw new PromptError(`prompt introuvable : ${name}/v${version}.md`, { cause });
  }
  const prompt = parsePrompt(source, { name, version });
  loaded.set(key, prompt);
  return prompt;
}

/** Every prompt file of a folder, validated; used by tests and CI to reject a broken file early. */
export function loadAllPrompts(options: { dir?: string } = {}): PromptTemplate[] {
  const dir = options.dir ?? PROMPTS_DIR;
  const prompts: PromptTemplate[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    for (const file of readdirSync(path.join(dir, entry.name))) {
      const match = /^v([1-9]\d*)\.md$/.exec(file);
      if (!match) throw new PromptError(`${entry.name}/${file} : nom de fichier attendu v<N>.md`);
      prompts.push(loadPrompt(entry.name, Number(match[1]), { dir }));
    }
  }
  return prompts;
}

/**
 * Renders a template with exactly its declared variables. Values are inserted literally in a single pass:
 * a value containing `{{system}}` or `$&` stays as it is, so dossier text can never act as template syntax.
 */
export function renderTemplate(template: PromptTemplate, vars: Readonly<Record<string, string>>): string {
  const where = `${template.name}@v${template.version}`;
  const missing = template.variables.filter((variable) => !Object.hasOwn(vars, variable));
  if (missing.length > 0) throw new PromptError(`${where} : variables manquantes : ${missing.join(', ')}`);
  const unexpected = Object.keys(vars).filter((variable) => !template.variables.includes(variable));
  if (unexpected.length > 0)
    throw new PromptError(`${where} : variables inattendues : ${unexpected.join(', ')}`);
  for (const variable of template.variables) {
    if (typeof vars[variable] !== 'string')
      throw new PromptError(`${where} : ${variable} n'est pas du texte`);
  }
  // A replacer function: no `$&`-style substitution, and the result is never scanned again.
  return template.body.replace(PLACEHOLDER, (_placeholder, variable: string) => vars[variable]);
}

/** Loads `prompts/<name>/v<version>.md` and renders it; throws on a missing or unexpected variable. */
export function renderPrompt(
  name: string,
  version: number,
  vars: Readonly<Record<string, string>>,
  options: { dir?: string } = {},
): string {
  return renderTemplate(loadPrompt(name, version, options), vars);
}

/**
 * The prompts a grading request is made of, in the order they appear in it. v2 of `system` and
 * `grade-criterion` moved the grading steps and the answer's form into the system prompt and leave only the
 * criterion's id, wording and anchors after the dossier (its descriptors are in the guidance): everything
 * identical across a review's calls comes first, so the provider's prefix cache covers it (v1: ≈ 740 tokens
 * after the dossier per call; v2: ≈ 60).
 */
export const GRADING_PROMPTS = [
  { name: 'system', version: 2 },
  { name: 'exam-guidance', version: 1 },
  { name: 'dossier', version: 1 },
  { name: 'grade-criterion', version: 2 },
] as const;

/** Recorded by every review: which prompt versions graded it. Part of the review cache key. */
export const PROMPT_VERSION = GRADING_PROMPTS.map((prompt) => `${prompt.name}@v${prompt.version}`).join('+');

function promptVersion(name: (typeof GRADING_PROMPTS)[number]['name']): number {
  return GRADING_PROMPTS.find((prompt) => prompt.name === name)?.version ?? 1;
}

// ---------------------------------------------------------------------------------------------------------
// The dossier fence.

const FENCE_ID = /^[A-Za-z0-9_-]{8,64}$/;

/** A fresh random fence id, one per review (the same for all its criteria, so the prefix stays shared). */
export function newDossierFence(): string {
  return globalThis.crypto.randomUUID().replaceAll('-', '').slice(0, 16);
}

/**
 * Makes candidate text unable to fake the fence: runs of `<<<` / `>>>` become `‹‹‹` / `›››` (so neither
 * `<<<FIN DOSSIER id=…>>>` nor any other marker can be written), and the review's fence id, should it
 * appear, is masked.
 */
export function neutraliseFence(text: string, fenceId: string): string {
  const out = text
    .replace(/<{3,}/g, (run) => '‹'.repeat(run.length))
    .replace(/>{3,}/g, (run) => '›'.repeat(run.length));
  return fenceId ? out.split(fenceId).join('[id masqué]') : out;
}

function pageLabel(passage: GradingPassage): string {
  const pages = passage.pageEnd > passage.page ? `${passage.page}-${passage.pageEnd}` : `${passage.page}`;
  return `[p. ${pages}${passage.annex ? ', annexe' : ''}]`;
}

/**
 * The passages as the grader reads them, in dossier order whatever their retrieval order: for a review
 * where every criterion receives the same set, this makes the fenced block byte-identical across criteria.
 */
export function renderPassages(passages: readonly GradingPassage[], fenceId: string): string {
  const seen = new Set<string>();
  return [...passages]
    .sort((a, b) => a.ordinal - b.ordinal || a.page - b.page || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .filter((passage) => {
      if (seen.has(passage.id)) return false;
      seen.add(passage.id);
      return true;
    })
    .map((passage) => `${pageLabel(passage)} ${neutraliseFence(passage.text.trim(), fenceId)}`)
    .join('\n\n');
}

/** One passage per page: the whole dossier, for requests that send all of it. */
export function passagesFromPages(pages: readonly { page: number; text: string }[]): GradingPassage[] {
  return pages.map((page, index) => ({
    id: `p${page.page}`,
    ordinal: index,
    page: page.page,
    pageEnd: page.page,
    section: null,
    annex: false,
    text: page.text,
    relevance: 1,
  }));
}

// ---------------------------------------------------------------------------------------------------------
// Rendering the exam guidance and the criterion task.

function renderModalities(exam: Exam): string {
  const m = exam.modalities;
  const lines = [
    m.mode === 'individual'
      ? '- Épreuve individuelle.'
      : `- Épreuve collective${m.groupSize ? ` (${m.groupSize})` : ''} : chaque candidat doit pouvoir montrer sa contribution.`,
    `- Dossier structuré et illustré de ${m.pages} pages${m.annexesExcluded ? ' hors annexes' : ', annexes comprises'}.`,
    `- Oral : ${
      m.oralMinutesPerCandidate
        ? `${m.oralMinutesPerCandidate} minutes par candidat`
        : m.oralMinutes === null
          ? 'durée non précisée par le référentiel'
          : `${m.oralMinutes} minutes`
    }, devant un jury ${m.jury === 1 ? "d'un professionnel" : `de ${m.jury} professionnels`}.`,
    `- Langue du dossier : ${m.language === 'en' ? 'anglais' : 'français'}.`,
  ];
  if (m.vae) lines.push(`- VAE : ${m.vae}`);
  return lines.join('\n');
}

function competencyLine(id: string): string {
  const competency = getCompetency(id);
  return competency ? `- ${id} (${competency.code}) : ${competency.text}` : `- ${id}`;
}

function renderDescriptors(rubric: Rubric, criterion: Rubric['criteria'][number]): string {
  return rubric.scale
    .map(
      (entry) =>
        `- ${entry.score} (${entry.level}) : ${criterion.descriptors[entry.score as 0 | 1 | 2 | 3 | 4]}`,
    )
    .join('\n');
}

function renderCriteria(exam: Exam, rubric: Rubric): string {
  return rubric.criteria
    .map((criterion) => {
      const competencies = exam.criteria.find((c) => c.id === criterion.id)?.competencies ?? [];
      return [
        `### ${criterion.id} — ${criterion.text}`,
        `Compétences : ${competencies.join(', ') || '—'} · pondération : ${criterion.weight}`,
        renderDescriptors(rubric, criterion),
      ].join('\n');
    })
    .join('\n\n');
}

/** The exam guidance block: stable for an exam and a rubric version, whatever the criterion or dossier. */
export function renderExamGuidance(exam: Exam, rubric: Rubric): string {
  return renderPrompt('exam-guidance', promptVersion('exam-guidance'), {
    exam_case: exam.case,
    exam_id: exam.id,
    bloc: exam.bloc,
    context: exam.context,
    modalities: renderModalities(exam),
    deliverables: exam.deliverables
      .map((deliverable) => `- ${deliverable.id} : ${deliverable.text}`)
      .join('\n'),
    competencies: exam.competencies.map(competencyLine).join('\n'),
    scale: rubric.scale.map((entry) => `- ${entry.score} — ${entry.label} : ${entry.description}`).join('\n'),
    criteria: renderCriteria(exam, rubric),
    rubric_version: rubric.version,
  });
}

/** The fenced dossier block. */
export function renderDossierBlock(passages: readonly GradingPassage[], fenceId: string): string {
  return renderPrompt('dossier', promptVersion('dossier'), {
    fence_id: fenceId,
    passages: renderPassages(passages, fenceId) || '(dossier vide)',
  });
}

function renderCriterionTask(exam: Exam, rubric: Rubric, criterionId: string, fenceId: string): string {
  const criterion = rubric.criteria.find((c) => c.id === criterionId);
  if (!criterion) throw new PromptError(`critère inconnu de la grille ${rubric.examId} : ${criterionId}`);
  const template = loadPrompt('grade-criterion', promptVersion('grade-criterion'));
  // Each version declares what it shows (v2 leaves competencies and descriptors to the guidance block):
  // render exactly those, so a version can drop a variable without the others changing.
  const values: Record<string, () => string> = {
    criterion_id: () => criterion.id,
    criterion_text: () => criterion.text,
    competencies: () =>
      (exam.criteria.find((c) => c.id === criterionId)?.competencies ?? []).map(competencyLine).join('\n') ||
      '- (aucune compétence rattachée)',
    descriptors: () => renderDescriptors(rubric, criterion),
    anchors: () =>
      criterion.anchors.length === 0
        ? "Aucun exemple d'ancrage dans cette version de la grille."
        : criterion.anchors.map((anchor) => `- Note ${anchor.score} : « ${anchor.excerpt} »`).join('\n'),
    fence_id: () => fenceId,
  };
  const vars: Record<string, string> = {};
  for (const variable of template.variables) {
    const value = values[variable];
    if (value) vars[variable] = value();
  }
  return renderTemplate(template, vars);
}

/** The system prompt: the same for every exam and review (the provider caches it across reviews). */
export function renderSystemPrompt(): string {
  return renderPrompt('system', promptVersion('system'), { certification: referential.title });
}

// ---------------------------------------------------------------------------------------------------------
// Grading requests.

/** What a chat model receives: a system message and user content parts, to be sent in this order. */
export interface GradingRequest {
  system: string;
  /** `parts[0 … n-2]` are identical for every criterion of a review; `parts[n-1]` is the criterion's task. */
  parts: string[];
}

/** The review's random fence id; `fenceId` is accepted as another name for it. */
type FenceInput = { dossierFence: string; fenceId?: never } | { fenceId: string; dossierFence?: never };

/** Input of the request builders: the exam, its rubric, the criterion to grade, the passages and the fence. */
export type GradingRequestInput = {
  exam: Exam;
  rubric: Rubric;
  /** The criterion to grade now (an exam or a rubric criterion: only `id` is read). */
  criterion: Pick<Criterion, 'id'>;
  /** The passages to show; pass the same set for every criterion of a review when the dossier fits. */
  passages: readonly GradingPassage[];
} & FenceInput;

function checkInput(input: GradingRequestInput): string {
  const fenceId = input.dossierFence ?? input.fenceId;
  if (!fenceId || !FENCE_ID.test(fenceId)) {
    throw new PromptError('identifiant de clôture du dossier invalide (8 à 64 caractères [A-Za-z0-9_-])');
  }
  const problems = rubricProblems(input.rubric, input.exam);
  if (problems.length > 0) throw new PromptError(`grille inutilisable : ${problems.join(' ; ')}`);
  return fenceId;
}

/**
 * The cache-friendly request: system prompt, then the exam guidance (the whole rubric), then the fenced
 * dossier, and only then the criterion to grade. For one review every per-criterion call shares the system
 * prompt and `parts[0..1]` byte for byte, which is what provider prompt caching keys on (OpenAI caches
 * identical prefixes of 1024 tokens or more), so all calls after the first pay mostly for the last part.
 */
export function buildGradingRequest(input: GradingRequestInput): GradingRequest {
  const fenceId = checkInput(input);
  return {
    system: renderSystemPrompt(),
    parts: [
      renderExamGuidance(input.exam, input.rubric),
      renderDossierBlock(input.passages, fenceId),
      renderCriterionTask(input.exam, input.rubric, input.criterion.id, fenceId),
    ],
  };
}

/**
 * The naive layout, kept as the benchmarks' baseline: the criterion first, then the guidance and the whole
 * dossier, so the shared prefix stops after the system prompt. Same content, worse order; not for production.
 */
export function buildNaiveGradingRequest(input: GradingRequestInput): GradingRequest {
  const fenceId = checkInput(input);
  return {
    system: renderSystemPrompt(),
    parts: [
      renderCriterionTask(input.exam, input.rubric, input.criterion.id, fenceId),
      renderExamGuidance(input.exam, input.rubric),
      renderDossierBlock(input.passages, fenceId),
    ],
  };
}
