import { franc } from 'franc';
import type { IngestWarning, SectionInfo } from '../../../../../db/schema';
import { countWords } from './words';

/** ISO 639-3 (franc) → ISO 639-1, for the languages a dossier may plausibly be written in. */
const LANGUAGES: Record<string, string> = {
  fra: 'fr',
  eng: 'en',
  deu: 'de',
  spa: 'es',
  ita: 'it',
  por: 'pt',
  nld: 'nl',
};
const ONLY = Object.keys(LANGUAGES);

const NAMES: Record<string, string> = {
  fr: 'français',
  en: 'anglais',
  de: 'allemand',
  es: 'espagnol',
  it: 'italien',
  pt: 'portugais',
  nl: 'néerlandais',
};

/** Below this many characters trigram statistics are noise. */
export const MIN_LANGUAGE_CHARS = 60;
/** franc is linear in its input; beyond this, evenly spaced samples are enough and keep it fast. */
const MAX_SAMPLE_CHARS = 30_000;
const SAMPLES = 10;

function sample(text: string): string {
  if (text.length <= MAX_SAMPLE_CHARS) return text;
  const size = Math.floor(MAX_SAMPLE_CHARS / SAMPLES);
  const step = Math.floor((text.length - size) / (SAMPLES - 1));
  const parts: string[] = [];
  for (let i = 0; i < SAMPLES; i++) parts.push(text.slice(i * step, i * step + size));
  return parts.join('\n');
}

/**
 * Language of `text` as an ISO 639-1 code ('fr', 'en', …), among French, English, German, Spanish,
 * Italian, Portuguese and Dutch; null when the text is shorter than 60 characters or undecided.
 */
export function detectLanguage(text: string): string | null {
  const letters = text
    .replace(/[^\p{L}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (letters.length < MIN_LANGUAGE_CHARS) return null;
  const code = franc(sample(letters), { only: ONLY, minLength: MIN_LANGUAGE_CHARS });
  return LANGUAGES[code] ?? null;
}

/** Sections below this size are too short for their language to matter (titles, captions, tables). */
const SIGNIFICANT_WORDS = 60;

/**
 * One `mixed_language` warning when significant sections of the dossier (annexes aside: they often hold
 * documents the candidate did not write) are in another language than the document.
 */
export function mixedLanguageWarning(
  language: string | null,
  sections: SectionInfo[],
  text: string,
): IngestWarning | null {
  if (language === null) return null;
  const odd = sections.filter(
    (s) =>
      !s.annex &&
      s.language !== null &&
      s.language !== language &&
      countWords(text.slice(s.start, s.end)) >= SIGNIFICANT_WORDS,
  );
  if (odd.length === 0) return null;
  const list = odd
    .slice(0, 5)
    .map((s) => `« ${s.title} » (p. ${s.page}, ${NAMES[s.language ?? ''] ?? s.language})`)
    .join(', ');
  const more = odd.length > 5 ? ` et ${odd.length - 5} autre(s)` : '';
  return {
    code: 'mixed_language',
    message: `Le dossier est rédigé en ${NAMES[language] ?? language}, mais certaines sections sont dans une autre langue : ${list}${more}.`,
    page: odd[0].page,
  };
}
