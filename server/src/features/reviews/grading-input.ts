/**
 * What graders are given: the dossier with the injected sentences stripped (an injection can never raise a
 * score), and the injections found, which the report flags to the trainer.
 */
import type { dossierVersions } from '../../../../db/schema';
import type { DossierText } from './grade-schema';
import { detectInjections, stripInjections } from './injection';

type VersionRow = typeof dossierVersions.$inferSelect;

export function gradingDossier(version: VersionRow) {
  const injections = detectInjections(version.text, version.pageTexts, version.hidden);
  const pages = version.pageTexts.map((p) => ({ page: p.page, text: stripInjections(p.text) }));
  const dossier: DossierText = {
    text: pages.map((p) => p.text).join('\n\n'),
    pages,
    language: version.language,
    words: version.words,
  };
  return { dossier, injections };
}
export type GradingDossier = ReturnType<typeof gradingDossier>;

/** Passages without their injected sentences: stripped once per review, not once per criterion. */
export function strippedPassages<T extends { text: string }>(passages: T[]): T[] {
  return passages.map((p) => ({ ...p, text: stripInjections(p.text) }));
}
