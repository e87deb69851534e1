/**
 * Textbook prose that looks applied (issue #16): what a weak draft writes about firms in general, with the
 * signals applied.ts would otherwise read as a fact about the candidate's company.
 *
 * - The expository « nous » (« nous pouvons définir », « nous allons voir », « nous devons étudier »,
 *   « we must respect », « we should avoid ») is the author walking the reader through a lesson, not the
 *   company reporting what it did; « notre », « nos » and « nous avons + past participle » still are.
 * - A statistic about firms in general (« selon une étude, 80 % des ventes… », « un commercial perd en
 *   moyenne 15 % », « companies with diverse teams are 36% more likely ») is a figure, but not a figure about
 *   the company: a jury reads it as context, never as the company's data.
 *
 * A strong draft's sentences keep their anchor: its figures are about its own clients and years, and its
 * « nous » is followed by what was done (« nous avons relancé », « nous vendons »), not by a lesson's verbs.
 */

/** Verbs of a lesson: defining, naming, announcing what the text will show. */
const LESSON_VERB =
  '(?:dire|definir|distinguer|citer|noter|retenir|parler|considerer|utiliser|etudier|voir|presenter|aborder|expliquer)';

/**
 * « nous » followed by a lesson's verb, with or without a modal (« nous pouvons définir », « nous allons voir »,
 * « nous verrons », « nous parlons de »), or a habit (« nous utilisons généralement »); « we » with a modal of
 * advice (« we must », « we should »). Folded text (lower case, no accents). What the company plans (« nous
 * allons former l'équipe », « nous pourrions embaucher ») is not a lesson's verb and stays applied.
 */
