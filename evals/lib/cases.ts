/**
 * The eval cases: gold dossiers written by hand in `evals/cases/`, each a dossier file beside a
 * `<name>.case.json` (gold scores, expectations) and optionally a `<name>.gold-r2.json` (a second rater).
 *
 * Everything is validated before anything runs: a typo in a criterion id or an expectation would otherwise
 * silently drop a pair from the metrics or disable a check. Every problem names its file.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { getExam } from '../../server/src/features/referential/index';
import type { Exam } from '../../server/src/features/referential/types';
import { DEFAULT_RUBRIC_VERSION } from '../../server/src/features/reviews/rubric';
import { FlagSchema, FormatCheckSchema } from '../../server/src/features/reviews/schemas';
import { type CoreNotions, goldNotionProblems, loadCoreNotions } from './core-notions';
import { frozenProblems, HELDOUT_DIR, MANIFEST_FILE } from './freeze';

export const CASES_DIR = fileURLToPath(new URL('../cases', import.meta.url));

const CASE_SUFFIX = '.case.json';
const R2_SUFFIX = '.gold-r2.json';
const R3_SUFFIX = '.gold-r3.json';
const DOSSIER_EXTENSIONS = ['.md', '.txt', '.docx', '.pdf'];

export const QUALITIES = ['strong', 'partial', 'weak', 'adversarial'] as const;
export type Quality = (typeof QUALITIES)[number];

/**
 * `tuning`: the cases the analyzer was fitted and checked on. `heldout`: cases under `cases/heldout/`,
 * frozen before any tuning (`heldout.frozen.json`), reported and gated apart.
 */
export const SPLITS = ['tuning', 'heldout'] as const;
export type Split = (typeof SPLITS)[number];

const FlagCodeSchema = FlagSchema.shape.code;
export type FlagCode = z.infer<typeof FlagCodeSchema>;
const FormatCheckNameSchema = FormatCheckSchema.shape.check;
export type FormatCheckName = z.infer<typeof FormatCheckNameSchema>;

const ScoreSchema = z.number().int().min(0).max(4);
const DeliverableStatusSchema = z.enum(['present', 'partial', 'missing']);
export type DeliverableStatus = z.infer<typeof DeliverableStatusSchema>;

const GoldCriterionSchema = z.object({
  score: ScoreSchema,
  reason: z.string().min(1),
  /** The criterion's core notions (`heldout/core-notions.json`) the draft addresses; required when held out. */
  notions: z.array(z.string().min(1)).optional(),
});
const GoldDeliverableSchema = z.object({ status: DeliverableStatusSchema, reason: z.string().min(1) });

/** One rater's reading of a dossier against the rubric. */
export const GoldSchema = z.object({
  rubricVersion: z.string().min(1),
  rater: z.string().min(1),
  criteria: z.record(z.string(), GoldCriterionSchema),
  deliverables: z.record(z.string(), GoldDeliverableSchema),
});
export type Gold = z.infer<typeof GoldSchema>;

/** A second rater may score the criteria only. */
export const SecondGoldSchema = GoldSchema.extend({
  deliverables: z.record(z.string(), GoldDeliverableSchema).optional(),
});
export type SecondGold = z.infer<typeof SecondGoldSchema>;

/** Strict: a misspelt key (`notflags`) would otherwise silently disable a check. */
export const ExpectSchema = z.strictObject({
  flags: z.array(FlagCodeSchema).default([]),
  notFlags: z.array(FlagCodeSchema).default([]),
  format: z.partialRecord(FormatCheckNameSchema, z.boolean()).default({}),
  maxCriterionScore: z.record(z.string(), ScoreSchema).default({}),
});
export type Expect = z.infer<typeof ExpectSchema>;

export const CaseFileSchema = z.object({
  id: z.string().min(1),
  examId: z.string().min(1),
  file: z
    .string()
    .min(1)
    .refine((f) => !f.includes('/') && !f.includes('\\'), 'a file name beside the case, not a path'),
  quality: z.enum(QUALITIES),
  /** Must match where the case lies: under `heldout/` or not. */
  split: z.enum(SPLITS).default('tuning'),
  description: z.string().min(1),
  tags: z.array(z.string()).default([]),
  /**
   * The id of the tuning case of the same exam this dossier re-words (same content, other words): the run
   * compares their AI overall scores (`rewrite_matches_original`, reported, not gated).
   */
  rewriteOf: z.string().min(1).optional(),
  gold: GoldSchema,
  expect: ExpectSchema.default({ flags: [], notFlags: [], format: {}, maxCriterionScore: {} }),
});
export type CaseFile = z.infer<typeof CaseFileSchema>;

