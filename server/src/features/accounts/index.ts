/**
 * The accounts feature's front door: other features import only this file. Who the actor is, what they
 * may see (`visibleDossiers`), the route guard and the audit log.
 */
export { visibleDossiers } from './access';
export { audit } from './audit';
export { authRoutes } from './auth-routes';
export { accessPolicy, csrfGuard, requireActor } from './policy';
export { adminRoutes, meRoutes } from './routes';
export type { AccountService } from './service';
export { ssoAdminRoutes, ssoAuthRoutes } from './sso';
