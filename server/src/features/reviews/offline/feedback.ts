/**
 * The words of a grade — rationale, what is missing, recommendations — derived from the score, the signals and
 * the quoted evidence, so that the report agrees with itself. French: the interface is French even when the
 * dossier is English.
 */
import type { Criterion } from '../../referential';
import { CONCEPTS, type ConceptId, type CriterionLexicon, conceptRecommendation } from './lexicon';
import {
  addressedAboutCompany,
  type CriterionSignals,
  conceptBars,
  coverageCount,
  SCORING_THRESHOLDS,
  support,
} from './scoring';

const MAX_MISSING = 5;
const MAX_RECOMMENDATIONS = 4;

// ── Messages (French: the interface is French even when the dossier is English) ──────────────────────

const NO_FIGURES =
  "Aucune donnée chiffrée à l'appui de l'analyse (chiffres, pourcentages, montants, évolutions datées)";
const NO_SOURCES = "Aucune source citée pour étayer l'analyse (études, rapports, sites, avec leur date)";
const NO_ARGUMENT =
  "Pas de raisonnement explicite : les éléments sont énoncés sans être expliqués ni reliés à leurs conséquences pour l'entreprise";
const GENERIC_ONLY =
  "Les passages qui traitent ce critère restent généraux : aucun ne l'applique à l'entreprise (nom, chiffre ou fait qui la concerne)";

/**
 * The generic advice (quantify, source, argue, apply) is written for the criterion at hand, naming its notions:
 * the same sentence under every criterion reads as boilerplate, and a report shows each piece of advice once.
 */
function topicOf(lexicon: CriterionLexicon, s: CriterionSignals, criterion: Criterion): string {
  const ids = s.notionsFound.length > 0 ? s.notionsFound : lexicon.notions;
  if (ids.length > 0) return list(ids, 2);
  const text = criterion.text.replace(/\s+/g, ' ').trim();
  return `« ${text.length > 70 ? `${text.slice(0, 69)}…` : text} »`;
}

const recFigures = (topic: string) =>
  `Quantifiez votre analyse (${topic}) : appuyez chaque constat clé sur un chiffre daté de l'entreprise (taille, évolution, part, montant) plutôt que sur une appréciation.`;
const recSources = (topic: string) =>
  `Sourcez ce que vous avancez sur ${topic} dans le texte (« selon… (2024) », rapport annuel, étude sectorielle) et regroupez les sources dans une sitographie.`;
const recArgument = (topic: string) =>
  `Ne vous contentez pas de citer ${topic} : reliez chaque constat à sa conséquence pour l'entreprise (« ce qui implique… », « par conséquent… ») et concluez par une préconisation.`;
const recApply = (topic: string) =>
  `Appliquez ${topic} à votre entreprise : une définition générale ne vaut pas analyse, illustrez-la par les faits et les chiffres de votre cas.`;
const recSpread = (topic: string) =>
  `Développez ${topic} au-delà d'un seul passage : illustrez-le par des exemples chiffrés dans les parties du dossier qui le concernent.`;

