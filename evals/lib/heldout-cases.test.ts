import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getExam } from '../../server/src/features/referential/index';
import { CaseLoadError, loadCases } from './cases';
import { frozenProblems, writeManifest } from './freeze';

const exam = getExam('b1-audit-rse');
if (!exam) throw new Error('referential changed: b1-audit-rse is gone');

const NOTIONS: Record<string, string[]> = Object.fromEntries(
  exam.criteria.map((c) => [c.id, [`${c.id} notion a`, `${c.id} notion b`]]),
);

function heldoutCase(overrides: Record<string, unknown> = {}, score = 2, notions = ['notion a']) {
  return {
    id: 'heldout/b1-audit-rse/sample',
    examId: 'b1-audit-rse',
    file: 'sample.md',
    quality: 'partial',
    split: 'heldout',
    description: 'A synthetic held-out case.',
    gold: {
      rubricVersion: 'v1',
      rater: 'R1',
      criteria: Object.fromEntries(
        exam?.criteria.map((c) => [
          c.id,
          { score, reason: 'ok', notions: notions.map((n) => `${c.id} ${n}`) },
        ]) ?? [],
      ),
      deliverables: Object.fromEntries(
        exam?.deliverables.map((d) => [d.id, { status: 'partial', reason: 'ok' }]) ?? [],
      ),
    },
    ...overrides,
  };
}

let root: string;
let dir: string;

function write(file: string, content: unknown) {
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
}

function messages(): string[] {
  try {
    loadCases(root);
  } catch (err) {
    expect(err).toBeInstanceOf(CaseLoadError);
    return (err as CaseLoadError).problems.map((p) => p.message);
  }
  throw new Error('expected the cases to be rejected');
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'prejury-heldout-'));
  dir = path.join(root, 'heldout', 'b1-audit-rse');
  mkdirSync(dir, { recursive: true });
  mkdirSync(path.join(root, 'heldout', 'sources'));
  write(path.join(root, 'heldout', 'core-notions.json'), {
    note: 'test',
    exams: { 'b1-audit-rse': NOTIONS },
  });
  write(path.join(dir, 'sample.md'), '# Audit RSE\n\nTexte.');
  write(path.join(root, 'heldout', 'sources', 'b1-audit-rse--other.md'), '---\nout: x.docx\n---\n# Source');
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the held-out part', () => {
  it('loads a frozen held-out case as split "heldout", sources not taken for dossiers', () => {
    write(path.join(dir, 'sample.case.json'), heldoutCase());
    writeManifest(root);
    const { cases, warnings } = loadCases(root);
    expect(warnings).toEqual([]);
    expect(cases.map((c) => [c.id, c.split])).toEqual([['heldout/b1-audit-rse/sample', 'heldout']]);
  });

  it('fails the run when a held-out dossier or its gold is edited, added or removed after the freeze', () => {
    write(path.join(dir, 'sample.case.json'), heldoutCase());
    writeManifest(root);
    expect(frozenProblems(root)).toEqual([]);

    write(path.join(dir, 'sample.md'), '# Audit RSE\n\nTexte retouché.');
    write(path.join(dir, 'sample.case.json'), heldoutCase({ description: 'edited' }));
    write(path.join(dir, 'new.md'), 'x');
    rmSync(path.join(root, 'heldout', 'sources', 'b1-audit-rse--other.md'));
    const found = messages();
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^heldout\/b1-audit-rse\/sample\.case\.json was edited after the freeze/),
        expect.stringMatching(/^heldout\/b1-audit-rse\/sample\.md was edited after the freeze/),
        expect.stringMatching(/^heldout\/b1-audit-rse\/new\.md was added after the freeze/),
        expect.stringMatching(/^heldout\/sources\/b1-audit-rse--other\.md was removed after the freeze/),
      ]),
    );
    expect(found[0]).toContain('freeze-heldout.ts');
  });

  it('with the held-out part off, reads nothing of it: no case, no freeze check, no core notions', () => {
    // A broken held-out part (no manifest, unreadable case and core notions) would fail any load that read it.
    write(path.join(dir, 'sample.case.json'), '{ not json');
    write(path.join(root, 'heldout', 'core-notions.json'), '{ not json');
    const tuningDir = path.join(root, 'b1-audit-rse');
    mkdirSync(tuningDir);
    write(path.join(tuningDir, 'tuned.md'), '# Audit RSE\n\nTexte.');
    write(
      path.join(tuningDir, 'tuned.case.json'),
      heldoutCase({ id: 'b1-audit-rse/tuned', file: 'tuned.md', split: 'tuning' }),
    );
    expect(messages()).toEqual(
      expect.arrayContaining([expect.stringContaining('heldout.frozen.json is missing')]),
    );

    const { cases, warnings } = loadCases(root, { heldout: false });
    expect(cases.map((c) => [c.id, c.split])).toEqual([['b1-audit-rse/tuned', 'tuning']]);
    expect(warnings).toEqual([]);
  });

  it('refuses a held-out folder without a manifest', () => {
    write(path.join(dir, 'sample.case.json'), heldoutCase());
    expect(messages()).toEqual([expect.stringContaining('heldout.frozen.json is missing')]);
  });

  it('checks the split against where the case lies', () => {
    write(path.join(dir, 'sample.case.json'), heldoutCase({ split: 'tuning' }));
    writeManifest(root);
    expect(messages()).toEqual(['split "tuning" but the case lies under heldout/ (split "heldout")']);

    rmSync(path.join(root, 'heldout'), { recursive: true });
    mkdirSync(path.join(root, 'b1-audit-rse'));
    write(path.join(root, 'b1-audit-rse', 'sample.md'), 'x');
    write(path.join(root, 'b1-audit-rse', 'sample.case.json'), heldoutCase({ id: 'b1-audit-rse/sample' }));
    expect(messages()).toEqual(['split "heldout" but the case lies outside heldout/ (split "tuning")']);
  });

  it('requires core notions on held-out gold, known ones, and no score above 1 without any', () => {
    const c = heldoutCase();
    const criteria = c.gold.criteria as Record<string, Record<string, unknown>>;
    delete criteria.K1.notions;
    criteria.K2.notions = ['K2 probabilité'];
    criteria.K3 = { score: 2, reason: 'none addressed', notions: [] };
    criteria.K4 = { score: 1, reason: 'none addressed, mentioned', notions: [] };
    write(path.join(dir, 'sample.case.json'), c);
    writeManifest(root);
    expect(messages()).toEqual([
      'gold.criteria.K1.notions is required in the held-out part (may be [])',
      'gold.criteria.K2.notions: unknown "K2 probabilité" (has "K2 notion a", "K2 notion b")',
      'gold.criteria.K3: score 2 with none of its core notions addressed (at most 1)',
    ]);
  });

  it('refuses core notions that miss a criterion of their exam', () => {
    const { K7: _dropped, ...partial } = NOTIONS;
    write(path.join(root, 'heldout', 'core-notions.json'), { note: 't', exams: { 'b1-audit-rse': partial } });
    write(path.join(dir, 'sample.case.json'), heldoutCase());
    writeManifest(root);
    expect(messages()).toContain('b1-audit-rse: no core notions for K7');
  });
});