/** A validated case, with where it lives. */
export interface EvalCase extends CaseFile {
  /** The `.case.json`, relative to the cases folder (for messages). */
  caseFile: string;
  /** Absolute path of the dossier file. */
  dossierPath: string;
  /** The second rater's reading, when a `.gold-r2.json` exists. */
  r2: SecondGold | null;
  /** A third rater's reading, when a `.gold-r3.json` exists (reported beside the two others, never gold). */
  r3: SecondGold | null;
}

/** Every problem found while loading, each naming its file; thrown once, after all files were read. */
export class CaseLoadError extends Error {
  override name = 'CaseLoadError';
  constructor(readonly problems: { file: string; message: string }[]) {
    super(
      `${problems.length} invalid eval case file(s):\n${problems.map((p) => `  ${p.file}: ${p.message}`).join('\n')}`,
    );
  }
}

export interface LoadedCases {
  cases: EvalCase[];
  /** Not fatal: dossier files without a case, gold set against another rubric version. */
  warnings: string[];
}

/**
 * `sources/` folders hold the Markdown that binary cases are built from: not dossiers themselves. `skip`:
 * top-level entries of the cases folder left unread (the held-out part, when it is switched off).
 */
function walk(dir: string, skip: readonly string[] = []): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    if (skip.includes(entry)) continue;
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) {
      if (entry !== 'sources') out.push(...walk(full));
    } else out.push(full);
  }
  return out;
}

function zodProblems(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Gold ids must be exactly the exam's: a missing criterion is a lost pair, an unknown one a typo. */
function idProblems(kind: string, given: string[], expected: string[], requireAll: boolean): string[] {
  const problems: string[] = [];
  const unknown = given.filter((id) => !expected.includes(id));
  const missing = expected.filter((id) => !given.includes(id));
  if (unknown.length > 0)
    problems.push(`unknown ${kind} ${unknown.join(', ')} (exam has ${expected.join(', ')})`);
  if (requireAll && missing.length > 0) problems.push(`missing ${kind} ${missing.join(', ')}`);
  return problems;
}

function goldProblems(gold: SecondGold, exam: Exam, requireDeliverables: boolean): string[] {
  const criteria = exam.criteria.map((c) => c.id);
  const deliverables = exam.deliverables.map((d) => d.id);
  return [
    ...idProblems('gold criteria', Object.keys(gold.criteria), criteria, true),
    ...(gold.deliverables || requireDeliverables
      ? idProblems('gold deliverables', Object.keys(gold.deliverables ?? {}), deliverables, true)
      : []),
  ];
}

/**
 * Another rater's file beside a case (`.gold-r2.json`, `.gold-r3.json`), if any. `notions`: the held-out
 * part's core notions (undefined for a tuning case); a held-out rater who records notions (any criterion has
 * `notions`) follows the gold's rules for them: on every criterion, known ones, at most 1 with none.
 */
function loadRater(
  file: string,
  examId: string,
  notions: CoreNotions | null | undefined,
): { gold: SecondGold | null; problems: { file: string; message: string }[] } {
  if (!existsSync(file)) return { gold: null, problems: [] };
  let raw: unknown;
  try {
    raw = readJson(file);
  } catch (err) {
    return { gold: null, problems: [{ file, message: `not valid JSON (${(err as Error).message})` }] };
  }
  const parsed = SecondGoldSchema.safeParse(raw);
  if (!parsed.success) return { gold: null, problems: [{ file, message: zodProblems(parsed.error) }] };
  const readsNotions = Object.values(parsed.data.criteria).some((c) => c.notions !== undefined);
  const messages = [
    ...goldProblems(parsed.data, getExam(examId) as Exam, false),
    ...(notions !== undefined && readsNotions
      ? goldNotionProblems(examId, parsed.data.criteria, notions)
      : []),
  ];
  return {
    gold: messages.length === 0 ? parsed.data : null,
    problems: messages.map((message) => ({ file, message })),
  };
}

/**
 * Validates one parsed `.case.json`. `file` is the path used in messages; `dossierDir` where the dossier
 * must be. Returns the case or the list of problems (never throws for bad content).
 */
export function validateCase(
  raw: unknown,
  file: string,
  dossierDir: string,
  heldout: { notions: CoreNotions | null } | null = null,
): { ok: true; value: Omit<EvalCase, 'r2' | 'r3'> } | { ok: false; problems: string[] } {
  const parsed = CaseFileSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: [zodProblems(parsed.error)] };
  const data = parsed.data;
  const problems: string[] = [];
  const exam = getExam(data.examId);
  if (!exam) return { ok: false, problems: [`unknown examId "${data.examId}"`] };
  const name = path.basename(file).slice(0, -CASE_SUFFIX.length);
  if (data.id.split('/').pop() !== name) problems.push(`id "${data.id}" must end with "/${name}"`);
  const dossierPath = path.join(dossierDir, data.file);
  if (!existsSync(dossierPath)) problems.push(`dossier file "${data.file}" not found beside the case`);
  else if (!DOSSIER_EXTENSIONS.includes(path.extname(data.file).toLowerCase())) {
    problems.push(`dossier "${data.file}" must be one of ${DOSSIER_EXTENSIONS.join(', ')}`);
  }
  problems.push(...goldProblems(data.gold, exam, true));
  const located: Split = heldout ? 'heldout' : 'tuning';
  if (data.split !== located) {
    problems.push(
      `split "${data.split}" but the case lies ${heldout ? `under ${HELDOUT_DIR}/` : `outside ${HELDOUT_DIR}/`} (split "${located}")`,
    );
  }
  if (heldout) problems.push(...goldNotionProblems(data.examId, data.gold.criteria, heldout.notions));
  const criteria = exam.criteria.map((c) => c.id);
  problems.push(
    ...idProblems(
      'expect.maxCriterionScore criteria',
      Object.keys(data.expect.maxCriterionScore),
      criteria,
      false,
    ),
  );
  const both = data.expect.flags.filter((f) => data.expect.notFlags.includes(f));
  if (both.length > 0) problems.push(`flags both expected and not expected: ${both.join(', ')}`);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { ...data, caseFile: file, dossierPath } };
}

