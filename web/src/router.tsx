import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppLayout, NotFoundPage, PageLoading, RouteError } from './app';
import { DossiersPage } from './features/dossiers/dossiers-page';
import { HomePage } from './features/workspace/home-page';

// Pages with charts (Recharts) load on demand, so the home page does not wait for them.
export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    errorElement: <RouteError />,
    // Shown while a lazy page loads on a first visit straight to its URL.
    hydrateFallbackElement: <PageLoading />,
    children: [
      { index: true, element: <HomePage /> },
      {
        path: 'referentiel',
        lazy: () =>
          import('./features/referential/referential-page').then((m) => ({ Component: m.ReferentialPage })),
      },
      {
        path: 'epreuves/:id',
        lazy: () => import('./features/referential/exam-page').then((m) => ({ Component: m.ExamPage })),
      },
      { path: 'dossiers', element: <DossiersPage /> },
      {
        path: 'dossiers/:id',
        lazy: () => import('./features/dossiers/dossier-page').then((m) => ({ Component: m.DossierPage })),
      },
      {
        path: 'revues/:id',
        lazy: () => import('./features/reviews/review-page').then((m) => ({ Component: m.ReviewPage })),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
