/**
 * Référentiel « Manager du développement commercial » (RNCP), transcribed from the OCR of the certification's
 * referential (activités, compétences, évaluation). OCR errors are fixed, the wording is kept; every editorial
 * decision is listed in a `remarks` field (referential, bloc, activity or exam).
 */
import type { Referential } from '../types';

const HANDICAP =
  "Les épreuves écrites et orales peuvent être aménagées en fonction d'une éventuelle situation de handicap du candidat.";

const MAPPING_REMARK =
  "Le rattachement de chaque critère d'évaluation à des compétences est éditorial : le référentiel présente les compétences et les critères côte à côte, sans les relier un à un.";

export const managerDeveloppementCommercial: Referential = {
  id: 'manager-developpement-commercial',
  title: 'Manager du développement commercial',
  source:
    "Référentiel de la certification professionnelle « Manager du développement commercial » (RNCP) : référentiel d'activités, de compétences et d'évaluation, transcrit depuis l'OCR referentiel-manager-developpement-commercial.ocr.txt (PDF en trois colonnes : compétences, modalités d'évaluation, critères d'évaluation).",
  remarks: [
    "Les intitulés des blocs sont en majuscules sans accents dans la source : ils sont rendus en capitalisation française normale, accents rétablis (« Analyser les enjeux stratégiques et durables de l'entreprise »). Les capitales accentuées en début de phrase sont rétablies de même (« Évaluer », « Élaborer », « À partir »).",
    "Bloc 2 : le sommaire en tête du référentiel l'intitule « CONCEVOIR UNE STRATEGIE COMMERCIALE RESPONSABLE », le titre de sa section « CONCEVOIR UNE STRATEGIE COMMERCIALE DURABLE » ; c'est le titre de section qui est retenu.",
    "L'activité B6.A17 porte dans la source le même intitulé que B5.A14 (« Evaluation de la performance commerciale ») ; il est conservé tel quel.",
    "Le référentiel ne nomme pas d'étude de cas pour l'épreuve du bloc 5 (C46 à C56), ni pour l'épreuve de management interculturel du bloc 6 (C66 à C70) : leurs noms (« Pilotage de la performance commerciale », « Offre d'emploi — intégration d'une équipe multiculturelle ») sont éditoriaux.",
    MAPPING_REMARK,
    "Coquilles manifestes de la source corrigées : C8 « opportunités de croissante » → « croissance » ; C10 « de l'entrepris, » → « de l'entreprise, » ; C10 « co-contruction » → « co-construction » ; C34 « écosyteme » → « écosystème ».",
    "Maladresses de la source conservées telles quelles (ce sont des formulations, non des erreurs d'OCR) : C40 « du non verbale » ; C54 « valider la pertinence la stratégie commerciale » ; C18 « Identifier et Sélectionner » ; les accords et tournures signalés dans les remarques de chaque épreuve.",
    "Typographie uniformisée : apostrophe droite partout, points de suspension « … », guillemets « » avec espaces simples, « à » rétabli là où la source ou l'OCR écrit « a » ; point final ajouté aux compétences C27, C35, C55 et C58 qui en sont dépourvues ; pas de point final aux éléments de liste (livrables, critères), que la source ponctue de façon irrégulière.",
    "Les astérisques de renvoi de la source (« L'épreuve collective* », « le candidat* ») sont retirés du texte : la note à laquelle ils renvoient est reprise dans `modalities.vae`.",
  ],
  blocs: [
    {
      id: 'B1',
      title: "Analyser les enjeux stratégiques et durables de l'entreprise",
      activities: [
        {
          id: 'B1.A1',
          title: "Audit de l'environnement externe de l'entreprise et de la concurrence",
          competencies: [
            {
              id: 'C1',
              code: 'B1.A1.C1',
              text: "Repérer tous les facteurs du macro-environnement en auditant les aspects quantitatifs, qualitatifs, politiques, économiques, socio-culturels, technologiques, environnementaux et légaux, les tendances et évolutions, afin d'évaluer et analyser les opportunités économiques, risques et menaces qui pourraient impacter le développement commercial de l'entreprise/du produit ou gamme de produits.",
            },
            {
              id: 'C2',
              code: 'B1.A1.C2',
              text: "Organiser une veille informationnelle régulière de l'environnement concurrentiel de l'entreprise en mobilisant des outils adaptés comme ceux intégrant l'intelligence artificielle facilitant la collecte, traitement et synthèse des données et les aspects stratégiques sur les prévisions des tendances et rapports de ventes, relations clients et négociations, nécessaires à la rédaction du rapport final analytique pour formuler des préconisations à la Direction Générale.",
            },
            {
              id: 'C3',
              code: 'B1.A1.C3',
              text: "Évaluer la nature du(des) marché(s) sur le(s)quel(s) l'entreprise évolue, en identifiant les différentes parties prenantes externes (fournisseurs, concurrents directs et indirects, partenaires, clients…), leurs intérêts convergents ou divergents pour évaluer l'impact du développement commercial de l'entreprise sur les enjeux stratégiques et s'adapter à des mutations structurelles et conjoncturelles locales, nationales et internationales.",
            },
          ],
        },
        {
          id: 'B1.A2',
          title: "Étude des choix stratégiques de l'entreprise et de l'unité d'affaires",
          competencies: [
            {
              id: 'C4',
              code: 'B1.A2.C4',
              text: "Analyser les enjeux et choix stratégiques de l'entreprise en diagnostiquant les risques liés à son activité ainsi que les objectifs fixés à moyen-long terme pour les aligner avec les spécificités du marché et les attentes des clients garantissant une logique de croissance quantitative et qualitative.",
            },
            {
              id: 'C5',
              code: 'B1.A2.C5',
              text: "Évaluer la pertinence du business model de l'entreprise en auditant ses sources de revenus, valeur ajoutée, partenaires clés, clientèle, positionnement, domaines d'activités stratégiques (DAS) ainsi que le lien entre stratégie globale et stratégie commerciale pour garantir les finalités économiques, sociétales, sociales, environnementales et financières.",
            },
            {
              id: 'C6',
              code: 'B1.A2.C6',
              text: "Diagnostiquer les forces et faiblesses de l'entreprise en auditant son fonctionnement (Gouvernance, système managérial…) et en établissant un état des ressources humaines, matérielles, immatérielles, financières… dans un business plan, pour repérer et préconiser à la Direction Générale les points d'évolution prioritaires et les investissements nécessaires en termes de compétences managériales, transversales et métiers.",
            },
            {
              id: 'C7',
              code: 'B1.A2.C7',
              text: "Évaluer l'impact des parties prenantes internes sur la stratégie de développement commercial de l'entreprise, en analysant leurs intérêts divergents et convergents, pour co-créer une proposition de valeur les impliquant dans la réflexion sociétale et environnementale, en tant que moteurs de la marque.",
            },
            {
              id: 'C8',
              code: 'B1.A2.C8',
              text: "Détecter des opportunités de croissance et définir des axes stratégiques de développement de l'entreprise, à travers de nouveaux projets, clients ou partenaires, en alliant son expertise commerciale et ses compétences managériales et en jouant un rôle clé en stratégie, négociation, management et coordination, dans le cadre d'opportunités B2B ou B2C, pour atteindre les objectifs de développement commercial.",
            },
          ],
        },
        {
          id: 'B1.A3',
          title: 'Appropriation et planification des obligations légales liées à la RSE',
          competencies: [
            {
              id: 'C9',
              code: 'B1.A3.C9',
              text: "Associer les critères Environnementaux, Sociaux et de Gouvernance (du rapport d'audit ESG), à toutes les mesures et pratiques à intégrer dans la mise en place de la durabilité et anticiper leur impact dans l'organisation, afin de répondre au pilotage durable de l'entreprise.",
            },
            {
              id: 'C10',
              code: 'B1.A3.C10',
              text: "Auditer la politique RSE de l'entreprise, en évaluant les engagements pris en termes économique, social et environnemental, pour préconiser des objectifs prioritaires SMART en lien avec les enjeux de la direction générale, intégrant une démarche de co-construction avec la clientèle, les partenaires et fournisseurs.",
            },
            {
              id: 'C11',
              code: 'B1.A3.C11',
              text: "Analyser la cohérence entre la stratégie de l'entreprise, sa mission, sa raison d'être et ses valeurs, en collectant et traitant toutes les données internes en vue d'adapter la stratégie commerciale aux objectifs de développement globaux et nouveaux enjeux RSE, dans une vision « différenciante » et engageante.",
            },
            {
              id: 'C12',
              code: 'B1.A3.C12',
              text: "Anticiper les évolutions RSE en réalisant une veille sur les attentes sociétales afin de se positionner comme acteur de la transition auprès des cibles et d'adapter la stratégie commerciale aux exigences légales et normatives en vigueur ainsi qu'à la volonté des consommateurs d'aller vers un commerce plus éthique, plus transparent et plus responsable.",
            },
          ],
        },
      ],
    },
    {
      id: 'B2',
      title: 'Concevoir une stratégie commerciale durable',
      remarks: [
        'Le sommaire en tête du référentiel intitule ce bloc « CONCEVOIR UNE STRATEGIE COMMERCIALE RESPONSABLE » ; le titre de sa section, retenu ici, est « CONCEVOIR UNE STRATEGIE COMMERCIALE DURABLE ».',
      ],
      activities: [
        {
          id: 'B2.A4',
          title:
            'Intégration des enjeux et objectifs marketing pour construire la stratégie commerciale durable',
          competencies: [
            {
              id: 'C13',
              code: 'B2.A4.C13',
              text: "Analyser les piliers de la stratégie marketing sur la base d'études et enquêtes, en identifiant les segments de marché porteurs, le mix-marketing, les actions marketing déployées, les parcours d'achat, et en intégrant les principes de la RSE directement dans les parcours de vente, afin de bâtir la stratégie commerciale omnicanale chiffrée dans un business model et ses méthodes de commercialisation la plus adaptée aux objectifs de développement.",
            },
            {
              id: 'C14',
              code: 'B2.A4.C14',
              text: "Contribuer, en argumentant, à l'élaboration des produits et/ou services responsables apporteurs de valeur en travaillant en étroite collaboration avec les différents services Marketing, communication, finance, R&D…, afin de proposer des offres rentables, adaptées aux besoins des clients en termes de fonctionnalités mais également de durabilité et de respect de l'environnement.",
            },
            {
              id: 'C15',
              code: 'B2.A4.C15',
              text: "Bâtir une stratégie de relation client éthique en adoptant des pratiques commerciales durables et une communication transparente afin de satisfaire les clients, développer la réputation de l'entreprise, élargir l'influence de l'entreprise en matière de RSE, pour se démarquer de la concurrence et se positionner sur le marché.",
            },
          ],
        },
        {
          id: 'B2.A5',
          title:
            'Élaboration de la stratégie commerciale dans une logique de développement durable et éthique',
          competencies: [
            {
              id: 'C16',
              code: 'B2.A5.C16',
              text: "Construire une stratégie commerciale, en concertation avec l'équipe commerciale, centrée sur le client et ses besoins en participant à l'élaboration de propositions de valeur et en définissant un tunnel de vente pertinent pour atteindre les objectifs d'acquisition, de conversion, de vente et de fidélisation.",
            },
            {
              id: 'C17',
              code: 'B2.A5.C17',
              text: "Préconiser l'intégration de pratiques responsables dans la stratégie commerciale alignée sur les enjeux environnementaux et sociaux, en créant des relations pérennes avec les partenaires commerciaux et communautés de clients, afin de renforcer la compétitivité de l'entreprise tout en étudiant tous les risques et en minimisant son impact écologique.",
            },
            {
              id: 'C18',
              code: 'B2.A5.C18',
              text: "Identifier et Sélectionner des cibles commerciales les plus porteuses et de leurs personas en analysant leurs besoins, attentes et comportements d'achats, afin de définir les actions, argumentaires, discours et supports commerciaux, intégrant les objectifs RSE dans les parcours de vente, pour atteindre les cibles et les convaincre.",
            },
            {
              id: 'C19',
              code: 'B2.A5.C19',
              text: "Établir les objectifs commerciaux en les alignant avec les objectifs financiers mais également de développement durable et de responsabilité sociale de l'entreprise pour répondre à la fois aux enjeux de rentabilité et de durabilité.",
            },
          ],
        },
        {
          id: 'B2.A6',
          title: "Construction et déploiement du plan d'actions commerciales",
          competencies: [
            {
              id: 'C20',
              code: 'B2.A6.C20',
              text: "Construire un plan budgété d'actions commerciales en justifiant des actions marketing, commerciales et événementielles les plus pertinentes à mettre en œuvre pour répondre aux objectifs SMART et stratégiques de développement de l'entreprise tout en limitant leur impact environnemental.",
            },
            {
              id: 'C21',
              code: 'B2.A6.C21',
              text: "Définir les composantes d'une offre commerciale attractive, différenciante, en intégrant tous les éléments démontrant la bonne compréhension des besoins, des spécificités et des contraintes du client afin de garantir la progression de celui-ci dans le cycle de vente et influencer sa prise de décision.",
            },
            {
              id: 'C22',
              code: 'B2.A6.C22',
              text: "Justifier le plan d'actions commerciales et son budget auprès de la Direction Générale et des services support en présentant de manière régulière, sa progression et les résultats obtenus afin de garantir un suivi transparent dans l'entreprise et mesurer l'impact de l'I.A. sur le chiffre d'affaires et la croissance globale de l'entreprise, notamment en comparant les performances avant et après l'intégration de l'I.A.",
            },
            {
              id: 'C23',
              code: 'B2.A6.C23',
              text: "Estimer les retombées du plan d'actions commerciales à l'attention de la Direction Commerciale pour concevoir un plan prévisionnel d'activité, afin d'optimiser les choix stratégiques de l'entreprise à l'aide d'outils digitaux comme le tableur et en utilisant régulièrement les outils de l'Intelligence Artificielle, permettant l'auto-amélioration.",
            },
          ],
        },
      ],
    },
    {
      id: 'B3',
      title: "Déployer la stratégie commerciale de l'entreprise",
      activities: [
        {
          id: 'B3.A7',
          title: 'Développement du portefeuille client',
          competencies: [
            {
              id: 'C24',
              code: 'B3.A7.C24',
              text: "Analyser la structure de son portefeuille clients à activer et fidéliser, en construisant une matrice commerciale fiable, une cartographie des comptes clients cibles et en utilisant les outils de l'IA afin d'améliorer la segmentation, identifier le potentiel et le niveau de risque de chaque client grâce au scoring et plus généralement adapter les actions commerciales.",
            },
            {
              id: 'C25',
              code: 'B3.A7.C25',
              text: "Optimiser le processus de gestion de l'information client en exploitant efficacement les fonctionnalités du Customer Relationship Manager (CRM) de l'entreprise, en alignant les outils de l'I.A. sur les CRM, systèmes (messageries) et plateformes de vente, pour développer la connaissance client, améliorer l'approche commerciale, automatiser les tâches simples et répétitives et finalement augmenter les ventes.",
            },
            {
              id: 'C26',
              code: 'B3.A7.C26',
              text: "Préconiser des outils et/ou méthodes de développement commercial intégrant l'IA (Intelligence artificielle) en réalisant une veille active dédiée aux technologies innovantes pour permettre à l'entreprise d'être plus efficiente en matière de prospection de nouveaux comptes leads, des alliances, partenariats, licences et de gestion du portefeuille clients notamment grâce à l'automatisation des processus de vente (saisie de données, génération de rapports, gestion des leads, optimisation de l'agenda pour les RDV, salons commerciaux…).",
            },
            {
              id: 'C27',
              code: 'B3.A7.C27',
              text: "Identifier les salons professionnels comme une stratégie de représentation externalisée dynamique de l'entreprise sur des événements professionnels et de renforcement de sa visibilité et notoriété, en créant un lieu de rencontres stratégiques de prospection commerciale avec les équipes, de collecte d'informations qualifiées sur les tendances et des supports pour les canaux de communication, afin de conquérir de nouvelles parts de marché en élargissant le portefeuille client.",
            },
          ],
        },
        {
          id: 'B3.A8',
          title: "Organisation d'une stratégie de fidélisation",
          competencies: [
            {
              id: 'C28',
              code: 'B3.A8.C28',
              text: 'Consolider la relation client en offrant une expérience client optimale et en bâtissant une approche sur-mesure (offres commerciales…) pour augmenter la fidélisation, créer une véritable relation de proximité et un engagement durable.',
            },
            {
              id: 'C29',
              code: 'B3.A8.C29',
              text: "Enrichir le capital client de l'entreprise et développer son capital care, en planifiant les actions et le suivi régulier des clients, en mettant en œuvre une démarche ultra-personnalisée, grâce à des outils (type CRM…) pour apporter de la valeur, identifier de nouveaux besoins et satisfaire les clients.",
            },
            {
              id: 'C30',
              code: 'B3.A8.C30',
              text: 'Accompagner les clients dans leurs propres démarches RSE, en leur apportant un appui méthodique et organisationnel, dans une relation stratégique de co-construction, pour adapter les solutions proposées aux engagements environnementaux et sociaux de chacun.',
            },
            {
              id: 'C31',
              code: 'B3.A8.C31',
              text: "Organiser la mesure de la satisfaction client en élaborant un système d'évaluation quantitative et qualitative afin de repérer des points d'amélioration et mettre en œuvre des actions correctives.",
            },
          ],
        },
        {
          id: 'B3.A9',
          title: 'Mise en œuvre et déploiement de la prospection commerciale',
          competencies: [
            {
              id: 'C32',
              code: 'B3.A9.C32',
              text: "Identifier les leviers de croissance (segments de nouveaux prospects-clients) et les marchés porteurs en déléguant la qualification des bases, en exploitant différentes méthodes et outils (prospection, génération de leads…) pour alimenter le CRM, générer de nouvelles opportunités d'affaires et garantir la croissance de l'entreprise.",
            },
            {
              id: 'C33',
              code: 'B3.A9.C33',
              text: 'Développer les interactions avec les prospects en élaborant les messages et en sélectionnant les canaux de prospection traditionnels (e-mailing, téléphone, face à face…) et digitaux (Réseaux Sociaux, site Internet…) les plus pertinents afin de qualifier les contacts et faire évoluer le cycle de vente.',
            },
            {
              id: 'C34',
              code: 'B3.A9.C34',
              text: "Engager des actions de social-selling (à destination de l'écosystème digital, des réseaux sociaux et d'Internet), en utilisant la puissance des réseaux sociaux professionnels, des technologies (stack technique) et outils de vente (LinkedIn Sales Navigator), afin d'atteindre les bons décideurs au bon moment avec le bon message, de générer de la visibilité, de l'engagement, de la confiance vis-à-vis de l'entreprise et d'atteindre les objectifs de vente.",
            },
            {
              id: 'C35',
              code: 'B3.A9.C35',
              text: "Organiser une démarche de prospection envers les prescripteurs et apporteurs d'affaires rentables en créant une méthodologie adaptée autour de ce canal d'acquisition pour augmenter les opportunités commerciales.",
            },
          ],
        },
      ],
    },
    {
      id: 'B4',
      title: 'Conduire une négociation commerciale complexe',
      activities: [
        {
          id: 'B4.A10',
          title:
            'Préparation de la négociation commerciale complexe dans un cadre « Grands Comptes » ou « Business to Business »',
          competencies: [
            {
              id: 'C36',
              code: 'B4.A10.C36',
              text: "Élaborer une stratégie de mapping en répertoriant à partir du CRM et de recherches sur les réseaux sociaux professionnels toutes les informations utiles sur le profil du client, ses pratiques, ses besoins, son niveau de décision, les décisionnaires finaux… pour préparer et orienter l'entretien de négociation.",
            },
            {
              id: 'C37',
              code: 'B4.A10.C37',
              text: "Définir les étapes de la négociation commerciale, planifiées dans un cahier des charges, dans le respect des procédures mises en place, en déterminant les phases chronologiques (contact, ouverture de la négociation, échanges, propositions, accord et finalisation, suivi) et les différentes composantes conformes à la politique financière de l'entreprise (clauses de contrat, licences, prestations…), en anticipant les risques et pour en garantir le succès.",
            },
            {
              id: 'C38',
              code: 'B4.A10.C38',
              text: "Construire un plan de découverte personnalisé en s'appuyant sur des méthodes comme SIMAC et SONCAS pour bien appréhender l'ensemble des besoins, des motivations et des contraintes du client et lui proposer une solution sur-mesure.",
            },
            {
              id: 'C39',
              code: 'B4.A10.C39',
              text: "Analyser les règles de négociation à l'international en étudiant les différences culturelles, les façons de penser et d'agir, les aspects géopolitiques ou encore économiques pour préparer une négociation commerciale adaptée à la culture du client étranger et à ses spécificités.",
            },
          ],
        },
        {
          id: 'B4.A11',
          title: 'Déploiement et finalisation de la négociation commerciale',
          competencies: [
            {
              id: 'C40',
              code: 'B4.A11.C40',
              text: "Piloter l'entretien de négociation commerciale de manière pro-active en appliquant les principes de l'intelligence sociale (décryptage des modes de fonctionnement, des émotions, du non verbale…) pour traiter les objections, collecter des informations et garder le contrôle.",
            },
            {
              id: 'C41',
              code: 'B4.A11.C41',
              text: "Développer une approche gagnant-gagnant en utilisant les techniques de négociation commerciale les plus pertinentes pour aboutir à la conclusion d'un accord assurant la satisfaction du client et la préservation de la marge commerciale.",
            },
            {
              id: 'C42',
              code: 'B4.A11.C42',
              text: "Élaborer un processus de closing en répertoriant toutes les actions de finalisation de la vente, les méthodes et outils d'aide à la vente nécessaires pour valider l'accord commercial et obtenir un engagement contractuel de la part du client.",
            },
          ],
        },
        {
          id: 'B4.A12',
          title:
            "Proposition et négociation d'une solution commerciale dans le cadre d'un appel d'offre privé ou public",
          competencies: [
            {
              id: 'C43',
              code: 'B4.A12.C43',
              text: "Définir un process de réponse aux appels d'offres en élaborant une matrice des différentes étapes et actions à réaliser pour constituer un dossier respectant les procédures et règles spécifiques imposées par ces acheteurs.",
            },
            {
              id: 'C44',
              code: 'B4.A12.C44',
              text: "Élaborer une réponse comprenant un dossier de candidature et une offre commerciale en analysant tous les éléments du cahier des charges (contexte, besoins, contraintes, délais, budget…) et en effectuant des recherches complémentaires pour apporter une solution pertinente répondant aux attentes du donneur d'ordre et en intégrant l'I.A. dans le processus de réflexion autour de la proposition de valeur.",
            },
            {
              id: 'C45',
              code: 'B4.A12.C45',
              text: "Préparer une négociation en s'appropriant les techniques spécifiques des acheteurs privés ou publics et en décidant des efforts pouvant être consentis tout en conservant une rentabilité sur le projet et satisfaire à leurs critères de décision.",
            },
          ],
        },
      ],
    },
    {
      id: 'B5',
      title: 'Piloter le management de la performance commerciale',
      activities: [
        {
          id: 'B5.A13',
          title: 'Organisation du pilotage de la performance commerciale',
          competencies: [
            {
              id: 'C46',
              code: 'B5.A13.C46',
              text: "Intégrer à la performance commerciale, des objectifs SMART de performance globale, intégrant les dimensions sociales (diversité, inclusion…), sociétales et environnementales, afin de créer une valeur partagée avec les parties prenantes internes et externes de l'entreprise.",
            },
            {
              id: 'C47',
              code: 'B5.A13.C47',
              text: "Planifier l'activité commerciale opérationnelle en définissant un processus de contrôle et d'analyse des résultats commerciaux, financiers et de gestion pour assurer la productivité, la performance et la rentabilité des actions ainsi que la satisfaction client.",
            },
            {
              id: 'C48',
              code: 'B5.A13.C48',
              text: "Concevoir des indicateurs de performance (KPI) quantitatifs définis à partir de données financières mais également qualitatifs, alignés sur les enjeux et objectifs stratégiques de l'entreprise afin de mesurer, analyser et améliorer les performances commerciales, en fournissant des données précises et des analyses approfondies permettant de suivre et d'analyser l'engagement des clients et ajuster la stratégie commerciale en fonction des résultats (interactions et leur fréquence, réseaux sociaux…).",
            },
            {
              id: 'C49',
              code: 'B5.A13.C49',
              text: "Élaborer et utiliser avec agilité les outils de pilotage, toutes les fonctionnalités des outils numériques, l'I.A. et le dispositif d'analyse de la performance commerciale, pour suivre l'évolution des indicateurs et orienter les prises de décision, en construisant des tableaux de bord incluant les coûts, les taux de conversion, de fidélisation client, d'acquisition clients, les analyses des ventes, la rentabilité des actions de prospection, les résultats du suivi commercial de la force de vente et son CA, le suivi du planning de la production.",
            },
          ],
        },
        {
          id: 'B5.A14',
          title: 'Évaluation de la performance commerciale',
          competencies: [
            {
              id: 'C50',
              code: 'B5.A14.C50',
              text: "Piloter le développement commercial en analysant les indicateurs de performance commerciale, KPI quantitatifs de productivité et qualitatifs d'efficacité commerciales, les reportings hebdomadaires ou mensuels afin de s'assurer de l'atteinte des objectifs collectifs et individuels garants de la rentabilité et du retour sur investissement (ROI).",
            },
            {
              id: 'C51',
              code: 'B5.A14.C51',
              text: "Mesurer les écarts obtenus entre l'objectif prévisionnel et les résultats réels du tableau de bord de gestion commerciale en analysant les indicateurs en vue de déployer des actions correctives ou de réajustement.",
            },
            {
              id: 'C52',
              code: 'B5.A14.C52',
              text: "Calculer la rentabilité et le risque de chaque action marketing, commerciale et événementielle en évaluant le retour sur investissement pour identifier dans quelle mesure chacune a contribué à l'atteinte des objectifs quantitatifs et qualitatifs.",
            },
            {
              id: 'C53',
              code: 'B5.A14.C53',
              text: "Analyser la performance commerciale en intégrant l'évaluation de l'impact environnemental et sociétal des actions commerciales afin de garantir l'efficacité de la stratégie commerciale et de répondre aux engagements RSE pris par l'entreprise.",
            },
          ],
        },
        {
          id: 'B5.A15',
          title: 'Amélioration de la performance commerciale',
          competencies: [
            {
              id: 'C54',
              code: 'B5.A15.C54',
              text: "Argumenter auprès de la Direction Générale, les résultats commerciaux et l'impact RSE de l'entreprise en exploitant l'ensemble des données qualitatives et quantitatives afin de valider la pertinence la stratégie commerciale ou de l'ajuster.",
            },
            {
              id: 'C55',
              code: 'B5.A15.C55',
              text: "Préconiser des solutions en réalisant un audit interne et externe des pratiques commerciales permettant de repérer des axes de travail prioritaires pour optimiser l'efficacité, la performance commerciale et formaliser de nouveaux objectifs.",
            },
            {
              id: 'C56',
              code: 'B5.A15.C56',
              text: "Conduire une gestion de la performance durable en intégrant des critères quantitatifs et qualitatifs au process d'amélioration continue tels que le bien-être au travail ou la réduction de l'empreinte écologique, en appliquant les principes de l'inclusion et de la diversité, pour donner du sens au développement et apporter de la valeur aux clients.",
            },
          ],
        },
      ],
    },
    {
      id: 'B6',
      title: 'Manager des hommes dans le cadre de projets de développement commercial',
      activities: [
        {
          id: 'B6.A16',
          title: "Animation et coordination d'une équipe commerciale responsable",
          competencies: [
            {
              id: 'C57',
              code: 'B6.A16.C57',
              text: "Organiser le fonctionnement d'une unité d'affaires ou d'une équipe commerciale, en priorisant, planifiant et en répartissant les missions et activités, tout en tenant compte des compétences et des spécificités de chaque collaborateur dans le respect de l'inclusion et la diversité, afin d'assurer la réussite des projets individuels et collectifs et de répondre aux enjeux de développement de l'entreprise.",
            },
            {
              id: 'C58',
              code: 'B6.A16.C58',
              text: "Adopter un leadership responsable, éthique et inclusif, en veillant à l'intégrité de ses actions et de celles de son équipe, en encourageant une gestion collaborative et responsabilisante, en valorisant les réussites et en les mettant au profit de l'équipe, en favorisant l'échange intergénérationnel au sein de l'organisation, afin de favoriser la diversité, l'inclusion et l'équité dans les pratiques managériales et commerciales.",
            },
            {
              id: 'C59',
              code: 'B6.A16.C59',
              text: "Motiver l'équipe commerciale, en leur fournissant des éléments de langage avec des valeurs fortes, en accompagnant les collaborateurs dans l'intégration de la RSE et en les fédérant autour d'objectifs communs répondant aux enjeux financiers, environnementaux et sociaux, afin de renforcer l'engagement de chacun envers la raison d'être et la mission de l'entreprise.",
            },
            {
              id: 'C60',
              code: 'B6.A16.C60',
              text: 'Piloter les relations avec les collaborateurs en planifiant régulièrement des points individuels et collectifs synchrones ou asynchrones afin de répondre aux besoins de montée en compétences de chacun, mais également de veiller au bien-être, prévenir les risques psychosociaux, faciliter la gestion des conflits, éviter la résistance au changement ou repérer une potentielle démotivation.',
            },
          ],
        },
        {
          id: 'B6.A17',
          title: 'Évaluation de la performance commerciale',
          remarks: [
            "La source donne à cette activité le même intitulé qu'à B5.A14 (« Evaluation de la performance commerciale »), alors que ses compétences (C61, C62) portent sur la conception et la coordination de projets de développement commercial ; l'intitulé est conservé tel quel.",
          ],
          competencies: [
            {
              id: 'C61',
              code: 'B6.A17.C61',
              text: 'Concevoir des projets de développement commercial alignés avec la stratégie RSE en tenant compte des impacts sociaux, environnementaux et économiques dans le business plan, afin de garantir le caractère durable de chaque projet en cohérence avec les attentes des clients.',
            },
            {
              id: 'C62',
              code: 'B6.A17.C62',
              text: 'Coordonner les actions commerciales avec les projets marketing et communication en collaborant étroitement avec les services marketing, communication, le contrôle de gestion, voire la direction comptable/financière, pour maximiser les résultats et servir les intérêts de la société.',
            },
          ],
        },
        {
          id: 'B6.A18',
          title: 'Collaboration en coresponsabilité avec les parties prenantes internes et externes',
          competencies: [
            {
              id: 'C63',
              code: 'B6.A18.C63',
              text: "Collaborer dans une relation de confiance avec les équipes internes pour intégrer les critères RSE dans les projets commerciaux en co-construisant un cahier des charges validé par tous afin de favoriser l'adhésion des équipes de vente, de marketing, de production et des autres départements impliqués, aux objectifs d'un projet de développement durable et responsable.",
            },
            {
              id: 'C64',
              code: 'B6.A18.C64',
              text: "Impliquer les parties prenantes externes en les intégrant au processus de développement des produits/services afin d'assurer la cohérence des projets avec les attentes des clients, des partenaires, des fournisseurs et des communautés locales en matière de durabilité.",
            },
            {
              id: 'C65',
              code: 'B6.A18.C65',
              text: "Piloter les relations avec les parties prenantes en construisant un dialogue constant et constructif tout au long de la relation pour garantir l'alignement avec les objectifs et permettre à chacun d'atteindre ses objectifs.",
            },
          ],
        },
        {
          id: 'B6.A19',
          title: 'Accompagnement des équipes commerciales en intégrant la dimension humaine',
          competencies: [
            {
              id: 'C66',
              code: 'B6.A19.C66',
              text: "Réaliser des actions de communication commerciale internes ou externes, en français et en anglais, à l'attention des parties prenantes, en s'adaptant à ses différents interlocuteurs, dans le respect des principes de la responsabilité sociétale de l'entreprise en matière de diversité, d'inclusion et d'environnement, pour aider la Direction à informer sur le projet d'entreprise et expliquer ses choix.",
            },
            {
              id: 'C67',
              code: 'B6.A19.C67',
              text: "Présenter un projet managérial oralement, en français ou en anglais, de manière synthétique à la Direction de l'entreprise afin d'apporter des solutions aux problématiques organisationnelles et des conseils dans le cadre de recrutement de collaborateurs.",
            },
            {
              id: 'C68',
              code: 'B6.A19.C68',
              text: "Accompagner les collaborateurs dans l'évolution de leurs compétences (formation au processus de transition et à l'appropriation agile des outils numériques, l'I.A., les solutions d'automatisation des processus et l'utilisation des informations générées) et des talents et interagir en permanence avec les directions opérationnelles de l'entreprise, en récoltant leurs données et informations pour pouvoir ensuite partager les résultats commerciaux et aider l'équipe commerciale à rester réactive pour atteindre ses objectifs.",
            },
            {
              id: 'C69',
              code: 'B6.A19.C69',
              text: "Créer une culture de recrutement orientée vers la responsabilité sociale, en intégrant à chaque étape du recrutement des principes éthiques et responsables, afin de sélectionner avec anticipation et d'accompagner des profils commerciaux capables d'atteindre les objectifs de vente, tout en étant engagés dans la promotion de pratiques commerciales responsables et durables.",
            },
            {
              id: 'C70',
              code: 'B6.A19.C70',
              text: "Préparer la mobilité interne dans le cadre d'un projet à l'international de l'entreprise, en mettant en œuvre le plan de mobilité sur la base d'un diagnostic, afin d'accompagner la performance sociale des collaborateurs de l'équipe commerciale dans le respect de l'inclusion et de la diversité.",
            },
          ],
        },
      ],
    },
  ],
  exams: [
    {
      id: 'b1-diagnostics-strategiques',
      bloc: 'B1',
      case: 'Diagnostics stratégiques',
      competencies: ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8'],
      context: "À partir des données d'une entreprise réelle, le candidat doit présenter :",
      modalities: {
        mode: 'individual',
        groupSize: null,
        pages: 20,
        annexesExcluded: false,
        oralMinutes: 30,
        jury: 2,
        language: 'fr',
        vae: null,
        notes: [
          HANDICAP,
          'Le candidat est mis en situation professionnelle réelle sur une étude de cas « Diagnostics stratégiques ».',
          'Périmètre des évaluations : compétences C1 à C8.',
          "L'épreuve individuelle est écrite, un dossier structuré et illustré de 20 pages doit être présenté oralement face à un jury professionnel (2 personnes) (30 minutes).",
        ],
      },
      deliverables: [
        { id: 'L1', text: 'Une synthèse de ses sources informationnelles' },
        { id: 'L2', text: "L'entreprise et le rôle de ses parties prenantes" },
        { id: 'L3', text: "Deux diagnostics stratégiques (externe et interne) de l'entreprise" },
        { id: 'L4', text: "Une analyse des choix stratégiques de l'entreprise" },
        { id: 'L5', text: "Une synthèse du marché sur lequel l'entreprise évolue" },
        { id: 'L6', text: 'Une analyse approfondie de la concurrence' },
        { id: 'L7', text: "Une étude sur les risques de l'entreprise" },
      ],
      criteria: [
        {
          id: 'K1',
          text: "La méthodologie de veille et l'origine des sources est explicite",
          competencies: ['C2'],
        },
        {
          id: 'K2',
          text: "Les diagnostics stratégiques de l'entreprise sont argumentés et concis sur la base d'éléments clés",
          competencies: ['C1', 'C6'],
        },
        {
          id: 'K3',
          text: "La présentation du groupe/de l'entreprise et de l'unité d'affaires dans son secteur sous format entonnoir est réalisée",
          competencies: ['C1', 'C3'],
        },
        {
          id: 'K4',
          text: 'La nature du marché, ses principaux chiffres et la concurrence sont analysés',
          competencies: ['C2', 'C3'],
        },
        {
          id: 'K5',
          text: "Une analyse des choix stratégiques de l'entreprise est détaillée et structurée et met en exergue les arguments décisifs avec la vision stratégique, la mission, la raison d'être et les valeurs",
          competencies: ['C4', 'C8'],
        },
        {
          id: 'K6',
          text: "L'ensemble des enjeux (économiques, sociétaux, environnementaux…) et des risques auxquels l'entreprise doit faire face est présenté",
          competencies: ['C1', 'C4'],
        },
        { id: 'K7', text: "L'analyse synthétique du business model est réalisée", competencies: ['C5'] },
        {
          id: 'K8',
          text: 'Le lien entre la stratégie globale et la stratégie commerciale est établi. La cohérence est démontrée',
          competencies: ['C5'],
        },
        { id: 'K9', text: "Une étude de la gouvernance de l'entreprise est réalisée", competencies: ['C6'] },
        {
          id: 'K10',
          text: "L'impact des parties prenantes internes et externes sur le développement ainsi que leurs objectifs réciproques et contradictoire sont présentés et analysés",
          competencies: ['C3', 'C7'],
        },
      ],
      remarks: [
        MAPPING_REMARK,
        "K10 : « objectifs réciproques et contradictoire » (sans s) est conservé tel qu'écrit dans la source.",
      ],
    },
    {
      id: 'b1-audit-rse',
      bloc: 'B1',
      case: 'Audit RSE',
      competencies: ['C9', 'C10', 'C11', 'C12'],
      context:
        "À partir d'une étude de cas « Audit RSE » et de documents annexes, le candidat doit réaliser :",
      modalities: {
        mode: 'individual',
        groupSize: null,
        pages: 10,
        annexesExcluded: true,
        oralMinutes: null,
        jury: 1,
        language: 'fr',
        vae: null,
        notes: [
          'Périmètre des évaluations : compétences C9 à C12.',
          "L'épreuve individuelle est écrite (dossier structuré et illustré de 10 pages hors annexes) et doit être présentée (jury professionnel d'une personne).",
        ],
      },
      deliverables: [
        { id: 'L1', text: 'Un rapport de veille réglementaire en matière de RSE' },
        { id: 'L2', text: "Un rapport d'audit de la stratégie et politique RSE de l'entreprise" },
        {
          id: 'L3',
          text: 'Un document (tableau ou autre forme) présentant les actions de planification RSE',
        },
        {
          id: 'L4',
          text: 'Une analyse démontrant que les obligations légales sont prises en compte dans les actions commerciales',
        },
        {
          id: 'L5',
          text: 'Le mode de communication retenu et son contenu informant les parties prenantes (internes et externes) sur les résultats en matière de RSE',
        },
      ],
      criteria: [
        {
          id: 'K1',
          text: 'Les objectifs de RSE sont structurés et reposent sur des critères ESG clairement exposés et illustrés',
          competencies: ['C9', 'C10'],
        },
        {
          id: 'K2',
          text: "Les obligations imposées par la réglementation sont prises en compte dans les éléments clés du plan d'actions exposé, qui répond de façon cohérente à la stratégie",
          competencies: ['C11', 'C12'],
        },
        {
          id: 'K3',
          text: "Les résultats de l'audit en matière de RSE sont mis en perspective avec les exigences réglementaires et celles des acheteurs/consommateurs",
          competencies: ['C10', 'C12'],
        },
        {
          id: 'K4',
          text: "Les critères ESG ont bien été pris en compte et leur impact dans l'organisation commercial est présenté",
          competencies: ['C9'],
        },
        {
          id: 'K5',
          text: "Des indicateurs de RSE sont proposés et justifiés en cohérence avec les objectifs de l'entreprise",
          competencies: ['C10', 'C11'],
        },
        { id: 'K6', text: 'Les risques liés à la RSE sont repérés', competencies: ['C9', 'C12'] },
        {
          id: 'K7',
          text: "Des préconisations sont proposées à la direction de l'entreprise sur les opportunités et les risques liés à la RSE",
          competencies: ['C10', 'C12'],
        },
      ],
      remarks: [
        MAPPING_REMARK,
        "La source ne donne pas la durée de l'oral (« doit être présentée (jury professionnel d'une personne) ») : oralMinutes est null.",
        "La mention d'aménagement en cas de handicap, présente pour toutes les autres épreuves, n'apparaît pas pour celle-ci dans la source.",
        "Les livrables L4 et L5 figurent sur la page suivante de la source, après les premiers critères ; K4 « l'organisation commercial » est conservé tel qu'écrit.",
      ],
    },
    {
      id: 'b2-strategie-commerciale',
      bloc: 'B2',
      case: 'Stratégie commerciale',
      competencies: ['C13', 'C14', 'C15', 'C16', 'C17', 'C18', 'C19'],
      context: 'Le candidat doit présenter :',
      modalities: {
        mode: 'collective',
        groupSize: '2 ou 3 personnes',
        pages: 20,
        annexesExcluded: true,
        oralMinutes: 30,
        jury: 2,
        language: 'fr',
        vae: "Dans le cadre de la VAE, le candidat doit apporter la preuve des éléments auxquels il a contribué, l'épreuve orale est de 20 minutes.",
        notes: [
          HANDICAP,
          'Périmètre des évaluations : compétences C13 à C19.',
          'Le candidat est mis en situation sur une étude de cas réelle ou proposée au candidat « Stratégie commerciale ».',
          "L'épreuve collective (2 ou 3 personnes) est écrite (dossier structuré et illustré de 20 pages hors annexes et fichiers annexes). L'épreuve orale collective est de 30 minutes face à un jury de 2 professionnels.",
        ],
      },
      deliverables: [
        {
          id: 'L1',
          text: "Les liens entre la stratégie globale et la stratégie commerciale de l'entreprise",
        },
        {
          id: 'L2',
          text: "Une analyse détaillée du mix marketing et de la stratégie commerciale de l'entreprise portés au business plan",
        },
        {
          id: 'L3',
          text: "Une méthode de pilotage du management de projet de stratégie commerciale (collaboration avec les autres services et l'équipe commerciale)",
        },
        { id: 'L4', text: "La composition de l'équipe commerciale en la justifiant" },
        {
          id: 'L5',
          text: "La stratégie de relation client responsable avec un plan d'actions et des objectifs",
        },
        { id: 'L6', text: "Une étude sur les risques de l'entreprise" },
        { id: 'L7', text: "Les cibles commerciales visées par l'équipe commerciale" },
      ],
      criteria: [
        {
          id: 'K1',
          text: "La stratégie globale est déclinée en stratégie commerciale et son plan d'actions opérationnelles est adapté aux objectifs globaux et commerciaux déterminés",
          competencies: ['C16', 'C19'],
        },
        {
          id: 'K2',
          text: 'La méthodologie de collaboration avec les autres services est expliquée',
          competencies: ['C14'],
        },
        {
          id: 'K3',
          text: "Une étude marketing avec l'identification des cibles, leurs besoins/attentes et parcours d'achat est créée et dupliquée",
          competencies: ['C13', 'C18'],
        },
        {
          id: 'K4',
          text: 'Un projet réaliste dont le business model, ses composantes (mix-marketing, offre, cibles…) et la viabilité du projet sont argumentés',
          competencies: ['C13', 'C19'],
        },
        {
          id: 'K5',
          text: 'La méthode de pilotage de la stratégie commerciale explique comment le projet a été structuré, coordonné',
          competencies: ['C16'],
        },
        { id: 'K6', text: "Les missions de l'équipe commerciale sont expliquées", competencies: ['C16'] },
        {
          id: 'K7',
          text: 'Des éléments de différenciation, de valeur ajoutée et de compétitivité des solutions apportées sont justifiés',
          competencies: ['C14', 'C17'],
        },
        {
          id: 'K8',
          text: 'La stratégie de relation client démontre une approche novatrice et responsable',
          competencies: ['C15', 'C17'],
        },
        {
          id: 'K9',
          text: 'La méthodologie de sélection des cibles commerciales est argumentée',
          competencies: ['C18'],
        },
      ],
      remarks: [
        MAPPING_REMARK,
        "Le contexte de la source est seulement « Le candidat doit présenter : » (sans « À partir des données d'une entreprise réelle »).",
        "K5 s'arrête dans la source sur « structuré, coordonné » (phrase apparemment inachevée) ; il est conservé ainsi.",
        "La note VAE est rattachée par un astérisque à « L'épreuve collective* ».",
      ],
    },
    {
      id: 'b2-challenge-commercial',
      bloc: 'B2',
      case: 'Challenge commercial',
      competencies: ['C20', 'C21', 'C22', 'C23'],
      context: "À partir des données d'une entreprise réelle, le candidat doit présenter :",
      modalities: {
        mode: 'collective',
        groupSize: '3 personnes',
        pages: 20,
        annexesExcluded: false,
        oralMinutes: 45,
        jury: 2,
        language: 'fr',
        vae: 'Dans le cadre de la VAE, le candidat doit apporter la preuve des éléments auxquels il a contribué.',
        notes: [
          HANDICAP,
          'Le candidat est mis en situation professionnelle réelle sur une étude de cas « Challenge commercial ».',
          'Périmètre des évaluations : compétences C20 à C23.',
          "L'épreuve collective (3 personnes) est écrite (dossier structuré et illustré de 20 pages) doit être présentée oralement face à un jury professionnel (2 personnes) (45 minutes).",
        ],
      },
      deliverables: [
        { id: 'L1', text: "Un plan d'actions commerciales chiffré et toutes ses composantes" },
        { id: 'L2', text: "La méthode dupliquée et la projection de l'offre commerciale" },
        { id: 'L3', text: "Les composantes de l'offre commerciale" },
        {
          id: 'L4',
          text: "Une analyse approfondie de l'offre commerciale de l'entreprise pour gagner en attractivité",
        },
        { id: 'L5', text: "Le budget de l'activité commerciale avec une projection des différents chiffres" },
      ],
      criteria: [
        {
          id: 'K1',
          text: 'Les résultats des différents diagnostics et analyses facilitent à la prise de décisions stratégiques',
          competencies: ['C23'],
        },
        {
          id: 'K2',
          text: "Le plan d'actions commerciales répond aux objectifs quantitatifs et qualitatifs",
          competencies: ['C20'],
        },
        {
          id: 'K3',
          text: "Les composantes de l'offre commerciale mettent en exergue ses caractéristiques attractives et différenciantes",
          competencies: ['C21'],
        },
        {
          id: 'K4',
          text: "Le plan d'actions est détaillé et présente l'ensemble des éléments (moyens, ressources, planning…)",
          competencies: ['C20'],
        },
        {
          id: 'K5',
          text: "Le budget de l'activité commerciale est argumenté et analysé",
          competencies: ['C20', 'C22'],
        },
        {
          id: 'K6',
          text: "Les retombées du plan d'actions commerciales sont présentées et argumentées",
          competencies: ['C22', 'C23'],
        },
      ],
      remarks: [
        MAPPING_REMARK,
        "K1 est imprimé en bas de la page précédente, sous l'en-tête « Le candidat expose de manière structurée et analytique les éléments qui suivent : » de cette épreuve, à côté de la fin des critères de « Stratégie commerciale » ; « facilitent à la prise de décisions » est conservé tel qu'écrit.",
        "La note VAE est rattachée par un astérisque à « L'épreuve collective* ».",
      ],
    },
    {
      id: 'b3-salon-commercial',
      bloc: 'B3',
      case: 'Salon commercial',
      competencies: ['C24', 'C25', 'C26', 'C27'],
      context: "À partir des données d'une entreprise réelle, le candidat doit présenter :",
      modalities: {
        mode: 'individual',
        groupSize: null,
        pages: 10,
        annexesExcluded: false,
        oralMinutes: 60,
        jury: 2,
        language: 'fr',
        vae: "Le candidat VAE peut contextualiser différemment d'un salon : cas d'une représentation de l'entreprise.",
        notes: [
          HANDICAP,
          'Le candidat est mis en situation professionnelle réelle sur une étude de cas « Salon commercial ».',
          'Périmètre des évaluations : compétences C24 à C27.',
          "L'épreuve individuelle est écrite (10 pages) et orale. Elle doit être présentée oralement (60 minutes) face à un jury professionnel de 2 personnes qualifiées sur le sujet.",
        ],
      },
      deliverables: [
        { id: 'L1', text: 'La cartographie des comptes clients cibles' },
        {
          id: 'L2',
          text: 'Les fonctionnalités du CRM et les outils et process exploités en prospection commerciale',
        },
        {
          id: 'L3',
          text: "Un plan managérial d'un projet de stand (démarche stratégique et organisationnelle, étapes, moyens, animation, choix des argumentaires de prospection) face à des acheteurs aux profils diversifiés",
        },
        {
          id: 'L4',
          text: 'Des supports de communication à utiliser sur le stand (Flyers, vidéos de présentation…)',
        },
        { id: 'L5', text: "Une simulation d'entrée en relation et d'échange avec un prospect" },
      ],
      criteria: [
        {
          id: 'K1',
          text: 'La structure du portefeuille est analysée avec des outils digitalisés et démontre comment améliorer la segmentation',
          competencies: ['C24'],
        },
        {
          id: 'K2',
          text: "L'exploitation optimisée des fonctionnalités du CRM démontre l'efficacité de l'approche commerciale",
          competencies: ['C25'],
        },
        {
          id: 'K3',
          text: "Le candidat démontre l'optimisation de la prospection commerciale par le choix des outils agiles, les méthodes technologiques innovantes et l'automatisation des processus",
          competencies: ['C26'],
        },
        {
          id: 'K4',
          text: "La stratégie d'externalisation commerciale est argumentée et le stand répond aux exigences de prospection commerciale",
          competencies: ['C27'],
        },
        { id: 'K5', text: 'Le plan managérial du projet est analysé', competencies: ['C27'] },
        {
          id: 'K6',
          text: 'Les supports de communication sont argumentés et cohérents',
          competencies: ['C27'],
        },
        {
          id: 'K7',
          text: "La simulation d'échange avec un prospect est précise et argumentée",
          competencies: ['C27'],
        },
        {
          id: 'K8',
          text: "La réactivité, l'agilité et la flexibilité dans les relations avec les prospects sont démontrées",
          competencies: ['C26', 'C27'],
        },
        {
          id: 'K9',
          text: 'Les informations fournies aux clients et aux prospects sont anticipées, concrètes et exposées',
          competencies: ['C25', 'C27'],
        },
      ],
      remarks: [
        MAPPING_REMARK,
        "La note VAE est rattachée par un astérisque à « le candidat* » dans le contexte ; la source l'écrit « *le candidat VAE peut contextualiser différemment d'un salon: cas d'une représentation de l'entreprise » (majuscule et point ajoutés).",
        "Les critères K5 à K9 figurent sur la page suivante de la source, avant l'en-tête des critères de l'épreuve « Prospection » ; K5 y a perdu son tiret.",
      ],
    },
    {
      id: 'b3-prospection',
      bloc: 'B3',
      case: 'Prospection',
      competencies: ['C28', 'C29', 'C30', 'C31', 'C32', 'C33', 'C34', 'C35'],
      context: "À partir des données d'une entreprise réelle, le candidat doit présenter :",
      modalities: {
        mode: 'individual',
        groupSize: null,
        pages: 10,
        annexesExcluded: false,
        oralMinutes: 30,
        jury: 2,
        language: 'fr',
        vae: null,
        notes: [
          HANDICAP,
          'Le candidat est mis en situation professionnelle réelle sur une étude de cas « Prospection ».',
          'Périmètre des évaluations : compétences C28 à C35.',
          "L'épreuve individuelle est écrite, un dossier structuré et illustré de 10 pages doit être présenté oralement face à un jury professionnel de 2 personnes (30 minutes).",
        ],
      },
      deliverables: [
        {
          id: 'L1',
          text: 'Une synthèse et une analyse du portefeuille clients existant et les interactions conduites',
        },
        { id: 'L2', text: "Une synthèse du processus de gestion et suivi de l'information client" },
        {
          id: 'L3',
          text: 'Les résultats de sa veille dédiée aux technologies innovantes et aux nouveaux produits et services',
        },
        { id: 'L4', text: 'Des recommandations pour augmenter la fidélisation et les actions à engager' },
        { id: 'L5', text: 'Les méthodes et outils pour sourcer les prospects' },
        { id: 'L6', text: 'Les canaux de prospection les plus pertinents' },
        {
          id: 'L7',
          text: "Les recommandations quant à la mise en œuvre et la réussite d'actions de social selling",
        },
        { id: 'L8', text: "La démarche de prospection auprès de prescripteurs et/ou apporteurs d'affaires" },
      ],
      criteria: [
        {
          id: 'K1',
          text: "L'analyse de son portefeuille et les outils lui ayant permis de le constituer",
          competencies: ['C28', 'C29'],
        },
        {
          id: 'K2',
          text: "Les préconisations proposées sont cohérentes avec l'analyse du processus de gestion de l'information client",
          competencies: ['C29', 'C30'],
        },
        {
          id: 'K3',
          text: 'La méthodologie de travail montre une préparation de la prospection et de la fidélisation (outils utilisés, process, organisation…)',
          competencies: ['C29', 'C32'],
        },
        {
          id: 'K4',
          text: 'Les choix et les actions des canaux de prospection et de fidélisation sont adaptés aux cibles sont justifiés',
          competencies: ['C28', 'C33'],
        },
        {
          id: 'K5',
          text: 'Les techniques utilisées sur chaque canal de prospection sont justifiées et argumentées',
          competencies: ['C32', 'C33'],
        },
        {
          id: 'K6',
          text: "La réussite d'une mission de prospection ou de fidélisation est justifiée",
          competencies: ['C28', 'C30', 'C31'],
        },
        {
          id: 'K7',
          text: 'Les recommandations à la direction pour les actions de social-selling sont cohérentes pour le développement commercial',
          competencies: ['C34'],
        },
        {
          id: 'K8',
          text: "La démarche conduite pour prospecter les prescripteurs et apporteurs d'affaires est justifiée et argumentée",
          competencies: ['C35'],
        },
      ],
      remarks: [
        MAPPING_REMARK,
        "K1 et K2 sont imprimés en bas de la page des critères de « Salon commercial », K3 à K8 sur la page suivante. K1 est un groupe nominal sans verbe et K4 « sont adaptés aux cibles sont justifiés » sont conservés tels qu'écrits.",
        'Aucun critère ne vise explicitement C30 (accompagnement RSE des clients) ni C31 (mesure de la satisfaction) : elles sont rattachées aux critères les plus proches (K2, K6).',
      ],
    },
    {
      id: 'b4-negociation-complexe',
      bloc: 'B4',
      case: 'Négociation commerciale complexe',
      competencies: ['C36', 'C37', 'C38', 'C39', 'C40', 'C41', 'C42', 'C43', 'C44', 'C45'],
      context: "À partir des données d'une entreprise réelle, le candidat doit présenter :",
      modalities: {
        mode: 'individual',
        groupSize: null,
        pages: 10,
        annexesExcluded: false,
        oralMinutes: 60,
        jury: 2,
        language: 'fr',
        vae: null,
        notes: [
          HANDICAP,
          'Le candidat est mis en situation professionnelle réelle sur une étude cas « Négociation commerciale complexe ».',
          'Périmètre des évaluations : compétences C36 à C45.',
          "L'épreuve individuelle est écrite, un dossier structuré et illustré de 10 pages doit être présenté oralement face à un jury professionnel de 2 personnes (60 minutes).",
        ],
      },
      deliverables: [
        { id: 'L1', text: "Une analyse du cahier des charges du donneur d'ordre" },
        {
          id: 'L2',
          text: "Une synthèse du contexte et des différentes étapes de la négociation commerciale (en cas de négociation à l'international : comment l'adapter à la culture d'un client étranger)",
        },
        { id: 'L3', text: 'Une note présentant un plan de découverte des prospects' },
        { id: 'L4', text: 'Un exemple de processus de closing' },
        {
          id: 'L5',
          text: "Une démonstration du déroulement d'un entretien de négociation B to B ou grand compte",
        },
        {
          id: 'L6',
          text: 'Un argumentaire structuré permettant de rebondir face aux objections des prospects',
        },
        { id: 'L7', text: "Les éléments de réponse à un appel d'offre" },
      ],
      criteria: [
        {
          id: 'K1',
          text: "La complétude des éléments constituant le profil du client permet d'orienter et de préparer l'entretien de négociation",
          competencies: ['C36', 'C38'],
        },
        {
          id: 'K2',
          text: 'La cartographie du profil du prospect sélectionné est analysée et complète',
          competencies: ['C36'],
        },
        {
          id: 'K3',
          text: "La préparation du sujet et la maîtrise des échanges démontre l'application des techniques de l'entretien",
          competencies: ['C37', 'C39', 'C40'],
        },
        {
          id: 'K4',
          text: 'La réussite de la négociation aboutit sur une conclusion satisfaisante pour les parties',
          competencies: ['C41', 'C45'],
        },
        { id: 'K5', text: 'Une démonstration du processus de closing est réalisée', competencies: ['C42'] },
        {
          id: 'K6',
          text: "Des outils pertinents d'aide à la vente sont analysés et justifiés pour le contexte proposé",
          competencies: ['C42'],
        },
        {
          id: 'K7',
          text: 'Le cahier des charges est analysé avec une méthode rationnelle',
          competencies: ['C43'],
        },
        {
          id: 'K8',
          text: 'Les éléments de réponse apportés au cahier des charges sont précis et complets',
          competencies: ['C43', 'C44'],
        },
        {
          id: 'K9',
          text: 'Le rôle de conseil et de création de valeur pour le client est pris en compte dans la négociation',
          competencies: ['C41', 'C44'],
        },
        {
          id: 'K10',
          text: 'Les techniques de négociation sont maîtrisées',
          competencies: ['C39', 'C40', 'C45'],
        },
      ],
      remarks: [
        MAPPING_REMARK,
        "La source écrit « étude cas » (sans « de ») ; K3 « la maîtrise des échanges démontre » (au singulier) est conservé tel qu'écrit.",
        'Les livrables L3 à L7 et les critères K7 à K10 figurent sur la page suivante de la source (page 13).',
      ],
    },
    {
      id: 'b5-pilotage-performance',
      bloc: 'B5',
      case: 'Pilotage de la performance commerciale',
      competencies: ['C46', 'C47', 'C48', 'C49', 'C50', 'C51', 'C52', 'C53', 'C54', 'C55', 'C56'],
      context: "À partir des données d'une entreprise réelle, le candidat doit fournir et présenter :",
      modalities: {
        mode: 'individual',
        groupSize: null,
        pages: 15,
        annexesExcluded: false,
        oralMinutes: 30,
        jury: 2,
        language: 'fr',
        vae: null,
        notes: [
          HANDICAP,
          'Périmètre des évaluations : compétences C46 à C56.',
          "L'épreuve individuelle est écrite. Un dossier structuré et illustré de 15 pages doit être présenté oralement face à un jury de 2 professionnels (30 minutes).",
        ],
      },
      deliverables: [
        {
          id: 'L1',
          text: 'La cartographie des outils (conçus, complétés ou renouvelés) de pilotage de la performance commerciale',
        },
        { id: 'L2', text: "L'analyse des outils sélectionnés de pilotage de la performance commerciale" },
        {
          id: 'L3',
          text: 'Le tableau de bord argumenté des indicateurs de pilotage de la performance commerciale',
        },
        {
          id: 'L4',
          text: "L'argumentaire de proposition d'actions d'amélioration de la performance commerciale",
        },
        { id: 'L5', text: "Les chiffres clés de l'entreprise et des ratios" },
        { id: 'L6', text: 'Des scénarii de méthodes de calcul de coûts' },
        { id: 'L7', text: 'La méthodologie utilisée pour le calcul de la rentabilité et du risque' },
        {
          id: 'L8',
          text: "L'analyse portant sur la réponse apportée aux engagements RSE dans le pilotage de la performance globale",
        },
      ],
      criteria: [
        {
          id: 'K1',
          text: "Le pilotage de la performance commerciale à partir d'indicateurs est réalisée de façon autonome",
          competencies: ['C50'],
        },
        {
          id: 'K2',
          text: 'La méthodologie utilisée pour concevoir les indicateurs de performance est expliquée et argumentée',
          competencies: ['C48'],
        },
        { id: 'K3', text: 'La sélection des outils de pilotage est argumentée', competencies: ['C49'] },
        {
          id: 'K4',
          text: "Le dispositif de suivi et d'analyse de la performance commerciale est décrit avec précision",
          competencies: ['C47'],
        },
        {
          id: 'K5',
          text: "Les tableaux de bord commerciaux sont mis à jour de façon autonome et sont analysés pour préconiser des plans d'actions",
          competencies: ['C49', 'C51'],
        },
        {
          id: 'K6',
          text: "Des points d'auto-contrôle permettent de détecter si des erreurs sont réalisées dans la mesure de la performance commerciale",
          competencies: ['C47', 'C51'],
        },
        {
          id: 'K7',
          text: "Des préconisations réalistes sont faites au service commercial de l'entreprise pour améliorer continuellement la performance commerciale de l'entreprise",
          competencies: ['C55', 'C56'],
        },
        {
          id: 'K8',
          text: "Les chiffres clés de l'entreprise sont présentés avec une analyse et une projection",
          competencies: ['C50', 'C54'],
        },
        {
          id: 'K9',
          text: "Les coûts sont calculés et analysés et prennent en compte l'objectif de rentabilité et l'anticipation par rapport aux risques",
          competencies: ['C52'],
        },
        {
          id: 'K10',
          text: 'Le candidat démontre comment les engagements RSE ont été pris en compte dans le pilotage de la performance globale',
          competencies: ['C46', 'C53', 'C54', 'C56'],
        },
      ],
      remarks: [
        MAPPING_REMARK,
        "Le référentiel ne nomme pas d'étude de cas pour cette épreuve (ni phrase « Le candidat est mis en situation… ») : le nom « Pilotage de la performance commerciale » est éditorial, repris de l'intitulé de l'activité B5.A13.",
        "Les livrables L3 à L8 et les critères K6 à K10 figurent sur la page suivante de la source ; K1 « est réalisée » (accord au féminin) est conservé tel qu'écrit.",
      ],
    },
    {
      id: 'b6-entrepreneuriat',
      bloc: 'B6',
      case: 'Entrepreneuriat',
      competencies: ['C57', 'C58', 'C59', 'C60', 'C61', 'C62', 'C63', 'C64', 'C65'],
      context: "À partir d'une étude de cas « Entrepreneuriat », le candidat doit présenter :",
      modalities: {
        mode: 'collective',
        groupSize: null,
        pages: 30,
        annexesExcluded: false,
        oralMinutes: 10,
        oralMinutesPerCandidate: 10,
        jury: 2,
        language: 'fr',
        vae: 'Dans le cadre de la VAE, le candidat doit apporter la preuve des éléments auxquels il a contribué.',
        notes: [
          HANDICAP,
          'Périmètre des évaluations : compétences C57 à C65.',
          "L'épreuve collective est écrite. Un dossier structuré et illustré de 30 pages doit être présenté oralement face à un jury de 2 professionnels (10 minutes par candidat avec des questions individuelles).",
        ],
      },
      deliverables: [
        {
          id: 'L1',
          text: "Un projet innovant du secteur (qu'il choisit) en restituant le contexte dans lequel s'inscrit le projet (fusion, création, vente…) et en présentant son équipe et ses interactions avec les autres services (marketing, communication)",
        },
        { id: 'L2', text: "Une synthèse du pilotage d'un projet de développement commercial" },
        {
          id: 'L3',
          text: "Une étude d'exploitation des outils de conseil de lancement d'une entreprise/d'un produit",
        },
        { id: 'L4', text: "L'analyse des outils de pilotage de la performance globale" },
        { id: 'L5', text: "Une justification de la coordination d'une équipe commerciale" },
        { id: 'L6', text: "L'analyse de la communication des parties prenantes externes et internes" },
        { id: 'L7', text: 'Un business plan sur le projet de création/transformation' },
      ],
      criteria: [
        {
          id: 'K1',
          text: 'Le projet proposé est réaliste dans son secteur, les composantes de sa viabilité sont exposées et argumentées',
          competencies: ['C61', 'C64'],
        },
        {
          id: 'K2',
          text: "Le pilotage du projet démontre l'organisation optimisée d'un travail collectif sur un mode collaboratif des services (marketing, contrôle de gestion, communication, commercial)",
          competencies: ['C57', 'C58', 'C59', 'C60', 'C62', 'C63'],
        },
        {
          id: 'K3',
          text: 'Les risques du lancement sont anticipés et des préconisations de solutions formulées',
          competencies: ['C61'],
        },
        {
          id: 'K4',
          text: "La cohérence entre le choix des outils, techniques et méthodes et l'atteinte des objectifs de transformation / création est démontrée",
          competencies: ['C62', 'C63', 'C65'],
        },
        {
          id: 'K5',
          text: "Le choix des outils de pilotage de la performance commerciale permet de mesurer d'éventuels écarts entre les résultats attendus et les objectifs définis",
          competencies: ['C57'],
        },
        { id: 'K6', text: "Un plan d'actions correctives est proposé", competencies: ['C57'] },
        {
          id: 'K7',
          text: 'Le business plan proposé répond aux objectifs de création/transformation',
          competencies: ['C61'],
        },
        {
          id: 'K8',
          text: 'Toutes les composantes chiffrées et argumentées du plan commercial démontrent la pérennité du projet',
          competencies: ['C61'],
        },
        {
          id: 'K9',
          text: "La crédibilité du projet présenté et défendu avec conviction, permet à des investisseurs potentiels de s'engager",
          competencies: ['C58', 'C59', 'C64', 'C65'],
        },
      ],
      remarks: [
        MAPPING_REMARK,
        "La source ne précise pas la taille du groupe (« L'épreuve collective* ») : groupSize est null. L'oral est donné par candidat (« 10 minutes par candidat avec des questions individuelles ») : oralMinutes et oralMinutesPerCandidate valent 10, la durée totale dépend du nombre de candidats.",
        "Texte réassemblé à travers un saut de page : la fin de K2 « gestion, communication, commercial) » ouvre la page suivante ; le début « - Toutes les » de K8 y est séparé de sa suite « composantes chiffrées… », placée après K7 ; la fin de K9 « investisseurs potentiels de s'engager » figure sur la page d'après. K8 est placé après K7, à l'emplacement du corps de son texte.",
        "La note VAE est rattachée par un astérisque à « L'épreuve collective* ».",
      ],
    },
    {
      id: 'b6-management-interculturel',
      bloc: 'B6',
      case: "Offre d'emploi — intégration d'une équipe multiculturelle",
      competencies: ['C66', 'C67', 'C68', 'C69', 'C70'],
      context:
        "À partir d'une étude de cas qui mettrait le candidat face à une offre d'emploi de manager du développement commercial pour intégrer une équipe multiculturelle, il doit présenter :",
      modalities: {
        mode: 'individual',
        groupSize: null,
        pages: 10,
        annexesExcluded: false,
        oralMinutes: 30,
        jury: 1,
        language: 'en',
        vae: null,
        notes: [
          HANDICAP,
          'Périmètre des évaluations : compétences C66 à C70.',
          "L'épreuve individuelle est écrite. Un dossier structuré et illustré de 10 pages en anglais doit être présenté oralement face à un jury d'un professionnel (30 minutes).",
        ],
      },
      deliverables: [
        {
          id: 'L1',
          text: 'Un CV en anglais et une lettre de motivation détaillée en anglais sur son profil de manager de développeur commercial',
        },
        {
          id: 'L2',
          text: "Un rapport démontrant sa capacité à s'intégrer rapidement dans une organisation multiculturelle",
        },
        {
          id: 'L3',
          text: "Ses capacités à apporter des solutions dans une organisation complexe et dans le cadre d'une mobilité",
        },
      ],
      criteria: [
        {
          id: 'K1',
          text: 'Le candidat est capable de montrer des connaissances sur les relations interculturelles',
          competencies: ['C70'],
        },
        {
          id: 'K2',
          text: 'La compréhension des différentes pratiques professionnelles et des parties prenantes dans une organisation complexe est démontrée',
          competencies: ['C67', 'C68'],
        },
        {
          id: 'K3',
          text: "L'agilité et la flexibilité dans les relations professionnelles multiculturelles sont démontrées",
          competencies: ['C68', 'C70'],
        },
        {
          id: 'K4',
          text: "L'enjeu des pratiques professionnelles liées à l'interculturalité est compris (Notions de diversité des pratiques professionnelles, Vision différenciée des responsabilités sociétales, langue, barrières culturelles, individualisme, échange des pratiques, normes sociales, stéréotypes…)",
          competencies: ['C69', 'C70'],
        },
        {
          id: 'K5',
          text: 'La compréhension aboutit à une expression écrite et orale en langue anglaise fluide',
          competencies: ['C66', 'C67'],
        },
        {
          id: 'K6',
          text: "Le CV et la lettre de motivation en anglais font état des spécificités d'un profil de manager du développement commercial",
          competencies: ['C69'],
        },
      ],
      remarks: [
        MAPPING_REMARK,
        "Le référentiel ne nomme pas d'étude de cas pour cette épreuve : le nom « Offre d'emploi — intégration d'une équipe multiculturelle » est éditorial, tiré du contexte (« une offre d'emploi de manager du développement commercial pour intégrer une équipe multiculturelle »).",
        'La dernière page de la source est un entrelacement ligne à ligne des trois colonnes (fin de C68, C69 et C70 ; contexte et livrables ; critères K4 à K6) ; chaque colonne a été reconstituée ligne par ligne. Les critères K1 à K3, en texte justifié, sont reconstitués de même à partir de leurs fragments.',
        "L1 : la source écrit « sur son profil de manager de développeur commercial » (sans doute pour « manager du développement commercial ») ; conservé tel qu'écrit. K4 : la majuscule de « Vision » est celle de la source.",
        "Le dossier est en anglais (« 10 pages en anglais ») alors que C66 et C67 visent le français et l'anglais.",
      ],
    },
  ],
};
