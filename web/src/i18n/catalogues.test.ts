import { describe, expect, it } from 'vitest';
import en from './en.json';
import fr from './fr.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Record<string, string> {
  return Object.fromEntries(
    Object.entries(tree).flatMap(([key, value]) =>
      typeof value === 'string'
        ? [[`${prefix}${key}`, value]]
        : Object.entries(flatten(value, `${prefix}${key}.`)),
    ),
  );
}

const placeholders = (s: string) => [...s.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();

describe('translation catalogues', () => {
  const frKeys = flatten(fr);
  const enKeys = flatten(en);

  it('have the same keys in French and English', () => {
    expect(Object.keys(enKeys).sort()).toEqual(Object.keys(frKeys).sort());
  });

  it('have no empty string and the same placeholders in both languages', () => {
    for (const [key, value] of Object.entries(frKeys)) {
      expect(value.trim(), key).not.toBe('');
      expect(placeholders(enKeys[key] ?? ''), key).toEqual(placeholders(value));
    }
  });
});
