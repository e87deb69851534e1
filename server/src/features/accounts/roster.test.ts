import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseRoster } from './roster';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('parseRoster', () => {
  it('reads French headers in any order and case, any delimiter, quoted fields and a BOM', () => {
    const text =
      '\ufeffPromotion;Rôle;E-mail;Nom\r\n"Promo ""A""";Candidate;Anne@Ecole.example;"Martin, Anne"\r\n\r\nPromo B;Équipe examen;b@e.example;Bruno\r\n';
    expect(parseRoster(bytes(text))).toEqual({
      rows: [
        {
          line: 2,
          name: 'Martin, Anne',
          email: 'anne@ecole.example',
          role: 'candidate',
          cohort: 'Promo "A"',
        },
        { line: 4, name: 'Bruno', email: 'b@e.example', role: 'examteam', cohort: 'Promo B' },
      ],
      errors: [],
    });
    const tabs = parseRoster(bytes('nom\temail\trole\tpromotion\nCléo\tc@e.example\tformatrice\t\n'));
    expect(tabs.rows).toEqual([{ line: 2, name: 'Cléo', email: 'c@e.example', role: 'trainer', cohort: '' }]);
  });

  it("reads Excel's Windows-1252 bytes", () => {
    const file = iconv.encode(
      'nom;email;role;promotion\r\nHélène Dupré;h@e.example;candidat;Année 1\r\n',
      'win1252',
    );
    expect(parseRoster(new Uint8Array(file)).rows[0]).toMatchObject({
      name: 'Hélène Dupré',
      cohort: 'Année 1',
    });
  });

  it('reports every bad row by its line, with all its problems, in French', () => {
    const text = [
      'nom,email,role,promotion',
      'A,a@e.example,candidat,P',
      ',pas-une-adresse,stagiaire,P',
      'C,A@E.EXAMPLE,candidat,',
      '"D, avec\nretour",d@e.example,admin,',
      'E,e@e.example,admin,',
    ].join('\n');
    expect(parseRoster(bytes(text))).toEqual({
      rows: [
        { line: 2, name: 'A', email: 'a@e.example', role: 'candidate', cohort: 'P' },
        { line: 7, name: 'E', email: 'e@e.example', role: 'admin', cohort: '' },
      ],
      errors: [
        {
          line: 3,
          message:
            'nom manquant ; adresse e-mail invalide : « pas-une-adresse » ; rôle inconnu : « stagiaire » (candidat, formateur, équipe examen ou admin).',
        },
        { line: 4, message: 'adresse déjà présente ligne 2 ; promotion manquante pour un candidat.' },
        // A name with a line break inside its quotes: reported on the line the record starts on.
        { line: 5, message: 'nom invalide (caractères interdits ou trop long).' },
      ],
    });
  });

  it('refuses a file without the four columns, an empty one, and an unclosed quote', () => {
    expect(parseRoster(bytes('nom,email\nA,a@e.example\n')).errors).toEqual([
      {
        line: 1,
        message: 'colonne(s) manquante(s) : role, promotion. En-tête attendu : nom,email,role,promotion.',
      },
    ]);
    expect(parseRoster(bytes('')).errors).toEqual([{ line: 1, message: 'le fichier est vide.' }]);
    expect(
      parseRoster(bytes('nom,email,role,promotion\n"A,a@e.example,candidat,P\n')).errors[0].message,
    ).toContain('guillemet');
  });
});
