import { act, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../test/setup';
import { renderWithProviders } from '../test/render';
import { ScrollTable } from './scroll-table';

// jsdom lays nothing out: give the scroller the widths a 390 px phone gives the comparison table.
const widths = { client: 340, scroll: 520 };
const saved = {
  client: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientWidth'),
  scroll: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'scrollWidth'),
};

beforeEach(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
    configurable: true,
    get: () => widths.client,
  });
  Object.defineProperty(HTMLElement.prototype, 'scrollWidth', {
    configurable: true,
    get: () => widths.scroll,
  });
});
afterEach(() => {
  if (saved.client) Object.defineProperty(HTMLElement.prototype, 'clientWidth', saved.client);
  if (saved.scroll) Object.defineProperty(HTMLElement.prototype, 'scrollWidth', saved.scroll);
  widths.scroll = 520;
});

function renderTable() {
  return renderWithProviders(
    <ScrollTable label="Comparer deux versions">
      <table>
        <tbody>
          <tr>
            <td>K1</td>
          </tr>
        </tbody>
      </table>
    </ScrollTable>,
  );
}

describe('ScrollTable', () => {
  it('says to scroll while the end of a wide table is out of sight, and stops once it is reached', () => {
    renderTable();
    const region = screen.getByRole('region', { name: 'Comparer deux versions' });
    expect(region.tabIndex).toBe(0);
    const hint = screen.getByTestId('scroll-hint');
    expect(hint.textContent).toContain('Faites défiler le tableau');
    expect(region.getAttribute('aria-describedby')).toBe(hint.id);
    act(() => {
      region.scrollLeft = 180;
      fireEvent.scroll(region);
    });
    expect(screen.queryByTestId('scroll-hint')).toBeNull();
    expect(region.hasAttribute('aria-describedby')).toBe(false);
  });

  it('gives no cue to a table that fits', () => {
    widths.scroll = 340;
    renderTable();
    expect(screen.queryByTestId('scroll-hint')).toBeNull();
  });
});
