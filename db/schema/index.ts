/**
 * The one source of the database schema, split by feature area. drizzle-kit reads this barrel
 * (drizzle.config.ts); the rest of the code imports `db/schema`, never a file of this folder.
 */

export * from './accounts';
export * from './calibration';
export * from './dossiers';
export * from './reviews';
export * from './sso';
export * from './trainer';
