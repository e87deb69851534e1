import { metadataHidden } from './hidden';
import { estimatePages, type LayoutBlock } from './paginate';
import type { HeadingHint, HiddenItem, RawDocument } from './types';
import { countWords } from './words';

/** A page of Markdown reduced to readable text, with what was hidden and where the headings are. */
interface StrippedPage {
  lines: string[];
  /** Heading lines: index into `lines`. */
  headings: { line: number; level: number }[];
  /** Hidden content found before line `line` of the output. */
  hidden: { line: number; kind: string; text: string }[];
}

const FENCE = /^\s{0,3}(```|~~~)/;
const ATX = /^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
const SETEXT_1 = /^\s{0,3}=+\s*$/;
const SETEXT_2 = /^\s{0,3}-+\s*$/;
const RULE = /^\s{0,3}([-*_])(?:\s*\1){2,}\s*$/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const LINK_DEFINITION = /^\s{0,3}\[([^\]]+)\]:\s*(\S+)(?:\s+(?:"([^"]*)"|'([^']*)'|\(([^)]*)\)))?\s*$/;
/** HTML that renders nothing: `display:none`, `visibility:hidden`, zero font size, white text. */
const HIDDEN_HTML =
  /<(\w+)\b[^>]*\bstyle\s*=\s*["'][^"']*(?:display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0|color\s*:\s*(?:#fff\b|#ffffff\b|white\b))[^"']*["'][^>]*>([\s\S]*?)<\/\1\s*>/gi;

/** Inline Markdown and HTML reduced to their text: links keep their label, images their alt text. */
export function stripInline(line: string): string {
  return line
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<\/?[a-zA-Z][^>]*>/g, '')
    .replace(/(\*\*|__)(?=\S)([^\n]*?\S)\1/g, '$2')
    .replace(/(^|[^\p{L}\p{N}*])\*(?=\S)([^*\n]*?\S)\*(?![\p{L}\p{N}])/gu, '$1$2')
    .replace(/(^|[^\p{L}\p{N}_])_(?=\S)([^_\n]*?\S)_(?![\p{L}\p{N}])/gu, '$1$2')
    .replace(/~~(?=\S)([^\n]*?\S)~~/g, '$1')
    .replace(/`([^`\n]+)`/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1');
}

function tableRow(line: string): string {
  const cells = line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '')
    .split(/(?<!\\)\|/)
    .map((c) => stripInline(c.trim()));
  return cells.join(' | ');
}

/** Removes HTML comments and invisible HTML from a line, reporting them; may span lines. */
function takeHidden(
  line: string,
  state: { comment: string | null },
  found: (kind: string, text: string) => void,
): string {
  let rest = line;
  let out = '';
  while (rest !== '') {
    if (state.comment !== null) {
      const end = rest.indexOf('-->');
      if (end < 0) {
        state.comment += `${rest}\n`;
        return out;
      }
      found('comment', state.comment + rest.slice(0, end));
      state.comment = null;
      rest = rest.slice(end + 3);
      continue;
    }
    const start = rest.indexOf('<!--');
    if (start < 0) {
      out += rest;
      break;
    }
    out += rest.slice(0, start);
    state.comment = '';
    rest = rest.slice(start + 4);
  }
  return out.replace(HIDDEN_HTML, (_whole, _tag, inner: string) => {
    found('hidden_html', inner);
    return '';
  });
}

const BLOCKQUOTE = /^\s{0,3}>/;
/** Two trailing spaces or a backslash: a hard line break, kept as a line of its own. */
const HARD_BREAK = /(?: {2,}|\\)$/;
/** A line opening a list item, which starts a line of its own after another item's line. */
const LIST_START = /^\s*(?:[*+-]|\d{1,9}[.)])\s+/;
/** After a paragraph's line only these open a list (CommonMark): « 2024. Puis… » runs on. */
const LIST_INTERRUPTS = /^\s*(?:[*+-]|1[.)])\s+/;

/** The last line pushed, when it is a paragraph's or list item's text that the next line may continue. */
interface OpenParagraph {
  line: number;
  quoted: boolean;
  hardBreak: boolean;
  listItem: boolean;
}

/**
 * Whether a text line continues the open paragraph, as CommonMark reads it: a soft line break is a space
 * in the same paragraph (the DOCX and PDF renderings of the same source print one paragraph). A hard
 * break, a new list item, a blank line or a block quote opening after unquoted text start a new line.
 */
function continuesParagraph(open: OpenParagraph, unquoted: string, quoted: boolean): boolean {
  if (open.hardBreak || unquoted.trim() === '') return false;
  if ((open.listItem ? LIST_START : LIST_INTERRUPTS).test(unquoted)) return false;
  return !(quoted && !open.quoted);
}

