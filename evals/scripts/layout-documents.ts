/**
 * Fixture-only documents for the layouts the eval cases lack, rendered by `build-renderings.ts` like the
 * cases and measured for reading fidelity (not reviewed: they have no gold). `layout/plan-actions`: an action
 * plan whose table runs over two pages (its header row repeated) with cells of three lines and more; a
 * landscape page with a wide dashboard table; a two-column page with footnotes; lists. DOCX, LibreOffice and
 * Chromium render all of it; the pdf-lib layout is a simple library's: its sections start new portrait,
 * one-column pages and the notes close their section.
 */
import type { Block, Span } from '../lib/source';

const t = (text: string, bold = false): Span[] => [{ text, bold, italic: false }];

const ACTIONS = [
  [
    'Relancer les comptes CHR inactifs depuis six mois',
    'Commerciaux terrain, avec l’appui de l’assistante ADV pour extraire la liste des comptes',
    'Taux de réactivation des comptes relancés, mesuré chaque mois dans le CRM',
  ],
  [
    'Ouvrir deux cavistes partenaires par trimestre dans le Haut-Rhin',
    'Responsable des ventes régionales, avec un budget de dégustation de 1 500 € par trimestre',
    'Nombre de cavistes actifs et chiffre d’affaires moyen par caviste au bout de six mois',
  ],
  [
    'Mettre en place un tableau de bord hebdomadaire partagé',
    'Assistante commerciale et marketing, validation par le gérant lors du comité du lundi',
    'Tableau publié chaque lundi avant 10 h ; taux de lecture par les commerciaux',
  ],
  [
    'Former les commerciaux à la négociation des conditions tarifaires',
    'Organisme de formation externe, deux jours en mars, financés par l’OPCO',
    'Remise moyenne accordée, avant et après la formation, sur les nouveaux contrats',
  ],
  [
    'Lancer une offre de fûts consignés pour les événements associatifs',
    'Responsable logistique et commerciaux, avec un partenariat avec la fédération locale',
    'Nombre d’événements équipés et marge par fût livré, suivi par saison',
  ],
  [
    'Réduire les ruptures de stock sur les bières de saison',
    'Production et ADV, prévisions partagées chaque semaine à partir des commandes',
    'Taux de service (commandes livrées complètes) et nombre de ruptures par mois',
  ],
  [
    'Structurer la prospection de la grande distribution régionale',
    'Gérant et responsable des ventes, rendez-vous préparés avec des fiches enseignes',
    'Nombre de référencements obtenus et rotation des références en magasin',
  ],
  [
    'Suivre la satisfaction des clients CHR deux fois par an',
    'Assistante commerciale, questionnaire court envoyé par courriel puis relance téléphonique',
    'Taux de réponse, note de satisfaction moyenne et motifs de mécontentement',
  ],
  [
    'Développer les ventes de la boutique en ligne hors saison',
    'Chargé de communication, campagnes saisonnières sur Instagram et lettre d’information',
    'Chiffre d’affaires en ligne de novembre à février et taux de conversion',
  ],
  [
    'Mesurer la rentabilité par client et par canal',
    'Expert-comptable et assistante commerciale, export mensuel des marges depuis Sage',
    'Marge brute par canal et liste des vingt clients les moins rentables',
  ],
  [
    'Harmoniser les conditions commerciales entre commerciaux',
    'Gérant, grille de remises écrite et validée, revue trimestrielle des exceptions',
    'Écart de remise entre commerciaux et nombre de dérogations accordées',
  ],
  [
    'Préparer le salon professionnel Egast de Strasbourg',
    'Équipe commerciale au complet, stand partagé avec deux producteurs locaux',
    'Nombre de contacts qualifiés, rendez-vous obtenus et commandes dans les trois mois',
  ],
];

interface LayoutDocument {
  id: string;
  caseFile: null;
  markdownFile: null;
  meta: Record<string, string>;
  blocks: Block[];
}

