import type { Me, Modalities, Role } from '../lib/api';

/**
 * Test data shared by several features' fixtures: a demo account as `GET /api/me` sends it, and the
 * modalities of the « Audit RSE » exam (b1-audit-rse).
 */

/** A demo account of `role` (id `u-<role>`, e-mail `<role>@demo.prejury.fr`), in no cohort unless told. */
export function demoMe(
  role: Role,
  { name, organization, ...rest }: { name: string; organization: string } & Partial<Omit<Me, 'organization'>>,
): Me {
  return {
    id: `u-${role}`,
    email: `${role}@demo.prejury.fr`,
    name,
    role,
    organization: { id: 'org-1', name: organization },
    cohort: null,
    trainerCohorts: [],
    ...rest,
  };
}

/** How « Audit RSE » is sat: alone, ten pages without annexes, one juror, in French. */
export const auditRseModalities: Modalities = {
  mode: 'individual',
  groupSize: null,
  pages: 10,
  annexesExcluded: true,
  oralMinutes: null,
  jury: 1,
  language: 'fr',
  vae: null,
  notes: [],
};
