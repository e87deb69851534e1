import { asc, eq, inArray } from 'drizzle-orm';
import { strToU8, zipSync } from 'fflate';
import {
  calibrationScores,
  coachMessages,
  cohorts,
  disclosures,
  dossiers,
  dossierVersions,
  organizations,
  reviewChecks,
  reviewDecisions,
  reviews,
  sessions,
  users,
} from '../../../../db/schema';
import type { Actor } from '../../lib/actor';
import { NotFoundError } from '../../lib/errors';
import { audit } from './audit';
import type { AccountDeps } from './store';

type Deps = Pick<AccountDeps, 'database'>;

/** Everything Préjury holds about a user, as a ZIP: `donnees.json` and the original files. */
export async function exportData(deps: Deps, actor: Actor): Promise<Uint8Array> {
  const { db } = deps.database;
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (!user) throw new NotFoundError('Utilisateur', actor.userId);
  const [org] = await db.select().from(organizations).where(eq(organizations.id, actor.organizationId));
  const [cohort] = actor.cohortId
    ? await db.select().from(cohorts).where(eq(cohorts.id, actor.cohortId))
    : [];
  const files: Record<string, Uint8Array> = {};
  const ownDossiers = await db
    .select()
    .from(dossiers)
    .where(eq(dossiers.ownerId, actor.userId))
    .orderBy(asc(dossiers.createdAt));
  const dossierData = [];
  for (const d of ownDossiers) {
    const versions = await db
      .select()
      .from(dossierVersions)
      .where(eq(dossierVersions.dossierId, d.id))
      .orderBy(asc(dossierVersions.version));
    const versionIds = versions.map((v) => v.id);
    // (drizzle's `inArray` with no ids is `false`: a dossier without versions or reviews asks for nothing)
    const reviewRows = await db
      .select()
      .from(reviews)
      .where(inArray(reviews.versionId, versionIds))
      .orderBy(asc(reviews.createdAt));
    const reviewIds = reviewRows.map((r) => r.id);
    const decisions = await db
      .select()
      .from(reviewDecisions)
      .where(inArray(reviewDecisions.reviewId, reviewIds));
    const checks = await db.select().from(reviewChecks).where(inArray(reviewChecks.reviewId, reviewIds));
    const transfers = await db.select().from(disclosures).where(inArray(disclosures.versionId, versionIds));
    const juryScores = await db
      .select({
        criterionId: calibrationScores.criterionId,
        rater: calibrationScores.rater,
        score: calibrationScores.score,
        source: calibrationScores.source,
      })
      .from(calibrationScores)
      .where(eq(calibrationScores.dossierId, d.id));
    const messages = await db
      .select()
      .from(coachMessages)
      .where(eq(coachMessages.dossierId, d.id))
      .orderBy(asc(coachMessages.createdAt));
    dossierData.push({
      id: d.id,
      examId: d.examId,
      title: d.title,
      createdAt: d.createdAt.toISOString(),
      versions: versions.map((v) => {
        const path = `fichiers/${d.id}/v${v.version}-${v.fileName.replace(/[^\p{L}\p{N}._-]+/gu, '_')}`;
        files[path] = new Uint8Array(v.file);
        const { file: _file, id: _id, dossierId: _d, ...rest } = v;
        return { ...rest, createdAt: v.createdAt.toISOString(), file: path };
      }),
      reviews: reviewRows.map((r) => ({
        id: r.id,
        version: versions.find((v) => v.id === r.versionId)?.version,
        status: r.status,
        provider: r.provider,
        model: r.model,
        rubricVersion: r.rubricVersion,
        promptVersion: r.promptVersion,
        report: r.report,
        createdAt: r.createdAt.toISOString(),
        decisions: decisions
          .filter((x) => x.reviewId === r.id)
          .map((x) => ({
            criterionId: x.criterionId,
            aiScore: x.aiScore,
            score: x.score,
            reason: x.reason,
            comment: x.comment,
            by: x.decidedByName,
            at: x.createdAt.toISOString(),
          })),
        check:
          checks
            .filter((x) => x.reviewId === r.id)
            .map((x) => ({ by: x.checkedByName, comment: x.comment, at: x.createdAt.toISOString() }))[0] ??
          null,
      })),
      /** Scores given by the jury (imported by the exam team) or by trainers for calibration. */
      humanScores: juryScores,
      coachMessages: messages.map((m) => ({
        version: m.version,
        role: m.role,
        content: m.content,
        citations: m.citations,
        at: m.createdAt.toISOString(),
      })),
      transfers: transfers.map((t) => ({
        version: versions.find((v) => v.id === t.versionId)?.version,
        provider: t.provider,
        model: t.model,
        purpose: t.purpose,
        redacted: t.redacted,
        at: t.createdAt.toISOString(),
      })),
    });
  }
  const sessionRows = await db.select().from(sessions).where(eq(sessions.userId, actor.userId));
  const data = {
    exportedAt: new Date().toISOString(),
    notice:
      'Export de vos données Préjury (RGPD, art. 15 et 20). Préjury est une pré-évaluation formative : le jury décide.',
    user: { id: user.id, name: user.name, email: user.email, createdAt: user.createdAt.toISOString() },
    membership: { role: actor.role, organization: org?.name ?? null, cohort: cohort?.name ?? null },
    sessions: sessionRows.map((s) => ({
      createdAt: s.createdAt.toISOString(),
      expiresAt: s.expiresAt.toISOString(),
      ipAddress: s.ipAddress,
      userAgent: s.userAgent,
    })),
    dossiers: dossierData,
  };
  await audit(db, actor, {
    action: 'data.export',
    targetType: 'user',
    targetId: actor.userId,
    detail: { dossiers: ownDossiers.length },
  });
  return zipSync({ 'donnees.json': strToU8(JSON.stringify(data, null, 2)), ...files });
}
