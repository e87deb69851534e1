/**
 * The grading rubric as versioned data: the scale, and per criterion the wording given to the grader, a
 * weight, level descriptors 0–4 and optional anchor excerpts. Exam teams will edit and version rubrics;
 * `defaultRubric` builds v1 for any exam of the referential so that no exam is ever ungraded.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { fold } from '../../lib/text';
import type { Exam } from '../referential';
import { getExam } from '../referential';
import { LEVELS } from './schemas';

/** Version of the rubric produced by `defaultRubric`. Bump it whenever descriptors or weights change. */
export const DEFAULT_RUBRIC_VERSION = 'v1';

const ScoreSchema = z.number().int().min(0).max(4);

/** One level of the scale: score, level code, French label and what it means. */
export const RubricScaleEntrySchema = z.object({
  score: ScoreSchema,
  level: z.enum(LEVELS),
  /** French label shown to people (« Satisfaisant »). */
  label: z.string().min(1),
  description: z.string().min(1),
});
export type RubricScaleEntry = z.infer<typeof RubricScaleEntrySchema>;

/** What each score means for one criterion; keys are the scores 0 to 4. */
export const RubricDescriptorsSchema = z.strictObject({
  0: z.string().min(1),
  1: z.string().min(1),
  2: z.string().min(1),
  3: z.string().min(1),
  4: z.string().min(1),
});
export type RubricDescriptors = z.infer<typeof RubricDescriptorsSchema>;

/** A real (anonymised) excerpt and the score a jury gave it, to anchor the grader's scale. */
export const RubricAnchorSchema = z.object({ score: ScoreSchema, excerpt: z.string().min(1) });
export type RubricAnchor = z.infer<typeof RubricAnchorSchema>;

/** One criterion as the grader sees it: wording, weight, descriptors 0–4 and anchors. */
export const RubricCriterionSchema = z.object({
  /** The referential criterion id (`K1`…) of the exam. */
  id: z.string().min(1),
  /** Wording given to the model; by default the referential's own text. */
  text: z.string().min(1),
  weight: z.number().positive().finite(),
  descriptors: RubricDescriptorsSchema,
  anchors: z.array(RubricAnchorSchema),
});
export type RubricCriterion = z.infer<typeof RubricCriterionSchema>;

/** A rubric version for one exam. Validate anything edited by people with `RubricSchema.parse`. */
export const RubricSchema = z
  .object({
    version: z.string().regex(/^v\d+(?:\.\d+)*$/, 'version attendue de la forme v1, v2, v2.1…'),
    examId: z.string().min(1),
    scale: z.array(RubricScaleEntrySchema).length(LEVELS.length),
    criteria: z.array(RubricCriterionSchema).min(1),
  })
  .superRefine((rubric, ctx) => {
    // The scale is indexed by score everywhere (LEVELS[score]): it must be exactly 0..4 in order.
    rubric.scale.forEach((entry, index) => {
      if (entry.score !== index || entry.level !== LEVELS[index]) {
        ctx.addIssue({
          code: 'custom',
          path: ['scale', index],
          message: `l'échelle doit aller de 0 à 4 dans l'ordre (${index} = ${LEVELS[index]})`,
        });
      }
    });
    const seen = new Set<string>();
    rubric.criteria.forEach((criterion, index) => {
      if (seen.has(criterion.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['criteria', index, 'id'],
          message: `critère en double : ${criterion.id}`,
        });
      }
      seen.add(criterion.id);
    });
  });
export type Rubric = z.infer<typeof RubricSchema>;

