/**
 * The offline analyzer's lexicon: what the jury expects to read, as data.
 *
 * Three sources, merged per exam and per criterion by `getExamLexicon`:
 * (a) the criterion's own content words, lightly stemmed, minus stopwords;
 * (b) the texts of the competencies the criterion maps to (same treatment, lower weight);
 * (c) a curated domain lexicon of methods and concepts (`CONCEPTS`), mapped to exams and criteria by
 *     `EXAM_CONCEPTS`.
 *
 * Matching is case- and accent-insensitive (texts and patterns are folded by `fold`) and respects French word
 * boundaries (a letter or digit on either side of a match rejects it, so `rse` does not match `course`).
 *
 * Pattern syntax (folded, lower case, no accents): a space matches any run of spaces or hyphens (` ?` makes it
 * optional: `e ?mailing` matches « e-mailing », « emailing »); an apostrophe matches `'` or `’` with optional
 * spaces around; `*` after a letter means "any letters follow" (`concurren*`). Everything else is a regular
 * expression (`s?`, `(a|b)`, `[123]`, `\\d`): `*` is never used as a quantifier.
 */
import { competencyIndex } from '../../referential/index';
import type { CompetencyId, Criterion, Deliverable, Exam } from '../../referential/types';

/** Language the patterns are matched in. English dossiers also match the French lists (mixed vocabulary). */
export type MatchLanguage = 'fr' | 'en';

/** A concept the jury expects: how to spot it, and what to tell the candidate when it is missing. */
export interface ConceptDefinition {
  /** Short French name, used in rationales (« PESTEL », « parties prenantes »). */
  label: string;
  fr: readonly string[];
  en: readonly string[];
  /**
   * Also matched when a sentence names at least `min` of these groups (each group one alternative set),
   * e.g. four of the six PESTEL factors without the word « PESTEL ».
   */
  cooccur?: { min: number; fr: readonly string[]; en: readonly string[] };
  /** What is missing, phrased as the jury's expectation (French, no keyword list). */
  expectation: string;
  /** A concrete fix (French). */
  recommendation: string;
}

