/**
 * Exam briefs: everything a candidate should know before writing, generated from the referential as data
 * (no model). What the exam asks (deliverables), what the jury judges (criteria and their competencies), the
 * modalities in plain French, a suggested outline, the methods that fit, and the pitfalls to avoid.
 *
 * The outline is derived, not hand-written: deliverables and criteria are matched through the concepts the
 * offline analyzer's lexicon expects of each (`EXAM_CONCEPTS`) and the words they share, so that another
 * certification's data file gets an outline too.
 */

import { fold } from '../../lib/text';
import type { Criterion, Deliverable, Exam } from '../referential';
import { getCompetency } from '../referential';
import { CONCEPTS, type ConceptId, getExamLexicon, type StemTerm } from '../reviews';
import { explainMethod, joinFr, methodsForExam } from './methods';
import type { ExamBrief, OutlinePart } from './schemas';

// ── Modalities ──────────────────────────────────────────────────────────────────────────────────────

function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${n} ${n > 1 ? pluralForm : singular}`;
}

/** The exam's modalities as French sentences, one fact each, straight from the data. */
export function modalitySentences(exam: Exam): string[] {
  const m = exam.modalities;
  const out: string[] = [];
  out.push(
    m.mode === 'individual'
      ? 'Épreuve individuelle.'
      : `Épreuve collective${m.groupSize ? ` (${m.groupSize})` : ''} : la contribution de chaque candidat doit être identifiable.`,
  );
  out.push(
    m.annexesExcluded
      ? `Dossier structuré et illustré de ${m.pages} pages hors annexes.`
      : `Dossier structuré et illustré de ${m.pages} pages ; le référentiel ne précise pas « hors annexes » : par prudence, comptez les annexes dans les ${m.pages} pages.`,
  );
  if (m.oralMinutesPerCandidate) {
    out.push(`Présentation orale : ${m.oralMinutesPerCandidate} minutes par candidat.`);
  } else if (m.oralMinutes !== null) {
    out.push(`Présentation orale de ${m.oralMinutes} minutes.`);
  } else {
    out.push("Présentation orale : le référentiel n'en précise pas la durée.");
  }
  out.push(
    m.jury === 1 ? "Jury composé d'un professionnel." : `Jury composé de ${plural(m.jury, 'professionnel')}.`,
  );
  out.push(m.language === 'en' ? 'Dossier rédigé en anglais.' : 'Dossier rédigé en français.');
  if (m.vae) out.push(`VAE : ${m.vae}`);
  return out;
}

// ── Outline ─────────────────────────────────────────────────────────────────────────────────────────

/** Weight of a shared word between a criterion and a deliverable, next to a shared concept (1 or 0.6). */
const SHARED_STEM_WEIGHT = 0.5;
/** A criterion also goes to a second part when it matches it at least this well relative to its best. */
const SECOND_PART_RATIO = 0.5;
/** At most this many parts per criterion: beyond, the outline stops saying where things go. */
const MAX_PARTS_PER_CRITERION = 2;

/**
 * Concepts that belong to the presentation of the company or project: a criterion matching no deliverable
 * but these goes to the introduction; any other unmatched criterion to the synthesis.
 */
const INTRODUCTION_CONCEPTS: ReadonlySet<ConceptId> = new Set<ConceptId>([
  'presentation_entreprise',
  'gouvernance',
  'business_model',
  'mission_valeurs',
  'projet_contexte',
  'das',
]);

function sharedStems(a: readonly StemTerm[], b: readonly StemTerm[]): number {
  const stems = new Set(b.map((s) => s.stem));
  return a.filter((s) => stems.has(s.stem)).length;
}

/** How a criterion relates to a deliverable: the expected concepts they share, and the words. */
export interface Affinity {
  /** Sum of the weights (core 1, related 0.6) of the criterion's concepts the deliverable shows. */
  concepts: number;
  /** Total, with shared content words at `SHARED_STEM_WEIGHT` each. */
  score: number;
}

/** How strongly a criterion belongs with a deliverable: shared expected concepts, then shared words. */
export function criterionDeliverableAffinity(
  exam: Exam,
  criterion: Criterion,
  deliverable: Deliverable,
): Affinity {
  const lexicon = getExamLexicon(exam);
  const c = lexicon.criteria.get(criterion.id);
  const d = lexicon.deliverables.get(deliverable.id);
  if (!c || !d) return { concepts: 0, score: 0 };
  const shown = new Set(d.concepts);
  const concepts = c.concepts.filter((e) => shown.has(e.id)).reduce((sum, e) => sum + e.weight, 0);
  return { concepts, score: concepts + SHARED_STEM_WEIGHT * sharedStems(c.ownStems, d.stems) };
}

/** Where each criterion goes: deliverable ids, or `intro` / `synthesis` when no deliverable fits. */
function assignCriteria(exam: Exam): Map<string, string[]> {
  const lexicon = getExamLexicon(exam);
  const out = new Map<string, string[]>();
  for (const criterion of exam.criteria) {
    const scored = exam.deliverables
      .map((d) => ({ id: d.id, ...criterionDeliverableAffinity(exam, criterion, d) }))
      .filter((s) => s.score > 0)
      .sort((a, b) => b.score - a.score);
    if (scored.length > 0) {
      const best = scored[0].score;
      // The best part may rest on shared words alone; a second one must share an expected concept, since
      // words like « interne » or « externe » link everything to everything.
      const others = scored
        .slice(1)
        .filter((s) => s.concepts > 0 && s.score >= best * SECOND_PART_RATIO)
        .slice(0, MAX_PARTS_PER_CRITERION - 1);
      out.set(criterion.id, [scored[0].id, ...others.map((s) => s.id)]);
      continue;
    }
    const concepts = lexicon.criteria.get(criterion.id)?.concepts ?? [];
    const intro = concepts.some((c) => c.core && INTRODUCTION_CONCEPTS.has(c.id));
    out.set(criterion.id, [intro ? 'intro' : 'synthesis']);
  }
  return out;
}

/** Deliverable texts longer than this lose their parenthesised details in titles (the id keeps the link). */
const MAX_TITLE = 80;

/**
 * « Une synthèse de … » → « Synthèse de … »: a title, not a sentence. Definite articles stay. A long text
 * loses its parenthesised details, then what follows its first gerund or comma (the id keeps the link to the
 * full wording).
 */
function titleOf(deliverable: Deliverable): string {
  let text = deliverable.text.replace(/^(?:un|une|des)\s+/i, '');
  if (text.length > MAX_TITLE) text = text.replace(/\s*\([^)]*\)/g, '');
  if (text.length > MAX_TITLE) {
    const cut = [...text.matchAll(/ en |, /g)].find((m) => m.index >= 20);
    if (cut) text = text.slice(0, cut.index);
  }
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function deliverableGuidance(exam: Exam, deliverable: Deliverable, criteria: readonly string[]): string {
  const lexicon = getExamLexicon(exam);
  const concepts = lexicon.deliverables.get(deliverable.id)?.concepts ?? [];
  // Concepts that both the deliverable shows and its criteria expect first: that is where the marks are.
  const expected = new Set(
    criteria.flatMap((id) =>
      (lexicon.criteria.get(id)?.concepts ?? []).filter((c) => c.core).map((c) => c.id),
    ),
  );
  const ordered = [...concepts.filter((c) => expected.has(c)), ...concepts.filter((c) => !expected.has(c))];
  const advice = ordered.slice(0, 2).map((id) => sentence(CONCEPTS[id].recommendation));
  if (advice.length === 0) {
    advice.push(
      "Traitez ce livrable sous un titre explicite, avec des faits datés et sourcés, et terminez par ce qu'ils impliquent pour l'entreprise.",
    );
  }
  const methods = methodsForExam(exam)
    .filter((fit) => fit.deliverables.includes(deliverable.id))
    .map((fit) => fit.method.name);
  if (methods.length > 0) advice.push(`Outils utiles : ${joinFr(methods)}.`);
  return advice.join(' ');
}

function introGuidance(exam: Exam): string {
  const m = exam.modalities;
  const parts = [
    "Présentez le cadre de l'étude (entreprise ou projet, secteur, votre rôle), la problématique à laquelle le dossier répond et l'annonce du plan, pour que le jury retrouve chaque livrable attendu.",
  ];
  if (m.mode === 'collective') parts.push('Indiquez qui a contribué à quelle partie.');
  if (m.language === 'en') parts.push('Comme tout le dossier, cette partie est rédigée en anglais.');
  return parts.join(' ');
}

function synthesisGuidance(exam: Exam, criteria: readonly string[]): string {
  const lexicon = getExamLexicon(exam);
  const parts = [
    'Reprenez les constats clés, hiérarchisez vos préconisations (priorité, coût, délai, indicateur de suivi) et montrez leur cohérence avec les analyses qui précèdent.',
  ];
  const seen = new Set<ConceptId>();
  for (const id of criteria) {
    const core = lexicon.criteria.get(id)?.concepts.find((c) => c.core && !seen.has(c.id));
    if (!core) continue;
    seen.add(core.id);
    parts.push(sentence(CONCEPTS[core.id].recommendation));
    if (seen.size >= 2) break;
  }
  return parts.join(' ');
}

/** Rounds to the nearest half page. */
function half(n: number): number {
  return Math.round(n * 2) / 2;
}

/**
 * Splits the page limit over the parts: introduction and synthesis get a page each (half on dossiers of 10
 * pages or fewer), the rest in proportion to what each part carries (one unit, plus half a unit per
 * criterion), in half pages, never above the limit.
 */
function allocatePages(exam: Exam, parts: OutlinePart[]): void {
  const total = exam.modalities.pages;
  const frame = total <= 10 ? 0.5 : 1;
  const body = parts.slice(1, -1);
  const available = Math.max(total - 2 * frame, body.length * 0.5);
  const weights = body.map((p) => 1 + 0.5 * p.criteria.length);
  const sum = weights.reduce((a, b) => a + b, 0);
  body.forEach((part, i) => {
    part.pages = Math.max(0.5, half((available * weights[i]) / sum));
  });
  const largest = () => body.reduce((best, p) => (p.pages > best.pages ? p : best), body[0]);
  let allotted = body.reduce((n, p) => n + p.pages, 0);
  for (let guard = 0; allotted > available && guard < 100; guard++) {
    const part = largest();
    if (part.pages <= 0.5) break;
    part.pages -= 0.5;
    allotted -= 0.5;
  }
  for (let guard = 0; allotted + 0.5 <= available && guard < 100; guard++) {
    largest().pages += 0.5;
    allotted += 0.5;
  }
  parts[0].pages = frame;
  parts[parts.length - 1].pages = frame;
}

/**
 * A suggested dossier outline: an introduction, one part per deliverable (in the referential's order) with
 * the criteria it serves, and a synthesis. Every deliverable and every criterion appears in at least one part;
 * a criterion no deliverable serves goes to the introduction (presentation concepts) or to the synthesis.
 */
export function buildOutline(exam: Exam): OutlinePart[] {
  const assignment = assignCriteria(exam);
  const criteriaOf = (target: string) =>
    exam.criteria.filter((c) => assignment.get(c.id)?.includes(target)).map((c) => c.id);
  const introCriteria = criteriaOf('intro');
  const synthesisCriteria = criteriaOf('synthesis');
  const parts: OutlinePart[] = [
    {
      title: 'Introduction : contexte, problématique et annonce du plan',
      deliverables: [],
      criteria: introCriteria,
      guidance: introGuidance(exam),
      pages: 0,
    },
    ...exam.deliverables.map((deliverable) => {
      const criteria = criteriaOf(deliverable.id);
      return {
        title: titleOf(deliverable),
        deliverables: [deliverable.id],
        criteria,
        guidance: deliverableGuidance(exam, deliverable, criteria),
        pages: 0,
      };
    }),
    {
      title: 'Synthèse et préconisations',
      deliverables: [],
      criteria: synthesisCriteria,
      guidance: synthesisGuidance(exam, synthesisCriteria),
      pages: 0,
    },
  ];
  allocatePages(exam, parts);
  return parts;
}

// ── Pitfalls ────────────────────────────────────────────────────────────────────────────────────────

/** Pitfalls of every dossier, whatever the exam. */
export const GENERIC_PITFALLS: readonly string[] = [
  "Aligner des outils (tableaux, matrices, schémas) sans en tirer de conclusion : le jury note l'analyse, pas la présence de l'outil.",
  "Donner des chiffres sans les analyser : chaque donnée doit être datée, sourcée et suivie de ce qu'elle implique pour l'entreprise.",
  'Omettre les sources ou leur date : citez-les dans le texte (organisme ou auteur, année), pas seulement en bibliographie.',
  'Recopier le référentiel ou accumuler des mots-clés : une liste de termes sans analyse ne compte pas comme une analyse.',
  'Proposer des préconisations génériques, sans lien avec vos constats, sans responsable, calendrier, budget ni indicateur.',
  'Confier la rédaction à une IA ou à un tiers : le dossier doit être votre travail, et le jury vous interroge sur chacun de vos choix à l’oral.',
];

interface PitfallRule {
  /** Tested against the folded text of the exam's criteria, deliverables, context and notes. */
  when: RegExp;
  text: string;
}

const CONTENT_PITFALLS: readonly PitfallRule[] = [
  {
    when: /\b(budget|couts?|rentabilite|business plan|previsionnel|projection)/,
    text: 'Présenter un budget ou des prévisions sans hypothèses : chaque chiffre prévisionnel doit découler d’une hypothèse justifiée et sourcée.',
  },
  {
    when: /\b(rse|esg)\b/,
    text: 'Une RSE déclarative : des engagements sans indicateurs, sans situation de référence ni preuves, que le jury lira comme de l’écoblanchiment.',
  },
  {
    when: /\b(negociation|closing|simulation|entretien)\b/,
    text: "Décrire l'entretien ou la négociation au lieu de le démontrer : montrez les échanges (questions, objections, réponses, conclusion) sur un cas précis.",
  },
  {
    when: /\bparties prenantes\b/,
    text: 'Lister les parties prenantes sans analyser leurs attentes, leur influence et leurs objectifs contradictoires.',
  },
  {
    when: /\b(outils?|crm|digital|technologi)/,
    text: 'Citer des outils sans justifier leur choix : pour chacun, dites pourquoi lui, pour quel usage et avec quel gain mesuré.',
  },
  {
    when: /\bcv\b|lettre de motivation/,
    text: 'Un CV et une lettre génériques : ils doivent faire ressortir le profil de manager du développement commercial visé par l’offre (résultats chiffrés, management, international).',
  },
  {
    when: /entreprise reelle/,
    text: "Travailler sur des données inventées ou invérifiables : l'épreuve porte sur une entreprise réelle ; si des données sont confidentielles, anonymisez-les en le signalant, sans les inventer.",
  },
  {
    when: /illustre/,
    text: 'Des visuels décoratifs ou non commentés : le dossier doit être « structuré et illustré », et chaque tableau ou schéma doit être titré, sourcé et commenté.',
  },
];

function examText(exam: Exam): string {
  return fold(
    [
      exam.context,
      ...exam.deliverables.map((d) => d.text),
      ...exam.criteria.map((c) => c.text),
      ...exam.modalities.notes,
    ].join(' \n '),
  );
}

/** The pitfalls of one exam: its modalities first (length, annexes, group, language, oral), then content. */
export function buildPitfalls(exam: Exam): string[] {
  const m = exam.modalities;
  const out: string[] = [];
  out.push(
    m.annexesExcluded
      ? `Dépasser la limite de ${m.pages} pages hors annexes fixée par le référentiel.`
      : `Dépasser la limite de ${m.pages} pages : le référentiel ne dit pas « hors annexes », comptez donc les annexes dans les ${m.pages} pages, ou faites confirmer la règle par votre centre.`,
  );
  out.push(
    m.annexesExcluded
      ? "Faire porter l'analyse par les annexes : elles sont hors du compte de pages mais ne servent que de preuves ; ce qui est noté doit être dans le corps du dossier, où chaque annexe est appelée et commentée."
      : "Renvoyer l'analyse en annexe pour gagner de la place : les annexes comptent dans la limite, et ce qui est noté doit être dans le corps du dossier.",
  );
  if (m.mode === 'collective') {
    out.push(
      `Un dossier collectif où la contribution de chacun n'apparaît pas : indiquez qui a réalisé quoi${
        m.vae ? ' (en VAE, prouvez les éléments auxquels vous avez contribué)' : ''
      }.`,
    );
  }
  if (m.language === 'en') {
    const english = exam.criteria.filter((c) => /anglais/.test(fold(c.text))).map((c) => c.id);
    out.push(
      `Rédiger tout ou partie du dossier en français : le référentiel exige un dossier de ${m.pages} pages en anglais, CV et lettre de motivation compris${
        english.length > 0 ? `, et la qualité de l'anglais est évaluée (${joinFr(english)})` : ''
      }.`,
    );
  }
  if (m.oralMinutesPerCandidate) {
    out.push(
      `Laisser un seul membre du groupe porter l'oral : chaque candidat dispose de ${m.oralMinutesPerCandidate} minutes et doit pouvoir défendre l'ensemble du dossier.`,
    );
  } else if (m.oralMinutes === null) {
    out.push(
      "Négliger la présentation orale parce que le référentiel n'en fixe pas la durée : renseignez-vous auprès de votre centre et préparez une version courte.",
    );
  } else {
    out.push(
      `Relire son dossier à l'oral : en ${m.oralMinutes} minutes, présentez la démarche et les conclusions, et gardez des exemples précis pour les questions du jury.`,
    );
  }
  const text = examText(exam);
  for (const rule of CONTENT_PITFALLS) if (rule.when.test(text)) out.push(rule.text);
  return [...out, ...GENERIC_PITFALLS];
}

