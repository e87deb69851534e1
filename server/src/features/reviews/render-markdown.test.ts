import { describe, expect, it } from 'vitest';
import { PROMPT_VERSION } from './prompts';
import { escapeMarkdown, renderMarkdown } from './render-markdown';
import { hostileReport } from './report-fixture';

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
      "**Vérifié par votre formateur** : 3/4 (note de l'IA 2/4) — Veille \\<correcte\\> — trainer@demo.prejury.fr, 2025-01-16",
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
