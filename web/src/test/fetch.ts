import { afterEach, beforeEach, vi } from 'vitest';

/** What a test's server knows: an answer for the requests it recognises, `undefined` for the rest. */
export type FetchRoute = (
  url: URL,
  init?: RequestInit,
) => Response | undefined | Promise<Response | undefined>;

/**
 * Stands in for the API server's HTTP edge in a component test: `route` answers what it knows, anything else
 * gets the server's JSON 404. Installed as the global `fetch` before each test of the file and removed after;
 * the returned mock records every call (`fetchMock.mock.calls`).
 */
export function stubFetch(route: FetchRoute = () => undefined) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    return (
      (await route(url, init)) ??
      Response.json({ error: { code: 'not_found', message: url.pathname } }, { status: 404 })
    );
  });
  beforeEach(() => {
    fetchMock.mockClear();
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });
  return fetchMock;
}