/** The default scale of DESIGN.md, in French. */
export const DEFAULT_SCALE: readonly RubricScaleEntry[] = [
  { score: 0, level: 'absent', label: 'Absent', description: "Le critère n'est pas traité." },
  {
    score: 1,
    level: 'insuffisant',
    label: 'Insuffisant',
    description: "Le point est mentionné, mais il n'est ni analysé ni étayé.",
  },
  {
    score: 2,
    level: 'partiel',
    label: 'Partiel',
    description: "Le point est traité, mais l'analyse est incomplète ou faiblement argumentée.",
  },
  {
    score: 3,
    level: 'satisfaisant',
    label: 'Satisfaisant',
    description: 'Le critère est rempli par une analyse argumentée et étayée.',
  },
  {
    score: 4,
    level: 'excellent',
    label: 'Excellent',
    description: 'Le critère est dépassé : analyse chiffrée, sourcée et cohérente avec le reste du dossier.',
  },
];

type Descriptors = [string, string, string, string, string];

/**
 * Hand-written descriptors, matched to the referential's criteria by a distinctive fragment of their text
 * (accents and case ignored) rather than by id, so that a renumbering of the criteria cannot silently attach
 * descriptors to the wrong criterion. `rubric.test.ts` checks every criterion of these exams gets one.
 */