/**
 * Loads and validates every case under `root` (default `evals/cases`), sorted by id.
 * `heldout: false` leaves the held-out part (`cases/heldout/` and its freeze manifest) entirely unread: no
 * case, no file, no freeze check from it, so that whoever tunes the analyzer never sees it.
 * @throws {CaseLoadError} listing every invalid file, when at least one is invalid.
 */
export function loadCases(
  root: string = CASES_DIR,
  options: { examId?: string; heldout?: boolean } = {},
): LoadedCases {
  const withHeldout = options.heldout ?? true;
  const files = walk(root, withHeldout ? [] : [HELDOUT_DIR, MANIFEST_FILE]);
  const problems: { file: string; message: string }[] = [];
  const warnings: string[] = [];
  const cases: EvalCase[] = [];
  const rel = (file: string) => path.relative(root, file);
  const byId = new Map<string, string>();

  // The held-out part first: frozen files, and the core notions its gold refers to.
  let notions: CoreNotions | null = null;
  if (withHeldout) {
    for (const message of frozenProblems(root)) problems.push({ file: HELDOUT_DIR, message });
    const coreNotions = loadCoreNotions(root);
    if (!coreNotions.ok) {
      for (const message of coreNotions.problems)
        problems.push({ file: `${HELDOUT_DIR}/core-notions.json`, message });
    }
    notions = coreNotions.ok ? coreNotions.value : null;
  }
  const isHeldout = (file: string) => rel(file).split(path.sep)[0] === HELDOUT_DIR;

  for (const file of files.filter((f) => f.endsWith(CASE_SUFFIX))) {
    let raw: unknown;
    try {
      raw = readJson(file);
    } catch (err) {
      problems.push({ file: rel(file), message: `not valid JSON (${(err as Error).message})` });
      continue;
    }
    const result = validateCase(raw, rel(file), path.dirname(file), isHeldout(file) ? { notions } : null);
    if (!result.ok) {
      for (const message of result.problems) problems.push({ file: rel(file), message });
      continue;
    }
    const evalCase = result.value;
    const previous = byId.get(evalCase.id);
    if (previous) {
      problems.push({ file: rel(file), message: `id "${evalCase.id}" already used by ${previous}` });
      continue;
    }
    byId.set(evalCase.id, rel(file));
    if (evalCase.gold.rubricVersion !== DEFAULT_RUBRIC_VERSION) {
      warnings.push(
        `${rel(file)}: gold set against rubric ${evalCase.gold.rubricVersion}, current is ${DEFAULT_RUBRIC_VERSION}`,
      );
    }

    const rater = (suffix: string) =>
      loadRater(
        file.slice(0, -CASE_SUFFIX.length) + suffix,
        evalCase.examId,
        isHeldout(file) ? notions : undefined,
      );
    const second = rater(R2_SUFFIX);
    const third = rater(R3_SUFFIX);
    for (const message of [...second.problems, ...third.problems])
      problems.push({ ...message, file: rel(message.file) });
    cases.push({ ...evalCase, r2: second.gold, r3: third.gold });
  }

  // A second rater with no case, or a dossier nobody wrote gold for, is a half-finished case.
  const caseStems = new Set(
    files.filter((f) => f.endsWith(CASE_SUFFIX)).map((f) => f.slice(0, -CASE_SUFFIX.length)),
  );
  for (const suffix of [R2_SUFFIX, R3_SUFFIX]) {
    for (const file of files.filter((f) => f.endsWith(suffix))) {
      if (!caseStems.has(file.slice(0, -suffix.length))) {
        problems.push({
          file: rel(file),
          message: `no ${path.basename(file).replace(suffix, CASE_SUFFIX)} beside it`,
        });
      }
    }
  }
  const used = new Set(cases.map((c) => c.dossierPath));
  for (const file of files) {
    const ext = path.extname(file).toLowerCase();
    if (path.basename(file).toLowerCase() === 'readme.md') continue;
    if (DOSSIER_EXTENSIONS.includes(ext) && !used.has(file)) {
      const stem = file.slice(0, -ext.length);
      if (!caseStems.has(stem))
        warnings.push(`${rel(file)}: dossier without a ${CASE_SUFFIX}, not evaluated`);
    }
  }

  problems.push(...rewriteProblems(cases));
  if (problems.length > 0) throw new CaseLoadError(problems);
  cases.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    cases: options.examId ? cases.filter((c) => c.examId === options.examId) : cases,
    warnings,
  };
}