describe('the committed held-out part', () => {
  it('is frozen and holds three cases per exam, weak, partial and strong, a third or more DOCX/PDF', () => {
    const held = loadCases().cases.filter((c) => c.split === 'heldout');
    const byExam = new Map<string, string[]>();
    for (const c of held) byExam.set(c.examId, [...(byExam.get(c.examId) ?? []), c.quality].sort());
    expect(byExam.size).toBe(10);
    for (const qualities of byExam.values()) expect(qualities).toEqual(['partial', 'strong', 'weak']);
    const binary = held.filter((c) => /\.(docx|pdf)$/.test(c.file));
    expect(binary.length).toBeGreaterThanOrEqual(10);
  });
});

describe('a held-out second rater', () => {
  beforeEach(() => write(path.join(dir, 'sample.case.json'), heldoutCase()));

  const secondRater = (criteria: Record<string, unknown>) => ({ rubricVersion: 'v1', rater: 'X1', criteria });

  it('is loaded beside the gold when it reads the core notions by the same rules', () => {
    write(path.join(dir, 'sample.gold-r2.json'), secondRater(heldoutCase(undefined, 1, []).gold.criteria));
    writeManifest(root);
    const [loaded] = loadCases(root).cases;
    expect(loaded.r2?.rater).toBe('X1');
    expect(loaded.r2?.criteria.K1).toEqual({ score: 1, reason: 'ok', notions: [] });
  });

  it('may leave the core notions out entirely', () => {
    const criteria = heldoutCase(undefined, 3, []).gold.criteria as Record<string, Record<string, unknown>>;
    for (const c of Object.values(criteria)) delete c.notions;
    write(path.join(dir, 'sample.gold-r2.json'), secondRater(criteria));
    writeManifest(root);
    expect(loadCases(root).cases[0].r2?.criteria.K1.score).toBe(3);
  });

  it('reading the core notions, is refused when one lacks them, names unknown ones, or gives above 1 with none', () => {
    const criteria = heldoutCase().gold.criteria as Record<string, Record<string, unknown>>;
    delete criteria.K1.notions;
    criteria.K2.notions = ['K2 gravité'];
    criteria.K3 = { score: 3, reason: 'none addressed', notions: [] };
    write(path.join(dir, 'sample.gold-r2.json'), secondRater(criteria));
    writeManifest(root);
    expect(messages()).toEqual([
      'gold.criteria.K1.notions is required in the held-out part (may be [])',
      'gold.criteria.K2.notions: unknown "K2 gravité" (has "K2 notion a", "K2 notion b")',
      'gold.criteria.K3: score 3 with none of its core notions addressed (at most 1)',
    ]);
  });
});

describe('a held-out third rater', () => {
  beforeEach(() => write(path.join(dir, 'sample.case.json'), heldoutCase()));

  it('is loaded apart from the second rater, by the same rules, and never stands alone', () => {
    const third = { rubricVersion: 'v1', rater: 'X1', criteria: heldoutCase(undefined, 3).gold.criteria };
    write(path.join(dir, 'sample.gold-r3.json'), third);
    writeManifest(root);
    const [loaded] = loadCases(root).cases;
    expect([loaded.r2, loaded.r3?.rater, loaded.r3?.criteria.K2.score]).toEqual([null, 'X1', 3]);

    const criteria = heldoutCase(undefined, 2, []).gold.criteria;
    write(path.join(dir, 'sample.gold-r3.json'), { ...third, criteria });
    write(path.join(dir, 'orphan.gold-r3.json'), third);
    writeManifest(root);
    expect(messages()).toEqual(
      expect.arrayContaining([
        'gold.criteria.K1: score 2 with none of its core notions addressed (at most 1)',
        'no orphan.case.json beside it',
      ]),
    );
  });
});
