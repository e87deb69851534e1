import type { z } from '@hono/zod-openapi';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../../../db/client';
import { memberships, rubricVersions } from '../../../../db/schema';
import type { Actor } from '../../lib/actor';
import { NotFoundError } from '../../lib/errors';
import type { Exam } from '../referential';
import { getExam } from '../referential/index';
import type { RubricSource } from '../reviews';
import { DEFAULT_RUBRIC_VERSION, defaultRubric, type Rubric, RubricSchema, rubricHash } from '../reviews';
import type { RubricVersionSummarySchema } from './schemas';

export type RubricRow = typeof rubricVersions.$inferSelect;
export type RubricVersionSummary = z.infer<typeof RubricVersionSummarySchema>;

/** What the rubric-version modules share. */
export interface RubricDeps {
  database: Database;
}

type Deps = RubricDeps;

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

export function examOrThrow(examId: string): Exam {
  const exam = getExam(examId);
  if (!exam) throw new NotFoundError('Épreuve', examId);
  return exam;
}

export function builtinSummary(examId: string, anyActive: boolean): RubricVersionSummary {
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

export function summaryOf(row: RubricRow): RubricVersionSummary {
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

export async function rows(deps: Deps, organizationId: string, examId: string) {
  const { db } = deps.database;
  return db
    .select()
    .from(rubricVersions)
    .where(and(eq(rubricVersions.organizationId, organizationId), eq(rubricVersions.examId, examId)));
}

/** The organisation's version of an exam that also meets `condition` (a label, or being active). */
async function oneRow(deps: Deps, organizationId: string, examId: string, condition: SQL) {
  const [row] = await deps.database.db
    .select()
    .from(rubricVersions)
    .where(
      and(eq(rubricVersions.organizationId, organizationId), eq(rubricVersions.examId, examId), condition),
    );
  return row;
}

export function findRow(deps: Deps, organizationId: string, examId: string, version: string) {
  return oneRow(deps, organizationId, examId, eq(rubricVersions.version, version));
}

/** A version of the organisation by label, the built-in v1 included; 404 when there is none. */
export async function resolve(
  deps: Deps,
  organizationId: string,
  examId: string,
  version: string,
): Promise<{ id: string | null; rubric: Rubric; summary: RubricVersionSummary }> {
  examOrThrow(examId);
  const all = await rows(deps, organizationId, examId);
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
export async function active(deps: Deps, organizationId: string, examId: string) {
  const row = await oneRow(deps, organizationId, examId, eq(rubricVersions.active, true));
  return row
    ? { id: row.id, rubric: RubricSchema.parse(row.body) }
    : { id: null, rubric: defaultRubric(examId) };
}

export async function detail(deps: Deps, organizationId: string, examId: string, version: string) {
  const { rubric, summary } = await resolve(deps, organizationId, examId, version);
  return { ...summary, rubric };
}

/** The review engine's view: which rubric grades a dossier (the active one of its owner's organisation). */
export function rubricSource(deps: Deps): RubricSource {
  const { db } = deps.database;
  return {
    async forReview({ examId, ownerId, versionId }) {
      if (versionId === null) return { id: null, rubric: defaultRubric(examId) };
      if (versionId === undefined) {
        if (!ownerId) return { id: null, rubric: defaultRubric(examId) };
        const [member] = await db
          .select({ organizationId: memberships.organizationId })
          .from(memberships)
          .where(eq(memberships.userId, ownerId));
        if (!member) return { id: null, rubric: defaultRubric(examId) };
        const current = await active(deps, member.organizationId, examId);
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
}

/** Every version of an exam for the caller's organisation: v1 first, then by label. */
export async function list(deps: Deps, actor: Actor, examId: string): Promise<RubricVersionSummary[]> {
  examOrThrow(examId);
  const all = await rows(deps, actor.organizationId, examId);
  return [
    builtinSummary(
      examId,
      all.some((r) => r.active),
    ),
    ...all.sort((a, b) => compareLabels(a.version, b.version)).map(summaryOf),
  ];
}