const HAND_WRITTEN: Record<string, { match: string; descriptors: Descriptors }[]> = {
  'b1-diagnostics-strategiques': [
    {
      match: 'methodologie de veille',
      descriptors: [
        'Aucune méthodologie de veille ni source citée.',
        'Quelques sources citées sans méthode de veille : ni axes, ni outils, ni fréquence ; origine ou date des données souvent absente.',
        'Méthodologie de veille décrite sommairement (principales sources, quelques outils) ; sources en partie non datées, fiabilité non évaluée, pas de synthèse des sources.',
        'Méthodologie de veille explicite (axes, outils, fréquence, traitement, diffusion) et synthèse de sources variées et datées ; l’origine de chaque donnée clé est identifiable.',
        'Méthodologie de veille outillée et justifiée (y compris l’usage contrôlé d’outils d’IA), sources nombreuses, datées et fiables, recoupées ; la fiabilité est évaluée et chaque chiffre clé renvoie à sa source.',
      ],
    },
    {
      match: 'diagnostics strategiques de',
      descriptors: [
        'Aucun diagnostic stratégique (externe ou interne) n’est présenté.',
        'Un seul des deux diagnostics, ou des listes (PESTEL, SWOT…) d’affirmations génériques, non argumentées et non reliées à l’entreprise.',
        'Diagnostics externe et interne présents mais surtout descriptifs ou délayés : éléments clés peu hiérarchisés, peu de données, conclusions stratégiques faibles.',
        'Diagnostics externe et interne argumentés et concis, fondés sur des éléments clés chiffrés ou sourcés, et conclus par des enjeux clairement formulés.',
        'Diagnostics rigoureux et synthétiques : chaque facteur est hiérarchisé par son impact, chiffré et sourcé ; le croisement externe/interne (SWOT dynamique, TOWS…) débouche sur des axes stratégiques cohérents avec le reste du dossier.',
      ],
    },
    {
      match: 'entonnoir',
      descriptors: [
        'Ni le groupe ou l’entreprise ni l’unité d’affaires ne sont présentés.',
        'Présentation succincte de l’entreprise, sans l’unité d’affaires ni son secteur, ou sans logique d’entonnoir.',
        'Groupe/entreprise et unité d’affaires présentés, mais l’enchaînement secteur → entreprise → unité d’affaires est incomplet ou peu chiffré.',
        'Présentation en entonnoir réalisée : secteur, groupe/entreprise puis unité d’affaires, avec chiffres clés (chiffre d’affaires, effectifs, implantations, activités) et positionnement.',
        'Présentation en entonnoir claire, chiffrée, datée et sourcée, qui situe précisément l’unité d’affaires dans son secteur et dans le groupe et prépare l’analyse du marché et les diagnostics.',
      ],
    },
    {
      match: 'nature du marche',
      descriptors: [
        'Ni le marché ni la concurrence ne sont analysés.',
        'Marché ou concurrence évoqués sans chiffres ni analyse (concurrents nommés sans comparaison).',
        'Marché décrit avec quelques chiffres ; nature du marché (taille, évolution, segments) incomplète ; concurrence listée ou analysée superficiellement.',
        'Nature du marché caractérisée (taille, évolution, segments, tendances) avec ses principaux chiffres sourcés ; concurrence directe et indirecte analysée selon des critères explicites.',
        'Analyse du marché chiffrée, datée et sourcée, avec sa dynamique et des projections ; concurrents directs et indirects comparés (parts de marché, positionnement, prix, forces et faiblesses) et conséquences tirées pour l’entreprise.',
      ],
    },
    {
      match: 'choix strategiques',
      descriptors: [
        'Aucune analyse des choix stratégiques de l’entreprise.',
        'Choix stratégiques énoncés sans analyse ; vision, mission, raison d’être et valeurs absentes ou seulement recopiées.',
        'Choix stratégiques analysés en partie ; le lien avec la vision, la mission, la raison d’être ou les valeurs est peu établi ; arguments décisifs peu identifiés.',
        'Analyse détaillée et structurée des choix stratégiques (domaines d’activité, modes de croissance, positionnement) qui met en exergue les arguments décisifs en lien avec la vision, la mission, la raison d’être et les valeurs.',
        'Analyse détaillée et structurée, appuyée sur des outils reconnus et des faits datés, qui évalue la cohérence des choix avec la vision, la mission, la raison d’être et les valeurs, et en discute les alternatives.',
      ],
    },
    {
      match: 'ensemble des enjeux',
      descriptors: [
        'Ni les enjeux ni les risques de l’entreprise ne sont présentés.',
        'Quelques enjeux ou risques cités, sans lien avec la situation de l’entreprise ni qualification.',
        'Enjeux et risques présentés mais incomplets (une dimension économique, sociétale ou environnementale manque) ou non hiérarchisés.',
        'L’ensemble des enjeux économiques, sociétaux et environnementaux et des risques est présenté, rattaché à la situation de l’entreprise et hiérarchisé.',
        'Enjeux et risques présentés de façon exhaustive et hiérarchisée (probabilité, impact), chiffrés quand c’est possible, sourcés, avec des pistes de maîtrise reprises dans les préconisations.',
      ],
    },
    {
      match: 'business model',
      descriptors: [
        'Le business model n’est pas analysé.',
        'Business model évoqué, ou canevas recopié, sans analyse.',
        'Business model décrit mais analyse incomplète : proposition de valeur, sources de revenus, partenaires clés, clientèle ou domaines d’activité manquent, ou aucune conclusion n’est tirée.',
        'Analyse synthétique du business model réalisée : proposition de valeur, sources de revenus, partenaires clés, clientèle, positionnement et domaines d’activité stratégiques, avec une appréciation de sa pertinence.',
        'Analyse synthétique et chiffrée du business model (poids des sources de revenus, structure de coûts, marges) qui en évalue la pertinence et la durabilité et identifie les leviers d’évolution.',
      ],
    },
    {
      match: 'lien entre la strategie globale',
      descriptors: [
        'Aucun lien n’est fait entre la stratégie globale et la stratégie commerciale.',
        'Le lien est affirmé sans être expliqué ; la cohérence n’est pas démontrée.',
        'Lien établi entre stratégie globale et stratégie commerciale, mais cohérence démontrée en partie seulement (peu d’exemples, d’objectifs ou d’indicateurs communs).',
        'Lien établi et cohérence démontrée : objectifs, cibles et actions commerciales découlent explicitement de la stratégie globale, exemples à l’appui.',
        'Cohérence démontrée de bout en bout (stratégie globale → objectifs commerciaux chiffrés → actions → indicateurs), tensions ou écarts identifiés et discutés.',
      ],
    },
    {
      match: 'gouvernance',
      descriptors: [
        'La gouvernance de l’entreprise n’est pas étudiée.',
        'Gouvernance évoquée (organigramme, noms des dirigeants) sans étude.',
        'Gouvernance décrite (actionnariat, instances, dirigeants) sans analyse de son fonctionnement ni de ses effets sur la stratégie.',
        'Étude de la gouvernance réalisée : structure de propriété, instances de décision, système managérial, et leur influence sur les choix stratégiques et commerciaux.',
        'Étude de la gouvernance approfondie et sourcée, qui en identifie les forces, les faiblesses et les risques (décision, dépendance, RSE) et en tire des préconisations.',
      ],
    },
    {
      match: 'parties prenantes',
      descriptors: [
        'Les parties prenantes ne sont pas présentées.',
        'Parties prenantes listées sans analyse de leurs objectifs ni de leur impact.',
        'Parties prenantes internes et externes présentées avec leurs objectifs, mais impact sur le développement ou intérêts contradictoires peu analysés.',
        'Parties prenantes internes et externes présentées et analysées : objectifs réciproques et contradictoires, impact sur le développement commercial.',
        'Analyse outillée des parties prenantes (cartographie pouvoir/intérêt) qui hiérarchise leur impact, explique convergences et divergences et propose des modes d’implication cohérents avec la stratégie.',
      ],
    },
  ],
  'b1-audit-rse': [
    {
      match: 'objectifs de rse',
      descriptors: [
        'Aucun objectif RSE n’est formulé.',
        'Objectifs RSE vagues (intentions générales), sans lien avec des critères ESG.',
        'Objectifs RSE formulés et rattachés en partie à des critères ESG, mais peu structurés, non SMART ou peu illustrés.',
        'Objectifs RSE structurés (SMART) reposant sur des critères environnementaux, sociaux et de gouvernance clairement exposés et illustrés par des exemples de l’entreprise.',
        'Objectifs RSE SMART et hiérarchisés, chacun relié à des critères ESG exposés, illustrés et chiffrés (situation de départ, cible, échéance) et aux enjeux de la direction générale.',
      ],
    },
    {
      match: 'obligations imposees par la reglementation',
      descriptors: [
        'Aucune obligation réglementaire n’est prise en compte.',
        'Réglementation citée (sigles, lois) sans lien avec le plan d’actions.',
        'Principales obligations identifiées et reprises en partie dans le plan d’actions ; cohérence avec la stratégie peu démontrée.',
        'Obligations réglementaires applicables à l’entreprise identifiées et intégrées aux éléments clés du plan d’actions, qui répond de façon cohérente à la stratégie.',
        'Veille réglementaire précise et datée (textes, seuils, échéances d’application) traduite en actions planifiées avec responsables et indicateurs ; cohérence entre conformité et stratégie démontrée.',
      ],
    },
    {
      match: 'resultats de l',
      descriptors: [
        'Aucun résultat d’audit RSE n’est présenté.',
        'Constats d’audit énoncés sans mise en perspective avec la réglementation ni avec les attentes des acheteurs et consommateurs.',
        'Résultats de l’audit mis en perspective avec une seule des deux exigences (réglementaire ou acheteurs/consommateurs), ou superficiellement.',
        'Résultats de l’audit confrontés aux exigences réglementaires et aux attentes des acheteurs et consommateurs, écarts identifiés.',
        'Résultats de l’audit mesurés et sourcés (labels, notations, enquêtes clients) et confrontés aux exigences réglementaires et à celles des acheteurs et consommateurs, avec des écarts quantifiés et priorisés.',
      ],
    },
    {
      match: 'criteres esg ont bien ete pris en compte',
      descriptors: [
        'Les critères ESG ne sont pas abordés.',
        'Critères ESG cités sans lien avec l’organisation commerciale.',
        'Critères ESG pris en compte en partie ; impact sur l’organisation commerciale évoqué sans analyse.',
        'Critères environnementaux, sociaux et de gouvernance pris en compte, et leur impact sur l’organisation commerciale (offre, processus de vente, force de vente, achats) présenté.',
        'Critères ESG pris en compte de façon complète, avec un impact sur l’organisation commerciale analysé, chiffré et anticipé (mesures, pratiques, conduite du changement).',
      ],
    },
    {
      match: 'indicateurs de rse',
      descriptors: [
        'Aucun indicateur RSE n’est proposé.',
        'Indicateurs cités sans définition, ni cible, ni justification.',
        'Indicateurs proposés mais incomplets (sans valeur cible, fréquence ou source) ou peu reliés aux objectifs.',
        'Indicateurs RSE définis (mode de calcul, cible, fréquence) et justifiés en cohérence avec les objectifs de l’entreprise.',
        'Tableau d’indicateurs RSE complet et justifié (valeur de départ, cible, échéance, responsable, source), couvrant les trois dimensions ESG et relié à chaque objectif.',
      ],
    },
    {
      match: 'risques lies a la rse sont',
      descriptors: [
        'Aucun risque lié à la RSE n’est repéré.',
        'Risques évoqués de façon générale, sans lien avec l’entreprise.',
        'Risques propres à l’entreprise repérés, mais ni qualifiés ni hiérarchisés.',
        'Risques liés à la RSE (réglementaires, d’image, opérationnels, financiers) repérés, propres à l’entreprise et qualifiés.',
        'Cartographie des risques RSE hiérarchisée (probabilité, gravité) et sourcée, reliée aux actions de maîtrise et aux préconisations.',
      ],
    },
    {
      match: 'des preconisations',
      descriptors: [
        'Aucune préconisation n’est proposée à la direction.',
        'Préconisations générales, sans lien avec les constats de l’audit.',
        'Préconisations reliées aux constats mais incomplètes (opportunités ou risques seulement) ou peu opérationnelles.',
        'Préconisations adressées à la direction, couvrant opportunités et risques liés à la RSE, justifiées par l’audit et réalisables.',
        'Préconisations hiérarchisées, chiffrées (coûts, gains, échéances) et planifiées, couvrant opportunités et risques, cohérentes avec la stratégie et les indicateurs proposés.',
      ],
    },
  ],
};