// ── The brief ───────────────────────────────────────────────────────────────────────────────────────

function judged(criterion: Criterion): ExamBrief['judged'][number] {
  return {
    id: criterion.id,
    text: criterion.text,
    competencies: criterion.competencies.map((id) => {
      const competency = getCompetency(id);
      return { id, code: competency?.code ?? id, text: competency?.text ?? '' };
    }),
  };
}

// Briefs are pure functions of static exam data: built once per exam object.
const briefs = new WeakMap<Exam, ExamBrief>();

/** The brief of an exam, generated from the referential (deterministic, no model). */
export function buildBrief(exam: Exam): ExamBrief {
  const cached = briefs.get(exam);
  if (cached) return cached;
  const brief: ExamBrief = {
    examId: exam.id,
    title: `${exam.bloc} — ${exam.case}`,
    bloc: exam.bloc,
    case: exam.case,
    context: exam.context,
    asked: exam.deliverables.map((d) => ({ id: d.id, text: d.text })),
    judged: exam.criteria.map(judged),
    modalities: modalitySentences(exam),
    outline: buildOutline(exam),
    methods: methodsForExam(exam).map((fit) => ({
      id: fit.method.id,
      name: fit.method.name,
      explanation: explainMethod(fit, exam),
      deliverables: fit.deliverables,
      criteria: fit.criteria,
    })),
    pitfalls: buildPitfalls(exam),
  };
  briefs.set(exam, brief);
  return brief;
}

