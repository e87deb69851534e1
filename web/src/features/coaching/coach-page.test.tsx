import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../test/setup';
import { renderWithProviders, testQueryClient } from '../../test/render';
import { dossierKeys } from '../dossiers/queries';
import { referentialKeys } from '../referential/queries';
import { CoachPage } from './coach-page';
import { auditRseExam, conversation, DOSSIER_ID, dossier, draftText, QUOTE } from './fixtures';
import { type Conversation, coachingKeys } from './queries';

const STREAM_PATH = `/api/dossiers/${DOSSIER_ID}/versions/2/coach/stream`;
const COACH_PATH = `/api/dossiers/${DOSSIER_ID}/versions/2/coach`;

/** A stream the test writes into, event by event. */
function controlledStream() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
  });
  const encoder = new TextEncoder();
  return {
    response: new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } }),
    send(event: string, data: unknown) {
      controller.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
    },
    close() {
      controller.close();
    },
  };
}

let stream: ReturnType<typeof controlledStream>;
let stored: Conversation;
const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
  const url = String(input);
  if (url === STREAM_PATH && init?.method === 'POST') return stream.response;
  if (url === COACH_PATH) return Response.json(stored);
  return Response.json({ error: { code: 'not_found', message: url } }, { status: 404 });
});

function renderCoach(initial: Conversation = conversation) {
  const queryClient = testQueryClient();
  queryClient.setQueryData(dossierKeys.dossier(DOSSIER_ID), dossier);
  queryClient.setQueryData(referentialKeys.exam('b1-audit-rse'), auditRseExam);
  queryClient.setQueryData(coachingKeys.conversation(DOSSIER_ID, 2), initial);
  queryClient.setQueryData(dossierKeys.text(DOSSIER_ID, 2), draftText);
  return renderWithProviders(
    <Routes>
      <Route path="/dossiers/:id/versions/:v/coach" element={<CoachPage />} />
    </Routes>,
    { route: `/dossiers/${DOSSIER_ID}/versions/2/coach`, queryClient },
  );
}

function thread() {
  return screen.getByRole('region', { name: 'Conversation' });
}

/** The thread's messages (not the lists inside them). */
function messages() {
  return [...thread().querySelectorAll<HTMLElement>('li[data-message]')];
}

