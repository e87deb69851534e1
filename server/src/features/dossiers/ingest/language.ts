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
/**
 * franc reads at most 2,048 characters and its cost grows with them: a longer text is read through a
 * sample of this many, in `SAMPLES` stretches spread evenly over it (a whole dossier is judged on all its
 * parts, not on its first two pages). Among seven languages, 1,000 characters of prose are plenty; the
 * 136 PDFs of the evals and their sections get the same languages as from 2,048.
 */
const MAX_SAMPLE_CHARS = 1_000;
const SAMPLES = 5;

/** Evenly spread stretches of `text`, each starting and ending on a word boundary. */
export function sample(text: string): string {
  if (text.length <= MAX_SAMPLE_CHARS) return text;
  const size = Math.floor(MAX_SAMPLE_CHARS / SAMPLES);
  const step = Math.floor((text.length - size) / (SAMPLES - 1));
  const parts: string[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const start = text.indexOf(' ', i * step);
    const end = text.lastIndexOf(' ', i * step + size);
    parts.push(
      start >= 0 && end > start ? text.slice(start + 1, end) : text.slice(i * step, i * step + size),
    );
  }
  return parts.join(' ');
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
 * The language of a section long enough for it to matter (the `mixed_language` warning reads no other), else
 * null: franc costs about as much on a one-line section as on a page, and a dossier has many short ones.
 */
export function sectionLanguage(text: string): string | null {
  return countWords(text) >= SIGNIFICANT_WORDS ? detectLanguage(text) : null;
}

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
