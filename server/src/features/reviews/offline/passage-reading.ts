/**
 * What a passage says whatever the criterion: its sentences, each sentence's facts, which of them are about the
 * company, its tables' headers, its ESG grid lines, its listed plan. Every criterion of a review reads the same
 * passages, so this is read once per passage and kept per dossier (keyed by the dossier object: nothing outlives
 * it); `classify` (candidates.ts) adds what depends on the criterion.
 */
import type { DossierText, GradingPassage } from '../grade-schema';
import { isPlanHeading, planItems } from './action-lists';
import { isApplied, isCompanySection, isTextbookProse } from './applied';
import { type FigureReading, figureReading } from './context-figures';
import { isGeneralAdvice, isGeneralStatistic, isTradeHabit } from './generic-prose';
import {
  type ConceptHit,
  type DepthSignals,
  depthSignals,
  findConcepts,
  fold,
  indexText,
  type MatchLanguage,
  type TextIndex,
} from './lexicon';
import { esgGridLines } from './pillars';
import { SCORING_THRESHOLDS } from './scoring';
import { type PassageSentence, sentencesOfPassage, splitSentences } from './sentences';
import { type StuffingVerdict, stuffingVerdict } from './stuffing';
import { isTableRow, tableHeaders } from './table-rows';
import { isCaseFact, isTerseCaseStatement } from './terse-case';
import { opensOnCompanyReference, opensOnName, opensOnPronoun } from './third-person';

/** What the lexicon says about one sentence, whatever the criterion. */
export interface SentenceFacts {
  folded: string;
  index: TextIndex;
  concepts: ConceptHit[];
  signals: DepthSignals;
  stuffed: StuffingVerdict | null;
}

/** A per-dossier memo: all criteria of one review share the work, nothing outlives the dossier. */
export function perDossier<T>(): (dossier: DossierText, key: string, make: () => T) => T {
  const caches = new WeakMap<DossierText, Map<string, T>>();
  return (dossier, key, make) => {
    let cache = caches.get(dossier);
    if (!cache) {
      cache = new Map();
      caches.set(dossier, cache);
    }
    let value = cache.get(key);
    if (value === undefined) {
      value = make();
      cache.set(key, value);
    }
    return value;
  };
}

const factsMemo = perDossier<SentenceFacts>();

/** Concepts, depth signals and stuffing verdict of a sentence, memoised per dossier. */
export function sentenceFacts(dossier: DossierText, lang: MatchLanguage, text: string): SentenceFacts {
  return factsMemo(dossier, `${lang}\u0000${text}`, () => {
    const folded = fold(text);
    const index = indexText(folded);
    const concepts = findConcepts(folded, lang, index);
    const signals = depthSignals(text, folded, lang);
    return { folded, index, concepts, signals, stuffed: stuffingVerdict(folded, concepts, signals) };
  });
}

/** The dossier's figure reading (context-figures.ts `figureReading`) from its sentences' cached facts. */
export function dossierFigures(dossier: DossierText, lang: MatchLanguage): FigureReading {
  return figureReading(dossier, (text) => {
    const s = sentenceFacts(dossier, lang, text).signals;
    return { quantities: s.quantities, sources: s.strongSources + s.weakSources };
  });
}

/** A key for a set of passages, for memos kept per dossier (a review's criteria read the same passages). */
export function passageSetKey(passages: readonly GradingPassage[]): string {
  return passages.map((p) => `${p.id}:${p.text.length}`).join(',');
}

/** What the passages' prose statements say of the company, counted in one walk (`appliedShare`, `factDensity`). */
interface StatementTally {
  /** Prose statements (table rows and headers left out), and those about the company (`appliedHere`). */
  statements: number;
  applied: number;
  /** Words of every sentence, tables included. */
  words: number;
  /** Figures and dates in the statements about the company. */
  facts: number;
  /** Passages holding a prose statement, and those with a statement about the company carrying a figure or date. */
  withStatements: number;
  withFacts: number;
}

const tallyMemo = perDossier<StatementTally>();

/** The passages' prose statements tallied once per dossier and passage set. */
function statementTally(
  dossier: DossierText,
  lang: MatchLanguage,
  passages: readonly GradingPassage[],
): StatementTally {
  const key = `${lang}\u0000${passageSetKey(passages)}`;
  return tallyMemo(dossier, key, () => {
    const t: StatementTally = {
      statements: 0,
      applied: 0,
      words: 0,
      facts: 0,
      withStatements: 0,
      withFacts: 0,
    };
    for (const passage of passages) {
      const reading = passageReading(dossier, lang, passage);
      let statements = 0;
      let factual = false;
      reading.factsOf.forEach((f, i) => {
        t.words += f.signals.words;
        if (isTableRow(f.folded) || !isStatement(f.signals)) return;
        statements++;
        if (!reading.appliedHere[i]) return;
        t.applied++;
        const n = f.signals.quantities + f.signals.dates;
        t.facts += n;
        if (n > 0) factual = true;
      });
      t.statements += statements;
      if (statements === 0) continue;
      t.withStatements++;
      if (factual) t.withFacts++;
    }
    return t;
  });
}

