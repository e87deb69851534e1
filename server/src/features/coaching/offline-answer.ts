/**
 * The coach's answer without a model: an honest retrieval answer, labelled as such. It gathers what the
 * referential says about the question (criteria, methods), what the candidate's draft already says (verbatim
 * quotes with pages), what the latest review found missing, and questions that move the candidate forward.
 * It never judges the quality of the text and never writes any of it.
 */
import type { Exam } from '../referential';
import type { CriterionResult } from '../reviews';
import { buildOutline } from './brief';
import type { CriterionMatch, DraftQuote } from './grounding';
import type { GhostwritingCheck } from './integrity';
import type { MethodFit } from './methods';
import type { CoachCitation, OutlinePart } from './schemas';

/** Everything an answer is grounded on, gathered once and shared by both modes. */
export interface CoachContext {
  exam: Exam;
  message: string;
  ghost: GhostwritingCheck;
  /**
   * The criteria the answer is about, best first: those the question names (`focus: 'question'`), or, for a
   * question that names none, the weakest ones of the latest review (`focus: 'weakest'`).
   */
  criteria: CriterionMatch[];
  focus: 'question' | 'weakest' | 'none';
  /** Methods of the exam's brief that serve those criteria or that the question names. */
  methods: MethodFit[];
  /** Verified sentences of the draft touching those criteria. */
  quotes: DraftQuote[];
  /** Results of the latest finished review for those criteria (or its weakest ones when none matched). */
  gaps: CriterionResult[];
  /** The latest finished review of this version, if any. */
  review: { id: string; offline: boolean } | null;
}

/** The first line of every offline answer: what it is and what it is not. */
export const OFFLINE_LABEL =
  "Réponse hors ligne (sans modèle d'IA) : elle rassemble ce que le référentiel et votre brouillon disent de votre question ; elle ne juge pas la qualité de votre texte.";

function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/**
 * The part of the suggested outline a request is about: by the words of the request first (introduction,
 * conclusion), then by the criteria it concerns.
 */
export function outlinePartFor(
  exam: Exam,
  request: string,
  criterionIds: readonly string[],
): OutlinePart | undefined {
  const outline = buildOutline(exam);
  const text = request.toLowerCase();
  if (/\bintro/.test(text)) return outline[0];
  if (/conclusion|synth[eè]se|pr[ée]conisation/.test(text)) return outline[outline.length - 1];
  const ids = new Set(criterionIds);
  const scored = outline
    .slice(1, -1)
    .map((part) => ({ part, shared: part.criteria.filter((id) => ids.has(id)).length }))
    .filter((s) => s.shared > 0)
    .sort((a, b) => b.shared - a.shared);
  return scored[0]?.part;
}

/** `outlinePartFor` for a coach context: the part asked for, or the one its criteria point to. */
export function contextPart(ctx: CoachContext): OutlinePart | undefined {
  return outlinePartFor(
    ctx.exam,
    `${ctx.ghost.target ?? ''} ${ctx.message}`,
    ctx.criteria.map((m) => m.criterion.id),
  );
}

/**
 * Questions that make the candidate think (two to four): on what the draft says, on what it lacks, on the
 * gaps the review found, and the question a jury asks about the method at hand.
 */
export function coachQuestions(ctx: CoachContext): string[] {
  const out: string[] = [];
  for (const match of ctx.criteria) {
    const id = match.criterion.id;
    const quote = ctx.quotes.find((q) => q.criterionId === id);
    out.push(
      quote
        ? `Sur ${id}, que concluez-vous pour l'entreprise à partir de ce que vous écrivez page ${quote.page}, et sur quelle donnée sourcée cette conclusion repose-t-elle ?`
        : `Où, dans votre plan, traiterez-vous ${id}, et avec quelles données sourcées ?`,
    );
    if (out.length >= 2) break;
  }
  const gap = ctx.gaps.find((g) => g.missing.length > 0);
  if (gap)
    out.push(
      `Comment allez-vous combler ce manque relevé sur ${gap.id} : « ${truncate(gap.missing[0], 160)} » ?`,
    );
  const method = ctx.methods[0];
  if (method) out.push(`Question probable du jury : ${method.method.jury.question}`);
  if (out.length < 2)
    out.push(
      'Quelle est la conclusion principale que le jury doit retenir de cette partie de votre dossier ?',
    );
  if (out.length < 2) out.push('Quelles données chiffrées et sourcées vous manquent encore pour l’étayer ?');
  return out.slice(0, 4);
}

function criterionLines(ctx: CoachContext): string[] {
  return ctx.criteria.map(
    ({ criterion }) =>
      `- ${criterion.id} — ${criterion.text} (compétences ${criterion.competencies.join(', ')})`,
  );
}

function draftLines(ctx: CoachContext): string[] {
  const lines: string[] = [];
  for (const { criterion } of ctx.criteria) {
    const quotes = ctx.quotes.filter((q) => q.criterionId === criterion.id);
    if (quotes.length === 0) {
      lines.push(`- ${criterion.id} : aucun passage de votre brouillon ne le traite encore clairement.`);
      continue;
    }
    for (const q of quotes) lines.push(`- ${criterion.id}, p. ${q.page} : « ${q.quote} »`);
  }
  for (const q of ctx.quotes.filter((x) => !x.criterionId)) lines.push(`- p. ${q.page} : « ${q.quote} »`);
  return lines;
}

