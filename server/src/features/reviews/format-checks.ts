import type { HiddenContent, IngestWarning } from '../../../../db/schema';
import type { Exam } from '../referential';
import type { Flag, FormatCheck } from './schemas';

export interface VersionFacts {
  pages: number;
  pagesEstimated: boolean;
  pagesExcludingAnnexes: number;
  annexStartPage: number | null;
  words: number;
  language: string | null;
  hidden: HiddenContent[];
  warnings: IngestWarning[];
}

const LANGUAGE_NAMES: Record<string, string> = { fr: 'français', en: 'anglais' };

/** Below this many words a dossier cannot be assessed meaningfully. */
export const MIN_WORDS = 300;

/**
 * The checks a jury applies before reading: length against the exam's limit (annexes excluded when
 * the referential says so), the required language, hidden content, collective-dossier notes.
 */
export function formatChecks(exam: Exam, facts: VersionFacts): { checks: FormatCheck[]; flags: Flag[] } {
  const m = exam.modalities;
  const checks: FormatCheck[] = [];
  const flags: Flag[] = [];

  const counted = m.annexesExcluded ? facts.pagesExcludingAnnexes : facts.pages;
  const estimate = facts.pagesEstimated ? ' (estimation : le format ne porte pas de pages)' : '';
  const scope = m.annexesExcluded ? 'pages hors annexes' : 'pages';
  const lengthOk = counted <= m.pages;
  checks.push({
    check: 'length',
    ok: lengthOk,
    detail: lengthOk
      ? `${counted} ${scope}${estimate} pour ${m.pages} attendues.`
      : `${counted} ${scope}${estimate} : la limite de l'épreuve est de ${m.pages} pages${m.annexesExcluded ? ' hors annexes' : ''}.`,
  });
  if (!lengthOk) {
    flags.push({
      code: 'over_length',
      message: `Dossier trop long : ${counted} ${scope} pour ${m.pages} attendues.`,
    });
  }

  if (facts.annexStartPage !== null) {
    checks.push({
      check: 'annexes',
      ok: true,
      detail: m.annexesExcluded
        ? `Annexes à partir de la page ${facts.annexStartPage} : non comptées dans la limite.`
        : `Annexes à partir de la page ${facts.annexStartPage} : l'épreuve ne précise pas qu'elles sont hors limite, elles sont comptées.`,
    });
  }

  const languageOk = facts.language === m.language;
  const required = LANGUAGE_NAMES[m.language] ?? m.language;
  const found = facts.language ? (LANGUAGE_NAMES[facts.language] ?? facts.language) : 'indéterminée';
  checks.push({
    check: 'language',
    ok: languageOk,
    detail: languageOk
      ? `Rédigé en ${required}, comme exigé.`
      : `Langue détectée : ${found} ; l'épreuve exige un dossier en ${required}.`,
  });
  if (!languageOk) {
    flags.push({
      code: 'wrong_language',
      message: `Le dossier doit être rédigé en ${required} (langue détectée : ${found}).`,
    });
  }

  const hiddenOk = facts.hidden.length === 0;
  checks.push({
    check: 'hidden_text',
    ok: hiddenOk,
    detail: hiddenOk
      ? 'Aucun contenu masqué détecté.'
      : `${facts.hidden.length} contenu(s) masqué(s) exclu(s) de l'analyse : ${[...new Set(facts.hidden.map((h) => `${h.kind} (${h.location})`))].slice(0, 5).join(', ')}.`,
  });
  if (!hiddenOk) {
    flags.push({
      code: 'hidden_text',
      message: `Contenu masqué détecté (${facts.hidden.length}) : il n'est pas évalué et le formateur en est averti.`,
      detail: facts.hidden
        .map((h) => `${h.kind} @ ${h.location}: ${h.text.slice(0, 120)}`)
        .slice(0, 5)
        .join(' | '),
    });
  }

  if (m.mode === 'collective') {
    checks.push({
      check: 'collective',
      ok: true,
      detail: `Épreuve collective (${m.groupSize ?? 'groupe'}) : chaque candidat doit pouvoir montrer sa contribution${m.vae ? ` ; VAE : ${m.vae}` : ''}.`,
    });
    flags.push({
      code: 'collective_dossier',
      message: 'Dossier collectif : la contribution de chacun sera interrogée à l’oral.',
    });
  }

  const enough = facts.words >= MIN_WORDS;
  checks.push({
    check: 'minimum_content',
    ok: enough,
    detail: enough
      ? `${facts.words} mots.`
      : `Seulement ${facts.words} mots : trop peu pour une évaluation significative.`,
  });
  if (!enough) flags.push({ code: 'short_dossier', message: `Dossier très court (${facts.words} mots).` });

  return { checks, flags };
}
