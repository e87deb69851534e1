/**
 * Rubric versions per organisation and exam. v1 is the built-in `defaultRubric` (code, never stored);
 * exam teams write v2, v3… from any earlier version. One version is active per exam (none stored active:
 * v1), and the review engine grades candidates' dossiers with it. A version is frozen once a review has
 * been requested with it: `first_used_at` is set in the same statement that hands it to the engine.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../../db/client';
import { memberships, rubricVersions } from '../../../../db/schema';
import type { Actor } from '../../lib/actor';
import { AppError, NotFoundError, ValidationError } from '../../lib/errors';
import { audit } from '../accounts';
import type { Exam } from '../referential';
import { getExam } from '../referential';
import type { RubricSource } from '../reviews';
import {
  DEFAULT_RUBRIC_VERSION,
  defaultRubric,
  type Rubric,
  type RubricCriterion,
  RubricSchema,
  rubricHash,
  rubricProblems,
} from '../reviews';
import { diffRubrics } from './rubric-diff';

type RubricRow = typeof rubricVersions.$inferSelect;

export interface RubricVersionSummary {
  /** Null for the built-in v1. */
  id: string | null;
  examId: string;
  version: string;
  builtin: boolean;
  active: boolean;
  /** A review was requested with it: it can no longer change. */
  used: boolean;
  firstUsedAt: string | null;
  basedOn: string | null;
  note: string | null;
  createdBy: string | null;
  createdAt: string | null;
  hash: string;
}

export interface RubricVersionInput {
  basedOn?: string;
  version?: string;
  note?: string;
  criteria: RubricCriterion[];
}

