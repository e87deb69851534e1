/**
 * Textbook prose that looks applied (issue #16): the lesson's « nous », statistics about firms in general and
 * job titles capitalised in a CV are not facts about the candidate's company; the company's own voice,
 * figures and names still are.
 */
import { describe, expect, it } from 'vitest';
import type { DossierText } from '../grade-schema';
import { dossierNames, isApplied } from './applied';
import { isAdmittedGap, isIntention } from './generic-prose';
import { depthSignals, fold } from './lexicon';

/** Whether each sentence reads as applied to the company (by default no dossier names: voice and figures alone). */
function appliedEach(
  sentences: string[],
  lang: 'fr' | 'en' = 'fr',
  names: ReadonlySet<string> = new Set(),
): Record<string, boolean> {
  return Object.fromEntries(
    sentences.map((s) => {
      const folded = fold(s);
      return [s, isApplied(folded, depthSignals(s, folded, lang).quantities, names)];
    }),
  );
}

const LESSON = [
  "Nous pouvons définir la stratégie globale comme l'ensemble des choix à long terme d'une entreprise.",
  'Dans ce dossier, nous allons voir comment bien prospecter et fidéliser ses clients.',
  'Pour analyser l’environnement, nous utilisons généralement le PESTEL.',
  'Aujourd’hui, nous parlons plutôt des 7P, car les services ajoutent les personnes et les processus.',
  'We should avoid stereotypes, because they create misunderstandings and conflicts.',
];
const COMPANY_VOICE = [
  "Nous allons donc former l'équipe pendant deux jours à présenter le bilan carbone d'un emballage.",
  "L'atelier est sous-utilisé, donc nous pouvons doubler les volumes sans investir.",
  'Nous devons étudier nos ventes par canal avant de recruter.',
  'Nobody had written down how we should work together.',
  'Nous avons relancé les clients perdus un par un.',
];
const GENERAL_STATISTICS = [
  'La préparation est essentielle : selon une étude, 80 % des ventes sont conclues après le cinquième contact.',
  'La méthode ABC classe les clients, car 20 % des clients font 80 % du chiffre d’affaires selon la loi de Pareto.',
  "Selon l'INSEE, près d'une entreprise sur trois disparaît dans les trois premières années.",
  'La prospection est indispensable, car un commercial perd en moyenne 15 % de ses clients chaque année.',
  'According to a McKinsey study, companies with diverse teams are 36% more likely to outperform their competitors.',
];
const COMPANY_FIGURES = [
  'Le CA d’abonnement est calculé à 55 € HT par mois en moyenne par fontaine.',
  "Seuls 40 % des clients acceptent de payer plus cher selon une enquête de l'ADEME (2023).",
  'Selon une étude de Xerfi (2023), le marché de la menuiserie pèse 3,1 Md€.',
];

/** The expected verdict: the same for every sentence of a list. */
const every = (sentences: string[], value: boolean) => Object.fromEntries(sentences.map((s) => [s, value]));

describe('applied or generic (issue #16)', () => {
  it('does not take the expository « nous » or « we should » for the company', () => {
    expect(appliedEach(LESSON, 'en')).toEqual(every(LESSON, false));
  });

  it('keeps the company’s own voice: its plans, its possessions, what happened', () => {
    expect(appliedEach(COMPANY_VOICE, 'en')).toEqual(every(COMPANY_VOICE, true));
  });

  it('does not take a law of thumb, an unnamed study or an average of the trade for the company’s data', () => {
    expect(appliedEach(GENERAL_STATISTICS, 'en')).toEqual(every(GENERAL_STATISTICS, false));
  });

  it('keeps the company’s figures, its averages and named studies included', () => {
    expect(appliedEach(COMPANY_FIGURES)).toEqual(every(COMPANY_FIGURES, true));
  });

  it('does not take the words of a CV’s degrees and job titles for a company name', () => {
    const cv =
      'Education: Bachelor in Business, Master in Business Development. I apply as Sales Manager, a Business ' +
      'Development Manager role. I worked two years at Kestrel Foods, where Kestrel Foods sold to 40 retailers.';
    const names = dossierNames({ text: cv, pages: [{ page: 1, text: cv }], language: 'en', words: 40 });
    expect([...names].sort()).toEqual(['foods', 'kestrel']);
  });
});

