import { franc } from 'franc';
import type { IngestWarning, SectionInfo } from '../../../../../db/schema';
import { LANGUAGE_MARKERS } from './language-markers.data';
import { countWords, hasWords, letterRuns } from './words';

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
  // Every run of characters other than letters (spaces, digits, punctuation) becomes one space.
  const letters = letterRuns(text).join(' ');
  if (letters.length < MIN_LANGUAGE_CHARS) return null;
  const code = franc(sample(letters), { only: ONLY, minLength: MIN_LANGUAGE_CHARS });
  return LANGUAGES[code] ?? null;
}

/** Sections below this size are too short for their language to matter (titles, captions, tables). */
const SIGNIFICANT_WORDS = 60;

/** Marker word → its language (`language-markers.data.ts`). */
const MARKER_LANGUAGE = new Map(
  Object.entries(LANGUAGE_MARKERS).flatMap(([language, words]) =>
    words.split(' ').map((w) => [w, language] as const),
  ),
);
/** A language's marker words must occur at least this often in the sample… */
const MIN_MARKERS = 8;
/** …and this many times as often as those of any other language, for its words alone to decide. */
const MARKER_MARGIN = 5;

/**
 * The language of `text` when its function words leave no doubt (one language's marker words at least 8
 * times and 5 times as often as any other's, in the sample franc would read), else null. A section of
 * prose in one language passes; a mixed or odd one does not, and goes to franc.
 */
export function markedLanguage(text: string): string | null {
  const hits = new Map<string, number>();
  for (const word of letterRuns(sample(text))) {
    const language = MARKER_LANGUAGE.get(word.toLowerCase());
    if (language !== undefined) hits.set(language, (hits.get(language) ?? 0) + 1);
  }
  const [best, second] = [...hits].sort((a, b) => b[1] - a[1]);
  if (best === undefined || best[1] < MIN_MARKERS) return null;
  return best[1] >= MARKER_MARGIN * (second?.[1] ?? 0) ? best[0] : null;
}

/**
 * The language of a section long enough for it to matter (the `mixed_language` warning reads no other), else
 * null. Its function words decide when they are clear (`markedLanguage`, a pass over a bounded sample);
 * only a section they leave in doubt goes to franc, which costs a quarter of a millisecond a section — and
 * a dossier has a hundred or more (on the evals' 2,768 sections of 60 words or more, 91 % are told by their
 * words, every one the language franc gives).
 */
export function sectionLanguage(text: string): string | null {
  if (!hasWords(text, SIGNIFICANT_WORDS)) return null;
  return markedLanguage(text) ?? detectLanguage(text);
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
