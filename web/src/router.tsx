import { createBrowserRouter, Navigate, Outlet, type RouteObject } from 'react-router';
import { AppLayout, NotFoundPage, PageLoading, RouteError } from './app';
import { homeFor, RequireAuth } from './features/auth/require-auth';
import { SignInPage } from './features/auth/sign-in-page';
import { DossiersPage } from './features/dossiers/dossiers-page';
import { HomePage } from './features/workspace/home-page';

/** The home page is the candidate's workspace; other roles start on their own page. */
function RoleHome() {
  return (
    <RequireAuth>
      {(me) => (me.role === 'candidate' ? <HomePage /> : <Navigate to={homeFor(me.role)} replace />)}
    </RequireAuth>
  );
}

/** Pages about people's data: only for signed-in users (the API enforces who sees what). */
const signedIn: RouteObject[] = [
  { path: 'dossiers', element: <DossiersPage /> },
  {
    path: 'dossiers/:id',
    lazy: () => import('./features/dossiers/dossier-page').then((m) => ({ Component: m.DossierPage })),
  },
  {
    path: 'dossiers/:id/versions/:v/coach',
    lazy: () => import('./features/coaching/coach-page').then((m) => ({ Component: m.CoachPage })),
  },
  {
    path: 'revues/:id',
    lazy: () => import('./features/reviews/review-page').then((m) => ({ Component: m.ReviewPage })),
  },
  {
    path: 'revues/:id/oral',
    lazy: () => import('./features/coaching/oral-page').then((m) => ({ Component: m.OralPrepPage })),
  },
  {
    path: 'notifications',
    lazy: () =>
      import('./features/notifications/notifications-page').then((m) => ({ Component: m.NotificationsPage })),
  },
  {
    path: 'compte',
    lazy: () => import('./features/auth/account-page').then((m) => ({ Component: m.AccountPage })),
  },
  {
    path: 'admin',
    lazy: () => import('./features/admin/admin-page').then((m) => ({ Component: m.AdminPage })),
  },
  {
    path: 'formateur',
    lazy: () => import('./features/trainer/queue-page').then((m) => ({ Component: m.TrainerQueuePage })),
  },
  {
    path: 'formateur/revues/:id',
    lazy: () => import('./features/trainer/review-page').then((m) => ({ Component: m.TrainerReviewPage })),
  },
  {
    path: 'formateur/promotion',
    lazy: () => import('./features/trainer/cohort-page').then((m) => ({ Component: m.CohortPage })),
  },
  {
    // The exam team's calibration workspace (each page also checks the role).
    path: 'calibration',
    children: [
      {
        index: true,
        lazy: () =>
          import('./features/calibration/calibration-page').then((m) => ({ Component: m.CalibrationPage })),
      },
      {
        path: 'jeux/:id',
        lazy: () =>
          import('./features/calibration/set-page').then((m) => ({ Component: m.CalibrationSetPage })),
      },
      {
        path: 'analyses/:id',
        lazy: () =>
          import('./features/calibration/run-page').then((m) => ({ Component: m.CalibrationRunPage })),
      },
      {
        path: 'comparaison',
        lazy: () =>
          import('./features/calibration/compare-page').then((m) => ({
            Component: m.CalibrationComparePage,
          })),
      },
      {
        path: 'grilles/:examId',
        lazy: () =>
          import('./features/calibration/rubrics-page').then((m) => ({ Component: m.RubricVersionsPage })),
      },
      {
        path: 'grilles/:examId/nouvelle',
        lazy: () =>
          import('./features/calibration/rubric-editor-page').then((m) => ({
            Component: m.RubricEditorPage,
          })),
      },
      {
        path: 'grilles/:examId/:version',
        lazy: () =>
          import('./features/calibration/rubric-view-page').then((m) => ({ Component: m.RubricViewPage })),
      },
      {
        path: 'grilles/:examId/:version/modifier',
        lazy: () =>
          import('./features/calibration/rubric-editor-page').then((m) => ({
            Component: m.RubricEditorPage,
          })),
      },
    ],
  },
];

// Pages with charts (Recharts) load on demand, so the home page does not wait for them.
export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    errorElement: <RouteError />,
    // Shown while a lazy page loads on a first visit straight to its URL.
    hydrateFallbackElement: <PageLoading />,
    children: [
      { index: true, element: <RoleHome /> },
      { path: 'connexion', element: <SignInPage /> },
      {
        path: 'connexion/sso',
        lazy: () => import('./features/auth/sso-refused-page').then((m) => ({ Component: m.SsoRefusedPage })),
      },
      {
        path: 'mot-de-passe-oublie',
        lazy: () =>
          import('./features/auth/password-pages').then((m) => ({ Component: m.ForgotPasswordPage })),
      },
      {
        path: 'reinitialiser',
        lazy: () =>
          import('./features/auth/password-pages').then((m) => ({ Component: m.ResetPasswordPage })),
      },
      {
        // The invitation link an admin sends: the person chooses their own password.
        path: 'bienvenue',
        lazy: () => import('./features/auth/password-pages').then((m) => ({ Component: m.InvitationPage })),
      },
      // The referential and the exam briefs are public reference material.
      {
        path: 'referentiel',
        lazy: () =>
          import('./features/referential/referential-page').then((m) => ({ Component: m.ReferentialPage })),
      },
      {
        path: 'epreuves/:id',
        lazy: () => import('./features/referential/exam-page').then((m) => ({ Component: m.ExamPage })),
      },
      {
        path: 'epreuves/:id/fiche',
        lazy: () => import('./features/coaching/brief-page').then((m) => ({ Component: m.ExamBriefPage })),
      },
      {
        element: (
          <RequireAuth>
            <Outlet />
          </RequireAuth>
        ),
        children: signedIn,
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