/** Markdown → readable text: syntax removed, tables as ` | ` rows, comments and invisible HTML apart. */
function stripMarkdown(source: string): StrippedPage {
  const page: StrippedPage = { lines: [], headings: [], hidden: [] };
  const state = { comment: null as string | null };
  let fence: string | null = null;
  const found = (kind: string, text: string) => {
    if (text.trim() !== '') page.hidden.push({ line: page.lines.length, kind, text: text.trim() });
  };
  // The paragraph (or list item) the next line may continue: CommonMark's soft line break.
  let paragraph: OpenParagraph | null = null;
  for (const rawLine of source.split('\n')) {
    if (fence !== null) {
      if (rawLine.trim().startsWith(fence)) fence = null;
      else page.lines.push(rawLine);
      continue;
    }
    const fenceMatch = FENCE.exec(rawLine);
    if (fenceMatch && state.comment === null) {
      fence = fenceMatch[1];
      paragraph = null;
      continue;
    }
    const line = takeHidden(rawLine, state, found);
    if (state.comment !== null && line.trim() === '') continue;
    const previous = page.lines[page.lines.length - 1];
    const previousIsText =
      previous !== undefined &&
      previous.trim() !== '' &&
      !page.headings.some((h) => h.line === page.lines.length - 1);
    const atx = ATX.exec(line);
    const definition = LINK_DEFINITION.exec(line);
    if (atx) {
      page.headings.push({ line: page.lines.length, level: atx[1].length });
      page.lines.push(stripInline(atx[2]));
    } else if (SETEXT_1.test(line) && previousIsText) {
      page.headings.push({ line: page.lines.length - 1, level: 1 });
    } else if (SETEXT_2.test(line) && previousIsText && !previous.startsWith('- ')) {
      page.headings.push({ line: page.lines.length - 1, level: 2 });
    } else if (RULE.test(line) || TABLE_SEPARATOR.test(line)) {
      // Rules and table separator rows carry no text.
    } else if (definition) {
      // `[//]: # (note)` is the usual way to write a comment in Markdown; other definitions are invisible.
      const [, label, target] = definition;
      const note = definition[3] ?? definition[4] ?? definition[5];
      if (note && (label === '//' || label === '_' || label.toLowerCase() === 'comment' || target === '#'))
        found('comment', note);
    } else if (/^\s*\|.*\|\s*$/.test(line)) {
      page.lines.push(tableRow(line));
    } else {
      const quoted = BLOCKQUOTE.test(line);
      const unquoted = line.replace(/^\s{0,3}(?:>\s?)+/, '');
      const listed = unquoted.replace(/^(\s*)[*+-]\s+(?:\[[ xX]\]\s+)?/, '$1- ');
      const text = stripInline(listed.replace(HARD_BREAK, ''));
      if (paragraph !== null && continuesParagraph(paragraph, unquoted, quoted)) {
        page.lines[paragraph.line] += ` ${text.trim()}`;
      } else page.lines.push(text);
      if (text.trim() === '') paragraph = null;
      else if (paragraph === null || paragraph.line !== page.lines.length - 1) {
        paragraph = {
          line: page.lines.length - 1,
          quoted,
          hardBreak: false,
          listItem: LIST_START.test(unquoted),
        };
      }
      if (paragraph !== null) paragraph.hardBreak = HARD_BREAK.test(listed);
      continue;
    }
    paragraph = null;
  }
  if (state.comment !== null) found('comment', state.comment);
  return page;
}

function plainPage(source: string): StrippedPage {
  return { lines: source.split('\n'), headings: [], hidden: [] };
}

