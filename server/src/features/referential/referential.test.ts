import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { competencyIndex, examForCompetency, getCompetency, getExam, listExams, referential } from './index';
import type { CompetencyId } from './types';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
/** CI clones the repo with `shared/` beside it; locally it is /work/shared. Absent: the OCR check is skipped. */
const ocrPath = path.resolve(
  repoRoot,
  '../shared/referential/referentiel-manager-developpement-commercial.ocr.txt',
);

const EXAMS: Array<[id: string, bloc: string, from: number, to: number]> = [
  ['b1-diagnostics-strategiques', 'B1', 1, 8],
  ['b1-audit-rse', 'B1', 9, 12],
  ['b2-strategie-commerciale', 'B2', 13, 19],
  ['b2-challenge-commercial', 'B2', 20, 23],
  ['b3-salon-commercial', 'B3', 24, 27],
  ['b3-prospection', 'B3', 28, 35],
  ['b4-negociation-complexe', 'B4', 36, 45],
  ['b5-pilotage-performance', 'B5', 46, 56],
  ['b6-entrepreneuriat', 'B6', 57, 65],
  ['b6-management-interculturel', 'B6', 66, 70],
];

const range = (from: number, to: number): CompetencyId[] =>
  Array.from({ length: to - from + 1 }, (_, i) => `C${from + i}` as CompetencyId);

const activities = referential.blocs.flatMap((b) => b.activities);
const competencies = activities.flatMap((a) => a.competencies);