/** Branch grader-weak-2: advice to anyone and the « nous » of everyone are not the company; its own words are. */
const NOT_THE_COMPANY = {
  'an « il faut » rule of thumb with a figure': [
    "Il faut relancer un prospect au moins 5 fois avant d'abandonner, car la plupart des ventes se font après.",
    'Pour bien démarrer, il est conseillé de garder 3 mois de charges en trésorerie.',
    'En prospection, on doit passer 20 appels pour obtenir 1 rendez-vous.',
    'You should follow up a prospect 3 times within 10 days.',
  ],
  '« de nos jours », « in our globalised world », « we live in »': [
    'De nos jours, la RSE est devenue incontournable car les clients la demandent.',
    'À notre époque, le digital change la prospection, donc les commerciaux doivent s’adapter.',
    'In our globalised world, companies need managers who understand cultures.',
    'We live in a world where cultures meet, which creates misunderstandings.',
  ],
};
const STILL_THE_COMPANY = {
  'a figure in the company’s plan, or an « il faut » explaining its facts': [
    "Le projet est rentable à partir de 180 vélos, parce qu'il faut payer le commercial dédié (52 000 € par an).",
    'Il faudra signer 35 contrats de flotte en 2026 pour atteindre ce seuil.',
    'Il faut que nos commerciaux relancent les 40 devis ouverts avant juin.',
  ],
  'the company’s voice beside « de nos jours », and « notre société » as the company': [
    'De nos jours, nos clients demandent des preuves de nos engagements.',
    'Notre société a été créée à Nantes et emploie des techniciens.',
    'We live in Lyon, and our team sold bikes to the city council.',
  ],
};

describe('advice, the « nous » of everyone, references (branch grader-weak-2)', () => {
  it.each([
    ...Object.entries(NOT_THE_COMPANY).map(([what, list]) => [`not applied: ${what}`, list, false] as const),
    ...Object.entries(STILL_THE_COMPANY).map(([what, list]) => [`applied: ${what}`, list, true] as const),
  ])('%s', (_, sentences, applied) => {
    expect(appliedEach([...sentences], 'en')).toEqual(every([...sentences], applied));
  });

  // A citation's authors and a method's name are references, not the company's names; the company's stay.
  it.each([
    [
      'a citation’s authors',
      'La stratégie de Kim et Mauborgne (2005) crée un espace sans concurrence, car Mauborgne montre que la ' +
        "valeur compte. Le Lean Startup d'Eric Ries (2011) teste vite ; selon Eric Ries, on apprend en mesurant " +
        '(Osterwalder et Pigneur, 2010). Chez Brasserie Kerlann, la Brasserie Kerlann vend 40 % en bars.',
      ['brasserie', 'kerlann'],
    ],
    [
      'a method’s name after « la stratégie », « la méthode »',
      'La stratégie Océan Bleu crée un marché nouveau, car avec la stratégie Océan Bleu la concurrence ' +
        'disparaît. La méthode Kaizen améliore par petits pas ; la méthode Kaizen implique chacun. Chez Maisons ' +
        'Verdalis, nous utilisons Maisons Verdalis comme marque et Verdalis vend 300 maisons par an.',
      ['maisons', 'verdalis'],
    ],
  ])('the dossier’s names leave out %s', (_, text, expected) => {
    const names = dossierNames({ text, pages: [{ page: 1, text }], language: 'fr', words: 50 });
    expect([...names].sort()).toEqual(expected);
  });
});

