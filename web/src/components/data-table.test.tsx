import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import '../test/setup';
import { renderWithProviders } from '../test/render';
import { DataTable, LineErrorsTable, ScreenReaderTable } from './data-table';

describe('DataTable', () => {
  it('builds the head from column definitions, in a focusable scroll region', () => {
    renderWithProviders(
      <DataTable
        caption="Analyses"
        captionClassName="visually-hidden"
        className="runs-table"
        columns={[
          { label: 'Date' },
          { label: 'Copies', num: true },
          { label: <abbr title="Quadratic weighted kappa">QWK</abbr>, key: 'qwk', num: true },
          { label: 'Ouvrir', hidden: true },
        ]}
        foot={
          <tr>
            <th scope="row">Ensemble</th>
          </tr>
        }
      >
        <tr>
          <td>6 déc.</td>
        </tr>
      </DataTable>,
    );
    // Plain DOM queries: jsdom's role queries are slow, and the markup itself is what this test pins.
    const table = screen.getByText('Analyses').closest('table') as HTMLTableElement;
    expect(table.className).toBe('data-table runs-table');
    expect(table.querySelector('caption')?.className).toBe('visually-hidden');
    const scroller = table.parentElement;
    expect(scroller?.className).toBe('table-scroll');
    expect(scroller?.getAttribute('tabindex')).toBe('0');

    const headers = [...table.querySelectorAll('thead th')] as HTMLElement[];
    expect(headers.map((h) => h.textContent)).toEqual(['Date', 'Copies', 'QWK', 'Ouvrir']);
    expect(headers.every((h) => h.getAttribute('scope') === 'col')).toBe(true);
    expect(headers.map((h) => h.className)).toEqual(['', 'num', 'num', '']);
    expect(within(headers[3] as HTMLElement).getByText('Ouvrir').className).toBe('visually-hidden');
    expect(within(table).getByText('Ensemble').closest('tfoot')).not.toBeNull();
  });

  it('lists a refused file’s lines, numbers aligned right', () => {
    renderWithProviders(
      <LineErrorsTable
        caption="2 ligne(s) à corriger"
        line="Ligne"
        problem="Problème"
        rows={[
          { line: 3, message: 'adresse e-mail invalide' },
          { line: 9, message: 'rôle inconnu' },
        ]}
      />,
    );
    const table = screen.getByText('2 ligne(s) à corriger').closest('table') as HTMLTableElement;
    const cells = [...table.querySelectorAll('tbody td')];
    expect(cells.map((c) => c.textContent)).toEqual(['3', 'adresse e-mail invalide', '9', 'rôle inconnu']);
    expect(cells[0]?.className).toBe('num');
  });

  it('keeps a chart’s table for screen readers only, outside any scroll region', () => {
    renderWithProviders(
      <ScreenReaderTable caption="Progression" columns={[{ label: 'Version' }, { label: 'Score' }]}>
        <tr>
          <th scope="row">V1</th>
          <td>2,5 / 4</td>
        </tr>
      </ScreenReaderTable>,
    );
    const table = screen.getByText('Progression').closest('table') as HTMLTableElement;
    expect(table.className).toBe('visually-hidden');
    expect(table.closest('.table-scroll')).toBeNull();
  });
});
