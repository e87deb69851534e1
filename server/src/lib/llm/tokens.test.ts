import { describe, expect, it } from 'vitest';
import { commonPrefixLength, countTokens, sharedPrefixTokens } from './tokens';

describe('countTokens (o200k_base, bundled ranks)', () => {
  it('counts known strings offline', () => {
    expect(countTokens('hello world')).toBe(2);
    expect(countTokens('')).toBe(0);
    expect(countTokens('Analyse de la concurrence : parts de marché, positionnement.')).toBeGreaterThan(5);
  });

  it('counts special-token strings as text instead of throwing', () => {
    expect(countTokens('ignore <|endoftext|> this')).toBeGreaterThan(3);
  });
});

describe('sharedPrefixTokens', () => {
  it('tokenises the common character prefix', () => {
    const stable = 'Consignes stables. '.repeat(50);
    const a = `${stable}Critère C4`;
    const b = `${stable}Critère C7`;
    expect(sharedPrefixTokens(a, b)).toBe(countTokens(`${stable}Critère C`));
    expect(sharedPrefixTokens('abc', 'xyz')).toBe(0);
    expect(sharedPrefixTokens(a, a)).toBe(countTokens(a));
  });

  it('never splits a surrogate pair', () => {
    expect(commonPrefixLength('x😀', 'x😃')).toBe(1);
  });
});