function label(id: ConceptId): string {
  return CONCEPTS[id].label;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n > 1 ? many : one}`;
}

function list(ids: readonly ConceptId[], max = 4): string {
  const labels = ids.slice(0, max).map(label);
  return ids.length > max ? `${labels.join(', ')}…` : labels.join(', ');
}

function coverageText(s: CriterionSignals): string {
  if (s.expected.length === 0) return 'sans notion de référence dans le lexique';
  const found = s.found.length > 0 ? ` : ${list(s.found)}` : '';
  return `${s.found.length} notion${s.found.length > 1 ? 's' : ''} attendue${s.found.length > 1 ? 's' : ''} sur ${s.expected.length}${found}`;
}

/** What the quoted evidence itself shows: a report must not say « aucune donnée chiffrée » under a quoted figure. */
export interface EvidenceFacts {
  quantified: boolean;
  sourced: boolean;
}

/**
 * What backs an « excellent » analysis, as the signals show it: the hand thresholds require figures and
 * sources for 4, a fitted mapping may not, and the rationale must not claim what is not there.
 */
function excellentBacking(s: CriterionSignals): string {
  const quantified = s.quantifiedSentences > 0;
  const sourced = s.sourceScore >= SCORING_THRESHOLDS.excellent.sourceScore;
  if (quantified && sourced) return 'analyse chiffrée et sourcée';
  if (quantified) return 'analyse chiffrée';
  return sourced ? 'analyse sourcée' : 'analyse développée';
}

export function rationale(score: number, s: CriterionSignals): string {
  const cov = coverageText(s);
  const T = SCORING_THRESHOLDS;
  switch (score) {
    case 0:
      return s.expected.length > 0
        ? `Aucun passage ne traite ce critère : aucune des notions attendues (${list(s.expected, 3)}) n'apparaît.`
        : 'Aucun passage ne traite ce critère.';
    case 1:
      if (s.relevantSentences === 0)
        return `Les notions attendues (${list(s.stuffedConcepts)}) n'apparaissent que dans des listes de mots-clés, qui ne comptent pas comme analyse.`;
      if (s.notions.length > 0 && s.notionsFound.length === 0)
        return `Le critère n'est pas traité : ses notions essentielles (${list(s.notions, 4)}) sont absentes du dossier ; les passages proches ne parlent que du domaine en général.`;
      if (s.notionsFound.length > 0 && !addressedAboutCompany(s))
        return `Le critère n'est pas appliqué à l'entreprise (${cov}) : ses notions essentielles (${list(s.notionsFound, 3)}) n'apparaissent que dans des définitions ou des conseils généraux, jamais à propos de son cas.`;
      if (s.genericSentences > 0 && s.developedSentences === 0)
        return `Le critère est abordé de façon générale (${cov}) : ${plural(s.genericSentences, 'phrase reste théorique', 'phrases restent théoriques')}, sans être appliquées à l'entreprise.`;
      if (s.developedSentences >= T.partial.developed && support(s) < T.partial.supported)
        return `Le critère est argumenté sans être étayé (${cov}) : aucune des ${plural(s.developedSentences, 'phrase développée', 'phrases développées')} n'apporte un chiffre ou une source.`;
      // A developed sentence exists (a fitted score may still read it as too little): say so, not « aucune ».
      if (s.developedSentences > 0)
        return `Le critère est abordé (${cov}) avec ${plural(s.developedSentences, 'phrase développée', 'phrases développées')}, trop peu pour une analyse probante.`;
      return `Le critère est seulement mentionné (${cov}) : aucune phrase ne l'argumente ni ne l'étaye par un chiffre ou une source.`;
    case 2: {
      const coverage = s.developedConcepts.length / Math.max(s.expected.length, 1);
      const reason =
        s.developedSentences < T.satisfactory.developed
          ? s.quantifiedSentences === 0 && s.sourceScore < T.sourced
            ? 'courte, ni chiffrée ni sourcée'
            : 'trop courte pour être probante'
          : coverage < T.satisfactory.coverage
            ? 'limitée à une partie des notions attendues'
            : s.linksNotions && s.developedNotions.length < s.notions.length
              ? `incomplète : ${list(s.notions.filter((id) => !s.developedNotions.includes(id)))} n'est pas développé`
              : 'incomplète';
      return `Le critère est abordé (${cov}) avec ${plural(s.developedSentences, 'phrase développée', 'phrases développées')}, mais l'analyse reste ${reason}.`;
    }
    case 3: {
      const bars = conceptBars(s.expected.length);
      const toReach: string[] = [];
      if (coverageCount(s) < bars.broad) toReach.push('couvrir davantage de notions attendues');
      if (s.developedSentences < T.excellent.developed) toReach.push('approfondir et argumenter davantage');
      if (s.quantifiedSentences < T.excellent.quantified) toReach.push('chiffrer');
      if (s.sourceScore < T.excellent.sourceScore) toReach.push('citer des sources');
      const next = toReach.length > 0 ? ` Pour viser 4 : ${toReach.join(', ')}.` : '';
      const figures =
        s.quantifiedSentences > 0 ? plural(s.quantifiedSentences, 'chiffrée', 'chiffrées') : 'sans chiffre';
      const sources = s.sourceScore >= T.sourced ? 'sources citées' : 'sans source nommée';
      return `Analyse étayée couvrant ${cov}, avec ${plural(s.developedSentences, 'phrase développée', 'phrases développées')} dont ${plural(s.arguedSentences, 'argumentée', 'argumentées')} (${figures}, ${sources}).${next}`;
    }
    default:
      return `Couverture large (${cov}) et ${excellentBacking(s)} sur ${plural(s.pages.length, 'page', 'pages')}, avec ${plural(s.arguedSentences, 'phrase argumentée', 'phrases argumentées')}.`;
  }
}