/** Sentences that name the company yet are not about its case, and the company's own facts beside them. */
describe('definitions and advice with the company’s name dropped in are not applied (branch grader-weak-3)', () => {
  const names = new Set(['vallon', 'nordalis', 'brindille']);
  const NOT_APPLIED: [string, 'fr' | 'en'][] = [
    ["Le PESTEL est un outil qui permet à la Fromagerie Vallon d'analyser son macro-environnement.", 'fr'],
    [
      "Le modèle de Porter (1979) permet à Vallon de mesurer l'intensité concurrentielle de son secteur.",
      'fr',
    ],
    [
      'La matrice BCG classe les activités de Vallon selon la croissance du marché et la part de marché relative.',
      'fr',
    ],
    [
      'Ces outils permettent à la Fromagerie Vallon d’avoir une vision complète de sa situation stratégique.',
      'fr',
    ],
    [
      'Il permet d’identifier les opportunités et les menaces, ce qui aide Vallon à prendre de meilleures décisions.',
      'fr',
    ],
    ['Une activité dont le marché croît de plus de 10 % par an est une vedette ou un dilemme.', 'fr'],
    [
      "Hofstede's model is a framework that helps Nordalis understand six dimensions of national culture.",
      'en',
    ],
    ['The model allows a manager at Nordalis to adapt his style to the team.', 'en'],
    ['At Nordalis, power distance is the extent to which employees accept that power is unequal.', 'en'],
    [
      "Pour Vallon, la veille est l'ensemble des activités de collecte et de diffusion de l'information.",
      'fr',
    ],
    [
      "Il faut analyser l'offre, la demande et l'environnement, donc Brindille doit faire un questionnaire.",
      'fr',
    ],
    ['Il est important de bien connaître son marché avant de se lancer, comme Brindille.', 'fr'],
    ['It is also important to avoid stereotypes at Nordalis, since every person is different.', 'en'],
    ['Il est donc essentiel de suivre la trésorerie de Brindille chaque mois.', 'fr'],
  ];
  const APPLIED: [string, 'fr' | 'en'][] = [
    ['La matrice BCG de Vallon montre que la tomme fait 58 % du chiffre d’affaires.', 'fr'],
    ['La matrice BCG classe la tomme, 58 % du chiffre d’affaires de Vallon, en vache à lait.', 'fr'],
    ['Notre tableau de bord permet de suivre 12 indicateurs chaque semaine.', 'fr'],
    ['La veille de Vallon repose sur 25 mots-clés suivis chaque semaine.', 'fr'],
    ['Le PESTEL nous permet de voir que le prix du lait a pesé sur la marge de Vallon.', 'fr'],
    ['Un client sur trois nous a quittés en 2023 après la hausse des prix.', 'fr'],
    ['Nordalis lost 3 of its 12 distributors in 2023 because deliveries were late.', 'en'],
    ['At Nordalis, power distance is the main issue for the Polish drivers.', 'en'],
    ['Le marché de Vallon est un marché de niche.', 'fr'],
    ['Il faut que Brindille recrute une vendeuse avant les fêtes.', 'fr'],
    ['Brindille ouvrira sa boutique rue des Halles, près de l’école.', 'fr'],
    ['Il faut relancer nos clients, car nous avons perdu le salon de Lyon.', 'fr'],
  ];
  it.each([
    ...NOT_APPLIED.map(([s, lang]) => [s, lang, false] as const),
    ...APPLIED.map(([s, lang]) => [s, lang, true] as const),
  ])('%s (%s) → applied: %s', (sentence, lang, expected) => {
    const folded = fold(sentence);
    expect(isApplied(folded, depthSignals(sentence, folded, lang).quantities, names)).toBe(expected);
  });
});

describe('rules of thumb and the « we » of an essay are not the company (issue #16, grader-weak-5)', () => {
  const names = new Set(['vallon', 'nordalis']);
  const NOT_APPLIED: [string, 'fr' | 'en'][] = [
    ['Environ 30 % des entreprises ferment avant trois ans, donc il faut bien préparer son projet.', 'fr'],
    [
      "Le loyer représente en général 10 % du chiffre d'affaires d'une boutique, donc il faudra négocier.",
      'fr',
    ],
    ['Les banques demandent généralement un apport de 20 à 30 % du montant emprunté.', 'fr'],
    [
      'In reality, around 70% of international joint ventures fail because of cultural misunderstandings.',
      'en',
    ],
    ['Experts say that a negotiation in Asia takes on average three times longer than in Europe.', 'en'],
    [
      'When we work with people from other countries, we quickly realise that nobody thinks the same way.',
      'en',
    ],
    ['Even when everybody speaks English, we do not give the same meaning to the same words.', 'en'],
  ];
  const APPLIED: [string, 'fr' | 'en'][] = [
    ['Nos clients paient en général à 60 jours, ce qui pèse sur la trésorerie.', 'fr'],
    ['Chez Vallon, les cavistes commandent en général deux fois par mois.', 'fr'],
    ['30 % des entreprises clientes de Vallon ont réduit leurs commandes en 2023.', 'fr'],
    ['Our Danish buyers usually order twice a month, so we keep two weeks of stock.', 'en'],
    ['We lost the Aarhus distributor because we answered too late.', 'en'],
    ['We will open a sales office in Valencia next spring.', 'en'],
    ['At Nordalis we answer every complaint within two days.', 'en'],
  ];
  it('reads each sentence as the trade or the essay, or as the company', () => {
    const read = (list: [string, 'fr' | 'en'][]) =>
      Object.fromEntries(
        list.map(([sentence, lang]) => {
          const folded = fold(sentence);
          return [sentence, isApplied(folded, depthSignals(sentence, folded, lang).quantities, names)];
        }),
      );
    const expected = (list: [string, 'fr' | 'en'][], value: boolean) =>
      Object.fromEntries(list.map(([sentence]) => [sentence, value]));
    expect(read(NOT_APPLIED)).toEqual(expected(NOT_APPLIED, false));
    expect(read(APPLIED)).toEqual(expected(APPLIED, true));
  });
});

