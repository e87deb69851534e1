import { useQuery } from '@tanstack/react-query';
import { fireEvent, screen } from '@testing-library/react';
import { useRef } from 'react';
import { describe, expect, it } from 'vitest';
import '../test/setup';
import { ApiError } from '../lib/api';
import { renderWithProviders } from '../test/render';
import { Field } from './field';
import { allQueries, QueryState } from './query-state';

/** A real TanStack query whose answers the test scripts, one per fetch. */
function Page({ answers, second }: { answers: Array<() => Promise<string>>; second?: boolean }) {
  const call = useRef(0);
  const query = useQuery({
    queryKey: ['page'],
    queryFn: () => answers[Math.min(call.current++, answers.length - 1)](),
  });
  const other = useQuery({ queryKey: ['other'], queryFn: async () => 42, enabled: Boolean(second) });
  const back = { to: '/dossiers', label: 'Retour aux dossiers' };
  return second ? (
    <QueryState query={allQueries(query, other)}>{([text, n]) => <p>{`${text} ${n}`}</p>}</QueryState>
  ) : (
    <QueryState query={query} back={back}>
      {(text) => <p>{text}</p>}
    </QueryState>
  );
}

/** An answer that fails as the API client does. */
const failWith = (error: ApiError) => async (): Promise<string> => {
  throw error;
};

describe('QueryState', () => {
  it('shows the loading state, then the data', async () => {
    renderWithProviders(<Page answers={[async () => 'Données']} />);
    expect(screen.getByRole('status').textContent).toBe('Chargement…');
    expect(await screen.findByText('Données')).toBeTruthy();
  });

  it('offers a retry after a server error, which fetches again', async () => {
    renderWithProviders(
      <Page
        answers={[failWith(new ApiError(503, 'unavailable', 'Service indisponible')), async () => 'Revenu']}
      />,
    );
    expect((await screen.findByRole('alert')).textContent).toContain('Service indisponible');
    expect(screen.getByRole('link', { name: 'Retour aux dossiers' }).getAttribute('href')).toBe('/dossiers');
    fireEvent.click(screen.getByRole('button', { name: 'Réessayer' }));
    expect(await screen.findByText('Revenu')).toBeTruthy();
  });

  it('offers only the way back after a 4xx, which would answer the same again', async () => {
    renderWithProviders(<Page answers={[failWith(new ApiError(404, 'not_found', 'Dossier introuvable'))]} />);
    expect((await screen.findByRole('alert')).textContent).toContain('Dossier introuvable');
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByRole('link', { name: 'Retour aux dossiers' })).toBeTruthy();
  });

  it('waits for every query given together, then hands over each one’s data', async () => {
    renderWithProviders(<Page answers={[async () => 'Texte']} second />);
    expect(await screen.findByText('Texte 42')).toBeTruthy();
  });
});

describe('Field', () => {
  it('names the control by its label and describes it by its hint', () => {
    let typed = '';
    renderWithProviders(
      <Field
        as="textarea"
        id="note"
        label="Note"
        hint="Visible par le candidat"
        value=""
        onValue={(v) => {
          typed = v;
        }}
        maxLength={20}
      />,
    );
    const box = screen.getByRole('textbox', { name: 'Note' });
    expect(box.tagName).toBe('TEXTAREA');
    expect(box.getAttribute('maxlength')).toBe('20');
    expect(screen.getByText('Visible par le candidat').id).toBe(box.getAttribute('aria-describedby'));
    fireEvent.change(box, { target: { value: 'Bien' } });
    expect(typed).toBe('Bien');
  });
});
