import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, ScrollRestoration, useRouteError } from 'react-router';
import { useDocumentTitle } from './components/document-title';
import { LanguageSwitch } from './components/language-switch';
import { ErrorState, Loading } from './components/states';

/** Header (brand, navigation, language), main content, footer. */
export function AppLayout() {
  return (
    <Shell>
      <Outlet />
    </Shell>
  );
}

function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="site-header">
        <div className="container header-inner">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true">
              P
            </span>
            <span className="brand-text">
              <span className="brand-name">Préjury</span>
              <span className="brand-tagline">{t('brand.tagline')}</span>
            </span>
          </Link>
          <nav aria-label={t('nav.label')} className="main-nav">
            <ul>
              <li>
                <NavLink to="/" end>
                  <span className="nav-long">{t('nav.home')}</span>
                  <span className="nav-short">{t('nav.homeShort')}</span>
                </NavLink>
              </li>
              <li>
                <NavLink to="/dossiers">{t('nav.dossiers')}</NavLink>
              </li>
              <li>
                <NavLink to="/referentiel">{t('nav.referential')}</NavLink>
              </li>
            </ul>
          </nav>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="container main">
        {children}
      </main>
      <footer className="site-footer">
        <div className="container footer-inner">
          <p className="footer-motto">{t('footer.motto')}</p>
          <p className="muted small">{t('footer.detail')}</p>
        </div>
      </footer>
      <ScrollRestoration />
    </>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return (
    <div className="page">
      <div className="state state-empty">
        <h1 className="state-title">{t('notFound.title')}</h1>
        <p>{t('notFound.body')}</p>
        <div className="state-action">
          <Link className="button button-primary" to="/">
            {t('notFound.home')}
          </Link>
        </div>
      </div>
    </div>
  );
}

/** Last-resort boundary for errors thrown while rendering a route. */
export function RouteError() {
  const error = useRouteError();
  return (
    <Shell>
      <ErrorState error={error} onRetry={() => window.location.reload()} />
    </Shell>
  );
}

export function PageLoading() {
  return (
    <Shell>
      <Loading />
    </Shell>
  );
}
