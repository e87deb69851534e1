import { countWords } from './words';

/** About how many words a page of a typical dossier holds (11 pt body, normal margins). */
export const WORDS_PER_PAGE = 450;

export interface LayoutBlock {
  kind: 'paragraph' | 'heading' | 'table' | 'list';
  text: string;
}

/**
 * How much of a page a block takes, in "words": headings and table rows take more room than their word
 * count (spacing, cell padding), and every block has some paragraph spacing.
 */
export function blockWeight(block: LayoutBlock): number {
  const words = countWords(block.text);
  switch (block.kind) {
    case 'heading':
      return words + 20;
    case 'table':
      return words + 6 * block.text.split('\n').length + 8;
    default:
      return words + 4;
  }
}

/**
 * Estimates the page of each block by filling pages of `wordsPerPage` weighted words; a heading never
 * ends a page (it moves with what follows). Returns the 1-based page of each block (where its middle lies).
 */
export function estimatePages(blocks: LayoutBlock[], wordsPerPage = WORDS_PER_PAGE): number[] {
  const pages: number[] = [];
  let page = 1;
  let used = 0;
  for (let i = 0; i < blocks.length; i++) {
    const weight = blockWeight(blocks[i]);
    const isOrphanHeading = blocks[i].kind === 'heading' && i + 1 < blocks.length;
    const needed = isOrphanHeading ? weight + Math.min(blockWeight(blocks[i + 1]), 60) : weight;
    // Word flows paragraphs, lists and long tables across a page break; only a heading (kept with what
    // follows) or a short table moves whole to the next page. Moving every block whole would inflate
    // the estimate by the unused ends of pages, and wrongly flag drafts as over the page limit.
    const movesWhole =
      blocks[i].kind === 'heading' || (blocks[i].kind === 'table' && weight <= wordsPerPage / 3);
    if (used > 0 && used + needed > wordsPerPage && movesWhole) {
      page++;
      used = 0;
    }
    // A block that spills over a page break belongs to the page holding its middle; the next block
    // starts on the page where it ends.
    const middle = used + weight / 2;
    pages.push(page + Math.floor(middle / wordsPerPage));
    used += weight;
    while (used > wordsPerPage) {
      page++;
      used -= wordsPerPage;
    }
  }
  return pages;
}
