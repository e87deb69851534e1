import chardet from 'chardet';
import { fileTypeFromBuffer } from 'file-type';
import iconv from 'iconv-lite';
import { AppError, UnprocessableError } from '../../../lib/errors';
import type { DocumentFormat } from './types';
import { openZip, type ZipArchive } from './zip';

export const MEDIA_TYPES: Record<DocumentFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  markdown: 'text/markdown',
  text: 'text/plain',
};

const ACCEPTED = 'Formats acceptés : PDF, DOCX, Markdown, texte.';

/** The detected format, with what was already decoded on the way (text, or the checked archive). */
export interface Sniffed {
  format: DocumentFormat;
  mediaType: string;
  /** Decoded text, for `markdown` and `text`. */
  text?: string;
  /** The archive, already checked against zip bombs, for `docx`. */
  zip?: ZipArchive;
}

/**
 * Detects the format of an upload from its content (magic bytes, then text decoding), never from its
 * name. Throws 415 `unsupported_type` / `binary_content`, 422 `empty_file` / `zip_bomb` / `corrupt_file`.
 */
export async function detectFormat(
  bytes: Uint8Array,
  fileName?: string,
): Promise<{ format: DocumentFormat; mediaType: string }> {
  const { format, mediaType } = await sniff(bytes, fileName);
  return { format, mediaType };
}

/** `detectFormat`, keeping what it decoded so parsers need not decode twice. */
export async function sniff(bytes: Uint8Array, fileName?: string): Promise<Sniffed> {
  if (bytes.byteLength === 0) throw emptyFile();
  if (isPdf(bytes)) return { format: 'pdf', mediaType: MEDIA_TYPES.pdf };
  if (isZip(bytes)) {
    // The directory is checked (zip bomb) before anything, file-type included, inflates an entry.
    const zip = openZip(bytes);
    // A Word package, even one missing its main part (then reported as damaged by the DOCX parser).
    if (zip.has('word/document.xml') || zip.names().some((n) => n.startsWith('word/')))
      return { format: 'docx', mediaType: MEDIA_TYPES.docx, zip };
    const type = await fileTypeFromBuffer(bytes);
    throw unsupported(type?.ext ?? 'zip', type?.mime ?? 'application/zip', fileName);
  }
  // UTF-16 text starts with bytes that also look like an MPEG audio frame: decide on the BOM first.
  const bom = textBom(bytes);
  const type = bom === null ? await fileTypeFromBuffer(bytes) : undefined;
  if (type !== undefined && !WEAK_SIGNATURES.has(type.ext)) throw unsupported(type.ext, type.mime, fileName);
  let text: string;
  try {
    text = decodeText(bytes);
  } catch (err) {
    // A weak signature (two bytes) that is not text either: name the type rather than "binary".
    if (type !== undefined) throw unsupported(type.ext, type.mime, fileName);
    throw err;
  }
  if (text.trim() === '') throw emptyFile();
  const format: DocumentFormat = looksLikeMarkdown(text) ? 'markdown' : 'text';
  return { format, mediaType: MEDIA_TYPES[format], text };
}

/** Signatures so short that plain text can carry them by chance (« BM… », an ÿ then a letter…). */
const WEAK_SIGNATURES = new Set(['bmp', 'mp1', 'mp2', 'mp3', 'aac', 'ac3']);

function startsWith(bytes: Uint8Array, sig: number[], at = 0): boolean {
  return sig.every((b, i) => bytes[at + i] === b);
}

/** `%PDF-` within the first 1 024 bytes, as the PDF specification allows. */
function isPdf(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  for (let i = 0; i + 5 <= head.length; i++) {
    if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d], i)) return true;
  }
  return false;
}

function isZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]);
}

type Bom = 'utf-8' | 'utf-16le' | 'utf-16be';

