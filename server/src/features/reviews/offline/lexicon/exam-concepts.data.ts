/** Which concepts each exam's criteria and deliverables expect. Data only; compiled by `exam-lexicon.ts`. */
import type { ConceptId } from './concepts.data';

/**
 * Which concepts a criterion expects. `match` is a folded regular expression tested against the criterion's
 * text (not its id, which would break silently if the referential were renumbered). The first rule that
 * matches wins. `core` concepts carry the criterion; `related` ones broaden coverage at a lower weight.
 */
export interface CriterionRule {
  match: string;
  core: readonly ConceptId[];
  related?: readonly ConceptId[];
  /**
   * The criterion links its core notions (« les obligations … prises en compte dans le plan d'actions »): it
   * is met (3 or more) only when every core notion is developed, not when one is merely named.
   */
  linksNotions?: boolean;
  /**
   * The criterion's wording in English, for an exam whose dossiers are written in English while the
   * referential is French: the criterion's own words must be found in the language of the draft, or a section
   * argued in plain English can never be tied to its criterion (issue #16). A translation, not a word list.
   */
  en?: string;
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
        linksNotions: true,
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
        // « explique comment le projet a été structuré, coordonné » (referential, B2): the coordination is the
        // criterion's own word, the indicators are not (issue #16, session 16).
        core: ['gestion_projet', 'pilotage_performance', 'coordination'],
        related: ['kpi', 'tableau_bord', 'tunnel_vente'],
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
        en: 'The candidate can show knowledge of intercultural relations: how cultures differ and relate',
        core: ['intercultural_theory', 'cultural_differences', 'stereotypes'],
        related: ['language_communication', 'inclusion_diversite'],
      },
      {
        match: 'organisation complexe',
        en: 'Understanding of the different professional practices and of the stakeholders in a complex organisation is demonstrated',
        core: ['professional_practices', 'complex_org', 'parties_prenantes'],
        related: ['gouvernance', 'cultural_differences'],
      },
      {
        match: 'agilite',
        en: 'Agility and flexibility in multicultural professional relationships are demonstrated',
        core: ['agility_flexibility', 'multicultural_team'],
        related: ['onboarding', 'language_communication', 'cultural_differences'],
      },
      {
        match: 'interculturalite',
        en: 'The stakes of professional practices linked to interculturality are understood: diversity of professional practices, differentiated views of social responsibility, language, cultural barriers, individualism, sharing of practices, social norms, stereotypes',
        core: [
          'cultural_differences',
          'stereotypes',
          'inclusion_diversite',
          'language_communication',
          'intercultural_theory',
        ],
        related: ['rse', 'professional_practices'],
      },
      {
        match: 'langue anglaise',
        en: 'Understanding leads to fluent written and spoken expression in English',
        core: ['english_expression', 'language_communication'],
      },
      {
        match: 'cv et la lettre',
        en: 'The CV and the cover letter in English show the specific features of a business development manager profile',
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
