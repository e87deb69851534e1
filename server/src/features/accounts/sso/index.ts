export { membershipView, SSO_REFUSALS, type SsoRefusal, ssoPlugins } from './auth-plugin';
export { SSO_ERROR_PATH, ssoAdminRoutes, ssoAuthRoutes } from './routes';
export { createSsoService, providerIdOf, redirectUriOf, type SsoService } from './service';
