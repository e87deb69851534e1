/**
 * Word list numbering (`numbering.xml`): the label a reader sees before a list paragraph. A numbered item
 * reads « 1. », « 2. », « a) » as Word prints it (and as its PDF export, Markdown and every other format
 * give it), a bulleted one « - ». Counters run per list (`w:numId`) in document order; a level's counter
 * restarts when a shallower level moves on.
 */
import { NAMESPACES, type NumPr } from './docx-styles';
import { child, elements, parseXml, type XmlElement } from './xml';

interface Level {
  format: string;
  start: number;
  /** `w:lvlText`, e.g. « %1. » or « %1.%2 ». */
  text: string;
}

/** Numbering definitions and the running counters of one document. */
export interface Numbering {
  /** The label of the next list paragraph (« 1. », « - »), counters advanced; « - » without `w:numPr`. */
  label(numPr: NumPr | undefined): string;
}

function roman(n: number): string {
  const table: [number, string][] = [
    [1000, 'm'],
    [900, 'cm'],
    [500, 'd'],
    [400, 'cd'],
    [100, 'c'],
    [90, 'xc'],
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let out = '';
  let rest = n;
  for (const [value, digits] of table) {
    while (rest >= value) {
      out += digits;
      rest -= value;
    }
  }
  return out;
}

function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'lowerLetter':
      return String.fromCharCode(96 + (((n - 1) % 26) + 1));
    case 'upperLetter':
      return String.fromCharCode(64 + (((n - 1) % 26) + 1));
    case 'lowerRoman':
      return roman(n);
    case 'upperRoman':
      return roman(n).toUpperCase();
    default:
      return String(n);
  }
}

const BULLET = '- ';

function levelsOf(abstract: XmlElement): Map<number, Level> {
  const levels = new Map<number, Level>();
  for (const lvl of elements(abstract, 'w:lvl')) {
    levels.set(Number(lvl.attrs['w:ilvl'] ?? 0), {
      format: child(lvl, 'w:numFmt')?.attrs['w:val'] ?? 'decimal',
      start: Number(child(lvl, 'w:start')?.attrs['w:val'] ?? 1),
      text: child(lvl, 'w:lvlText')?.attrs['w:val'] ?? '',
    });
  }
  return levels;
}

/** Parses `numbering.xml` (null: no numbering part, every list item reads « - »). */
export function readNumbering(xml: string | null): Numbering {
  const lists = new Map<string, Map<number, Level>>();
  if (xml !== null) {
    const root = parseXml(xml, NAMESPACES);
    const abstracts = new Map(
      elements(root, 'w:abstractNum').map((a) => [a.attrs['w:abstractNumId'] ?? '', levelsOf(a)]),
    );
    for (const num of elements(root, 'w:num')) {
      const abstractId = child(num, 'w:abstractNumId')?.attrs['w:val'] ?? '';
      const levels = new Map(abstracts.get(abstractId) ?? []);
      for (const override of elements(num, 'w:lvlOverride')) {
        const ilvl = Number(override.attrs['w:ilvl'] ?? 0);
        const start = child(override, 'w:startOverride')?.attrs['w:val'];
        const level = levels.get(ilvl);
        if (level && start !== undefined) levels.set(ilvl, { ...level, start: Number(start) });
      }
      lists.set(num.attrs['w:numId'] ?? '', levels);
    }
  }
  const counters = new Map<string, number[]>();
  return {
    label(numPr) {
      if (!numPr) return BULLET;
      const { numId, ilvl } = numPr;
      const levels = lists.get(numId);
      const level = levels?.get(ilvl);
      if (!levels || !level || level.format === 'bullet' || level.format === 'none' || level.text === '')
        return BULLET;
      const counts = counters.get(numId) ?? [];
      counts[ilvl] = counts[ilvl] === undefined ? level.start : counts[ilvl] + 1;
      counts.length = ilvl + 1;
      counters.set(numId, counts);
      const label = level.text.replace(/%(\d)/g, (_m, d: string) => {
        const i = Number(d) - 1;
        const l = levels.get(i);
        return formatNumber(counts[i] ?? l?.start ?? 1, l?.format ?? 'decimal');
      });
      return /[\p{L}\p{N}]/u.test(label) ? `${label.trim()} ` : BULLET;
    },
  };
}
