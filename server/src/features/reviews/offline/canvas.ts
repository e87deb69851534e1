/**
 * A business model synthesised in the company's own words (issue #16, far misses on strong drafts).
 *
 * « L'analyse synthétique du business model est réalisée » asks for a synthesis, not an argument: a jury credits
 * the criterion when the model's building blocks — what is sold, to whom, through which channel, how revenue comes
 * in, on which key resources and partners, at which main costs and margin — are laid out about the company, in one
 * place, with its figures. Strong plain-worded drafts do exactly that (« ses clients sont… », « les revenus les plus
 * réguliers viennent du gardiennage… », « ses coûts principaux sont les salaires (54 %)… ») without the canvas's
 * vocabulary nor a connective, and the analyzer read them « seulement mentionné » (1) where the jury gave 3.
 *
 * The rule: in one passage, statements about the company (applied, `statement`) name at least `blocks` distinct
 * building blocks, at least `figures` of them with a figure of the company's: the synthesis is done (3). Named in
 * scattered sentences over the draft (clients here, costs there), the blocks are the dossier's facts, not a
 * synthesis of the model, and nothing is lifted. Only the criterion whose one core notion is the business model
 * reads it (analyzer.ts): where the model is one notion among others (a marketing mix, a viability study), laying
 * it out answers part of the criterion only.
 *
 * Measured before choosing it, on the tuning part and `evals/pending/` (381 drafts, main at 31e566d): at 4 blocks
 * and 2 figures, six strong drafts' business model criterion moved to 3, all rated 3 by their jury (two from 1),
 * and no partial or weak draft moved. At 3 blocks three partial drafts rose above their gold (1–2): the margin over
 * partial drafts is one block. Applied to every criterion naming the business model among its notions, three
 * partial drafts' marketing-mix criterion rose 2 -> 3 against gold 1: kept to the synthesis criterion.
 */
import type { Candidate } from './candidates';
import { companyStatements, type PartPatterns, partsIn } from './described-parts';

/** Building blocks a synthesis names, and how many of its statements carry a figure. */
export const CANVAS = { blocks: 4, figures: 2, score: 3 } as const;

/** The business model's building blocks, matched on folded text (lower case, no accents). */
const BLOCKS: PartPatterns = {
  offer:
    /\b(?:vend(?:ons|ent|u|us)?|propos(?:e|ons|ent)|prom(?:et|ettons|esse)|offre(?:s|ons)?|proposition de valeur)\b/,
  clients: /\b(?:clients?|clientele|acheteurs?|cibles?|particuliers|professionnels)\b/,
  channels:
    /\b(?:canal|canaux|en ligne|site|boutique|magasin|revendeurs?|distribut\w*|vente directe|bouche a oreille)\b/,
  revenue:
    /\b(?:revenus?|recettes?|chiffre d'affaires|prix|tarifs?|abonnements?|factur\w+|se vend(?:ent)?)\b/,
  resources:
    /\b(?:ressources?|savoir[ -]faire|equipe|salaries|atelier|machines?|outils?|materiel|locaux|terrain)\b/,
  partners: /\b(?:partenaires?|partenariats?|fournisseurs?|prescripteurs?|sous[ -]traitants?)\b/,
  costs: /\b(?:couts?|charges?|depenses?|salaires|masse salariale)\b/,
  margin: /\b(?:marges?|rentab\w+|benefices?|resultat net|excedent)\b/,
};

/** The building blocks one sentence names. */
export function canvasBlocks(folded: string): string[] {
  return partsIn(folded, BLOCKS);
}

/** Whether one passage of the relevant candidates lays the model out: `CANVAS.blocks` blocks, `CANVAS.figures` figures. */
export function synthesisesModel(relevant: readonly Candidate[]): boolean {
  const byPassage = new Map<number, { blocks: Set<string>; figures: number }>();
  for (const c of companyStatements(relevant)) {
    const blocks = canvasBlocks(c.facts.folded);
    if (blocks.length === 0) continue;
    const passage = Math.floor(c.order / 1_000_000);
    const here = byPassage.get(passage) ?? { blocks: new Set<string>(), figures: 0 };
    for (const b of blocks) here.blocks.add(b);
    if (c.facts.signals.quantities > 0) here.figures++;
    byPassage.set(passage, here);
  }
  return [...byPassage.values()].some((p) => p.blocks.size >= CANVAS.blocks && p.figures >= CANVAS.figures);
}

/** The score of a criterion whose core notion is the business model, once its synthesis is read. */
export function canvasScore<S extends 0 | 1 | 2 | 3 | 4>(
  score: S,
  synthesised: boolean,
): S | typeof CANVAS.score {
  return synthesised && score < CANVAS.score ? CANVAS.score : score;
}
