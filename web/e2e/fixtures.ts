/**
 * A realistic « Audit RSE » draft (exam b1-audit-rse), built as a real DOCX with the `docx` package:
 * headings for the deliverables, about 600 words. The second version adds what the first one lacks.
 */
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';

interface Section {
  title: string;
  paragraphs: string[];
}

const v1: Section[] = [
  {
    title: '1. Contexte et périmètre de l’audit',
    paragraphs: [
      'Transalp Logistique est un transporteur régional de 420 salariés, basé à Chambéry, qui réalise 68 millions d’euros de chiffre d’affaires avec une flotte de 310 poids lourds. Ses clients sont des industriels de l’agroalimentaire et de la grande distribution, dont plusieurs acheteurs publics.',
      'La direction générale nous a confié un audit de sa politique RSE afin de préparer l’entrée en vigueur de la directive CSRD et de répondre aux exigences croissantes de ses clients grands comptes, qui intègrent désormais des critères environnementaux et sociaux dans leurs appels d’offres.',
    ],
  },
  {
    title: '2. Veille réglementaire en matière de RSE',
    paragraphs: [
      'La directive CSRD impose un reporting de durabilité dès l’exercice 2025 aux entreprises de plus de 250 salariés : Transalp Logistique devra publier ses indicateurs environnementaux, sociaux et de gouvernance, vérifiés par un organisme tiers indépendant.',
      'La loi Climat et Résilience encadre les allégations environnementales dans la communication commerciale, et l’article L. 1431-3 du Code des transports oblige à informer chaque client de la quantité de gaz à effet de serre émise par la prestation. Le décret tertiaire et la loi AGEC complètent ce cadre pour les entrepôts et les déchets.',
    ],
  },
  {
    title: '3. Audit de la stratégie et de la politique RSE',
    paragraphs: [
      'L’entreprise a pris des engagements en 2021 : renouvellement partiel de la flotte au gaz naturel, tri des déchets sur les quais et charte d’achats responsables. Ces engagements ne sont cependant assortis d’aucun objectif chiffré ni d’aucun suivi régulier.',
      'Sur le plan social, le taux de fréquence des accidents du travail atteint 32, contre 22 en moyenne dans le secteur, et le turnover des conducteurs dépasse 18 %. La gouvernance ne compte aucun administrateur indépendant et aucun comité ne suit les sujets RSE.',
      'Les entretiens menés avec douze collaborateurs montrent une forte attente de sens : les conducteurs souhaitent être associés aux choix de véhicules et les commerciaux manquent d’arguments pour répondre aux questionnaires RSE des acheteurs. Les fournisseurs de pneumatiques et de carburant n’ont jamais été interrogés sur leurs propres engagements.',
      'La comparaison avec deux concurrents régionaux, déjà labellisés Objectif CO2 et évalués par EcoVadis, montre que Transalp Logistique risque d’être écartée des prochains appels d’offres publics si elle ne formalise pas sa démarche dans les dix-huit mois.',
      'Nous proposons des objectifs SMART : réduire de 30 % les émissions de gaz à effet de serre liées au transport d’ici 2026, diviser par deux le taux de fréquence des accidents en trois ans et créer un comité RSE rattaché à la direction générale avant la fin de 2025.',
    ],
  },
  {
    title: '4. Plan d’actions RSE',
    paragraphs: [
      'Le plan d’actions s’organise autour de trois chantiers : le renouvellement de 40 % de la flotte en véhicules au biogaz d’ici 2026, sous la responsabilité du directeur des opérations ; la formation sécurité de tous les conducteurs en 2025, pilotée par la DRH ; la création du comité RSE, portée par la direction générale.',
    ],
  },
  {
    title: '5. Obligations légales et actions commerciales',
    paragraphs: [
      'Chaque commercial suivra une formation de deux jours sur l’argumentaire RSE afin d’éviter toute allégation environnementale non justifiée, conformément à la loi Climat et Résilience. Les propositions commerciales intégreront le bilan carbone de chaque prestation, comme l’exige le Code des transports.',
      'Les conditions générales de vente seront mises à jour pour préciser la méthode de calcul des émissions, et le service juridique validera chaque support de communication avant sa diffusion. Les réponses aux appels d’offres publics s’appuieront sur ces données vérifiées.',
    ],
  },
  {
    title: '6. Communication aux parties prenantes',
    paragraphs: [
      'Les résultats de la démarche seront présentés aux salariés lors d’une réunion plénière annuelle et affichés dans chaque agence. Les clients recevront une lettre d’information semestrielle présentant les progrès réalisés, et le site internet de l’entreprise publiera une page dédiée à la RSE.',
    ],
  },
];

const v2Extra: Section[] = [
  {
    title: '7. Indicateurs RSE et risques',
    paragraphs: [
      'Nous retenons trois indicateurs, chacun relié à un objectif : les émissions de CO2 par tonne-kilomètre (cible : moins 30 % en 2026, source : bilan carbone annuel), le taux de fréquence des accidents (cible : 16 en 2027, source : registre de la DRH) et la part des achats réalisés auprès de fournisseurs labellisés (cible : 50 % en 2026).',
      'Les principaux risques identifiés sont la perte de marchés publics faute de label, une sanction pour allégation environnementale trompeuse et la hausse du coût des carburants fossiles. Ils sont suivis chaque trimestre par le comité RSE.',
    ],
  },
  {
    title: '8. Préconisations à la direction',
    paragraphs: [
      'Nous préconisons de valoriser le label Objectif CO2 auprès des acheteurs publics, de publier un rapport RSE annuel de huit pages présenté aux salariés lors d’une réunion plénière, et d’envoyer une synthèse chiffrée aux vingt premiers clients. Ces préconisations sont classées par impact et par coût, avec un budget de 45 000 euros sur deux ans.',
    ],
  },
];

function heading(text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) {
  return new Paragraph({ text, heading: level, spacing: { before: 240, after: 120 } });
}

function body(text: string) {
  return new Paragraph({
    children: [new TextRun(text)],
    spacing: { after: 120 },
    alignment: AlignmentType.JUSTIFIED,
  });
}

function planTable() {
  const rows = [
    ['Action', 'Échéance', 'Responsable', 'Indicateur'],
    ['Renouvellement de 40 % de la flotte', '2026', 'Directeur des opérations', 'CO2 par tonne-kilomètre'],
    ['Formation sécurité des conducteurs', '2025', 'DRH', 'Taux de fréquence des accidents'],
    ['Création du comité RSE', '2025', 'Direction générale', 'Décisions du comité'],
  ];
  return new Table({
    rows: rows.map(
      (cells) =>
        new TableRow({ children: cells.map((text) => new TableCell({ children: [new Paragraph(text)] })) }),
    ),
  });
}

/** Builds the draft as DOCX bytes; `version` 2 adds indicators, risks and recommendations. */
export async function auditRseDocx(version: 1 | 2): Promise<Buffer> {
  const sections = version === 1 ? v1 : [...v1, ...v2Extra];
  const children: (Paragraph | Table)[] = [
    heading('Audit RSE — Transalp Logistique', HeadingLevel.TITLE),
    body(`Dossier de certification, bloc 1 — version ${version} de travail.`),
  ];
  for (const section of sections) {
    children.push(heading(section.title, HeadingLevel.HEADING_1));
    for (const paragraph of section.paragraphs) children.push(body(paragraph));
    if (section.title.startsWith('4.')) children.push(planTable());
  }
  const document = new Document({
    creator: 'Candidate',
    title: 'Audit RSE — Transalp Logistique',
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}