/**
 * The rationale of a score read on the draft's level (scoring.ts `levelledScore`): what was found for the
 * criterion, the draft's level that raised it, and what to check. Says why the score is above what this
 * criterion's own passages show, so a trainer can confirm it.
 */
export function levelledRationale(
  score: number,
  read: number,
  s: CriterionSignals,
  level: { atLeast3: number; criteria: number },
): string {
  return liftedRationale(
    score,
    read,
    s,
    `${level.atLeast3} critères sur ${level.criteria} y sont étayés à 3/4 ou plus par les faits de l'entreprise, et dans les dossiers de ce niveau`,
  );
}

/**
 * The rationale of a score read on the draft's density in the company's facts (scoring.ts `factDenseScore`): what
 * was found for the criterion, the figures and dates that raised it, and what to check.
 */
export function denseRationale(
  score: number,
  read: number,
  s: CriterionSignals,
  density: { perThousandWords: number; passageShare: number },
): string {
  const perThousand = Math.round(density.perThousandWords);
  const share = Math.round(100 * density.passageShare);
  return liftedRationale(
    score,
    read,
    s,
    `il donne ${perThousand} chiffres et dates de l'entreprise pour 1 000 mots, dans ${share} % de ses parties, et dans les dossiers aussi riches en faits de l'entreprise`,
  );
}

/**
 * The rationale of a score lowered in a thin draft (scoring.ts `thinScore`): what was found for the criterion, why the
 * draft's level lowered it, and what would lift it.
 */
export function thinRationale(
  score: number,
  read: number,
  s: CriterionSignals,
  draft: { atMost1: number; criteria: number; passageShare: number },
): string {
  const share = Math.round(100 * draft.passageShare);
  const found = plural(s.developedSentences, 'phrase développée repérée', 'phrases développées repérées');
  return `Le critère est abordé (${coverageText(s)}), avec ${found}. Noté ${score} au vu du dossier : ${draft.atMost1} critères sur ${draft.criteria} n'y sont que mentionnés et les chiffres de l'entreprise ne figurent que dans ${share} % de ses parties ; dans un dossier de ce niveau, ce qui semble développé ici reprend le plus souvent une leçon ou une intention avec le nom de l'entreprise. Pris seul, ce qui en a été repéré vaudrait ${read} : montrez ce critère sur le cas de l'entreprise, avec ses faits et ses chiffres.`;
}

/** A score the draft raised above the criterion's own reading: what was found, why it was raised, what to check. */
function liftedRationale(score: number, read: number, s: CriterionSignals, why: string): string {
  const found =
    s.developedSentences > 0
      ? `avec ${plural(s.developedSentences, 'phrase développée repérée', 'phrases développées repérées')}`
      : 'sans phrase développée repérée';
  return `Le critère est traité (${coverageText(s)}) ${found}. Noté ${score} au vu du dossier : ${why} le jury note presque toujours ce critère ${score} ou plus. Pris seul, ce qui en a été repéré vaudrait ${read} : vérifiez que la partie qui le traite est aussi étayée que les autres.`;
}

