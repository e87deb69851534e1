/** Column types the table files share: raw bytes, pgvector, full-text vectors, ids, references, timestamps. */
import { type AnyPgColumn, customType, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Raw bytes (the original upload). Stored in the database so an upload is one transaction. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * A pgvector column without a fixed dimension: several embedding models may coexist, each row records
 * its model and dimension, and queries always filter on the model so vectors are never mixed.
 */
export const vector = customType<{ data: number[]; driverData: string }>({
  dataType: () => 'vector',
  toDriver: (v) => `[${v.join(',')}]`,
  fromDriver: (v) => JSON.parse(v) as number[],
});

/** PostgreSQL full-text vector, for a stored generated column. */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** A `timestamp with time zone` column, nullable unless chained with `.notNull()`. */
export const timestamptz = (name: string) => timestamp(name, { withTimezone: true });
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** `id`: a random UUID primary key. */
export const uuidPk = () => uuid().primaryKey().defaultRandom();

/** A required reference to a parent row (uuid key), deleted with it: `parentUuid('dossier_id', () => dossiers.id)`. */
export const parentUuid = (name: string, parent: () => AnyPgColumn) =>
  uuid(name).notNull().references(parent, { onDelete: 'cascade' });

/** A required reference to a parent row with a text key (users), deleted with it. */
export const parentText = (name: string, parent: () => AnyPgColumn) =>
  text(name).notNull().references(parent, { onDelete: 'cascade' });

/** An optional reference to a user (author, requester…) that is emptied when the user is deleted. */
export const userSetNull = (name: string, user: () => AnyPgColumn) =>
  text(name).references(user, { onDelete: 'set null' });