/**
 * The share of the passages' prose statements that are about the company (`appliedHere`: its figures, its
 * names, the candidate's voice), tables left out (rows and headers), memoised per dossier and passage set. A
 * dossier written about the company states its case in most of its statements; a course, or a guide to creating
 * any company with the company's name dropped in, in few of them (scoring.ts `courseDraft`).
 */
export function appliedShare(
  dossier: DossierText,
  lang: MatchLanguage,
  passages: readonly GradingPassage[],
): number {
  const { statements, applied } = statementTally(dossier, lang, passages);
  // A handful of statements (a table with a line of text, an excerpt) tells nothing of what the dossier is.
  return statements < MIN_STATEMENTS_FOR_SHARE ? 1 : applied / statements;
}

/** Prose statements `appliedShare` needs to say anything: fewer, and the dossier counts as about the company. */
const MIN_STATEMENTS_FOR_SHARE = 10;

/** How densely and how widely a draft states the company's own facts (`factDensity`). */
export interface FactDensity {
  /** Figures and dates in prose statements about the company, per 1,000 words of the passages (tables included). */
  perThousandWords: number;
  /** Of the passages holding a prose statement, the share with a statement about the company carrying a figure or a date. */
  passageShare: number;
  /** The passages holding a prose statement: how many parts the share is read over. */
  passages: number;
}

/**
 * The company's facts across the draft (issue #16, strong drafts in plain words): its figures and dates stated in
 * prose about it (`appliedHere`), per 1,000 words, and the share of the passages that carry one. A jury sees at
 * once a draft full of the company's own facts in every section; a course or a guide gives the sector's figures
 * (never applied), a partial draft describes the company in fewer of them. Memoised per dossier and passage set.
 */
export function factDensity(
  dossier: DossierText,
  lang: MatchLanguage,
  passages: readonly GradingPassage[],
): FactDensity {
  const { words, facts, withStatements, withFacts } = statementTally(dossier, lang, passages);
  return {
    perThousandWords: words === 0 ? 0 : (1000 * facts) / words,
    passageShare: withStatements === 0 ? 0 : withFacts / withStatements,
    passages: withStatements,
  };
}

/** Long enough and with a verb, or long enough to say something without one: a statement, not a label. */
export function isStatement(s: { words: number; verb: boolean }): boolean {
  const T = SCORING_THRESHOLDS;
  return s.words >= T.minWords && (s.verb || s.words >= T.statementWords);
}

export interface PassageReading {
  sentences: PassageSentence[];
  /** Each sentence's facts (`sentenceFacts`), by sentence index. */
  factsOf: SentenceFacts[];
  /** The sentence states a fact of the company (applied.ts `isApplied`). */
  appliedHere: boolean[];
  /** The index of each table row's header row, −1 outside tables (table-rows.ts). */
  headers: number[];
  /** The sentence is a line of an ESG grid (pillars.ts). */
  esgLines: boolean[];
  /** Most of the passage's statements are about the company (applied.ts `isCompanySection`). */
  companySection: boolean;
  /** The measured steps of a plan listed under the passage's heading (action-lists.ts), by sentence index. */
  planSteps(): ReadonlySet<number>;
}

const readingMemo = perDossier<PassageReading>();

/** The criterion-independent reading of one passage, memoised per dossier. */
export function passageReading(
  dossier: DossierText,
  lang: MatchLanguage,
  passage: GradingPassage,
): PassageReading {
  const key = `${lang}\u0000${passage.id}\u0000${passage.page}\u0000${passage.pageEnd}\u0000${passage.section ?? ''}\u0000${passage.text}`;
  return readingMemo(dossier, key, () => {
    const sentences = sentencesOfPassage(passage, dossier);
    const factsOf = sentences.map((sentence) => sentenceFacts(dossier, lang, sentence.text));
    // In a draft without figures of its own (context-figures.ts), a bare figure is the sector's, not a fact of
    // the company, and a common word its name borrows (« une salle de bloc » in a draft about « Bloc Nord ») does
    // not mark the company: `names` is then its proper names only.
    const { names, ownFigures } = dossierFigures(dossier, lang);
    // In a draft about one company, its terse statements that name nothing (terse-case.ts) are its case too.
    const company = companyDraft(dossier, lang);
    const appliedHere: boolean[] = [];
    const third: boolean[] = [];
    factsOf.forEach((f, i) => {
      const statement = isStatement(f.signals) && !isTableRow(f.folded);
      // Told in the third person (third-person.ts): « elle » after a statement about the company, or what
      // « l'entreprise », « son dirigeant » did, in a draft about it.
      third.push(
        company && statement && isThirdPersonCase(f.folded, names, factsOf[i - 1]?.folded, third[i - 1]),
      );
      appliedHere.push(
        isApplied(f.folded, ownFigures ? f.signals.quantities : 0, names) ||
          (company && statement && isTerseCase(f.folded, names)) ||
          third[i] === true,
      );
    });
    let plan: ReadonlySet<number> | undefined;
    return {
      sentences,
      factsOf,
      appliedHere,
      headers: tableHeaders(sentences, passage.text),
      esgLines: esgGridLines(factsOf.map((f) => f.folded)),
      companySection: isCompanySection(
        appliedHere,
        factsOf.map((f) => isStatement(f.signals)),
      ),
      planSteps: () => {
        plan ??= listedPlan(dossier, lang, passage, sentences, factsOf);
        return plan;
      },
    };
  });
}

