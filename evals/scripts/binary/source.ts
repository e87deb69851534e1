/**
 * The binary cases' sources: front matter and the Markdown subset (`#`–`###` headings, one paragraph per line,
 * `- ` and `1. ` lists, pipe tables, `**bold**`, `*italic*`, and the `@white:`/`@vanish:`/`@tiny:`/`@pagebreak`
 * directives) as blocks. See `../build-binary-cases.ts` for the format.
 */
import { readFileSync } from 'node:fs';
import type { Block, Span } from '../../lib/source';

/** Every date written into the files, so that a rebuild is byte-identical. */
export const FIXED_DATE = new Date('2024-06-14T09:30:00Z');
export const FIXED_DATE_ISO = '2024-06-14T09:30:00Z';

export interface Source {
  file: string;
  meta: Record<string, string>;
  blocks: Block[];
}

/** `**bold**` and `*italic*` only; anything else is literal text. */
function parseInline(text: string): Span[] {
  const spans: Span[] = [];
  const re = /\*\*(.+?)\*\*|\*(.+?)\*/g;
  let last = 0;
  for (const m of text.matchAll(re)) {
    const at = m.index ?? 0;
    if (at > last) spans.push({ text: text.slice(last, at), bold: false, italic: false });
    if (m[1] !== undefined) spans.push({ text: m[1], bold: true, italic: false });
    else spans.push({ text: m[2] ?? '', bold: false, italic: true });
    last = at + m[0].length;
  }
  if (last < text.length) spans.push({ text: text.slice(last), bold: false, italic: false });
  return spans;
}

function splitRow(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((cell) => cell.trim());
}

export function parseSource(file: string): Source {
  const raw = readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
  const fm = /^---\n([\s\S]*?)\n---\n/.exec(raw);
  if (!fm) throw new Error(`${file}: missing front matter`);
  const meta: Record<string, string> = {};
  for (const line of (fm[1] ?? '').split('\n')) {
    const kv = /^(\w+):\s*(.*)$/.exec(line);
    if (kv?.[1]) meta[kv[1]] = kv[2] ?? '';
  }
  if (!meta.out) throw new Error(`${file}: front matter needs "out"`);

  const lines = raw.slice(fm[0].length).split('\n');
  const blocks: Block[] = [];
  let listNo = 0;
  let inOrdered = false;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trimEnd();
    if (!/^\d+\.\s/.test(line)) inOrdered = false;
    if (line.trim() === '') continue;
    const heading = /^(#{1,3})\s+(.*)$/.exec(line);
    const directive = /^@(white|vanish|tiny):\s*(.*)$/.exec(line);
    if (heading) {
      blocks.push({
        kind: 'heading',
        level: (heading[1]?.length ?? 1) as 1 | 2 | 3,
        spans: parseInline(heading[2] ?? ''),
      });
    } else if (line === '@pagebreak') {
      blocks.push({ kind: 'pagebreak' });
    } else if (directive) {
      blocks.push({
        kind: 'hidden',
        mode: directive[1] as 'white' | 'vanish' | 'tiny',
        text: directive[2] ?? '',
      });
    } else if (line.startsWith('|')) {
      const rows: string[][] = [];
      while (i < lines.length && (lines[i] ?? '').trim().startsWith('|')) {
        const cells = splitRow(lines[i] ?? '');
        if (!cells.every((c) => /^:?-{3,}:?$/.test(c))) rows.push(cells);
        i++;
      }
      i--;
      const [header = [], ...body] = rows;
      blocks.push({
        kind: 'table',
        header: header.map(parseInline),
        rows: body.map((r) => r.map(parseInline)),
      });
    } else if (/^[-*]\s/.test(line)) {
      blocks.push({ kind: 'bullet', spans: parseInline(line.slice(2)) });
    } else if (/^\d+\.\s/.test(line)) {
      if (!inOrdered) listNo++;
      inOrdered = true;
      const m = /^(\d+)\.\s+(.*)$/.exec(line);
      blocks.push({
        kind: 'ordered',
        index: Number(m?.[1] ?? 1),
        list: listNo,
        spans: parseInline(m?.[2] ?? ''),
      });
    } else {
      blocks.push({ kind: 'paragraph', spans: parseInline(line) });
    }
  }
  return { file, meta, blocks };
}
