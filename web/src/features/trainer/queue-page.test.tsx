import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useLocation } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import '../../test/setup';
import { stubFetch } from '../../test/fetch';
import { renderRoute, renderWithProviders, testQueryClient } from '../../test/render';
import { meKey } from '../auth/session';
import { referentialKeys } from '../referential/queries';
import { COHORT_ID, exams, queue, trainer } from './fixtures';
import type { QueueItem } from './queries';
import { TrainerQueuePage } from './queue-page';

let served: QueueItem[] = queue;
const fetchMock = stubFetch((url) => {
  if (url.pathname === '/api/trainer/queue') return Response.json(served);
});

/** The query string of the last queue request, as an object. */
function lastQueueQuery() {
  const calls = fetchMock.mock.calls.map(([input]) => new URL(String(input), 'http://localhost'));
  const last = calls.filter((u) => u.pathname === '/api/trainer/queue').at(-1);
  return Object.fromEntries(last?.searchParams ?? []);
}

function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{`${location.pathname}${location.search}`}</output>;
}

function renderQueue(route = '/formateur') {
  return renderRoute({
    path: '/formateur',
    element: (
      <>
        <TrainerQueuePage />
        <LocationProbe />
      </>
    ),
    route,
    me: trainer,
    cache: [[referentialKeys.exams, exams]],
  });
}

const rows = () => within(screen.getByRole('table')).getAllByRole('row').slice(1);
const search = () => new URLSearchParams(screen.getByTestId('location').textContent?.split('?')[1] ?? '');

beforeEach(() => {
  served = queue;
});