/** Share of a dossier's prose statements about the company (applied.ts) above which it is about one company. */
export const COMPANY_DRAFT_SHARE = 0.6;

const companyMemo = perDossier<boolean>();

/**
 * The dossier is about one company (terse-case.ts): it names it (applied.ts `dossierNames`) and at least
 * `COMPANY_DRAFT_SHARE` of its prose statements are about it by a figure, a name or the candidate's voice. Read
 * on the whole text, before any terse statement is added, so that no course and no guide becomes a company's
 * case by its dated sentences (scoring.ts `courseDraft` reads the share under 0.3). Unseen strong drafts that
 * moved read 0.60–0.79; at 0.5 a weak creation draft (0.55) and partial ones (0.50, 0.57) took the economy's dated
 * past for the company's and rose.
 *
 * Also counted (branch grader-voice-16): statements told in the third person (third-person.ts) and terse
 * statements of the case (terse-case.ts), which name nothing yet are no one else's. Third-person strong drafts
 * read 0.50–0.59 without them and 0.60–0.72 with them (refractaires, dyeing, terreaux, oleicole, produce, spices,
 * elagage…); no weak draft crosses the bar; four partial ones do (conveyors, aquariums, the tuning hygiene and
 * b1-diagnostics-strategiques/partial: +0.00–0.20 overall).
 */
export function companyDraft(dossier: DossierText, lang: MatchLanguage): boolean {
  return companyMemo(dossier, lang, () => {
    const { names, ownFigures } = dossierFigures(dossier, lang);
    if (names.size === 0) return false;
    let statements = 0;
    let about = 0;
    let previous: string | undefined;
    let previousThird = false;
    for (const span of splitSentences(dossier.text)) {
      const f = sentenceFacts(dossier, lang, span.text);
      if (isTableRow(f.folded) || !isStatement(f.signals)) continue;
      statements++;
      const third = isThirdPersonCase(f.folded, names, previous, previousThird);
      if (
        isApplied(f.folded, ownFigures ? f.signals.quantities : 0, names) ||
        third ||
        isTerseCase(f.folded, names)
      )
        about++;
      previous = f.folded;
      previousThird = third;
    }
    return statements >= MIN_STATEMENTS_FOR_SHARE && about >= COMPANY_DRAFT_SHARE * statements;
  });
}

/** A terse statement of the case (terse-case.ts), not textbook prose nor a statistic of the sector. */
function isTerseCase(folded: string, names: ReadonlySet<string>): boolean {
  return (
    isTerseCaseStatement(folded) &&
    !isTextbookProse(folded, names) &&
    !isGeneralStatistic(folded) &&
    !isTradeHabit(folded) &&
    !isGeneralAdvice(folded)
  );
}

/**
 * A statement of the company's case told in the third person (third-person.ts): a subject pronoun whose
 * antecedent, the statement before, is about the company, or a definite reference to the firm or its people;
 * a fact (terse-case.ts `isCaseFact`: no modal, no law's nor market's act), not textbook prose nor a statistic
 * of the sector.
 */
function isThirdPersonCase(
  folded: string,
  names: ReadonlySet<string>,
  previous: string | undefined,
  previousThird: boolean | undefined,
): boolean {
  // A pronoun stands for the subject of the statement before: the company when that one opened on its name or
  // on a reference to it (or was itself told so).
  const refers = opensOnPronoun(folded)
    ? previous !== undefined && (previousThird === true || opensOnName(previous, names))
    : opensOnCompanyReference(folded);
  return (
    refers &&
    isCaseFact(folded) &&
    !isTextbookProse(folded, names) &&
    !isGeneralStatistic(folded) &&
    !isTradeHabit(folded) &&
    !isGeneralAdvice(folded)
  );
}

function listedPlan(
  dossier: DossierText,
  lang: MatchLanguage,
  passage: GradingPassage,
  sentences: PassageSentence[],
  factsOf: SentenceFacts[],
): ReadonlySet<number> {
  if (!passage.section) return new Set();
  const heading = sentenceFacts(dossier, lang, passage.section);
  return planItems(
    sentences,
    passage.text,
    isPlanHeading(heading.folded, heading.signals.recommendation),
    (i) => {
      const s = factsOf[i].signals;
      return s.words >= SCORING_THRESHOLDS.minWords && s.quantities + s.dates > 0;
    },
  );
}
