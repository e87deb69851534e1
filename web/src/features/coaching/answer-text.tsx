import { Fragment, type ReactNode } from 'react';
import styles from './answer-text.module.css';

/** A piece of a coach answer: a paragraph, or a list with the line that introduces it. */
export type AnswerBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; ordered: boolean; title: string | null; items: string[] };

const BULLET = /^\s*[-*•]\s+/;
const NUMBER = /^\s*\d{1,2}[.)]\s+/;

/**
 * Splits a coach answer (plain text: blank-line separated blocks, `- ` and `1. ` lists, as both the offline
 * coach and the model write them) into blocks. A line ending with a colon right before a list is its title.
 * Works on a partial answer too, so the streamed text renders the same way as it grows.
 */
export function answerBlocks(text: string): AnswerBlock[] {
  const blocks: AnswerBlock[] = [];
  for (const chunk of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    let paragraph: string[] = [];
    let list: Extract<AnswerBlock, { kind: 'list' }> | null = null;
    const flushParagraph = () => {
      if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: paragraph.join('\n') });
      paragraph = [];
    };
    for (const raw of chunk.split('\n')) {
      const line = raw.trimEnd();
      if (line.trim() === '') continue;
      const ordered = NUMBER.test(line);
      if (ordered || BULLET.test(line)) {
        const item = line.replace(ordered ? NUMBER : BULLET, '');
        if (!list || list.ordered !== ordered) {
          const last = paragraph[paragraph.length - 1];
          const title = last?.trim().endsWith(':') ? (paragraph.pop() ?? null) : null;
          flushParagraph();
          list = { kind: 'list', ordered, title, items: [] };
          blocks.push(list);
        }
        list.items.push(item);
      } else if (list && /^\s/.test(raw)) {
        // An indented line continues the item above it.
        list.items[list.items.length - 1] += ` ${line.trim()}`;
      } else {
        list = null;
        paragraph.push(line);
      }
    }
    flushParagraph();
  }
  return blocks;
}

/** `**bold**` as <strong>; everything else as text (React escapes it). */
function inline(text: string): ReactNode {
  const parts = text.split(/\*\*(.+?)\*\*/g);
  if (parts.length === 1) return text;
  return parts.map((part, i) =>
    // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one string never move.
    i % 2 === 1 ? <strong key={i}>{part}</strong> : <Fragment key={i}>{part}</Fragment>,
  );
}

/** A coach answer as paragraphs and lists. */
export function AnswerText({ text }: { text: string }) {
  const blocks = answerBlocks(text);
  return (
    <div className={styles.coachAnswerText}>
      {blocks.map((block, i) => {
        // biome-ignore lint/suspicious/noArrayIndexKey: blocks only grow at the end while streaming.
        if (block.kind === 'paragraph') return <p key={i}>{inline(block.text)}</p>;
        const List = block.ordered ? 'ol' : 'ul';
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: blocks only grow at the end while streaming.
          <Fragment key={i}>
            {block.title && <p className={styles.coachListTitle}>{inline(block.title)}</p>}
            <List>
              {block.items.map((item, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: items only grow at the end while streaming.
                <li key={j}>{inline(item)}</li>
              ))}
            </List>
          </Fragment>
        );
      })}
    </div>
  );
}
