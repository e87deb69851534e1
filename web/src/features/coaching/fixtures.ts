import type { Dossier, DossierText, Exam } from '../../lib/api';
import { auditRseModalities } from '../../test/fixtures';
import type { Conversation, ExamBrief, OralPrep } from './queries';

/**
 * Test data for the coaching pages, as the server sends it for « Audit RSE » (b1-audit-rse), shortened:
 * an exam, its brief, a stored conversation and an oral preparation.
 */

export const DOSSIER_ID = '0b6f2f4e-7d0a-4d7c-9a55-3f1f6c1d2e10';
export const REVIEW_ID = '6a1d8c0e-2b4f-4c35-9d8e-1f2a3b4c5d6e';

export const auditRseExam: Exam = {
  id: 'b1-audit-rse',
  bloc: 'B1',
  case: 'Audit RSE',
  competencies: ['C9', 'C10', 'C11', 'C12'],
  context: "À partir d'une étude de cas « Audit RSE » et de documents annexes, le candidat doit réaliser :",
  modalities: auditRseModalities,
  deliverables: [
    { id: 'L1', text: 'Un rapport de veille réglementaire en matière de RSE' },
    { id: 'L3', text: 'Un document (tableau ou autre forme) présentant les actions de planification RSE' },
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
      id: 'K5',
      text: "Des indicateurs de RSE sont proposés et justifiés en cohérence avec les objectifs de l'entreprise",
      competencies: ['C10', 'C11'],
    },
  ],
  remarks: [],
};

const C9 = {
  id: 'C9',
  code: 'B1.A3.C9',
  text: 'Associer les critères Environnementaux, Sociaux et de Gouvernance (du rapport d’audit ESG)…',
};
const C10 = { id: 'C10', code: 'B1.A3.C10', text: 'Auditer la politique RSE de l’entreprise…' };

export const auditRseBrief: ExamBrief = {
  examId: 'b1-audit-rse',
  title: 'B1 — Audit RSE',
  bloc: 'B1',
  case: 'Audit RSE',
  context: "À partir d'une étude de cas « Audit RSE » et de documents annexes, le candidat doit réaliser :",
  asked: [
    { id: 'L1', text: 'Un rapport de veille réglementaire en matière de RSE' },
    { id: 'L3', text: 'Un document (tableau ou autre forme) présentant les actions de planification RSE' },
  ],
  judged: [
    {
      id: 'K1',
      text: 'Les objectifs de RSE sont structurés et reposent sur des critères ESG clairement exposés et illustrés',
      competencies: [C9, C10],
    },
    {
      id: 'K5',
      text: "Des indicateurs de RSE sont proposés et justifiés en cohérence avec les objectifs de l'entreprise",
      competencies: [C10],
    },
  ],
  modalities: [
    'Épreuve individuelle.',
    'Dossier structuré et illustré de 10 pages hors annexes.',
    "Présentation orale : le référentiel n'en précise pas la durée.",
  ],
  outline: [
    {
      title: 'Introduction : contexte, problématique et annonce du plan',
      deliverables: [],
      criteria: [],
      guidance: "Présentez le cadre de l'étude, la problématique et l'annonce du plan.",
      pages: 0.5,
    },
    {
      title: 'Rapport de veille réglementaire en matière de RSE',
      deliverables: ['L1'],
      criteria: ['K1'],
      guidance:
        "Listez les textes qui s'appliquent réellement à l'entreprise, avec leur date et leurs seuils.",
      pages: 2,
    },
    {
      title: 'Document présentant les actions de planification RSE',
      deliverables: ['L3'],
      criteria: ['K1', 'K5'],
      guidance:
        "Présentez le plan d'actions sous forme de tableau : action, objectif, responsable, échéance.",
      pages: 2.5,
    },
  ],
  methods: [
    {
      id: 'smart',
      name: 'Objectifs SMART',
      explanation:
        'Un objectif SMART est Spécifique, Mesurable, Atteignable, Réaliste et Temporellement défini : il dit quoi, combien, pour quand et comment on le mesurera.',
      deliverables: ['L3'],
      criteria: ['K1', 'K5'],
    },
  ],
  pitfalls: [
    'Dépasser la limite de 10 pages hors annexes fixée par le référentiel.',
    'Confier la rédaction à une IA ou à un tiers : le dossier doit être votre travail.',
  ],
};

