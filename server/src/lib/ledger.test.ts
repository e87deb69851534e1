import { describe, expect, it } from 'vitest';
import { databaseForTests } from '../testing/for-tests';
import { createUsageLedger, signInSubject } from './ledger';

const database = databaseForTests();

describe('the usage ledger', () => {
  it('refuses the unit past the hourly allowance, counts only the last hour, and is pruned only by age', async () => {
    const ledger = createUsageLedger(database);
    await ledger.spend('coach', 'u1', 2, 'trop');
    await ledger.spend('coach', 'u1', 2, 'trop');
    await expect(ledger.spend('coach', 'u1', 2, 'trop')).rejects.toMatchObject({
      status: 429,
      code: 'rate_limited',
    });
    // Concurrent requests cannot both take the last unit.
    const results = await Promise.allSettled([1, 2, 3].map(() => ledger.spend('review', 'u2', 1, 'trop')));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    // Two hours later the allowance is back, and the old rows are still there until a day has passed.
    await database.query("update usage_events set at = at - interval '2 hours'");
    await ledger.spend('coach', 'u1', 2, 'trop');
    await ledger.prune();
    expect((await database.query<{ n: number }>('select count(*)::int as n from usage_events'))[0].n).toBe(4);
    await database.query("update usage_events set at = at - interval '1 day'");
    await ledger.spend('coach', 'u1', 2, 'trop');
    await ledger.prune();
    expect((await database.query<{ n: number }>('select count(*)::int as n from usage_events'))[0].n).toBe(1);
  });

  it('keys sign-in attempts on a hash of the normalised e-mail, never the address', () => {
    expect(signInSubject(' Candidate@Demo.prejury.fr ')).toBe(signInSubject('candidate@demo.prejury.fr'));
    expect(signInSubject('candidate@demo.prejury.fr')).toMatch(/^[0-9a-f]{64}$/);
  });
});
