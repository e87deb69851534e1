import { describe, expect, it } from 'vitest';
import { anchorIn } from './anchor';

const PAGE = 'Diagnostic RSE\nLa cartographie des parties prenantes montre un risque fort.';

describe('anchorIn', () => {
  it('anchors a selection to the page text’s own slice, whatever the whitespace of the selection', () => {
    const anchor = anchorIn(3, PAGE, '  cartographie des\n   parties prenantes ');
    expect(anchor).toEqual({
      page: 3,
      start: PAGE.indexOf('cartographie'),
      end: PAGE.indexOf(' montre'),
      quote: 'cartographie des parties prenantes',
    });
  });

  it('refuses a selection that is not on the page, empty, or too long', () => {
    expect(anchorIn(1, PAGE, 'benchmark')).toBeNull();
    expect(anchorIn(1, PAGE, '  \n ')).toBeNull();
    expect(anchorIn(1, PAGE.repeat(100), PAGE.repeat(70))).toBeNull();
  });
});