describe("advice after an elided « d' » is advice (grader-weak-5)", () => {
  it.each([
    "Il est recommandé d'avoir un fonds de roulement de trois mois de charges.",
    "Il est conseillé d'ouvrir 2 comptes bancaires dès la création.",
    "Il convient d'appeler un prospect 5 fois avant de l'abandonner.",
  ])('%s → not applied', (sentence) => {
    const folded = fold(sentence);
    expect(isApplied(folded, depthSignals(sentence, folded, 'fr').quantities, new Set())).toBe(false);
  });
});

describe('an essay described in the passive, « our own » and « this report » (grader-weak-5, after cases-4b)', () => {
  it('reads « is compared » and « our own » as the essay, not the company', () => {
    const essay = [
      'Culture is often compared to an iceberg: what we see is only a small part of it.',
      "This is why misunderstandings are frequent: we judge other people's behaviour with our own values.",
    ];
    const applied = essay.filter((s) => isApplied(fold(s), 0, new Set()));
    expect(applied).toEqual([]);
  });

  it('does not take the draft naming itself for an unnamed source', () => {
    const read = (s: string, lang: 'fr' | 'en') => depthSignals(s, fold(s), lang).weakSources;
    expect(read('I have chosen to write this report about Aurelle Cosmetics.', 'en')).toBe(0);
    expect(read('Dans ce dossier, je présente le marché de la biscuiterie.', 'fr')).toBe(0);
    // A study or a report the draft cites is still one.
    expect(read('According to a report by the chamber of commerce, exports rose.', 'en')).toBe(1);
    expect(read('Un rapport de la CCI montre que les exportations progressent.', 'fr')).toBe(1);
  });
});

describe('the company named as an example of a class (grader-weak-5, after cases-4a/4b)', () => {
  const names = new Set(['aurelle', 'vallon']);
  const read = (sentence: string, lang: 'fr' | 'en') => {
    const folded = fold(sentence);
    return isApplied(folded, depthSignals(sentence, folded, lang).quantities, names);
  };
  it('reads the examples out and keeps the company where it acts', () => {
    const examples = [
      "Je vais présenter les étapes pour réussir la création d'une entreprise comme Vallon.",
      'For a company like Aurelle, these challenges are very important.',
      'Like every international company, Aurelle has to face the challenges of diversity.',
      'Comme toute PME, Vallon doit surveiller sa trésorerie.',
    ];
    const facts = [
      'Vallon, comme ses voisins, vend surtout aux cavistes.',
      'Aurelle sells its creams in Japan through two distributors.',
    ];
    const lang = (s: string) => (/[éèà]|vend/.test(s) ? 'fr' : 'en');
    expect([...examples, ...facts].filter((s) => read(s, lang(s)))).toEqual(facts);
  });
});

describe('dossier names (issue #16, grader-weak-7)', () => {
  it('does not take a capitalised article of a name for one of the dossier’s names', () => {
    const text =
      'Le Camping Les Mouettes accueille des familles. Le Camping Les Mouettes est ouvert en été. ' +
      'Selon Porter, les stratégies sont au nombre de trois.';
    const d: DossierText = { text, pages: [{ page: 1, text }], language: 'fr', words: 30 };
    const names = dossierNames(d);
    expect(names.has('mouettes')).toBe(true);
    expect(names.has('les')).toBe(false);
  });
});