/** Folded (lib/text), whitespace collapsed: for matching criterion texts. */
function foldForMatch(text: string): string {
  return fold(text).replace(/\s+/g, ' ').trim();
}

/** The hand-written descriptors of an exam criterion, if any. Exported for the completeness test. */
export function handWrittenDescriptors(examId: string, criterionText: string): RubricDescriptors | null {
  const folded = foldForMatch(criterionText);
  const entry = HAND_WRITTEN[examId]?.find((candidate) => folded.includes(candidate.match));
  return entry ? toDescriptors(entry.descriptors) : null;
}

function toDescriptors([d0, d1, d2, d3, d4]: Descriptors): RubricDescriptors {
  return { 0: d0, 1: d1, 2: d2, 3: d3, 4: d4 };
}

// The referential's criteria are sentences « <object> est/sont <expectation> ». Splitting at the first verb
// gives the object the descriptors can name; « Le candidat … » criteria have no such object.
const MAIN_VERB =
  /\s(?:est|sont|a été|ont été|permet|permettent|démontre|démontrent|répond|répondent|aboutit|fait état|font état|explique|expliquent|montre|montrent|met|mettent|facilite|facilitent)\s/u;

/**
 * The criterion's object (« la méthodologie de veille et l'origine des sources »), or null when the sentence
 * has none worth naming. Exported for tests.
 */
