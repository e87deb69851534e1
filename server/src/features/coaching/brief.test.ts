import { describe, expect, it } from 'vitest';
import { getExam, listExams } from '../referential';
import { buildBrief, GENERIC_PITFALLS, modalitySentences, renderBriefMarkdown } from './brief';
import { METHODS, methodsForExam } from './methods';
import { ExamBriefSchema } from './schemas';

const exams = listExams();
const exam = (id: string) => {
  const found = getExam(id);
  if (!found) throw new Error(`unknown exam ${id}`);
  return found;
};
const methodIds = (id: string) => buildBrief(exam(id)).methods.map((m) => m.id);

describe('exam briefs: every exam', () => {
  it.each(exams.map((e) => [e.id, e] as const))('%s: a valid brief covering the whole exam', (_id, e) => {
    const brief = ExamBriefSchema.parse(buildBrief(e));
    expect(brief.examId).toBe(e.id);
    expect(brief.asked).toEqual(e.deliverables.map((d) => ({ id: d.id, text: d.text })));
    expect(brief.judged.map((c) => c.id)).toEqual(e.criteria.map((c) => c.id));
    for (const criterion of brief.judged) {
      expect(criterion.competencies.length).toBeGreaterThan(0);
      for (const competency of criterion.competencies) {
        expect(e.competencies).toContain(competency.id);
        expect(competency.text.length).toBeGreaterThan(10);
      }
    }

    // Every deliverable and every criterion appears in at least one part of the outline.
    const inOutline = (kind: 'deliverables' | 'criteria', id: string) =>
      brief.outline.some((part) => part[kind].includes(id));
    for (const d of e.deliverables) expect(inOutline('deliverables', d.id), `${e.id} ${d.id}`).toBe(true);
    for (const c of e.criteria) expect(inOutline('criteria', c.id), `${e.id} ${c.id}`).toBe(true);
    for (const part of brief.outline) {
      expect(part.title).not.toBe('');
      expect(part.guidance.length).toBeGreaterThan(40);
      expect(part.pages).toBeGreaterThan(0);
      for (const id of part.deliverables) expect(e.deliverables.map((d) => d.id)).toContain(id);
      for (const id of part.criteria) expect(e.criteria.map((c) => c.id)).toContain(id);
    }
    // The suggested page budget fits the exam's limit.
    const pages = brief.outline.reduce((n, part) => n + part.pages, 0);
    expect(pages).toBeLessThanOrEqual(e.modalities.pages);
    expect(pages).toBeGreaterThanOrEqual(e.modalities.pages - 1);

    // Methods: non-empty, each explained for this dossier, each serving something of this exam.
    expect(brief.methods.length).toBeGreaterThan(0);
    for (const method of brief.methods) {
      expect(method.explanation.length).toBeGreaterThan(150);
      expect(method.deliverables.length + method.criteria.length).toBeGreaterThan(0);
      for (const id of method.deliverables) expect(method.explanation).toContain(id);
    }

    expect(brief.pitfalls).toEqual(expect.arrayContaining([...GENERIC_PITFALLS]));
    expect(brief.pitfalls.length).toBeGreaterThan(GENERIC_PITFALLS.length);
  });

  it('is deterministic and built once per exam', () => {
    const first = buildBrief(exam('b1-audit-rse'));
    expect(buildBrief(exam('b1-audit-rse'))).toBe(first);
    expect(JSON.parse(JSON.stringify(first))).toEqual(first);
  });
});

describe('exam briefs: methods fit the exam', () => {
  it('selects the methods the referential calls for', () => {
    expect(methodIds('b1-diagnostics-strategiques')).toEqual(
      expect.arrayContaining(['pestel', 'porter', 'swot', 'veille', 'mendelow']),
    );
    expect(methodIds('b1-audit-rse')).toEqual(expect.arrayContaining(['esg-csrd', 'smart']));
    expect(methodIds('b2-strategie-commerciale')).toEqual(
      expect.arrayContaining(['mix-marketing', 'business-plan', 'persona']),
    );
    expect(methodIds('b3-prospection')).toEqual(expect.arrayContaining(['social-selling', 'tunnel-vente']));
    expect(methodIds('b4-negociation-complexe')).toEqual(
      expect.arrayContaining(['soncas-simac', 'closing', 'appel-offres', 'dimensions-culturelles']),
    );
    expect(methodIds('b5-pilotage-performance')).toEqual(
      expect.arrayContaining(['kpi-tableau-de-bord', 'calcul-couts']),
    );
    expect(methodIds('b6-entrepreneuriat')).toEqual(
      expect.arrayContaining(['business-plan', 'business-model-canvas']),
    );
    expect(methodIds('b6-management-interculturel')).toEqual(
      expect.arrayContaining(['dimensions-culturelles', 'star']),
    );
  });

  it('keeps methods where they do not belong out', () => {
    expect(methodIds('b1-audit-rse')).not.toContain('soncas-simac');
    expect(methodIds('b4-negociation-complexe')).not.toContain('pestel');
    expect(methodIds('b6-management-interculturel')).not.toContain('esg-csrd');
    expect(methodIds('b1-diagnostics-strategiques')).not.toContain('closing');
  });

  it('explains a method for this dossier: its deliverables, criteria and curated tip', () => {
    const soncas = buildBrief(exam('b4-negociation-complexe')).methods.find((m) => m.id === 'soncas-simac');
    expect(soncas?.explanation).toContain('Sécurité, Orgueil, Nouveauté, Confort, Argent, Sympathie');
    expect(soncas?.explanation).toContain('L3');
    expect(soncas?.explanation).toContain('plan de découverte');
    const esg = buildBrief(exam('b1-audit-rse')).methods.find((m) => m.id === 'esg-csrd');
    expect(esg?.explanation).toMatch(/CSRD/);
    expect(esg?.explanation).toMatch(/double matérialité/);
    expect(esg?.criteria).toEqual(expect.arrayContaining(['K1', 'K2', 'K4']));
  });

  it('ranks the most relevant first and stays short', () => {
    for (const e of exams) {
      const fits = methodsForExam(e);
      expect(fits.length).toBeLessThanOrEqual(12);
      for (let i = 1; i < fits.length; i++) expect(fits[i - 1].score).toBeGreaterThanOrEqual(fits[i].score);
    }
    expect(methodsForExam(exam('b1-audit-rse'))[0].method.id).toBe('esg-csrd');
    expect(methodsForExam(exam('b5-pilotage-performance'))[0].method.id).toBe('kpi-tableau-de-bord');
  });

  it('has a well-formed catalogue: unique ids, questions, strong-answer points', () => {
    expect(new Set(METHODS.map((m) => m.id)).size).toBe(METHODS.length);
    for (const method of METHODS) {
      expect(method.jury.question).toMatch(/[?.]$/);
      expect(method.jury.strongAnswer.length).toBeGreaterThanOrEqual(3);
      for (const examId of Object.keys(method.tips ?? {})) expect(getExam(examId), examId).toBeDefined();
    }
  });
});