/** `v2.10` > `v2.9` > `v2`: labels compared by their numbers. */
export function compareLabels(a: string, b: string): number {
  const pa = a.slice(1).split('.').map(Number);
  const pb = b.slice(1).split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

function examOrThrow(examId: string): Exam {
  const exam = getExam(examId);
  if (!exam) throw new NotFoundError('Épreuve', examId);
  return exam;
}

/** The same content, labels aside: what makes two versions grade alike. */
function contentHash(rubric: Rubric): string {
  return rubricHash({ ...rubric, version: 'v0' });
}

export function createRubricVersionService(deps: { database: Database }) {
  const { database } = deps;
  const { db } = database;

  function builtinSummary(examId: string, anyActive: boolean): RubricVersionSummary {
    const rubric = defaultRubric(examId);
    return {
      id: null,
      examId,
      version: DEFAULT_RUBRIC_VERSION,
      builtin: true,
      active: !anyActive,
      used: true,
      firstUsedAt: null,
      basedOn: null,
      note: null,
      createdBy: null,
      createdAt: null,
      hash: rubricHash(rubric),
    };
  }

  function summaryOf(row: RubricRow): RubricVersionSummary {
    return {
      id: row.id,
      examId: row.examId,
      version: row.version,
      builtin: false,
      active: row.active,
      used: row.firstUsedAt !== null,
      firstUsedAt: row.firstUsedAt?.toISOString() ?? null,
      basedOn: row.basedOn,
      note: row.note,
      createdBy: row.createdByName,
      createdAt: row.createdAt.toISOString(),
      hash: row.hash,
    };
  }

  async function rows(organizationId: string, examId: string) {
    return db
      .select()
      .from(rubricVersions)
      .where(and(eq(rubricVersions.organizationId, organizationId), eq(rubricVersions.examId, examId)));
  }

  async function findRow(organizationId: string, examId: string, version: string) {
    const [row] = await db
      .select()
      .from(rubricVersions)
      .where(
        and(
          eq(rubricVersions.organizationId, organizationId),
          eq(rubricVersions.examId, examId),
          eq(rubricVersions.version, version),
        ),
      );
    return row;
  }

  /** A version of the organisation by label, the built-in v1 included; 404 when there is none. */
  async function resolve(
    organizationId: string,
    examId: string,
    version: string,
  ): Promise<{ id: string | null; rubric: Rubric; summary: RubricVersionSummary }> {
    examOrThrow(examId);
    const all = await rows(organizationId, examId);
    if (version === DEFAULT_RUBRIC_VERSION) {
      return {
        id: null,
        rubric: defaultRubric(examId),
        summary: builtinSummary(
          examId,
          all.some((r) => r.active),
        ),
      };
    }
    const row = all.find((r) => r.version === version);
    if (!row) throw new NotFoundError('Version de grille', `${examId} ${version}`);
    return { id: row.id, rubric: RubricSchema.parse(row.body), summary: summaryOf(row) };
  }

  /** The organisation's active version of an exam (v1 when none is stored active). */
  async function active(organizationId: string, examId: string) {
    const [row] = await db
      .select()
      .from(rubricVersions)
      .where(
        and(
          eq(rubricVersions.organizationId, organizationId),
          eq(rubricVersions.examId, examId),
          eq(rubricVersions.active, true),
        ),
      );
    return row
      ? { id: row.id, rubric: RubricSchema.parse(row.body) }
      : { id: null, rubric: defaultRubric(examId) };
  }

  /** Validates an edited rubric for the exam; 400 with every problem listed. */
  function validated(exam: Exam, version: string, criteria: RubricCriterion[], scale: Rubric['scale']) {
    const parsed = RubricSchema.safeParse({ version, examId: exam.id, scale, criteria });
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({
        path: issue.path.join('.'),
        message: issue.message,
      }));
      throw new ValidationError(
        `Grille invalide : ${issues
          .slice(0, 5)
          .map((i) => `${i.path} : ${i.message}`)
          .join(' ; ')}.`,
        { issues },
      );
    }
    const problems = rubricProblems(parsed.data, exam);
    if (problems.length > 0) {
      throw new ValidationError(`Grille invalide : ${problems.join(' ; ')}.`, {
        issues: problems.map((message) => ({ path: 'criteria', message })),
      });
    }
    // Criteria in the exam's order, whatever order the editor sent them in.
    const order = new Map(exam.criteria.map((c, i) => [c.id, i]));
    parsed.data.criteria.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    return parsed.data;
  }

  async function detail(organizationId: string, examId: string, version: string) {
    const { rubric, summary } = await resolve(organizationId, examId, version);
    return { ...summary, rubric };
  }

  const source: RubricSource = {
    async forReview({ examId, ownerId, versionId }) {
      if (versionId === null) return { id: null, rubric: defaultRubric(examId) };
      if (versionId === undefined) {
        if (!ownerId) return { id: null, rubric: defaultRubric(examId) };
        const [member] = await db
          .select({ organizationId: memberships.organizationId })
          .from(memberships)
          .where(eq(memberships.userId, ownerId));
        if (!member) return { id: null, rubric: defaultRubric(examId) };
        const current = await active(member.organizationId, examId);
        if (current.id === null) return current;
        versionId = current.id;
      }
      // Claim and read in one statement: an edit cannot slip in between.
      const [row] = await db
        .update(rubricVersions)
        .set({ firstUsedAt: sql`coalesce(${rubricVersions.firstUsedAt}, now())` })
        .where(and(eq(rubricVersions.id, versionId), eq(rubricVersions.examId, examId)))
        .returning();
      if (!row) throw new NotFoundError('Version de grille', versionId);
      return { id: row.id, rubric: RubricSchema.parse(row.body) };
    },
    async byId(id) {
      const [row] = await db.select().from(rubricVersions).where(eq(rubricVersions.id, id));
      if (!row) throw new NotFoundError('Version de grille', id);
      return RubricSchema.parse(row.body);
    },
  };

  return {
    /** The review engine's view: which rubric grades a dossier. */
    source,
    resolve,
    detail: (actor: Actor, examId: string, version: string) => detail(actor.organizationId, examId, version),

    /** Every version of an exam for the caller's organisation: v1 first, then by label. */
    async list(actor: Actor, examId: string): Promise<RubricVersionSummary[]> {
      examOrThrow(examId);
      const all = await rows(actor.organizationId, examId);
      return [
        builtinSummary(
          examId,
          all.some((r) => r.active),
        ),
        ...all.sort((a, b) => compareLabels(a.version, b.version)).map(summaryOf),
      ];
    },

    /** A new version edited from `basedOn` (default: the active one); labelled `v<N+1>` unless given. */
    async create(actor: Actor, examId: string, input: RubricVersionInput) {
      const exam = examOrThrow(examId);
      const all = await rows(actor.organizationId, examId);
      const base = input.basedOn
        ? await resolve(actor.organizationId, examId, input.basedOn)
        : await active(actor.organizationId, examId);
      const labels = [DEFAULT_RUBRIC_VERSION, ...all.map((r) => r.version)];
      const major = Math.max(...labels.map((l) => Number(l.slice(1).split('.')[0])));
      const version = input.version ?? `v${major + 1}`;
      if (labels.includes(version)) {
        throw new AppError('version_exists', 409, `La version ${version} existe déjà pour cette épreuve.`);
      }
      const rubric = validated(exam, version, input.criteria, base.rubric.scale);
      if (contentHash(rubric) === contentHash(base.rubric)) {
        throw new AppError(
          'rubric_unchanged',
          422,
          `Aucune modification par rapport à ${base.rubric.version} : rien à enregistrer.`,
        );
      }
      const diff = diffRubrics(base.rubric, rubric);
      const row = await db.transaction(async (tx) => {
        const [created] = await tx
          .insert(rubricVersions)
          .values({
            organizationId: actor.organizationId,
            examId,
            version,
            body: rubric as unknown as Record<string, unknown>,
            hash: rubricHash(rubric),
            basedOn: base.rubric.version,
            note: input.note?.trim() || null,
            createdBy: actor.userId,
            createdByName: actor.name,
          })
          .returning();
        await audit(tx, actor, {
          action: 'rubric.change',
          targetType: 'rubric_version',
          targetId: created.id,
          detail: {
            change: 'create',
            examId,
            version,
            basedOn: base.rubric.version,
            criteria: diff.criteria.map((c) => c.id),
          },
        });
        return created;
      });
      return { ...summaryOf(row), rubric };
    },

    /** Replaces the criteria (and note) of a version nobody has used yet; 409 once used. */
    async update(actor: Actor, examId: string, version: string, input: Omit<RubricVersionInput, 'basedOn'>) {
      const exam = examOrThrow(examId);
      if (version === DEFAULT_RUBRIC_VERSION) {
        throw new AppError(
          'rubric_immutable',
          409,
          'La version v1 est la grille par défaut : créez une nouvelle version pour la modifier.',
        );
      }
      if (input.version !== undefined && input.version !== version) {
        throw new ValidationError("Le libellé d'une version ne change pas : créez une nouvelle version.");
      }
      const current = await findRow(actor.organizationId, examId, version);
      if (!current) throw new NotFoundError('Version de grille', `${examId} ${version}`);
      const base = RubricSchema.parse(current.body);
      const rubric = validated(exam, version, input.criteria, base.scale);
      const row = await db.transaction(async (tx) => {
        const [updated] = await tx
          .update(rubricVersions)
          .set({
            body: rubric as unknown as Record<string, unknown>,
            hash: rubricHash(rubric),
            note: input.note === undefined ? current.note : input.note.trim() || null,
          })
          .where(and(eq(rubricVersions.id, current.id), sql`${rubricVersions.firstUsedAt} is null`))
          .returning();
        if (!updated) return undefined;
        await audit(tx, actor, {
          action: 'rubric.change',
          targetType: 'rubric_version',
          targetId: current.id,
          detail: {
            change: 'update',
            examId,
            version,
            criteria: diffRubrics(base, rubric).criteria.map((c) => c.id),
          },
        });
        return updated;
      });
      if (!row) {
        throw new AppError(
          'rubric_used',
          409,
          `La version ${version} a déjà servi à des analyses : elle ne peut plus changer. Créez une nouvelle version.`,
        );
      }
      return { ...summaryOf(row), rubric };
    },

    /** Makes a version the one candidates' dossiers are graded with (v1: back to the default). */
    async activate(actor: Actor, examId: string, version: string) {
      const target = await resolve(actor.organizationId, examId, version);
      await db.transaction(async (tx) => {
        await tx
          .update(rubricVersions)
          .set({ active: false })
          .where(
            and(
              eq(rubricVersions.organizationId, actor.organizationId),
              eq(rubricVersions.examId, examId),
              eq(rubricVersions.active, true),
            ),
          );
        if (target.id) {
          await tx.update(rubricVersions).set({ active: true }).where(eq(rubricVersions.id, target.id));
        }
        await audit(tx, actor, {
          action: 'rubric.change',
          targetType: 'rubric_version',
          targetId: target.id ?? `${examId}/${version}`,
          detail: { change: 'activate', examId, version },
        });
      });
      return detail(actor.organizationId, examId, version);
    },

    async diff(actor: Actor, examId: string, from: string, to: string) {
      const a = await resolve(actor.organizationId, examId, from);
      const b = await resolve(actor.organizationId, examId, to);
      return diffRubrics(a.rubric, b.rubric);
    },
  };
}

export type RubricVersionService = ReturnType<typeof createRubricVersionService>;
