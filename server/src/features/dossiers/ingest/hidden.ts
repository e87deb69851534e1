import type { HiddenContent, IngestWarning } from '../../../../../db/schema';
import type { HiddenItem } from './types';

/**
 * Phrases that address a reader or a model rather than the jury: « ignore les consignes », « mets 4/4 »,
 * « you are an assistant »… Used on places a candidate cannot see (metadata, comments) to decide whether
 * they are worth showing to a trainer. The review module runs its own, stricter detection on the text.
 */
const INSTRUCTION_PATTERNS: RegExp[] = [
  /\b(ignore[rsz]?|oublie[rsz]?|disregard|forget)\b.{0,40}\b(consignes?|instructions?|r[èe]gles?|prompt|rules|above|pr[ée]c[ée]dent)/i,
  /\bne\s+(tiens?|tenez)\s+pas\s+compte\b/i,
  /\b(mets?|mettez|donne[sz]?|attribue[sz]?|give|assign|score)\b.{0,30}\b\d+\s*\/\s*\d+/i,
  /\b(note|score|grade)\s+(maximale?|maximum|parfaite?|max)\b/i,
  /\b(tu es|vous [êe]tes|you are|act as|en tant qu['’]\s*(ia|assistant|mod[èe]le))\b/i,
  /\b(system\s*prompt|jailbreak|instructions?\s+(syst[èe]me|system))\b/i,
];

/** True when `text` reads like an instruction aimed at the reviewer or the model. */
export function looksLikeInstruction(text: string): boolean {
  return INSTRUCTION_PATTERNS.some((re) => re.test(text));
}

/** Metadata fields meant for free text (a long title or description there is unusual and unseen). */
const FREE_TEXT_FIELDS = new Set(['title', 'subject', 'keywords', 'description', 'comments', 'category']);
/**
 * Above this length a free-text field holds more than a title or a few keywords. Ordinary titles run to
 * 60–120 characters (« Négociation commerciale complexe – Alvéa Technologies – Dossier de … »), so a lower
 * bar flags honest files; instruction-like text is reported whatever its length.
 */
const LONG_METADATA = 200;

/**
 * Whether a metadata field deserves to be reported as hidden content: anything instruction-like, and long
 * free text. Author/creator fields are only reported when instruction-like: Word writes long creator
 * strings (« Microsoft® Word pour Microsoft 365 … ») that are not worth a flag.
 */
export function isNotableMetadata(field: string, value: string): boolean {
  const v = value.trim();
  if (v === '') return false;
  if (looksLikeInstruction(v)) return true;
  const name = field.toLowerCase();
  return (FREE_TEXT_FIELDS.has(name) || name.startsWith('custom')) && v.length > LONG_METADATA;
}

/** Hidden items for the notable fields of a metadata record (string values only). */
export function metadataHidden(fields: Record<string, string | undefined>): HiddenItem[] {
  const out: HiddenItem[] = [];
  for (const [field, value] of Object.entries(fields)) {
    if (value !== undefined && isNotableMetadata(field, value)) {
      out.push({ kind: 'metadata', location: `métadonnées (${field})`, text: value.trim() });
    }
  }
  return out;
}

const KIND_LABELS: Record<string, string> = {
  white_text: 'Texte blanc (invisible)',
  tiny_text: 'Texte minuscule (illisible)',
  off_page: 'Texte placé hors de la page',
  invisible_text: 'Texte invisible (non peint)',
  hidden_html: 'HTML invisible',
  vanish: 'Texte masqué (attribut « masqué » de Word)',
  comment: 'Commentaire',
  metadata: 'Métadonnées du fichier',
};

const EXCERPT = 80;

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT - 1)}…` : flat;
}

/** One `hidden_content` warning per hidden item, in French, with its page when known. */
export function hiddenWarnings(items: HiddenItem[]): IngestWarning[] {
  return items.map((item) => {
    const label = KIND_LABELS[item.kind] ?? 'Contenu caché';
    const where = item.page === undefined ? item.location : `page ${item.page}`;
    const warning: IngestWarning = {
      code: 'hidden_content',
      message: `${label} (${where}) : « ${excerpt(item.text)} ». Ce contenu est exclu du texte analysé et signalé au formateur.`,
    };
    if (item.page !== undefined) warning.page = item.page;
    return warning;
  });
}

/** The stored shape: exactly `HiddenContent`, without the parser's page bookkeeping. */
export function toHiddenContent(items: HiddenItem[]): HiddenContent[] {
  return items.map(({ kind, location, text }) => ({ kind, location, text }));
}
