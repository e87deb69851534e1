/**
 * The curated catalogue of methods a candidate can use in a dossier (PESTEL, SONCAS, business plan…): data
 * only, read by `methods.ts`. Nothing here is generated: every explanation is written and reviewed by hand.
 * A method that is named the way a lexicon concept is named takes that concept's patterns (`termsOf`)
 * rather than restating them, so the brief and the analyzer recognise the same wording.
 */
import type { ConceptId } from '../reviews';

/** A curated method: what it is, how to use it well, which concepts it serves, and how the jury probes it. */
export interface MethodDefinition {
  /** Stable id (kebab-case). */
  id: string;
  /** Name as candidates know it. */
  name: string;
  /** What the method is (French, one or two sentences, accurate). */
  what: string;
  /** How to use it well in a dossier (French, one or two sentences). */
  how: string;
  /** Lexicon concepts the method serves: a criterion or deliverable expecting one of them is served. */
  concepts: readonly ConceptId[];
  /** Extra patterns (lexicon syntax, folded) matched against the wording of criteria and deliverables. */
  terms?: readonly string[];
  /** A lexicon concept whose French patterns name this method too (matched like `terms`). */
  termsOf?: ConceptId;
  /** Advice for one exam, by stable exam id: why and where this method matters in that dossier. */
  tips?: Readonly<Record<string, string>>;
  /** For the oral: a question a jury asks about the method, and what a strong answer contains. */
  jury: { question: string; strongAnswer: readonly string[] };
}