const CONCEPT_DATA = {
  // ── Bloc 1: diagnostics ────────────────────────────────────────────────────────────────────────────
  pestel: {
    label: 'PESTEL',
    fr: ['pestel', 'pestle', 'pest', 'macro ?environnement*'],
    en: ['pestel', 'pestle', 'macro ?environment*'],
    cooccur: {
      min: 4,
      fr: [
        'politique*',
        'economique*',
        'socio ?(culturel*|logique*|demographique*)|societa*',
        'technologi*',
        'environnementa*|ecologi*',
        'legal*|legaux|juridique*|reglementa*|legislati*',
      ],
      en: [
        'politic*',
        'economic*',
        'social*|socio ?cultural*',
        'technolog*',
        'environmental*|ecolog*',
        'legal*|regulat*',
      ],
    },
    expectation:
      'Aucune analyse du macro-environnement (PESTEL : facteurs politiques, économiques, socio-culturels, technologiques, environnementaux et légaux)',
    recommendation:
      "Ajoutez un tableau PESTEL qui traite les six facteurs, avec pour chacun une donnée datée, sa source et son impact (opportunité ou menace) pour l'entreprise.",
  },
  porter: {
    label: 'forces de Porter',
    fr: [
      '(5|cinq) forces( de porter)?',
      'forces de porter',
      '(modele|analyse|matrice|methode|grille) (de )?porter',
      'michael porter',
      'pouvoirs? de negociation',
      'menaces? des? (nouveaux entrants|produits de substitution|substituts|entrants)',
      'nouveaux entrants',
      'produits? de substitution',
      'substituts',
      'intensite concurrentielle',
      "barrieres? a l'entree",
      'rivalite (entre|des) (concurrents|acteurs)',
    ],
    en: [
      '(5|five) forces',
      "porter's",
      'bargaining power',
      'threat of (new entrants|substitutes?)',
      'new entrants',
      'competitive rivalry',
      'barriers? to entry',
    ],
    expectation:
      "Aucune analyse de l'intensité concurrentielle du secteur (forces de Porter : pouvoir de négociation des clients et fournisseurs, nouveaux entrants, substituts)",
    recommendation:
      'Analysez le secteur avec les 5 forces de Porter : évaluez chaque force (faible, moyenne, forte) avec un fait chiffré et concluez sur son attractivité.',
  },
  swot: {
    label: 'SWOT',
    fr: [
      'swot',
      'ffom',
      'atouts,? (et )?(faiblesses|handicaps)',
      'forces,? (et )?faiblesses',
      'opportunites,? (et )?menaces',
      'points? forts?,? (et )?(points? )?faibles?',
    ],
    en: ['swot', 'strengths?,? (and )?weakness*', 'opportunities,? (and )?threats'],
    expectation:
      "Aucune synthèse des forces et faiblesses internes face aux opportunités et menaces externes (SWOT) reliée aux choix de l'entreprise",
    recommendation:
      'Construisez une matrice SWOT où chaque item renvoie à un élément démontré plus haut, puis tirez-en 2 ou 3 axes stratégiques (croisement forces/opportunités, faiblesses/menaces).',
  },
  ressources_internes: {
    label: 'diagnostic interne (ressources et compétences)',
    fr: [
      'diagnostic interne',
      'ressources? (humaines|materielles|immaterielles|financieres|technologiques)',
      'savoir ?faire',
      'competences? (cles|distinctives|fondamentales|manageriales|metiers)',
      'vrio',
      'capital humain',
      'effectifs?',
      'brevets?',
    ],
    en: [
      'internal (analysis|diagnosis)',
      '(human|financial|tangible|intangible) resources',
      'know ?how',
      'core competenc(e|es|ies)',
      'vrio',
      'headcount',
    ],
    expectation:
      "Aucun état des ressources internes (humaines, matérielles, immatérielles, financières) ni des compétences clés de l'entreprise",
    recommendation:
      "Dressez l'état des ressources de l'entreprise (humaines, matérielles, immatérielles, financières) avec des chiffres clés, et identifiez ses compétences distinctives.",
  },
  chaine_valeur: {
    label: 'chaîne de valeur',
    fr: [
      'chaine de valeur',
      'activites? (principales|de soutien)',
      'avantages? concurrentiels?',
      'facteurs? cles de succes',
      'fcs',
    ],
    en: ['value chain', 'competitive advantage', 'key success factors?'],
    expectation:
      "Aucune analyse de ce qui crée l'avantage concurrentiel de l'entreprise (chaîne de valeur, facteurs clés de succès)",
    recommendation:
      "Identifiez les activités de la chaîne de valeur qui créent l'avantage concurrentiel et comparez-les aux facteurs clés de succès du secteur.",
  },
  veille: {
    label: 'dispositif de veille',
    fr: [
      'veille*',
      'outils? de veille',
      'google alerts?',
      'alertes? (google|automatiques|par mots? cles)',
      'feedly',
      'talkwalker',
      'digimind',
      'netvibes',
      'inoreader',
      'flux rss',
      'rss',
      'intelligence economique',
      'benchmark*',
      'curation',
    ],
    en: [
      'monitoring',
      '(market|competitive|business) intelligence',
      'google alerts?',
      'feedly',
      'benchmark*',
      'rss',
    ],
    expectation:
      'Aucune méthodologie de veille explicite (objets surveillés, outils, fréquence, traitement et diffusion des informations)',
    recommendation:
      'Décrivez votre dispositif de veille : ce que vous surveillez, avec quels outils (alertes, agrégateurs, IA), à quelle fréquence, et comment vous triez et synthétisez les informations.',
  },
  sources: {
    label: 'origine des sources',
    fr: [
      'sources?',
      'donnees (primaires|secondaires)',
      'insee',
      'xerfi',
      'statista',
      'eurostat',
      'diane',
      'pappers',
      'infogreffe',
      'kompass',
      'rapports? annuels?',
      "document d'enregistrement universel",
      'fiabilite des (sources|donnees|informations)',
      'bibliographie',
      'sitographie',
      'webographie',
      'recoup*',
    ],
    en: ['sources?', '(primary|secondary) (sources?|data)', 'annual reports?', 'bibliography', 'references'],
    expectation:
      "L'origine des informations n'est pas explicitée (sources primaires et secondaires, fiabilité, dates)",
    recommendation:
      'Indiquez pour chaque information clé sa source et sa date, distinguez sources primaires et secondaires, et justifiez leur fiabilité (recoupement).',
  },
  ia: {
    label: 'outils d’intelligence artificielle',
    fr: [
      'ia',
      'i\\.a\\.?',
      'intelligence artificielle',
      'ia generative',
      'chat ?gpt',
      'gpt',
      'copilot',
      'perplexity',
      'machine learning',
      'apprentissage automatique',
      'algorithmes?',
      'agents? (ia|conversationnels?)',
      'chatbots?',
      'automatis*',
    ],
    en: [
      'ai',
      'a\\.i\\.?',
      'artificial intelligence',
      'generative ai',
      'chat ?gpt',
      'machine learning',
      'automat*',
      'chatbots?',
    ],
    expectation:
      "L'usage d'outils d'intelligence artificielle ou d'automatisation n'est pas présenté (quels outils, pour quelles tâches, quel gain)",
    recommendation:
      "Présentez les outils d'IA ou d'automatisation utilisés ou préconisés, la tâche précise qu'ils prennent en charge et le gain attendu (temps, qualité, chiffre d'affaires).",
  },
  marche: {
    label: 'marché',
    fr: [
      'marches?',
      'taille du marche',
      'parts? de marche',
      'croissance du (marche|secteur)',
      'tcam',
      'taux de croissance',
      "secteurs? d'activite",
      'demande (du marche|des consommateurs|mondiale|nationale|croissante|en hausse|en baisse)',
      'tendances? (du marche|de consommation)',
    ],
    en: ['markets?', 'market (size|share|growth)', 'industry', 'demand', 'cagr'],
    expectation: 'Aucune analyse chiffrée du marché (taille, croissance, parts de marché, tendances)',
    recommendation:
      'Quantifiez le marché : taille (en valeur ou volume), taux de croissance et parts de marché des principaux acteurs, avec la source et l’année de chaque chiffre.',
  },
  concurrence: {
    label: 'concurrence',
    fr: [
      'concurren*',
      'benchmark*',
      'leaders? du marche',
      'positionnement concurrentiel',
      'mapping concurrentiel',
      'challengers?',
      'acteurs? du (marche|secteur)',
    ],
    en: ['competitor*', 'competition', 'competitive', 'benchmark*', 'market leaders?'],
    expectation:
      'Aucune analyse approfondie de la concurrence (concurrents directs et indirects, parts de marché, positionnement comparé)',
    recommendation:
      'Comparez 3 à 5 concurrents directs et indirects dans un tableau (offre, prix, parts de marché, forces, faiblesses) et situez-les sur une carte de positionnement.',
  },
  parties_prenantes: {
    label: 'parties prenantes',
    fr: [
      'parties? prenantes?',
      'stakeholders?',
      'mendelow',
      'cartographie des (parties prenantes|acteurs)',
      'actionnaires?',
      'fournisseurs?',
      'syndicats?',
      'pouvoirs publics',
      'collectivites?',
      'ong',
      'riverains',
      'communautes? locales?',
    ],
    en: ['stakeholders?', 'shareholders?', 'suppliers?', 'trade unions?', 'ngos?', 'local communit(y|ies)'],
    expectation: 'Les parties prenantes internes et externes ne sont pas identifiées ni cartographiées',
    recommendation:
      'Cartographiez les parties prenantes internes et externes (matrice pouvoir/intérêt de Mendelow) et précisez pour chacune ses attentes et son influence.',
  },
  interets_pp: {
    label: 'intérêts convergents et divergents',
    fr: [
      'interets? (convergents?|divergents?|contradictoires?|communs?|reciproques?)',
      'objectifs? (reciproques|contradictoires|communs|divergents|convergents)',
      'convergen*',
      'divergen*',
      "conflits? d'interets?",
      "niveau d'(influence|interet)",
      "pouvoir et (d')?(influence|interet)",
      'attentes (des|de chaque) (parties|acteurs)',
    ],
    en: ['(converging|diverging|conflicting|shared) interests?', 'conflicts? of interest', 'expectations'],
    expectation:
      'Les objectifs réciproques et contradictoires des parties prenantes et leur impact sur le développement ne sont pas analysés',
    recommendation:
      "Pour chaque partie prenante clé, opposez ses objectifs à ceux de l'entreprise (convergents ou divergents) et déduisez-en l'impact sur le développement commercial.",
  },
  gouvernance: {
    label: 'gouvernance',
    fr: [
      'gouvernance',
      "conseil d'administration",
      'conseil de surveillance',
      'directoire',
      'comite (de direction|executif|strategique)',
      'codir',
      'comex',
      'actionnariat',
      'organigramme',
      'pdg',
      'directeur general',
      'forme juridique',
      'sas',
      'sarl',
      'holding',
      'administrateurs?',
      'systeme manageria*',
    ],
    en: [
      'governance',
      'board of directors',
      'executive committee',
      'shareholding',
      'org(ani[sz]ational)? chart',
      'ceo',
    ],
    expectation:
      'Aucune étude de la gouvernance (forme juridique, actionnariat, instances de décision, système managérial)',
    recommendation:
      'Présentez la gouvernance : forme juridique, actionnariat, instances (conseil, comité de direction), organigramme, et montrez comment elle influe sur les décisions commerciales.',
  },
  mission_valeurs: {
    label: "mission, raison d'être et valeurs",
    fr: [
      "raison d'etre",
      'missions?',
      'valeurs',
      'vision',
      'entreprise a mission',
      "culture d'entreprise",
      'manifeste',
      'promesse de marque',
    ],
    en: ['purpose', 'mission', 'values', 'vision', 'corporate culture'],
    expectation:
      "La vision, la mission, la raison d'être et les valeurs de l'entreprise ne sont pas présentées ni reliées à ses choix",
    recommendation:
      "Citez la vision, la mission, la raison d'être et les valeurs de l'entreprise (source : site, rapport annuel) et montrez en quoi elles expliquent ses choix stratégiques.",
  },
  choix_strategiques: {
    label: 'choix stratégiques',
    fr: [
      'choix strategiques?',
      "strategies? (de|d') (domination par les couts|differenciation|focalisation|niche|specialisation|diversification|internationalisation|integration|croissance|concentration)",
      'domination par les couts',
      'strategies? generiques?',
      'ansoff',
      'croissance (externe|interne|organique)',
      'fusions?',
      'acquisitions?',
      'rachats?',
      'alliances?',
      'diversification',
      'internationalisation',
      'integration (verticale|horizontale)',
      'axes? strategiques?',
      'orientations? strategiques?',
      'plan strategique',
      'vision strategique',
      'objectifs? a (moyen|long) terme',
    ],
    en: [
      'strategic (choices|options|plan|direction)',
      'cost leadership',
      'differentiation',
      'diversification',
      'ansoff',
      'mergers?',
      'acquisitions?',
      'growth strategy',
      'internationali[sz]ation',
    ],
    expectation:
      "Les choix stratégiques de l'entreprise (stratégie générique, voies de croissance, axes à moyen et long terme) ne sont pas identifiés ni justifiés",
    recommendation:
      "Qualifiez la stratégie de l'entreprise (domination par les coûts, différenciation, focalisation ; matrice d'Ansoff) et justifiez chaque choix par un élément du diagnostic.",
  },
  risques: {
    label: 'risques',
    fr: [
      'risques?',
      'cartographie des risques',
      'matrice des risques',
      'probabilite',
      'gravite',
      'criticite',
      'vulnerabilit*',
      'dependance',
      'plans? de (continuite|prevention|contingence)',
      'amdec',
    ],
    en: ['risks?', 'risk (map|matrix|assessment|mitigation)', 'likelihood', 'mitigation', 'contingency'],
    expectation:
      'Les risques ne sont pas identifiés ni évalués (probabilité, gravité, mesures de prévention)',
    recommendation:
      'Présentez une cartographie des risques : pour chaque risque, sa probabilité, sa gravité et la mesure de prévention ou de réduction proposée.',
  },
  enjeux: {
    label: 'enjeux',
    fr: [
      'enjeux',
      'defis',
      'transition (ecologique|energetique|numerique)',
      'mutations? (structurelles|conjoncturelles)',
    ],
    en: ['challenges', 'stakes', 'key issues'],
    expectation:
      "L'ensemble des enjeux (économiques, sociétaux, environnementaux) auxquels l'entreprise fait face n'est pas présenté",
    recommendation:
      "Classez les enjeux économiques, sociétaux et environnementaux de l'entreprise, chacun illustré par un fait chiffré, et reliez-les aux risques identifiés.",
  },
  presentation_entreprise: {
    label: 'présentation de l’entreprise en entonnoir',
    fr: [
      'entonnoir',
      'groupe',
      'filiales?',
      "unites? d'affaires",
      'business units?',
      "secteurs? d'activite",
      'implantations?',
      'effectifs?',
      '(creee?|fondee?) en',
      'siege( social)?',
      "chiffre d'affaires",
      'historique',
      'date de creation',
      "presentation (de l'entreprise|du groupe|de la societe)",
    ],
    en: [
      'group',
      'subsidiar(y|ies)',
      'business units?',
      'headquarter*',
      'founded in',
      'workforce',
      'revenue',
      'turnover',
    ],
    expectation:
      "La présentation en entonnoir (secteur, groupe, entreprise, puis unité d'affaires) avec ses chiffres clés n'est pas réalisée",
    recommendation:
      "Présentez l'entreprise en entonnoir : le secteur, le groupe, l'entreprise puis l'unité d'affaires, chaque niveau avec 2 ou 3 chiffres clés (CA, effectifs, implantations).",
  },
  strategie_globale_commerciale: {
    label: 'lien stratégie globale / stratégie commerciale',
    fr: [
      "strategie (globale|generale|d'entreprise|corporate|du groupe)",
      'strategie commerciale',
      'politique commerciale',
      'declin*',
      'align*',
      'coheren*',
    ],
    en: ['corporate strategy', '(sales|commercial|business) strategy', 'align*', 'consisten*', 'coherent'],
    expectation:
      'Le lien entre la stratégie globale et la stratégie commerciale (déclinaison, cohérence) n’est pas démontré',
    recommendation:
      'Montrez la déclinaison : pour chaque orientation de la stratégie globale, l’objectif commercial et l’action qui en découlent (un tableau à trois colonnes suffit).',
  },
  // ── Bloc 1: RSE ────────────────────────────────────────────────────────────────────────────────────
  rse: {
    label: 'RSE',
    fr: [
      'rse',
      'responsabilite (societale|sociale)',
      'developpement durable',
      'durabilite',
      'iso 26000',
      'ecovadis',
      'impacts? (environnementa*|socia*|societa*)',
      '(politique|strategie|demarche|engagements?) rse',
    ],
    en: ['csr', 'corporate (social )?responsibility', 'sustainab*', 'environmental impact', 'social impact'],
    expectation:
      "La démarche RSE de l'entreprise (engagements, politique, impacts sociaux et environnementaux) n'est pas analysée",
    recommendation:
      "Présentez la politique RSE de l'entreprise à partir de ses engagements publiés (rapport de durabilité, labels) et évaluez ce qui est réellement mis en œuvre.",
  },
  esg: {
    label: 'critères ESG',
    fr: [
      'esg',
      'criteres? (environnementaux|sociaux|de gouvernance|extra ?financiers)',
      'environnementa(l|ux),? socia(l|ux),? et (de )?gouvernance',
      'extra ?financi*',
      'notation (extra ?financiere|esg)',
      'dpef',
      'isr',
      'piliers? (e|s|g|environnemental|social|de gouvernance)',
    ],
    en: ['esg', 'environmental, social,? (and|&) governance', 'non ?financial'],
    expectation:
      'Les critères ESG (environnementaux, sociaux, de gouvernance) ne sont pas exposés ni illustrés par des exemples de l’entreprise',
    recommendation:
      'Structurez vos objectifs RSE par pilier ESG (environnement, social, gouvernance) et illustrez chaque critère par une donnée de l’entreprise.',
  },
  csrd_taxonomie: {
    label: 'CSRD et taxonomie',
    fr: [
      'csrd',
      'esrs',
      'double materialite',
      'materialite',
      'taxonomie',
      'sfdr',
      'rapport de durabilite',
      'reporting (extra ?financier|de durabilite|rse)',
      'vsme',
    ],
    en: ['csrd', 'esrs', 'double materiality', 'taxonomy', 'sustainability report*'],
    expectation:
      'Les obligations de reporting de durabilité (CSRD, normes ESRS, double matérialité, taxonomie européenne) ne sont pas traitées',
    recommendation:
      "Indiquez si et quand l'entreprise est soumise à la CSRD (seuils, calendrier), ce que cela implique (double matérialité, ESRS) et comment elle s'y prépare.",
  },
  lois_rse: {
    label: 'obligations légales et réglementaires',
    fr: [
      'agec',
      'loi (anti ?gaspillage|agec|pacte|climat et resilience|climat|egalim|rixain|sapin|grenelle|avenir professionnel|hamon)',
      'devoir de vigilance',
      'plan de vigilance',
      "index (de l'|de )?egalite",
      'egalite professionnelle',
      'sapin (ii|2)',
      'rgpd',
      'decret tertiaire',
      'responsabilite elargie (des|du) producteurs?',
      'triman',
      'affichage environnemental',
      'greenwashing',
      'ecoblanchiment',
      'allegations? environnementales?',
      'reglementation*',
      'reglementaire*',
      'obligations? (legales|reglementaires|de reporting)',
      'conformite',
      "code (de l'environnement|du travail|de commerce|de la consommation)",
      'directives?',
      'decrets?',
      'legislation',
      'lois?',
    ],
    en: [
      'regulat*',
      'compliance',
      'legal (requirements|obligations)',
      'due diligence',
      'directive',
      'laws?',
      'gdpr',
      'greenwashing',
    ],
    expectation:
      'Les obligations légales et réglementaires applicables (CSRD, loi AGEC, devoir de vigilance, index égalité, allégations environnementales…) ne sont pas identifiées',
    recommendation:
      "Listez les textes qui s'appliquent réellement à l'entreprise (avec leur date et leurs seuils) et, pour chacun, l'action du plan qui y répond.",
  },
  bilan_carbone: {
    label: 'bilan carbone',
    fr: [
      'bilan carbone',
      'beges',
      'bilan (de )?ges',
      'ges',
      'gaz a effet de serre',
      'scopes? [123]',
      'empreinte (carbone|ecologique|environnementale)',
      't ?co2 ?e?',
      'tonnes? (de |equivalent )?co2',
      'co2',
      'decarbon*',
      'neutralite carbone',
      'sbti',
      'acv',
      'analyse (du )?cycle de vie',
    ],
    en: [
      'carbon (footprint|emissions?)',
      'greenhouse gas*',
      'ghg',
      'scope [123]',
      'co2',
      'decarboni[sz]*',
      'net zero',
    ],
    expectation:
      "L'impact environnemental n'est pas mesuré (bilan carbone, émissions par scope, empreinte du produit)",
    recommendation:
      "Chiffrez l'empreinte environnementale (bilan carbone en tCO2e par scope, ou analyse de cycle de vie du produit) et fixez une trajectoire de réduction datée.",
  },
  normes_labels: {
    label: 'normes et labels',
    fr: [
      'iso \\d{4,5}',
      'normes?',
      'labels?',
      'labellis*',
      'certifications?',
      'b ?corp',
      'ecovadis',
      'lucie',
      'ecolabel',
      'gri',
      'global compact',
      'pacte mondial',
      'odd',
      'objectifs de developpement durable',
    ],
    en: [
      'iso \\d{4,5}',
      'standards?',
      'labels?',
      'certifications?',
      'b ?corp',
      'sdgs?',
      'sustainable development goals',
      'gri',
    ],
    expectation:
      'Les référentiels, normes ou labels (ISO 26000, B Corp, EcoVadis, ODD) ne sont pas mobilisés pour évaluer la démarche',
    recommendation:
      'Évaluez la démarche au regard d’un référentiel reconnu (ISO 26000, EcoVadis, B Corp) et indiquez le niveau atteint ou visé.',
  },
  indicateurs_rse: {
    label: 'indicateurs RSE',
    fr: [
      "indicateurs? (rse|esg|extra ?financiers?|environnementaux|sociaux|de durabilite|d'impact)",
      'taux de (recyclage|turnover|feminisation|absenteisme|frequence|valorisation)',
      'index egalite',
      'kg de dechets',
      "consommation (d'energie|energetique|d'eau)",
      'kwh',
      'mwh',
      'part des achats responsables',
      'heures de formation',
    ],
    en: ['(csr|esg|sustainability|impact) (indicators|kpis|metrics)'],
    expectation:
      "Aucun indicateur RSE chiffré et justifié (mesure, valeur de départ, cible, fréquence) n'est proposé",
    recommendation:
      'Proposez 4 à 6 indicateurs RSE reliés aux objectifs : pour chacun, la formule, la valeur actuelle, la cible datée et la fréquence de suivi.',
  },
  attentes_consommateurs: {
    label: 'attentes des acheteurs et consommateurs',
    fr: [
      'attentes (des|de nos) (consommateurs|clients|acheteurs)',
      'consommateurs?',
      'acheteurs?',
      'exigences (des clients|des acheteurs|clients)',
      'consommation responsable',
      'achats? responsables?',
      'questionnaires? rse',
    ],
    en: ['consumers?', 'buyers?', 'customer expectations'],
    expectation:
      "Les exigences des acheteurs et des consommateurs en matière de RSE ne sont pas mises en regard des résultats de l'audit",
    recommendation:
      "Confrontez les résultats de l'audit aux attentes des clients (études de consommation, questionnaires RSE des acheteurs, appels d'offres) et aux exigences réglementaires.",
  },
  // ── Objectives, indicators, money ──────────────────────────────────────────────────────────────────
  smart: {
    label: 'objectifs SMART',
    fr: [
      'smart',
      'objectifs? smart',
      'mesurables?',
      'atteignables?',
      'temporellement (definis|bornes)',
      'echeances?',
    ],
    en: ['smart', 'measurable', 'achievable', 'time ?bound', 'deadlines?'],
    expectation:
      'Les objectifs ne sont pas formulés de façon SMART (spécifiques, mesurables, atteignables, réalistes, datés)',
    recommendation:
      'Reformulez chaque objectif de façon SMART : un indicateur, une valeur cible chiffrée, une échéance et un responsable.',
  },
  kpi: {
    label: 'indicateurs de performance (KPI)',
    fr: [
      'kpis?',
      'indicateurs?',
      'taux de (conversion|transformation|fidelisation|churn|attrition|retention|marge|satisfaction|ouverture|clics?|reachat|rebond|penetration|closing|reponse|engagement|marque)',
      'panier moyen',
      'nps',
      'net promoter score',
      'csat',
      'cac',
      'ltv',
      'clv',
      'valeur vie client',
      "frequence d'achat",
      'okrs?',
      'nombre de (rdv|rendez ?vous|leads|clients|visites|devis|contrats)',
    ],
    en: [
      'kpis?',
      'indicators?',
      'metrics?',
      'conversion rate',
      '(churn|retention|attrition) rate',
      'average (basket|order value)',
      'nps',
    ],
    expectation:
      'Aucun indicateur de performance défini (formule, source de la donnée, cible, fréquence de suivi)',
    recommendation:
      'Définissez les KPI clés (taux de conversion, panier moyen, CA par client…) avec leur formule, leur source, leur cible et leur fréquence de mise à jour.',
  },
  tableau_bord: {
    label: 'tableau de bord',
    fr: [
      'tableaux? de bord',
      'dashboards?',
      'reportings?',
      'power ?bi',
      'looker',
      'google (data|looker) studio',
      'qlik',
      'tableaux? croises?',
      'tableur',
      'excel',
      'google sheets',
      'suivi (hebdomadaire|mensuel|trimestriel)',
    ],
    en: ['dashboards?', 'reporting', 'power ?bi', 'spreadsheets?', 'excel'],
    expectation: 'Aucun tableau de bord présenté ni analysé (indicateurs, valeurs, écarts, périodicité)',
    recommendation:
      'Présentez un extrait de tableau de bord (indicateur, objectif, réalisé, écart) et commentez les écarts les plus significatifs.',
  },
  rentabilite: {
    label: 'rentabilité et ROI',
    fr: [
      'roi',
      'retour sur investissement',
      'rentabilit*',
      'rentables?',
      'seuil de rentabilite',
      'point mort',
      'taux de marge',
      'ebitda',
      'ebe',
      'excedent brut',
      "resultat (net|d'exploitation|operationnel)",
      'valeur actuelle nette',
      'taux de rentabilite interne',
      'delai de recuperation',
      'roas',
    ],
    en: ['roi', 'return on investment', 'profitab*', 'break ?even', 'ebitda', 'payback'],
    expectation:
      'La rentabilité n’est pas calculée (retour sur investissement, seuil de rentabilité, marge dégagée)',
    recommendation:
      'Calculez la rentabilité de chaque action : coût, gain attendu, ROI = (gain − coût) / coût, et le délai pour atteindre le seuil de rentabilité.',
  },
  budget: {
    label: 'budget',
    fr: [
      'budget*',
      'previsionnel*',
      'plan de financement',
      'enveloppe',
      'couts?',
      'depenses?',
      'investissements?',
      'ht',
      'ttc',
      "charges? (fixes|variables|de personnel|sociales|d'exploitation|externes)",
      'frais',
    ],
    en: ['budget*', 'forecast*', 'costs?', 'expenses?', 'spending', 'investments?'],
    expectation: 'Aucun budget détaillé (postes de dépense, montants, calendrier) ni justifié',
    recommendation:
      'Présentez le budget poste par poste (montants HT, calendrier) et justifiez chaque poste par l’objectif qu’il sert.',
  },
  retombees: {
    label: 'retombées attendues',
    fr: [
      'retombees',
      "(ca|chiffre d'affaires) (additionnel|supplementaire|previsionnel|attendu|genere)",
      'gains? (attendus?|estimes?)',
      'resultats? attendus?',
      'hypotheses? (haute|basse|mediane|optimiste|pessimiste|realiste)',
      'pessimiste',
      'optimiste',
      'impact (attendu|estime)',
      'estimations?',
    ],
    en: ['expected (results|revenue|impact)', 'estimat*'],
    expectation:
      'Les retombées du plan d’actions ne sont pas estimées ni argumentées (CA attendu, scénarios, hypothèses)',
    recommendation:
      'Estimez les retombées de chaque action (CA additionnel, nouveaux clients) selon 2 ou 3 scénarios, en explicitant les hypothèses de calcul.',
  },
  projection: {
    label: 'projection chiffrée',
    fr: [
      'projections?',
      'previsions?',
      'scenarios?',
      'extrapol*',
      'trajectoire',
      'n ?\\+ ?[1-5]',
      'horizon (20\\d\\d|\\d+ ans)',
    ],
    en: ['projections?', 'forecast*', 'scenarios?', 'outlook'],
    expectation: 'Aucune projection chiffrée (évolution attendue à un, deux ou trois ans, scénarios)',
    recommendation:
      'Ajoutez une projection à 1–3 ans (N+1 à N+3) des chiffres clés, avec les hypothèses retenues et au moins un scénario prudent.',
  },
  chiffres_cles: {
    label: 'chiffres clés',
    fr: [
      "chiffres? d'affaires",
      'ca(?= (de|du|ht|ttc|annuel|global|realise|previsionnel|\\d))',
      "resultat (net|d'exploitation|operationnel)",
      'ebitda',
      'ebe',
      'effectifs?',
      'ratios?',
      'bfr',
      'besoin en fonds de roulement',
      "capacite d'autofinancement",
      'rentabilite (economique|financiere)',
      'endettement',
      'soldes? intermediaires? de gestion',
      'chiffres? cles',
      'compte de resultat',
      'capitaux propres',
      'tresorerie',
    ],
    en: ['revenue', 'turnover', 'net (income|profit)', 'ebitda', 'headcount', 'ratios?', 'key figures'],
    expectation:
      "Les chiffres clés de l'entreprise (CA, résultat, marge, effectifs, ratios) ne sont pas présentés ni analysés",
    recommendation:
      'Présentez les chiffres clés sur 3 exercices (CA, résultat, marge, effectifs) et 2 ou 3 ratios, puis commentez leur évolution.',
  },
  couts: {
    label: 'calcul des coûts',
    fr: [
      "couts? (complets?|directs?|indirects?|variables?|fixes?|de revient|d'acquisition|marginal|unitaires?|standards?|cibles?)",
      "methode (abc|des couts complets|du cout variable|des centres d'analyse|des couts partiels)",
      'charges? (fixes|variables|directes|indirectes)',
      'comptabilite analytique',
      'marge sur couts? variables?',
      'cout par (lead|contact|acquisition|visite|clic|client)',
      'cpl',
      'cpa',
      'couts?',
    ],
    en: ['costs?', 'cost (per|of) (lead|acquisition)', '(fixed|variable) costs', 'activity based costing'],
    expectation:
      'Les coûts ne sont pas calculés selon une méthode explicite (coûts complets, variables, par action)',
    recommendation:
      'Présentez au moins deux scénarios de calcul de coûts (coût complet, coût variable, coût par lead) et comparez leurs résultats.',
  },
  // ── Bloc 2: marketing and commercial strategy ──────────────────────────────────────────────────────
  business_model: {
    label: 'business model',
    fr: [
      'business ?model*',
      "modele (economique|d'affaires|de revenus?)",
      'canvas',
      'bmc',
      'proposition de valeur',
      'sources? de revenus?',
      'flux de revenus?',
      'partenaires? cles',
      'structure de couts',
    ],
    en: [
      'business model*',
      'canvas',
      'value proposition',
      'revenue streams?',
      'key partners*',
      'cost structure',
    ],
    expectation:
      'Le business model n’est pas analysé (proposition de valeur, clients, sources de revenus, partenaires et ressources clés)',
    recommendation:
      'Synthétisez le business model dans un Business Model Canvas, puis commentez sa pertinence : d’où vient la marge, quels blocs sont fragiles.',
  },
  das: {
    label: 'domaines d’activités stratégiques',
    fr: [
      'das',
      "domaines? d'activites? strategiques?",
      'segments? strategiques?',
      'matrice (bcg|mckinsey|adl)',
      'bcg',
      "portefeuille d'activites",
    ],
    en: ['strategic business units?', 'sbus?', 'bcg( matrix)?', 'business portfolio'],
    expectation: "Les domaines d'activités stratégiques (DAS) et leur poids respectif ne sont pas identifiés",
    recommendation:
      "Découpez l'activité en DAS, donnez le poids de chacun dans le CA et positionnez-les dans une matrice (BCG ou McKinsey).",
  },
  segmentation: {
    label: 'segmentation',
    fr: [
      'segment*',
      'criteres? de segmentation',
      'socio ?demographiques?',
      'csp',
      'typologie (de |des )?clients?',
      'b2b',
      'b2c',
      'b to (b|c)',
      'rfm',
    ],
    en: ['segment*', 'demographics?', 'b2b', 'b2c'],
    expectation: 'Aucune segmentation de la clientèle fondée sur des critères explicites',
    recommendation:
      'Segmentez la clientèle selon des critères explicites (taille, secteur, comportement d’achat, valeur) et chiffrez le poids de chaque segment.',
  },
  ciblage: {
    label: 'ciblage',
    fr: ['cibles?', 'ciblage', 'coeur de cible', 'clients? cibles?', 'comptes? cibles?'],
    en: ['targets?', 'targeting', 'target (audience|market|customers?)'],
    expectation: 'Les cibles prioritaires ne sont pas définies ni leur choix justifié',
    recommendation:
      'Désignez les cibles prioritaires et justifiez le choix par des critères (potentiel de CA, accessibilité, adéquation avec l’offre) présentés dans une grille.',
  },
  positionnement: {
    label: 'positionnement',
    fr: [
      'positionnement',
      'carte perceptuelle',
      'carte de positionnement',
      'promesse',
      'image de marque',
      'notoriete',
    ],
    en: ['positioning', 'perceptual map', 'brand image', 'awareness'],
    expectation: 'Le positionnement de l’offre face aux concurrents n’est pas défini',
    recommendation:
      'Formulez le positionnement en une phrase (pour qui, quel bénéfice, face à qui) et illustrez-le par une carte de positionnement.',
  },
  personas: {
    label: 'personas et besoins',
    fr: [
      'personas?',
      'profils? (types?|clients?|acheteurs?)',
      'buyer personas?',
      "comportements? d'achat",
      "habitudes d'achat",
      'freins',
      "motivations? d'achat",
      'besoins',
      'attentes',
    ],
    en: ['personas?', 'buyer personas?', 'customer profiles?', 'buying behaviou?r', 'pain points?', 'needs'],
    expectation: 'Les besoins, attentes et comportements d’achat des cibles ne sont pas décrits (personas)',
    recommendation:
      'Construisez 2 ou 3 personas fondés sur des données (études, entretiens, CRM) : besoins, freins, critères de choix et canaux préférés.',
  },
  parcours_client: {
    label: 'parcours client',
    fr: [
      "parcours (client|clients|d'achat|de vente|utilisateur)",
      'customer journey',
      'points? de contact',
      'experience client',
      'moments? de verite',
      'touchpoints?',
    ],
    en: ['customer journey', 'buyer journey', 'touchpoints?', 'customer experience'],
    expectation: 'Le parcours d’achat des cibles (étapes, points de contact, irritants) n’est pas décrit',
    recommendation:
      "Schématisez le parcours d'achat étape par étape (points de contact, irritants, moments clés) et placez-y les actions commerciales et RSE.",
  },
  tunnel_vente: {
    label: 'tunnel de vente',
    fr: [
      "tunnel (de vente|de conversion|d'achat)",
      'entonnoir (de vente|de conversion|commercial)',
      'funnel',
      'aida',
      'aarrr',
      'pipeline',
      'cycle de vente',
      'acquisition',
      'conversion',
      'lead nurturing',
      'nurturing',
    ],
    en: ['sales funnel', 'funnel', 'pipeline', 'conversion', 'sales cycle', 'aida', 'nurturing'],
    expectation:
      'Aucun tunnel de vente défini (acquisition, conversion, vente, fidélisation) avec ses taux de passage',
    recommendation:
      'Décrivez le tunnel de vente (acquisition, conversion, vente, fidélisation) avec un taux de passage cible à chaque étape.',
  },
  mix_marketing: {
    label: 'mix marketing',
    fr: [
      'mix ?marketing',
      'marketing ?mix',
      '(4|7) ?p',
      'politique (de prix|tarifaire|produit|de produit|de distribution|de communication)',
      'strategie (de prix|tarifaire|de distribution|de communication)',
      'canaux de distribution',
      'distribution',
      'prix',
      'tarif*',
    ],
    en: ['marketing mix', '(4|7) ?ps?', 'pricing', 'distribution channels?', 'price', 'promotion'],
    expectation: 'Le mix marketing (produit, prix, distribution, communication) n’est pas analysé',
    recommendation:
      'Analysez chaque composante du mix (produit, prix, distribution, communication, voire les 7P) et montrez sa cohérence avec la cible et le positionnement.',
  },
  omnicanal: {
    label: 'stratégie omnicanale',
    fr: [
      'omni ?cana*',
      'multi ?cana*',
      'cross ?cana*',
      'phygital',
      'click (and|&) collect',
      'e ?commerce',
      'site (internet|web|marchand)',
      'canaux? (de vente|digitaux|physiques|en ligne)',
      'marketplaces?',
      'points? de vente',
    ],
    en: ['omni ?channel', 'multi ?channel', 'cross ?channel', 'e ?commerce', 'online', 'marketplaces?'],
    expectation:
      'L’articulation des canaux de vente (physiques et digitaux, stratégie omnicanale) n’est pas présentée',
    recommendation:
      'Présentez les canaux de vente, le rôle de chacun dans le parcours client et leur part dans le CA, et comment ils se complètent.',
  },
  etude_marketing: {
    label: 'étude marketing',
    fr: [
      'etudes? (de marche|marketing|qualitatives?|quantitatives?|documentaires?|terrain)',
      'enquetes?',
      'questionnaires?',
      'focus ?groups?',
      'entretiens? (qualitatifs|semi ?directifs|individuels)',
      'panels?',
      'sondages?',
      'echantillons?',
      'repondants',
      'insights?',
    ],
    en: [
      'market research',
      'surveys?',
      'questionnaires?',
      'focus groups?',
      'interviews',
      'respondents',
      'sample',
      'insights?',
    ],
    expectation: 'Aucune étude marketing menée ou exploitée (méthode, échantillon, résultats)',
    recommendation:
      'Présentez l’étude réalisée : méthode (questionnaire, entretiens), taille de l’échantillon, principaux résultats chiffrés et ce que vous en déduisez.',
  },
  duplication: {
    label: 'duplication de la méthode',
    fr: [
      'duplica*',
      'dupliqu*',
      'reproductible*',
      'generalis*',
      'essaimage',
      'modelis*',
      'transpos*',
      "deploiement (a|sur) (d'autres|plusieurs)",
    ],
    en: ['replicat*', 'scalab*', 'roll ?out'],
    expectation: 'La duplication de la démarche à d’autres cibles, marchés ou équipes n’est pas démontrée',
    recommendation:
      'Montrez comment la démarche peut être dupliquée (autre région, autre segment) : étapes à reproduire, adaptations nécessaires, résultats attendus.',
  },
  offre_commerciale: {
    label: 'offre commerciale',
    fr: [
      'offres? (commerciales?|de services?)',
      'gamme',
      'catalogue',
      'packs?',
      'formules?',
      'abonnements?',
      'services? (associes|additionnels|inclus)',
      'garanties?',
      'caracteristiques',
      'tarification',
      'grille tarifaire',
      'proposition commerciale',
    ],
    en: ['offer*', 'product range', 'packages?', 'subscriptions?', 'features?', 'warranty'],
    expectation:
      "Les composantes de l'offre commerciale (produit ou service, prix, services associés, conditions) ne sont pas détaillées",
    recommendation:
      "Détaillez l'offre composante par composante (cœur de l'offre, services associés, prix, conditions) et montrez ce que chacune apporte au client.",
  },
  differenciation: {
    label: 'différenciation et valeur ajoutée',
    fr: [
      'differenci*',
      'valeur ajoutee',
      'avantages? (concurrentiels?|competitifs?)',
      'usp',
      'proposition unique de vente',
      'competitivite',
      'attractiv*',
      'se demarquer',
      'demarque*',
    ],
    en: ['differentiat*', 'added value', 'competitive (advantage|edge)', 'usp', 'stand out', 'attractive*'],
    expectation:
      'Les éléments de différenciation et de valeur ajoutée face aux concurrents ne sont pas justifiés',
    recommendation:
      'Comparez l’offre à celle de 2 ou 3 concurrents sur les critères d’achat des clients et justifiez chaque élément différenciant par une preuve.',
  },
  relation_client: {
    label: 'relation client',
    fr: [
      'relations? clients?',
      'experience client',
      'service client',
      'proximite',
      'personnalis*',
      'confiance',
      'satisfaction client',
      'customer success',
      'engagement client',
      'ethique',
      'transparen*',
    ],
    en: [
      'customer (relationship|experience|service|success)',
      'trust',
      'personali[sz]*',
      'transparen*',
      'ethic*',
    ],
    expectation:
      'La stratégie de relation client (dispositif, engagements, personnalisation) n’est pas décrite',
    recommendation:
      'Décrivez le dispositif de relation client à chaque étape (avant, pendant, après la vente), les engagements pris et la façon dont ils sont mesurés.',
  },
  offre_responsable: {
    label: 'pratiques et offres responsables',
    fr: [
      'eco ?concept*',
      'economie circulaire',
      'circulari*',
      'recycl*',
      'reemploi',
      'reutilis*',
      'reparab*',
      'reconditionn*',
      'seconde main',
      'bas carbone',
      'circuits? courts?',
      'made in france',
      'produits? (responsables|durables|eco ?responsables|bio)',
      'eco ?responsab*',
      'biosource*',
      'economie de la fonctionnalite',
      'sobriete',
    ],
    en: [
      'eco ?design',
      'circular economy',
      'recycl*',
      'reuse',
      'repair*',
      'refurbish*',
      'second ?hand',
      'low carbon',
      'eco ?friendly',
    ],
    expectation:
      'Les pratiques commerciales et les offres responsables (éco-conception, circularité, achats responsables) ne sont pas présentées',
    recommendation:
      "Présentez au moins une pratique ou offre responsable concrète (éco-conception, réemploi, circuit court) avec son impact mesuré et ce qu'elle apporte au client.",
  },
  innovation: {
    label: 'innovation',
    fr: [
      'innov*',
      'novat*',
      'brevets?',
      'r ?& ?d',
      'recherche et developpement',
      'start ?ups?',
      'disrupti*',
      'technologies? (innovantes|emergentes|nouvelles)',
      'nouveaux? (produits|services|usages)',
    ],
    en: ['innovat*', 'novel', 'patents?', 'r ?& ?d', 'start ?ups?', 'disrupti*', 'emerging technolog*'],
    expectation: 'Le caractère novateur de la démarche ou du projet n’est pas démontré',
    recommendation:
      'Précisez ce qui est nouveau (par rapport à l’existant et aux concurrents) et apportez une preuve : benchmark, test, premiers retours clients.',
  },
  objectifs_commerciaux: {
    label: 'objectifs commerciaux',
    fr: [
      "objectifs? (commerciaux|quantitatifs|qualitatifs|de vente|de ca|chiffres|d'acquisition|de conversion|de fidelisation|de croissance|financiers|globaux)",
      'quotas?',
      'previsions? de ventes?',
      'objectifs? (annuels|trimestriels|mensuels|individuels|collectifs)',
    ],
    en: ['(sales|revenue|growth) (targets?|objectives?|goals?)', 'quotas?'],
    expectation:
      'Les objectifs commerciaux quantitatifs et qualitatifs ne sont pas fixés ni reliés aux objectifs globaux',
    recommendation:
      'Fixez des objectifs commerciaux chiffrés (CA, nombre de clients, taux de conversion) et qualitatifs (satisfaction, image), reliés aux objectifs globaux.',
  },
  plan_action: {
    label: "plan d'actions",
    fr: [
      "plans? d'actions?",
      'retro ?planning',
      'planning',
      'gantt',
      'calendrier',
      'jalons?',
      'echeancier',
      'feuille de route',
      'actions? (prioritaires|commerciales|marketing|correctives)',
      'moyens (humains|materiels|financiers)',
      'qui fait quoi',
    ],
    en: ['action plan', 'timeline', 'roadmap', 'milestones?', 'gantt', 'schedule', 'next steps'],
    expectation: "Aucun plan d'actions détaillé (actions, responsables, moyens, calendrier, indicateurs)",
    recommendation:
      "Présentez le plan d'actions sous forme de tableau : action, objectif, responsable, moyens, coût, échéance et indicateur de réussite.",
  },
  decision_strategique: {
    label: 'aide à la décision',
    fr: [
      'prise de decisions?',
      'decisions? strategiques?',
      'aide a la decision',
      'arbitrages?',
      'choix retenus?',
      'nous avons (retenu|choisi|decide)',
      'priorisation',
      'matrice de decision',
      'criteres de choix',
    ],
    en: ['decision ?making', 'strategic decisions?', 'trade ?offs?', 'prioriti[sz]ation'],
    expectation:
      'Les résultats des diagnostics ne sont pas traduits en décisions (options comparées, critères, choix retenu)',
    recommendation:
      'Terminez chaque diagnostic par sa conséquence : options possibles, critères de choix, décision retenue et pourquoi.',
  },
  // ── Bloc 3: portfolio, CRM, trade show, prospecting ────────────────────────────────────────────────
  portefeuille: {
    label: 'portefeuille clients',
    fr: [
      'portefeuilles? (clients?|de clients)',
      'portefeuille',
      'matrices?',
      'cartographie (des )?(comptes|clients)',
      'comptes? (clients?|cles|strategiques|cibles)',
      'grands comptes',
      'key accounts?',
      'abc',
      'pareto',
      '20 ?\\/ ?80',
      '80 ?\\/ ?20',
      'clients? (actifs|inactifs|dormants|perdus)',
    ],
    en: [
      '(client|customer|account) portfolio',
      'portfolio',
      'key accounts?',
      'account map*',
      'pareto',
      'abc analysis',
    ],
    expectation:
      'La structure du portefeuille clients n’est pas analysée (répartition du CA, concentration, segments, potentiel)',
    recommendation:
      'Analysez le portefeuille avec une matrice (ABC/Pareto ou potentiel × risque) : part du CA par segment, concentration sur les premiers clients, comptes à développer.',
  },
  scoring: {
    label: 'scoring et potentiel',
    fr: [
      'scoring',
      'lead scoring',
      'scores?',
      'notation des (clients|prospects)',
      'potentiel',
      'niveau de risque',
      'qualification',
      'bant',
    ],
    en: ['scoring', 'lead scoring', 'scores?', 'potential', 'qualification', 'bant'],
    expectation: 'Le potentiel et le niveau de risque de chaque client ne sont pas évalués (scoring)',
    recommendation:
      'Proposez une grille de scoring (critères pondérés : potentiel, fréquence d’achat, risque) et appliquez-la à quelques comptes réels.',
  },
  crm: {
    label: 'CRM',
    fr: [
      'crm',
      'customer relationship management',
      'salesforce',
      'hubspot',
      'pipedrive',
      'zoho',
      'sellsy',
      'axonaut',
      'gestion de la relation client',
      'grc',
      'fiches? (clients?|prospects?|contacts?)',
      'base (de donnees )?(clients?|prospects?|contacts?)',
      'historique (client|des echanges|des interactions)',
      'workflows?',
      'doublons',
      'qualite des donnees',
    ],
    en: ['crm', 'salesforce', 'hubspot', 'pipedrive', 'customer database', 'workflows?'],
    expectation:
      'Les fonctionnalités du CRM et leur exploitation (fiches, historique, automatisations, segmentation, reporting) ne sont pas présentées',
    recommendation:
      "Montrez comment le CRM est exploité : fonctionnalités utilisées (fiches, pipeline, automatisations, rapports), données suivies, et ce que cela change pour l'équipe.",
  },
  salon: {
    label: 'salon professionnel',
    fr: [
      'salons?',
      'stands?',
      'exposants?',
      'visiteurs',
      'evenement*',
      'foires?',
      'congres',
      'showroom',
      'badges?',
      'metres? carres?',
      'm2',
      'emplacement',
    ],
    en: ['trade ?shows?', 'fairs?', 'booths?', 'exhibitions?', 'exhibitors?', 'events?', 'visitors'],
    expectation:
      'Le choix du salon et la conception du stand (emplacement, surface, objectifs, visiteurs attendus) ne sont pas argumentés',
    recommendation:
      'Justifiez le choix du salon (visiteurs, exposants, coût) et décrivez le stand : emplacement, surface, aménagement, objectifs chiffrés de contacts.',
  },
  externalisation: {
    label: 'stratégie d’externalisation commerciale',
    fr: [
      'externalis*',
      "representation (externalisee|de l'entreprise)",
      'visibilite',
      'notoriete',
      'conquete',
      'nouvelles parts de marche',
      'evenements? professionnels?',
    ],
    en: ['outsourc*', 'visibility', 'brand awareness'],
    expectation:
      'La stratégie d’externalisation commerciale (pourquoi un salon, objectifs de visibilité et de conquête) n’est pas argumentée',
    recommendation:
      'Expliquez pourquoi le salon sert la stratégie (visibilité, conquête de parts de marché) et chiffrez ce qu’il doit rapporter (contacts, RDV, CA).',
  },
  plan_managerial_stand: {
    label: 'plan managérial du stand',
    fr: [
      'plan manageria*',
      'organisation du stand',
      'planning (du stand|de presence)',
      'roles? (sur le stand|de chacun)',
      'briefing',
      'debriefing',
      "animation (du stand|de l'equipe)",
      'repartition des (taches|roles)',
      'equipe (du stand|presente)',
      'avant,? pendant,? (et )?apres',
    ],
    en: ['briefing', 'debriefing', 'staffing', 'roles'],
    expectation:
      'Le plan managérial du projet de stand (étapes, rôles, planning, animation de l’équipe) n’est pas présenté',
    recommendation:
      "Présentez le plan managérial : rétroplanning avant/pendant/après le salon, rôle de chaque membre de l'équipe, briefing et debriefing, objectifs individuels.",
  },
  supports_com: {
    label: 'supports de communication',
    fr: [
      'supports? (de communication|commerciaux|de vente|print|digitaux)',
      'flyers?',
      'brochures?',
      'plaquettes?',
      'kakemonos?',
      'roll ?ups?',
      'videos?',
      'goodies',
      'catalogues?',
      'cartes? de visite',
      'qr ?codes?',
      'plv',
      'affiches?',
      'fiches? produits?',
      'charte graphique',
    ],
    en: ['flyers?', 'brochures?', 'leaflets?', 'videos?', 'posters?', 'banners?', 'goodies', 'catalogues?'],
    expectation:
      'Les supports de communication ne sont pas présentés ni argumentés (message, cible, format, coût)',
    recommendation:
      'Pour chaque support (flyer, vidéo, kakémono…), précisez la cible, le message clé, le format, le coût et comment son efficacité sera mesurée.',
  },
  simulation: {
    label: 'simulation d’échange',
    fr: [
      'simulation',
      'jeu de role',
      'dialogue',
      'script',
      'entree en relation',
      'accroche',
      'prise de contact',
      'echange avec (un|le) prospect',
      '(prospect|commercial|vendeur|client) ?:',
    ],
    en: ['role ?play', 'simulation', 'dialogue', 'script'],
    expectation:
      "La simulation d'entrée en relation avec un prospect n'est pas présentée (accroche, découverte, argumentation, conclusion)",
    recommendation:
      'Rédigez la simulation sous forme de dialogue (accroche, questions de découverte, argumentation, réponse à une objection, prise de rendez-vous) et commentez vos choix.',
  },
  reactivite: {
    label: 'réactivité et agilité',
    fr: [
      'reactivit*',
      'reactif*',
      'agilit*',
      'agile',
      'flexib*',
      'adaptab*',
      'souplesse',
      'relances?',
      'delai de reponse',
      'suivi (post ?salon|des contacts|des leads)',
    ],
    en: ['responsive*', 'agility', 'agile', 'flexib*', 'adaptab*', 'follow ?up'],
    expectation:
      'La réactivité et l’adaptation aux prospects ne sont pas démontrées (délais, relances, ajustements)',
    recommendation:
      'Illustrez votre réactivité par des faits : délai de relance après le premier contact, ajustements du discours selon le profil, suivi des leads.',
  },
  informations_clients: {
    label: 'informations fournies aux clients',
    fr: [
      'informations? (fournies|transmises|clients|produits)',
      'fiches? (produits?|techniques?)',
      'documentation',
      'faq',
      'questions? frequentes',
      'conditions (de vente|generales)',
      'delais de livraison',
      'devis',
      "kit (d'information|presse)",
    ],
    en: ['product information', 'documentation', 'faq', 'datasheets?'],
    expectation:
      'Les informations remises aux clients et prospects (fiches, conditions, délais, réponses aux questions) ne sont pas anticipées',
    recommendation:
      'Listez les informations que les prospects demanderont (prix, délais, conditions, fiches techniques) et montrez comment elles sont préparées et remises.',
  },
  sourcing_leads: {
    label: 'sourcing des prospects',
    fr: [
      'leads?',
      'prospects?',
      'prospection',
      'generation de leads',
      'lead generation',
      'sourc(er|ing|age)',
      'fichiers? (de prospection|de prospects|clients)',
      'bases? de (donnees|prospection|prospects)',
      'kaspr',
      'lusha',
      'dropcontact',
      'waalaxy',
      'lemlist',
      'la growth machine',
      'phantombuster',
      'scraping',
      'enrichissement',
      'growth hacking',
      'inbound',
      'outbound',
    ],
    en: ['leads?', 'prospects?', 'prospecting', 'lead generation', 'sourcing', 'outbound', 'inbound'],
    expectation: 'Les méthodes et outils pour sourcer et qualifier les prospects ne sont pas présentés',
    recommendation:
      'Décrivez la chaîne de sourcing : origine des contacts (bases, LinkedIn, salons), outils d’enrichissement, critères de qualification, volume visé par mois.',
  },
  canaux_prospection: {
    label: 'canaux de prospection',
    fr: [
      "canaux? (de prospection|d'acquisition|traditionnels|digitaux)",
      'canal',
      'canaux',
      'e ?mailings?',
      'emails?',
      'phoning',
      'telephon*',
      'appels?',
      'teleprospection',
      'cold ?(call|calling|emailing|email)',
      'face a face',
      'porte a porte',
      'visites? (terrain|clients?)',
      'sms',
      'seo',
      'sea',
      'landing pages?',
      'webinaires?',
      'newsletters?',
      'sequences?',
    ],
    en: [
      'channels?',
      'e ?mail(ing)?s?',
      'cold (call|calling|email)',
      'phone',
      'calls?',
      'face to face',
      'webinars?',
      'newsletters?',
    ],
    expectation:
      'Le choix des canaux de prospection (traditionnels et digitaux) et les techniques propres à chacun ne sont pas justifiés',
    recommendation:
      'Comparez les canaux (e-mailing, téléphone, face-à-face, réseaux sociaux) selon la cible, le coût et le taux de réponse, et décrivez la technique utilisée sur chacun.',
  },
  social_selling: {
    label: 'social selling',
    fr: [
      'social ?selling',
      'linkedin',
      'sales navigator',
      'reseaux sociaux',
      'personal branding',
      'marque personnelle',
      'inmails?',
      'publications?',
      "taux d'engagement",
      'ssi',
      'social selling index',
      'ambassadeurs?',
      'employee advocacy',
    ],
    en: [
      'social ?selling',
      'linkedin',
      'sales navigator',
      'social (media|networks?)',
      'personal branding',
      'engagement rate',
    ],
    expectation: 'Aucune recommandation de social selling (réseaux, ciblage des décideurs, contenus, mesure)',
    recommendation:
      "Recommandez un dispositif de social selling : profils optimisés, ciblage des décideurs avec LinkedIn Sales Navigator, calendrier de contenus, indicateurs (SSI, taux d'engagement, RDV obtenus).",
  },
  prescripteurs: {
    label: 'prescripteurs et apporteurs d’affaires',
    fr: [
      'prescri*',
      "apporteurs? d'affaires",
      'partenaires? (prescripteurs|apporteurs|commerciaux|distributeurs|revendeurs)',
      'parrainage',
      'bouche a oreille',
      'reseau (de partenaires|professionnel)',
      'commissions?',
      'commissionnement',
      'retrocommissions?',
      'affiliation',
      'experts? comptables?',
      "clubs? d'affaires",
    ],
    en: ['prescribers?', 'referr*', 'business introducers?', 'affiliat*', 'word of mouth', 'partner network'],
    expectation:
      'La démarche de prospection des prescripteurs et apporteurs d’affaires (identification, approche, rémunération, suivi) n’est pas présentée',
    recommendation:
      'Décrivez la démarche auprès des prescripteurs : qui ils sont, comment les approcher, ce qu’ils gagnent (commission, réciprocité) et comment suivre les affaires apportées.',
  },
  fidelisation: {
    label: 'fidélisation',
    fr: [
      'fidelis*',
      'fidelite',
      'programmes? de fidelite',
      'retention',
      'churn',
      'attrition',
      'reachats?',
      'up ?sell*',
      'cross ?sell*',
      'ventes? (additionnelles|croisees)',
      'capital client',
      'capital care',
      'service apres ?vente',
      'sav',
    ],
    en: [
      'loyalty',
      'retention',
      'churn',
      'upsell*',
      'cross ?sell*',
      'customer care',
      'repeat (purchase|business)',
    ],
    expectation:
      'Les actions de fidélisation et leur effet attendu (rétention, réachat, ventes additionnelles) ne sont pas présentés',
    recommendation:
      'Proposez des actions de fidélisation concrètes (programme, suivi personnalisé, offres dédiées) avec un objectif chiffré de rétention ou de réachat.',
  },
  satisfaction: {
    label: 'mesure de la satisfaction',
    fr: [
      'satisfaction',
      'enquetes? de satisfaction',
      'nps',
      'net promoter score',
      'csat',
      'customer effort score',
      'avis (clients|google|en ligne)',
      'reclamations?',
      'verbatims?',
      'client mystere',
      'retours? clients?',
    ],
    en: ['satisfaction', 'nps', 'csat', 'reviews', 'feedback', 'complaints?'],
    expectation: 'Aucun dispositif de mesure de la satisfaction client (quantitatif et qualitatif)',
    recommendation:
      "Mettez en place une mesure de la satisfaction (NPS ou CSAT, verbatims) avec une fréquence, un seuil d'alerte et les actions correctives prévues.",
  },
  reussite_mission: {
    label: 'résultats de la mission',
    fr: [
      "resultats? (obtenus|de la mission|de la campagne|de l'action)",
      'reussite',
      'succes',
      "bilan (de la mission|de l'action|de la campagne)",
      'taux de (transformation|conversion|reponse|prise de rdv)',
      'rdv (obtenus|decroches|pris)',
      'contrats? signes?',
      'clients? (gagnes|signes|conquis)',
      'objectifs? (atteints?|depasses?)',
    ],
    en: ['results', 'success*', 'achieved', 'won'],
    expectation:
      'La réussite de la mission n’est pas démontrée par ses résultats (RDV obtenus, taux de transformation, contrats signés)',
    recommendation:
      'Justifiez la réussite par des résultats chiffrés (contacts, RDV, devis, contrats, CA) comparés à l’objectif fixé, et expliquez ce qui l’a rendue possible.',
  },
  methodologie: {
    label: 'méthodologie',
    fr: [
      'methodolog*',
      'methodes?',
      'demarches?',
      'process(us)?',
      'protocole',
      'etapes?',
      'outils? (utilises|mobilises|retenus)',
      'criteres? (de choix|de selection)',
    ],
    en: ['methodolog*', 'methods?', 'approach', 'process(es)?', 'steps', 'framework'],
    expectation: 'La méthode suivie n’est pas expliquée (étapes, outils, critères de choix)',
    recommendation:
      'Exposez la méthode pas à pas : étapes, outils mobilisés, critères de décision, et pourquoi cette méthode plutôt qu’une autre.',
  },
  // ── Bloc 4: complex negotiation ────────────────────────────────────────────────────────────────────
  profil_client: {
    label: 'profil et cartographie du client',
    fr: [
      "profil (du |de l')?(client|prospect|acheteur|interlocuteur)",
      'mapping',
      'cartographie (des )?(decideurs|interlocuteurs|acteurs|profils?|du prospect|du client)',
      'centre de decision',
      'decideurs?',
      'decisionnaires?',
      'influenceurs?',
      'interlocuteurs?',
      'niveau de decision',
      "comite d'achat",
      'circuit de decision',
      'processus de decision',
      'buying center',
    ],
    en: [
      'decision ?makers?',
      'buying (center|centre|committee)',
      'stakeholder map*',
      'account map*',
      'influencers?',
      'buyer profile',
    ],
    expectation:
      'Le profil du client n’est pas complet (organisation, besoins, pratiques, décideurs et circuit de décision)',
    recommendation:
      'Cartographiez le compte : organigramme, rôle de chaque interlocuteur (décideur, prescripteur, utilisateur, acheteur), ses attentes et son influence, à partir du CRM et de LinkedIn.',
  },
  decouverte: {
    label: 'plan de découverte',
    fr: [
      'plans? de decouverte',
      'phase de decouverte',
      'decouverte (des besoins|du client|du prospect)',
      'questions? (ouvertes|fermees|alternatives|de controle|miroir)',
      'questionnement',
      'ecoute active',
      'reformul*',
      'besoins? (explicites|implicites|du client|exprimes)',
      'recueil des besoins',
    ],
    en: ['discovery', 'open questions', 'active listening', 'needs analysis', 'pain points?'],
    expectation:
      'Aucun plan de découverte structuré (questions préparées, écoute, reformulation des besoins)',
    recommendation:
      'Rédigez le plan de découverte : thèmes à explorer, questions ouvertes préparées pour chacun, reformulation attendue et informations à recueillir.',
  },
  soncas_simac: {
    label: 'méthodes SONCAS et SIMAC',
    fr: ['soncase?', 'cap soncas', 'simac', 'bebedc', 'cqqcoqp', 'qqoqcp', 'spin( selling)?'],
    en: ['soncas', 'simac', 'spin selling'],
    cooccur: {
      min: 4,
      fr: ['securite', 'orgueil', 'nouveaute', 'confort', 'argent', 'sympathie'],
      en: ['security', 'pride', 'novelty', 'comfort', 'money', 'sympathy'],
    },
    expectation:
      "Les méthodes de découverte et d'argumentation attendues (SONCAS, SIMAC) ne sont pas appliquées au client",
    recommendation:
      "Appliquez SONCAS au client (ses motivations dominantes, preuves à l'appui) et structurez votre présentation avec SIMAC (situation, idée, mécanisme, avantages, conclusion).",
  },
  entretien: {
    label: 'techniques d’entretien',
    fr: [
      'entretiens? (de vente|de negociation|commercial|de decouverte)',
      'prise de contact',
      "phase (d'ouverture|de presentation|d'argumentation|de conclusion)",
      'regle des 4 ?x ?20',
      'communication non ?verbale',
      'non ?verbal',
      'synchronisation',
      'pnl',
      'intelligence (sociale|emotionnelle)',
      'empathie',
      'rendez ?vous',
      'rdv',
    ],
    en: ['sales (meeting|call|interview)', 'role ?play', 'non ?verbal', 'rapport', 'active listening'],
    expectation:
      "Les techniques de l'entretien (prise de contact, découverte, argumentation, traitement des objections, conclusion) ne sont pas démontrées",
    recommendation:
      "Déroulez l'entretien phase par phase (prise de contact, découverte, argumentation, objections, conclusion) en nommant la technique utilisée à chaque étape.",
  },
  etapes_negociation: {
    label: 'étapes de la négociation',
    fr: [
      'etapes? (de la |du )?(negociation|vente|entretien|processus)',
      'phases? (de la |du )?(negociation|vente|entretien)',
      'chronolog*',
      'finalisation',
      'processus (de vente|commercial)',
      'cycle de vente',
    ],
    en: ['(negotiation|sales) (stages|steps|phases)', 'sales process'],
    expectation:
      'Les étapes de la négociation (contact, ouverture, échanges, propositions, accord, suivi) ne sont pas planifiées',
    recommendation:
      'Présentez les étapes chronologiques de la négociation (contact, ouverture, échanges, propositions, accord, suivi) avec, pour chacune, l’objectif et le risque anticipé.',
  },
  objections: {
    label: 'traitement des objections',
    fr: [
      'objections?',
      'traitement des objections',
      'methode (crac|cnrv|arpc|arc|apc)',
      'crac',
      'cnrv',
      'oui,? mais',
      'boomerang',
      'rebondir',
      'trop cher',
    ],
    en: ['objections?', 'objection handling', 'too expensive', 'pushback'],
    expectation:
      'Les objections probables ne sont pas anticipées ni traitées avec une méthode (reformulation, questionnement, réponse argumentée)',
    recommendation:
      'Listez les 4 ou 5 objections probables (prix, délai, concurrent…) et rédigez pour chacune une réponse structurée (méthode CRAC ou ARPC) avec une preuve.',
  },
  argumentaire: {
    label: 'argumentaire',
    fr: [
      'argumentaires?',
      'arguments?',
      'methode (cap|cab|bac)',
      'caracteristiques?,? avantages?,? (preuves?|benefices?)',
      'preuves?',
      'benefices? clients?',
      'pitch',
      'elevator pitch',
      'accroche',
      'discours commercial',
      'storytelling',
    ],
    en: ['sales pitch', 'pitch', 'arguments?', 'features?,? (advantages?|benefits?)'],
    expectation:
      'Aucun argumentaire structuré (caractéristique, avantage, preuve) adapté aux profils des interlocuteurs',
    recommendation:
      'Structurez l’argumentaire en CAP (caractéristique, avantage, preuve) pour chaque besoin identifié et adaptez-le aux profils d’acheteurs rencontrés.',
  },
  closing: {
    label: 'closing',
    fr: [
      'closing',
      "conclu(re|sion) (de )?(la vente|l'accord|la negociation)",
      'signature',
      'bons? de commande',
      'engagement contractuel',
      "signaux? d'achat",
      'verrouill*',
      "technique de l'alternative",
      'recapitulat*',
    ],
    en: ['closing', 'close (the deal|the sale)', 'purchase order', 'buying signals?'],
    expectation:
      'Le processus de closing (signaux d’achat, technique de conclusion, engagement contractuel, suivi) n’est pas démontré',
    recommendation:
      "Décrivez le processus de closing : signaux d'achat repérés, technique de conclusion choisie (alternative, récapitulatif), documents signés et suivi après l'accord.",
  },
  negociation: {
    label: 'techniques de négociation',
    fr: [
      'negoci*',
      'gagnant ?gagnant',
      'win ?win',
      'concessions?',
      'contreparties?',
      'zopa',
      'batna',
      'meson',
      'maan',
      'prix plancher',
      'prix (de reserve|de depart|cible)',
      'positions? de repli',
      'marge de (manoeuvre|negociation)',
      'harvard',
      'negociation raisonnee',
      'points? de rupture',
      'rapport de force',
      'donnant ?donnant',
      'ancrage',
    ],
    en: ['negotiat*', 'win ?win', 'concessions?', 'trade ?offs?', 'batna', 'zopa', 'walk ?away', 'anchoring'],
    expectation:
      'Les techniques de négociation (marges de manœuvre, concessions contre contreparties, solution de repli) ne sont pas maîtrisées ni illustrées',
    recommendation:
      'Préparez la négociation : objectif, prix plancher, concessions possibles avec leur contrepartie, solution de repli (BATNA), puis montrez l’issue gagnant-gagnant obtenue.',
  },
  marge: {
    label: 'préservation de la marge',
    fr: [
      'marges?',
      'marge commerciale',
      'taux de (marge|marque)',
      'remises?',
      'rabais',
      'ristournes?',
      'escompte',
      'prix nets?',
      'conditions? (tarifaires|commerciales|de paiement|generales de vente)',
      'cgv',
      'delais? de paiement',
    ],
    en: ['margins?', 'discounts?', 'rebates?', 'payment terms', 'net price'],
    expectation:
      'L’effet de la négociation sur la marge (remises accordées, prix net, conditions) n’est pas chiffré',
    recommendation:
      'Chiffrez l’impact des concessions sur la marge (prix net, taux de marge avant et après) et montrez la limite que vous ne franchirez pas.',
  },
  appel_offres: {
    label: "appel d'offres",
    fr: [
      "appels? d'offres?",
      'boamp',
      'dce',
      'dossier de consultation',
      'memoire technique',
      'acheteurs? (publics?|prives?)',
      'marches? publics?',
      'commande publique',
      'reglement de (la )?consultation',
      'ccap',
      'cctp',
      'bpu',
      'dpgf',
      'dume',
      "criteres? (d'attribution|de selection|de notation)",
      'pouvoir adjudicateur',
      'dossier de candidature',
      'mapa',
      'rfp',
      'rfq',
    ],
    en: ['calls? for tenders?', 'tenders?', 'rfps?', 'rfqs?', 'public procurement', 'bid'],
    expectation:
      "La réponse à l'appel d'offres n'est pas construite (process, pièces de candidature, offre, critères d'attribution)",
    recommendation:
      "Présentez le process de réponse (étapes, pièces du dossier de candidature, mémoire technique, offre financière) et montrez comment l'offre répond à chaque critère d'attribution.",
  },
  cahier_charges: {
    label: 'cahier des charges',
    fr: [
      'cahiers? des charges',
      'cdc',
      "donneurs? d'ordres?",
      'besoins? (fonctionnels|techniques)',
      'specifications?',
      'exigences',
      'perimetre',
      'livrables?',
      'contraintes',
      'delais',
      'criteres? de (choix|decision)',
      "grille (d'analyse|de lecture)",
      'analyse (fonctionnelle|du besoin)',
    ],
    en: ['specifications?', 'requirements', 'scope', 'deliverables?', 'constraints'],
    expectation:
      'Le cahier des charges n’est pas analysé avec une méthode rationnelle (contexte, besoins, contraintes, délais, budget, critères)',
    recommendation:
      'Analysez le cahier des charges avec une grille (contexte, besoins, contraintes, délais, budget, critères de choix) et reliez chaque exigence à un élément de votre réponse.',
  },
  aide_vente: {
    label: 'outils d’aide à la vente',
    fr: [
      "outils? d'aide a la vente",
      'aides? a la vente',
      'sales enablement',
      'demonstrat*',
      'demo',
      'simulateurs?',
      'configurateurs?',
      'cpq',
      'devis',
      'propositions? commerciales?',
      'temoignages?',
      'cas clients?',
      'references clients',
      'calculateur*',
    ],
    en: ['sales (tools|enablement|collateral)', 'demo', 'case stud(y|ies)', 'testimonials?', 'proposal'],
    expectation:
      "Les outils d'aide à la vente ne sont pas présentés ni justifiés pour le contexte (démonstration, simulateur, références clients)",
    recommendation:
      "Présentez 2 ou 3 outils d'aide à la vente adaptés au client (démonstration, calculateur de ROI, cas clients) et justifiez à quel moment de l'entretien chacun sert.",
  },
  valeur_client: {
    label: 'conseil et création de valeur',
    fr: [
      'creation de valeur',
      'valeur (client|percue|creee|pour le client)',
      'conseil',
      'sur ?mesure',
      'solutions? (personnalisees?|sur mesure|adaptees?)',
      'partenariat',
      'accompagnement',
      'expertise',
      'co ?construction',
    ],
    en: [
      'value creation',
      'customer value',
      'advisory',
      'consultative',
      'tailored',
      'partnership',
      'trusted advisor',
    ],
    expectation: 'Le rôle de conseil et la valeur créée pour le client ne sont pas démontrés',
    recommendation:
      'Montrez la valeur créée pour le client (gain chiffré, risque évité, solution sur mesure) et votre rôle de conseil au-delà de la vente.',
  },
  interculturel_nego: {
    label: 'négociation interculturelle',
    fr: [
      'interculturel*',
      "culture (du client|locale|d'affaires|etrangere)",
      'hofstede',
      'differences? culturelles?',
      'distance hierarchique',
      'contexte (fort|faible)',
      'trompenaars',
      'erin meyer',
      'codes? culturels?',
      "a l'international",
      'geopolitique*',
    ],
    en: ['intercultural*', 'cross ?cultural', 'cultural differences?', 'hofstede', 'erin meyer'],
    expectation: 'L’adaptation de la négociation à la culture d’un client étranger n’est pas traitée',
    recommendation:
      'Si la négociation est internationale, décrivez les codes culturels du client (rapport au temps, à la hiérarchie, au contrat) et l’adaptation de votre approche.',
  },
  // ── Bloc 5: steering commercial performance ────────────────────────────────────────────────────────
  pilotage_performance: {
    label: 'pilotage de la performance',
    fr: [
      'pilotage (de la |du )?(performance|activite|commercial)',
      'performance (commerciale|globale)',
      "suivi (des performances|commercial|des ventes|d'activite|des resultats|des objectifs)",
      'productivite',
      'efficacite commerciale',
      "revues? (d'activite|commerciales?|de performance)",
      'controle de gestion',
    ],
    en: ['performance (management|monitoring|tracking)', 'sales performance', 'productivity'],
    expectation:
      'Le dispositif de pilotage de la performance (indicateurs, fréquence, revues, décisions) n’est pas décrit',
    recommendation:
      'Décrivez le dispositif de pilotage : quels indicateurs, mis à jour quand et par qui, analysés dans quelles réunions, et quelles décisions ils déclenchent.',
  },
  outils_pilotage: {
    label: 'outils de pilotage',
    fr: [
      "outils? (de pilotage|de suivi|de mesure|numeriques|digitaux|d'analyse)",
      'cartographie des outils',
      'power ?bi',
      'looker',
      'qlik',
      'excel',
      'google sheets',
      'erp',
      'sap',
      'business intelligence',
      'logiciels?',
      'saas',
    ],
    en: ['tools?', 'software', 'erp', 'business intelligence', 'power ?bi', 'platforms?'],
    expectation:
      'Les outils de pilotage ne sont pas cartographiés ni leur sélection argumentée (usage, données, limites)',
    recommendation:
      'Cartographiez les outils de pilotage (CRM, tableur, BI, ERP) : à quoi sert chacun, quelles données il fournit, ses limites, et justifiez ceux que vous retenez.',
  },
  ecarts_correctifs: {
    label: 'écarts et actions correctives',
    fr: [
      'ecarts?',
      'analyse des ecarts',
      'actions? correctives?',
      'mesures? correctives?',
      "plans? (d'actions )?correctifs?",
      'reajust*',
      'ajustements?',
      'realise (vs|versus)',
      'previsionnel (vs|versus|et) (reel|realise)',
      "taux (d'atteinte|de realisation)",
      "seuils? d'alerte",
      'remediation',
      'sous ?performance',
    ],
    en: ['variances?', 'gaps?', 'corrective actions?', 'deviations?', 'actual vs', 'adjustments?'],
    expectation:
      'Les écarts entre objectifs et résultats ne sont pas mesurés ni suivis d’actions correctives',
    recommendation:
      'Mesurez les écarts (objectif, réalisé, écart en valeur et en %), expliquez leurs causes et associez à chacun une action corrective datée avec un responsable.',
  },
  autocontrole: {
    label: 'points d’auto-contrôle',
    fr: [
      'auto ?controles?',
      'points? de controle',
      'controles? (qualite|de coherence|interne|croises?|reguliers?)',
      'verifications?',
      'double (saisie|verification|controle)',
      'fiabilite (des donnees|des chiffres|des indicateurs)',
      'qualite des donnees',
      'audit (interne|des donnees|des indicateurs)',
      'erreurs?',
      'anomalies?',
      'incoherences?',
      'rapprochement',
      'checklists?',
    ],
    en: ['self ?checks?', 'checkpoints?', 'data quality', 'errors?', 'anomal(y|ies)', 'audit', 'validation'],
    expectation: 'Aucun point d’auto-contrôle pour détecter les erreurs de mesure de la performance',
    recommendation:
      'Ajoutez des points d’auto-contrôle : rapprochement CRM/comptabilité, contrôles de cohérence, seuils d’alerte sur les anomalies, fréquence et responsable de chaque contrôle.',
  },
  amelioration_continue: {
    label: 'amélioration continue',
    fr: [
      'amelioration continue',
      'ameliorer continuellement',
      'pdca',
      'roue de deming',
      'deming',
      'kaizen',
      'lean',
      "retours? d'experience",
      'retex',
      'bonnes pratiques',
      "plans? d'amelioration",
      "axes? d'amelioration",
      'optimis*',
    ],
    en: [
      'continuous improvement',
      'pdca',
      'kaizen',
      'lean',
      'lessons learned',
      'best practices',
      'optimi[sz]*',
    ],
    expectation:
      'Les préconisations d’amélioration continue de la performance ne sont pas formulées (axes prioritaires, actions, suivi)',
    recommendation:
      "Formulez 3 ou 4 préconisations réalistes pour le service commercial, chacune avec l'écart qu'elle corrige, son coût, son échéance et l'indicateur qui mesurera son effet.",
  },
  // ── Bloc 6: management, entrepreneurship ───────────────────────────────────────────────────────────
  management_equipe: {
    label: 'équipe commerciale',
    fr: [
      'equipes? commerciales?',
      'forces? de vente',
      'commerciaux',
      'business developers?',
      'kam',
      'key account managers?',
      'sdr',
      'bdr',
      "charges? d'affaires",
      'technico ?commerciaux?',
      'missions?',
      'fiches? de poste',
      'sectorisation',
      'territoires?',
      'sedentaires?',
      'itinerants?',
      'etp',
    ],
    en: [
      'sales (team|force|reps?|representatives)',
      'account (executives?|managers?)',
      'business developers?',
      'job descriptions?',
      'territor(y|ies)',
    ],
    expectation:
      "La composition et les missions de l'équipe commerciale ne sont pas expliquées ni justifiées",
    recommendation:
      "Présentez l'équipe commerciale (postes, effectifs, profils) et les missions de chacun, en justifiant la composition par les cibles et les objectifs.",
  },
  coordination: {
    label: 'coordination avec les autres services',
    fr: [
      'coordin*',
      'collaborat*',
      'transvers*',
      'services? (marketing|communication|finance|financier|r ?& ?d|production|logistique|rh|juridique|achats|support|client|technique|qualite)',
      'controle de gestion',
      'direction (financiere|marketing|commerciale|comptable)',
      'reunions?',
      'comites?',
      'co ?constru*',
      'raci',
      'interservices?',
      'equipes? projet',
      'synergies?',
      'outils? collaboratifs?',
      'rituels?',
    ],
    en: [
      'coordinat*',
      'collaborat*',
      'cross ?functional',
      'departments?',
      'meetings?',
      'teamwork',
      'synerg*',
    ],
    expectation:
      'La méthode de collaboration avec les autres services (marketing, communication, finance, contrôle de gestion) n’est pas expliquée',
    recommendation:
      'Expliquez comment vous travaillez avec chaque service (qui, quoi, quand) : réunions, outils partagés, matrice RACI, et donnez un exemple de décision prise ensemble.',
  },
  gestion_projet: {
    label: 'gestion de projet',
    fr: [
      'gestion de projet',
      'management de projet',
      'pilotage (du|de) projet',
      'chef de projet',
      'comite de pilotage',
      'copil',
      'raci',
      'gantt',
      'pert',
      'scrum',
      'kanban',
      'sprints?',
      'jalons?',
      'livrables?',
      'retro ?planning',
      'trello',
      'asana',
      'jira',
      'planification',
    ],
    en: [
      'project management',
      'steering committee',
      'scrum',
      'kanban',
      'sprints?',
      'milestones?',
      'gantt',
      'deliverables?',
    ],
    expectation:
      'La structuration et la coordination du projet (organisation, jalons, outils, instances de pilotage) ne sont pas expliquées',
    recommendation:
      'Montrez comment le projet a été structuré : découpage en étapes, jalons, rôles (RACI), outils de suivi (Gantt, Trello) et instances de décision (comité de pilotage).',
  },
  leadership: {
    label: 'leadership et management responsable',
    fr: [
      'leadership',
      'styles? de management',
      'management (participatif|situationnel|directif|delegatif|persuasif|collaboratif|bienveillant|inclusif|responsable|agile|de proximite)',
      'hersey',
      'blanchard',
      'delegation',
      'deleguer',
      'responsabilis*',
      'autonomie',
      'exemplarite',
      'integrite',
      'intergenerationnel*',
      'feedbacks?',
      'coaching',
      'posture manageriale',
    ],
    en: ['leadership', 'management style', 'empower*', 'delegat*', 'coaching', 'feedback'],
    expectation:
      'Le mode de management (style de leadership, délégation, valorisation des réussites) n’est pas explicité',
    recommendation:
      "Explicitez votre style de management (situationnel, participatif…), comment vous déléguez et valorisez les réussites, avec un exemple concret d'équipe.",
  },
  motivation: {
    label: 'motivation et engagement',
    fr: [
      'motiv*',
      'demotiv*',
      'engagement (des equipes|des collaborateurs|de chacun)',
      'implication',
      'reconnaissance',
      'primes?',
      'remuneration variable',
      'challenges? (commerciaux|internes)',
      'incentives?',
      'maslow',
      'herzberg',
      'objectifs? communs',
      'feder*',
      'cohesion',
      'team ?building',
    ],
    en: [
      'motivat*',
      'engagement',
      'recognition',
      'incentives?',
      'bonus',
      'maslow',
      'herzberg',
      'team ?building',
      'cohesion',
    ],
    expectation: 'Les leviers de motivation et d’engagement de l’équipe ne sont pas présentés',
    recommendation:
      "Présentez les leviers de motivation (objectifs communs, reconnaissance, rémunération variable, challenges) et comment vous mesurez l'engagement de l'équipe.",
  },
  rps_bien_etre: {
    label: 'bien-être et risques psychosociaux',
    fr: [
      'rps',
      'risques? psycho ?sociaux',
      'bien ?etre',
      'qvct?',
      'qualite de vie (au|et des conditions de) travail',
      'burn ?out',
      'stress',
      'charge de travail',
      'conflits?',
      'resistance au changement',
      'conduite du changement',
      'teletravail',
      'deconnexion',
      'absenteisme',
      'turnover',
      'harcelement',
      'sante (au travail|mentale)',
    ],
    en: [
      'well ?being',
      'psychosocial risks?',
      'burn ?out',
      'stress',
      'workload',
      'conflicts?',
      'resistance to change',
      'change management',
      'mental health',
    ],
    expectation:
      'La prévention des risques psychosociaux et le bien-être au travail ne sont pas pris en compte',
    recommendation:
      'Prévoyez des points individuels réguliers, des indicateurs (absentéisme, turnover, charge de travail) et une procédure de gestion des conflits et du changement.',
  },
  inclusion_diversite: {
    label: 'inclusion et diversité',
    fr: [
      'inclusi*',
      'diversite',
      'egalite (femmes? ?hommes?|professionnelle|des chances)',
      'equite',
      'handicap',
      'rqth',
      'non ?discrimination',
      'discriminations?',
      'intergenerationnel*',
      'seniors?',
      'parite',
      'mixite',
      'neurodivers*',
    ],
    en: [
      'inclusi*',
      'diversity',
      'diverse',
      'equity',
      'equal (opportunit(y|ies)|pay)',
      'gender',
      'disabilit(y|ies)',
      'discrimination',
      'belonging',
      'd ?& ?i',
      'dei',
      'neurodivers*',
    ],
    expectation: 'Les principes d’inclusion et de diversité ne sont pas traduits en pratiques concrètes',
    recommendation:
      'Traduisez l’inclusion et la diversité en pratiques mesurables (recrutement, intégration, équité de traitement) avec un indicateur de suivi.',
  },
  business_plan: {
    label: 'business plan',
    fr: [
      'business ?plan',
      "plan d'affaires",
      'previsionnel*',
      'compte de resultat previsionnel',
      'plan de tresorerie',
      'tresorerie',
      'plan de financement',
      'seuil de rentabilite',
      'point mort',
      'bfr',
      'hypotheses?',
      'annee ?[1-5]',
      'n ?\\+ ?[1-5]',
      'capital (social|de depart)',
    ],
    en: ['business plan', 'forecast*', 'cash ?flow', 'break ?even', 'p ?& ?l', 'assumptions'],
    expectation:
      "Le business plan n'est pas construit (hypothèses, compte de résultat et trésorerie prévisionnels, seuil de rentabilité)",
    recommendation:
      'Construisez le business plan sur 3 ans : hypothèses de ventes explicites, compte de résultat et plan de trésorerie prévisionnels, seuil de rentabilité et besoin de financement.',
  },
  financement: {
    label: 'financement et investisseurs',
    fr: [
      'investisseurs?',
      'levee de fonds',
      'lever des fonds',
      'financements?',
      'financer',
      'besoins? de financement',
      'business angels?',
      'capital ?(risque|investissement|amorcage)',
      "fonds d'investissement",
      'venture capital',
      'bpi ?(france)?',
      "pret (bancaire|d'honneur|garanti)",
      'prets?',
      'emprunts?',
      'crowdfunding',
      'financement participatif',
      'subventions?',
      'valorisation',
      'pitch deck',
      'love money',
    ],
    en: [
      'investors?',
      'fundrais*',
      'funding',
      'venture capital',
      'business angels?',
      'seed',
      'loans?',
      'grants?',
      'pitch deck',
      'valuation',
    ],
    expectation:
      'Le besoin de financement et ce qui convaincrait des investisseurs (montant, usage des fonds, retour attendu) ne sont pas présentés',
    recommendation:
      "Chiffrez le besoin de financement, l'usage des fonds et les sources envisagées (apport, prêt, BPI, investisseurs), puis montrez ce que l'investisseur y gagne.",
  },
  viabilite: {
    label: 'viabilité du projet',
    fr: [
      'viab*',
      'perenn*',
      'faisabilit*',
      'realistes?',
      'credib*',
      'potentiel (du marche|commercial)',
      'etude de marche',
      'mvp',
      'produit minimum viable',
      'prototype',
      'poc',
      'preuve de concept',
      'tests? (de marche|produit)',
      'premiers clients',
      'traction',
      'marche potentiel',
    ],
    en: ['viab*', 'feasib*', 'mvp', 'prototype', 'proof of concept', 'traction', 'realistic'],
    expectation:
      'La viabilité du projet n’est pas démontrée (marché potentiel, preuves de traction, équilibre économique)',
    recommendation:
      'Démontrez la viabilité : taille du marché accessible, premiers signes de traction (tests, préventes, lettres d’intention) et équilibre économique atteint à quelle date.',
  },
  projet_contexte: {
    label: 'contexte du projet',
    fr: [
      "creation (d'entreprise|d'une entreprise|de l'entreprise)",
      'fusion',
      'rachat',
      'reprise',
      'cession',
      'transformation',
      'lancement',
      'projet (innovant|de creation|de transformation|entrepreneurial)',
      'spin ?off',
      'intrapreneuriat',
      'franchise',
    ],
    en: ['launch', 'merger', 'acquisition', 'spin ?off'],
    expectation:
      'Le contexte du projet (création, fusion, transformation, lancement) et son équipe ne sont pas restitués',
    recommendation:
      'Restituez le contexte du projet (création, fusion, transformation), l’équipe qui le porte et ses interactions avec le marketing et la communication.',
  },
  communication_pp: {
    label: 'communication aux parties prenantes',
    fr: [
      'plan de communication',
      'communication (interne|externe|institutionnelle|rse|financiere|responsable|corporate)',
      'rapport (rse|extra ?financier|integre|de durabilite)',
      'newsletters?',
      'intranet',
      'communiques? de presse',
      'relations? presse',
      'webinaires?',
      'seminaires?',
      'messages? cles',
      'canaux de communication',
      'transparence',
    ],
    en: [
      'communication plan',
      '(internal|external) communication',
      'newsletters?',
      'intranet',
      'press release',
      'key messages?',
      'transparency',
    ],
    expectation:
      'Le mode de communication vers les parties prenantes (cibles, messages, canaux, calendrier) n’est pas présenté',
    recommendation:
      'Présentez le plan de communication : pour chaque partie prenante, le message, le canal (rapport, newsletter, réunion), la fréquence et la preuve apportée.',
  },
  // ── Bloc 6: intercultural management (dossier in English) ──────────────────────────────────────────
  intercultural_theory: {
    label: 'modèles interculturels',
    fr: [
      'hofstede',
      'dimensions culturelles',
      'distance hierarchique',
      'individualisme',
      'collectivisme',
      "controle de l'incertitude",
      'contexte (fort|faible)',
      'trompenaars',
      'erin meyer',
      'culture map',
      'modele de lewis',
      'monochron*',
      'polychron*',
      'iceberg',
    ],
    en: [
      'hofstede',
      'cultural dimensions?',
      'power distance',
      'individualis*',
      'collectivis*',
      'uncertainty avoidance',
      'masculinity',
      'long ?term orientation',
      'indulgence',
      'erin meyer',
      'culture map',
      'trompenaars',
      '(high|low) ?context',
      'lewis model',
      'monochronic',
      'polychronic',
      'iceberg',
    ],
    expectation:
      'Aucune connaissance des modèles de relations interculturelles (Hofstede, Hall, Meyer, Trompenaars) n’est mobilisée',
    recommendation:
      'Appuyez-vous sur un modèle reconnu (dimensions de Hofstede, Culture Map d’Erin Meyer) et appliquez-le aux cultures de l’équipe, avec un exemple concret.',
  },
  cultural_differences: {
    label: 'différences et barrières culturelles',
    fr: [
      'differences? culturelles?',
      'barrieres? culturelles?',
      'interculturel*',
      'multiculturel*',
      'choc culturel',
      'normes sociales',
      'codes? culturels?',
    ],
    en: [
      'cultural (differences?|barriers?|norms|awareness|intelligence|sensitivity|diversity|gaps?)',
      'cross ?cultural',
      'intercultural*',
      'multicultural*',
      'culture shock',
      'social norms',
    ],
    expectation:
      'Les différences et barrières culturelles (normes sociales, pratiques, rapport au temps et à la hiérarchie) ne sont pas analysées',
    recommendation:
      'Analysez 2 ou 3 différences culturelles concrètes rencontrées ou attendues (rapport au temps, à la hiérarchie, au feedback) et leur effet sur le travail commercial.',
  },
  stereotypes: {
    label: 'stéréotypes et biais',
    fr: ['stereotypes?', 'prejuges?', 'biais', 'ethnocentr*', 'cliches?'],
    en: ['stereotyp*', 'prejudices?', 'bias(es)?', 'unconscious bias', 'ethnocentr*', 'cliches?'],
    expectation: 'Les stéréotypes et biais culturels, et la façon de les dépasser, ne sont pas abordés',
    recommendation:
      'Montrez comment vous repérez et dépassez les stéréotypes (exemple vécu, biais identifié, pratique mise en place pour le corriger).',
  },
  language_communication: {
    label: 'langue et styles de communication',
    fr: [
      'barrieres? (de la )?langue',
      'langues?',
      'communication (non verbale|directe|indirecte)',
      'anglais',
    ],
    en: [
      'languages?',
      'language barriers?',
      'communication styles?',
      '(direct|indirect) communication',
      'non ?verbal',
      'lingua franca',
      'active listening',
      'english',
    ],
    expectation:
      'Le rôle de la langue et des styles de communication (direct, indirect, non verbal) n’est pas traité',
    recommendation:
      'Expliquez comment vous adaptez votre communication (langue commune, style direct ou indirect, reformulation, écrit de confirmation) selon vos interlocuteurs.',
  },
  professional_practices: {
    label: 'pratiques professionnelles',
    fr: [
      'pratiques professionnelles',
      'hierarchie',
      'prise de decisions?',
      'ponctualite',
      'echange (des|de) pratiques',
      'bonnes pratiques',
    ],
    en: [
      '(professional|work|business) practices',
      'business etiquette',
      'etiquette',
      'decision ?making',
      'hierarch*',
      'management styles?',
      'punctuality',
      'time management',
      'best practices',
      'sharing practices',
    ],
    expectation:
      'La diversité des pratiques professionnelles (décision, hiérarchie, réunions, rapport au temps) n’est pas comprise ni illustrée',
    recommendation:
      'Comparez les pratiques professionnelles de deux cultures (prise de décision, réunions, hiérarchie, délais) et montrez comment vous les conciliez.',
  },
  complex_org: {
    label: 'organisation complexe',
    fr: ['organisation (complexe|matricielle)', 'siege', 'filiales?', 'silos?', 'lignes? hierarchiques?'],
    en: [
      'matrix (organi[sz]ation|structure)',
      'complex organi[sz]ation',
      'headquarters',
      'subsidiar(y|ies)',
      'business units?',
      'reporting lines?',
      'stakeholders?',
      'silos?',
      'governance',
    ],
    expectation:
      'Le fonctionnement d’une organisation complexe (structure, parties prenantes, lignes de décision) n’est pas analysé',
    recommendation:
      'Décrivez l’organisation (siège, filiales, structure matricielle), les parties prenantes avec qui vous travaillerez et comment les décisions y circulent.',
  },
  agility_flexibility: {
    label: 'agilité et flexibilité',
    fr: [
      'agilite',
      'flexibilite',
      'adaptabilite',
      "ouverture d'esprit",
      'empathie',
      'curiosite',
      'resilience',
    ],
    en: [
      'agil*',
      'flexib*',
      'adaptab*',
      'adapt(ed|ing)?',
      'open ?minded*',
      'empath*',
      'curiosity',
      'resilien*',
      'tolerance for ambiguity',
    ],
    expectation:
      'L’agilité et la flexibilité dans les relations professionnelles multiculturelles ne sont pas démontrées par des situations concrètes',
    recommendation:
      'Racontez une situation multiculturelle précise (contexte, difficulté, adaptation, résultat) qui démontre votre flexibilité.',
  },
  multicultural_team: {
    label: 'équipe multiculturelle',
    fr: ['equipes? multiculturelles?', 'equipes? internationales?', 'cohesion', 'team ?building'],
    en: [
      'multicultural teams?',
      '(diverse|global|international|virtual|remote) teams?',
      'team ?building',
      'cohesion',
      'trust',
    ],
    expectation:
      'Le fonctionnement d’une équipe multiculturelle (cohésion, confiance, coordination à distance) n’est pas traité',
    recommendation:
      'Expliquez comment vous construisez la cohésion d’une équipe multiculturelle : rituels, règles de communication, gestion des fuseaux horaires, confiance.',
  },
  onboarding: {
    label: 'intégration rapide',
    fr: ['onboarding', 'integration', 'parrain*', 'tutorat', 'accueil', 'mentor*'],
    en: [
      'onboarding',
      'integrat*',
      'induction',
      'buddy',
      'mentor*',
      'first (30|60|90) days',
      '30 ?\\/ ?60 ?\\/ ?90',
      'welcome',
    ],
    expectation:
      'La capacité à s’intégrer rapidement dans l’organisation (plan des premiers mois, relais, apprentissages) n’est pas démontrée',
    recommendation:
      "Présentez votre plan d'intégration (30/60/90 jours) : personnes à rencontrer, pratiques à apprendre, premiers résultats visés.",
  },
  mobility: {
    label: 'mobilité internationale',
    fr: ['mobilite (interne|internationale)?', 'expatri*', 'plan de mobilite', 'detachement', 'impatri*'],
    en: [
      'mobility',
      'expatria*',
      'expatriate',
      'relocat*',
      'international assignment',
      'secondment',
      'repatriation',
      'visa',
      'work permit',
    ],
    expectation:
      'La mobilité (diagnostic, plan de mobilité, accompagnement des collaborateurs) n’est pas traitée',
    recommendation:
      "Proposez un plan de mobilité fondé sur un diagnostic (besoins, profils, contraintes familiales et administratives) et les mesures d'accompagnement.",
  },
  cv_cover_letter: {
    label: 'CV et lettre de motivation',
    fr: ['cv', 'curriculum vitae', 'lettre de motivation'],
    en: [
      'cv',
      'curriculum vitae',
      'resume',
      'cover letter',
      'motivation letter',
      'work experience',
      'professional experience',
      'education',
      'skills',
    ],
    expectation: 'Le CV et la lettre de motivation en anglais ne sont pas présentés',
    recommendation:
      'Joignez un CV et une lettre de motivation en anglais, ciblés sur l’offre : réalisations chiffrées, compétences commerciales et interculturelles, langues.',
  },
  sales_profile: {
    label: 'profil de manager du développement commercial',
    fr: ['developpement commercial', 'business developer', 'manager commercial', 'grands comptes'],
    en: [
      'business development',
      'sales (manager|management|team|targets?|strategy|pipeline|growth)',
      'key accounts?',
      'account management',
      'revenue growth',
      'crm',
      'negotiation',
      'prospect*',
      'p ?& ?l',
      'kpis?',
      'b2b',
    ],
    expectation:
      'Les spécificités du profil de manager du développement commercial (résultats commerciaux, management, négociation) ne ressortent pas',
    recommendation:
      "Mettez en avant les réalisations d'un manager du développement commercial : CA ou croissance obtenus, équipe encadrée, comptes négociés, chiffres à l'appui.",
  },
  recruitment: {
    label: 'recrutement responsable',
    fr: [
      'recrut*',
      "offre d'emploi",
      'fiche de poste',
      'marque employeur',
      "entretien (d'embauche|de recrutement)",
    ],
    en: [
      'recruit*',
      'hiring',
      'talent acquisition',
      'job (offer|description|posting|ad)',
      'employer brand*',
      'interview',
    ],
    expectation: 'La démarche de recrutement (étapes, principes éthiques et inclusifs) n’est pas abordée',
    recommendation:
      'Décrivez un processus de recrutement responsable : étapes, critères objectifs, mesures contre les biais, intégration du nouveau collaborateur.',
  },
  english_expression: {
    label: 'expression en anglais',
    fr: ['anglais', 'langue anglaise', 'bilingue', 'toeic', 'toefl', 'ielts', 'niveau (b2|c1|c2)'],
    en: [
      'english',
      'fluen(t|cy)',
      'bilingual',
      'toeic',
      'toefl',
      'ielts',
      'proficien*',
      'native speaker',
      '(c1|c2|b2) level',
    ],
    expectation:
      'L’aisance en anglais n’est pas démontrée (dossier entièrement rédigé en anglais, niveau attesté)',
    recommendation:
      'Rédigez tout le dossier en anglais, faites-le relire, et mentionnez votre niveau attesté (TOEIC, IELTS, expériences en anglais).',
  },
} as const satisfies Record<string, ConceptDefinition>;