describe('a technique illustrated with anyone (issue #16, the course-techniques negotiation)', () => {
  it('reads a scene staged with an indefinite customer as no case, and keeps what happened', () => {
    const staged = [
      'Par exemple, avec un client qui veut renouveler une centrifugeuse, je regarde dans notre logiciel ce qu’il a acheté.',
      'Avec un client « Argent », je mets en avant le prix et nos 3 ans de garantie.',
      'Par exemple, avec un client qui me dit « votre balance est plus chère que celle que j’ai vue sur internet », je creuse.',
      'Si un client demande une remise de 5 %, je propose d’abord la livraison offerte.',
    ];
    const kept = [
      'Avec un client néerlandais, j’ai appris à ne pas prendre sa franchise pour de la brusquerie.',
      'Quand un client commande plus de 50 unités, nous accordons 5 % de remise.',
      'Avec le CHU de Nancy, nous avons signé 42 000 € en mars 2024.',
    ];
    const applied = appliedEach([...staged, ...kept]);
    expect(staged.filter((s) => applied[s])).toEqual([]);
    expect(kept.filter((s) => !applied[s])).toEqual([]);
  });

  it('reads a figure only in a line of imagined dialogue, and « dans notre métier », as no fact of the company', () => {
    const generic = [
      '- l’alternative : proposer deux choix qui mènent à la vente (« Vous préférez une livraison la semaine 12 ou la semaine 14 ? ») ;',
      'Dans notre métier, la négociation est au cœur de la relation client.',
    ];
    const facts = [
      'L’acheteuse nous a répondu : « 40 000 € est notre plafond ».',
      'Nous avons livré 12 hottes (« enfin ! », a dit le chef de laboratoire).',
    ];
    const applied = appliedEach([...generic, ...facts]);
    expect(generic.filter((s) => applied[s])).toEqual([]);
    expect(facts.filter((s) => !applied[s])).toEqual([]);
  });
});

describe('a legal text stating its own figures (issue #16, the regulation-quoting audit)', () => {
  const names = new Set(['ferrand']);

  it('reads a law’s year, scope and thresholds as the text’s, and keeps the company under the law', () => {
    const provisions = [
      '- **La directive CSRD (2022)** remplace la DPEF et étend le reporting de durabilité à près de 50 000 entreprises européennes.',
      'La loi sur le devoir de vigilance (2017) oblige les entreprises de plus de 5 000 salariés à publier un plan.',
      'Le document unique (article R.4121-1 du Code du travail) est à mettre à jour une fois par an.',
      'Index égalité : les entreprises d’au moins 50 salariés publient leur note sur 100 avant le 1er mars.',
      'Elle rend obligatoires les critères environnementaux dans les marchés publics (article 35) dès août 2026.',
    ];
    const kept = [
      'La loi AGEC nous oblige depuis 2023 à reprendre 80 % des emballages vendus.',
      'La norme ISO 14001 obtenue par Ferrand en 2021 couvre ses 3 sites.',
      'Le chiffre d’affaires 2023 atteint 4,2 M€, en hausse de 8 %.',
      'Nos 3 carrières emploient 42 salariés, dont 6 femmes.',
    ];
    const applied = appliedEach([...provisions, ...kept], 'fr', names);
    expect(provisions.filter((s) => applied[s])).toEqual([]);
    expect(kept.filter((s) => !applied[s])).toEqual([]);
    const english = 'The directive applies to companies with more than 250 employees from 2025.';
    expect(appliedEach([english], 'en', names)[english]).toBe(false);
  });
});

describe('an intention is no claim about the company (issue #16, partial drafts over-rated)', () => {
  it('reads a main claim in the future, the conditional or a wish as an intention, not its consequences', () => {
    const intentions = [
      'Il faudra aussi être plus réactifs avec les prospects.',
      'La rentabilité du domaine s’améliorera car les prix sont plus élevés en CHR.',
      'Elle démarchera les producteurs en priorité, car c’est ainsi que fonctionne le monde agricole.',
      'Nous voulons mettre en place une consigne des pots en verre.',
      'Il serait intéressant de développer ces relations.',
    ];
    const claims = [
      'Nous avons choisi Excel car cela permettra de suivre les ventes chaque mois.',
      'Nous vendons aux hôtels car ils achètent toute l’année.',
      'Nous ouvrirons la deuxième agence en septembre, car la demande y est la plus forte.',
      'La caméra du stand a filmé les démonstrations.',
    ];
    expect(intentions.filter((s) => !isIntention(fold(s)))).toEqual([]);
    expect(claims.filter((s) => isIntention(fold(s)))).toEqual([]);
  });
});