function gapLines(ctx: CoachContext): string[] {
  if (!ctx.review) {
    return [
      '- Aucune revue terminée pour cette version : lancez-en une pour connaître vos écarts critère par critère.',
    ];
  }
  const lines = ctx.gaps
    .filter((g) => g.status === 'done' && (g.missing.length > 0 || g.recommendations.length > 0))
    .map((g) => {
      const parts = [`- ${g.id} (${g.score}/4, ${g.level})`];
      if (g.missing[0]) parts.push(`à compléter : ${truncate(g.missing[0], 220)}`);
      if (g.recommendations[0]) parts.push(`piste : ${truncate(g.recommendations[0], 220)}`);
      return parts.join(' — ');
    });
  if (lines.length === 0) return ['- La dernière revue ne relève pas de manque sur ces critères.'];
  if (ctx.review.offline) lines.push('- (revue faite par l’analyse hors ligne : écarts indicatifs)');
  return lines;
}

function methodLines(ctx: CoachContext): string[] {
  return ctx.methods.map((fit) => `- ${fit.method.name} : ${fit.method.what} ${fit.method.how}`);
}

/** Steps for building a part oneself: what the coach offers instead of drafting it. */
function approachLines(ctx: CoachContext, part: OutlinePart | undefined): string[] {
  const steps: string[] = [];
  if (part) {
    steps.push(
      `Situez cette partie dans le plan suggéré : « ${part.title} » (≈ ${String(part.pages).replace('.', ',')} p.). ${part.guidance}`,
    );
  }
  const ids = ctx.criteria.map((m) => m.criterion.id);
  if (ids.length > 0)
    steps.push(`Relisez ce que le jury vérifie (${ids.join(', ')}) et notez ce que vous devez démontrer.`);
  steps.push('Rassemblez vos faits, chiffres et sources, chacun avec sa date.');
  const method = ctx.methods[0];
  if (method) steps.push(`Appliquez ${method.method.name} : ${method.method.how}`);
  steps.push(
    'Écrivez un premier jet avec vos propres mots, puis demandez-moi ce qui manque au regard des critères, ou lancez une revue.',
  );
  return steps.map((s, i) => `${i + 1}. ${s}`);
}

function outlineLines(exam: Exam): string[] {
  return buildOutline(exam).map((part) => {
    const ids = [...part.deliverables, ...part.criteria];
    return `- ${part.title}${ids.length > 0 ? ` (${ids.join(', ')})` : ''}`;
  });
}

/** The refusal's first sentence, naming what was asked for when the candidate named it. */
export function refusalSentence(target: string | undefined): string {
  return `Je ne rédige pas ${target ? `« ${target} »` : 'de partie du dossier'} à votre place : le dossier doit rester votre travail, que vous défendrez seul devant le jury. Je peux en revanche vous aider à le construire vous-même.`;
}

/** The citations of an offline answer: the criteria it is about, then the verified quotes. */
export function offlineCitations(ctx: CoachContext): CoachCitation[] {
  const quoted = new Set(ctx.quotes.map((q) => q.criterionId));
  return [
    ...ctx.criteria
      .filter((m) => !quoted.has(m.criterion.id))
      .map((m): CoachCitation => ({ criterionId: m.criterion.id })),
    ...ctx.quotes.map(
      (q): CoachCitation => ({
        page: q.page,
        quote: q.quote,
        ...(q.criterionId ? { criterionId: q.criterionId } : {}),
      }),
    ),
  ];
}

/** The offline answer: labelled, grounded in the referential and the draft, ending with questions. */
export function composeOfflineAnswer(ctx: CoachContext): { answer: string; citations: CoachCitation[] } {
  const blocks: string[] = [OFFLINE_LABEL];
  if (ctx.ghost.ghostwriting) blocks.push(refusalSentence(ctx.ghost.target));
  if (ctx.focus === 'weakest') {
    blocks.push(
      'Votre question ne vise pas un critère précis : voici les critères les plus faibles de votre dernière revue.',
    );
  }
  if (ctx.criteria.length > 0) {
    blocks.push(['Ce que le jury évalue :', ...criterionLines(ctx)].join('\n'));
    blocks.push(['Ce que votre brouillon en dit :', ...draftLines(ctx)].join('\n'));
  } else if (!ctx.ghost.ghostwriting) {
    blocks.push(
      [
        "Je n'ai pas relié votre question à un critère précis de l'épreuve. Nommez un critère (K1…), un livrable (L1…) ou une méthode (PESTEL, SONCAS…) pour une réponse ciblée. Le plan suggéré pour cette épreuve :",
        ...outlineLines(ctx.exam),
      ].join('\n'),
    );
    if (ctx.quotes.length > 0)
      blocks.push(['Passages de votre brouillon liés à la question :', ...draftLines(ctx)].join('\n'));
  }
  blocks.push(['Écarts relevés par votre dernière revue :', ...gapLines(ctx)].join('\n'));
  if (ctx.methods.length > 0) blocks.push(['Méthode utile :', ...methodLines(ctx)].join('\n'));
  if (ctx.ghost.ghostwriting) {
    const steps = approachLines(ctx, contextPart(ctx));
    blocks.push(['Une démarche pour construire cette partie :', ...steps].join('\n'));
  }
  blocks.push(['Pour avancer :', ...coachQuestions(ctx).map((q) => `- ${q}`)].join('\n'));
  return { answer: blocks.join('\n\n'), citations: offlineCitations(ctx) };
}
