/** Column types the table files share: raw bytes, pgvector, full-text vectors, `created_at`. */
import { customType, timestamp } from 'drizzle-orm/pg-core';

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

export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
