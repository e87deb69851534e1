import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  isLineEndHyphenation,
  isPageNumberLine,
  NEEDS_NORMALIZING,
  normalizeInline,
  normalizePages,
  stripRunningLines,
} from './normalize';

const pdfLayout = { stripRunningLines: true, joinLines: true };
const page = (n: number, text: string) => ({ page: n, text });

describe('an arrow at the start of a line', () => {
  it('is a bullet before words, the rest of a sentence before a figure', () => {
    const text = [
      'le nombre de comptes par jour (objectif 45',
      '→ 60), et le taux de réponse.',
      '→ Relancer les devis',
    ].join('\n');
    const [p] = normalizePages([page(1, text)], { ...pdfLayout, reflow: true });
    expect(p.text).toBe(
      'le nombre de comptes par jour (objectif 45 → 60), et le taux de réponse.\n- Relancer les devis',
    );
  });
});

describe('normalizeInline', () => {
  it('applies NFC, expands ligatures, drops soft hyphens and zero-width characters', () => {
    expect(normalizeInline('e\u0301tude ﬁnancière ﬂux eﬀet ﬃce ﬄe')).toBe(
      'étude financière flux effet ffice ffle',
    );
    expect(normalizeInline('déve\u00ADlop\u00ADpement\u200B')).toBe('développement');
  });

  it('turns every kind of space into one plain space, keeping French spacing readable', () => {
    expect(normalizeInline('Objectif\u202F: 12\u00A0%\t de marge  !')).toBe('Objectif : 12 % de marge !');
  });
});

describe('hyphenation at line ends', () => {
  it('joins a word split by hyphenation', () => {
    expect(isLineEndHyphenation('nous avons pu dévelop-', 'per la clientèle')).toBe(true);
  });

  it('keeps compounds and proper names', () => {
    expect(isLineEndHyphenation('il est peut-', 'être trop tôt')).toBe(false);
    expect(isLineEndHyphenation('le service après-', 'vente est')).toBe(false);
    expect(isLineEndHyphenation('je réalise moi-', 'même l’analyse')).toBe(false);
    expect(isLineEndHyphenation('Jean-', 'Pierre Martin')).toBe(false);
    expect(isLineEndHyphenation('que dira-t-', 'il ?')).toBe(false);
    expect(isLineEndHyphenation('un tiret -', 'puis la suite')).toBe(false);
  });

  it('rejoins a compound split at its hyphen without adding a space', () => {
    const [p] = normalizePages(
      [page(1, 'Le service après-\nvente est apprécié.\nIl est peut-\nêtre utile.')],
      pdfLayout,
    );
    expect(p.text).toBe('Le service après-vente est apprécié.\nIl est peut-être utile.');
  });
});

describe('page number lines', () => {
  it.each(['12', '- 12 -', '– 3 –', 'Page 12', 'page 3 sur 20', '12/20', '12 / 20', 'p. 12'])(
    '%s is a page number',
    (l) => expect(isPageNumberLine(l)).toBe(true),
  );
  it.each(['2023 en chiffres', '12 clients', 'Page de garde'])('%s is not', (l) =>
    expect(isPageNumberLine(l)).toBe(false),
  );
});

describe('normalizePages', () => {
  it('joins lines broken mid-sentence, keeps sentence ends, lists and tables on their own lines', () => {
    const text = [
      'Le marché des solutions de gestion',
      'progresse de 5 % par an.',
      'Nos objectifs :',
      '• Fidéliser les clients',
      '\uF0B7 Conquérir les PME',
      'Segment | CA',
      'PME | 2,4 M€',
    ].join('\n');
    const [p] = normalizePages([page(1, text)], pdfLayout);
    expect(p.text).toBe(
      [
        'Le marché des solutions de gestion progresse de 5 % par an.',
        'Nos objectifs :',
        '- Fidéliser les clients',
        '- Conquérir les PME',
        'Segment | CA',
        'PME | 2,4 M€',
      ].join('\n'),
    );
  });

  it('keeps paragraphs as blank-line separated blocks and drops extra blank lines', () => {
    const [p] = normalizePages(
      [page(1, '\n\nPremier paragraphe\nqui continue.\n\n\n\nSecond.\n\n')],
      pdfLayout,
    );
    expect(p.text).toBe('Premier paragraphe qui continue.\n\nSecond.');
  });

  it('does not join lines when the layout has no line wrapping (DOCX)', () => {
    const [p] = normalizePages([page(1, 'Ligne un\nligne deux')], {
      stripRunningLines: false,
      joinLines: false,
    });
    expect(p.text).toBe('Ligne un\nligne deux');
  });

  it('drops running headers and footers (digits ignored) and page numbers', () => {
    const pages = [1, 2, 3, 4].map((n) =>
      page(
        n,
        `Dossier RNCP – Camille Martin\nConfidentiel ${2024}\n\nContenu de la page ${n}.\n\n- ${n} -\nPage ${n} / 4`,
      ),
    );
    const out = normalizePages(pages, pdfLayout);
    expect(out.map((p) => p.text)).toEqual([1, 2, 3, 4].map((n) => `Contenu de la page ${n}.`));
  });

  it('drops a line at the edge of both pages of a two-page document, keeps lines under half the pages repeat', () => {
    expect(
      normalizePages([page(1, 'En-tête\n\nA.'), page(2, 'En-tête\n\nB.')], pdfLayout).map((p) => p.text),
    ).toEqual(['A.', 'B.']);
    expect(
      normalizePages([page(1, 'Titre\n\nA.'), page(2, 'Suite\n\nB.')], pdfLayout).map((p) => p.text),
    ).toEqual(['Titre\n\nA.', 'Suite\n\nB.']);
    const lines = stripRunningLines([['Titre', 'a'], ['Titre', 'b'], ['c'], ['d'], ['e'], ['f'], ['g']]);
    expect(lines[0]).toEqual(['Titre', 'a']);
  });

  it('never drops an annex heading as a running line', () => {
    const bodies = ['Organigramme.', 'Questionnaire.', 'Extraits.'];
    const pages = bodies.map((b, i) => page(i + 1, `Annexe ${i + 1}\n\n${b}\n\n${i + 1}`));
    expect(normalizePages(pages, pdfLayout).map((p) => p.text)).toEqual(
      bodies.map((b, i) => `Annexe ${i + 1}\n\n${b}`),
    );
  });
});

