/**
 * The accounts feature's front door: other features import only this file. Who the actor is, what they
 * may see (`visibleDossiers`), the route guard and the audit log.
 */
export { visibleDossiers } from './access';
export { audit } from './audit';
export { requireActor } from './policy';
export type { AccountService } from './service';
