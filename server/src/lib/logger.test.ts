import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { databaseForTests } from '../testing/for-tests';
import { createLogger } from './logger';

const database = databaseForTests();

describe('logs of failed queries', () => {
  it('keep the SQL and the error, never the parameters (dossier text, e-mails)', async () => {
    const secret = 'Extrait confidentiel du dossier de Camille';
    const failure = await database.db.execute(sql`select ${secret}::int as n`).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(Error);
    // The driver's error does carry the values: this is what must not reach the log.
    expect(JSON.stringify(failure, Object.getOwnPropertyNames(failure)) + String(failure)).toContain(secret);

    const lines: string[] = [];
    const logger = createLogger({ logLevel: 'info' }, { write: (line: string) => lines.push(line) });
    logger.error({ reqId: 'r1', err: failure }, 'unhandled error');
    logger.error({ error: failure, query: { q: secret }, body: { message: secret } }, 'other shape');
    const logged = lines.join('');
    expect(logged).not.toContain(secret);
    expect(logged).toContain('Failed query');
    expect(logged).toContain('invalid input syntax for type integer');
  });
});
