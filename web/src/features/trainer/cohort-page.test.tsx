import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import '../../test/setup';
import { stubFetch } from '../../test/fetch';
import { renderRoute } from '../../test/render';
import { referentialKeys } from '../referential/queries';
import { CohortPage } from './cohort-page';
import { COHORT_ID, cohortView, exams, trainer } from './fixtures';
import type { CohortView } from './queries';

let served: CohortView = cohortView;
const fetchMock = stubFetch((url) => {
  if (url.pathname === '/api/trainer/cohort') return Response.json(served);
});

function lastQuery() {
  const urls = fetchMock.mock.calls.map(([input]) => new URL(String(input), 'http://localhost'));
  return Object.fromEntries(
    urls.filter((u) => u.pathname === '/api/trainer/cohort').at(-1)?.searchParams ?? [],
  );
}

function renderCohort(route = '/formateur/promotion') {
  return renderRoute({
    path: '/formateur/promotion',
    element: <CohortPage />,
    route,
    me: trainer,
    cache: [[referentialKeys.exams, exams]],
  });
}

beforeEach(() => {
  served = cohortView;
});

describe('CohortPage', () => {
  it('gives, per competency, how many dossiers reach each score, in a table beside the chart', async () => {
    renderCohort('/formateur/promotion?epreuve=b1-audit-rse');
    const table = await screen.findByRole('table', { name: 'Nombre de dossiers par note et par compétence' });
    expect(lastQuery()).toEqual({ examId: 'b1-audit-rse' });
    expect(screen.getByText('6 dossiers analysés · Promotion 2025 — Lyon')).toBeTruthy();
    const rows = within(table)
      .getAllByRole('row')
      .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['Compétence', '0/4', '1/4', '2/4', '3/4', '4/4', 'Dossiers', 'Moyenne'],
      ['C9 Associer les critères ESG aux objectifs RSE de l’entreprise', '0', '1', '2', '2', '1', '6', '2,5'],
      ['C10 Auditer la politique RSE de l’entreprise', '1', '3', '1', '1', '0', '6', '1,3'],
      [
        'C11 Intégrer les obligations réglementaires dans le plan d’actions',
        '0',
        '2',
        '3',
        '1',
        '0',
        '6',
        '1,8',
      ],
    ]);
    // The weakest competencies first.
    const weakest = screen.getByRole('region', { name: 'À retravailler en priorité' });
    expect(
      within(weakest)
        .getAllByRole('listitem')
        .map((li) => li.querySelector('.item-id')?.textContent),
    ).toEqual(['C10', 'C11', 'C9']);
    // The chart is hidden from screen readers: the table carries the numbers.
    expect(document.querySelector('.cohort-chart')?.getAttribute('aria-hidden')).toBe('true');
  });

  it('keeps the cohort and exam filters in the URL', async () => {
    renderCohort();
    await screen.findByRole('table');
    expect(lastQuery()).toEqual({});
    fireEvent.change(screen.getByLabelText('Promotion'), { target: { value: COHORT_ID } });
    await waitFor(() => expect(lastQuery()).toEqual({ cohortId: COHORT_ID }));
    fireEvent.change(screen.getByLabelText('Épreuve'), { target: { value: 'b1-audit-rse' } });
    await waitFor(() => expect(lastQuery()).toEqual({ cohortId: COHORT_ID, examId: 'b1-audit-rse' }));
    expect((screen.getByLabelText('Épreuve') as HTMLSelectElement).value).toBe('b1-audit-rse');
  });

  it('says when no dossier has been reviewed yet', async () => {
    served = { cohorts: cohortView.cohorts, examId: null, reviews: 0, competencies: [] };
    renderCohort();
    expect(await screen.findByText("Aucun dossier analysé pour l'instant")).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