describe('exam briefs: modalities and pitfalls come from the data', () => {
  it.each(exams.map((e) => [e.id, e] as const))('%s: modality sentences match the data', (_id, e) => {
    const m = e.modalities;
    const sentences = modalitySentences(e);
    const text = sentences.join('\n');
    expect(sentences[0]).toEqual(
      m.mode === 'individual' ? 'Épreuve individuelle.' : expect.stringMatching(/^Épreuve collective/),
    );
    if (m.groupSize) expect(sentences[0]).toContain(m.groupSize);
    expect(text).toContain(`${m.pages} pages`);
    expect(text.includes(`${m.pages} pages hors annexes`)).toBe(m.annexesExcluded);
    if (m.oralMinutesPerCandidate)
      expect(text).toContain(`${m.oralMinutesPerCandidate} minutes par candidat`);
    else if (m.oralMinutes === null) expect(text).toContain("n'en précise pas la durée");
    else expect(text).toContain(`${m.oralMinutes} minutes`);
    expect(text).toContain(m.jury === 1 ? "d'un professionnel" : `${m.jury} professionnels`);
    expect(text).toContain(m.language === 'en' ? 'rédigé en anglais' : 'rédigé en français');
    expect(sentences.some((s) => s.startsWith('VAE'))).toBe(m.vae !== null);
    if (m.vae) expect(text).toContain(m.vae);
  });

  it('warns about the page limit, annexes, sources and figures without analysis', () => {
    const audit = buildBrief(exam('b1-audit-rse')).pitfalls.join('\n');
    expect(audit).toContain('10 pages hors annexes');
    expect(audit).toMatch(/Faire porter l'analyse par les annexes/);
    expect(audit).toMatch(/sources/);
    expect(audit).toMatch(/chiffres sans les analyser/);
    expect(audit).toMatch(/RSE déclarative/);
    const diagnostics = buildBrief(exam('b1-diagnostics-strategiques')).pitfalls.join('\n');
    expect(diagnostics).toMatch(/20 pages : le référentiel ne dit pas « hors annexes »/);
  });

  it('warns that the intercultural dossier must be in English, naming the criterion that checks it', () => {
    const pitfalls = buildBrief(exam('b6-management-interculturel')).pitfalls;
    expect(pitfalls.find((p) => p.includes('anglais'))).toMatch(/en anglais.*K5/);
    expect(buildBrief(exam('b1-audit-rse')).pitfalls.join(' ')).not.toMatch(/en anglais/);
  });

  it('warns collective groups about identifiable contributions and per-candidate orals', () => {
    expect(buildBrief(exam('b2-strategie-commerciale')).pitfalls.join(' ')).toMatch(/contribution de chacun/);
    expect(buildBrief(exam('b6-entrepreneuriat')).pitfalls.join(' ')).toMatch(/10 minutes/);
    expect(buildBrief(exam('b1-audit-rse')).pitfalls.join(' ')).toMatch(/n'en fixe pas la durée/);
  });
});

describe('exam briefs: Markdown checklist', () => {
  it.each(exams.map((e) => [e.id, e] as const))(
    '%s: a checkbox per deliverable, criterion and pitfall',
    (_id, e) => {
      const brief = buildBrief(e);
      const markdown = renderBriefMarkdown(brief);
      expect(markdown.startsWith(`# Fiche d'épreuve — ${brief.title}`)).toBe(true);
      for (const d of e.deliverables) expect(markdown).toContain(`- [ ] **${d.id}** — ${d.text}`);
      for (const c of e.criteria) expect(markdown).toContain(`- [ ] **${c.id}** — ${c.text}`);
      for (const p of brief.pitfalls) expect(markdown).toContain(`- [ ] ${p}`);
      const boxes = markdown.split('\n').filter((line) => line.startsWith('- [ ] ')).length;
      expect(boxes).toBe(e.deliverables.length + e.criteria.length + brief.pitfalls.length);
      for (const m of brief.methods) expect(markdown).toContain(`**${m.name}**`);
    },
  );
});
