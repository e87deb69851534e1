/**
 * The roster CSV (nom, e-mail, rôle, promotion) read into rows, or row-level French errors. Parsing is
 * csv-parse's (RFC 4180, quoted fields, `,` `;` or tab as delimiter, UTF-8 BOM); this module only maps
 * columns and checks each row. Nothing here touches the database: the caller checks addresses already
 * taken and promotions by name, then writes every row in one transaction or none.
 */
import { CsvError, parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import type { Role } from '../../../../db/schema';
import { PersonNameSchema } from './schemas';

export interface RosterRow {
  line: number;
  name: string;
  email: string;
  role: Role;
  /** The promotion's name as written (empty for roles without one). */
  cohort: string;
}

export interface RosterLineError {
  line: number;
  message: string;
}

/** Most rows accepted in one import (a school's intake, not a whole register). */
export const MAX_ROSTER_ROWS = 2000;

const COLUMNS = {
  name: ['nom', 'name', 'nom complet', 'prenom nom'],
  email: ['email', 'e-mail', 'courriel', 'adresse e-mail', 'mail'],
  role: ['role'],
  cohort: ['promotion', 'cohort', 'cohorte'],
} as const;

const ROLES: Record<string, Role> = {
  candidat: 'candidate',
  candidate: 'candidate',
  formateur: 'trainer',
  formatrice: 'trainer',
  trainer: 'trainer',
  'equipe examen': 'examteam',
  'equipe-examen': 'examteam',
  examteam: 'examteam',
  admin: 'admin',
  administrateur: 'admin',
  administratrice: 'admin',
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Lower case, no accents, single spaces: how headers, roles and promotion names are compared. */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('fr').replace(/\s+/g, ' ').trim();
}

/** UTF-8 (BOM optional), else Windows-1252 (Excel's « CSV » in France). */
function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(Buffer.from(bytes), 'win1252');
  }
}

/**
 * The line a record starts on: csv-parse counts the line it ends on, and a quoted field may hold line
 * breaks (the raw record's breaks, its own terminator and the blank lines before it aside).
 */
function startLine(endLine: number, rawWithSkipped: string): number {
  // Blank lines skipped before the record are part of its raw text.
  const raw = rawWithSkipped.replace(/^(?:[ \t]*(?:\r\n|\r|\n))+/, '');
  const breaks = raw.match(/\r\n|\r|\n/g)?.length ?? 0;
  return endLine - breaks + (/(\r\n|\r|\n)$/.test(raw) ? 1 : 0);
}

/** Tab, line feed and carriage return are the only control characters a CSV holds. */
function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) return true;
  }
  return false;
}

/** Reads the file into rows; `errors` lists every problem found, by line of the file. */
export function parseRoster(bytes: Uint8Array): { rows: RosterRow[]; errors: RosterLineError[] } {
  const text = decode(bytes);
  if (hasControlCharacters(text)) {
    return { rows: [], errors: [{ line: 1, message: "ce fichier n'est pas un CSV (contenu binaire)." }] };
  }
  let records: { record: string[]; info: { lines: number }; raw: string }[];
  try {
    records = parse(text, {
      bom: true,
      delimiter: [',', ';', '\t'],
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as typeof records;
  } catch (err) {
    if (err instanceof CsvError) {
      const line = (err as CsvError & { lines?: number }).lines ?? 1;
      return {
        rows: [],
        errors: [{ line, message: 'guillemet ouvert et jamais refermé, ou ligne illisible.' }],
      };
    }
    throw err;
  }
  if (records.length === 0) return { rows: [], errors: [{ line: 1, message: 'le fichier est vide.' }] };
  const [header, ...body] = records;
  const index: Partial<Record<keyof typeof COLUMNS, number>> = {};
  header.record.forEach((cell, i) => {
    const name = fold(cell);
    for (const [key, names] of Object.entries(COLUMNS) as [keyof typeof COLUMNS, readonly string[]][]) {
      if (names.includes(name) && index[key] === undefined) index[key] = i;
    }
  });
  const missing = (['name', 'email', 'role', 'cohort'] as const).filter((k) => index[k] === undefined);
  if (missing.length > 0) {
    const labels = { name: 'nom', email: 'email', role: 'role', cohort: 'promotion' };
    return {
      rows: [],
      errors: [
        {
          line: header.info.lines,
          message: `colonne(s) manquante(s) : ${missing.map((k) => labels[k]).join(', ')}. En-tête attendu : nom,email,role,promotion.`,
        },
      ],
    };
  }
  if (body.length === 0) return { rows: [], errors: [{ line: 2, message: 'aucune ligne après l’en-tête.' }] };
  if (body.length > MAX_ROSTER_ROWS) {
    return {
      rows: [],
      errors: [
        { line: 1, message: `trop de lignes : ${body.length}, au plus ${MAX_ROSTER_ROWS} par import.` },
      ],
    };
  }
  const rows: RosterRow[] = [];
  const errors: RosterLineError[] = [];
  const seen = new Map<string, number>();
  for (const { record, info, raw } of body) {
    const line = startLine(info.lines, raw);
    const cell = (k: keyof typeof COLUMNS) => record[index[k] as number] ?? '';
    const problems: string[] = [];
    const name = PersonNameSchema.safeParse(cell('name'));
    if (!name.success)
      problems.push(cell('name') ? 'nom invalide (caractères interdits ou trop long)' : 'nom manquant');
    const email = cell('email').toLowerCase();
    if (!email) problems.push('adresse e-mail manquante');
    else if (!EMAIL.test(email) || email.length > 320)
      problems.push(`adresse e-mail invalide : « ${email} »`);
    else if (seen.has(email)) problems.push(`adresse déjà présente ligne ${seen.get(email)}`);
    const role = ROLES[fold(cell('role'))];
    if (!role) {
      problems.push(
        cell('role')
          ? `rôle inconnu : « ${cell('role')} » (candidat, formateur, équipe examen ou admin)`
          : 'rôle manquant',
      );
    }
    const cohort = cell('cohort');
    if (role === 'candidate' && !cohort) problems.push('promotion manquante pour un candidat');
    if (email && !seen.has(email)) seen.set(email, line);
    if (problems.length > 0) errors.push({ line, message: `${problems.join(' ; ')}.` });
    else if (name.success && role) rows.push({ line, name: name.data, email, role, cohort });
  }
  return { rows, errors };
}