describe('a gap the draft admits (issue #16, partial drafts over-rated)', () => {
  it('reads « nous n’avons pas fait », « pas encore », « sans avoir préparé » as gaps, a refusal or a fact as none', () => {
    const gaps = [
      'Nous n’avons pas fait d’autre diagnostic : le constat était partagé par la direction.',
      'Nous n’avons pas encore comparé les résultats des canaux entre eux.',
      'J’ai baissé le prix deux fois, sans vraiment avoir préparé jusqu’où je pouvais aller, car j’avais peur.',
    ];
    const facts = [
      'Nous n’avons pas retenu le salon de Lyon car il coûtait 12 000 €.',
      'Nous avons perdu deux contrats parce que la date de fin n’avait pas été suivie.',
      'Le client n’a pas accepté la remise.',
    ];
    expect(gaps.filter((s) => !isAdmittedGap(fold(s)))).toEqual([]);
    expect(facts.filter((s) => isAdmittedGap(fold(s)))).toEqual([]);
  });
});

describe('the main claim, not a reported question or a consequence (issue #16, the intention rule on strong drafts)', () => {
  it('reads past an opening subordinate clause and stops at an indirect question or an object clause', () => {
    const claims = [
      'Quand Julien installe la pompe, il montre au client ce qu’un contrat d’entretien changerait.',
      'J’ai demandé à l’acheteuse comment les offres seraient comparées.',
      'Avant de signer, nous avons regardé combien coûterait une deuxième camionnette.',
      'Le client n’a pas pris de risque, ce qu’aucune remise n’aurait permis.',
    ];
    const intentions = [
      'Si la foire marche, nous pourrons y revenir chaque printemps.',
      'Si le catalogue plaît, il pourrait attirer des paysagistes.',
      'Quand la saison commence, il faudra recruter un saisonnier.',
    ];
    expect(claims.filter((s) => isIntention(fold(s)))).toEqual([]);
    expect(intentions.filter((s) => !isIntention(fold(s)))).toEqual([]);
  });
});

describe('a future that states the company’s rule (issue #16, the intention rule on strong drafts)', () => {
  it('reads an action in the future bound to a checkable condition as a rule, a hope or a blank promise as an intention', () => {
    const rules = [
      'Je changerai de logiciel si les techniciens doivent saisir leurs relevés depuis le chantier.',
      'Si les commandes des boulangeries baissent deux mois de suite, Claire rappellera chaque gérant.',
    ];
    const intentions = [
      'En cas d’écart, nous mettrons en place des actions correctives.',
      'Si les résultats ne sont pas à la hauteur de nos attentes, nous réagirons.',
      'Nous lirons les avis des clients pour savoir si les clients sont contents.',
      'Nous verrons si la foire est rentable.',
      'Si la foire marche, nous pourrons y revenir.',
    ];
    expect(rules.filter((s) => isIntention(fold(s)))).toEqual([]);
    expect(intentions.filter((s) => !isIntention(fold(s)))).toEqual([]);
  });
});

describe('a name that opens the third person’s sentences is the company’s (branch grader-voice-16)', () => {
  it('reads a word written capitalised three times, once mid-sentence, and never in lower case', () => {
    const text =
      'Ferblanc Outillage vend des outils aux artisans du Cantal. Ferblanc emploie neuf personnes. ' +
      'Les artisans achètent surtout en magasin. Le dossier porte sur Ferblanc et ses revendeurs. ' +
      'Pour les artisans, le prix compte moins que la disponibilité.';
    const names = dossierNames({ text, pages: [{ page: 1, text }], language: 'fr', words: 40 });
    // « Ferblanc » opens two sentences and is met once mid-sentence; « Les », « Pour » are written in lower
    // case elsewhere; « Outillage » is met once only.
    expect([...names].sort()).toEqual(['ferblanc']);
  });
});
