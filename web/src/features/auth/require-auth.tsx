import type { ComponentType, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { ErrorState, Loading } from '../../components/states';
import type { Me, Role } from '../../lib/api';
import { useMe } from './session';

/**
 * Renders `children` for a signed-in user whose role is allowed; sends others to the sign-in page
 * (coming back here afterwards). The server enforces the same rules: this only spares a dead end.
 */
export function RequireAuth({
  roles,
  children,
}: {
  roles?: Role[];
  children: ReactNode | ((me: Me) => ReactNode);
}) {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/connexion?suivant=${encodeURIComponent(next)}`} replace />;
  }
  if (roles && !roles.includes(me.data.role)) {
    return (
      <div className="page">
        <div className="state state-empty" role="alert">
          <p className="state-title">{t('auth.forbiddenTitle')}</p>
          <p>{t('auth.forbiddenBody')}</p>
        </div>
      </div>
    );
  }
  return <>{typeof children === 'function' ? children(me.data) : children}</>;
}

/**
 * A route's page that only `roles` may open: `Page` inside `RequireAuth`, so the page's own hooks (its
 * queries, its title) run only for them.
 */
export function forRoles(roles: Role[], Page: ComponentType): ComponentType {
  function RoleGate() {
    return (
      <RequireAuth roles={roles}>
        <Page />
      </RequireAuth>
    );
  }
  return RoleGate;
}

/** Where each role starts. */
export function homeFor(role: Role): string {
  switch (role) {
    case 'trainer':
      return '/formateur';
    case 'examteam':
      return '/calibration';
    case 'admin':
      return '/admin';
    default:
      return '/';
  }
}
