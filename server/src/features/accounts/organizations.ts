import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import { cohorts, organizations } from '../../../../db/schema';
import { ValidationError } from '../../lib/errors';
import type { AccountDeps } from './store';

type Ctx = Pick<AccountDeps, 'database'>;

export async function createOrganization({ database }: Ctx, name: string) {
  const [org] = await database.db.insert(organizations).values({ name }).returning();
  return org;
}

export async function createCohort({ database }: Ctx, organizationId: string, name: string) {
  const [cohort] = await database.db.insert(cohorts).values({ organizationId, name }).returning();
  return cohort;
}

export async function listCohorts({ database }: Ctx, organizationId: string) {
  const rows = await database.db
    .select({ id: cohorts.id, name: cohorts.name, archivedAt: cohorts.archivedAt })
    .from(cohorts)
    .where(eq(cohorts.organizationId, organizationId))
    .orderBy(asc(cohorts.name));
  return rows.map((r) => ({ ...r, archivedAt: r.archivedAt?.toISOString() ?? null }));
}

export async function assertCohortsInOrg({ database }: Ctx, organizationId: string, ids: string[]) {
  if (ids.length === 0) return;
  const found = await database.db
    .select({ id: cohorts.id })
    .from(cohorts)
    .where(and(eq(cohorts.organizationId, organizationId), inArray(cohorts.id, ids)));
  if (found.length !== new Set(ids).size)
    throw new ValidationError('Promotion inconnue dans cette organisation.');
}

/** New assignments only go to open promotions (archived ones are kept for the record). */
export async function assertOpenCohorts(ctx: Ctx, organizationId: string, ids: string[]) {
  await assertCohortsInOrg(ctx, organizationId, ids);
  if (ids.length === 0) return;
  const archived = await ctx.database.db
    .select({ id: cohorts.id })
    .from(cohorts)
    .where(and(inArray(cohorts.id, ids), isNotNull(cohorts.archivedAt)));
  if (archived.length > 0)
    throw new ValidationError('Cette promotion est archivée : désarchivez-la avant d’y affecter quelqu’un.');
}
