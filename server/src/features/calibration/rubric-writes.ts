import type { z } from '@hono/zod-openapi';
import { and, eq, sql } from 'drizzle-orm';
import { rubricVersions } from '../../../../db/schema';
import type { Actor } from '../../lib/actor';
import { AppError, NotFoundError, ValidationError } from '../../lib/errors';
import { audit } from '../accounts';
import type { Exam } from '../referential';
import {
  DEFAULT_RUBRIC_VERSION,
  type Rubric,
  type RubricCriterion,
  RubricSchema,
  rubricHash,
  rubricProblems,
} from '../reviews';
import { diffRubrics } from './rubric-diff';
import {
  active,
  detail,
  examOrThrow,
  findRow,
  type RubricDeps,
  resolve,
  rows,
  summaryOf,
} from './rubric-reads';
import type { RubricVersionCreateSchema } from './schemas';

type Deps = RubricDeps;

/** An edit as the API takes it, with its criteria as the rubric module types them. */
export type RubricVersionInput = Omit<z.infer<typeof RubricVersionCreateSchema>, 'criteria'> & {
  criteria: RubricCriterion[];
};

/** The same content, labels aside: what makes two versions grade alike. */
function contentHash(rubric: Rubric): string {
  return rubricHash({ ...rubric, version: 'v0' });
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

/** A new version edited from `basedOn` (default: the active one); labelled `v<N+1>` unless given. */
export async function create(deps: Deps, actor: Actor, examId: string, input: RubricVersionInput) {
  const { db } = deps.database;
  const exam = examOrThrow(examId);
  const all = await rows(deps, actor.organizationId, examId);
  const base = input.basedOn
    ? await resolve(deps, actor.organizationId, examId, input.basedOn)
    : await active(deps, actor.organizationId, examId);
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
}

/** Replaces the criteria (and note) of a version nobody has used yet; 409 once used. */
export async function update(
  deps: Deps,
  actor: Actor,
  examId: string,
  version: string,
  input: Omit<RubricVersionInput, 'basedOn'>,
) {
  const { db } = deps.database;
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
  const current = await findRow(deps, actor.organizationId, examId, version);
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
}

/** Makes a version the one candidates' dossiers are graded with (v1: back to the default). */
export async function activate(deps: Deps, actor: Actor, examId: string, version: string) {
  const { db } = deps.database;
  const target = await resolve(deps, actor.organizationId, examId, version);
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
  return detail(deps, actor.organizationId, examId, version);
}
