/**
 * Why a trainer keeps or changes the AI's score. Codes are stored; labels are for people (the web app
 * has the same labels in its catalogues, the Markdown/HTML report uses these). They live with the report,
 * which carries the trainer's decisions; the trainer feature imports them through `reviews/index.ts`.
 */
export const REASON_CODES = [
  'agree',
  'evidence_missed',
  'evidence_overrated',
  'off_topic',
  'rubric_misapplied',
  'hidden_or_injected',
  'other',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export const REASON_LABELS: Record<ReasonCode, { fr: string; en: string }> = {
  agree: { fr: "D'accord avec l'analyse", en: 'Agree with the analysis' },
  evidence_missed: { fr: "Preuve présente que l'IA n'a pas vue", en: 'Evidence present that the AI missed' },
  evidence_overrated: {
    fr: 'Preuves surévaluées (volume ≠ analyse)',
    en: 'Evidence overrated (volume ≠ analysis)',
  },
  off_topic: { fr: 'Passages cités hors sujet', en: 'Quoted passages off topic' },
  rubric_misapplied: { fr: 'Grille mal appliquée pour ce niveau', en: 'Rubric level misapplied' },
  hidden_or_injected: {
    fr: 'Texte caché ou instructions injectées',
    en: 'Hidden text or injected instructions',
  },
  other: { fr: 'Autre (voir commentaire)', en: 'Other (see comment)' },
};
