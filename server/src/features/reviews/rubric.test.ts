import { describe, expect, it } from 'vitest';
import { getExam, listExams } from '../referential';
import {
  criterionObject,
  DEFAULT_SCALE,
  defaultRubric,
  genericDescriptors,
  handWrittenDescriptors,
  type Rubric,
  RubricSchema,
  rubricHash,
  rubricProblems,
} from './rubric';
import { LEVELS } from './schemas';

describe('defaultRubric', () => {
  it('builds a valid v1 for every exam, with its criteria, equal weights and the DESIGN.md scale', () => {
    for (const exam of listExams()) {
      const rubric = defaultRubric(exam.id);
      expect(RubricSchema.parse(rubric)).toEqual(rubric);
      expect(rubric.version).toBe('v1');
      expect(rubric.examId).toBe(exam.id);
      expect(rubric.criteria.map((criterion) => criterion.id)).toEqual(
        exam.criteria.map((criterion) => criterion.id),
      );
      expect(rubric.criteria.map((criterion) => criterion.text)).toEqual(
        exam.criteria.map((criterion) => criterion.text),
      );
      for (const criterion of rubric.criteria) {
        expect(criterion.weight).toBe(1);
        expect(criterion.anchors).toEqual([]);
      }
      expect(rubricProblems(rubric, exam)).toEqual([]);
    }
  });

  it('has the five levels of the scale in order, labelled in French', () => {
    expect(
      defaultRubric('b3-prospection').scale.map(({ score, level, label }) => [score, level, label]),
    ).toEqual([
      [0, 'absent', 'Absent'],
      [1, 'insuffisant', 'Insuffisant'],
      [2, 'partiel', 'Partiel'],
      [3, 'satisfaisant', 'Satisfaisant'],
      [4, 'excellent', 'Excellent'],
    ]);
  });

  it('uses hand-written descriptors for every criterion of the two B1 exams, one set per criterion', () => {
    for (const examId of ['b1-diagnostics-strategiques', 'b1-audit-rse']) {
      const exam = getExam(examId);
      expect(exam).toBeDefined();
      const sets = (exam?.criteria ?? []).map((criterion) => {
        const descriptors = handWrittenDescriptors(examId, criterion.text);
        expect(descriptors, `${examId} ${criterion.id}`).not.toBeNull();
        return JSON.stringify(descriptors);
      });
      expect(new Set(sets).size, `${examId}: two criteria matched the same descriptors`).toBe(sets.length);
    }
  });

  it('describes the veille criterion from « aucune source » to « sources recoupées »', () => {
    const k1 = defaultRubric('b1-diagnostics-strategiques').criteria.find((criterion) =>
      criterion.text.startsWith('La méthodologie de veille'),
    );
    expect(k1?.descriptors[0]).toBe('Aucune méthodologie de veille ni source citée.');
    expect(k1?.descriptors[4]).toMatch(
      /^Méthodologie de veille outillée et justifiée.*sources nombreuses, datées et fiables, recoupées/,
    );
  });

  it('throws on an unknown exam', () => {
    expect(() => defaultRubric('b9-inconnu')).toThrow(/inconnue/);
  });
});

describe('generic descriptors', () => {
  it('name the criterion’s object and keep its wording for the upper levels', () => {
    const text = 'Les risques du lancement sont anticipés et des préconisations de solutions formulées';
    const descriptors = genericDescriptors(text);
    expect(descriptors[0]).toBe('Rien dans le dossier ne traite de ce point : les risques du lancement.');
    expect(descriptors[1]).toMatch(/^Ce point \(les risques du lancement\) est seulement évoqué/);
    expect(descriptors[3]).toContain(`« ${text} » est rempli`);
    expect(descriptors[4]).toMatch(/chiffrée, sourcée et datée/);
  });

  it('fall back to the whole criterion when its subject is the candidate', () => {
    expect(criterionObject('Le candidat est capable de montrer des connaissances')).toBeNull();
    expect(genericDescriptors('Le candidat est capable de montrer des connaissances')[0]).toBe(
      'Rien dans le dossier ne répond au critère « Le candidat est capable de montrer des connaissances ».',
    );
  });

  it('keep acronyms and strip a trailing comma from the object', () => {
    expect(criterionObject('KPI et tableaux de bord sont analysés')).toBe('KPI et tableaux de bord');
    expect(
      criterionObject('La crédibilité du projet présenté, permet à des investisseurs de s’engager'),
    ).toBe('la crédibilité du projet présenté');
  });
});

describe('RubricSchema', () => {
  const valid = (): Rubric => structuredClone(defaultRubric('b1-audit-rse'));

  it('rejects duplicate criteria, a scale out of order, a zero weight and a missing descriptor', () => {
    const duplicate = valid();
    duplicate.criteria[1].id = duplicate.criteria[0].id;
    expect(RubricSchema.safeParse(duplicate).success).toBe(false);

    const scale = valid();
    scale.scale = [...scale.scale].reverse();
    expect(RubricSchema.safeParse(scale).success).toBe(false);

    const weight = valid();
    weight.criteria[0].weight = 0;
    expect(RubricSchema.safeParse(weight).success).toBe(false);

    const descriptor = valid() as unknown as { criteria: { descriptors: Record<string, string> }[] };
    delete descriptor.criteria[0].descriptors['4'];
    expect(RubricSchema.safeParse(descriptor).success).toBe(false);

    const version = valid();
    version.version = '1';
    expect(RubricSchema.safeParse(version).success).toBe(false);
  });

  it('accepts an edited version with weights and anchors', () => {
    const edited = valid();
    edited.version = 'v2';
    edited.criteria[0].weight = 2;
    edited.criteria[0].anchors = [
      { score: 3, excerpt: 'Objectif : réduire de 20 % les émissions du transport d’ici 2026.' },
    ];
    expect(RubricSchema.parse(edited)).toEqual(edited);
  });

  it('matches the DESIGN.md levels', () => {
    expect(DEFAULT_SCALE.map((entry) => entry.level)).toEqual([...LEVELS]);
  });
});

describe('rubricProblems', () => {
  it('reports a rubric of another exam, a missing and an unknown criterion', () => {
    const exam = getExam('b1-audit-rse');
    if (!exam) throw new Error('missing exam');
    const rubric = structuredClone(defaultRubric('b1-audit-rse'));
    rubric.criteria = rubric.criteria.slice(1);
    rubric.criteria.push({ ...rubric.criteria[0], id: 'K99' });
    expect(rubricProblems(rubric, exam)).toEqual([
      'critère absent de la grille : K1',
      "critère inconnu de l'épreuve : K99",
    ]);
    expect(rubricProblems(defaultRubric('b3-prospection'), exam)[0]).toMatch(/vise l'épreuve b3-prospection/);
  });
});

describe('rubricHash', () => {
  it('is stable across builds and key order, and changes with the content', () => {
    const a = defaultRubric('b1-diagnostics-strategiques');
    const b = defaultRubric('b1-diagnostics-strategiques');
    expect(rubricHash(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(rubricHash(b)).toBe(rubricHash(a));

    const reordered = JSON.parse(
      JSON.stringify({ criteria: a.criteria, scale: a.scale, examId: a.examId, version: a.version }),
    ) as Rubric;
    expect(rubricHash(reordered)).toBe(rubricHash(a));

    const changed = structuredClone(a);
    changed.criteria[0].descriptors[2] = 'Autre descripteur.';
    expect(rubricHash(changed)).not.toBe(rubricHash(a));
    expect(rubricHash(defaultRubric('b1-audit-rse'))).not.toBe(rubricHash(a));
  });
});
