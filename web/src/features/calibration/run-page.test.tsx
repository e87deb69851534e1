import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import '../../test/setup';
import { stubFetch } from '../../test/fetch';
import { renderRoute } from '../../test/render';
import { agreement, examteam, items, RUN_ID, run } from './fixtures';
import { calibrationKeys } from './queries';
import { CalibrationRunPage } from './run-page';

const fetchMock = stubFetch((url) =>
  url.pathname === `/api/calibration/runs/${RUN_ID}/items` ? Response.json(items) : undefined,
);

function renderRun(me = examteam) {
  return renderRoute({
    path: '/calibration/analyses/:id',
    element: <CalibrationRunPage />,
    route: `/calibration/analyses/${RUN_ID}`,
    me,
    cache: [
      [calibrationKeys.run(RUN_ID), run],
      [calibrationKeys.agreement(RUN_ID, undefined), agreement],
    ],
  });
}

describe('CalibrationRunPage', () => {
  it('shows the agreement per criterion and overall, in words as well as numbers', () => {
    renderRun();
    expect(screen.getByRole('heading', { level: 1, name: 'Accord IA – jury, grille v1' })).toBeTruthy();
    const table = screen.getByRole('table', { name: /par critère et pour l'ensemble/ });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(1 + 3 + 1);
    const k2 = rows[2];
    expect(within(k2).getByRole('button', { name: 'K2' })).toBeTruthy();
    expect(k2.textContent).toContain('0,58');
    expect(k2.textContent).toContain('+0,70');
    expect(k2.textContent).toContain('IA plus généreuse');
    expect(k2.textContent).toContain('IC 95 % [0,41 ; 0,90]');
    // K2 rests on 10 pairs, under the minimum: marked, and neither read (« moyen ») nor coloured.
    expect(k2.textContent).toContain('échantillon insuffisant');
    expect(k2.textContent).not.toContain('moyen');
    expect(k2.querySelector('[data-band="fair"], [data-bias="higher"], [data-bias="lower"]')).toBeNull();
    // K1 has 24: read and coloured.
    expect(rows[1].textContent).not.toContain('échantillon insuffisant');
    expect(rows[1].textContent).toContain('bon');
    expect(rows[1].querySelector('[data-band="good"]')).not.toBeNull();
    // No pair for K3: dashes, not zeros.
    expect(rows[3].textContent).toContain('—');
    expect(rows[4].textContent).toContain('0,71');
    expect(rows[4].textContent).toContain('bon');
    // The human–human QWK column exists since two raters scored.
    expect(within(table).getByRole('columnheader', { name: 'QWK entre humains' })).toBeTruthy();
    expect(screen.getByText(/Analyse hors ligne/)).toBeTruthy();
    // Two humans: a neutral reading of who scores higher, not « IA plus généreuse ».
    const hh = screen.getByRole('region', { name: /jury2/ });
    expect(hh.textContent).toContain('jury2 note plus haut que jury');
    expect(hh.textContent).not.toContain('IA plus');
  });

  it("drills down from a matrix cell to the dossiers and the AI's quotes", async () => {
    renderRun();
    fireEvent.click(screen.getByRole('button', { name: 'K2' }));
    const matrix = screen.getByRole('table', { name: 'K2, 10 notes' });
    fireEvent.click(within(matrix).getByRole('button', { name: '2 dossiers : jury 1, IA 2' }));
    await screen.findByText('Camille Candidat');
    expect(screen.getByRole('heading', { name: "K2 : notés 1 par jury et 2 par l'IA" })).toBeTruthy();
    expect(screen.getByText('La directive CSRD impose un reporting de durabilité')).toBeTruthy();
    expect(screen.getByRole('link', { name: "Ouvrir l'analyse complète" }).getAttribute('href')).toBe(
      '/revues/22222222-2222-4222-8222-222222222222#criterion-K2',
    );
    const url = fetchMock.mock.calls
      .map(([input]) => new URL(String(input), 'http://localhost'))
      .find((u) => u.pathname.endsWith('/items')) as URL;
    expect(Object.fromEntries(url.searchParams)).toEqual({
      criterionId: 'K2',
      human: '1',
      ai: '2',
      rater: 'jury',
    });
  });

  it('offers the exports', () => {
    renderRun();
    expect(screen.getByRole('link', { name: 'Notes (CSV)' }).getAttribute('href')).toBe(
      `/api/calibration/runs/${RUN_ID}/scores.csv`,
    );
    expect(screen.getByRole('link', { name: "Tableau d'accord (CSV)" }).getAttribute('href')).toBe(
      `/api/calibration/runs/${RUN_ID}/agreement.csv?rater=jury`,
    );
    expect(screen.getByRole('link', { name: /Rapport de calibration imprimable/ }).getAttribute('href')).toBe(
      `/api/calibration/runs/${RUN_ID}/report.html?rater=jury`,
    );
  });

  it('is closed to candidates', () => {
    renderRun({ ...examteam, role: 'candidate' });
    expect(screen.getByRole('alert').textContent).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