/** The curated catalogue, in a stable order (used for ties). */
export const METHODS: readonly MethodDefinition[] = [
  {
    id: 'pestel',
    name: 'PESTEL',
    what: "Le PESTEL passe en revue le macro-environnement de l'entreprise selon six familles de facteurs : politiques, économiques, socioculturels, technologiques, écologiques et légaux.",
    how: "Pour chaque facteur, retenez deux ou trois faits datés et sourcés, qualifiez-les en opportunité ou en menace et concluez sur ceux qui pèsent vraiment sur l'activité : un tableau sans conclusion n'est pas une analyse.",
    concepts: ['pestel'],
    termsOf: 'pestel',
    tips: {
      'b1-diagnostics-strategiques':
        "C'est la base du diagnostic externe demandé en L3 : terminez par les deux ou trois facteurs qui conditionnent les choix stratégiques analysés en L4.",
      'b6-entrepreneuriat':
        'Utilisez-le pour montrer que le projet est réaliste dans son secteur (K1) : réglementation, tendances de consommation, technologies disponibles.',
    },
    jury: {
      question:
        "Parmi les facteurs de votre PESTEL, lesquels pèsent le plus sur l'entreprise, et quelle décision en tirez-vous ?",
      strongAnswer: [
        'Deux ou trois facteurs hiérarchisés, pas la liste complète',
        'Pour chacun, une donnée datée et sa source',
        "L'impact concret (opportunité ou menace) sur l'activité",
        'Le lien avec une orientation stratégique ou une préconisation du dossier',
      ],
    },
  },
  {
    id: 'porter',
    name: 'Cinq forces de Porter',
    what: "Le modèle des cinq forces de Michael Porter mesure l'intensité concurrentielle d'un secteur : rivalité entre concurrents, pouvoir de négociation des clients et des fournisseurs, menace des nouveaux entrants et des produits de substitution.",
    how: "Évaluez chaque force (faible, moyenne, forte) avec un fait chiffré, distinguez concurrents directs et indirects, puis concluez sur l'attractivité du secteur et sur la position de l'entreprise.",
    concepts: ['porter', 'concurrence'],
    tips: {
      'b1-diagnostics-strategiques':
        "Il complète le PESTEL dans le diagnostic externe (L3) et donne sa structure à l'analyse approfondie de la concurrence (L6).",
    },
    jury: {
      question: "Quelle force concurrentielle menace le plus l'entreprise, et comment s'en protège-t-elle ?",
      strongAnswer: [
        'La force la plus intense, justifiée par un fait chiffré',
        'Les concurrents directs et indirects nommés',
        "La réponse de l'entreprise (différenciation, coûts, alliances…)",
        "La conclusion sur l'attractivité du secteur",
      ],
    },
  },
  {
    id: 'swot',
    name: 'SWOT (forces, faiblesses, opportunités, menaces)',
    what: 'La matrice SWOT croise le diagnostic interne (forces et faiblesses) et le diagnostic externe (opportunités et menaces) pour en tirer des axes stratégiques.',
    how: 'Chaque item doit renvoyer à un élément démontré plus haut dans le dossier ; terminez par la matrice croisée (forces × opportunités, faiblesses × menaces…) qui débouche sur deux ou trois orientations.',
    concepts: ['swot'],
    tips: {
      'b1-diagnostics-strategiques':
        "Placez-le en conclusion des deux diagnostics (L3) : il fait le pont avec l'analyse des choix stratégiques (L4).",
      'b2-challenge-commercial':
        'Il montre que vos diagnostics « facilitent la prise de décisions » (K1) : chaque action du plan doit répondre à un croisement du SWOT.',
    },
    jury: {
      question: 'Quel axe stratégique tirez-vous du croisement de vos forces et des opportunités relevées ?',
      strongAnswer: [
        'Des items de SWOT issus de vos diagnostics, pas des généralités',
        'Le croisement explicite entre interne et externe',
        'Un axe stratégique priorisé et justifié',
        "Le lien avec le plan d'actions ou les préconisations",
      ],
    },
  },
  {
    id: 'chaine-valeur-vrio',
    name: 'Chaîne de valeur et VRIO',
    what: "La chaîne de valeur de Porter décompose l'activité en activités principales et de soutien ; la grille VRIO teste si une ressource a de la Valeur, est Rare, difficilement Imitable et exploitée par l'Organisation.",
    how: "Servez-vous-en pour le diagnostic interne : identifiez les activités et les ressources qui créent l'avantage concurrentiel, puis comparez-les aux facteurs clés de succès du secteur.",
    concepts: ['chaine_valeur', 'ressources_internes'],
    jury: {
      question:
        "Sur quelle ressource ou compétence repose l'avantage concurrentiel de l'entreprise, et est-il durable ?",
      strongAnswer: [
        'La ressource ou la compétence clé, nommée et décrite',
        'Le test VRIO : valeur, rareté, imitabilité, organisation',
        'La comparaison avec les facteurs clés de succès du secteur',
        'Ce qui pourrait menacer cet avantage',
      ],
    },
  },
  {
    id: 'entonnoir',
    name: 'Présentation en entonnoir',
    what: "La présentation en entonnoir va du plus large au plus précis : secteur et marché, puis groupe et entreprise, enfin l'unité d'affaires étudiée.",
    how: "À chaque niveau, donnez deux ou trois chiffres clés datés (taille, croissance, parts de marché, chiffre d'affaires, effectifs) et la transition qui justifie de passer au niveau suivant.",
    concepts: ['presentation_entreprise'],
    terms: ['entonnoir'],
    jury: {
      question: "Situez en une minute l'unité d'affaires étudiée dans son secteur et dans son groupe.",
      strongAnswer: [
        "Du secteur à l'unité d'affaires, dans cet ordre",
        'Deux ou trois chiffres clés datés à chaque niveau',
        "Ce qui distingue l'unité d'affaires de ses concurrents",
        'La transition vers la problématique du dossier',
      ],
    },
  },
  {
    id: 'bcg',
    name: 'Matrice BCG',
    what: "La matrice du Boston Consulting Group classe les domaines d'activité stratégique (DAS) selon la croissance de leur marché et la part de marché relative de l'entreprise : vedettes, vaches à lait, dilemmes et poids morts.",
    how: "Identifiez d'abord les DAS de l'entreprise, placez-les avec des données chiffrées, puis déduisez-en l'équilibre du portefeuille et les choix d'investissement ou de désengagement ; signalez ses limites (marchés mal délimités, synergies ignorées).",
    concepts: ['das'],
    terms: ["portefeuille d'activites", "domaines? d'activite*"],
    jury: {
      question: "Le portefeuille d'activités de l'entreprise est-il équilibré ? Où investiriez-vous ?",
      strongAnswer: [
        'Les DAS identifiés et placés avec des chiffres',
        'Le rôle de chaque DAS : financer, croître ou être abandonné',
        "Le lien avec les choix stratégiques de l'entreprise",
        'Les limites de la matrice',
      ],
    },
  },
  {
    id: 'ansoff',
    name: "Matrice d'Ansoff",
    what: "La matrice d'Ansoff décrit les options de croissance selon que l'entreprise vise des produits et des marchés actuels ou nouveaux : pénétration de marché, développement de marché, développement de produit, diversification.",
    how: "Situez les choix stratégiques de l'entreprise dans la matrice, justifiez-les par les diagnostics et précisez leur mode de mise en œuvre (croissance interne, acquisition, alliance).",
    concepts: ['choix_strategiques'],
    terms: ['ansoff'],
    jury: {
      question:
        "Quelle option de croissance l'entreprise a-t-elle choisie, et en quoi est-elle cohérente avec son diagnostic ?",
      strongAnswer: [
        "L'option nommée : pénétration, développement de marché ou de produit, diversification",
        'Sa justification par le diagnostic interne et externe',
        'Le mode de développement : interne, externe ou alliance',
        'Le lien avec la mission, la vision et la stratégie commerciale',
      ],
    },
  },
  {
    id: 'mendelow',
    name: 'Cartographie des parties prenantes (matrice de Mendelow)',
    what: 'La matrice pouvoir/intérêt de Mendelow classe les parties prenantes internes et externes en quatre groupes : acteurs clés à associer étroitement, acteurs à satisfaire, à tenir informés, ou à simplement surveiller.',
    how: 'Listez les parties prenantes, précisez pour chacune ses attentes, son pouvoir et son intérêt, repérez les objectifs convergents et contradictoires, puis déduisez-en la manière de les impliquer ou de communiquer avec elles.',
    concepts: ['parties_prenantes', 'interets_pp', 'communication_pp'],
    jury: {
      question: 'Quelle partie prenante peut le plus freiner le développement, et comment la gérez-vous ?',
      strongAnswer: [
        'La partie prenante nommée et placée dans la matrice pouvoir/intérêt',
        "Ses attentes et leurs divergences avec celles de l'entreprise",
        "L'impact concret sur le développement commercial",
        "L'action ou le mode de communication proposé",
      ],
    },
  },
  {
    id: 'veille',
    name: 'Dispositif de veille et critique des sources',
    what: 'Un dispositif de veille organise la collecte des informations : axes surveillés, sources primaires et secondaires, outils (alertes, agrégateurs de flux, bases de données, IA), fréquence, traitement et diffusion.',
    how: 'Décrivez votre méthode comme un cycle (besoin, collecte, analyse, diffusion) et justifiez la fiabilité de chaque source clé (auteur, date, recoupement) ; citez vos sources dans le texte, pas seulement en bibliographie.',
    concepts: ['veille', 'sources'],
    tips: {
      'b1-diagnostics-strategiques':
        "Le critère K1 note la méthodologie de veille elle-même : ne vous contentez pas d'une liste de sources en fin de dossier.",
      'b1-audit-rse':
        'Le rapport de veille réglementaire (L1) doit dater chaque texte et préciser à partir de quand et à qui il s’applique.',
    },
    jury: {
      question: 'Comment avez-vous vérifié la fiabilité des informations que vous présentez ?',
      strongAnswer: [
        'Les sources principales nommées, primaires et secondaires',
        'Les critères de fiabilité appliqués : auteur, date, recoupement',
        'Les outils et la fréquence de la veille',
        'Un exemple d’information écartée ou corrigée grâce au recoupement',
      ],
    },
  },
  {
    id: 'cartographie-risques',
    name: 'Cartographie des risques',
    what: 'La cartographie des risques recense les risques (marché, financiers, juridiques, opérationnels, RSE, image…) et les classe selon leur probabilité et leur impact pour hiérarchiser les actions.',
    how: "Présentez-la sous forme de matrice probabilité × impact, avec pour chaque risque majeur une mesure de prévention ou d'atténuation, un responsable et un indicateur d'alerte.",
    concepts: ['risques'],
    jury: {
      question:
        "Quel est le risque le plus critique pour l'entreprise, et que proposez-vous pour le maîtriser ?",
      strongAnswer: [
        'Le risque nommé, avec sa probabilité et son impact estimés',
        'Ce qui fonde cette estimation : un fait, un chiffre, un précédent',
        "La mesure de prévention ou d'atténuation et son coût",
        "L'indicateur qui alerterait de sa survenue",
      ],
    },
  },
  {
    id: 'business-model-canvas',
    name: 'Business Model Canvas',
    what: "Le Business Model Canvas (Osterwalder et Pigneur) décrit en neuf blocs comment l'entreprise crée, délivre et capte de la valeur : segments de clientèle, proposition de valeur, canaux, relation client, flux de revenus, ressources clés, activités clés, partenaires clés et structure de coûts.",
    how: "Remplissez les neuf blocs avec des éléments propres à l'entreprise, pas des généralités, puis commentez la cohérence d'ensemble : d'où vient la marge, quelles dépendances, quelles fragilités.",
    concepts: ['business_model'],
    termsOf: 'business_model',
    tips: {
      'b1-diagnostics-strategiques':
        "K7 demande une analyse « synthétique » : une page de canevas commenté vaut mieux qu'une description longue.",
      'b6-entrepreneuriat':
        'Il sert d’outil de conseil au lancement (L3) et prépare le business plan (L7) : chaque bloc doit se retrouver chiffré dans les prévisionnels.',
    },
    jury: {
      question:
        "Comment l'entreprise gagne-t-elle de l'argent, et quel bloc de son modèle est le plus fragile ?",
      strongAnswer: [
        'La proposition de valeur formulée pour un segment précis',
        'Les flux de revenus et la structure de coûts, chiffrés si possible',
        'Les ressources et partenaires clés dont dépend le modèle',
        'Le point de fragilité et ce qu’il implique pour la stratégie',
      ],
    },
  },
  {
    id: 'mix-marketing',
    name: 'Mix marketing (4P / 7P)',
    what: 'Le mix marketing décline l’offre en leviers cohérents : produit, prix, distribution et communication (les 4P), complétés pour les services par le personnel, les processus et les preuves physiques (7P).',
    how: 'Pour chaque levier, décrivez le choix de l’entreprise, justifiez-le par la cible et le positionnement, vérifiez la cohérence entre leviers et chiffrez ce qui peut l’être (prix, marge, budget de communication).',
    concepts: ['mix_marketing'],
    tips: {
      'b2-strategie-commerciale':
        'L2 veut un mix « porté au business plan » : chaque levier doit avoir sa traduction chiffrée (prix, volumes, budget).',
    },
    jury: {
      question: 'Quel levier du mix est décisif pour votre cible, et comment l’avez-vous chiffré ?',
      strongAnswer: [
        'Le levier désigné et relié à la cible et au positionnement',
        'La cohérence avec les autres leviers',
        'Des chiffres : prix, marge, budget',
        "L'effet attendu sur les ventes ou la part de marché",
      ],
    },
  },
  {
    id: 'persona',
    name: 'Persona',
    what: 'Un persona est le portrait d’un client type construit à partir de données réelles : profil, besoins, motivations, freins, critères de choix et canaux préférés.',
    how: 'Construisez deux ou trois personas à partir d’études ou d’entretiens que vous citez, puis servez-vous-en pour justifier le ciblage, le message et les canaux : un persona qui ne fonde aucune décision est décoratif.',
    concepts: ['personas', 'ciblage'],
    jury: {
      question: 'Qui est votre client cible prioritaire, et qu’est-ce qui le fait acheter ?',
      strongAnswer: [
        'Un persona précis, fondé sur des données citées',
        'Ses besoins, ses motivations et ses freins',
        'Le critère de choix décisif',
        "La conséquence sur l'offre, le message ou le canal",
      ],
    },
  },
  {
    id: 'parcours-client',
    name: 'Parcours client',
    what: 'Le parcours client décrit les étapes que vit un client, de la découverte du besoin à l’achat puis à la fidélisation et à la recommandation, avec à chaque étape ses points de contact, ses attentes et ses irritants.',
    how: 'Cartographiez le parcours réel, en ligne et hors ligne, d’un persona, repérez les irritants et les moments de vérité, puis proposez des actions ciblées sur ces étapes.',
    concepts: ['parcours_client', 'omnicanal'],
    jury: {
      question:
        "À quelle étape du parcours l'entreprise perd-elle le plus de clients, et que proposez-vous ?",
      strongAnswer: [
        'Les étapes du parcours et leurs points de contact',
        "L'irritant principal, appuyé par une donnée (taux, avis, verbatim)",
        "L'action corrective et son canal",
        "L'indicateur qui mesurera l'amélioration",
      ],
    },
  },
  {
    id: 'tunnel-vente',
    name: 'Tunnel de vente (pipeline commercial)',
    what: 'Le tunnel de vente suit les contacts de l’étape de suspect à celles de prospect, de lead qualifié, d’opportunité puis de client, avec un taux de conversion à chaque étape ; dans le CRM, il prend la forme du pipeline commercial.',
    how: 'Donnez les volumes et les taux de conversion de chaque étape, repérez où le tunnel fuit, et reliez chaque action de prospection ou chaque outil (CRM, automatisation) à l’étape qu’il améliore.',
    concepts: ['tunnel_vente', 'sourcing_leads', 'crm'],
    jury: {
      question: 'Quel est le taux de conversion de votre tunnel de vente, et où agiriez-vous en premier ?',
      strongAnswer: [
        'Les étapes du tunnel avec leurs volumes',
        'Les taux de conversion calculés',
        "L'étape la plus faible et son explication",
        "L'action ou l'outil proposé et le gain attendu",
      ],
    },
  },
  {
    id: 'segmentation-abc',
    name: 'Segmentation ABC et scoring des comptes',
    what: "La segmentation ABC classe les clients selon leur poids dans le chiffre d'affaires ou la marge (loi de Pareto : une minorité de clients fait souvent l'essentiel des ventes) ; le scoring note comptes et prospects selon leur potentiel et leur attractivité.",
    how: 'Présentez la structure réelle du portefeuille (répartition chiffrée), les critères et pondérations de votre scoring, puis les décisions qui en découlent : fréquence de contact, canal, ressources affectées à chaque segment.',
    concepts: ['portefeuille', 'scoring'],
    jury: {
      question:
        "Comment avez-vous segmenté le portefeuille, et qu'est-ce que cela change pour l'équipe commerciale ?",
      strongAnswer: [
        'Les critères de segmentation ou de scoring et leur pondération',
        'La répartition chiffrée du portefeuille',
        'Les segments prioritaires et pourquoi',
        'Des actions différenciées par segment : fréquence, canal, moyens',
      ],
    },
  },
  {
    id: 'smart',
    name: 'Objectifs SMART',
    what: 'Un objectif SMART est Spécifique, Mesurable, Atteignable, Réaliste et Temporellement défini : il dit quoi, combien, pour quand et comment on le mesurera.',
    how: 'Formulez chaque objectif du dossier selon ces cinq critères, reliez-le à un indicateur et à une cible chiffrée, et montrez qu’il découle des diagnostics et de la stratégie.',
    concepts: ['smart', 'objectifs_commerciaux'],
    tips: {
      'b1-audit-rse':
        'Les objectifs RSE (K1) et les indicateurs (K5) doivent être SMART : un objectif « réduire notre impact » sans cible ni échéance ne se pilote pas.',
    },
    jury: {
      question: 'Comment saurez-vous, et quand, que votre objectif principal est atteint ?',
      strongAnswer: [
        "L'objectif formulé de façon SMART",
        "L'indicateur et sa cible chiffrée",
        "L'échéance et les jalons intermédiaires",
        'La justification de son réalisme : historique, marché, moyens',
      ],
    },
  },
  {
    id: 'kpi-tableau-de-bord',
    name: 'Indicateurs clés (KPI) et tableau de bord',
    what: "Un tableau de bord commercial rassemble quelques indicateurs clés de performance (KPI) reliés aux objectifs : chiffre d'affaires, marge, taux de conversion, panier moyen, taux de fidélisation, coût d'acquisition…",
    how: "Pour chaque indicateur, donnez sa formule, sa source, sa fréquence de mise à jour, sa cible et l'action déclenchée en cas d'écart ; gardez ceux qui servent une décision et commentez les écarts observés.",
    concepts: ['kpi', 'tableau_bord', 'pilotage_performance', 'outils_pilotage'],
    tips: {
      'b5-pilotage-performance':
        "Le tableau de bord argumenté (L3) est le cœur de l'épreuve : montrez comment vous l'avez conçu (K2), mis à jour et analysé de façon autonome (K1, K5).",
    },
    jury: {
      question: 'Quel indicateur regardez-vous en premier chaque semaine, et que faites-vous s’il décroche ?',
      strongAnswer: [
        "L'indicateur, sa formule et sa source",
        "Sa cible et son seuil d'alerte",
        "L'analyse d'un écart réel ou simulé",
        "L'action corrective déclenchée et son responsable",
      ],
    },
  },
  {
    id: 'pdca',
    name: 'Roue de Deming (PDCA) et actions correctives',
    what: "La roue de Deming organise l'amélioration continue en quatre temps : planifier (Plan), mettre en œuvre (Do), contrôler (Check) et ajuster (Act).",
    how: "Appliquez-la à la performance commerciale : objectifs et plan, mise en œuvre, mesure des écarts avec vos indicateurs et points d'auto-contrôle, puis actions correctives datées avant un nouveau cycle.",
    concepts: ['amelioration_continue', 'ecarts_correctifs', 'autocontrole'],
    jury: {
      question:
        "Donnez un exemple d'écart détecté par vos indicateurs et de l'action corrective qui a suivi.",
      strongAnswer: [
        "L'écart chiffré et l'indicateur qui l'a révélé",
        "L'analyse de sa cause",
        "L'action corrective, son responsable et son échéance",
        "La mesure de l'effet de l'action (nouveau cycle)",
      ],
    },
  },
  {
    id: 'plan-actions-qqoqccp',
    name: "Plan d'actions (QQOQCCP)",
    what: "Un plan d'actions opérationnel répond pour chaque action aux questions Qui, Quoi, Où, Quand, Comment, Combien et Pourquoi (QQOQCCP).",
    how: "Présentez-le en tableau (action, objectif servi, responsable, échéance, moyens et budget, indicateur de résultat), hiérarchisez les actions et vérifiez que chacune découle d'un constat du dossier.",
    concepts: ['plan_action'],
    jury: {
      question:
        "Quelle est l'action prioritaire de votre plan, combien coûte-t-elle et qu'en attendez-vous ?",
      strongAnswer: [
        "L'action prioritaire et le constat dont elle découle",
        "Le responsable, l'échéance et les moyens",
        'Le budget et le résultat attendu, chiffré',
        "L'indicateur de suivi",
      ],
    },
  },
  {
    id: 'gestion-projet',
    name: 'Gestion de projet (Gantt, RACI)',
    what: 'Le diagramme de Gantt planifie les tâches et les jalons d’un projet dans le temps ; la matrice RACI précise pour chaque tâche qui la réalise (R), qui en répond et l’approuve (A), qui est consulté (C) et qui est informé (I).',
    how: 'Servez-vous-en pour montrer comment le projet est structuré et coordonné : étapes, jalons, rôle de chaque service (marketing, commercial, contrôle de gestion, communication), instances et rituels de suivi.',
    concepts: ['gestion_projet', 'coordination', 'plan_managerial_stand'],
    jury: {
      question: 'Comment avez-vous coordonné les différents services autour du projet ?',
      strongAnswer: [
        'Les étapes et les jalons du projet',
        'Le rôle de chaque service (RACI)',
        'Les instances et les outils de coordination',
        'Une difficulté de coordination rencontrée et sa résolution',
      ],
    },
  },
  {
    id: 'calcul-couts',
    name: 'Méthodes de calcul des coûts',
    what: 'Les principales méthodes sont le coût complet (toutes les charges, directes et indirectes, réparties sur les produits), le coût variable, qui dégage la marge sur coût variable, et la méthode ABC, qui répartit les charges indirectes selon les activités consommées.',
    how: 'Comparez au moins deux méthodes sur une même offre, montrez ce que chacune change à la décision (prix, arbitrage entre offres) et indiquez les hypothèses retenues.',
    concepts: ['couts'],
    tips: {
      'b5-pilotage-performance':
        'L6 demande des « scénarii » : présentez au moins deux méthodes et deux jeux d’hypothèses, et reliez-les à la rentabilité et au risque (L7, K9).',
    },
    jury: {
      question: 'Pourquoi avoir retenu cette méthode de calcul des coûts, et que changerait une autre ?',
      strongAnswer: [
        'La méthode retenue et ses hypothèses',
        'La comparaison chiffrée avec une autre méthode',
        "L'effet sur une décision : prix, marge, arbitrage",
        'Les limites de la méthode',
      ],
    },
  },
  {
    id: 'seuil-rentabilite-roi',
    name: 'Seuil de rentabilité et retour sur investissement',
    what: "Le seuil de rentabilité est le chiffre d'affaires à partir duquel l'activité couvre toutes ses charges (charges fixes divisées par le taux de marge sur coût variable) ; le retour sur investissement rapporte le gain d'une action à son coût.",
    how: 'Calculez-les pour vos actions et budgets avec des hypothèses explicites, ajoutez un scénario prudent et un scénario ambitieux, et concluez sur la décision : lancer, ajuster ou renoncer.',
    concepts: ['rentabilite', 'budget', 'retombees', 'projection'],
    jury: {
      question:
        'À partir de quand votre plan est-il rentable, et que se passe-t-il si les ventes sont inférieures de 20 % ?',
      strongAnswer: [
        'Le seuil de rentabilité ou le retour sur investissement calculé',
        'Les hypothèses chiffrées et leur source',
        'Un scénario dégradé et son effet',
        'La décision qui en découle',
      ],
    },
  },
  {
    id: 'business-plan',
    name: 'Business plan',
    what: 'Le business plan présente un projet et démontre sa viabilité : marché et concurrence, offre, stratégie commerciale et marketing, équipe, plan d’actions, puis prévisionnels financiers (compte de résultat, plan de financement, trésorerie), en général sur trois ans.',
    how: 'Rendez chaque chiffre traçable jusqu’à une hypothèse justifiée (taille de marché, taux de conversion, prix), présentez le besoin de financement et son origine, et testez un scénario pessimiste.',
    concepts: ['business_plan', 'financement', 'viabilite'],
    termsOf: 'business_plan',
    tips: {
      'b6-entrepreneuriat':
        'Il porte les critères K7 à K9 : des composantes chiffrées et argumentées, et une crédibilité suffisante pour que des investisseurs s’engagent.',
      'b2-strategie-commerciale':
        'Le mix marketing et la stratégie commerciale doivent y être « portés » (L2) : chiffrez l’effet attendu de chaque levier.',
    },
    jury: {
      question:
        'Sur quelle hypothèse repose surtout votre business plan, et que devient-il si elle ne se vérifie pas ?',
      strongAnswer: [
        "L'hypothèse clé et sa justification : étude, chiffre, source",
        "Les prévisionnels : chiffre d'affaires, résultat, trésorerie",
        'Le besoin de financement et son origine',
        'Le scénario pessimiste et le point mort',
      ],
    },
  },
  {
    id: 'soncas-simac',
    name: 'SONCAS / SIMAC',
    what: "SONCAS classe les motivations d'achat d'un client : Sécurité, Orgueil, Nouveauté, Confort, Argent, Sympathie (SONCASE y ajoute l'Environnement). SIMAC structure un argument : Situation, Idée, Mécanisme, Avantages, Conclusion.",
    how: "Servez-vous de SONCAS pendant la découverte pour repérer les motivations dominantes de l'interlocuteur, puis construisez avec SIMAC des arguments qui y répondent ; montrez-le sur un cas réel, avec les questions posées et les réponses obtenues.",
    concepts: ['soncas_simac', 'decouverte'],
    termsOf: 'soncas_simac',
    tips: {
      'b4-negociation-complexe':
        "Utilisez-le dans le plan de découverte (L3) pour cerner le profil du client (K1, K2), puis reprenez ses motivations dans l'argumentaire et la réponse aux objections (L6).",
      'b3-salon-commercial':
        "Il structure la simulation d'échange avec un prospect sur le stand (L5, K7) : questions de découverte, motivation repérée, argument adapté.",
    },
    jury: {
      question:
        'Quelle était la motivation dominante de votre interlocuteur, et comment avez-vous adapté votre argumentation ?',
      strongAnswer: [
        'La motivation SONCAS identifiée et les indices qui l’ont révélée',
        'Les questions de découverte posées',
        'Un argument construit avec SIMAC ou CAB',
        'La réaction du client et la suite donnée',
      ],
    },
  },
  {
    id: 'plan-decouverte',
    name: 'Plan de découverte (questionnement en entonnoir)',
    what: "Le plan de découverte prépare les questions de l'entretien, des questions ouvertes vers les questions fermées (technique de l'entonnoir), pour comprendre la situation, les besoins, les enjeux, les décideurs et le budget du prospect.",
    how: "Préparez votre guide de questions par thème (contexte, besoins, critères de décision, processus d'achat, budget), prévoyez la reformulation et montrez comment les réponses orientent la suite de la négociation.",
    concepts: ['decouverte', 'profil_client', 'entretien'],
    jury: {
      question: 'Quelles questions posez-vous pour identifier le vrai décideur et son budget ?',
      strongAnswer: [
        'Des questions ouvertes puis fermées, classées par thème',
        "L'identification des acteurs de la décision : utilisateur, prescripteur, décideur",
        'La reformulation des besoins',
        'Le lien entre les réponses obtenues et la proposition faite',
      ],
    },
  },
  {
    id: 'traitement-objections-crac',
    name: 'Traitement des objections (méthode CRAC)',
    what: "La méthode CRAC traite une objection en quatre temps : Creuser pour comprendre ce qu'elle recouvre, Reformuler, Argumenter, puis Contrôler que la réponse a convaincu.",
    how: 'Recensez les objections probables (prix, délai, concurrent, risque), préparez pour chacune une réponse argumentée et une preuve (chiffre, référence client, garantie), et illustrez-les par un échange réel ou simulé.',
    concepts: ['objections', 'argumentaire'],
    jury: {
      question: 'Le client vous dit « c’est trop cher » : que répondez-vous ?',
      strongAnswer: [
        'Creuser : comprendre à quoi le prix est comparé',
        "Reformuler l'objection",
        'Argumenter par la valeur (bénéfices, coût total, retour sur investissement) avec une preuve',
        "Contrôler l'accord avant de poursuivre",
      ],
    },
  },
  {
    id: 'negociation-raisonnee',
    name: 'Négociation raisonnée (méthode de Harvard)',
    what: "La négociation raisonnée (Fisher et Ury) sépare les personnes du problème, se concentre sur les intérêts plutôt que sur les positions, cherche des options à bénéfice mutuel et s'appuie sur des critères objectifs ; elle se prépare avec la MESORE (meilleure solution de rechange) de chaque partie et la zone d'accord possible.",
    how: "Montrez vos marges de manœuvre préparées (prix d'ouverture, objectif et plancher), les concessions possibles et les contreparties demandées, la MESORE des deux parties, et concluez sur un accord satisfaisant pour chacune.",
    concepts: ['negociation', 'marge', 'valeur_client'],
    jury: {
      question:
        'Quelle était votre solution de rechange si la négociation échouait, et quelles concessions étiez-vous prêt à faire ?',
      strongAnswer: [
        'La MESORE des deux parties',
        "Les prix d'ouverture, objectif et plancher",
        'Les concessions et leurs contreparties',
        "En quoi l'accord final crée de la valeur pour les deux parties",
      ],
    },
  },
  {
    id: 'closing',
    name: 'Techniques de closing',
    what: "Le closing transforme l'accord de principe en engagement : repérage des signaux d'achat, récapitulatif des bénéfices acceptés, conclusion alternative ou directe, levée des dernières objections et fixation de l'étape suivante.",
    how: 'Décrivez un closing précis, réel ou simulé : signaux repérés, formule de conclusion employée, dernière objection levée, engagement obtenu (commande, signature, rendez-vous) et suivi prévu.',
    concepts: ['closing'],
    tips: {
      'b4-negociation-complexe':
        "L4 demande un exemple de processus de closing et K5 sa démonstration : montrez l'échange lui-même, pas une définition.",
    },
    jury: {
      question: 'À quel signal avez-vous su que le client était prêt à signer, et comment avez-vous conclu ?',
      strongAnswer: [
        "Les signaux d'achat verbaux et non verbaux repérés",
        'La technique de conclusion employée',
        'La dernière objection et sa levée',
        "L'engagement obtenu et le suivi prévu",
      ],
    },
  },
  {
    id: 'appel-offres',
    name: "Réponse à un appel d'offres",
    what: "Répondre à un appel d'offres suppose d'analyser le cahier des charges et le dossier de consultation (règlement, exigences techniques, critères de jugement et leur pondération, délais), de décider d'y aller ou non (go/no-go), puis de construire une offre conforme et différenciante.",
    how: 'Présentez une grille d’analyse du cahier des charges (besoins exprimés et implicites, exigences, critères de sélection, risques), puis une réponse point par point : solution, prix, planning, références, mémoire technique.',
    concepts: ['appel_offres', 'cahier_charges'],
    tips: {
      'b4-negociation-complexe':
        "Elle couvre L1 et L7 : K7 note la rationalité de votre méthode d'analyse du cahier des charges, K8 la précision et la complétude de la réponse.",
    },
    jury: {
      question:
        "Quel critère de sélection de l'acheteur avez-vous jugé décisif, et comment votre réponse y répond-elle ?",
      strongAnswer: [
        'Les critères de jugement et leur pondération',
        'Les exigences du cahier des charges reprises point par point',
        'La décision go/no-go justifiée',
        "L'élément différenciant de l'offre et son prix",
      ],
    },
  },
  {
    id: 'argumentaire-cab',
    name: 'Argumentaire CAB (caractéristiques, avantages, bénéfices)',
    what: "La méthode CAB relie chaque caractéristique de l'offre à l'avantage qu'elle procure puis au bénéfice concret pour le client, et l'appuie sur une preuve.",
    how: "Construisez l'argumentaire à partir des besoins découverts (une caractéristique n'est un argument que si elle répond à une attente du client) et ajoutez une preuve : chiffre, témoignage, démonstration.",
    concepts: ['argumentaire', 'differenciation', 'offre_commerciale', 'supports_com'],
    jury: {
      question:
        'Quel est votre argument le plus fort face au principal concurrent, et sur quelle preuve repose-t-il ?',
      strongAnswer: [
        "La caractéristique, l'avantage et le bénéfice pour le client",
        'Le besoin du client auquel il répond',
        'La preuve : chiffre, référence, démonstration',
        "La différence avec l'offre concurrente",
      ],
    },
  },
  {
    id: 'social-selling',
    name: 'Social selling',
    what: 'Le social selling utilise les réseaux sociaux professionnels, LinkedIn surtout, pour repérer, approcher et convaincre des prospects ; LinkedIn le mesure avec son Social Selling Index, fondé sur quatre piliers : marque professionnelle, recherche des bons interlocuteurs, partage d’informations utiles, construction de relations.',
    how: 'Recommandez un dispositif concret : profils des commerciaux, ligne éditoriale, routines d’interaction, outils (Sales Navigator, CRM), objectifs et indicateurs (SSI, taux d’acceptation, rendez-vous obtenus, chiffre d’affaires influencé).',
    concepts: ['social_selling'],
    tips: {
      'b3-prospection':
        'K7 note des recommandations « à la direction » : présentez-les comme une décision à prendre, avec moyens, calendrier et résultats attendus.',
    },
    jury: {
      question: 'Comment mesurez-vous ce que le social selling rapporte à l’entreprise ?',
      strongAnswer: [
        'Le dispositif : qui publie quoi, à quelle fréquence, pour quelle cible',
        'Les outils utilisés',
        "Les indicateurs : SSI, taux d'acceptation, rendez-vous, chiffre d'affaires influencé",
        'Un résultat obtenu ou un objectif chiffré',
      ],
    },
  },
  {
    id: 'mesure-satisfaction',
    name: 'Mesure de la satisfaction (NPS, CSAT)',
    what: 'Le Net Promoter Score mesure la propension à recommander : pourcentage de promoteurs (notes 9 et 10) moins pourcentage de détracteurs (notes 0 à 6) ; le CSAT mesure la satisfaction après une interaction.',
    how: 'Précisez le dispositif de mesure (question posée, moment, échantillon), donnez les résultats et leur évolution, et reliez-les à des actions de fidélisation.',
    concepts: ['satisfaction', 'fidelisation'],
    jury: {
      question:
        'Comment mesurez-vous la satisfaction de vos clients, et qu’avez-vous changé grâce à cette mesure ?',
      strongAnswer: [
        "L'outil de mesure et son protocole",
        'Les résultats chiffrés et leur évolution',
        "L'analyse des causes d'insatisfaction",
        'Les actions de fidélisation qui en découlent',
      ],
    },
  },
  {
    id: 'esg-csrd',
    name: 'Critères ESG et CSRD',
    what: "Les critères ESG évaluent la performance extra-financière d'une entreprise sur trois piliers : environnement, social et gouvernance. La directive européenne CSRD (2022/2464) encadre le rapport de durabilité selon les normes ESRS et le principe de double matérialité : les impacts de l'entreprise sur son environnement, et les risques et opportunités de durabilité pour l'entreprise.",
    how: 'Structurez objectifs et indicateurs par pilier E, S et G, vérifiez quelles obligations s’appliquent réellement à l’entreprise selon sa taille et son secteur (CSRD, dont le calendrier a été révisé en 2025, devoir de vigilance, loi AGEC, bilan des émissions de gaz à effet de serre…) et appuyez-vous sur des référentiels reconnus (ISO 26000, labels) plutôt que sur des déclarations.',
    concepts: ['esg', 'csrd_taxonomie', 'lois_rse', 'indicateurs_rse', 'bilan_carbone', 'normes_labels'],
    terms: ['esg', 'csrd'],
    tips: {
      'b1-audit-rse':
        "Structurez vos objectifs RSE par pilier E, S et G (K1, K4), puis confrontez les résultats de l'audit aux obligations applicables et aux attentes des acheteurs (K2, K3).",
      'b5-pilotage-performance':
        'Pour L8 et K10, intégrez deux ou trois indicateurs ESG au tableau de bord et montrez leur effet sur les décisions commerciales.',
    },
    jury: {
      question:
        "Quelles obligations RSE s'appliquent réellement à l'entreprise, et comment votre plan d'actions y répond-il ?",
      strongAnswer: [
        'Les textes applicables selon la taille et le secteur : CSRD, devoir de vigilance, loi AGEC…',
        'Les objectifs par pilier E, S et G et leurs indicateurs',
        "L'écart entre la situation auditée et les exigences",
        "Les actions prioritaires, leur calendrier et leur effet sur l'activité commerciale",
      ],
    },
  },
  {
    id: 'plan-communication',
    name: 'Plan de communication',
    what: "Un plan de communication précise, pour chaque cible, l'objectif, le message, les canaux et supports, le calendrier, le budget et les indicateurs d'efficacité.",
    how: 'Adaptez le message à chaque partie prenante (salariés, clients, investisseurs, pouvoirs publics) et appuyez-le sur des résultats vérifiables ; en matière de RSE, évitez les allégations vagues ou non prouvées (écoblanchiment), encadrées par la loi Climat et résilience et par la directive européenne 2024/825.',
    concepts: ['communication_pp', 'supports_com'],
    jury: {
      question:
        'Quel message adressez-vous à chaque partie prenante, par quel canal, et comment en mesurez-vous l’effet ?',
      strongAnswer: [
        'Les cibles et l’objectif de communication pour chacune',
        'Un message appuyé sur des résultats vérifiables',
        'Les canaux, le calendrier et le budget',
        "Les indicateurs d'efficacité",
      ],
    },
  },
  {
    id: 'dimensions-culturelles',
    name: 'Dimensions culturelles (Hofstede, Meyer)',
    what: 'Geert Hofstede compare les cultures nationales selon six dimensions : distance hiérarchique, individualisme, masculinité, contrôle de l’incertitude, orientation à long terme, indulgence. Erin Meyer (The Culture Map) décrit huit échelles des pratiques professionnelles : communiquer, évaluer, persuader, diriger, décider, faire confiance, exprimer un désaccord, gérer le temps.',
    how: 'Appliquez ces grilles à des cultures précises et à des situations vécues ou plausibles (réunion, feedback, négociation, prise de décision), sans généraliser en stéréotypes, et déduisez-en des adaptations concrètes de votre management ou de votre négociation.',
    concepts: ['intercultural_theory', 'cultural_differences', 'interculturel_nego', 'stereotypes'],
    terms: ['intercultur*', 'multiculturel*', 'culture d.un client etranger'],
    tips: {
      'b6-management-interculturel':
        "Citez les auteurs et appliquez leurs dimensions à deux ou trois cultures de l'équipe visée (K1, K4) ; rédigez ces analyses en anglais, comme tout le dossier.",
      'b4-negociation-complexe':
        'Si votre négociation est internationale (L2), comparez la culture du client à la vôtre sur deux ou trois dimensions et déduisez-en des adaptations concrètes : rythme, prise de décision, formalisme.',
    },
    jury: {
      question:
        'Décrivez une situation où une différence culturelle a créé un malentendu : comment l’avez-vous analysée et résolue ?',
      strongAnswer: [
        'Une situation précise, avec les cultures en présence',
        "L'analyse avec une grille nommée (Hofstede, Meyer, Hall)",
        "L'adaptation concrète de votre comportement",
        'Ce que vous en avez appris, sans stéréotype',
      ],
    },
  },
  {
    id: 'star',
    name: 'Méthode STAR',
    what: 'La méthode STAR présente une expérience en quatre temps : Situation, Tâche (ce qui était attendu de vous), Action (ce que vous avez fait vous-même) et Résultat, chiffré si possible.',
    how: "Appuyez votre CV, votre lettre de motivation et votre rapport sur des exemples STAR qui prouvent les compétences attendues d'un manager du développement commercial : résultats commerciaux, management d'équipe, adaptation à d'autres cultures.",
    concepts: ['cv_cover_letter', 'sales_profile', 'recruitment'],
    tips: {
      'b6-management-interculturel':
        "Rédigez vos exemples en anglais : K6 vérifie que le CV et la lettre font ressortir le profil visé, K5 la fluidité de l'anglais écrit et oral.",
    },
    jury: {
      question:
        'Racontez un résultat commercial dont vous êtes fier : la situation, votre rôle, vos actions et le résultat obtenu.',
      strongAnswer: [
        "La situation et l'enjeu, en une phrase",
        'Votre responsabilité propre (la tâche)',
        'Les actions que vous avez menées vous-même',
        'Le résultat chiffré et ce que vous en retenez',
      ],
    },
  },
  {
    id: 'integration-30-60-90',
    name: "Plan d'intégration à 30, 60 et 90 jours",
    what: "Le plan 30-60-90 jours découpe la prise de poste d'un manager en trois étapes : comprendre (écouter l'équipe, les clients, la culture de l'organisation), agir sur quelques priorités, puis déployer sa feuille de route.",
    how: "Décrivez pour chaque étape vos objectifs, les personnes à rencontrer, les pratiques culturelles à observer et les indicateurs qui montreront que l'intégration réussit.",
    concepts: ['onboarding', 'multicultural_team', 'mobility', 'agility_flexibility'],
    jury: {
      question:
        'Vous prenez demain la tête d’une équipe multiculturelle : que faites-vous pendant vos trente premiers jours ?',
      strongAnswer: [
        "Une phase d'écoute : équipe, clients, culture de l'organisation",
        'Des priorités limitées et justifiées',
        "Des adaptations aux pratiques culturelles de l'équipe",
        "Des indicateurs d'intégration réussie",
      ],
    },
  },
];
