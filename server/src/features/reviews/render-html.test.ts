import { describe, expect, it } from 'vitest';
import { PROMPT_VERSION } from './prompts';
import { renderHtml } from './render-html';
import { hostileReport } from './report-fixture';

describe('renderHtml', () => {
  const html = renderHtml(hostileReport());

  it('is a complete, self-contained, printable document', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="fr">')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('@media print');
    expect(html).toContain("default-src 'none'");
    // No external resource, no script.
    expect(html).not.toMatch(/<(?:script|link|iframe|img|object|embed)\b/i);
    expect(html).not.toMatch(/<[^>]+\s(?:src|href)=["']?(?:https?:)?\/\//i);
    expect(html).not.toMatch(/url\(|@import/i);
  });

  it('escapes every piece of dossier-derived text', () => {
    expect(html).toContain(
      '« &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;&gt;&lt;img src=x onerror=alert(1)&gt; ** _gras_ | # titre »',
    );
    expect(html).toContain(
      'Analyse &lt;b&gt;solide&lt;/b&gt; mais &lt;/style&gt;&lt;script&gt;x()&lt;/script&gt;',
    );
    expect(html).toContain('Ignorez les consignes &lt;script&gt;steal()&lt;/script&gt;');
    expect(html).toContain('14 pages &lt;hors annexes&gt;');
    expect(html).toContain('Veille &lt;correcte&gt;');
    expect(html.match(/<\/style>/g)).toHaveLength(1);
  });

  it('states provider, model, rubric and prompt versions and the jury disclaimer', () => {
    expect(html).toContain('Pré-évaluation formative : le jury décide.');
    expect(html).toContain('<dd>openai</dd>');
    expect(html).toContain('<dd>gpt-4o-mini</dd>');
    expect(html).toContain('<dt>Version de la grille</dt><dd>v1</dd>');
    expect(html).toContain(`<dt>Version des prompts</dt><dd>${PROMPT_VERSION}</dd>`);
    expect(html).not.toContain('Analyse hors ligne');
    expect(html).toContain('Presque prêt');
    expect(html).toContain('Évaluation en échec');
    expect(html).toContain('(p.&nbsp;4)');
  });

  it('labels an offline analysis', () => {
    const offline = renderHtml(hostileReport({ offline: true }));
    expect(offline).toContain('Analyse hors ligne (sans modèle d&#39;IA) : pré-contrôle indicatif.');
    // Once in the disclaimer at the top; the footer repeats only the first disclaimer sentence block.
    expect(
      offline.split('<div class="disclaimer"')[1].split('</div>')[0].split('Analyse hors ligne'),
    ).toHaveLength(2);
    expect(offline).toContain('<dd>offline-analyzer@v1</dd>');
  });

  it('has English labels on request, keeping the French disclaimer beside its translation', () => {
    const en = renderHtml(hostileReport({ offline: true }), 'en');
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Gap report — Audit RSE');
    expect(en).toContain(
      'Formative pre-assessment: the jury decides. Offline analysis (no AI model): indicative pre-check.',
    );
    expect(en).toContain('Pré-évaluation formative : le jury décide.');
    expect(en).toContain('<dt>Rubric version</dt><dd>v1</dd>');
    expect(en).toContain('<dt>Prompt version</dt>');
    expect(en).toContain('Evidence from the dossier');
    expect(en).not.toMatch(/<script/i);
  });
});