export function criterionObject(text: string): string | null {
  const match = MAIN_VERB.exec(text);
  if (!match) return null;
  const subject = text
    .slice(0, match.index)
    .replace(/[\s,;:]+$/u, '')
    .trim();
  if (subject.length < 6 || subject.length > 160 || /^le candidat\b/iu.test(subject)) return null;
  // Lowercase the determiner, not an acronym (« RSE », « KPI »).
  return /^\p{Lu}\p{Ll}/u.test(subject) ? subject[0].toLowerCase() + subject.slice(1) : subject;
}

/**
 * Generic descriptors instantiated from the criterion's own wording. They restate the scale in terms of the
 * criterion so that the grader reads « what would a 2 look like here » rather than an abstract scale.
 */
export function genericDescriptors(criterionText: string): RubricDescriptors {
  const text = criterionText.trim().replace(/[.\s]+$/u, '');
  const object = criterionObject(text);
  const topic = object ? `ce point (${object})` : 'ce critère';
  return {
    0: object
      ? `Rien dans le dossier ne traite de ce point : ${object}.`
      : `Rien dans le dossier ne répond au critère « ${text} ».`,
    1: `${capitalise(topic)} est seulement évoqué : affirmations générales, sans analyse ni données, sources ou exemples qui les étayent.`,
    2: `${capitalise(topic)} est traité, mais de façon incomplète ou peu argumentée : le critère « ${text} » n'est que partiellement rempli (éléments clés manquants, analyse surtout descriptive, données non sourcées ou non datées).`,
    3: `Le critère « ${text} » est rempli : analyse structurée et argumentée, appuyée sur des éléments précis du dossier (données, sources, exemples).`,
    4: `Le critère « ${text} » est rempli au-delà des attentes : analyse chiffrée, sourcée et datée, reliée au reste du dossier (diagnostics, objectifs, plan d'actions) et débouchant sur des préconisations justifiées.`,
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Builds the default rubric of an exam object (no lookup): used by `defaultRubric` and by tests. */
export function rubricForExam(exam: Exam, version: string = DEFAULT_RUBRIC_VERSION): Rubric {
  return RubricSchema.parse({
    version,
    examId: exam.id,
    scale: DEFAULT_SCALE.map((entry) => ({ ...entry })),
    criteria: exam.criteria.map((criterion) => ({
      id: criterion.id,
      text: criterion.text,
      weight: 1,
      descriptors: handWrittenDescriptors(exam.id, criterion.text) ?? genericDescriptors(criterion.text),
      anchors: [],
    })),
  });
}

/**
 * The default rubric (v1) of an exam of the referential: equal weights, the referential's wording, the
 * hand-written descriptors where they exist and generic ones elsewhere. Throws on an unknown exam id.
 * A new object each time: callers may edit it into a new version without touching anyone else's copy.
 */
export function defaultRubric(examId: string): Rubric {
  const exam: Exam | undefined = getExam(examId);
  if (!exam) throw new Error(`Épreuve inconnue : ${examId}`);
  return rubricForExam(exam);
}

/**
 * Problems that make a rubric unusable for an exam (wrong exam, criteria missing or unknown); empty when it
 * fits. Kept apart from `RubricSchema` because the schema cannot see the referential.
 */
export function rubricProblems(rubric: Rubric, exam: Exam): string[] {
  const problems: string[] = [];
  if (rubric.examId !== exam.id) problems.push(`la grille vise l'épreuve ${rubric.examId}, pas ${exam.id}`);
  const rubricIds = new Set(rubric.criteria.map((criterion) => criterion.id));
  const examIds = new Set(exam.criteria.map((criterion) => criterion.id));
  for (const id of examIds) if (!rubricIds.has(id)) problems.push(`critère absent de la grille : ${id}`);
  for (const id of rubricIds) if (!examIds.has(id)) problems.push(`critère inconnu de l'épreuve : ${id}`);
  return problems;
}

/**
 * A stable content hash of a rubric (sha256 over canonical JSON with sorted keys), so that two rubrics with
 * the same content hash the same whatever the key order of the file they came from. Reviews store it beside
 * the version to detect a version edited in place.
 */
export function rubricHash(rubric: Rubric): string {
  return createHash('sha256').update(canonicalJson(rubric)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
