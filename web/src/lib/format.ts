/** Locale-aware formatting; `lang` is the UI language (`fr` or `en`). */

/** A score out of 4, the one number format of reports: « 2,9 », « 3,0 » (one decimal, the UI's locale). */
export function formatScore(score: number, lang: string): string {
  return new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(score);
}

export function formatNumber(value: number, lang: string): string {
  return new Intl.NumberFormat(lang).format(value);
}

export function formatDate(iso: string, lang: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function formatShortDate(iso: string, lang: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short' }).format(date);
}

/** `fr` → « français » in French, "French" in English; the code itself when unknown. */
export function formatLanguage(code: string, lang: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function formatBytes(bytes: number, lang: string): string {
  const units = ['B', 'kB', 'MB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const fmt = new Intl.NumberFormat(lang, { maximumFractionDigits: unit === 0 ? 0 : 1 });
  return `${fmt.format(value)} ${lang === 'fr' ? units[unit].replace('B', 'o') : units[unit]}`;
}

/** `['C9', 'C10', 'C11']` → `C9–C11` when consecutive, else the ids joined. */
export function competencyRange(ids: string[]): string {
  if (ids.length === 0) return '';
  if (ids.length === 1) return ids[0];
  const numbers = ids.map((id) => Number(id.slice(1)));
  const consecutive = numbers.every((n, i) => i === 0 || n === numbers[i - 1] + 1);
  return consecutive ? `${ids[0]}–${ids[ids.length - 1]}` : ids.join(', ');
}
