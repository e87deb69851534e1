// The global base first: each feature's CSS Module comes after it and wins where both set a property.
import './styles.css';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import './i18n';
// The global base first: each feature's CSS Module, imported below through the router, comes after it and
// wins ties, as its rules did when they sat after the base in one stylesheet.
import './styles.css';
import { meKey } from './features/auth/session';
import { ApiError, isClientError } from './lib/api';
import { createRouter } from './router';

/** A 401 anywhere means the session ended: forget the user, and RequireAuth sends them to sign in. */
function onApiError(error: unknown) {
  if (error instanceof ApiError && error.status === 401) queryClient.setQueryData(meKey, null);
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A 4xx will answer the same again; retry only transport and server errors.
      retry: (failures, error) => !isClientError(error) && failures < 2,
      refetchOnWindowFocus: false,
    },
  },
});

const router = createRouter();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </StrictMode>,
  );
}
