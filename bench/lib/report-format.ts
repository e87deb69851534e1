/** The cells and units every section of BENCHMARKS.md writes. */
export type Row = [figure: string, value: string, target?: string, met?: boolean | null];

export const n = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
export const ms = (value: number, digits = 0) => `${n(value, digits)} ms`;
export const pct = (share: number) => `${n(share * 100, 1)} %`;

export function table(rows: Row[]): string {
  const lines = ['| figure | value | target | met? |', '|---|---|---|---|'];
  for (const [figure, value, target, met] of rows) {
    const mark = met === undefined || met === null ? '—' : met ? '✅ yes' : '❌ no';
    lines.push(`| ${figure} | ${value} | ${target ?? '—'} | ${mark} |`);
  }
  return lines.join('\n');
}