/** Identifier of a curated concept. */
export type ConceptId = keyof typeof CONCEPT_DATA;

/** The curated domain lexicon, keyed by concept. */
export const CONCEPTS: Readonly<Record<ConceptId, ConceptDefinition>> = CONCEPT_DATA;

/** Every concept id, in declaration order (the order used everywhere for determinism). */
export const CONCEPT_IDS = Object.keys(CONCEPT_DATA) as ConceptId[];

/**
 * Which concepts a criterion expects. `match` is a folded regular expression tested against the criterion's
 * text (not its id, which would break silently if the referential were renumbered). The first rule that
 * matches wins. `core` concepts carry the criterion; `related` ones broaden coverage at a lower weight.
 */
export interface CriterionRule {
  match: string;
  core: readonly ConceptId[];
  related?: readonly ConceptId[];
}

/** Which concepts show that a deliverable is present. Same matching as `CriterionRule`. */
export interface DeliverableRule {
  match: string;
  concepts: readonly ConceptId[];
}

/** The curated concepts of one exam: per criterion and per deliverable. */
export interface ExamConceptMap {
  criteria: readonly CriterionRule[];
  deliverables: readonly DeliverableRule[];
}

/** Concepts mapped to the exams and criteria where the jury expects them. Keyed by stable exam id. */
export const EXAM_CONCEPTS: Readonly<Record<string, ExamConceptMap>> = {
  'b1-diagnostics-strategiques': {
    criteria: [
      { match: 'methodologie de veille', core: ['veille', 'sources', 'ia'], related: ['methodologie'] },
      {
        match: 'diagnostics strategiques',
        core: ['pestel', 'porter', 'swot', 'ressources_internes'],
        related: ['chaine_valeur', 'marche', 'concurrence'],
      },
      {
        match: 'entonnoir',
        core: ['presentation_entreprise', 'marche', 'chiffres_cles'],
        related: ['das', 'concurrence'],
      },
      {
        match: 'nature du marche',
        core: ['marche', 'concurrence', 'chiffres_cles'],
        related: ['segmentation', 'porter', 'positionnement'],
      },
      {
        match: 'choix strategiques',
        core: ['choix_strategiques', 'mission_valeurs'],
        related: ['das', 'strategie_globale_commerciale', 'swot'],
      },
      { match: 'enjeux', core: ['enjeux', 'risques'], related: ['rse', 'pestel', 'lois_rse'] },
      {
        match: 'business model',
        core: ['business_model'],
        related: ['das', 'positionnement', 'chaine_valeur', 'segmentation'],
      },
      {
        match: 'strategie globale',
        core: ['strategie_globale_commerciale', 'choix_strategiques'],
        related: ['objectifs_commerciaux', 'mission_valeurs'],
      },
      {
        match: 'gouvernance',
        core: ['gouvernance'],
        related: ['parties_prenantes', 'mission_valeurs', 'ressources_internes'],
      },
      {
        match: 'parties prenantes',
        core: ['parties_prenantes', 'interets_pp'],
        related: ['gouvernance', 'rse'],
      },
    ],
    deliverables: [
      { match: 'sources informationnelles', concepts: ['sources', 'veille'] },
      { match: 'parties prenantes', concepts: ['parties_prenantes', 'presentation_entreprise'] },
      { match: 'diagnostics strategiques', concepts: ['pestel', 'swot', 'porter', 'ressources_internes'] },
      { match: 'choix strategiques', concepts: ['choix_strategiques', 'mission_valeurs'] },
      { match: 'synthese du marche', concepts: ['marche', 'chiffres_cles'] },
      { match: 'concurrence', concepts: ['concurrence', 'porter'] },
      { match: 'risques', concepts: ['risques'] },
    ],
  },
  'b1-audit-rse': {
    criteria: [
      {
        match: 'objectifs de rse',
        core: ['esg', 'smart', 'rse'],
        related: ['indicateurs_rse', 'normes_labels'],
      },
      {
        match: 'obligations imposees',
        core: ['lois_rse', 'csrd_taxonomie', 'plan_action'],
        related: ['strategie_globale_commerciale', 'bilan_carbone'],
      },
      {
        match: "resultats de l'audit",
        core: ['rse', 'lois_rse', 'attentes_consommateurs'],
        related: ['normes_labels', 'csrd_taxonomie', 'bilan_carbone'],
      },
      {
        match: "impact dans l'organisation",
        core: ['esg', 'rse'],
        related: ['management_equipe', 'offre_responsable', 'relation_client', 'inclusion_diversite'],
      },
      {
        match: 'indicateurs de rse',
        core: ['indicateurs_rse', 'kpi', 'smart'],
        related: ['bilan_carbone', 'tableau_bord'],
      },
      {
        match: 'preconisations',
        core: ['risques', 'rse', 'plan_action'],
        related: ['offre_responsable', 'differenciation', 'lois_rse'],
      },
      {
        match: 'risques lies a la rse',
        core: ['risques', 'rse'],
        related: ['lois_rse', 'bilan_carbone', 'attentes_consommateurs'],
      },
    ],
    deliverables: [
      { match: 'veille reglementaire', concepts: ['lois_rse', 'csrd_taxonomie', 'veille'] },
      { match: "rapport d'audit", concepts: ['rse', 'esg', 'normes_labels'] },
      { match: 'planification rse', concepts: ['plan_action', 'smart', 'indicateurs_rse'] },
      { match: 'obligations legales', concepts: ['lois_rse'] },
      { match: 'mode de communication', concepts: ['communication_pp', 'parties_prenantes'] },
    ],
  },
  'b2-strategie-commerciale': {
    criteria: [
      {
        match: 'declinee en strategie commerciale',
        core: ['strategie_globale_commerciale', 'plan_action', 'objectifs_commerciaux'],
        related: ['choix_strategiques', 'smart'],
      },
      {
        match: 'collaboration avec les autres services',
        core: ['coordination', 'gestion_projet'],
        related: ['methodologie'],
      },
      {
        match: 'etude marketing',
        core: ['etude_marketing', 'ciblage', 'personas', 'parcours_client'],
        related: ['segmentation', 'duplication'],
      },
      {
        match: 'business model',
        core: ['business_model', 'mix_marketing', 'viabilite'],
        related: ['offre_commerciale', 'ciblage', 'rentabilite', 'omnicanal'],
      },
      {
        match: 'methode de pilotage',
        core: ['gestion_projet', 'pilotage_performance', 'kpi'],
        related: ['coordination', 'tableau_bord', 'tunnel_vente'],
      },
      {
        match: "missions de l'equipe",
        core: ['management_equipe'],
        related: ['coordination', 'objectifs_commerciaux'],
      },
      {
        match: 'differenciation',
        core: ['differenciation', 'offre_commerciale'],
        related: ['concurrence', 'positionnement', 'offre_responsable'],
      },
      {
        match: 'relation client',
        core: ['relation_client', 'fidelisation', 'offre_responsable'],
        related: ['innovation', 'parcours_client', 'satisfaction'],
      },
      {
        match: 'selection des cibles',
        core: ['ciblage', 'segmentation', 'personas'],
        related: ['scoring', 'methodologie'],
      },
    ],
    deliverables: [
      { match: 'strategie globale', concepts: ['strategie_globale_commerciale'] },
      { match: 'mix marketing', concepts: ['mix_marketing', 'business_plan'] },
      { match: 'methode de pilotage', concepts: ['gestion_projet', 'coordination'] },
      { match: "composition de l'equipe", concepts: ['management_equipe'] },
      { match: 'relation client', concepts: ['relation_client', 'plan_action', 'objectifs_commerciaux'] },
      { match: 'risques', concepts: ['risques'] },
      { match: 'cibles commerciales', concepts: ['ciblage', 'personas', 'segmentation'] },
    ],
  },
  'b2-challenge-commercial': {
    criteria: [
      {
        match: 'diagnostics et analyses',
        core: ['decision_strategique', 'swot', 'marche'],
        related: ['concurrence', 'pestel'],
      },
      { match: 'retombees', core: ['retombees', 'rentabilite', 'projection'], related: ['kpi', 'ia'] },
      {
        match: 'objectifs quantitatifs',
        core: ['objectifs_commerciaux', 'smart', 'plan_action'],
        related: ['kpi'],
      },
      {
        match: "composantes de l'offre",
        core: ['offre_commerciale', 'differenciation'],
        related: ['mix_marketing', 'valeur_client', 'concurrence'],
      },
      {
        match: 'est detaille',
        core: ['plan_action', 'budget'],
        related: ['management_equipe', 'gestion_projet'],
      },
      { match: 'budget', core: ['budget', 'couts', 'rentabilite'], related: ['retombees', 'projection'] },
    ],
    deliverables: [
      { match: 'methode dupliquee', concepts: ['duplication', 'projection'] },
      { match: "plan d'actions commerciales", concepts: ['plan_action', 'budget'] },
      { match: "composantes de l'offre", concepts: ['offre_commerciale'] },
      {
        match: "analyse approfondie de l'offre",
        concepts: ['offre_commerciale', 'differenciation', 'concurrence'],
      },
      { match: 'budget', concepts: ['budget', 'projection'] },
    ],
  },
  'b3-salon-commercial': {
    criteria: [
      {
        match: 'structure du portefeuille',
        core: ['portefeuille', 'segmentation', 'scoring'],
        related: ['ia', 'crm'],
      },
      { match: 'fonctionnalites du crm', core: ['crm'], related: ['ia', 'sourcing_leads', 'tableau_bord'] },
      {
        match: 'optimisation de la prospection',
        core: ['ia', 'sourcing_leads', 'innovation'],
        related: ['crm', 'canaux_prospection'],
      },
      { match: 'externalisation', core: ['externalisation', 'salon'], related: ['rentabilite', 'ciblage'] },
      {
        match: 'plan manageria',
        core: ['plan_managerial_stand', 'plan_action', 'salon'],
        related: ['management_equipe', 'budget'],
      },
      {
        match: 'supports de communication',
        core: ['supports_com'],
        related: ['ciblage', 'argumentaire', 'salon'],
      },
      {
        match: 'simulation',
        core: ['simulation', 'decouverte', 'argumentaire'],
        related: ['objections', 'closing'],
      },
      { match: 'reactivite', core: ['reactivite'], related: ['crm', 'relation_client'] },
      {
        match: 'informations fournies',
        core: ['informations_clients'],
        related: ['offre_commerciale', 'supports_com'],
      },
    ],
    deliverables: [
      { match: 'supports de communication', concepts: ['supports_com', 'salon'] },
      { match: 'simulation', concepts: ['simulation', 'decouverte'] },
      { match: 'cartographie des comptes', concepts: ['portefeuille', 'scoring'] },
      { match: 'fonctionnalites du crm', concepts: ['crm', 'ia', 'sourcing_leads'] },
      { match: 'stand', concepts: ['plan_managerial_stand', 'salon', 'argumentaire'] },
    ],
  },
  'b3-prospection': {
    criteria: [
      { match: 'reussite', core: ['reussite_mission', 'kpi'], related: ['fidelisation', 'satisfaction'] },
      {
        match: 'techniques utilisees',
        core: ['canaux_prospection', 'argumentaire'],
        related: ['social_selling', 'decouverte', 'objections'],
      },
      { match: 'social ?selling', core: ['social_selling'], related: ['ia', 'kpi', 'ciblage'] },
      {
        match: 'prescripteurs',
        core: ['prescripteurs', 'methodologie'],
        related: ['canaux_prospection', 'rentabilite'],
      },
      { match: 'information client', core: ['crm', 'methodologie'], related: ['ia', 'fidelisation'] },
      {
        match: 'preparation de la prospection',
        core: ['methodologie', 'sourcing_leads', 'fidelisation', 'crm'],
        related: ['plan_action', 'outils_pilotage'],
      },
      {
        match: 'canaux de prospection',
        core: ['canaux_prospection', 'ciblage', 'fidelisation'],
        related: ['personas', 'satisfaction'],
      },
      { match: 'portefeuille', core: ['portefeuille', 'crm', 'scoring'], related: ['segmentation'] },
    ],
    deliverables: [
      { match: 'portefeuille', concepts: ['portefeuille', 'crm'] },
      { match: 'information client', concepts: ['crm'] },
      { match: 'veille', concepts: ['veille', 'innovation', 'ia'] },
      { match: 'fidelisation', concepts: ['fidelisation', 'satisfaction'] },
      { match: 'sourcer', concepts: ['sourcing_leads'] },
      { match: 'canaux de prospection', concepts: ['canaux_prospection'] },
      { match: 'social selling', concepts: ['social_selling'] },
      { match: 'prescripteurs', concepts: ['prescripteurs'] },
    ],
  },
  'b4-negociation-complexe': {
    criteria: [
      {
        match: 'completude',
        core: ['profil_client', 'crm', 'decouverte'],
        related: ['social_selling', 'soncas_simac'],
      },
      {
        match: 'cartographie du profil',
        core: ['profil_client'],
        related: ['crm', 'scoring', 'social_selling'],
      },
      {
        match: "techniques de l'entretien",
        core: ['entretien', 'decouverte', 'soncas_simac'],
        related: ['objections', 'etapes_negociation', 'interculturel_nego'],
      },
      {
        match: 'reussite de la negociation',
        core: ['negociation', 'closing'],
        related: ['marge', 'valeur_client'],
      },
      { match: 'closing', core: ['closing'], related: ['objections', 'aide_vente', 'etapes_negociation'] },
      { match: 'aide a la vente', core: ['aide_vente'], related: ['crm', 'ia', 'argumentaire'] },
      {
        match: 'elements de reponse',
        core: ['appel_offres', 'cahier_charges'],
        related: ['offre_commerciale', 'budget', 'ia'],
      },
      { match: 'cahier des charges', core: ['cahier_charges', 'methodologie'], related: ['appel_offres'] },
      { match: 'role de conseil', core: ['valeur_client'], related: ['decouverte', 'differenciation'] },
      {
        match: 'techniques de negociation',
        core: ['negociation', 'marge', 'objections'],
        related: ['interculturel_nego', 'argumentaire'],
      },
    ],
    deliverables: [
      { match: 'cahier des charges', concepts: ['cahier_charges'] },
      { match: 'etapes de la negociation', concepts: ['etapes_negociation', 'interculturel_nego'] },
      { match: 'plan de decouverte', concepts: ['decouverte', 'soncas_simac'] },
      { match: 'closing', concepts: ['closing'] },
      { match: 'entretien', concepts: ['entretien', 'negociation'] },
      { match: 'objections', concepts: ['objections', 'argumentaire'] },
      { match: "appel d'offre", concepts: ['appel_offres'] },
    ],
  },
  'b5-pilotage-performance': {
    criteria: [
      {
        match: "a partir d'indicateurs",
        core: ['pilotage_performance', 'kpi', 'tableau_bord'],
        related: ['objectifs_commerciaux'],
      },
      {
        match: 'concevoir les indicateurs',
        core: ['kpi', 'methodologie', 'smart'],
        related: ['objectifs_commerciaux'],
      },
      { match: 'selection des outils', core: ['outils_pilotage'], related: ['ia', 'crm', 'tableau_bord'] },
      {
        match: 'dispositif de suivi',
        core: ['pilotage_performance', 'tableau_bord', 'kpi'],
        related: ['outils_pilotage', 'crm'],
      },
      {
        match: 'tableaux de bord',
        core: ['tableau_bord', 'ecarts_correctifs', 'plan_action'],
        related: ['kpi'],
      },
      { match: 'auto ?controle', core: ['autocontrole'], related: ['tableau_bord', 'kpi'] },
      {
        match: 'preconisations',
        core: ['amelioration_continue', 'plan_action'],
        related: ['ecarts_correctifs', 'management_equipe'],
      },
      { match: 'chiffres cles', core: ['chiffres_cles', 'projection'], related: ['rentabilite'] },
      { match: 'couts', core: ['couts', 'rentabilite', 'risques'], related: ['budget'] },
      {
        match: 'engagements rse',
        core: ['rse', 'indicateurs_rse', 'pilotage_performance'],
        related: ['bilan_carbone', 'inclusion_diversite', 'rps_bien_etre'],
      },
    ],
    deliverables: [
      { match: 'cartographie des outils', concepts: ['outils_pilotage'] },
      { match: 'analyse des outils', concepts: ['outils_pilotage', 'tableau_bord'] },
      { match: 'tableau de bord', concepts: ['tableau_bord', 'kpi'] },
      { match: 'amelioration', concepts: ['amelioration_continue', 'plan_action'] },
      { match: 'chiffres cles', concepts: ['chiffres_cles'] },
      { match: 'calcul de couts', concepts: ['couts'] },
      { match: 'rentabilite et du risque', concepts: ['rentabilite', 'risques'] },
      { match: 'engagements rse', concepts: ['rse', 'indicateurs_rse'] },
    ],
  },
  'b6-entrepreneuriat': {
    criteria: [
      {
        match: 'realiste',
        core: ['viabilite', 'marche', 'business_model'],
        related: ['concurrence', 'innovation'],
      },
      {
        match: 'pilotage du projet',
        core: ['coordination', 'gestion_projet'],
        related: ['management_equipe', 'leadership', 'motivation'],
      },
      {
        match: 'risques du lancement',
        core: ['risques'],
        related: ['financement', 'viabilite', 'concurrence'],
      },
      { match: 'ecarts', core: ['outils_pilotage', 'ecarts_correctifs', 'kpi'], related: ['tableau_bord'] },
      {
        match: 'coherence entre',
        core: ['methodologie', 'outils_pilotage', 'objectifs_commerciaux'],
        related: ['gestion_projet'],
      },
      { match: 'correctives', core: ['ecarts_correctifs', 'plan_action'], related: ['kpi'] },
      {
        match: 'business plan',
        core: ['business_plan', 'financement'],
        related: ['projet_contexte', 'rentabilite'],
      },
      {
        match: 'composantes chiffrees',
        core: ['business_plan', 'budget', 'rentabilite'],
        related: ['mix_marketing', 'objectifs_commerciaux', 'viabilite'],
      },
      {
        match: 'investisseurs',
        core: ['financement', 'viabilite', 'differenciation'],
        related: ['business_plan', 'innovation'],
      },
    ],
    deliverables: [
      { match: 'projet innovant', concepts: ['projet_contexte', 'innovation', 'coordination'] },
      { match: 'outils de conseil', concepts: ['business_model', 'swot', 'pestel', 'viabilite'] },
      { match: 'outils de pilotage', concepts: ['outils_pilotage', 'kpi', 'tableau_bord'] },
      { match: 'pilotage', concepts: ['gestion_projet', 'pilotage_performance'] },
      { match: 'coordination', concepts: ['coordination', 'management_equipe'] },
      { match: 'parties prenantes', concepts: ['communication_pp', 'parties_prenantes'] },
      { match: 'business plan', concepts: ['business_plan', 'financement'] },
    ],
  },
  'b6-management-interculturel': {
    criteria: [
      {
        match: 'relations interculturelles',
        core: ['intercultural_theory', 'cultural_differences', 'stereotypes'],
        related: ['language_communication', 'inclusion_diversite'],
      },
      {
        match: 'organisation complexe',
        core: ['professional_practices', 'complex_org', 'parties_prenantes'],
        related: ['gouvernance', 'cultural_differences'],
      },
      {
        match: 'agilite',
        core: ['agility_flexibility', 'multicultural_team'],
        related: ['onboarding', 'language_communication', 'cultural_differences'],
      },
      {
        match: 'interculturalite',
        core: [
          'cultural_differences',
          'stereotypes',
          'inclusion_diversite',
          'language_communication',
          'intercultural_theory',
        ],
        related: ['rse', 'professional_practices'],
      },
      { match: 'langue anglaise', core: ['english_expression', 'language_communication'] },
      {
        match: 'cv et la lettre',
        core: ['cv_cover_letter', 'sales_profile'],
        related: ['recruitment', 'mobility'],
      },
    ],
    deliverables: [
      { match: '(^|\\s)cv(\\s|$)', concepts: ['cv_cover_letter', 'sales_profile'] },
      { match: "s'integrer", concepts: ['onboarding', 'multicultural_team', 'cultural_differences'] },
      { match: 'mobilite', concepts: ['mobility', 'complex_org'] },
    ],
  },
};

