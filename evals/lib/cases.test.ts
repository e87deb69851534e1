import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getExam } from '../../server/src/features/referential/index';
import { CaseLoadError, isInjectionCase, isStuffingCase, loadCases } from './cases';

const exam = getExam('b1-audit-rse');
if (!exam) throw new Error('referential changed: b1-audit-rse is gone');

function validCase(overrides: Record<string, unknown> = {}, forExam = exam) {
  return {
    id: 'b1-audit-rse/sample',
    examId: 'b1-audit-rse',
    file: 'sample.md',
    quality: 'partial',
    description: 'A synthetic case.',
    tags: ['fr'],
    gold: {
      rubricVersion: 'v1',
      rater: 'R1',
      criteria: Object.fromEntries(forExam?.criteria.map((c) => [c.id, { score: 2, reason: 'ok' }]) ?? []),
      deliverables: Object.fromEntries(
        forExam?.deliverables.map((d) => [d.id, { status: 'partial', reason: 'ok' }]) ?? [],
      ),
    },
    expect: { notFlags: ['prompt_injection'], format: { language: true } },
    ...overrides,
  };
}

let root: string;
let dir: string;

function write(name: string, content: unknown) {
  writeFileSync(path.join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
}

function problems(): { file: string; message: string }[] {
  try {
    loadCases(root);
  } catch (err) {
    expect(err).toBeInstanceOf(CaseLoadError);
    return (err as CaseLoadError).problems;
  }
  throw new Error('expected the cases to be rejected');
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'prejury-cases-'));
  dir = path.join(root, 'b1-audit-rse');
  mkdirSync(dir);
  write('sample.md', '# Audit RSE\n\nTexte.');
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('loadCases', () => {
  it('loads a valid case with its defaults and its second rater', () => {
    write('sample.case.json', validCase());
    const r2 = validCase().gold as { criteria: Record<string, unknown> };
    write('sample.gold-r2.json', { rubricVersion: 'v1', rater: 'R2', criteria: r2.criteria });
    const { cases, warnings } = loadCases(root);
    expect(warnings).toEqual([]);
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({
      id: 'b1-audit-rse/sample',
      caseFile: path.join('b1-audit-rse', 'sample.case.json'),
      dossierPath: path.join(dir, 'sample.md'),
      expect: {
        flags: [],
        notFlags: ['prompt_injection'],
        format: { language: true },
        maxCriterionScore: {},
      },
    });
    expect(cases[0].r2?.rater).toBe('R2');
  });

  it('names the file of a case that is not JSON', () => {
    write('sample.case.json', '{ "id": ');
    expect(problems()).toEqual([
      {
        file: path.join('b1-audit-rse', 'sample.case.json'),
        message: expect.stringContaining('not valid JSON'),
      },
    ]);
  });

  it('names the file and the field of a malformed case', () => {
    write('sample.case.json', validCase({ quality: 'excellent', gold: { rater: 'R1' } }));
    const [problem] = problems();
    expect(problem.file).toBe(path.join('b1-audit-rse', 'sample.case.json'));
    expect(problem.message).toContain('quality');
    expect(problem.message).toContain('gold.criteria');
  });

  it('rejects gold criteria and deliverables that do not match the exam', () => {
    const c = validCase();
    const criteria: Record<string, unknown> = { ...c.gold.criteria, K99: { score: 1, reason: 'typo' } };
    delete criteria.K7;
    const deliverables: Record<string, unknown> = { ...c.gold.deliverables };
    delete deliverables.L5;
    write('sample.case.json', { ...c, gold: { ...c.gold, criteria, deliverables } });
    expect(problems().map((p) => p.message)).toEqual([
      'unknown gold criteria K99 (exam has K1, K2, K3, K4, K5, K6, K7)',
      'missing gold criteria K7',
      'missing gold deliverables L5',
    ]);
  });

  it('rejects an unknown exam, a missing dossier, an unknown flag and a misspelt expectation', () => {
    write('sample.case.json', validCase({ examId: 'b9-nope' }));
    expect(problems()[0].message).toBe('unknown examId "b9-nope"');

    write('sample.case.json', validCase({ file: 'other.md' }));
    expect(problems()[0].message).toBe('dossier file "other.md" not found beside the case');

    write('sample.case.json', validCase({ expect: { flags: ['prompt-injection'] } }));
    expect(problems()[0].message).toContain('expect.flags.0');

    write('sample.case.json', validCase({ expect: { notflags: ['hidden_text'] } }));
    expect(problems()[0].message).toContain('notflags');

    write('sample.case.json', validCase({ expect: { maxCriterionScore: { K12: 1 } } }));
    expect(problems()[0].message).toContain('unknown expect.maxCriterionScore criteria K12');
  });

  it('rejects an id that does not name the case file, and a second rater with wrong ids', () => {
    write('sample.case.json', validCase({ id: 'b1-audit-rse/other' }));
    expect(problems()[0].message).toBe('id "b1-audit-rse/other" must end with "/sample"');

    write('sample.case.json', validCase());
    write('sample.gold-r2.json', {
      rubricVersion: 'v1',
      rater: 'R2',
      criteria: { K1: { score: 2, reason: 'x' } },
    });
    const [problem] = problems();
    expect(problem.file).toBe(path.join('b1-audit-rse', 'sample.gold-r2.json'));
    expect(problem.message).toBe('missing gold criteria K2, K3, K4, K5, K6, K7');
  });

  it('reports every invalid file at once, and warns about dossiers without a case', () => {
    write('sample.case.json', validCase({ quality: 'great' }));
    write('other.case.json', validCase({ id: 'b1-audit-rse/other', file: 'missing.md' }));
    expect(problems().map((p) => p.file)).toEqual([
      path.join('b1-audit-rse', 'other.case.json'),
      path.join('b1-audit-rse', 'sample.case.json'),
    ]);
    rmSync(path.join(dir, 'sample.case.json'));
    rmSync(path.join(dir, 'other.case.json'));
    write('lonely.md', '# nothing');
    expect(loadCases(root).warnings).toEqual([
      `${path.join('b1-audit-rse', 'lonely.md')}: dossier without a .case.json, not evaluated`,
      `${path.join('b1-audit-rse', 'sample.md')}: dossier without a .case.json, not evaluated`,
    ]);
  });
});

