import { describe, expect, it } from 'vitest';
import { redactPii } from './redact';

describe('redactPii', () => {
  it('masks e-mail addresses and French and international phone numbers', () => {
    const r = redactPii(
      'Contact : marie.dupont@exemple.fr, tél. 06 12 34 56 78 ou +33 1 45 67 89 10, standard 01.23.45.67.89.',
    );
    expect(r).toEqual({
      text: 'Contact : [e-mail masqué], tél. [téléphone masqué] ou [téléphone masqué], standard [téléphone masqué].',
      emails: 1,
      phones: 3,
    });
  });

  it('leaves figures that are not phone numbers alone', () => {
    const text = 'Le CA 2024 atteint 12 500 000 €, soit +12,5 % ; 3 200 clients ; SIRET non communiqué.';
    expect(redactPii(text)).toEqual({ text, emails: 0, phones: 0 });
  });
});