/** YAML front matter (`---` … `---` at the very top): key/value pairs, not part of the text. */
function frontMatter(source: string): { body: string; fields: Record<string, string> } {
  const m = /^---\n([\s\S]*?)\n(?:---|\.\.\.)\n/.exec(source);
  if (m === null) return { body: source, fields: {} };
  const fields: Record<string, string> = {};
  for (const line of m[1].split('\n')) {
    const kv = /^([\w-]+)\s*:\s*(.*)$/.exec(line);
    if (kv) fields[kv[1]] = kv[2].replace(/^["']|["']$/g, '');
  }
  return { body: source.slice(m[0].length), fields };
}

interface Block extends LayoutBlock {
  /** First line of the block in the stripped page. */
  firstLine: number;
  lastLine: number;
  /** What separates it from the previous block on the same page: a paragraph break, or a line break. */
  glue: '\n' | '\n\n';
}

/** Above this, a paragraph is split into its lines for page estimation (text without blank lines). */
const LONG_BLOCK_WORDS = 200;

function joinBlocks(blocks: Block[]): string {
  return blocks.map((b, i) => (i === 0 ? b.text : b.glue + b.text)).join('');
}

/** Paragraph blocks of a stripped page (blank-line separated), with their kind for page estimation. */
function blocksOf(page: StrippedPage): Block[] {
  const blocks: Block[] = [];
  let current: number[] = [];
  const flush = () => {
    if (current.length === 0) return;
    const lines = current.map((i) => page.lines[i]);
    const first = current[0];
    let kind: LayoutBlock['kind'] = 'paragraph';
    if (page.headings.some((h) => h.line >= first && h.line <= current[current.length - 1])) kind = 'heading';
    else if (lines.every((l) => l.includes(' | '))) kind = 'table';
    else if (lines.every((l) => /^\s*(?:- |\d+[.)] )/.test(l))) kind = 'list';
    const text = lines.join('\n');
    if (kind === 'paragraph' && lines.length > 1 && countWords(text) > LONG_BLOCK_WORDS) {
      for (const [k, line] of current.entries()) {
        blocks.push({
          kind,
          text: page.lines[line],
          firstLine: line,
          lastLine: line,
          glue: k === 0 ? '\n\n' : '\n',
        });
      }
    } else blocks.push({ kind, text, firstLine: first, lastLine: current[current.length - 1], glue: '\n\n' });
    current = [];
  };
  page.lines.forEach((line, i) => {
    if (line.trim() === '') flush();
    else if (page.headings.some((h) => h.line === i)) {
      // A heading is a block of its own even without blank lines around it.
      flush();
      current.push(i);
      flush();
    } else current.push(i);
  });
  flush();
  return blocks;
}

/**
 * Parses Markdown or plain text. Form feeds (`\f`) separate pages when present; otherwise pages are
 * estimated (~450 words each) and `pagesEstimated` is set. Markdown headings become section hints,
 * HTML comments and invisible HTML are reported as hidden content.
 */
export function parseText(source: string, format: 'markdown' | 'text', mediaType: string): RawDocument {
  const normalized = source.replace(/\r\n?/g, '\n');
  const { body, fields } = format === 'markdown' ? frontMatter(normalized) : { body: normalized, fields: {} };
  const rawPages = body.split('\f');
  const paged = rawPages.length > 1;
  const stripped = rawPages.map((p) => (format === 'markdown' ? stripMarkdown(p) : plainPage(p)));

  const pages: { page: number; text: string }[] = [];
  const headings: HeadingHint[] = [];
  const hidden: HiddenItem[] = metadataHidden(fields);
  const place = (page: number, sp: StrippedPage, blocks: Block[], pageOfBlock: (b: number) => number) => {
    const blockOfLine = (line: number) => {
      const i = blocks.findIndex((b) => b.lastLine >= line);
      return i < 0 ? blocks.length - 1 : i;
    };
    for (const h of sp.headings) {
      headings.push({
        page: pageOfBlock(blockOfLine(h.line)),
        text: sp.lines[h.line],
        level: h.level,
        source: 'style',
      });
    }
    for (const item of sp.hidden) {
      const p = blocks.length === 0 ? page : pageOfBlock(blockOfLine(item.line));
      hidden.push({ kind: item.kind, location: `page ${p}`, text: item.text, page: p });
    }
  };

  if (paged) {
    stripped.forEach((sp, i) => {
      const blocks = blocksOf(sp);
      pages.push({ page: i + 1, text: joinBlocks(blocks) });
      place(i + 1, sp, blocks, () => i + 1);
    });
  } else {
    const sp = stripped[0];
    const blocks = blocksOf(sp);
    const pageOf = estimatePages(blocks);
    const count = Math.max(1, pageOf[pageOf.length - 1] ?? 1);
    for (let p = 1; p <= count; p++) {
      pages.push({ page: p, text: joinBlocks(blocks.filter((_, i) => pageOf[i] === p)) });
    }
    place(1, sp, blocks, (b) => pageOf[b] ?? 1);
  }

  return {
    format,
    mediaType,
    pages,
    pagesEstimated: !paged,
    headings,
    hidden,
    warnings: [],
    metadata: Object.keys(fields).length > 0 ? { frontMatter: fields } : {},
    // Markdown's paragraphs are joined above, by CommonMark's rules (a hard break stays a line break);
    // plain text is often hard-wrapped, and its lines broken mid-sentence are joined on normalising.
    layout: { stripRunningLines: paged, joinLines: format === 'text' },
  };
}
