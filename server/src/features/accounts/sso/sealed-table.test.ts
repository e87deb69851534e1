import { describe, expect, it } from 'vitest';
import { sealer } from './sealed-table';

describe('the sealing of SSO settings at rest', () => {
  it('round-trips, never shows the plain text, and differs at every write', () => {
    const { seal, open } = sealer('un-secret-de-test-un-secret-de-test');
    const plain = JSON.stringify({ clientSecret: 'très-secret', clientId: 'c' });
    const a = seal(plain);
    const b = seal(plain);
    expect(a).not.toBe(b);
    expect(a).not.toContain('très-secret');
    expect(open(a)).toBe(plain);
    expect(open(b)).toBe(plain);
  });

  it('refuses a value sealed with another secret or altered, and reads a value stored before sealing', () => {
    const sealed = sealer('premier-secret-premier-secret-0000').seal('{"clientSecret":"x"}');
    expect(() => sealer('autre-secret-autre-secret-autre-0000').open(sealed)).toThrow();
    const { open } = sealer('premier-secret-premier-secret-0000');
    const altered = `${sealed.slice(0, -4)}AAAA`;
    expect(() => open(altered)).toThrow();
    expect(open('{"clientSecret":"ancien"}')).toBe('{"clientSecret":"ancien"}');
  });
});
