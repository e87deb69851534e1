/**
 * The structure of a case's source — headings, paragraphs, list items, tables — as one block model shared by
 * the renderers (`scripts/binary/`, `scripts/build-renderings.ts`) and the reading-fidelity
 * measure (`fidelity.ts`). The Markdown or DOCX source is the truth a rendering is measured against.
 *
 * Markdown is read with `marked`'s lexer (CommonMark + GFM tables), so a paragraph written over several
 * source lines is one paragraph, as in any Markdown reader and in the engine's own Markdown path.
 */
import { marked, type Token, type Tokens } from 'marked';

export interface Span {
  text: string;
  bold: boolean;
  italic: boolean;
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; spans: Span[] }
  /** `notes`: footnotes called at the end of the paragraph (fixture documents only; Markdown has none). */
  | { kind: 'paragraph'; spans: Span[]; notes?: string[] }
  | { kind: 'bullet'; spans: Span[] }
  | { kind: 'ordered'; index: number; list: number; spans: Span[] }
  | { kind: 'table'; header: Span[][]; rows: Span[][][] }
  | { kind: 'hidden'; mode: 'white' | 'vanish' | 'tiny'; text: string }
  | { kind: 'pagebreak' }
  /** A new section on a new page, with its own orientation and columns (fixture documents only). */
  | { kind: 'section'; landscape: boolean; columns: number };

export const plain = (spans: Span[]): string => spans.map((s) => s.text).join('');

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};
const decodeEntities = (text: string) => text.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e);

function inlineSpans(tokens: Token[] | undefined, bold = false, italic = false): Span[] {
  const spans: Span[] = [];
  for (const token of tokens ?? []) {
    switch (token.type) {
      case 'strong':
        spans.push(...inlineSpans((token as Tokens.Strong).tokens, true, italic));
        break;
      case 'em':
        spans.push(...inlineSpans((token as Tokens.Em).tokens, bold, true));
        break;
      case 'br':
        spans.push({ text: ' ', bold, italic });
        break;
      case 'text': {
        const t = token as Tokens.Text;
        if (t.tokens && t.tokens.length > 0) spans.push(...inlineSpans(t.tokens, bold, italic));
        else spans.push({ text: decodeEntities(t.text).replace(/\s*\n\s*/g, ' '), bold, italic });
        break;
      }
      case 'link':
        spans.push(...inlineSpans((token as Tokens.Link).tokens, bold, italic));
        break;
      case 'codespan':
      case 'escape':
        spans.push({ text: decodeEntities((token as Tokens.Codespan).text), bold, italic });
        break;
      default:
        if ('text' in token && typeof token.text === 'string') {
          spans.push({ text: decodeEntities(token.text).replace(/\s*\n\s*/g, ' '), bold, italic });
        }
    }
  }
  // Soft line breaks inside a paragraph are spaces; trim the ends of the whole block only.
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && last.bold === s.bold && last.italic === s.italic) last.text += s.text;
    else merged.push({ ...s });
  }
  if (merged[0]) merged[0].text = merged[0].text.trimStart();
  const tail = merged[merged.length - 1];
  if (tail) tail.text = tail.text.trimEnd();
  return merged.filter((s) => s.text !== '');
}