const EXPOSITORY_VOICE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:nous (?:(?:pouvons|pourrions|devons|devrions|allons) (?:donc |ensuite |maintenant |aussi |egalement )?${LESSON_VERB}|verrons|parlons|appelons|distinguons|definissons|retiendrons)|nous [\\p{L}']+ (?:generalement|habituellement|en general|toujours)|(?:on|l'on) (?:peut|doit) ${LESSON_VERB}|we (?:must|should|need to|have to|can|could))(?![\\p{L}\\p{N}])`,
  'u',
);

/** A company's own voice in the same sentence wins (« nous devons étudier nos ventes », « our shop »). */
const POSSESSIVE_VOICE = /(?<![\p{L}\p{N}])(?:notre|nos|our)(?![\p{L}\p{N}])/u;

/** A sentence telling what happened (past tense) reports a fact, whatever its modal (« how we should work had… »). */
const PAST_EVENT =
  /(?<![\p{L}\p{N}])(?:had|was|were|did|went|\p{L}{3,}ed|avons|avions|ai|etait|etaient)(?![\p{L}\p{N}])/u;

/** The sentence's « nous » / « we » is the voice of a lesson, not of the company. */
export function isExpositoryVoice(folded: string): boolean {
  return EXPOSITORY_VOICE.test(folded) && !POSSESSIVE_VOICE.test(folded) && !PAST_EVENT.test(folded);
}

/**
 * Markers that a figure is a law of thumb about firms in general, quoted from nowhere in particular: an
 * unnamed study (« selon une étude », « studies show »), Pareto's law, a share of all firms (« une entreprise
 * sur trois »), firms in general as the subject (« les entreprises qui… », « companies with diverse teams… »).
 * Averages and market shares are not among them: strong drafts use them for their own data.
 */
const GENERAL_STATISTIC =
  /(?<![\p{L}\p{N}])(?:(?:selon|d'apres) une etude(?! (?:de|du|des|d'))|une etude (?:montre|revele|indique)|selon les etudes|loi de pareto|une entreprise sur|les entreprises qui|companies (?:with|that|which)|firms (?:with|that|which)|studies show|according to a study|a recent study)(?![\p{L}\p{N}])/u;

/**
 * An average about an indefinite actor (« un commercial perd en moyenne 15 % de ses clients », « a customer
 * tells on average ten people »): a habit of the trade, not the company's data. The company's own averages
 * have a definite subject (« nos commerciaux », « le téléphone occupe en moyenne 2 h 40 »).
 */
const GENERIC_ACTOR =
  /(?<![\p{L}\p{N}])(?:un|une|a|an) (?:commercial|vendeur|client|consommateur|prospect|acheteur|salarie|manager|entreprise|pme|customer|company|salesperson|buyer|employee|firm)(?![\p{L}\p{N}])/u;
const AVERAGE = /(?<![\p{L}\p{N}])(?:en moyenne|on average)(?![\p{L}\p{N}])/u;

/**
 * A rule of the trade stated about an indefinite subject at the head of the sentence (« Une activité dont le
 * marché croît de plus de 10 % est une vedette », « A team that loses 20 % of its staff… »): its figure is a
 * threshold that holds for any firm. The company's own data has a definite subject, a date or its voice
 * (« Un client sur trois nous a quittés en 2023 »).
 */
const GENERIC_RULE =
  /^[\s\-*•–\d.)]*(?:un|une|a|an) (?:entreprise|societe|activite|produit|marche|client|commercial|vendeur|prospect|equipe|salarie|manager|pme|company|firm|business|product|market|customer|team|employee|manager)(?![\p{L}\p{N}])/u;
const OWN_OR_DATED = /(?<![\p{L}\p{N}])(?:nous|notre|nos|we|our|(?:19|20)\d\d)(?![\p{L}\p{N}])/u;

/** The sentence's figures are statistics about firms in general, not data about the candidate's company. */
export function isGeneralStatistic(folded: string): boolean {
  return (
    GENERAL_STATISTIC.test(folded) ||
    (AVERAGE.test(folded) && GENERIC_ACTOR.test(folded)) ||
    (GENERIC_RULE.test(folded) && !OWN_OR_DATED.test(folded))
  );
}

/**
 * Impersonal advice (« il faut relancer un prospect 5 fois », « il est conseillé de prévoir 6 mois de
 * trésorerie », « you should follow up three times »): a law of the trade, addressed to anyone. Its figures are
 * a rule of thumb, not the company's data (issue #16: an « il faut… » sentence is coverage, not analysis).
 * Only the main clause counts: the sentence opens on the advice, or on a short phrase and a comma (« Pour
 * réussir, il faut… »); « parce qu'il faut payer le commercial (52 000 €) » explains a fact about the company.
 * « il faudra » (what this company will have to do) is a plan, not advice, and is left out. After an elided
 * « d' » the next word follows without a space (« il est recommandé d'avoir… »): the advice ends there too.
 */
const GENERAL_ADVICE =
  /^[\s\-*•–\d.)]*(?:[^,;:]{0,60}, )?(?:il faut|il ne faut pas|il est (?:(?:aussi|donc|egalement|tres|vraiment|surtout) )?(?:important|essentiel|conseille|recommande|necessaire|indispensable|preferable|utile|primordial) d[e']|il convient d[e']|mieux vaut|(?:on|l'on) (?:doit|peut|devrait)|it is (?:(?:also|therefore|thus|very|really|always) )?(?:important|essential|advisable|recommended|necessary|crucial|key) to|you (?:should|must|need to|have to)|one (?:should|must))(?:(?<=')|(?![\p{L}\p{N}]))/u;

/** The sentence is advice to anyone: its figures are not about the candidate's company. */
export function isGeneralAdvice(folded: string): boolean {
  return GENERAL_ADVICE.test(folded) && !POSSESSIVE_VOICE.test(folded) && !PAST_EVENT.test(folded);
}

/**
 * The « nous » of everyone (« de nos jours », « à notre époque », « chacun de nous », « in our globalised
 * world », « we live in a world where… », « let us remember »): the writer speaking for people in general, a
 * weak draft's favourite opening, not the company's voice; « dans notre métier » is the trade at large (« Dans
 * notre métier, la négociation est au cœur de la relation client »). « Notre société » stays: in French it is as
 * often the company itself.
 */
const COLLECTIVE_VOICE =
  /(?<![\p{L}\p{N}])(?:de nos jours|a notre epoque|notre (?:epoque|monde|planete|quotidien)|dans (?:notre|nos) (?:metier|profession)s?|nos (?:societes|contemporains)|chacun (?:de nous|d'entre nous)|(?:nous|on) vivons dans|our (?:(?:globali[sz]ed|modern|current|changing|connected|fast-changing|today's) )?(?:world|society|societies|times|era|planet|days|daily lives)|we (?:all )?live in|let us|let's|each of us|all of us|most of us)(?![\p{L}\p{N}])/gu;

/** The sentence without its « nous » of everyone, so that only the company's own voice is left to find. */
export function withoutCollectiveVoice(folded: string): string {
  return folded.replace(COLLECTIVE_VOICE, ' ');
}

/**
 * Nouns that name a tool of the course rather than a fact of the case (folded): « le modèle de Porter »,
 * « la matrice BCG », « cet outil », « Hofstede's framework ».
 */
const TOOL_HEAD =
  /(?<![\p{L}\p{N}])(?:outils?|modeles?|matrices?|methodes?|grilles?|analyses?|demarches?|approches?|theories?|lois?|concepts?|notions?|techniques?|diagrammes?|forces|dimensions?|tools?|models?|frameworks?|matri(?:x|ces)|theor(?:y|ies)|methods?|concepts?|techniques?)(?![\p{L}\p{N}])/u;

/**
 * What a textbook says a tool does (folded): « … permet (à X) de », « … sert à », « … consiste à », « … se
 * définit », « … désigne », « … helps (X) to », « … refers to ».
 */
const DEFINING_VERB =
  '(?:permet(?:tent)?|ser(?:t|vent) a|aide(?:nt)?|consiste(?:nt)?|design(?:e|ent)|se defini(?:t|ssent)|correspond(?:ent)? a|repose(?:nt)? sur|se compose(?:nt)?|regroupe(?:nt)?|distingue(?:nt)?|decompose(?:nt)?|allows?|enables?|helps?|consists? of|refers? to|is used to|describes?)';

/**
 * What a textbook says a tool is (« … est un outil de synthèse », « … is a framework »): a copula, a definition
 * only when a tool is named on one side of it (`TOOL_HEAD`); « Le marché est un marché B2B » describes the case.
 */
const COPULA = "(?:est (?:un|une|le|la|l')|sont (?:des|les|la|le|l')|is (?:a|an|the)|are (?:a|the))";

/**
 * Verbs of what a tool examines (« classe », « analyse », « mesure »): a definition when nothing measured about
 * the company follows (« La matrice BCG classe les activités de Vallon selon la croissance du marché »).
 */
const EXAMINING_VERB =
  '(?:classe(?:nt)?|analyse(?:nt)?|mesure(?:nt)?|etudie(?:nt)?|evalue(?:nt)?|identifie(?:nt)?|croise(?:nt)?|classif(?:y|ies)|analy[sz]es?|measures?|identif(?:y|ies)|assess(?:es)?)';

/** A pronoun standing for the tool just named (« Il permet… », « It helps… »). */
const PRONOUN_SUBJECT = /^(?:il|elle|ils|elles|cela|ceci|it|they|this|these)\s*$/u;

/**
 * The opening of a sentence up to its first verb of definition: at most eight words of subject (folded), at the
 * head of the sentence or, failing that, after a short opening phrase and a comma (« Pour Vallon, le SWOT est… »).
 * Group 1 is the subject, group 2 the verb, and what follows is the rest of the sentence.
 */
const openingWith = (prefix: string) =>
  new RegExp(
    `^[\\s\\-*•–\\d.)]*${prefix}((?:[^\\s,;:]+ ){1,8}?)(${DEFINING_VERB}|${COPULA}|${EXAMINING_VERB})(?:(?<=')|(?![\\p{L}\\p{N}]))`,
    'u',
  );
const DEFINITION_OPENINGS = [openingWith(''), openingWith('[^,;:]{0,60}, ')];

/**
 * The candidate, the company or one of its people as the one who acts or owns (« nous », « we », « j'ai »,
 * « m'ont aidé », « helps me », « leurs valeurs »): the sentence reports the case, whatever its verb.
 */
const OWN_SUBJECT =
  /(?<![\p{L}\p{N}])(?:nous|notre|nos|we|our|us|je|j'\p{L}+|m'\p{L}+|me|moi|mon|ma|mes|i|my|leurs?|their)(?![\p{L}\p{N}])/u;

/**
 * What follows a copula in a definition of a notion (« Power distance is the extent to which… », « La veille est
 * l'ensemble des… », « … est la capacité de… »), folded.
 */
const DEFINING_PREDICATE =
  /^(?:extent|degree|way|ability|capacity|process|set|act|ensemble|capacite|degre|maniere|facon|fait|processus) (?:to|of|in|by|des?|du|d'|a|dont|par)(?![\p{L}\p{N}])/u;

/** A year, in parentheses or not (« Porter (1979) », « Barney 1991 »): a citation's date, not a figure. */
const CITED_YEAR = /\(?\b(?:1[89]|20)\d\d\b\)?/g;
/** Words a table cell needs to be read as a definition rather than a label. */
const MIN_DEFINITION_CELL_WORDS = 4;

/**
 * A tool's definition (issue #16): the sentence's subject is a tool or a notion of the course (« La matrice
 * BCG », « Le modèle de Porter (1979) », « L'analyse PESTEL », « Hofstede's model ») and its verb says what the
 * tool is or does (« permet à Vallon de mesurer l'intensité concurrentielle », « est un outil de synthèse »).
 * Writing the company's name into the sentence (« permet à la Fromagerie Vallon d'analyser son
 * macro-environnement ») does not make it a fact about the company: a jury reads the definition, not an
 * analysis, whatever name is dropped into it. What keeps the case's own sentences applied: a figure (a
 * citation's year aside: the company's data, « repose sur 25 mots-clés »), the company's or the candidate's
 * voice anywhere in the sentence (« Le SWOT nous permet de… », « helps me read meetings »), a subject that names
 * the company (« la veille de Vallon repose sur… »), a verb of finding (« La matrice BCG de Vallon montre
 * que… »), a table row. `subjectNames` tells whether the subject names the company, `isConcept` whether it
 * names a notion of the lexicon.
 */
export function isToolDefinition(
  folded: string,
  subjectNames: (subject: string) => boolean,
  isConcept: (subject: string) => boolean,
): boolean {
  if (folded.includes(' | ')) return isDefinitionRow(folded, subjectNames, isConcept);
  // A citation's year (« Porter (1979) ») is not a figure about the company.
  if (/\d/.test(folded.replace(CITED_YEAR, ' '))) return false;
  if (OWN_SUBJECT.test(folded) || PAST_EVENT.test(folded)) return false;
  if (isDefinitionItem(folded, subjectNames, isConcept)) return true;
  const m = DEFINITION_OPENINGS.map((re) => re.exec(folded)).find((found) => found !== null);
  if (!m) return false;
  const subject = m[1] ?? '';
  if (PRONOUN_SUBJECT.test(subject.trim())) return true;
  if (subjectNames(subject)) return false;
  if (new RegExp(`^${COPULA}$`, 'u').test(m[2] ?? '')) {
    const after = folded.slice(m[0].length).trim().split(/\s+/).slice(0, 4).join(' ');
    return TOOL_HEAD.test(subject) || TOOL_HEAD.test(after) || DEFINING_PREDICATE.test(after);
  }
  return TOOL_HEAD.test(subject) || isConcept(subject);
}

/**
 * A table of the course's tools (« Outil | Définition | Intérêt pour Morin »): a row whose first cell names a
 * tool and whose other cells say what it is or does (« Matrice BCG | Classe les activités selon la croissance
 * du marché | Aide Transports Morin à équilibrer son portefeuille »). Laid out in a table, a definition is still
 * a definition, and a column that repeats the company's name in each row applies nothing. A row with a figure
 * or the company's voice is its data (a PESTEL grid of the company's facts), as in prose.
 */
function isDefinitionRow(
  folded: string,
  subjectNames: (subject: string) => boolean,
  isConcept: (subject: string) => boolean,
): boolean {
  if (/\d/.test(folded.replace(CITED_YEAR, ' ')) || OWN_SUBJECT.test(folded)) return false;
  const [first, ...rest] = folded.split(' | ').map((cell) => cell.replace(/^\|\s*|\s*\|$/g, '').trim());
  if (!first || rest.length === 0 || subjectNames(first)) return false;
  if (!TOOL_HEAD.test(first) && !isConcept(first)) return false;
  // A cell of a few words is a label (« Mesure proposée » in a risk grid's header), not a definition.
  return rest.some(
    (cell) =>
      cell.split(/\s+/).length >= MIN_DEFINITION_CELL_WORDS &&
      isToolDefinition(`${first} ${cell}`, subjectNames, isConcept),
  );
}

/**
 * Nouns a definition opens with after a tool's label (« outil d'analyse… », « évaluation de l'intensité… »,
 * « synthèse des forces… », « classement du portefeuille… »): what the tool is, in a noun (folded).
 */
const DEFINITION_NOUN =
  "(?:(?:l'|le |la |les |un |une |des )?(?:outils?|analyses?|evaluations?|syntheses?|classements?|decompositions?|tests?|choix|descriptions?|organisation|etudes?|ensemble|methodes?|matrices?|modeles?|mesures?|identifications?|diagnostics?|representations?|cartographies?|acteurs|processus|demarches?|tools?|analys[ie]s|assessments?|descriptions?|methods?|models?|frameworks?|set|study|studies|process))";

/** « PESTEL : outil d'analyse… », « - Matrice BCG : classement du portefeuille… » (folded). */
const DEFINITION_ITEM = new RegExp(
  `^[\\s\\-*•–\\d.)]*((?:[^\\s:]+ ){0,5}[^\\s:]+)\\s?:\\s+${DEFINITION_NOUN}(?![\\p{L}\\p{N}])`,
  'u',
);

/**
 * A list of the course's tools (issue #16): a line that opens on a tool's label, a colon and a noun saying what
 * the tool is (« - SWOT : synthèse des forces, faiblesses, opportunités et menaces de la Maison Caradec, ce qui
 * guide ses choix »). A list item that names a tool and defines it is coverage, whatever company name ends it;
 * an item whose label is the company's (« SWOT de Caradec : ») or that gives its figures is its data.
 */
function isDefinitionItem(
  folded: string,
  subjectNames: (subject: string) => boolean,
  isConcept: (subject: string) => boolean,
): boolean {
  const m = DEFINITION_ITEM.exec(folded);
  if (!m) return false;
  const label = m[1] ?? '';
  return !subjectNames(label) && (TOOL_HEAD.test(label) || isConcept(label));
}

/**
 * A figure stated as a habit of the trade (issue #16, the « rule of thumb » of weak drafts): hedged as what
 * holds in general (« les banques demandent en général un apport de 20 à 30 % », « le loyer représente
 * généralement 10 % du chiffre d'affaires d'une boutique », « a deal usually takes three times longer »), or a
 * share of firms or people in general (« environ 30 % des entreprises ferment avant trois ans », « 70% of
 * international joint ventures fail », « 75% of the world's population »), or quoted from unnamed experts
 * (« experts say… »). Such a figure is true of any company, so it says nothing of the candidate's: a jury reads
 * it as context. The company's own habits keep their owner (« nos clients paient en général à 60 jours », « our
 * buyers usually order twice a month »): a possessive, or one of the dossier's names, keeps the figure applied
 * (checked by the caller for names).
 */
const HABIT_OF_THE_TRADE =
  /(?<![\p{L}\p{N}])(?:en general|generalement|habituellement|en regle generale|d'ordinaire|in general|generally|usually|typically|as a rule|experts? (?:say|says|agree|estimate|believe)|research (?:shows|suggests)|surveys show)(?![\p{L}\p{N}])/u;
const SHARE_OF_ALL =
  /\d\s?%\s(?:des (?:entreprises|societes|pme|start-?ups|creations|jeunes entreprises|commerces|projets)|of (?:all |the )?(?:companies|firms|businesses|start-?ups|smes|(?:international |cross-border )?(?:joint ventures|mergers|projects)|world|world's population|population|people|managers|expatriates))(?![\p{L}\p{N}])/u;

/** The sentence's figure is a habit of the trade or a share of all firms, not the company's data (no possessive). */
export function isTradeHabit(folded: string): boolean {
  return (HABIT_OF_THE_TRADE.test(folded) || SHARE_OF_ALL.test(folded)) && !POSSESSIVE_VOICE.test(folded);
}

/**
 * A legal text stating its own figures (issue #16: a weak audit quoting the law, `autocars` in fresh-13, had the
 * laws' years, scopes and thresholds read as its company's figures and reached 3 on the ESG criterion): a sentence
 * whose subject is a law, a directive, a decree, a regulation or a standard (« La loi PACTE (2019) a modifié le
 * Code civil », « La directive CSRD (2022) étend le reporting à près de 50 000 entreprises », « The directive
 * applies to companies with more than 250 employees ») says what the text provides for every company it covers.
 * Not « le règlement » (a payment), « l'article » (a product) nor « the standard » (an adjective). The company
 * under the law keeps its figures: its voice (« La loi AGEC nous oblige depuis 2023… ») here, one of the
 * dossier's names in the caller.
 */
const LEGAL_SUBJECT =
  /^[\s\-*•–\d.)]*(?:(?:la|le|les|l'|the) ?(?:loi|lois|directive|decret|reglementation|ordonnance|norme|normes|law|laws|decree|regulation))(?![\p{L}\p{N}])/u;

/**
 * A legal reference anywhere in the sentence (« loi n° 2021-1104 », « article R.4121-1 du Code du travail »,
 * « directive (UE) 2023/970 », « (article 35) »), or firms classed by their size as a law classes them (« les
 * entreprises d'au moins 50 salariés », « de plus de 500 salariés »): the sentence states what the law provides,
 * its dates and thresholds, for every company it covers (fresh-15's regulation-quoting audit, `quarry`).
 */
const LEGAL_REFERENCE =
  /(?<![\p{L}\p{N}])(?:(?:loi|decret|ordonnance|arrete) n ?°? ?\d|articles? (?:[lrd]\.? ?)?\d|code (?:du travail|de commerce|de l'environnement|civil|de la consommation|des marches publics|de la commande publique)|(?:directive|reglement) (?:europeenne?|\(ue\)|\d{4}\/)|\(ue\) \d{4}\/\d)/u;
const FIRM_SIZE_CLASS =
  /(?<![\p{L}\p{N}])(?:entreprises|societes|employeurs|companies|firms) (?:d'au moins|de plus de|de moins de|de|with (?:more|fewer|less) than|with at least|of) \d[\d\s]*(?:salaries|employes|personnes|employees|staff)(?![\p{L}\p{N}])/u;

/** « nous », « notre », « nos », « we », « our », « us »: the company speaking of itself under the law. */
const WE_VOICE = /(?<![\p{L}\p{N}])(?:nous|notre|nos|we|our|us)(?![\p{L}\p{N}])/u;

/** The sentence's figures are a legal text's provisions, not the company's data (no own voice). */
export function isLegalProvision(folded: string): boolean {
  return (
    (LEGAL_SUBJECT.test(folded) || LEGAL_REFERENCE.test(folded) || FIRM_SIZE_CLASS.test(folded)) &&
    !WE_VOICE.test(folded)
  );
}

/** The other party of a sale or of a team, named by its role (folded): who an illustration stages. */
const PARTY =
  '(?:client|cliente|acheteur|acheteuse|prospect|interlocuteur|interlocutrice|patient|patiente|consommateur|consommatrice|visiteur|visiteuse|fournisseur|partenaire|collaborateur|collaboratrice|customer|buyer|visitor|supplier|partner)';

/**
 * A scene staged with anyone (issue #16: the course-techniques negotiation, « Par exemple, avec un client qui veut
 * renouveler une centrifugeuse, je regarde dans notre logiciel… », « Avec un client « Argent », je mets en avant
 * le prix », « Si un client dit que c'est trop cher, je creuse »): an indefinite customer at the head of the
 * sentence, after an optional « par exemple », illustrates a technique with a habit of the candidate's, it tells
 * no case. What happened (« Avec un client néerlandais, j'ai appris… ») is an experience and stays applied
 * (checked here), like a sentence naming one of the dossier's names (checked by the caller). « Quand un client
 * commande plus de 50 unités, nous accordons 5 % » states the company's policy and is not read here.
 */
const STAGED_SCENE = new RegExp(
  `^[\\s\\-*•–\\d.)]*(?:(?:par exemple|for example|for instance)\\s*,?\\s*)?(?:(?:avec|face a) (?:un|une)|si (?:un|une)|(?:with|if) (?:a|an)) ${PARTY}(?![\\p{L}\\p{N}])`,
  'u',
);

/** The sentence illustrates a technique with anyone, not the case (no past event: see `STAGED_SCENE`). */
export function isStagedScene(folded: string): boolean {
  // What the imagined customer says (« … que j'ai vue sur internet ») is no event of the candidate's.
  return STAGED_SCENE.test(folded) && !PAST_EVENT.test(withoutQuotedSpeech(folded));
}

/** Quoted speech (« … », "…", “…”) taken out of a folded sentence. */
export function withoutQuotedSpeech(folded: string): string {
  return folded.replace(/«[^»]*»|"[^"]*"|“[^”]*”/gu, ' ');
}

/**
 * The « we » of an essay (issue #16: the English generic essay on managing across cultures): « when we work with
 * people from other countries, we quickly realise… », « we do not give the same meaning to the same words ».
 * A bare « we » in the timeless present, with no « our », no « I », nothing that happened, no plan and none of
 * the dossier's names (checked by the caller), is people in general, the voice of a reflection; the company's
 * « we » does something particular — it sold, lost, will open, is testing — or owns something (« our buyers »).
 * English only: the French « nous » of a plain-worded company is read by `isExpositoryVoice`.
 */
const BARE_WE = /(?<![\p{L}\p{N}'])(?:we|us)(?![\p{L}\p{N}'])/u;
const OTHER_FIRST_PERSON =
  /(?<![\p{L}\p{N}'])(?:our|ours|i|my|me|nous|notre|nos|je|j'\p{L}+)(?![\p{L}\p{N}'])/u;
const WE_ACTING =
  /(?<![\p{L}\p{N}])we(?:'ll| will| shall| are going to| plan| intend| aim| decided| are \p{L}+ing| have \p{L}+(?:ed|en|t)| have been)(?![\p{L}\p{N}])/u;

/**
 * A passive participle (« it is often compared to an iceberg ») describes, it tells nothing that happened; and
 * « our own » (« we judge others with our own values ») is everyone's, set against other people's, not the
 * company's possessions. Both are read out before looking for a past event or a possessive.
 */
const PASSIVE_OR_OWN =
  /(?<![\p{L}\p{N}])(?:(?:is|are|be|been|being)(?: (?:often|also|still|sometimes|\p{L}+ly))? \p{L}+ed|our own)(?![\p{L}\p{N}])/gu;

/** True when the sentence's only first person is the « we » of people in general (English). */
export function isEssayWe(folded: string): boolean {
  const text = folded.replace(PASSIVE_OR_OWN, ' ');
  return (
    BARE_WE.test(text) && !OTHER_FIRST_PERSON.test(text) && !PAST_EVENT.test(text) && !WE_ACTING.test(text)
  );
}

/**
 * The company named as an instance of a class (issue #16, two generic drafts written apart: « pour réussir la
 * création d'une entreprise comme Vrac & Co », « for a company like Aurelle Cosmetics, these challenges are very
 * important », « Like every international company, Aurelle Cosmetics has to face… »): what the sentence says
 * holds for the class, and the name is its example, not the subject of a fact. Folded text; what is removed is
 * the example (« comme X », « like X », up to four words) or, after « comme toute… » / « like every… », the
 * whole sentence's names. A fact about the company keeps its name where it acts (« Vallon, comme ses voisins,
 * a perdu 10 % »: no class noun before « comme »).
 */
const CLASS_EXAMPLE =
  /(?<![\p{L}\p{N}])(?:entreprises?|societes?|projets?|commerces?|boutiques?|epiceries?|pme|start-?ups?|marques?|companies|company|firms?|businesses|business|brands?|organi[sz]ations?)(?: [\p{L}-]+)? (?:comme|tel(?:le)?s? que|like|such as) [^,.;:!?]{1,40}/gu;
const LIKE_EVERY =
  /^[\s\-*•–\d.)]*(?:comme (?:toute?s?|chaque|n'importe quel(?:le)?)|like (?:every|any|all|most|many)) /u;

/** The sentence without the names it gives only as examples of a class (see `CLASS_EXAMPLE`). */
export function withoutClassExamples(folded: string): string {
  if (LIKE_EVERY.test(folded)) return '';
  return folded.replace(CLASS_EXAMPLE, ' ');
}

/**
 * Where the sentence's first clause ends: its first link of reasoning (« car », « donc », « parce que », « ce qui »,
 * « because »…) or its first semicolon or colon. What stands before it is the sentence's main claim.
 */
const FIRST_CLAUSE_END =
  /(?<![\p{L}\p{N}])(?:(?:car|donc|parce que|puisque|ce qui|ce que|qui|afin|pour|grace a|comment|pourquoi|combien|because|since|so that|which)(?![\p{L}\p{N}])|parce qu'|puisqu'|ce qu')|[;:]/u;

/**
 * A subordinate clause opening the sentence (« Quand Kévin le propose, », « Si l'écart dépasse 5 %, »): the main
 * claim follows its comma.
 */
const OPENING_SUBORDINATE =
  /^(?:(?:quand|lorsque|si|s'il|s'ils|des que|meme si|une fois que|tant que)(?![\p{L}\p{N}])|lorsqu'|des qu')[^,]*,/u;

/**
 * The sentence's main claim: what stands after an opening subordinate clause and before its first link of
 * reasoning (`FIRST_CLAUSE_END`). An indirect question or an object clause (« j'ai demandé comment le prix
 * serait comparé », « il montre ce qu'un entretien changerait ») is not the claim: its verb is in the
 * conditional because it reports a question or a consequence, not because the draft wishes (issue #16: the
 * intention rule read both as intentions, lifts K10 4 -> 3 at gold 3, ramonage K4 2 -> 1 at gold 2).
 */
function mainClaim(folded: string): string {
  const opening = OPENING_SUBORDINATE.exec(folded);
  const rest = opening ? folded.slice(opening[0].length) : folded;
  const end = rest.search(FIRST_CLAUSE_END);
  return end < 0 ? rest : rest.slice(0, end);
}

/** One pattern matching any of `parts` (folded-text regex sources) as whole words. */
function wordAlternation(parts: readonly string[]): RegExp {
  return new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${parts.map((p) => `(?:${p})`).join('|')})(?![\\p{L}\\p{N}])`,
    'u',
  );
}

/**
 * An intention: a main claim in the future or the conditional, or a wish or an obligation still to meet
 * (« il faudra être plus réactifs », « la rentabilité s'améliorera car… », « nous voulons mettre en place une
 * consigne », « il serait intéressant de… », « regarder si on peut… », « we will ask »). Folded text. Only the
 * first clause counts: « nous avons choisi Excel car cela permettra de… » reports a decision taken, and its
 * future consequence does not make it an intention.
 */
const INTENTION = wordAlternation([
  // Impersonal obligations and judgements still to meet.
  'il (?:faudra|faudrait|conviendra|conviendrait|serait|sera (?:utile|interessant|important|necessaire|bon))',
  // A pronoun subject, its clitics, and a verb in the future or the conditional (« nous lancerons »,
  // « on pourrait », « elle démarchera », « je leur proposerai »).
  "(?:je |j'|nous |on |il |elle |ils |elles |cela |ce |ca )(?:(?:ne|y|en|le|la|les|lui|leur|nous|vous|se|me) |(?:n|l|s|m)')*[\\p{L}]{2,}(?:rai|ra|rons|ront|rait|rions|raient)",
  // Modals of the future or the conditional after any subject (« le salon permettra », « l'entreprise devra »).
  '(?:devra|devront|devrait|devraient|pourra|pourront|pourrait|pourraient|permettra|permettront|permettrait|permettraient|sera|seront|serait|seraient|aura|auront|aurait|auraient)',
  // Any verb in the future or the conditional of the regular conjugations (« la rentabilité s'améliorera »,
  // « les ventes baisseront »); a few nouns end the same way.
  '(?!(?:camera|opera|ere|ira)(?![\\p{L}]))[\\p{L}]{2,}(?:era|eront|erait|eraient|ira|iront|irait|iraient)',
  // Wishes and plans not yet carried out.
  '(?:nous|je|on) (?:voulons|veux|veut|souhaitons|souhaite|comptons|compte|envisageons|envisage|aimerions|aimerais|esperons|espere)',
  'regarder si|voir si|reflechir a',
]);

/** The sentence's main claim is an intention (`INTENTION`), not something the company is, has or did. */
export function isIntention(folded: string): boolean {
  const claim = mainClaim(folded);
  return INTENTION.test(claim) && !DATED.test(folded) && !isStandingRule(folded, claim);
}

/**
 * A future that states the company's rule, not a wish: an action in the indicative future, by the writer or
 * the company (« je reposerai la question », « nous relancerons le client », « Nadia bloquera la commande »),
 * bound to a condition that triggers it (« si les commerciaux doivent lire le tableau sur leur téléphone »,
 * « dès que l'écart dépasse 5 % », « en cas de retard »). That is how a control point or a decision rule is
 * written: what will be done whenever the condition occurs, a procedure the company set, and a jury counts it
 * (issue #16: serrures, a strong dashboard draft, lost K1, K4 and K6 3 -> 1–2, gold 3–4, on « je reposerai la
 * question si… »). A possibility or a hope stays an intention: a modal (« nous pourrons le refaire si le
 * challenge marche »), the conditional mood (« il pourrait remplir les creux »), a wish (« nous espérons »).
 */
function isStandingRule(folded: string, claim: string): boolean {
  if (WISH_OR_MODAL.test(claim) || !FUTURE_ACTION.test(claim)) return false;
  // The condition opens the sentence or stands in its main claim, not in a purpose clause (« pour savoir si
  // les clients sont contents »); « nous verrons si… », « je demanderai si… » ask a question, they set no rule.
  const opening = OPENING_SUBORDINATE.exec(folded);
  const condition =
    opening !== null && TRIGGER.test(opening[0])
      ? opening[0]
      : triggerClause(claim.replace(ASKS_WHETHER, ' '));
  // A rule's condition can be checked: it names what will be observed (« si les commerciaux doivent lire le
  // tableau sur leur téléphone », « si la marge baisse à cause du prix des amandes »), not a blank outcome
  // (« en cas d'écart », « si les résultats ne sont pas à la hauteur de nos attentes »: weak drafts' promise of
  // « actions correctives », still an intention).
  return condition !== null && (condition.match(LONG_WORD) ?? []).length >= RULE_CONDITION_WORDS;
}

/** The condition clause from its trigger to the next comma or the end, or null without a trigger. */
function triggerClause(text: string): string | null {
  const at = text.search(TRIGGER);
  return at < 0 ? null : text.slice(at).split(',')[0];
}

/** Words of five letters or more: the condition's content, past its articles, pronouns and auxiliaries. */
const LONG_WORD = /\p{L}{5,}/gu;
const RULE_CONDITION_WORDS = 4;

/** An indirect question (« nous verrons si », « pour savoir si »): its « si » asks, it sets no condition. */
const ASKS_WHETHER =
  /(?<![\p{L}\p{N}])(?:[\p{L}]{2,}(?:rai|ra|rons|ront)|savoir|voir|demander|verifier|regarder) si(?![\p{L}\p{N}])/gu;

/** A condition that triggers an action (« si », « dès que », « en cas de », « au-delà de », « sauf si »). */
const TRIGGER =
  /(?<![\p{L}\p{N}])(?:(?:si|s'il|s'ils|des que|en cas de|au-dela de|sauf si|tant que)(?![\p{L}\p{N}])|des qu'|en cas d'|au-dela d')/u;

/** A modal of possibility or obligation, the conditional mood, or a wish: a hope, not a rule. */
const WISH_OR_MODAL =
  /(?<![\p{L}\p{N}])(?:[\p{L}]+(?:rait|raient|rions|riez)|(?:pourr|devr|permettr|faudr|conviendr)\p{L}*|(?:nous|je|on) (?:voulons|veux|veut|souhaitons|souhaite|comptons|compte|envisageons|envisage|aimerions|aimerais|esperons|espere)|il (?:sera|serait) (?:utile|interessant|important|necessaire|bon))(?![\p{L}\p{N}])/u;

/** A verb in the indicative future, other than « être » and « avoir » (a state, not an action). */
const FUTURE_ACTION =
  /(?<![\p{L}\p{N}])(?!(?:sera|seront|serai|serons|aura|auront|aurai|aurons|camera|opera|ere|ira)(?![\p{L}]))[\p{L}]{2,}(?:rai|ra|rons|ront)(?![\p{L}\p{N}])/u;

/** A month, a weekday or a year: the step is placed in time, a plan rather than a wish. */
const DATED =
  /(?<![\p{L}\p{N}])(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|(?:19|20)\d\d)(?![\p{L}\p{N}])/u;

/**
 * A gap the draft admits: its main claim says the work was not done (« nous n'avons pas encore comparé les
 * canaux », « je n'ai pas isolé ces quatre jours », « sans vraiment avoir préparé jusqu'où aller », « aucun
 * diagnostic n'a été fait »). Folded text. A choice not to do something (« nous n'avons pas retenu ce salon
 * car… ») is a decision, not a gap.
 */
const ADMITTED_GAP = wordAlternation([
  "(?:nous|je|j'|on) n'(?:avons|ai|a|avions|avais|avait) (?:pas|jamais|rien|encore rien|pas encore|pas vraiment|pas eu le temps)(?! (?:retenu|choisi|garde|souhaite|voulu|accepte|cede|signe)(?![\\p{L}]))",
  '(?:nous|je|on) ne (?:savons|sais|sait|connaissons|connais|connait|pouvons|peux|peut) pas',
  "n'(?:a|ont) pas (?:encore )?ete (?:fait|faite|faits|faites|mis|mise|realise|realisee|analyse|analysee|calcule|calculee|mesure|mesuree)",
  "pas encore|sans (?:vraiment )?avoir|aucune? (?:\\p{L}+ )?(?:n'a|n'ont|n'est|n'etait)",
]);

/** The sentence's main claim admits the work was not done (`ADMITTED_GAP`). */
export function isAdmittedGap(folded: string): boolean {
  return ADMITTED_GAP.test(mainClaim(folded));
}
