import { randomBytes } from 'node:crypto';
import { createCohort, createOrganization } from './organizations';
import type { AccountDeps } from './store';
import { createUser, type NewUser } from './users';

type Deps = AccountDeps;

/**
 * Seeds the demo organisation on an empty database: two cohorts and the five accounts of
 * DESIGN.md. Returns the password when one was generated (to print once), else null.
 */
export async function seedDemo(
  deps: Deps,
  password: string | undefined,
): Promise<{ seeded: boolean; generatedPassword: string | null }> {
  const { database, auth } = deps;
  const [{ n }] = await database.query<{ n: number }>('select count(*)::int as n from users');
  if (n > 0) return { seeded: false, generatedPassword: null };
  const generated = password ? null : randomBytes(12).toString('base64url');
  const pw = password ?? (generated as string);
  const org = await createOrganization(deps, 'Organisme de démonstration');
  const a = await createCohort(deps, org.id, 'Promotion A');
  const b = await createCohort(deps, org.id, 'Promotion B');
  const demo: Omit<NewUser, 'password' | 'organizationId'>[] = [
    { email: 'candidate@demo.prejury.fr', name: 'Camille Candidat', role: 'candidate', cohortId: a.id },
    {
      email: 'candidate2@demo.prejury.fr',
      name: 'Dominique Candidat',
      role: 'candidate',
      cohortId: b.id,
    },
    {
      email: 'trainer@demo.prejury.fr',
      name: 'Florence Formatrice',
      role: 'trainer',
      trainerCohortIds: [a.id],
    },
    { email: 'examteam@demo.prejury.fr', name: 'Étienne Équipe-examen', role: 'examteam' },
    { email: 'admin@demo.prejury.fr', name: 'Alix Admin', role: 'admin' },
  ];
  const passwordHash = await (await auth.$context).password.hash(pw);
  for (const u of demo) await createUser(deps, { ...u, password: pw, passwordHash, organizationId: org.id });
  return { seeded: true, generatedPassword: generated };
}