// ── Folding and tokens ───────────────────────────────────────────────────────────────────────────────

/**
 * Lower case with typographic variants unified (apostrophes, spaces, dashes), accents kept: used where an
 * accent carries meaning (« a » the verb vs « à » the preposition).
 */
export function lowerText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘ʼ`´]/g, "'")
    .replace(/[\u00a0\u202f\u2007\u2009]/g, ' ')
    .replace(/[‐‑‒–—]/g, '-');
}

/** `lowerText` without diacritics and ligatures: the form every pattern is written in. */
export function fold(text: string): string {
  return lowerText(text)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae');
}

/** French and English function words, plus rubric boilerplate that says nothing about the topic. */
const STOPWORDS = new Set(
  (
    'le la les l un une des de du d au aux a et ou en dans par pour sur sous avec sans ce cet cette ces se sa son ses ' +
    'leur leurs notre nos votre vos mon ma mes qui que quoi dont est sont etre avoir ont il elle ils elles on nous vous ' +
    'je tu y ne pas plus moins tres tout tous toute toutes autre autres meme comme ainsi aussi bien mais donc or ni car si ' +
    'afin entre vers chez lors apres avant pendant depuis quand comment lui eux cela ceci ca celle celui ceux celles qu s c ' +
    'n j m t etc ete fait faite faits faites peut doit dont the an and of to in on for with by from as at is are was were be ' +
    'been it its this that these those we our you your they their he she his her i my me not no but if so than then there ' +
    'here which who what when where how all any each more most some such can will would should could may might into about ' +
    'over also ' +
    // Rubric boilerplate: every criterion says the candidate « expose de manière structurée » what « est présenté ».
    'candidat candidate expose exposee exposees exposes maniere structuree structure structures analytique elements element ' +
    'suivent presente presentee presentes presentees presenter presentant realise realisee realisees realises demontre ' +
    'demontree demontrees demontrent permet permettent entreprise entreprises ensemble base cle cles notamment different ' +
    'differente differents differentes analyse analysee analyses analysees analyser argumente argumentee argumentes ' +
    'argumentees explique expliquee expliques justifie justifiee justifies justifiees propose proposee proposes proposees ' +
    'compte pris prise capable montrer partir faire ayant'
  ).split(' '),
);

/** Words that name a kind of document rather than its subject (deliverable wording). */
const DOCUMENT_WORDS = new Set(
  (
    'synthese rapport document tableau forme note exemple demonstration etude approfondie detaillee detaille toutes ' +
    'composantes projet methode methodes outils analyse deux trois quant mise oeuvre'
  ).split(' '),
);

/** Shortest word kept as a stem; shorter words only count when written as an acronym (CRM, RSE, CV). */
const MIN_STEM_WORD = 4;
/** French light stemming by truncation: `strategique` and `strategie` share `strateg`. */
const STEM_LENGTH = 7;

/** One stemmed content word of a text: a word prefix, or a whole acronym. */
export interface StemTerm {
  stem: string;
  /** True for acronyms (« CRM », « CV »), matched as whole words; stems match any word they begin. */
  exact: boolean;
}

/**
 * Content words of a text, lightly stemmed (plural stripped, truncated to 7 letters), minus stopwords.
 * Acronyms (all capitals, 2–5 letters) are kept whole and matched as whole words.
 */
export function contentStems(text: string, options: { exclude?: ReadonlySet<string> } = {}): StemTerm[] {
  const out = new Map<string, StemTerm>();
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const raw = match[0];
    const word = fold(raw);
    if (STOPWORDS.has(word) || options.exclude?.has(word)) continue;
    const acronym = raw.length >= 2 && raw.length <= 5 && raw === raw.toUpperCase() && /\p{Lu}/u.test(raw);
    if (acronym && !/^\d+$/.test(word)) {
      if (!out.has(word)) out.set(word, { stem: word, exact: true });
      continue;
    }
    if (word.length < MIN_STEM_WORD || /\d/.test(word)) continue;
    const singular = word.length > MIN_STEM_WORD && /[sx]$/.test(word) ? word.slice(0, -1) : word;
    const stem = singular.slice(0, STEM_LENGTH);
    if (!out.has(stem)) out.set(stem, { stem, exact: false });
  }
  return [...out.values()];
}

/**
 * The words of a folded text and every prefix of them up to `STEM_LENGTH` letters. Built once per sentence,
 * it answers "does a word start with …?" with a set lookup: stems are matched with it, and concept regexes
 * only run on sentences where one of their anchors (below) starts a word.
 */
export interface TextIndex {
  words: ReadonlySet<string>;
  prefixes: ReadonlySet<string>;
}

/** Indexes the words of a folded text (see `TextIndex`). */
export function indexText(folded: string): TextIndex {
  const words = new Set<string>();
  const prefixes = new Set<string>();
  for (const m of folded.matchAll(/[\p{L}\p{N}]+/gu)) {
    const w = m[0];
    if (words.has(w)) continue;
    words.add(w);
    for (let l = 1; l <= Math.min(w.length, STEM_LENGTH); l++) prefixes.add(w.slice(0, l));
  }
  return { words, prefixes };
}

/** Whether a stem occurs in an indexed text. */
export function stemIn(stem: StemTerm, index: TextIndex): boolean {
  return stem.exact ? index.words.has(stem.stem) : index.prefixes.has(stem.stem);
}

/** How many of `stems` occur in an indexed text. */
export function countStems(stems: readonly StemTerm[], index: TextIndex): number {
  let n = 0;
  for (const s of stems) if (stemIn(s, index)) n++;
  return n;
}

// ── Pattern compilation ──────────────────────────────────────────────────────────────────────────────

/**
 * Letters of folded or lower-cased text. Spelled out rather than `\p{L}`: Unicode property classes make
 * each of the hundred concept regexes slow to compile, and the texts matched are Latin once folded.
 */
const LETTERS = 'a-z\\u00df-\\u00f6\\u00f8-\\u00ff\\u0100-\\u024f';
const WORD_CHARS = `${LETTERS}0-9`;

/** Translates the lexicon's pattern syntax (see the module comment) to a regular expression source. */
export function termSource(term: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < term.length; i++) {
    const ch = term[i];
    if (ch === '\\') {
      out += ch + (term[i + 1] ?? '');
      i++;
    } else if (inClass) {
      if (ch === ']') inClass = false;
      out += ch;
    } else if (ch === '[') {
      inClass = true;
      out += ch;
    } else if (ch === ' ') {
      if (term[i + 1] === '?') {
        out += '[\\s\\-]*';
        i++;
      } else {
        out += '[\\s\\-]+';
      }
    } else if (ch === "'") {
      out += "\\s?'\\s?";
    } else if (ch === '*') {
      out += `[${LETTERS}]*`;
    } else {
      out += ch;
    }
  }
  return out;
}

/** One regular expression for a list of terms, bounded by non-letters on both sides. Global: use with `matchAll`/`search`. */
export function compileTerms(terms: readonly string[]): RegExp {
  const body = terms.map(termSource).join('|');
  return new RegExp(`(?<![${WORD_CHARS}])(?:${body})(?![${WORD_CHARS}])`, 'g');
}

/** Splits a pattern on `|` outside parentheses and brackets. */
function topLevelAlternatives(term: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < term.length; i++) {
    const ch = term[i];
    if (ch === '\\') i++;
    else if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) {
      out.push(term.slice(from, i));
      from = i + 1;
    }
  }
  out.push(term.slice(from));
  return out;
}

function closingParen(term: string, open: number): number {
  let depth = 0;
  for (let i = open; i < term.length; i++) {
    if (term[i] === '\\') i++;
    else if (term[i] === '(') depth++;
    else if (term[i] === ')' && --depth === 0) return i;
  }
  return -1;
}

/**
 * Literal word starts every match of a pattern must begin with (matches start at a word boundary), truncated
 * to `STEM_LENGTH`; null when a pattern cannot be anchored (it then always runs). `parties? prenantes?` →
 * `partie`; `(5|cinq) forces` → `5`, `cinq`.
 */
export function termAnchors(term: string): string[] | null {
  const alternatives = topLevelAlternatives(term);
  if (alternatives.length > 1) {
    const all = alternatives.map(termAnchors);
    return all.some((a) => a === null) ? null : (all.flat() as string[]);
  }
  let run = '';
  let i = 0;
  while (i < term.length && /[a-z0-9]/.test(term[i])) run += term[i++];
  if (run) {
    if (term[i] === '?' || term[i] === '{') run = run.slice(0, -1);
    return run ? [run.slice(0, STEM_LENGTH)] : null;
  }
  if (term[0] === '(' && term[1] !== '?') {
    const close = closingParen(term, 0);
    if (close < 0 || /[?*{]/.test(term[close + 1] ?? '')) return null;
    return termAnchors(term.slice(1, close));
  }
  return null;
}

/** A concept ready to match folded text in one language. */
export interface CompiledConcept {
  id: ConceptId;
  regex: RegExp;
  /** Groups of a co-occurrence rule (e.g. the six PESTEL factors) and how many must appear together. */
  cooccur: { min: number; groups: RegExp[] } | null;
  /** Word starts one of which must be in a text for the concept to be there; null: always try. */
  anchors: readonly string[] | null;
}

const compiledConcepts = new Map<MatchLanguage, readonly CompiledConcept[]>();

/** All concepts compiled for a language (memoised: compiled once per process). English also matches French terms. */
export function compiledConceptList(lang: MatchLanguage): readonly CompiledConcept[] {
  const cached = compiledConcepts.get(lang);
  if (cached) return cached;
  const list = CONCEPT_IDS.map((id): CompiledConcept => {
    const def: ConceptDefinition = CONCEPTS[id];
    const terms = lang === 'en' ? [...def.fr, ...def.en] : [...def.fr];
    const groups = def.cooccur ? [...(lang === 'en' ? def.cooccur.en : def.cooccur.fr)] : [];
    const cooccur = def.cooccur
      ? { min: def.cooccur.min, groups: groups.map((group) => compileTerms([group])) }
      : null;
    const anchorLists = [...terms, ...groups].map(termAnchors);
    const anchors = anchorLists.some((a) => a === null) ? null : [...new Set(anchorLists.flat() as string[])];
    return { id, regex: compileTerms(terms), cooccur, anchors };
  });
  compiledConcepts.set(lang, list);
  return list;
}

/** A concept found in a text, with where (offsets in the folded text). */
export interface ConceptHit {
  id: ConceptId;
  spans: [number, number][];
}

/** Every concept present in a folded text, in `CONCEPT_IDS` order. */
export function findConcepts(
  folded: string,
  lang: MatchLanguage,
  index: TextIndex = indexText(folded),
): ConceptHit[] {
  const hits: ConceptHit[] = [];
  for (const concept of compiledConceptList(lang)) {
    // Cheap prefilter: most sentences contain none of a concept's words, and a set lookup beats a regex scan.
    if (concept.anchors && !concept.anchors.some((a) => index.prefixes.has(a))) continue;
    const spans: [number, number][] = [];
    for (const m of folded.matchAll(concept.regex)) {
      if (m[0].length > 0) spans.push([m.index, m.index + m[0].length]);
    }
    if (spans.length === 0 && concept.cooccur) {
      // Distinct groups, each counted once: « économique » three times is one PESTEL factor, not three.
      const found: [number, number][] = [];
      for (const group of concept.cooccur.groups) {
        const first = folded.matchAll(group).next();
        if (!first.done) found.push([first.value.index, first.value.index + first.value[0].length]);
      }
      if (found.length >= concept.cooccur.min) spans.push(...found.sort((a, b) => a[0] - b[0]));
    }
    if (spans.length > 0) hits.push({ id: concept.id, spans });
  }
  return hits;
}

// ── Depth markers ────────────────────────────────────────────────────────────────────────────────────

/**
 * Markers of depth, matched on folded text except `verbs` (accented lower case: « a » vs « à »).
 * Strong sources name who says it; weak ones only name a kind of document.
 */
const MARKERS = {
  quantity: {
    // A number with a unit, a percentage or a currency; a decimal; a number of 2+ digits that is not a year.
    fr: [
      '\\d+(?:[.,]\\d+)?\\s?(?:%|€|\\$|£|k€|m€|md€|mds?€|keur|meur|euros?|millions?|milliards?|mds?|mrds?|pts?|points?|fois|x)',
      '\\d+[.,]\\d+',
      '(?<![\\d.,])(?!(?:19|20)\\d\\d(?!\\d))\\d{2,}(?:[  .]\\d{3}){0,4}',
    ],
    en: ['\\d+(?:[.,]\\d+)?\\s?(?:percent|per cent|billion|million|thousand|k|m|bn)'],
  },
  date: {
    fr: [
      '(?:19|20)\\d\\d',
      '(janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre) (19|20)\\d\\d',
    ],
    en: [
      '(january|february|march|april|may|june|july|august|september|october|november|december) (19|20)\\d\\d',
    ],
  },
  strongSource: {
    fr: [
      'selon',
      "d'apres",
      'sources? ?:',
      'insee',
      'xerfi',
      'statista',
      'eurostat',
      'ademe',
      'credoc',
      'bpi ?france',
      'banque de france',
      'ifop',
      'ipsos',
      'kantar',
      'nielsen',
      'gfk',
      'ocde',
      'fmi',
      'banque mondiale',
      'gartner',
      'mckinsey',
      'deloitte',
      'pwc',
      'kpmg',
      'les echos',
      'le monde',
      'lsa',
      'legifrance',
      'journal officiel',
      'ministere',
      "rapport (annuel|integre|rse|d'activite|extra ?financier|de durabilite)",
      "document d'enregistrement universel",
      'https?:\\/\\/\\S+',
      'www\\.\\S+',
      '\\S+\\.(com|fr|org|eu|gouv\\.fr)',
      // A year in parentheses: « (INSEE, 2023) », « (2024) ».
      '\\([^()]{0,60}(19|20)\\d\\d\\)',
    ],
    en: ['according to', 'source ?:', 'oecd', 'world bank', 'harvard business review', 'hbr'],
  },
  weakSource: {
    fr: [
      'etudes?',
      'enquetes?',
      'barometres?',
      'rapports?',
      'panel',
      'sondages?',
      'donnees (publiques|internes|du crm)',
    ],
    en: ['stud(y|ies)', 'surveys?', 'reports?', 'research'],
  },
  argument: {
    fr: [
      'car',
      'donc',
      'en effet',
      'ce qui',
      'ce que',
      "c'est pourquoi",
      'par consequent',
      'en consequence',
      'ainsi',
      'afin (de|d|que)',
      'parce que',
      'puisque',
      'grace a',
      'en raison de',
      'du fait (de|que)',
      'de ce fait',
      'cependant',
      'toutefois',
      'neanmoins',
      'en revanche',
      'alors que',
      'tandis que',
      'bien que',
      'malgre',
      "d'une part",
      "d'autre part",
      "d'ou",
      'des lors',
      'de sorte que',
      'il en resulte',
      'cela (signifie|implique|permet|explique)',
      'impliqu*',
      'entrain(e|ent)',
      'permet(tent|tra|trait)? (de|d|a)',
      'par exemple',
      'notamment parce que',
    ],
    en: [
      'because',
      'therefore',
      'thus',
      'hence',
      'since',
      'so that',
      'in order to',
      'as a result',
      'consequently',
      'which means',
      'this means',
      '(this|that) is why',
      'however',
      'although',
      'whereas',
      'due to',
      'leads? to',
      'led to',
      'allow(s|ed)?',
      'enabl(e|es|ed)',
      'for (example|instance)',
      'indeed',
      'given that',
    ],
  },
  analysis: {
    fr: [
      // Verb forms only: « une analyse PESTEL » names a method, it does not analyse anything.
      'analys(ons|ent|ee|ees|es)',
      '(a|ont|avons) analyse',
      'montr(e|ent|ons|ant)',
      'revel(e|ent|ant)',
      'expliqu(e|ent|er|ant)',
      "s'expliqu*",
      'demontr(e|ent|ons|er)',
      'met(tent)? en (evidence|lumiere|exergue)',
      'soulign(e|ent|er)',
      'indiqu(e|ent)',
      'tradui(t|sent)',
      'illustr(e|ent)',
      'confirm(e|ent)',
      'sugger(e|ent)',
      'temoign(e|ent)',
      'constat*',
      'compar(e|ent|er|ant|aison|e a)',
      'evalu(e|ons|er|ent)',
      'en dedui*',
      'conclu(ons|re)',
      'interpret*',
    ],
    en: [
      'analy[sz](e|es|ed|ing|is)',
      'show(s|ed|ing)?',
      'reveal(s|ed)?',
      'demonstrat(e|es|ed)',
      'highlight(s|ed)?',
      'indicat(e|es|ed)',
      'suggest(s|ed)?',
      'illustrat(e|es|ed)',
      'explain(s|ed)?',
      'compar(e|ed|ing|ison)',
      'assess(es|ed|ing|ment)?',
      'evaluat(e|ed|ing)',
      'learn(ed|t)',
      'reali[sz]ed',
      'conclude',
    ],
  },
  recommendation: {
    fr: [
      'nous (preconisons|recommandons|proposons|conseillons|suggerons)',
      'je (preconise|recommande|propose|conseille|suggere)',
      'preconis*',
      'recommand*',
      "plans? d'actions?",
      'il (faudrait|conviendrait|serait (pertinent|judicieux|utile))',
      "axes? d'amelioration",
      'en priorite',
      'prioritairement',
    ],
    en: [
      'recommend*',
      'we (propose|suggest|advise)',
      'i (propose|suggest|would)',
      'should',
      'action plan',
      'next steps',
    ],
  },
  /** Finite verbs and subject pronouns: a sentence with none is a list, not a statement. Accented lower case. */
  verbs: {
    fr: [
      'est',
      'sont',
      'était',
      'étaient',
      'sera',
      'seront',
      'serait',
      'a',
      'ont',
      'avait',
      'avaient',
      'aura',
      'auront',
      'avons',
      'avez',
      'ai',
      'peut',
      'peuvent',
      'pourra',
      'pourrait',
      'doit',
      'doivent',
      'devra',
      'faut',
      'permet',
      'permettent',
      'fait',
      'font',
      'va',
      'vont',
      'devient',
      'reste',
      'restent',
      'représente',
      'représentent',
      'constitue',
      'constituent',
      'repose',
      'reposent',
      'propose',
      'proposons',
      'utilise',
      'utilisons',
      'vise',
      'visent',
      'nous',
      'on',
      'je',
      'il',
      'elle',
      'ils',
      'elles',
      "(s|n)'[a-zà-ÿœæ]+",
      // Frequent third-person forms in dossiers (« l'entreprise dispose de… », « les clients attendent… »).
      'dispose',
      'disposent',
      'possède',
      'possèdent',
      'détient',
      'offre',
      'offrent',
      'vend',
      'vendent',
      'emploie',
      'compte',
      'couvre',
      'cible',
      'ciblent',
      'génère',
      'génèrent',
      'dépend',
      'dépendent',
      'atteint',
      'atteignent',
      'bénéficie',
      'affiche',
      'enregistre',
      'progresse',
      'recule',
      'augmente',
      'diminue',
      'baisse',
      'croît',
      'dépasse',
      'concentre',
      'réalise',
      'réalisent',
      'souhaite',
      'souhaitent',
      'cherche',
      'cherchent',
      'attend',
      'attendent',
      'apporte',
      'apportent',
      'assure',
      'garantit',
      'devons',
      'pouvons',
      'allons',
      'mettons',
      'mettre',
      // An infinitive introduced by a preposition (« pour améliorer », « afin de réduire », « d'adapter »).
      "(de |pour |à |d')[a-zà-ÿœæ]+(er|ir|re)",
    ],
    en: [
      'is',
      'are',
      'was',
      'were',
      'be',
      'been',
      'has',
      'have',
      'had',
      'will',
      'would',
      'can',
      'could',
      'should',
      'must',
      'may',
      'do',
      'does',
      'did',
      'i',
      'we',
      'they',
      'he',
      'she',
      'it',
      'you',
      '[a-z]{3,}ed',
    ],
  },
} as const;

type MarkerKind = keyof typeof MARKERS;

const compiledMarkers = new Map<MatchLanguage, Record<MarkerKind, RegExp>>();

function markerRegexes(lang: MatchLanguage): Record<MarkerKind, RegExp> {
  const cached = compiledMarkers.get(lang);
  if (cached) return cached;
  const build = (kind: MarkerKind) =>
    compileTerms(lang === 'en' ? [...MARKERS[kind].fr, ...MARKERS[kind].en] : [...MARKERS[kind].fr]);
  const compiled = {
    quantity: build('quantity'),
    date: build('date'),
    strongSource: build('strongSource'),
    weakSource: build('weakSource'),
    argument: build('argument'),
    analysis: build('analysis'),
    recommendation: build('recommendation'),
    verbs: build('verbs'),
  };
  compiledMarkers.set(lang, compiled);
  return compiled;
}

/** What a sentence shows about depth, independent of any criterion. */
export interface DepthSignals {
  /** Words (letters or digits runs). */
  words: number;
  /** Numbers with a unit, decimals, counts: the sentence is quantified. */
  quantities: number;
  /** Years and dated months: the sentence is dated, which alone is not quantification. */
  dates: number;
  /** Named sources, URLs, « selon », years in parentheses. */
  strongSources: number;
  /** A kind of document (« une étude », « un rapport ») without naming it. */
  weakSources: number;
  /** Connectives of reasoning (« car », « donc », « ce qui », « because »). */
  argument: boolean;
  /** Analysis verbs (« montre », « révèle », « analysons »). */
  analysis: boolean;
  /** Recommendations (« nous préconisons », « plan d'action »). */
  recommendation: boolean;
  /** A finite verb or subject pronoun: the sentence says something rather than lists. */
  verb: boolean;
}

function count(text: string, regex: RegExp): number {
  let n = 0;
  for (const _ of text.matchAll(regex)) n++;
  return n;
}

/** Nouns and adjectives ending in « -ent » that are not verbs (« client », « pertinent »). */
const NOT_VERBS_ENT = new Set(
  (
    'client agent talent argent parent accident president patient incident urgent excellent different recent frequent ' +
    'absent present concurrent continent equivalent precedent referent adherent intelligent pertinent efficient coherent ' +
    'transparent apparent souvent dent cent vent lent content ingredient consent evident permanent prudent competent ' +
    'independant independent conscient suffisant insuffisent ascendent descendent resident'
  ).split(' '),
);

/**
 * A finite verb or subject pronoun. The word list misses most French verbs, so third-person plurals in
 * « -ent » count too, except adverbs in « -ment » and the usual nouns and adjectives.
 */
function hasVerb(text: string, folded: string, m: Record<MarkerKind, RegExp>): boolean {
  if (lowerText(text).search(m.verbs) >= 0) return true;
  for (const w of folded.matchAll(/\p{L}{3,}ent(?![\p{L}\p{N}])/gu)) {
    const word = w[0];
    if (!word.endsWith('ment') && !NOT_VERBS_ENT.has(word)) return true;
  }
  return false;
}

/** Section numbering (« 2.1 », « 3) ») is not a figure. */
const LEADING_NUMBERING = /^\s*(?:\d{1,2}[.)]){1,4}\d{0,2}\s/;

/** Depth markers of a sentence. `folded` is `fold(text)`, passed in because callers already have it. */
export function depthSignals(text: string, folded: string, lang: MatchLanguage): DepthSignals {
  const m = markerRegexes(lang);
  const body = folded.replace(LEADING_NUMBERING, ' ');
  return {
    words: count(folded, /[\p{L}\p{N}]+/gu),
    quantities: count(body, m.quantity),
    dates: count(body, m.date),
    strongSources: count(folded, m.strongSource),
    weakSources: count(folded, m.weakSource),
    argument: folded.search(m.argument) >= 0,
    analysis: folded.search(m.analysis) >= 0,
    recommendation: folded.search(m.recommendation) >= 0,
    verb: hasVerb(text, folded, m),
  };
}

// ── Per-exam lexicon ─────────────────────────────────────────────────────────────────────────────────

/** A concept expected by a criterion, with its weight (core 1, related 0.6). */
export interface ExpectedConcept {
  id: ConceptId;
  weight: number;
  core: boolean;
}

/** What the analyzer looks for when grading one criterion. */
export interface CriterionLexicon {
  criterionId: string;
  concepts: ExpectedConcept[];
  /** (a) Content words of the criterion's text. */
  ownStems: StemTerm[];
  /** (b) Content words of its competencies' texts (lower weight, ranking only). */
  competencyStems: StemTerm[];
  /** True when no curated rule matched and concepts were inferred from the criterion's wording. */
  inferred: boolean;
}

/** What shows that a deliverable is in the dossier. */
export interface DeliverableLexicon {
  deliverableId: string;
  concepts: ConceptId[];
  stems: StemTerm[];
}

/** Everything the offline analyzer needs for one exam, compiled once. */
export interface ExamLexicon {
  examId: string;
  lang: MatchLanguage;
  criteria: ReadonlyMap<string, CriterionLexicon>;
  deliverables: ReadonlyMap<string, DeliverableLexicon>;
}

/** Weight of a core concept in evidence ranking; related concepts weigh `RELATED_WEIGHT`. */
export const CORE_WEIGHT = 1;
/** Weight of a related concept: it broadens coverage but matters less than the criterion's core. */
export const RELATED_WEIGHT = 0.6;
/** Competency words are many and only rank evidence; the first ones suffice. */
const MAX_COMPETENCY_STEMS = 40;

/** The language patterns are matched in for an exam: its required language. */
export function examLanguage(exam: Pick<Exam, 'modalities'>): MatchLanguage {
  return exam.modalities.language === 'en' ? 'en' : 'fr';
}

function ruleMatches(match: string, text: string): boolean {
  return new RegExp(termSource(match)).test(fold(text));
}

/** Concepts named by the wording itself: the fallback when no curated rule fits a criterion. */
function inferConcepts(text: string, lang: MatchLanguage): ExpectedConcept[] {
  return findConcepts(fold(text), lang).map((hit) => ({ id: hit.id, weight: CORE_WEIGHT, core: true }));
}

function competencyText(id: CompetencyId): string {
  return competencyIndex.get(id)?.competency.text ?? '';
}

/** Builds the lexicon of one criterion of an exam (exported for criteria graded outside their exam list). */
export function buildCriterionLexicon(exam: Exam, criterion: Criterion): CriterionLexicon {
  const lang = examLanguage(exam);
  const rule = EXAM_CONCEPTS[exam.id]?.criteria.find((r) => ruleMatches(r.match, criterion.text));
  const concepts: ExpectedConcept[] = rule
    ? [
        ...rule.core.map((id) => ({ id, weight: CORE_WEIGHT, core: true })),
        ...(rule.related ?? []).map((id) => ({ id, weight: RELATED_WEIGHT, core: false })),
      ]
    : inferConcepts(criterion.text, lang);
  const ownStems = contentStems(criterion.text);
  const own = new Set(ownStems.map((s) => s.stem));
  // Ranking only, at a low weight: the first words of the competencies are enough and keep matching cheap.
  const competencyStems = contentStems(criterion.competencies.map(competencyText).join(' '))
    .filter((s) => !own.has(s.stem))
    .slice(0, MAX_COMPETENCY_STEMS);
  return { criterionId: criterion.id, concepts, ownStems, competencyStems, inferred: !rule };
}

function buildDeliverableLexicon(exam: Exam, deliverable: Deliverable): DeliverableLexicon {
  const rule = EXAM_CONCEPTS[exam.id]?.deliverables.find((r) => ruleMatches(r.match, deliverable.text));
  const concepts = rule
    ? [...rule.concepts]
    : inferConcepts(deliverable.text, examLanguage(exam)).map((c) => c.id);
  return {
    deliverableId: deliverable.id,
    concepts,
    stems: contentStems(deliverable.text, { exclude: DOCUMENT_WORDS }),
  };
}

const examCache = new Map<string, ExamLexicon>();
/** Bounded: exam objects may be rebuilt per request, and each rubric version is a new key. */
const EXAM_CACHE_MAX = 64;

function examSignature(exam: Exam): string {
  return JSON.stringify([
    exam.id,
    exam.modalities.language,
    exam.criteria.map((c) => [c.id, c.text, c.competencies]),
    exam.deliverables.map((d) => [d.id, d.text]),
  ]);
}

/** The compiled lexicon of an exam, memoised by the exam's content (not its identity). */
export function getExamLexicon(exam: Exam): ExamLexicon {
  const key = examSignature(exam);
  const cached = examCache.get(key);
  if (cached) return cached;
  const lexicon: ExamLexicon = {
    examId: exam.id,
    lang: examLanguage(exam),
    criteria: new Map(exam.criteria.map((c) => [c.id, buildCriterionLexicon(exam, c)])),
    deliverables: new Map(exam.deliverables.map((d) => [d.id, buildDeliverableLexicon(exam, d)])),
  };
  if (examCache.size >= EXAM_CACHE_MAX) examCache.clear();
  examCache.set(key, lexicon);
  return lexicon;
}
