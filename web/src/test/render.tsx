import { QueryClient, QueryClientProvider, type QueryKey } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { meKey } from '../features/auth/session';
import type { Me } from '../lib/api';

/** A query client that never retries and never refetches on its own: tests decide what the cache holds. */
export function testQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, staleTime: Number.POSITIVE_INFINITY, gcTime: Number.POSITIVE_INFINITY },
    },
  });
}

/** Renders `ui` inside a memory router and a query client, as the app does. */
export function renderWithProviders(
  ui: ReactNode,
  { route = '/', queryClient = testQueryClient() }: { route?: string; queryClient?: QueryClient } = {},
) {
  return {
    queryClient,
    ...render(
      <QueryClientProvider client={queryClient}>
        <MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>
      </QueryClientProvider>,
    ),
  };
}

/**
 * Renders one page as the router would: `element` at the route pattern `path`, opened at `route`, for the
 * signed-in `me`, with `cache` (pairs of query key and data) already in the query cache.
 */
export function renderRoute({
  path,
  element,
  route,
  me,
  cache = [],
  routes,
}: {
  path: string;
  element: ReactNode;
  route: string;
  me: Me;
  cache?: [QueryKey, unknown][];
  /** Other routes beside the page's (where it navigates to). */
  routes?: ReactNode;
}) {
  const queryClient = testQueryClient();
  queryClient.setQueryData(meKey, me);
  for (const [key, data] of cache) queryClient.setQueryData(key, data);
  return renderWithProviders(
    <Routes>
      <Route path={path} element={element} />
      {routes}
    </Routes>,
    { route, queryClient },
  );
}