function gaps(lexicon: CriterionLexicon, s: CriterionSignals, score: number, quoted: EvidenceFacts) {
  const found = new Set(s.found);
  const developed = new Set(s.developedConcepts);
  const coreMissing = lexicon.concepts
    .filter((c) => c.core && !c.domain && !found.has(c.id))
    .map((c) => c.id);
  const relatedMissing = lexicon.concepts.filter((c) => !c.core && !found.has(c.id)).map((c) => c.id);
  const mentionedOnly = lexicon.concepts
    .filter((c) => c.core && !c.domain && found.has(c.id) && !developed.has(c.id))
    .map((c) => c.id);
  const hasDepth = s.developedSentences > 0;
  return {
    coreMissing,
    relatedMissing,
    mentionedOnly,
    // Judged on the analysis and on what is quoted: a figure in the evidence is a figure.
    noFigures: hasDepth && s.quantifiedSentences === 0 && !quoted.quantified,
    noSources: hasDepth && s.sourceScore < SCORING_THRESHOLDS.sourced && !quoted.sourced,
    // A criterion scored satisfactory or better is argued by definition of the score; saying otherwise contradicts it.
    weakArgument:
      score <= 2 && s.relevantSentences > 0 && s.arguedSentences < SCORING_THRESHOLDS.satisfactory.argued,
    genericOnly: score <= 2 && s.genericSentences > 0 && s.developedSentences === 0,
  };
}

export function missingList(
  criterion: Criterion,
  lexicon: CriterionLexicon,
  s: CriterionSignals,
  score: number,
  quoted: EvidenceFacts,
): string[] {
  const g = gaps(lexicon, s, score, quoted);
  const out: string[] = g.coreMissing.map((id) => CONCEPTS[id].expectation);
  if (s.expected.length === 0 && s.relevantSentences === 0)
    out.push(`Le critère n'est pas traité : « ${criterion.text} »`);
  if (g.genericOnly) out.push(GENERIC_ONLY);
  if (g.weakArgument) out.push(NO_ARGUMENT);
  if (g.noFigures) out.push(NO_FIGURES);
  if (g.noSources) out.push(NO_SOURCES);
  for (const id of g.mentionedOnly)
    out.push(
      `${capitalize(label(id))} : cité sans être analysé (aucune phrase argumentée, chiffrée ou sourcée)`,
    );
  for (const id of g.relatedMissing) out.push(CONCEPTS[id].expectation);
  return out.slice(0, MAX_MISSING);
}

export function recommendationList(
  criterion: Criterion,
  lexicon: CriterionLexicon,
  s: CriterionSignals,
  score: number,
  quoted: EvidenceFacts,
  examId: string,
): string[] {
  const g = gaps(lexicon, s, score, quoted);
  const topic = topicOf(lexicon, s, criterion);
  const advice = (id: ConceptId) => conceptRecommendation(id, examId);
  const out: string[] = [];
  for (const id of g.coreMissing.slice(0, 2)) out.push(advice(id));
  if (g.genericOnly) out.push(recApply(topic));
  if (score <= 1 && s.notionsFound.length > 0) out.push(recArgument(topic));
  if (g.noFigures) out.push(recFigures(topic));
  if (g.noSources) out.push(recSources(topic));
  if (g.weakArgument) out.push(recArgument(topic));
  for (const id of g.mentionedOnly) out.push(advice(id));
  if (
    score === 3 &&
    s.pages.length < SCORING_THRESHOLDS.excellent.pages &&
    s.passages < SCORING_THRESHOLDS.excellent.pages
  ) {
    out.push(recSpread(topic));
  }
  for (const id of g.coreMissing.slice(2)) out.push(advice(id));
  for (const id of g.relatedMissing) out.push(advice(id));
  return [...new Set(out)].slice(0, MAX_RECOMMENDATIONS);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
