import { and, asc, count, desc, eq, inArray, max, type SQL } from 'drizzle-orm';
import { dossiers, dossierVersions, passages } from '../../../../db/schema';
import { NotFoundError } from '../../lib/errors';
import type { DossierContext } from './deps';
import type { DossierView, VersionView } from './schemas';

type VersionRow = typeof dossierVersions.$inferSelect;

const HIDDEN_EXCERPT = 160;

/** A version's outline as the API shows it (only the public fields of each stored section). */
export function sectionViews(sections: VersionRow['sections']): VersionView['sections'] {
  return sections.map(({ title, level, page, pageEnd, annex, language }) => ({
    title,
    level,
    page,
    pageEnd,
    annex,
    language,
  }));
}

function toVersionView(
  row: Omit<VersionRow, 'file' | 'text' | 'pageTexts' | 'tables'>,
  passageCount: number,
): VersionView {
  return {
    version: row.version,
    fileName: row.fileName,
    format: row.format as VersionView['format'],
    sizeBytes: row.sizeBytes,
    pages: row.pages,
    pagesEstimated: row.pagesEstimated,
    pagesExcludingAnnexes: row.pagesExcludingAnnexes,
    annexStartPage: row.annexStartPage,
    words: row.words,
    language: row.language,
    sections: sectionViews(row.sections),
    warnings: row.warnings,
    hidden: row.hidden.map((h) => ({
      kind: h.kind,
      location: h.location,
      excerpt: h.text.length > HIDDEN_EXCERPT ? `${h.text.slice(0, HIDDEN_EXCERPT)}…` : h.text,
    })),
    passages: passageCount,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Columns of a version without the heavy ones (original file, text). */
const versionSummaryColumns = {
  id: dossierVersions.id,
  dossierId: dossierVersions.dossierId,
  version: dossierVersions.version,
  fileName: dossierVersions.fileName,
  format: dossierVersions.format,
  mediaType: dossierVersions.mediaType,
  sizeBytes: dossierVersions.sizeBytes,
  sha256: dossierVersions.sha256,
  pages: dossierVersions.pages,
  pagesEstimated: dossierVersions.pagesEstimated,
  annexStartPage: dossierVersions.annexStartPage,
  pagesExcludingAnnexes: dossierVersions.pagesExcludingAnnexes,
  words: dossierVersions.words,
  language: dossierVersions.language,
  sections: dossierVersions.sections,
  hidden: dossierVersions.hidden,
  warnings: dossierVersions.warnings,
  metadata: dossierVersions.metadata,
  createdAt: dossierVersions.createdAt,
};

export async function get(ctx: Pick<DossierContext, 'database'>, id: string): Promise<DossierView> {
  const { db } = ctx.database;
  const [dossier] = await db.select().from(dossiers).where(eq(dossiers.id, id));
  if (!dossier) throw new NotFoundError('Dossier', id);
  const versions = await db
    .select(versionSummaryColumns)
    .from(dossierVersions)
    .where(eq(dossierVersions.dossierId, id))
    .orderBy(asc(dossierVersions.version));
  const counts = await db
    .select({ versionId: passages.versionId, n: count() })
    .from(passages)
    .where(
      inArray(
        passages.versionId,
        versions.map((v) => v.id),
      ),
    )
    .groupBy(passages.versionId);
  const byVersion = new Map(counts.map((c) => [c.versionId, Number(c.n)]));
  return {
    id: dossier.id,
    examId: dossier.examId,
    title: dossier.title,
    createdAt: dossier.createdAt.toISOString(),
    versions: versions.map((v) => toVersionView(v, byVersion.get(v.id) ?? 0)),
  };
}

/** Dossiers, newest first; `visible` (from the access policy) restricts them to what the caller may see. */
export async function list(ctx: Pick<DossierContext, 'database'>, visible?: SQL) {
  const { db } = ctx.database;
  const rows = await db
    .select({
      id: dossiers.id,
      examId: dossiers.examId,
      title: dossiers.title,
      createdAt: dossiers.createdAt,
      latestVersion: max(dossierVersions.version),
      versions: count(dossierVersions.id),
    })
    .from(dossiers)
    .leftJoin(dossierVersions, eq(dossierVersions.dossierId, dossiers.id))
    .where(visible)
    .groupBy(dossiers.id)
    .orderBy(desc(dossiers.createdAt));
  return rows.map((r) => ({
    ...r,
    createdAt: r.createdAt.toISOString(),
    latestVersion: r.latestVersion ?? 0,
    versions: Number(r.versions),
  }));
}

/** The stored version row (with text and pages), or a 404. */
export async function getVersion(ctx: Pick<DossierContext, 'database'>, dossierId: string, version: number) {
  const { db } = ctx.database;
  const [row] = await db
    .select()
    .from(dossierVersions)
    .where(and(eq(dossierVersions.dossierId, dossierId), eq(dossierVersions.version, version)));
  if (!row) throw new NotFoundError('Version du dossier', `${dossierId} v${version}`);
  return row;
}
