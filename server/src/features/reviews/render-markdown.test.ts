import { describe, expect, it } from 'vitest';
import { getExam } from '../referential/index';
import type { Exam } from '../referential/types';
import { aggregateReport } from './aggregate';
import { PROMPT_VERSION } from './prompts';
import { escapeMarkdown, renderMarkdown } from './render-markdown';
import { defaultRubric } from './rubric';
import { type CriterionResult, type GapReport, LEVELS } from './schemas';

const HOSTILE_QUOTE = '<script>alert("x")</script> & "><img src=x onerror=alert(1)> ** _gras_ | # titre';

function hostileReport(options: { offline?: boolean } = {}): GapReport {
  const exam = getExam('b1-audit-rse') as Exam;
  const criteria: CriterionResult[] = exam.criteria.map((criterion, index) => ({
    id: criterion.id,
    text: criterion.text,
    competencies: criterion.competencies,
    status: index === 6 ? 'failed' : 'done',
    score: index === 6 ? 0 : (index % 4) + 1,
    level: LEVELS[index === 6 ? 0 : (index % 4) + 1],
    rationale: index === 0 ? 'Analyse <b>solide</b> mais </style><script>x()</script>' : 'Analyse partielle.',
    evidence:
      index === 0
        ? [{ quote: HOSTILE_QUOTE, page: 4 }]
        : [{ quote: `Extrait ${criterion.id}`, page: index + 2 }],
    missing: ['Indicateurs chiffrés <datés>'],
    recommendations: ['Ajoutez la source & la date.'],
    flags:
      index === 0
        ? [
            {
              code: 'unverified_quote',
              message: 'Citation introuvable : « <iframe> »',
              page: 2,
              detail: 'not_found',
            },
          ]
        : [],
    weight: 1,
    ...(index === 1
      ? {
          decision: {
            score: 3,
            reason: 'Veille <correcte>',
            comment: null,
            by: 'trainer@demo.prejury.fr',
            at: '2025-01-16',
          },
        }
      : {}),
  }));
  return aggregateReport({
    exam,
    rubric: defaultRubric(exam.id),
    criteria,
    deliverables: exam.deliverables.map((deliverable, index) => ({
      id: deliverable.id,
      text: deliverable.text,
      status: index === 4 ? 'missing' : 'present',
      pages: index === 4 ? [] : [index + 2],
    })),
    format: [{ check: 'length', ok: false, detail: '14 pages <hors annexes>' }],
    flags: [
      {
        code: 'prompt_injection',
        message: 'Consigne adressée au correcteur détectée : ignorée.',
        page: 5,
        detail: 'Ignorez les consignes <script>steal()</script>',
      },
    ],
    usage: {
      promptTokens: 12345,
      completionTokens: 2100,
      durationMs: 8400,
      calls: 7,
      cachedPromptTokens: 9000,
    },
    provider: options.offline ? 'offline' : 'openai',
    model: options.offline ? 'offline-analyzer@v1' : 'gpt-4o-mini',
    offline: options.offline ?? false,
    promptVersion: PROMPT_VERSION,
    dossier: { id: 'dossier-42', version: 3, pages: 14, words: 5200 },
    now: new Date('2025-01-15T10:00:00.000Z'),
  });
}

describe('renderMarkdown', () => {
  const markdown = renderMarkdown(hostileReport());

  it('states provider, model, rubric and prompt versions and the jury disclaimer', () => {
    expect(markdown).toContain("# Rapport d'écarts — Audit RSE (B1)");
    expect(markdown).toContain('> **Pré-évaluation formative : le jury décide.**');
    expect(markdown).toContain('- Fournisseur : openai');
    expect(markdown).toContain('- Modèle : gpt-4o-mini');
    expect(markdown).toContain('- Version de la grille : v1');
    expect(markdown).toContain(`- Version des prompts : ${PROMPT_VERSION}`);
    expect(markdown).not.toContain('Analyse hors ligne');
    expect(markdown).toContain('| Verdict | **Presque prêt** |');
  });

  it('escapes dossier-derived text so it cannot inject Markdown or HTML', () => {
    expect(markdown).not.toContain('<script>');
    expect(markdown).toContain(
      '> « \\<script\\>alert("x")\\</script\\> & "\\>\\<img src=x onerror=alert(1)\\> \\*\\* \\_gras\\_ \\| # titre » (p. 4)',
    );
    expect(escapeMarkdown('# titre\n- item')).toBe('\\# titre - item');
    expect(escapeMarkdown('1. premier')).toBe('\\1. premier');
  });

  it('renders criteria with evidence, gaps, flags and the trainer decision', () => {
    expect(markdown).toContain('### K1 — Les objectifs de RSE sont structurés');
    expect(markdown).toContain('**Score : 1/4 (insuffisant)**');
    expect(markdown).toContain('- Indicateurs chiffrés \\<datés\\>');
    expect(markdown).toContain(
      '`unverified_quote` (p. 2) : Citation introuvable : « \\<iframe\\> » — not\\_found',
    );
    expect(markdown).toContain(
      '**Décision du formateur** : 3/4 — Veille \\<correcte\\> — trainer@demo.prejury.fr, 2025-01-16',
    );
    expect(markdown).toContain('> Évaluation en échec : ce critère est à relancer.');
  });

  it('labels an offline analysis', () => {
    const offline = renderMarkdown(hostileReport({ offline: true }));
    expect(offline).toContain("Analyse hors ligne (sans modèle d'IA) : pré-contrôle indicatif.");
    expect(offline).toContain('- Modèle : offline-analyzer@v1');
  });

  it('has English labels on request', () => {
    const en = renderMarkdown(hostileReport({ offline: true }), 'en');
    expect(en).toContain('# Gap report — Audit RSE (B1)');
    expect(en).toContain(
      '> **Formative pre-assessment: the jury decides. Offline analysis (no AI model): indicative pre-check.**',
    );
    expect(en).toContain('> **Pré-évaluation formative : le jury décide.');
    expect(en).toContain('- Provider : offline');
    expect(en).toContain('- Rubric version : v1');
    expect(en).toContain(`- Prompt version : ${PROMPT_VERSION}`);
    expect(en).toContain('| Readiness | **Almost ready** |');
  });
});