export function layoutDocuments(): LayoutDocument[] {
  const para = (text: string): Block => ({ kind: 'paragraph', spans: t(text) });
  const blocks: Block[] = [
    { kind: 'heading', level: 1, spans: t('Plan d’actions commerciales 2025 – Brasserie du Ried') },
    para(
      'Ce plan d’actions reprend les constats du diagnostic : des ventes qui progressent en valeur plus qu’en volume, une clientèle CHR qui se renouvelle lentement et une grande distribution régionale encore peu travaillée. Chaque action a un responsable, des moyens et un indicateur suivi dans le tableau de bord mensuel.',
    ),
    para(
      'Les actions sont classées par ordre de priorité, la première étant celle dont l’effet sur le chiffre d’affaires est le plus rapide. Le gérant les a validées en comité de direction le 6 janvier 2025.',
    ),
    { kind: 'heading', level: 2, spans: t('1. Les actions retenues') },
    {
      kind: 'table',
      header: [t('Action', true), t('Responsable et moyens', true), t('Indicateur de suivi', true)],
      rows: [...ACTIONS, ...ACTIONS.map(([a, b, c]) => [`${a} (second semestre)`, b, c])].map((r) =>
        r.map((c) => t(c ?? '')),
      ),
    },
    { kind: 'section', landscape: true, columns: 1 },
    { kind: 'heading', level: 2, spans: t('2. Le tableau de bord trimestriel') },
    para(
      'Le tableau de bord suit les indicateurs du plan trimestre par trimestre ; les objectifs 2025 sont fixés par rapport aux réalisations de 2024.',
    ),
    {
      kind: 'table',
      header: [
        'Indicateur',
        'Réalisé 2024',
        'T1 2025',
        'T2 2025',
        'T3 2025',
        'Objectif 2025',
        'Commentaire',
      ].map((c) => t(c, true)),
      rows: [
        [
          'Chiffre d’affaires (k€)',
          '3 200',
          '690',
          '840',
          '1 020',
          '3 450',
          'Saisonnalité forte : l’été pèse 35 % des ventes',
        ],
        [
          'Clients CHR actifs',
          '335',
          '338',
          '346',
          '352',
          '360',
          'Réactivation des comptes inactifs en cours',
        ],
        ['Cavistes actifs', '92', '94', '97', '99', '100', 'Deux ouvertures par trimestre dans le Haut-Rhin'],
        [
          'Part de la GMS dans le CA',
          '25 %',
          '24 %',
          '26 %',
          '27 %',
          '28 %',
          'Trois référencements obtenus au printemps',
        ],
        [
          'Taux de service',
          '91 %',
          '93 %',
          '95 %',
          '94 %',
          '97 %',
          'Prévisions partagées avec la production',
        ],
        [
          'Remise moyenne accordée',
          '7,8 %',
          '7,5 %',
          '7,1 %',
          '6,9 %',
          '6,5 %',
          'Grille de remises appliquée depuis mars',
        ],
      ].map((r) => r.map((c) => t(c))),
    },
    para(
      'Les chiffres du troisième trimestre sont provisoires : ils seront arrêtés avec l’expert-comptable à la clôture de septembre.',
    ),
    { kind: 'section', landscape: false, columns: 2 },
    { kind: 'heading', level: 2, spans: t('3. Analyse des premiers résultats') },
    {
      kind: 'paragraph',
      spans: t(
        'Le chiffre d’affaires progresse de 8 % sur les trois premiers trimestres, porté par la grande distribution régionale et par la réactivation des comptes CHR. La progression reste inférieure à l’objectif annuel, mais l’écart se réduit depuis le printemps.',
      ),
      notes: ['Chiffres issus de Sage 50, hors boutique en ligne, arrêtés au 30 septembre 2025.'],
    },
    para(
      'Les cavistes partenaires commandent plus régulièrement depuis la mise en place des dégustations trimestrielles. Leur panier moyen reste toutefois modeste, et la marge par caviste doit encore être mesurée avec précision.',
    ),
    {
      kind: 'paragraph',
      spans: t(
        'La remise moyenne baisse depuis l’application de la grille écrite. Les commerciaux ont d’abord craint de perdre des clients ; aucun compte important n’a été perdu à ce jour, et les dérogations sont désormais validées par le gérant.',
      ),
      notes: ['Trois dérogations accordées au premier semestre, toutes pour des comptes de plus de 40 k€.'],
    },
    para(
      'Le taux de service progresse grâce aux prévisions partagées, mais les ruptures sur les bières de saison restent fréquentes en été. Un stock de sécurité sera constitué dès le mois de mai pour la saison suivante.',
    ),
    para(
      'La boutique en ligne reste marginale hors saison. Les campagnes de l’hiver dernier ont surtout servi à recruter des abonnés, dont la conversion en acheteurs sera suivie au prochain trimestre.',
    ),
    { kind: 'section', landscape: false, columns: 1 },
    { kind: 'heading', level: 2, spans: t('4. Le suivi du plan') },
    para(
      'Le plan est suivi chaque mois en comité commercial. Un indicateur qui s’écarte de plus de 10 % de son objectif deux mois de suite déclenche une revue de l’action avec son responsable.',
    ),
    {
      kind: 'bullet',
      spans: t('un point mensuel sur les indicateurs, préparé par l’assistante commerciale ;'),
    },
    { kind: 'bullet', spans: t('une revue semestrielle des priorités avec le gérant ;') },
    { kind: 'bullet', spans: t('un bilan annuel présenté à l’ensemble des salariés.') },
    para(
      'Le budget total du plan est de 38 000 €, dont 14 000 € de formation et 9 000 € de salons, financés pour moitié par la hausse de marge attendue sur les nouveaux comptes.',
    ),
  ];
  return [
    ficheEntreprise(),
    {
      id: 'layout/plan-actions',
      caseFile: null,
      markdownFile: null,
      meta: {
        title: 'Plan d’actions commerciales 2025',
        author: 'Camille Hoffmann',
        header: 'Brasserie du Ried – plan d’actions commerciales 2025',
        lang: 'fr-FR',
      },
      blocks,
    },
  ];
}

