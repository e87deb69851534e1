import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, ScrollRestoration, useNavigate, useRouteError } from 'react-router';
import { useDocumentTitle } from './components/document-title';
import { LanguageSwitch } from './components/language-switch';
import { ErrorState, Loading } from './components/states';
import { useMe, useSignOut } from './features/auth/session';
import { useNotifications } from './features/notifications/queries';
import type { Role } from './lib/api';

interface NavItem {
  to: string;
  label: string;
  short?: string;
  end?: boolean;
}

/** The navigation each role needs, in the order they use it. */
function navItems(role: Role | null, t: (key: string) => string): NavItem[] {
  const referential = { to: '/referentiel', label: t('nav.referential') };
  switch (role) {
    case 'candidate':
      return [
        { to: '/', label: t('nav.home'), short: t('nav.homeShort'), end: true },
        { to: '/dossiers', label: t('nav.dossiers') },
        referential,
      ];
    case 'trainer':
      return [
        { to: '/formateur', label: t('nav.trainerQueue'), end: true },
        { to: '/formateur/promotion', label: t('nav.cohort') },
        referential,
      ];
    case 'examteam':
      return [
        { to: '/calibration', label: t('nav.calibration') },
        { to: '/dossiers', label: t('nav.allDossiers') },
        referential,
      ];
    case 'admin':
      return [
        { to: '/admin', label: t('nav.admin') },
        { to: '/calibration', label: t('nav.calibration') },
        { to: '/dossiers', label: t('nav.allDossiers') },
        referential,
      ];
    default:
      return [referential];
  }
}

function MainNav() {
  const { t } = useTranslation();
  const me = useMe();
  const items = navItems(me.data?.role ?? null, t);
  return (
    <nav aria-label={t('nav.label')} className="main-nav">
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end}>
              {item.short ? (
                <>
                  <span className="nav-long">{item.label}</span>
                  <span className="nav-short">{item.short}</span>
                </>
              ) : (
                item.label
              )}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Who is signed in, with « Mon compte » and « Se déconnecter »; a sign-in link otherwise. */
function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const signOut = useSignOut();
  const navigate = useNavigate();
  if (me.isPending) return null;
  if (!me.data) {
    return (
      <Link className="button button-small button-secondary" to="/connexion">
        {t('auth.signIn')}
      </Link>
    );
  }
  return (
    <div className="user-menu">
      <NotificationLink />
      <Link to="/compte" className="user-name" title={t('account.title')}>
        <span className="visually-hidden">{t('auth.signedInAs')} </span>
        {me.data.name}
        <span className="user-role"> · {t(`roles.${me.data.role}`)}</span>
      </Link>
      <button
        type="button"
        className="button button-small button-secondary"
        onClick={() => signOut.mutate({}, { onSettled: () => void navigate('/connexion') })}
      >
        {t('auth.signOut')}
      </button>
    </div>
  );
}

/** « Notifications », with the number of unread ones as a badge (its text is part of the link's name). */
function NotificationLink() {
  const { t } = useTranslation();
  const unread = useNotifications().data?.unread ?? 0;
  return (
    <Link to="/notifications" className="notification-link">
      {t('notifications.title')}
      {unread > 0 && (
        <span className="notification-badge">
          {unread}
          <span className="visually-hidden"> {t('notifications.unreadSuffix', { count: unread })}</span>
        </span>
      )}
    </Link>
  );
}

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
          <MainNav />
          <LanguageSwitch />
          <UserMenu />
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
