import type { DossierText, ExamSummary, Me, Review } from '../../lib/api';
import { demoMe, auditRseModalities as modalities } from '../../test/fixtures';
import { auditRseReport } from '../reviews/fixtures';
import type { CohortView, QueueItem } from './queries';

/**
 * Test data for the trainer pages, as the server sends it: the demo trainer, a queue of three reviews
 * (the most flagged first, a checked one last), the « Audit RSE » review of the gap report fixture with
 * its extracted text, and a cohort view.
 */

export const COHORT_ID = '3f0c9a52-6a7d-4b7e-9d42-5b8f1c2d3e4f';
export const REVIEW_ID = '6a1d8c0e-2b4f-4c35-9d8e-1f2a3b4c5d6e';
export const DOSSIER_ID = auditRseReport.dossier.id;

export const trainer: Me = demoMe('trainer', {
  name: 'Claire Martin',
  organization: 'École de démonstration',
  trainerCohorts: [{ id: COHORT_ID, name: 'Promotion 2025 — Lyon' }],
});

export const exams: ExamSummary[] = [
  {
    id: 'b1-audit-rse',
    bloc: 'B1',
    case: 'Audit RSE',
    competencies: ['C9', 'C10', 'C11', 'C12'],
    modalities,
  },
  {
    id: 'b4-negociation-complexe',
    bloc: 'B4',
    case: 'Négociation commerciale complexe',
    competencies: ['C36', 'C37'],
    modalities,
  },
];

const cohort = { id: COHORT_ID, name: 'Promotion 2025 — Lyon' };

export const queue: QueueItem[] = [
  {
    reviewId: REVIEW_ID,
    dossierId: DOSSIER_ID,
    version: 2,
    candidate: 'Camille Candidat',
    candidateId: 'u-camille',
    cohort,
    examId: 'b1-audit-rse',
    status: 'done',
    flags: ['prompt_injection', 'hidden_text', 'criterion_failed', 'unverified_quote', 'borderline'],
    priority: 285,
    overall: { score: 2.4, ready: 'presque' },
    decisions: 1,
    checked: false,
    createdAt: '2025-03-12T16:44:00.000Z',
  },
  {
    reviewId: '7b2e9d1f-3c5a-4d46-8e9f-2a3b4c5d6e7f',
    dossierId: '1c7a3f5e-8e1b-4e8d-8b66-4a2a7d2e3f21',
    version: 1,
    candidate: 'Hugo Lefèvre',
    candidateId: 'u-hugo',
    cohort,
    examId: 'b4-negociation-complexe',
    status: 'failed',
    flags: ['review_failed'],
    priority: 60,
    overall: null,
    decisions: 0,
    checked: false,
    createdAt: '2025-03-13T08:10:00.000Z',
  },
  {
    reviewId: '8c3fae20-4d6b-4e57-9fa0-3b4c5d6e7f80',
    dossierId: '2d8b4a6f-9f2c-4f9e-9c77-5b3b8e3f4a32',
    version: 3,
    candidate: 'Inès Morel',
    candidateId: 'u-ines',
    cohort,
    examId: 'b1-audit-rse',
    status: 'done',
    flags: ['hidden_text'],
    priority: 80,
    overall: { score: 3.1, ready: 'pret' },
    decisions: 7,
    checked: true,
    createdAt: '2025-03-10T14:00:00.000Z',
  },
];

export const review: Review = {
  id: REVIEW_ID,
  dossierId: DOSSIER_ID,
  version: 2,
  examId: 'b1-audit-rse',
  status: 'done',
  provider: 'offline',
  model: 'offline-analyzer',
  createdAt: '2025-03-12T16:44:00.000Z',
  finishedAt: '2025-03-12T16:45:00.000Z',
  progress: { status: 'done', total: 7, done: 7, failed: 1, criteria: [] },
  report: auditRseReport,
};

/** The draft's extracted text: every quote of the report is on its page, except K3's unverified one. */
export const dossierText: DossierText = {
  version: 2,
  text: '',
  tables: [],
  sections: [],
  pages: [
    { page: 1, text: 'Audit RSE — Transalp Logistique.\nDossier de certification, bloc 1.' },
    {
      page: 2,
      text: 'Veille réglementaire. La directive CSRD impose un reporting de durabilité dès 2025 aux grandes entreprises.',
    },
    {
      page: 3,
      text: "Objectifs. Nous proposons de réduire de 30 % les émissions de gaz à effet de serre liées au transport d'ici 2026.",
    },
    { page: 4, text: "Audit de l'existant." },
    { page: 5, text: 'Nos clients grands comptes demandent de plus en plus de preuves de notre engagement.' },
    {
      page: 6,
      text: 'Chaque commercial suivra une formation de deux jours sur l’argumentaire RSE afin d’éviter les allégations.',
    },
    { page: 7, text: 'Indicateurs : taux de recyclage, émissions de CO2, taux de fréquence des accidents.' },
    { page: 8, text: 'Nous préconisons de valoriser le label auprès des acheteurs publics.' },
  ],
};

export const cohortView: CohortView = {
  cohorts: [cohort],
  examId: 'b1-audit-rse',
  reviews: 6,
  competencies: [
    {
      id: 'C9',
      text: 'Associer les critères ESG aux objectifs RSE de l’entreprise',
      counts: [0, 1, 2, 2, 1],
      mean: 2.5,
      n: 6,
    },
    {
      id: 'C10',
      text: 'Auditer la politique RSE de l’entreprise',
      counts: [1, 3, 1, 1, 0],
      mean: 1.33,
      n: 6,
    },
    {
      id: 'C11',
      text: 'Intégrer les obligations réglementaires dans le plan d’actions',
      counts: [0, 2, 3, 1, 0],
      mean: 1.83,
      n: 6,
    },
  ],
};
