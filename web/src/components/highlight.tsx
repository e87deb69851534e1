import { Fragment, type ReactNode } from 'react';
import { looseWordRanges } from '../lib/text';

/** `text` with the loose matches of `query` wrapped in `<mark>`. */
export function Highlight({ text, query }: { text: string; query: string }) {
  const ranges = looseWordRanges(text, query);
  if (ranges.length === 0) return <>{text}</>;
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) parts.push(<Fragment key={`t${at}`}>{text.slice(at, start)}</Fragment>);
    parts.push(<mark key={`m${start}`}>{text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < text.length) parts.push(<Fragment key={`t${at}`}>{text.slice(at)}</Fragment>);
  return <>{parts}</>;
}