describe('hyphenation at the end of a long paragraph', () => {
  it('reads only the end of the text joined so far, whatever came before', () => {
    const long = `${'une phrase de la même longueur que les autres lignes,'.repeat(40)} nous avons pu dévelop-`;
    expect(isLineEndHyphenation(long, 'per la clientèle')).toBe(true);
    expect(isLineEndHyphenation(`${long.slice(0, -8)} peut-`, 'être trop tôt')).toBe(false);
    expect(isLineEndHyphenation(`${long.slice(0, -8)} dira-t-`, 'il ?')).toBe(false);
    // A « word » longer than the end that is read is still one word split at its hyphen.
    expect(isLineEndHyphenation(`${'a'.repeat(200)}-`, 'suite')).toBe(true);
    const lines = [
      'Nous avons pu',
      ...Array(30).fill('ajouter une ligne de plus au paragraphe'),
      'dévelop-',
      'per la clientèle.',
    ];
    expect(normalizePages([page(1, lines.join('\n'))], pdfLayout)[0].text).toBe(
      `Nous avons pu ${Array(30).fill('ajouter une ligne de plus au paragraphe').join(' ')} développer la clientèle.`,
    );
  });
});

describe('normalizeInline on a line with nothing to change', () => {
  /** The full clean-up, as `normalizeInline` does it when a line needs it. */
  const fullCleanUp = (text: string) =>
    text
      .normalize('NFC')
      .replace(
        /[ﬀﬁﬂﬃﬄﬅﬆ]/g,
        (c) => ({ ﬀ: 'ff', ﬁ: 'fi', ﬂ: 'fl', ﬃ: 'ffi', ﬄ: 'ffl', ﬅ: 'st', ﬆ: 'st' })[c] ?? c,
      )
      .replace(/\u00AD|\u200B|\u200C|\u200D|\u2060|\uFEFF/g, '')
      .replace(/[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
      .replace(/ {2,}/g, ' ')
      .trim();

  it('takes the shortcut only over characters NFC leaves alone, alone or in pairs, and no other space', () => {
    const kept: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      if (!NEEDS_NORMALIZING.test(char)) kept.push(char);
    }
    expect(kept.length).toBeGreaterThan(700);
    for (const a of kept) {
      expect(a.normalize('NFC')).toBe(a);
      expect(/\s/.test(a) && a !== ' ').toBe(false);
      expect(fullCleanUp(`x${a}x`)).toBe(`x${a}x`);
      for (const b of kept) if ((a + b).normalize('NFC') !== a + b) expect.fail(`${a}${b} composes`);
    }
  });

  it('gives what the full clean-up gives, on every line of the evals’ dossiers', () => {
    const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../../../evals');
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory()
          ? files(path.join(dir, e.name))
          : /\.(md|txt)$/.test(e.name)
            ? [path.join(dir, e.name)]
            : [],
      );
    let lines = 0;
    for (const file of files(root))
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        for (const variant of [line, ` ${line} `, `${line}  fin`, `${line}\u00a0:`]) {
          expect(normalizeInline(variant)).toBe(fullCleanUp(variant));
          lines++;
        }
      }
    expect(lines).toBeGreaterThan(10_000);
  });
});