/** A Markdown document as blocks. Block quotes become their paragraphs; code and rules are dropped. */
export function blocksFromMarkdown(markdown: string): Block[] {
  const blocks: Block[] = [];
  let listNo = 0;
  const walk = (tokens: Token[]) => {
    for (const token of tokens) {
      switch (token.type) {
        case 'heading': {
          const h = token as Tokens.Heading;
          const level = Math.min(3, Math.max(1, h.depth)) as 1 | 2 | 3;
          blocks.push({ kind: 'heading', level, spans: inlineSpans(h.tokens) });
          break;
        }
        case 'paragraph':
          blocks.push({ kind: 'paragraph', spans: inlineSpans((token as Tokens.Paragraph).tokens) });
          break;
        case 'blockquote':
          walk((token as Tokens.Blockquote).tokens);
          break;
        case 'list': {
          const list = token as Tokens.List;
          if (list.ordered) listNo++;
          const start = typeof list.start === 'number' ? list.start : 1;
          for (const [i, item] of list.items.entries()) {
            // An item's text is its first paragraph-like token; nested lists follow as their own items.
            const [first, ...rest] = item.tokens;
            const spans = first && 'tokens' in first ? inlineSpans(first.tokens as Token[]) : [];
            if (list.ordered) blocks.push({ kind: 'ordered', index: start + i, list: listNo, spans });
            else blocks.push({ kind: 'bullet', spans });
            walk(rest);
          }
          break;
        }
        case 'table': {
          const t = token as Tokens.Table;
          blocks.push({
            kind: 'table',
            header: t.header.map((cell) => inlineSpans(cell.tokens)),
            rows: t.rows.map((row) => row.map((cell) => inlineSpans(cell.tokens))),
          });
          break;
        }
        case 'text': {
          const t = token as Tokens.Text;
          blocks.push({ kind: 'paragraph', spans: inlineSpans(t.tokens ?? [token]) });
          break;
        }
        default:
          break;
      }
    }
  };
  walk(marked.lexer(markdown.replace(/\r\n?/g, '\n'), { gfm: true }));
  return blocks.filter((b) => !('spans' in b) || plain(b.spans).trim() !== '');
}

const spansMarkdown = (spans: Span[]) =>
  spans
    .map((s) => {
      if (s.bold && s.italic) return `***${s.text}***`;
      if (s.bold) return `**${s.text}**`;
      if (s.italic) return `*${s.text}*`;
      return s.text;
    })
    .join('');

/** Blocks written back as Markdown (hidden text and page breaks have no Markdown form and are left out). */
export function markdownFromBlocks(blocks: Block[]): string {
  const out: string[] = [];
  // Footnotes have no Markdown form: they are written as paragraphs where their section ends.
  let notes: string[] = [];
  const flushNotes = () => {
    for (const note of notes) out.push(note, '');
    notes = [];
  };
  for (const [i, block] of blocks.entries()) {
    const next = blocks[i + 1];
    switch (block.kind) {
      case 'section':
        flushNotes();
        break;
      case 'heading':
        out.push(`${'#'.repeat(block.level)} ${spansMarkdown(block.spans)}`, '');
        break;
      case 'paragraph':
        out.push(spansMarkdown(block.spans), '');
        notes.push(...(block.notes ?? []));
        break;
      case 'bullet':
        out.push(`- ${spansMarkdown(block.spans)}`);
        if (next?.kind !== 'bullet') out.push('');
        break;
      case 'ordered':
        out.push(`${block.index}. ${spansMarkdown(block.spans)}`);
        if (next?.kind !== 'ordered' || next.list !== block.list) out.push('');
        break;
      case 'table': {
        const row = (cells: Span[][]) =>
          `| ${cells.map((c) => spansMarkdown(c).replace(/\|/g, '\\|')).join(' | ')} |`;
        out.push(
          row(block.header),
          `|${block.header.map(() => '---').join('|')}|`,
          ...block.rows.map(row),
          '',
        );
        break;
      }
      default:
        break;
    }
  }
  flushNotes();
  return `${out.join('\n').trimEnd()}\n`;
}

/** A visible text unit of the source that any rendering must give back: a heading, paragraph or list item, or a table row. */
export interface SourcePart {
  kind: 'paragraph' | 'row';
  /** Plain text; for a row, its cells joined with spaces. */
  text: string;
  /** A row's cells, in order (empty for a paragraph). */
  cells: string[];
  /** For a row: true for its table's header row. */
  header: boolean;
}

/** The source's parts in document order (hidden text and page breaks are not parts). */
export function sourceParts(blocks: Block[]): SourcePart[] {
  const parts: SourcePart[] = [];
  const row = (cells: Span[][], header: boolean): SourcePart => {
    const texts = cells.map((c) => plain(c).trim());
    return { kind: 'row', text: texts.filter((t) => t !== '').join(' '), cells: texts, header };
  };
  for (const block of blocks) {
    if (block.kind === 'table') {
      parts.push(row(block.header, true), ...block.rows.map((r) => row(r, false)));
    } else if (
      block.kind === 'heading' ||
      block.kind === 'paragraph' ||
      block.kind === 'bullet' ||
      block.kind === 'ordered'
    ) {
      parts.push({ kind: 'paragraph', text: plain(block.spans).trim(), cells: [], header: false });
    }
  }
  return parts.filter((p) => p.text !== '');
}
