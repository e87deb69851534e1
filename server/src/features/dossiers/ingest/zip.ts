import { inflateRawSync } from 'node:zlib';
import { UnprocessableError } from '../../../lib/errors';

/**
 * A small, defensive ZIP reader for DOCX files. It reads the central directory first so a zip bomb is
 * refused before a single byte is inflated, and it inflates each entry with a hard output cap equal to
 * the size the directory declared, so an entry that lies about its size cannot blow up memory either.
 *
 * Why not fflate's `unzipSync` with a `filter` (fflate is already a dependency): the filter does see the
 * declared sizes before inflating, so limits could be checked there, but tried on fflate 0.8 (`zip.test.ts`
 * pins what this reader does instead): an entry that inflates past its declared size comes back silently
 * cut to that size (a lying archive is parsed as a truncated document, not refused as `zip_bomb`); the
 * filter is not given the entry's flags, so an encrypted entry is inflated as if it were plain (no « protégé
 * par mot de passe » refusal); and its errors are untyped strings, where ours name the French reason.
 */

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export interface ZipLimits {
  maxEntries: number;
  maxTotalUncompressed: number;
  maxRatio: number;
  /** Entries smaller than this are not ratio-checked: deflate cannot expand them dangerously. */
  ratioCheckMinSize: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 2000,
  maxTotalUncompressed: 200 * 1024 * 1024,
  maxRatio: 200,
  ratioCheckMinSize: 1024 * 1024,
};

const EOCD_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const CDFH_SIG = 0x02014b50;
const LFH_SIG = 0x04034b50;
const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;

function corrupt(detail: string): UnprocessableError {
  return new UnprocessableError(
    'corrupt_file',
    `Le fichier est endommagé ou incomplet (${detail}). Réenregistrez-le depuis Word, ou exportez-le en PDF, puis déposez-le à nouveau.`,
  );
}