function formatPages(pages: number): string {
  return `${String(pages).replace('.', ',')} p.`;
}

/**
 * The brief as a downloadable Markdown checklist: a `- [ ]` item for each deliverable, criterion and
 * pitfall, with the modalities, the suggested outline and the methods for reference.
 */
export function renderBriefMarkdown(brief: ExamBrief): string {
  const lines: string[] = [
    `# Fiche d'épreuve — ${brief.title}`,
    '',
    `Épreuve \`${brief.examId}\`. ${brief.context}`,
    '',
    '## Modalités',
    '',
    ...brief.modalities.map((m) => `- ${m}`),
    '',
    '## Ce que vous devez présenter',
    '',
    ...brief.asked.map((d) => `- [ ] **${d.id}** — ${d.text}`),
    '',
    '## Ce que le jury évalue',
    '',
    ...brief.judged.map(
      (c) => `- [ ] **${c.id}** — ${c.text} _(compétences ${c.competencies.map((k) => k.id).join(', ')})_`,
    ),
    '',
    '## Plan suggéré',
    '',
    ...brief.outline.flatMap((part, i) => {
      const serves = [...part.deliverables, ...part.criteria];
      return [
        `${i + 1}. **${part.title}** (≈ ${formatPages(part.pages)}${serves.length > 0 ? ` · ${serves.join(', ')}` : ''})`,
        `   ${part.guidance}`,
      ];
    }),
    '',
    '## Méthodes utiles',
    '',
    ...brief.methods.map((m) => `- **${m.name}** — ${m.explanation}`),
    '',
    '## Pièges à éviter',
    '',
    ...brief.pitfalls.map((p) => `- [ ] ${p}`),
    '',
    '---',
    '',
    'Fiche générée par Préjury à partir du référentiel de la certification. Le jury décide.',
    '',
  ];
  return lines.join('\n');
}