/** Every string in the referential, with its path, for the OCR-garbage checks. */
function strings(value: unknown, at = 'referential'): Array<[string, string]> {
  if (typeof value === 'string') return [[at, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${at}[${i}]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => strings(v, `${at}.${k}`));
  return [];
}

/** Lower case, no accents, letters only: for comparing our text with the OCR word for word. */
const normalise = (text: string) =>
  text
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

describe('referential: structure', () => {
  it('has 6 blocs, 19 activities, 70 competencies and 10 exams', () => {
    expect(referential.id).toBe('manager-developpement-commercial');
    expect(referential.blocs.map((b) => b.id)).toEqual(['B1', 'B2', 'B3', 'B4', 'B5', 'B6']);
    expect(activities).toHaveLength(19);
    expect(competencies).toHaveLength(70);
    expect(listExams().map((e) => e.id)).toEqual(EXAMS.map(([id]) => id));
  });

  it('numbers activities A1…A19 and competencies C1…C70 contiguously', () => {
    expect(activities.map((a) => a.id.split('.')[1])).toEqual(range(1, 19).map((c) => c.replace('C', 'A')));
    expect(competencies.map((c) => c.id)).toEqual(range(1, 70));
    for (const bloc of referential.blocs) {
      for (const activity of bloc.activities) expect(activity.id.startsWith(`${bloc.id}.`)).toBe(true);
    }
  });

  it('codes each competency as <activity>.<id> (C24 is B3.A7.C24)', () => {
    expect(getCompetency('C24')?.code).toBe('B3.A7.C24');
    for (const activity of activities) {
      for (const competency of activity.competencies) {
        expect(competency.code).toBe(`${activity.id}.${competency.id}`);
        expect(competency.code.split('.').at(-1)).toBe(competency.id);
      }
    }
  });

  it('gives every bloc, activity and competency a non-empty title or text', () => {
    for (const bloc of referential.blocs) {
      expect(bloc.title.length).toBeGreaterThan(10);
      for (const activity of bloc.activities) {
        expect(activity.title.length).toBeGreaterThan(10);
        for (const c of activity.competencies) expect(c.text).toMatch(/^[A-ZÀ-Ý].{60,}\.$/s);
      }
    }
  });

  it('keeps the source oddities and says so', () => {
    expect(referential.blocs[1]?.title).toBe('Concevoir une stratégie commerciale durable');
    expect(referential.blocs[1]?.remarks?.join(' ')).toMatch(/RESPONSABLE/);
    expect(referential.blocs[0]?.title).toBe("Analyser les enjeux stratégiques et durables de l'entreprise");
    const a14 = activities.find((a) => a.id === 'B5.A14');
    const a17 = activities.find((a) => a.id === 'B6.A17');
    expect(a17?.title).toBe(a14?.title);
    expect(a17?.remarks?.length).toBeGreaterThan(0);
    expect(referential.remarks.join(' ')).toMatch(/croissance/);
  });
});

describe('referential: lookups', () => {
  it('finds competencies, their activity, bloc and exam', () => {
    const entry = competencyIndex.get('C24');
    expect(entry?.competency.code).toBe('B3.A7.C24');
    expect(entry?.activity.id).toBe('B3.A7');
    expect(entry?.bloc.id).toBe('B3');
    expect(competencyIndex.size).toBe(70);
    expect(examForCompetency('C24')?.id).toBe('b3-salon-commercial');
    expect(examForCompetency('C70')?.id).toBe('b6-management-interculturel');
    expect(getExam('b1-audit-rse')?.case).toBe('Audit RSE');
    expect(getExam('nope')).toBeUndefined();
    expect(getCompetency('C71')).toBeUndefined();
    expect(examForCompetency('C0')).toBeUndefined();
  });
});

describe('referential: exams', () => {
  it('scopes each exam to its DESIGN.md range, every competency to exactly one exam', () => {
    for (const [id, bloc, from, to] of EXAMS) {
      const exam = getExam(id);
      expect(exam?.bloc).toBe(bloc);
      expect(exam?.competencies).toEqual(range(from, to));
      for (const c of range(from, to)) expect(competencyIndex.get(c)?.bloc.id).toBe(bloc);
    }
    const assigned = listExams().flatMap((e) => e.competencies);
    expect([...assigned].sort()).toEqual(competencies.map((c) => c.id).sort());
    expect(new Set(assigned).size).toBe(70);
    for (const c of competencies) expect(examForCompetency(c.id)?.competencies).toContain(c.id);
  });

  it('numbers deliverables L1… and criteria K1… in order, with no duplicate text', () => {
    for (const exam of listExams()) {
      expect(exam.deliverables.length).toBeGreaterThan(0);
      expect(exam.criteria.length).toBeGreaterThan(0);
      expect(exam.deliverables.map((d) => d.id)).toEqual(exam.deliverables.map((_, i) => `L${i + 1}`));
      expect(exam.criteria.map((k) => k.id)).toEqual(exam.criteria.map((_, i) => `K${i + 1}`));
      expect(new Set(exam.deliverables.map((d) => d.text)).size).toBe(exam.deliverables.length);
      expect(new Set(exam.criteria.map((k) => k.text)).size).toBe(exam.criteria.length);
      expect(exam.context).toMatch(/ :$/);
    }
  });

  it('maps every criterion to ≥1 competency of its own exam and covers every competency', () => {
    for (const exam of listExams()) {
      const covered = new Set<string>();
      for (const criterion of exam.criteria) {
        expect(criterion.competencies.length, `${exam.id} ${criterion.id}`).toBeGreaterThan(0);
        expect(new Set(criterion.competencies).size).toBe(criterion.competencies.length);
        for (const c of criterion.competencies) {
          expect(exam.competencies, `${exam.id} ${criterion.id}`).toContain(c);
          covered.add(c);
        }
      }
      expect([...covered].sort(), exam.id).toEqual([...exam.competencies].sort());
      expect(exam.remarks?.join(' ')).toMatch(/éditorial/);
    }
  });

  it('has the counts of deliverables and criteria read in the source', () => {
    const counts = listExams().map((e) => [e.id, e.deliverables.length, e.criteria.length]);
    expect(counts).toEqual([
      ['b1-diagnostics-strategiques', 7, 10],
      ['b1-audit-rse', 5, 7],
      ['b2-strategie-commerciale', 7, 9],
      ['b2-challenge-commercial', 5, 6],
      ['b3-salon-commercial', 5, 9],
      ['b3-prospection', 8, 8],
      ['b4-negociation-complexe', 7, 10],
      ['b5-pilotage-performance', 8, 10],
      ['b6-entrepreneuriat', 7, 9],
      ['b6-management-interculturel', 3, 6],
    ]);
  });

  it('has the modalities read in the source', () => {
    const summary = listExams().map(({ id, modalities: m }) => [
      id,
      m.mode,
      m.pages,
      m.annexesExcluded,
      m.oralMinutes,
      m.jury,
      m.language,
    ]);
    expect(summary).toEqual([
      ['b1-diagnostics-strategiques', 'individual', 20, false, 30, 2, 'fr'],
      ['b1-audit-rse', 'individual', 10, true, null, 1, 'fr'],
      ['b2-strategie-commerciale', 'collective', 20, true, 30, 2, 'fr'],
      ['b2-challenge-commercial', 'collective', 20, false, 45, 2, 'fr'],
      ['b3-salon-commercial', 'individual', 10, false, 60, 2, 'fr'],
      ['b3-prospection', 'individual', 10, false, 30, 2, 'fr'],
      ['b4-negociation-complexe', 'individual', 10, false, 60, 2, 'fr'],
      ['b5-pilotage-performance', 'individual', 15, false, 30, 2, 'fr'],
      ['b6-entrepreneuriat', 'collective', 30, false, 10, 2, 'fr'],
      ['b6-management-interculturel', 'individual', 10, false, 30, 1, 'en'],
    ]);
    const handicap =
      "Les épreuves écrites et orales peuvent être aménagées en fonction d'une éventuelle situation de handicap du candidat.";
    for (const exam of listExams()) {
      expect(exam.modalities.notes.includes(handicap), exam.id).toBe(exam.id !== 'b1-audit-rse');
    }
  });

  it("states each exam's scope and modalities in its notes, as the source words them", () => {
    const juryWords = { 1: /d'une? (?:personne|professionnel)\b/, 2: /\b2 (?:personnes|professionnels)\b/ };
    for (const { id, modalities: m } of listExams()) {
      const [, , from, to] = EXAMS.find(([examId]) => examId === id) ?? [];
      expect(m.notes, id).toContain(`Périmètre des évaluations : compétences C${from} à C${to}.`);
      // The sentence that describes the exam, from which the fields above were read.
      const described = m.notes.filter((n) => n.startsWith("L'épreuve "));
      expect(described, id).toHaveLength(1);
      const [sentence] = described;
      expect(sentence, id).toMatch(
        m.mode === 'individual' ? /^L'épreuve individuelle/ : /^L'épreuve collective/,
      );
      expect(sentence, id).toContain(`${m.pages} pages`);
      expect(sentence.includes('hors annexes'), id).toBe(m.annexesExcluded);
      if (m.oralMinutes !== null) expect(sentence, id).toContain(`${m.oralMinutes} minutes`);
      if (m.groupSize !== null) expect(sentence, id).toContain(`(${m.groupSize})`);
      expect(sentence.includes('en anglais'), id).toBe(m.language === 'en');
      expect(sentence, id).toMatch(juryWords[m.jury as 1 | 2]);
      if (m.oralMinutesPerCandidate !== undefined) {
        expect(sentence, id).toContain(`${m.oralMinutesPerCandidate} minutes par candidat`);
      }
      if (m.vae !== null) expect(m.vae, id).toMatch(/^(?:Dans le cadre de la VAE|Le candidat VAE)/);
    }
    const withDetail = (pick: (m: ReturnType<typeof listExams>[number]['modalities']) => unknown) =>
      listExams().flatMap((e) => (pick(e.modalities) == null ? [] : [[e.id, pick(e.modalities)]]));
    expect(withDetail((m) => m.groupSize)).toEqual([
      ['b2-strategie-commerciale', '2 ou 3 personnes'],
      ['b2-challenge-commercial', '3 personnes'],
    ]);
    expect(withDetail((m) => m.oralMinutesPerCandidate)).toEqual([['b6-entrepreneuriat', 10]]);
    expect(withDetail((m) => m.vae).map(([id]) => id)).toEqual([
      'b2-strategie-commerciale',
      'b2-challenge-commercial',
      'b3-salon-commercial',
      'b6-entrepreneuriat',
    ]);
  });
});

describe('referential: text', () => {
  const all = strings(referential);

  it('has no OCR garbage left', () => {
    const garbage: RegExp[] = [
      /\bI'[a-zéèêà]/, // I'entreprise
      /\|/,
      /\[/,
      /«\*/,
      / {2}/,
      /\s[,.](?!\.)/, // space before , or .
      /^\s|\s$/,
      /’/, // straight apostrophe everywhere
      /\.\.\./, // ellipsis character everywhere
      /étre/,
      /ceuvre/,
      /\bfa[cg]on/,
      /guantitatif/,
      /co[d(l]t?s\b/,
      /contr[éb]le|\bcontrole/,
      /\bregles\b/,
      /crit[ée]+res/,
      /r[ée]guli[eé]re/,
      /mani[eé]+re\b/,
      /mati[eé]re\b/,
      /syst[eé]me\b/,
      /aupres|apr[eé]s\b/,
      /synth[eé]se\b/,
      /int[ée]r[ée]ts/,
      /enqu[ée]tes/,
      /client[eé]le/,
      /financi[eé]re/,
      /p[ée]rim[ée]tre/i,
      /frangais|congus|succe[eé]s|\bmaitris|concretes|barrieres/,
      /co-contruction|[ée]cosyteme|croissante/,
      /\b(?:Uune|enlangue|wune|Laréussite|etillustré|proposéesaux|ala|alaRSE)\b/,
      /\blinclusion\b|\bIa\b|\bl[A-Z]\b|I'l/,
      /\brole\b|\bbatir|\bbatissant|\bgrace\b|\btaches\b|évenement/,
    ];
    // Remarks quote the source's own typos on purpose: they get only the typographic checks.
    const typographic = garbage.slice(0, 9);
    const found = all.flatMap(([at, text]) =>
      (/\.remarks\[/.test(at) ? typographic : garbage)
        .filter((re) => re.test(text))
        .map((re) => `${at}: ${re} in « ${text.slice(0, 80)}… »`),
    );
    expect(found).toEqual([]);
  });

  it('uses « » with single spaces and accented capitals', () => {
    for (const [at, text] of all) {
      expect(text, at).not.toMatch(/«\S|\S»/);
      expect(text, at).not.toMatch(/"/);
      expect(text, at).not.toMatch(/\bA partir\b|^Evaluer|^Elaborer|^Etablir/);
    }
  });

  it('reassembles competencies split across columns and pages', () => {
    expect(getCompetency('C3')?.text).toBe(
      "Évaluer la nature du(des) marché(s) sur le(s)quel(s) l'entreprise évolue, en identifiant les différentes parties prenantes externes (fournisseurs, concurrents directs et indirects, partenaires, clients…), leurs intérêts convergents ou divergents pour évaluer l'impact du développement commercial de l'entreprise sur les enjeux stratégiques et s'adapter à des mutations structurelles et conjoncturelles locales, nationales et internationales.",
    );
    expect(getCompetency('C8')?.text).toBe(
      "Détecter des opportunités de croissance et définir des axes stratégiques de développement de l'entreprise, à travers de nouveaux projets, clients ou partenaires, en alliant son expertise commerciale et ses compétences managériales et en jouant un rôle clé en stratégie, négociation, management et coordination, dans le cadre d'opportunités B2B ou B2C, pour atteindre les objectifs de développement commercial.",
    );
    expect(getCompetency('C21')?.text).toMatch(
      /des spécificités et des contraintes du client afin de garantir la progression de celui-ci dans le cycle de vente/,
    );
    expect(getCompetency('C22')?.text).toMatch(/mesurer l'impact de l'I\.A\. sur le chiffre d'affaires/);
    expect(getCompetency('C27')?.text).toMatch(/en créant un lieu de rencontres stratégiques de prospection/);
    expect(getCompetency('C30')?.text).toMatch(
      /dans une relation stratégique de co-construction, pour adapter/,
    );
    expect(getCompetency('C40')?.text).toMatch(
      /des modes de fonctionnement, des émotions, du non verbale…\)/,
    );
    expect(getCompetency('C49')?.text).toMatch(
      /la rentabilité des actions de prospection, les résultats du suivi commercial de la force de vente et son CA, le suivi du planning de la production\.$/,
    );
    expect(getCompetency('C63')?.text).toMatch(
      /et des autres départements impliqués, aux objectifs d'un projet/,
    );
    expect(getCompetency('C68')?.text).toMatch(
      /en récoltant leurs données et informations pour pouvoir ensuite partager les résultats commerciaux/,
    );
    expect(getCompetency('C70')?.text).toBe(
      "Préparer la mobilité interne dans le cadre d'un projet à l'international de l'entreprise, en mettant en œuvre le plan de mobilité sur la base d'un diagnostic, afin d'accompagner la performance sociale des collaborateurs de l'équipe commerciale dans le respect de l'inclusion et de la diversité.",
    );
  });

  it('untangles deliverables and criteria', () => {
    const diag = getExam('b1-diagnostics-strategiques');
    expect(diag?.context).toBe("À partir des données d'une entreprise réelle, le candidat doit présenter :");
    expect(diag?.deliverables.map((d) => d.text)).toEqual([
      'Une synthèse de ses sources informationnelles',
      "L'entreprise et le rôle de ses parties prenantes",
      "Deux diagnostics stratégiques (externe et interne) de l'entreprise",
      "Une analyse des choix stratégiques de l'entreprise",
      "Une synthèse du marché sur lequel l'entreprise évolue",
      'Une analyse approfondie de la concurrence',
      "Une étude sur les risques de l'entreprise",
    ]);
    expect(diag?.criteria[0]?.text).toBe("La méthodologie de veille et l'origine des sources est explicite");

    expect(getExam('b2-strategie-commerciale')?.criteria[0]?.text).toBe(
      "La stratégie globale est déclinée en stratégie commerciale et son plan d'actions opérationnelles est adapté aux objectifs globaux et commerciaux déterminés",
    );
    expect(getExam('b2-challenge-commercial')?.deliverables.at(-1)?.text).toBe(
      "Le budget de l'activité commerciale avec une projection des différents chiffres",
    );
    expect(getExam('b3-salon-commercial')?.deliverables[2]?.text).toBe(
      "Un plan managérial d'un projet de stand (démarche stratégique et organisationnelle, étapes, moyens, animation, choix des argumentaires de prospection) face à des acheteurs aux profils diversifiés",
    );
    expect(getExam('b4-negociation-complexe')?.criteria.at(-1)?.text).toBe(
      'Les techniques de négociation sont maîtrisées',
    );

    const entre = getExam('b6-entrepreneuriat')?.criteria.map((k) => k.text);
    expect(entre).toContain(
      "Le pilotage du projet démontre l'organisation optimisée d'un travail collectif sur un mode collaboratif des services (marketing, contrôle de gestion, communication, commercial)",
    );
    expect(entre).toContain(
      'Toutes les composantes chiffrées et argumentées du plan commercial démontrent la pérennité du projet',
    );
    expect(entre?.at(-1)).toBe(
      "La crédibilité du projet présenté et défendu avec conviction, permet à des investisseurs potentiels de s'engager",
    );

    const inter = getExam('b6-management-interculturel');
    expect(inter?.deliverables.map((d) => d.text)).toEqual([
      'Un CV en anglais et une lettre de motivation détaillée en anglais sur son profil de manager de développeur commercial',
      "Un rapport démontrant sa capacité à s'intégrer rapidement dans une organisation multiculturelle",
      "Ses capacités à apporter des solutions dans une organisation complexe et dans le cadre d'une mobilité",
    ]);
    expect(inter?.criteria.slice(3).map((k) => k.text)).toEqual([
      "L'enjeu des pratiques professionnelles liées à l'interculturalité est compris (Notions de diversité des pratiques professionnelles, Vision différenciée des responsabilités sociétales, langue, barrières culturelles, individualisme, échange des pratiques, normes sociales, stéréotypes…)",
      'La compréhension aboutit à une expression écrite et orale en langue anglaise fluide',
      "Le CV et la lettre de motivation en anglais font état des spécificités d'un profil de manager du développement commercial",
    ]);
  });

  it.skipIf(!existsSync(ocrPath))('uses only words found in the OCR, apart from listed corrections', () => {
    const ocrWords = new Set(normalise(readFileSync(ocrPath, 'utf8')).split(' '));
    // Words whose every OCR occurrence is misread (or a source typo), restored in the data.
    const corrected = new Set([
      'oeuvre',
      'ecosysteme',
      'couts',
      'francais',
      'concus',
      'maitrisees',
      'maitrise',
      'succes',
      'explique',
    ]);
    const texts = [
      ...competencies.map((c) => [c.id, c.text]),
      ...activities.map((a) => [a.id, a.title]),
      ...listExams().flatMap((e) => [
        [e.id, e.context],
        ...e.deliverables.map((d) => [`${e.id} ${d.id}`, d.text]),
        ...e.criteria.map((k) => [`${e.id} ${k.id}`, k.text]),
      ]),
    ];
    const unknown = texts.flatMap(([at, text]) =>
      normalise(text ?? '')
        .split(' ')
        .filter((w) => w.length >= 3 && !ocrWords.has(w) && !corrected.has(w))
        .map((w) => `${at}: ${w}`),
    );
    expect(unknown).toEqual([]);
  });
});