function bomb(detail: string): UnprocessableError {
  return new UnprocessableError(
    'zip_bomb',
    `Le fichier a été refusé : son contenu décompressé serait démesuré (${detail}). Un document Word normal ne présente pas cette structure.`,
  );
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function u64(dv: DataView, at: number): number {
  return Number(dv.getBigUint64(at, true));
}

function findEndOfCentralDirectory(dv: DataView): number {
  // The EOCD record is 22 bytes plus a comment of at most 65 535 bytes, at the very end of the file.
  const last = dv.byteLength - 22;
  const first = Math.max(0, last - U16_MAX);
  for (let at = last; at >= first; at--) {
    if (dv.getUint32(at, true) === EOCD_SIG) return at;
  }
  throw corrupt('répertoire ZIP introuvable');
}

interface Directory {
  entries: number;
  size: number;
  offset: number;
}

function readDirectoryLocation(dv: DataView, eocd: number): Directory {
  let entries = dv.getUint16(eocd + 10, true);
  let size = dv.getUint32(eocd + 12, true);
  let offset = dv.getUint32(eocd + 16, true);
  if (entries === U16_MAX || size === U32_MAX || offset === U32_MAX) {
    const locator = eocd - 20;
    if (locator < 0 || dv.getUint32(locator, true) !== ZIP64_LOCATOR_SIG) throw corrupt('ZIP64 incomplet');
    const at = u64(dv, locator + 8);
    if (at + 56 > dv.byteLength || dv.getUint32(at, true) !== ZIP64_EOCD_SIG)
      throw corrupt('ZIP64 incomplet');
    entries = u64(dv, at + 32);
    size = u64(dv, at + 40);
    offset = u64(dv, at + 48);
  }
  if (offset + size > dv.byteLength) throw corrupt('répertoire ZIP tronqué');
  return { entries, size, offset };
}

/** ZIP64 sizes live in extra field 0x0001, in this order, only for the fields set to 0xFFFFFFFF. */
function applyZip64Extra(dv: DataView, start: number, length: number, entry: ZipEntry): void {
  let at = start;
  const end = start + length;
  while (at + 4 <= end) {
    const id = dv.getUint16(at, true);
    const size = dv.getUint16(at + 2, true);
    if (id === 0x0001) {
      let field = at + 4;
      if (entry.uncompressedSize === U32_MAX && field + 8 <= end) {
        entry.uncompressedSize = u64(dv, field);
        field += 8;
      }
      if (entry.compressedSize === U32_MAX && field + 8 <= end) {
        entry.compressedSize = u64(dv, field);
        field += 8;
      }
      if (entry.localHeaderOffset === U32_MAX && field + 8 <= end) entry.localHeaderOffset = u64(dv, field);
      return;
    }
    at += 4 + size;
  }
}

/**
 * Lists the entries of a ZIP archive from its central directory, without inflating anything.
 * Refuses (422 `zip_bomb`) an archive declaring more entries than `limits.maxEntries` before reading them.
 */
export function readZipDirectory(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntry[] {
  if (bytes.byteLength < 22) throw corrupt('archive trop courte');
  const dv = view(bytes);
  const dir = readDirectoryLocation(dv, findEndOfCentralDirectory(dv));
  if (dir.entries > limits.maxEntries) throw bomb(`${dir.entries} fichiers dans l'archive`);
  const decoder = new TextDecoder('utf-8');
  const entries: ZipEntry[] = [];
  let at = dir.offset;
  const end = dir.offset + dir.size;
  while (at + 46 <= end && dv.getUint32(at, true) === CDFH_SIG) {
    if (entries.length >= limits.maxEntries)
      throw bomb(`plus de ${limits.maxEntries} fichiers dans l'archive`);
    const nameLength = dv.getUint16(at + 28, true);
    const extraLength = dv.getUint16(at + 30, true);
    const commentLength = dv.getUint16(at + 32, true);
    if (at + 46 + nameLength + extraLength > end) throw corrupt('répertoire ZIP tronqué');
    const entry: ZipEntry = {
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      flags: dv.getUint16(at + 8, true),
      method: dv.getUint16(at + 10, true),
      compressedSize: dv.getUint32(at + 20, true),
      uncompressedSize: dv.getUint32(at + 24, true),
      localHeaderOffset: dv.getUint32(at + 42, true),
    };
    applyZip64Extra(dv, at + 46 + nameLength, extraLength, entry);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  if (entries.length !== dir.entries) throw corrupt('répertoire ZIP incohérent');
  return entries;
}

/**
 * Refuses (422 `zip_bomb`) an archive whose declared content is too large, too many files, or an entry
 * compressed so well it can only be padding meant to exhaust memory.
 */
export function assertSafeZip(entries: ZipEntry[], limits: ZipLimits = DEFAULT_ZIP_LIMITS): void {
  if (entries.length > limits.maxEntries) throw bomb(`${entries.length} fichiers dans l'archive`);
  let total = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    if (total > limits.maxTotalUncompressed) {
      throw bomb(`plus de ${Math.round(limits.maxTotalUncompressed / 1048576)} Mo une fois décompressé`);
    }
    if (e.uncompressedSize >= limits.ratioCheckMinSize) {
      const ratio = e.uncompressedSize / Math.max(e.compressedSize, 1);
      if (ratio > limits.maxRatio) throw bomb(`taux de compression de ${Math.round(ratio)} pour 1`);
    }
  }
}

/** Inflates one entry, never producing more bytes than the directory declared for it. */
export function extractZipEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  if (entry.flags & 0x1) throw corrupt('archive protégée par mot de passe');
  const dv = view(bytes);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.byteLength || dv.getUint32(at, true) !== LFH_SIG) throw corrupt(`entrée ${entry.name}`);
  const start = at + 30 + dv.getUint16(at + 26, true) + dv.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.byteLength) throw corrupt(`entrée ${entry.name} tronquée`);
  const data = bytes.subarray(start, end);
  if (entry.method === 0) {
    if (data.byteLength !== entry.uncompressedSize) throw corrupt(`entrée ${entry.name}`);
    return data;
  }
  if (entry.method !== 8) throw corrupt(`méthode de compression ${entry.method} non prise en charge`);
  if (entry.uncompressedSize === 0) return new Uint8Array(0);
  let out: Buffer;
  try {
    out = inflateRawSync(data, { maxOutputLength: entry.uncompressedSize });
  } catch (err) {
    if (err instanceof RangeError) throw bomb(`l'entrée ${entry.name} dépasse la taille annoncée`);
    throw corrupt(`entrée ${entry.name} illisible`);
  }
  if (out.byteLength !== entry.uncompressedSize) throw corrupt(`entrée ${entry.name} incomplète`);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/** A read-only view of a checked archive: entries by name, text decoded as UTF-8. */
export interface ZipArchive {
  has(name: string): boolean;
  names(): string[];
  /** The entry's text, or null when the archive has no such entry. */
  text(name: string): string | null;
}

/** Reads the directory, checks it against `limits`, and gives lazy access to entries. */
export function openZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipArchive {
  const entries = readZipDirectory(bytes, limits);
  assertSafeZip(entries, limits);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const decoder = new TextDecoder('utf-8');
  return {
    has: (name) => byName.has(name),
    names: () => [...byName.keys()],
    text(name) {
      const entry = byName.get(name);
      return entry === undefined ? null : decoder.decode(extractZipEntry(bytes, entry));
    },
  };
}