describe('the committed cases', () => {
  it('all load and validate', () => {
    const { cases } = loadCases();
    expect(cases.length).toBeGreaterThan(0);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
  });
});

describe('case kinds', () => {
  it('recognises injection and stuffing cases by tag or expected flag', () => {
    const base = {
      tags: [] as string[],
      expect: { flags: [], notFlags: [], format: {}, maxCriterionScore: {} },
    };
    expect(isInjectionCase({ ...base, tags: ['prompt-injection'] })).toBe(true);
    expect(isInjectionCase({ ...base, expect: { ...base.expect, flags: ['prompt_injection'] } })).toBe(true);
    expect(isInjectionCase(base)).toBe(false);
    expect(isStuffingCase({ ...base, tags: ['keyword-stuffing'] })).toBe(true);
    expect(isStuffingCase({ ...base, expect: { ...base.expect, flags: ['keyword_stuffing'] } })).toBe(true);
    expect(isStuffingCase(base)).toBe(false);
  });
});

describe('rewriteOf', () => {
  function writeRewrite(rewriteOf: string, examDir = dir) {
    writeFileSync(path.join(examDir, 'again.md'), '# Audit RSE\n\nAutres mots.');
    writeFileSync(
      path.join(examDir, 'again.case.json'),
      JSON.stringify(validCase({ id: 'b1-audit-rse/again', file: 'again.md', rewriteOf })),
    );
  }

  it('loads a rewrite that names a tuning case of its exam', () => {
    write('sample.case.json', validCase());
    writeRewrite('b1-audit-rse/sample');
    const again = loadCases(root).cases.find((c) => c.id === 'b1-audit-rse/again');
    expect(again?.rewriteOf).toBe('b1-audit-rse/sample');
    expect(loadCases(root).cases.find((c) => c.id === 'b1-audit-rse/sample')?.rewriteOf).toBeUndefined();
  });

  it('rejects a rewrite of a case that does not exist, naming the file', () => {
    write('sample.case.json', validCase());
    writeRewrite('b1-audit-rse/strong');
    expect(problems()).toEqual([
      {
        file: path.join('b1-audit-rse', 'again.case.json'),
        message:
          'rewriteOf "b1-audit-rse/strong" names no loaded case: it must name a tuning case of exam b1-audit-rse',
      },
    ]);
  });

  it('rejects a rewrite of itself and of another exam’s case', () => {
    write('sample.case.json', validCase());
    writeRewrite('b1-audit-rse/again');
    expect(problems().map((p) => p.message)).toEqual([
      'rewriteOf "b1-audit-rse/again" is the case itself: it must name a tuning case of exam b1-audit-rse',
    ]);

    const other = path.join(root, 'b3-prospection');
    mkdirSync(other);
    writeFileSync(path.join(other, 'x.md'), '# Prospection\n\nTexte.');
    writeFileSync(
      path.join(other, 'x.case.json'),
      JSON.stringify(
        validCase(
          { id: 'b3-prospection/x', examId: 'b3-prospection', file: 'x.md' },
          getExam('b3-prospection'),
        ),
      ),
    );
    writeRewrite('b3-prospection/x');
    expect(problems().map((p) => p.message)).toEqual([
      'rewriteOf "b3-prospection/x" is a case of another exam (b3-prospection): it must name a tuning case of exam b1-audit-rse',
    ]);
  });

  it('every committed rewrite names a loaded tuning case of its exam', () => {
    const { cases } = loadCases(undefined, { heldout: false });
    const rewrites = cases.filter((c) => c.rewriteOf !== undefined);
    expect(rewrites.length).toBeGreaterThan(0);
    for (const c of rewrites) {
      const original = cases.find((o) => o.id === c.rewriteOf);
      expect(original?.examId).toBe(c.examId);
      expect(c.split).toBe('tuning');
    }
  });
});
