import { act, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../test/setup';
import { renderWithProviders } from '../../test/render';
import { auditRseReport } from './fixtures';
import { ReviewPage } from './review-page';

const REVIEW = '6a1d8c0e-2b4f-4c35-9d8e-1f2a3b4c5d6e';
const DOSSIER = auditRseReport.dossier.id;
const ids = ['K1', 'K2', 'K3', 'K4', 'K5', 'K6', 'K7'];

function progress(status: 'queued' | 'running' | 'done', done: number) {
  return {
    status,
    total: 7,
    done,
    failed: 0,
    criteria: ids.map((id, i) => ({ id, status: i < done ? 'done' : i === done ? 'running' : 'pending' })),
  };
}

function review(status: 'running' | 'done', done: number) {
  return {
    id: REVIEW,
    dossierId: DOSSIER,
    version: 2,
    examId: 'b1-audit-rse',
    status,
    provider: 'offline',
    model: 'offline-analyzer',
    createdAt: '2025-03-12T16:44:00.000Z',
    finishedAt: status === 'done' ? '2025-03-12T16:45:00.000Z' : null,
    progress: progress(status, done),
    ...(status === 'done' ? { report: auditRseReport } : {}),
  };
}

/** A stand-in for the browser's EventSource that the test drives. */
class FakeEventSource {
  static instances: FakeEventSource[] = [];
  listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();
  closed = false;
  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
  }
  emit(type: string, data: unknown) {
    for (const listener of this.listeners.get(type) ?? []) {
      listener(new MessageEvent(type, { data: JSON.stringify(data) }));
    }
  }
}

let serverReview = review('running', 2);
const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
  const url = String(input);
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  if (url.startsWith(`/api/reviews/${REVIEW}`)) return json(serverReview);
  if (url.startsWith(`/api/dossiers/${DOSSIER}`))
    return json({ error: { code: 'not_found', message: 'x' } }, 404);
  if (url.startsWith('/api/exams/')) return json({ error: { code: 'not_found', message: 'x' } }, 404);
  return json({ error: { code: 'not_found', message: url } }, 404);
});

function renderPage() {
  return renderWithProviders(
    <Routes>
      <Route path="/revues/:id" element={<ReviewPage />} />
    </Routes>,
    { route: `/revues/${REVIEW}` },
  );
}

describe('ReviewPage live progress', () => {
  beforeEach(() => {
    FakeEventSource.instances = [];
    serverReview = review('running', 2);
    fetchMock.mockClear();
    vi.stubGlobal('fetch', fetchMock);
    vi.stubGlobal('EventSource', FakeEventSource);
    Element.prototype.scrollIntoView = vi.fn();
  });

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('follows the server-sent progress, then shows the report when the review is done', async () => {
    renderPage();
    await screen.findByText('2 sur 7 critères évalués');
    const source = FakeEventSource.instances[0];
    expect(source.url).toBe(`/api/reviews/${REVIEW}/events`);

    act(() => source.emit('progress', progress('running', 5)));
    await screen.findByText('5 sur 7 critères évalués');
    expect(screen.getAllByText('Évalué')).toHaveLength(5);

    serverReview = review('done', 7);
    act(() => source.emit('done', { status: 'done' }));
    await screen.findByRole('heading', { level: 1, name: "Rapport d'écarts" });
    expect(source.closed).toBe(true);
    expect(screen.queryByText(/critères évalués/)).toBeNull();
  });

  it('falls back to polling every 2 seconds when the event stream fails', async () => {
    renderPage();
    await screen.findByText('2 sur 7 critères évalués');
    const source = FakeEventSource.instances[0];
    act(() => source.emit('error', {}));
    expect(source.closed).toBe(true);
    await screen.findByText('Mise à jour automatique toutes les 2 secondes.');

    const reviewCalls = () =>
      fetchMock.mock.calls.filter(([u]) => String(u) === `/api/reviews/${REVIEW}`).length;
    const before = reviewCalls();
    serverReview = review('done', 7);
    await waitFor(() => expect(reviewCalls()).toBeGreaterThan(before), { timeout: 3500 });
    await screen.findByRole('heading', { level: 1, name: "Rapport d'écarts" });
    // No second stream was opened: polling took over.
    expect(FakeEventSource.instances).toHaveLength(1);
  });
});