function textBom(bytes: Uint8Array): Bom | null {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return 'utf-8';
  if (startsWith(bytes, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(bytes, [0xfe, 0xff])) return 'utf-16be';
  return null;
}

/** Control characters other than tab, line feed, form feed and carriage return; and U+FFFD. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: detecting control characters is the point.
const GARBAGE = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F\uFFFD]/g;
const MAX_GARBAGE_RATIO = 0.05;

/**
 * Decodes text bytes: UTF-8 (with or without BOM), UTF-16 with BOM, otherwise the encoding chardet finds
 * (windows-1252 / ISO-8859-1 for most French files not saved as UTF-8). Throws 415 `binary_content` for
 * bytes that are not text (NUL bytes, or more than 5 % control or replacement characters).
 */
export function decodeText(bytes: Uint8Array): string {
  const bom = textBom(bytes);
  let text: string;
  if (bom === 'utf-8') text = new TextDecoder('utf-8').decode(bytes.subarray(3));
  else if (bom !== null) text = iconv.decode(Buffer.from(bytes.subarray(2)), bom);
  else {
    if (bytes.includes(0)) throw binary();
    text = decodeWithoutBom(bytes);
  }
  const garbage = text.match(GARBAGE)?.length ?? 0;
  if (text.includes('\u0000') || garbage > text.length * MAX_GARBAGE_RATIO) throw binary();
  return text;
}

function decodeWithoutBom(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: a legacy single-byte encoding. ISO-8859-1 is read as windows-1252, its superset, so the
    // curly quotes and « œ » Word puts in 0x80–0x9F come out right instead of as control characters.
    const guess = chardet.detect(bytes)?.toLowerCase() ?? 'windows-1252';
    const encoding = guess === 'iso-8859-1' || !iconv.encodingExists(guess) ? 'windows-1252' : guess;
    return iconv.decode(Buffer.from(bytes), encoding);
  }
}

/** Markdown syntax that plain prose does not produce by accident. */
const STRONG_MARKDOWN = [/^#{1,6}[ \t]+\S/m, /^[ \t]*(```|~~~)/m, /^\|.*\|[ \t]*\r?\n\|?[ \t]*:?-{3,}/m];
/** Syntax a plain text may also contain: two different kinds are needed. */
const WEAK_MARKDOWN = [
  /^[ \t]*[-*+][ \t]+\S/m,
  /\*\*[^*\n]+\*\*|__[^_\n]+__/,
  /\[[^\]\n]+\]\([^)\s]+\)/,
  /^>[ \t]?\S/m,
  /<!--[\s\S]*?-->/,
  /`[^`\n]+`/,
];

/** True when `text` has Markdown headings, fences or tables, or at least two other Markdown patterns. */
export function looksLikeMarkdown(text: string): boolean {
  if (STRONG_MARKDOWN.some((re) => re.test(text))) return true;
  return WEAK_MARKDOWN.filter((re) => re.test(text)).length >= 2;
}

const TYPE_LABELS: Record<string, string> = {
  png: 'une image PNG',
  jpg: 'une image JPEG',
  gif: 'une image GIF',
  webp: 'une image WebP',
  heic: 'une image HEIC',
  tif: 'une image TIFF',
  bmp: 'une image BMP',
  elf: 'un programme exécutable (ELF)',
  exe: 'un programme exécutable Windows',
  xlsx: 'un classeur Excel (XLSX)',
  pptx: 'une présentation PowerPoint (PPTX)',
  odt: 'un document OpenDocument (ODT)',
  ods: 'un classeur OpenDocument (ODS)',
  odp: 'une présentation OpenDocument (ODP)',
  epub: 'un livre numérique (EPUB)',
  zip: 'une archive ZIP',
  cfb: 'un document Word ancien format (.doc) ou un document Office protégé par mot de passe',
  rtf: 'un document RTF',
  xml: 'un fichier XML',
};

const HINTS: Record<string, string> = {
  cfb: ' Enregistrez-le au format .docx sans mot de passe, ou exportez-le en PDF.',
  odt: ' Exportez-le en PDF ou enregistrez-le au format .docx.',
  rtf: ' Enregistrez-le au format .docx ou exportez-le en PDF.',
};

function unsupported(ext: string, mime: string, fileName?: string): AppError {
  const label = TYPE_LABELS[ext] ?? `un fichier de type ${ext.toUpperCase()} (${mime})`;
  const subject = fileName ? `Le fichier « ${fileName} »` : 'Le fichier';
  return new AppError(
    'unsupported_type',
    415,
    `${subject} est ${label} : ce format n'est pas accepté. ${ACCEPTED}${HINTS[ext] ?? ''}`,
  );
}

function binary(): AppError {
  return new AppError(
    'binary_content',
    415,
    `Le fichier ne contient pas du texte lisible (contenu binaire). ${ACCEPTED}`,
  );
}

function emptyFile(): UnprocessableError {
  return new UnprocessableError('empty_file', 'Le fichier est vide : il ne contient aucun texte.');
}