describe('CoachPage', () => {
  beforeEach(() => {
    stream = controlledStream();
    stored = conversation;
    fetchMock.mockClear();
    vi.stubGlobal('fetch', fetchMock);
    Element.prototype.scrollIntoView = vi.fn();
  });

  afterEach(() => vi.unstubAllGlobals());

  it('states the integrity rule and shows the stored conversation with its citations', () => {
    renderCoach();
    expect(screen.getByRole('heading', { level: 1, name: 'Questions au coach' })).toBeTruthy();
    const policy = screen.getByRole('note');
    expect(policy.textContent).toContain('Le coach ne rédige pas votre dossier.');
    expect(policy.textContent).toContain(conversation.policy.fr);

    const [question, answer] = messages();
    expect(question.textContent).toContain('Vous');
    expect(question.textContent).toContain('Mes indicateurs RSE (K5) sont-ils assez justifiés ?');
    expect(within(answer).getByText('Hors ligne')).toBeTruthy();
    expect(within(answer).getByText('Ce que le jury évalue :')).toBeTruthy();

    const quote = within(answer).getByRole('link', {
      name: new RegExp(`^Voir dans le texte extrait : ${QUOTE}\\s*p\\. 2$`),
    });
    expect(quote.getAttribute('href')).toBe(
      `/dossiers/${DOSSIER_ID}/versions/2/coach?${new URLSearchParams({ page: '2', quote: QUOTE })}`,
    );
    const k1 = within(answer).getByRole('link', { name: /^Critère K1 : Les objectifs de RSE/ });
    expect(k1.getAttribute('href')).toBe('/epreuves/b1-audit-rse/fiche#critere-K1');
    expect(within(answer).getByText(/^Les objectifs de RSE sont structurés/)).toBeTruthy();
    expect(within(answer).getByRole('link', { name: /^Critère K5/ })).toBeTruthy();
    expect(within(answer).getByRole('link', { name: 'Ouvrir la page 3' })).toBeTruthy();
  });

  it('opens the draft at the cited page with the quote highlighted, and at a page cited without a quote', async () => {
    renderCoach();
    fireEvent.click(screen.getByRole('link', { name: /^Voir dans le texte extrait :.*p\. 2$/ }));
    const panel = await screen.findByRole('complementary', { name: 'Texte extrait — version 2' });
    expect(panel.querySelector('mark')?.textContent).toBe(QUOTE);
    expect(panel.querySelector('mark')?.closest('section')?.id).toBe('text-page-2');

    fireEvent.click(within(panel).getByRole('button', { name: 'Fermer le texte extrait' }));
    await waitFor(() => expect(screen.queryByRole('complementary', { name: /Texte extrait/ })).toBeNull());

    fireEvent.click(screen.getByRole('link', { name: 'Ouvrir la page 3' }));
    const atPage = await screen.findByRole('complementary', { name: 'Texte extrait — version 2' });
    expect(atPage.querySelector('mark')).toBeNull();
    expect(atPage.querySelector('.text-page.is-current')?.id).toBe('text-page-3');
    expect(within(atPage).queryByText(/n'a pas été retrouvé/)).toBeNull();
  });

  it('streams the answer as it arrives, then keeps the stored exchange', async () => {
    renderCoach();
    const box = screen.getByRole('textbox', { name: 'Votre question' });
    fireEvent.change(box, { target: { value: 'Mes objectifs K1 sont-ils SMART ?' } });
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer' }));

    await screen.findByText('Le coach lit votre brouillon…');
    expect(screen.getByRole('status').textContent).toBe('Le coach prépare sa réponse…');
    expect((box as HTMLTextAreaElement).value).toBe('');
    expect(screen.getByRole('button', { name: 'Réponse en cours…' }).hasAttribute('disabled')).toBe(true);
    const [, init] = fetchMock.mock.calls.find(([u]) => String(u) === STREAM_PATH) ?? [];
    expect(JSON.parse(String(init?.body))).toEqual({ message: 'Mes objectifs K1 sont-ils SMART ?' });

    act(() => stream.send('delta', { text: 'Sur K1, vos objectifs ' }));
    await screen.findByText('Sur K1, vos objectifs');
    expect(thread().querySelector('[aria-busy="true"]')).not.toBeNull();
    act(() => stream.send('delta', { text: 'ont une cible et une échéance.' }));
    await screen.findByText('Sur K1, vos objectifs ont une cible et une échéance.');

    const answer = {
      id: '1c2b3a4d-0000-4000-8000-000000000004',
      role: 'assistant' as const,
      content: 'Sur K1, vos objectifs ont une cible et une échéance.',
      citations: [{ page: 2, quote: QUOTE, criterionId: 'K1' }],
      mode: 'offline' as const,
      refused: false,
      createdAt: '2025-03-12T16:50:01.000Z',
    };
    stored = {
      ...conversation,
      messages: [
        ...conversation.messages,
        {
          ...answer,
          id: '1c2b3a4d-0000-4000-8000-000000000003',
          role: 'user',
          content: 'Mes objectifs K1 sont-ils SMART ?',
          citations: [],
          mode: null,
        },
        answer,
      ],
    };
    act(() => {
      stream.send('done', {
        citations: answer.citations,
        mode: 'offline',
        refused: false,
        messageId: answer.id,
      });
      stream.close();
    });

    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Le coach a répondu.'));
    expect(thread().querySelector('[aria-busy="true"]')).toBeNull();
    expect(screen.getAllByText('Sur K1, vos objectifs ont une cible et une échéance.')).toHaveLength(1);
    expect(messages()).toHaveLength(4);
    const last = messages()[3];
    expect(within(last).getByRole('link', { name: /^Voir dans le texte extrait :.*p\. 2$/ })).toBeTruthy();
    expect(within(last).getByRole('link', { name: /^Critère K1/ })).toBeTruthy();
    await waitFor(() => expect(fetchMock.mock.calls.some(([u]) => String(u) === COACH_PATH)).toBe(true));
  });

  it("shows the server's error and gives the question back to send again", async () => {
    renderCoach();
    const box = screen.getByRole('textbox', { name: 'Votre question' }) as HTMLTextAreaElement;
    fireEvent.change(box, { target: { value: 'Et mon plan ?' } });
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
    await screen.findByText('Le coach lit votre brouillon…');
    act(() => {
      stream.send('error', { code: 'internal_error', message: 'Erreur interne du serveur.' });
      stream.close();
    });
    expect((await screen.findByRole('alert')).textContent).toBe('Erreur interne du serveur.');
    expect(box.value).toBe('Et mon plan ?');
    expect(screen.queryByText('Le coach lit votre brouillon…')).toBeNull();
  });

  it('suggests first questions, which fill the box rather than being sent', () => {
    renderCoach({ ...conversation, messages: [] });
    expect(screen.getByText('Posez votre première question')).toBeTruthy();
    const suggestions = screen.getByRole('list', { name: 'Suggestions de questions' });
    fireEvent.click(within(suggestions).getByRole('button', { name: /^Qu'attend le jury sur K1/ }));
    const box = screen.getByRole('textbox', { name: 'Votre question' }) as HTMLTextAreaElement;
    expect(box.value).toBe("Qu'attend le jury sur K1, et que dit mon brouillon à ce sujet ?");
    expect(document.activeElement).toBe(box);

    fireEvent.click(screen.getByRole('button', { name: 'Poser la question sur le critère K5' }));
    expect(box.value).toBe("Qu'attend le jury sur K5, et que dit mon brouillon à ce sujet ?");
    expect(fetchMock.mock.calls.some(([u]) => String(u) === STREAM_PATH)).toBe(false);
  });
});
