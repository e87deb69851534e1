import type { Me } from '../../lib/api';
import { demoMe } from '../../test/fixtures';
import type {
  AgreementMetrics,
  CalibrationItem,
  CalibrationSet,
  RubricVersion,
  RunAgreement,
} from './queries';

/** Test data for the calibration pages, shaped as the server sends it. */

export const SET_ID = '5b7e0c1a-3d2f-4e6a-9b8c-7d6e5f4a3b2c';
export const RUN_ID = '0c9d8e7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f';
export const EXAM_ID = 'b1-audit-rse';

export const examteam: Me = demoMe('examteam', {
  name: 'Étienne Équipe-examen',
  organization: 'Organisme de démonstration',
});

const metrics = (over: Partial<AgreementMetrics>): AgreementMetrics => ({
  n: 10,
  qwk: 0.72,
  kappa: 0.41,
  exact: 0.6,
  adjacent: 0.9,
  mae: 0.5,
  smd: 0.1,
  bias: 0.1,
  humanMean: 2.3,
  aiMean: 2.4,
  ci: {
    level: 0.95,
    resamples: 1000,
    qwk: [0.41, 0.9],
    kappa: [0.1, 0.7],
    exact: [0.3, 0.9],
    adjacent: [0.7, 1],
    mae: [0.2, 0.8],
    smd: [-0.3, 0.5],
    bias: [-0.2, 0.4],
  },
  minN: 20,
  sufficient: (over.n ?? 10) >= 20,
  ...over,
});

const STATISTICS = ['qwk', 'kappa', 'exact', 'adjacent', 'mae', 'smd', 'bias'] as const;

/** The metrics of a criterion no pair was scored on: every statistic and interval null. */
const unscored = () => {
  const none = Object.fromEntries(STATISTICS.map((name) => [name, null])) as Record<
    (typeof STATISTICS)[number],
    null
  >;
  return metrics({ n: 0, ...none, ci: { level: 0.95, resamples: 0, ...none }, sufficient: false });
};

const zero = () => [0, 1, 2, 3, 4].map(() => [0, 0, 0, 0, 0]);

export const run = {
  id: RUN_ID,
  setId: SET_ID,
  examId: EXAM_ID,
  rubricVersion: 'v1',
  rubricVersionId: null,
  rubricHash: 'a'.repeat(64),
  promptVersion: 'system@v2+grade-criterion@v2',
  provider: 'offline',
  model: 'offline-analyzer@v1',
  createdAt: '2026-06-12T09:30:00.000Z',
  status: 'done' as const,
  progress: { total: 10, queued: 0, running: 0, done: 10, failed: 0 },
};

const k2Confusion = zero();
k2Confusion[1][2] = 2;
k2Confusion[2][2] = 4;
k2Confusion[3][3] = 4;

export const agreement: RunAgreement = {
  run,
  set: { id: SET_ID, name: 'Session de juin', examId: EXAM_ID },
  rater: 'jury',
  raters: ['jury', 'jury2'],
  scale: { min: 0, max: 4 },
  overall: metrics({ n: 30, qwk: 0.7052740434332989, bias: 0.23333333333333334, exact: 0.5666666666666667 }),
  confusion: (() => {
    const m = zero();
    m[1][2] = 3;
    m[2][2] = 6;
    m[3][3] = 6;
    return m;
  })(),
  humanHuman: {
    raters: ['jury', 'jury2'],
    overall: metrics({ n: 20, qwk: 0.91 }),
    confusion: zero(),
  },
  criteria: [
    {
      id: 'K1',
      text: 'Les objectifs de RSE sont structurés et reposent sur des critères ESG',
      metrics: metrics({ n: 24, qwk: 0.72, bias: -0.1 }),
      confusion: zero(),
      humanHuman: metrics({ n: 6, qwk: 0.9 }),
    },
    {
      id: 'K2',
      text: 'Les obligations imposées par la réglementation sont prises en compte',
      metrics: metrics({ qwk: 0.58, bias: 0.7 }),
      confusion: k2Confusion,
      humanHuman: null,
    },
    {
      id: 'K3',
      text: "Les résultats de l'audit sont mis en perspective",
      metrics: unscored(),
      confusion: zero(),
      humanHuman: null,
    },
  ],
  coverage: { dossiers: 10, reviewed: 10, pending: 0, failed: 0, humanScores: 30, withoutAi: 0 },
};

export const items: CalibrationItem[] = [
  {
    dossierId: '11111111-1111-4111-8111-111111111111',
    title: 'Audit RSE — Transalp',
    candidate: 'Camille Candidat',
    version: 1,
    reviewId: '22222222-2222-4222-8222-222222222222',
    criterionId: 'K2',
    rater: 'jury',
    human: 1,
    ai: 2,
    rationale: 'Textes cités, plan d’actions sans lien explicite.',
    evidence: [{ quote: 'La directive CSRD impose un reporting de durabilité', page: 2 }],
    missing: ['Rattacher chaque action à une obligation'],
    flags: [],
  },
];

export const set: CalibrationSet = {
  id: SET_ID,
  name: 'Session de juin',
  examId: EXAM_ID,
  createdAt: '2026-06-10T08:00:00.000Z',
  scores: 0,
  raters: [],
  dossiers: [],
  runs: [],
};

const descriptors = { 0: 'Absent.', 1: 'Évoqué.', 2: 'Partiel.', 3: 'Satisfaisant.', 4: 'Excellent.' };

export const rubricV1: RubricVersion = {
  id: null,
  examId: EXAM_ID,
  version: 'v1',
  builtin: true,
  active: true,
  used: true,
  firstUsedAt: null,
  basedOn: null,
  note: null,
  createdBy: null,
  createdAt: null,
  hash: 'b'.repeat(64),
  rubric: {
    version: 'v1',
    examId: EXAM_ID,
    scale: [
      { score: 0, level: 'absent', label: 'Absent', description: 'Non traité.' },
      { score: 1, level: 'insuffisant', label: 'Insuffisant', description: 'Mentionné.' },
      { score: 2, level: 'partiel', label: 'Partiel', description: 'Incomplet.' },
      { score: 3, level: 'satisfaisant', label: 'Satisfaisant', description: 'Rempli.' },
      { score: 4, level: 'excellent', label: 'Excellent', description: 'Dépassé.' },
    ],
    criteria: [
      { id: 'K1', text: 'Objectifs RSE structurés', weight: 1, descriptors, anchors: [] },
      { id: 'K2', text: 'Obligations réglementaires', weight: 1, descriptors, anchors: [] },
    ],
  },
};