describe('TrainerQueuePage', () => {
  it('lists the reviews in the order of the server, with what each one needs', async () => {
    renderQueue();
    await screen.findByRole('table', { name: 'Analyses à relire, par ordre de priorité' });
    expect(screen.getByRole('heading', { level: 1, name: 'File de relecture' })).toBeTruthy();
    expect(screen.getByText('3 analyses')).toBeTruthy();

    const cells = rows().map((row) =>
      [...row.querySelectorAll('th, td')].map((cell) => (cell as HTMLElement).dataset.label),
    );
    expect(cells[0]).toEqual([
      'Priorité',
      'Candidat',
      'Épreuve',
      'Promotion',
      'Signaux',
      "Note de l'IA",
      'Relecture',
    ]);

    const [first, second, third] = rows();
    expect(within(first).getByText('Urgente')).toBeTruthy();
    expect(within(first).getByText('1')).toBeTruthy();
    const link = within(first).getByRole('link', {
      name: "Relire l'analyse de Camille Candidat — Audit RSE",
    });
    expect(link.getAttribute('href')).toBe(`/formateur/revues/${queue[0].reviewId}`);
    expect(within(first).getByText('Audit RSE')).toBeTruthy();
    expect(within(first).getByText('Promotion 2025 — Lyon')).toBeTruthy();
    expect(within(first).getByText('2,4/4')).toBeTruthy();
    expect(within(first).getByText('Presque prêt')).toBeTruthy();
    expect(within(first).getByText('À vérifier')).toBeTruthy();
    expect(within(first).getByText('1 critère revu')).toBeTruthy();
    // Signals are badges in words, each explained.
    const badges = within(first).getAllByRole('listitem');
    expect(badges.map((b) => b.textContent)).toEqual([
      'Consigne au correcteur',
      'Texte masqué',
      'Critère en échec',
      'Citation non vérifiée',
      'À la limite',
    ]);
    expect(badges[1].getAttribute('title')).toMatch(/texte invisible/i);

    expect(within(second).getByText('Négociation commerciale complexe')).toBeTruthy();
    expect(within(second).getAllByText('Analyse échouée').length).toBe(2);
    expect(within(second).getByText('0 critère revu')).toBeTruthy();

    expect(within(third).getByText('Vérifiée')).toBeTruthy();
    expect(within(third).getByText('7 critères revus')).toBeTruthy();
    expect(within(third).getByText('Texte masqué')).toBeTruthy();
    // A checked review keeps its signals but no longer claims urgency.
    expect(within(third).queryByText('Urgente')).toBeNull();
    expect(within(third).getByText('Traitée')).toBeTruthy();
    expect(third.className).toContain('is-checked');

    // The legend explains the signals on screen, and only those.
    const legend = screen.getByText('Que signifient les signaux ?').closest('details') as HTMLElement;
    expect(legend.querySelectorAll('dt')).toHaveLength(6);
    expect(
      within(legend).getByText(/Elle a été ignorée : vérifiez qu'elle n'a pas pesé sur les notes/),
    ).toBeTruthy();
    expect(within(legend).queryByText('Note incertaine')).toBeNull();
  });

  it('keeps the filters in the URL and sends them to the server', async () => {
    renderQueue();
    await screen.findByRole('table');
    expect(lastQueueQuery()).toEqual({});

    fireEvent.change(screen.getByLabelText('Épreuve'), { target: { value: 'b1-audit-rse' } });
    await waitFor(() => expect(lastQueueQuery()).toEqual({ examId: 'b1-audit-rse' }));
    expect(search().get('epreuve')).toBe('b1-audit-rse');

    fireEvent.change(screen.getByLabelText('Promotion'), { target: { value: COHORT_ID } });
    fireEvent.change(screen.getByLabelText('Signal'), { target: { value: 'hidden_text' } });
    fireEvent.click(screen.getByLabelText('Seulement les analyses à vérifier'));
    await waitFor(() =>
      expect(lastQueueQuery()).toEqual({
        examId: 'b1-audit-rse',
        cohortId: COHORT_ID,
        flag: 'hidden_text',
        include: 'unchecked',
      }),
    );
    expect(Object.fromEntries(search())).toEqual({
      epreuve: 'b1-audit-rse',
      promotion: COHORT_ID,
      signal: 'hidden_text',
      'a-verifier': '1',
    });

    fireEvent.click(screen.getByRole('button', { name: 'Effacer les filtres' }));
    await waitFor(() => expect(search().toString()).toBe(''));
    expect((screen.getByLabelText('Signal') as HTMLSelectElement).value).toBe('');
  });

  it('reads the filters from the URL it is opened with, and ignores an unknown signal', async () => {
    renderQueue(`/formateur?signal=prompt_injection&a-verifier=1&promotion=${COHORT_ID}`);
    await screen.findByRole('table');
    expect(lastQueueQuery()).toEqual({ flag: 'prompt_injection', include: 'unchecked', cohortId: COHORT_ID });
    expect((screen.getByLabelText('Signal') as HTMLSelectElement).value).toBe('prompt_injection');
    expect((screen.getByLabelText('Seulement les analyses à vérifier') as HTMLInputElement).checked).toBe(
      true,
    );
  });

  it('says when there is nothing to review, and when the filters leave nothing', async () => {
    served = [];
    const { unmount } = renderQueue();
    expect(await screen.findByText('Aucune analyse à relire')).toBeTruthy();
    unmount();

    renderQueue('/formateur?signal=keyword_stuffing');
    expect(await screen.findByText('Aucune analyse ne correspond à ces filtres')).toBeTruthy();
    const empty = screen
      .getByText('Aucune analyse ne correspond à ces filtres')
      .closest('.state') as HTMLElement;
    fireEvent.click(within(empty).getByRole('button', { name: 'Effacer les filtres' }));
    await waitFor(() => expect(search().toString()).toBe(''));
  });

  it("shows the server's error in French", async () => {
    fetchMock.mockImplementationOnce(async () =>
      Response.json(
        { error: { code: 'forbidden', message: 'Votre rôle ne permet pas cette action.' } },
        { status: 403 },
      ),
    );
    renderQueue();
    expect(await screen.findByText('Votre rôle ne permet pas cette action.')).toBeTruthy();
  });

  it('tells a candidate the page is not for them', () => {
    const queryClient = testQueryClient();
    queryClient.setQueryData(meKey, { ...trainer, role: 'candidate', trainerCohorts: [] });
    renderWithProviders(<TrainerQueuePage />, { route: '/formateur', queryClient });
    expect(screen.getByText('Accès réservé')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
