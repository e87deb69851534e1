/** Language the patterns are matched in. English dossiers also match the French lists (mixed vocabulary). */
export type MatchLanguage = 'fr' | 'en';