const labelled = (label: string, text: string): Block => ({
  kind: 'paragraph',
  spans: [
    { text: `${label} :`, bold: true, italic: false },
    { text: ` ${text}`, bold: false, italic: false },
  ],
});

/**
 * `layout/fiche-entreprise`: what a borderless rendering must not get wrong. A two-column label and value
 * table (printed without borders, a tab-aligned list, one value wrapped over two lines), paragraphs that
 * open on a bold label (prose: never cells), a numbered list whose items wrap under their text, and a
 * four-column analysis table whose cells wrap over three lines and more.
 */
function ficheEntreprise(): LayoutDocument {
  const para = (text: string): Block => ({ kind: 'paragraph', spans: t(text) });
  const blocks: Block[] = [
    { kind: 'heading', level: 1, spans: t('Fiche entreprise – Brasserie du Ried') },
    para(
      'Cette fiche présente l’entreprise dans laquelle j’ai conduit le diagnostic stratégique, ses chiffres clés et les premiers constats partagés avec le gérant.',
    ),
    {
      kind: 'table',
      header: [t('Rubrique', true), t('Détail', true)],
      rows: [
        ['Raison sociale', 'Brasserie du Ried SAS'],
        ['Effectif', '18 salariés, dont 5 commerciaux'],
        ['Chiffre d’affaires 2024', '3,2 millions d’euros'],
        [
          'Marchés',
          'Cafés, hôtels et restaurants d’Alsace, cavistes indépendants, grande distribution régionale et boutique en ligne, avec une saisonnalité forte en été',
        ],
        ['Dirigeant', 'Marc Hoffmann, gérant et fondateur'],
      ].map((r) => r.map((c) => t(c))),
    },
    { kind: 'heading', level: 2, spans: t('1. Les constats du diagnostic') },
    labelled(
      'Forces',
      'une marque connue dans tout le Bas-Rhin, une équipe commerciale stable qui connaît ses clients depuis des années et une gamme primée au concours général agricole.',
    ),
    labelled(
      'Faiblesses',
      'une présence encore faible en grande distribution, des prix plus élevés que ceux des marques nationales et des stocks tendus pendant toute la saison d’été.',
    ),
    labelled(
      'Menaces',
      'la hausse du prix du malt et de l’énergie, la concurrence des microbrasseries et le recul de la consommation de bière chez les moins de trente ans.',
    ),
    {
      kind: 'ordered',
      index: 1,
      list: 1,
      spans: t(
        'Relancer les comptes CHR inactifs depuis six mois, avec l’appui de l’assistante commerciale pour extraire la liste.',
      ),
    },
    {
      kind: 'ordered',
      index: 2,
      list: 1,
      spans: t('Ouvrir deux cavistes partenaires par trimestre dans le Haut-Rhin, dès le printemps.'),
    },
    {
      kind: 'ordered',
      index: 3,
      list: 1,
      spans: t(
        'Former les commerciaux à la négociation des conditions tarifaires avant la prochaine campagne annuelle.',
      ),
    },
    { kind: 'heading', level: 2, spans: t('2. L’analyse des facteurs') },
    {
      kind: 'table',
      header: [t('Facteur', true), t('Constat', true), t('Effet attendu', true), t('Priorité', true)],
      rows: [
        [
          'Clientèle CHR',
          'Renouvellement lent des comptes, dont un tiers n’a rien commandé depuis six mois',
          'Hausse du chiffre d’affaires rapide si les comptes inactifs sont relancés',
          'Haute',
        ],
        [
          'Grande distribution',
          'Trois enseignes régionales seulement, aucune référence en rayon toute l’année',
          'Volumes supplémentaires mais marge plus faible et conditions à négocier',
          'Moyenne',
        ],
        [
          'Coûts des matières',
          'Malt et énergie en hausse de 12 % sur un an, contrats d’achat annuels',
          'Marge brute sous pression sans révision des prix de vente en 2025',
          'Haute',
        ],
      ].map((r) => r.map((c) => t(c))),
    },
    para(
      'Ces constats ont été présentés au gérant le 6 janvier 2025 ; ils fondent le plan d’actions commerciales de l’année.',
    ),
  ];
  return {
    id: 'layout/fiche-entreprise',
    caseFile: null,
    markdownFile: null,
    meta: {
      title: 'Fiche entreprise – Brasserie du Ried',
      author: 'Camille Hoffmann',
      header: 'Brasserie du Ried – fiche entreprise',
      lang: 'fr-FR',
    },
    blocks,
  };
}