export const QUOTE =
  'Nous proposons des objectifs SMART : réduire de 30 % les émissions de gaz à effet de serre liées au transport d’ici 2026.';

export const conversation: Conversation = {
  dossierId: DOSSIER_ID,
  version: 2,
  policy: {
    fr: 'Le coach vous aide à réfléchir et à structurer votre dossier. Il ne rédige aucune partie du dossier à votre place.',
    en: 'The coach helps you think about and structure your dossier. It does not write any part of the dossier for you.',
  },
  messages: [
    {
      id: '1c2b3a4d-0000-4000-8000-000000000001',
      role: 'user',
      content: 'Mes indicateurs RSE (K5) sont-ils assez justifiés ?',
      citations: [],
      mode: null,
      refused: false,
      createdAt: '2025-03-12T16:44:00.000Z',
    },
    {
      id: '1c2b3a4d-0000-4000-8000-000000000002',
      role: 'assistant',
      content:
        "Réponse hors ligne (sans modèle d'IA).\n\nCe que le jury évalue :\n- K5 — Des indicateurs de RSE sont proposés et justifiés\n\nPour avancer :\n- Sur quelle donnée sourcée reposent vos cibles ?",
      citations: [{ page: 2, quote: QUOTE, criterionId: 'K5' }, { criterionId: 'K1' }, { page: 3 }],
      mode: 'offline',
      refused: false,
      createdAt: '2025-03-12T16:44:01.000Z',
    },
  ],
};

export const oralPrep: OralPrep = {
  reviewId: REVIEW_ID,
  examId: 'b1-audit-rse',
  oralMinutes: null,
  oralMinutesPerCandidate: null,
  language: 'fr',
  questions: [
    {
      criterionId: 'K5',
      question: 'Comment saurez-vous, et quand, que votre objectif principal est atteint ?',
      strongAnswer: ["L'objectif formulé de façon SMART", "L'indicateur et sa cible chiffrée"],
      score: 2,
      level: 'partiel',
    },
    {
      criterionId: 'K2',
      question: "Quelle est l'action prioritaire de votre plan, combien coûte-t-elle ?",
      strongAnswer: ["L'action prioritaire et le constat dont elle découle"],
      score: null,
      level: null,
    },
  ],
  practice: {
    minutes: 20,
    perCandidate: false,
    assumed: true,
    suggestedSplit: [
      { part: 'Introduction : contexte et problématique', minutes: 2 },
      { part: 'Vos analyses clés', minutes: 6 },
      { part: 'Préconisations et conclusion', minutes: 2 },
      { part: 'Questions du jury', minutes: 10 },
    ],
  },
  notes: [
    "Le référentiel ne précise pas la durée de l'oral : l'entraînement est calé sur 20 minutes, à ajuster selon votre centre.",
  ],
};

const version = (n: number) => ({
  version: n,
  fileName: `audit-rse-v${n}.docx`,
  format: 'docx' as const,
  sizeBytes: 12_480,
  pages: 3,
  pagesEstimated: true,
  pagesExcludingAnnexes: 3,
  annexStartPage: null,
  words: 640,
  language: 'fr',
  sections: [],
  warnings: [],
  hidden: [],
  passages: 12,
  createdAt: '2025-03-12T16:40:00.000Z',
});

export const dossier: Dossier = {
  id: DOSSIER_ID,
  examId: 'b1-audit-rse',
  title: 'Audit RSE — Transalp Logistique',
  createdAt: '2025-03-10T09:00:00.000Z',
  versions: [version(1), version(2)],
};

export const draftText: DossierText = {
  version: 2,
  text: '',
  tables: [],
  sections: [],
  pages: [
    { page: 1, text: 'Transalp Logistique est un transporteur régional de 420 salariés.' },
    { page: 2, text: `Audit de la politique RSE.\n${QUOTE} Un suivi annuel est prévu.` },
    { page: 3, text: 'Plan de communication aux parties prenantes.' },
  ],
};