/**
 * A rewrite must name another tuning case of its own exam: the comparison means « same content, other
 * words », which a case of another exam, a held-out case or the case itself cannot be.
 */
function rewriteProblems(cases: EvalCase[]): { file: string; message: string }[] {
  const byId = new Map(cases.map((c) => [c.id, c]));
  const problems: { file: string; message: string }[] = [];
  for (const c of cases) {
    if (c.rewriteOf === undefined) continue;
    const original = byId.get(c.rewriteOf);
    const problem =
      c.rewriteOf === c.id
        ? 'is the case itself'
        : c.split !== 'tuning'
          ? 'is set on a held-out case (rewrites belong to the tuning part)'
          : !original
            ? 'names no loaded case'
            : original.examId !== c.examId
              ? `is a case of another exam (${original.examId})`
              : original.split !== 'tuning'
                ? 'is a held-out case, not a tuning case'
                : null;
    if (problem)
      problems.push({
        file: c.caseFile,
        message: `rewriteOf "${c.rewriteOf}" ${problem}: it must name a tuning case of exam ${c.examId}`,
      });
  }
  return problems;
}

/** Injection cases: a tag naming it, or the flag expected. */
export function isInjectionCase(c: Pick<CaseFile, 'tags' | 'expect'>): boolean {
  return c.tags.some((t) => t.includes('injection')) || c.expect.flags.includes('prompt_injection');
}

/** Keyword-stuffing cases: a tag naming it, or the flag expected. */
export function isStuffingCase(c: Pick<CaseFile, 'tags' | 'expect'>): boolean {
  return c.tags.some((t) => t.includes('stuffing')) || c.expect.flags.includes('keyword_stuffing');
}
