import { stringify } from 'csv-stringify/sync';
import type { AuditView } from './schemas';

/** A cell a spreadsheet would run as a formula (`= + - @`, tab, CR) is neutralised with a quote. */
function safe(value: string | null): string {
  if (value === null) return '';
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * The audit log as CSV (csv-stringify: RFC 4180, CRLF, UTF-8 BOM so spreadsheets read accents), one row
 * per entry with names beside the ids, so the file stands on its own.
 */
export function auditCsv(entries: AuditView[]): string {
  return stringify(
    entries.map((e) => [
      e.at,
      safe(e.actorName),
      safe(e.actorEmail),
      e.actorId ?? '',
      e.action,
      e.targetType,
      e.targetId ?? '',
      safe(e.targetLabel),
      safe(JSON.stringify(e.detail)),
    ]),
    {
      bom: true,
      record_delimiter: 'windows',
      header: true,
      columns: [
        'date',
        'auteur',
        'auteur_email',
        'auteur_id',
        'action',
        'objet_type',
        'objet_id',
        'objet',
        'detail',
      ],
    },
  );
}
