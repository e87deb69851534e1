import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, signIn, useBrowserSession } from './browser';
import { auditRseDocx } from './fixtures';

const REPORT_TIMEOUT = 60_000;
const ANSWER_TIMEOUT = 30_000;

describe('coaching: brief, coach on a draft, oral preparation (real server, built app)', () => {
  const session = useBrowserSession({ page: { acceptDownloads: true } });
  let files: string;

  beforeAll(async () => {
    files = await mkdtemp(join(tmpdir(), 'prejury-e2e-coaching-'));
    await writeFile(join(files, 'audit-rse-v1.docx'), await auditRseDocx(1));
  });

  afterAll(async () => {
    if (files) await rm(files, { recursive: true, force: true });
  });

  async function noHorizontalScroll() {
    expect(
      await session.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
  }

  async function atPhoneWidth(name: string, scrollTo?: string) {
    await session.page.setViewportSize({ width: 375, height: 800 });
    if (scrollTo) await session.page.locator(scrollTo).first().scrollIntoViewIfNeeded();
    else await session.page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(session.page, name);
    await noHorizontalScroll();
    await session.page.setViewportSize({ width: 1280, height: 900 });
  }

  it('opens a brief, uploads a draft, asks the coach about it, follows its citations and practises the oral', async () => {
    await signIn(session.page, session.server.url, 'candidate@demo.prejury.fr');

    // The exam's brief, from the exam page.
    await session.page.goto(`${session.server.url}/epreuves/b1-audit-rse`);
    await session.page.getByRole('link', { name: 'Fiche de préparation' }).click();
    await session.page.waitForURL('**/epreuves/b1-audit-rse/fiche');
    await session.page.getByRole('heading', { level: 1, name: 'Fiche de préparation — Audit RSE' }).waitFor();
    const outline = session.page.getByRole('region', { name: 'Plan suggéré' });
    expect(await outline.getByRole('heading', { level: 3 }).count()).toBeGreaterThanOrEqual(5);
    // A part names the deliverables and criteria it serves, and they link to their entries on the page.
    const part2 = outline.locator('#partie-2');
    expect(await part2.getByRole('link', { name: 'L1', exact: true }).getAttribute('href')).toBe(
      '#livrable-L1',
    );
    await session.page
      .getByRole('region', { name: 'Ce que le jury évalue' })
      .locator('#critere-K5')
      .waitFor();
    expect(
      await session.page
        .getByRole('region', { name: 'Méthodes utiles' })
        .getByRole('heading', { level: 3 })
        .count(),
    ).toBeGreaterThan(2);
    expect(
      await session.page.getByRole('region', { name: 'Pièges à éviter' }).locator('li').count(),
    ).toBeGreaterThan(3);
    await screenshot(session.page, 'coaching-01-brief');
    await outline.scrollIntoViewIfNeeded();
    await screenshot(session.page, 'coaching-01b-brief-outline');

    // The checklist is a real download.
    const [download] = await Promise.all([
      session.page.waitForEvent('download'),
      session.page.getByRole('link', { name: 'Télécharger la liste à cocher' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('prejury-fiche-b1-audit-rse.md');
    const checklist = await readFile((await download.path()) ?? '', 'utf8');
    expect(checklist).toContain('- [ ] **L1**');
    expect(checklist).toContain('- [ ] **K5**');

    await atPhoneWidth('coaching-02-brief-mobile');

    // Upload a draft for this exam, from the brief; the review runs and its report opens.
    await session.page.getByRole('link', { name: 'Déposer un brouillon pour cette épreuve' }).click();
    await session.page.getByRole('heading', { name: 'Déposez votre brouillon' }).waitFor();
    await session.page.locator('input[type="file"]').setInputFiles(join(files, 'audit-rse-v1.docx'));
    await session.page.waitForURL('**/revues/*', { timeout: REPORT_TIMEOUT });
    await session.page
      .getByRole('heading', { level: 1, name: "Rapport d'écarts" })
      .waitFor({ timeout: REPORT_TIMEOUT });
    const reviewUrl = session.page.url();

    // The report leads on to the coach and to the oral.
    const next = session.page.getByRole('region', { name: 'Et maintenant ?' });
    await next.scrollIntoViewIfNeeded();
    await screenshot(session.page, 'coaching-02b-report-next-steps');

    // Ask the coach about the draft: the answer streams in (server-sent events over a POST).
    await next.getByRole('link', { name: 'Poser une question au coach' }).click();
    await session.page.waitForURL('**/dossiers/*/versions/1/coach');
    await session.page.getByRole('heading', { level: 1, name: 'Questions au coach' }).waitFor();
    const policy = session.page
      .getByRole('note')
      .filter({ hasText: 'Le coach ne rédige pas votre dossier.' });
    expect(await policy.textContent()).toContain('ne rédige aucune partie du dossier à votre place');
    await session.page.getByText('Posez votre première question').waitFor();
    await screenshot(session.page, 'coaching-02c-coach-empty');
    await atPhoneWidth('coaching-02d-coach-empty-mobile');

    await session.page
      .getByRole('textbox', { name: 'Votre question' })
      .fill('Mes indicateurs RSE (K5) sont-ils assez justifiés ?');
    const [streamed] = await Promise.all([
      session.page.waitForResponse((r) => r.url().endsWith('/versions/1/coach/stream')),
      session.page.getByRole('button', { name: 'Envoyer' }).click(),
    ]);
    expect(streamed.headers()['content-type']).toContain('text/event-stream');
    const messages = session.page.locator('li[data-message]');
    const answer = messages.nth(1);
    await answer.getByText("Sur quoi s'appuie cette réponse").waitFor({ timeout: ANSWER_TIMEOUT });
    await session.page.locator('li[data-message] [aria-busy="true"]').waitFor({ state: 'detached' });
    expect(await messages.count()).toBe(2);
    expect(await answer.textContent()).toContain("Réponse hors ligne (sans modèle d'IA)");
    expect(await answer.getByText('Hors ligne', { exact: true }).count()).toBe(1);

    // Cited passages carry their page; the criterion id links to the brief.
    const cited = answer.locator('a.evidence');
    expect(await cited.count()).toBeGreaterThan(0);
    const pageRefs = await cited.locator('.page-ref').allTextContents();
    for (const ref of pageRefs) expect(ref).toMatch(/^p\. \d+$/);
    const k5 = answer.getByRole('link', { name: /^Critère K5 :/ }).first();
    expect(await k5.getAttribute('href')).toBe('/epreuves/b1-audit-rse/fiche#critere-K5');
    await screenshot(session.page, 'coaching-03-coach-answer');

    // A citation opens the draft's text at its page, the passage highlighted.
    const quote = ((await cited.first().locator('q').textContent()) ?? '').replace(/\s+/g, ' ');
    await cited.first().click();
    const panel = session.page.getByRole('complementary', { name: 'Texte extrait — version 1' });
    const mark = panel.locator('mark');
    await mark.waitFor();
    expect((await mark.textContent())?.replace(/\s+/g, ' ')).toBe(quote);
    expect(await mark.isVisible()).toBe(true);
    await screenshot(session.page, 'coaching-04-coach-citation-opened');
    await panel.getByRole('button', { name: 'Fermer le texte extrait' }).click();
    await panel.waitFor({ state: 'detached' });

    // Asked to write the dossier, the coach gives guidance instead, and says so.
    await session.page.getByRole('textbox', { name: 'Votre question' }).fill('Rédige mon introduction');
    await session.page.getByRole('button', { name: 'Envoyer' }).click();
    await messages
      .nth(3)
      .getByText('Demande de rédaction : des pistes à la place')
      .waitFor({ timeout: ANSWER_TIMEOUT });
    expect(await messages.nth(3).textContent()).toContain('Je ne rédige pas');

    // The conversation is stored with the version: it is there after a reload.
    await session.page.reload();
    await session.page.getByRole('heading', { level: 1, name: 'Questions au coach' }).waitFor();
    await messages.nth(3).waitFor();
    expect(await messages.count()).toBe(4);
    await messages.nth(1).scrollIntoViewIfNeeded();
    await screenshot(session.page, 'coaching-05-coach-thread');
    await atPhoneWidth('coaching-06-coach-mobile', 'li[data-message]:nth-child(2)');

    // The dossier page leads to the coach (per version) and to the oral (per finished report).
    await session.page.getByRole('link', { name: 'Retour au dossier' }).click();
    await session.page.getByRole('heading', { name: 'Versions', exact: true }).waitFor();
    expect(
      await session.page
        .getByRole('link', { name: 'Questions au coach sur cette version (version 1)' })
        .getAttribute('href'),
    ).toMatch(/\/versions\/1\/coach$/);
    const toOral = session.page.getByRole('link', {
      name: "Préparer l'oral à partir du rapport de la version 1",
    });
    expect(await toOral.getAttribute('href')).toBe(`${new URL(reviewUrl).pathname}/oral`);
    await session.page.locator('.version-card').first().scrollIntoViewIfNeeded();
    await screenshot(session.page, 'coaching-06b-dossier-entry-points');

    // Oral preparation from the report: likely questions and a timed practice.
    await session.page.goto(reviewUrl);
    await session.page.getByRole('link', { name: "Préparer l'oral" }).click();
    await session.page.waitForURL('**/revues/*/oral');
    await session.page.getByRole('heading', { level: 1, name: "Préparer l'oral" }).waitFor();
    const questions = session.page.locator('.oral-question');
    await questions.first().waitFor();
    expect(await questions.count()).toBeGreaterThanOrEqual(4);
    // The model answers stay hidden until asked for.
    const modelAnswer = questions.first().getByRole('heading', { name: 'Une réponse solide contient' });
    expect(await modelAnswer.isVisible()).toBe(false);
    await screenshot(session.page, 'coaching-07a-oral-answers-hidden');
    await questions
      .first()
      .getByRole('button', { name: 'Voir une réponse possible à la question 1' })
      .click();
    await modelAnswer.waitFor();
    expect(
      await questions.nth(1).getByRole('heading', { name: 'Une réponse solide contient' }).isVisible(),
    ).toBe(false);
    // Audit RSE has no oral length in the referential: the practice says what it assumes.
    await session.page.getByText("Durée supposée : 20 minutes, le référentiel n'en fixe pas.").waitFor();
    const clock = session.page.getByRole('timer');
    expect(await clock.textContent()).toContain('20:00');
    await session.page.getByRole('button', { name: 'Démarrer' }).click();
    await session.page.waitForFunction(
      () => !document.querySelector('[role="timer"]')?.textContent?.includes('20:00'),
    );
    await session.page.getByRole('button', { name: 'Pause' }).click();
    const paused = await clock.textContent();
    expect(paused).toMatch(/19:5\d/);
    expect(await session.page.locator('.oral-timer [role="status"]').textContent()).toMatch(
      /^En pause : il reste 19 minutes/,
    );
    await screenshot(session.page, 'coaching-07-oral');
    await atPhoneWidth('coaching-08-oral-mobile');
    await session.page.getByRole('button', { name: 'Réinitialiser' }).click();
    expect(await clock.textContent()).toContain('20:00');

    expect(session.errors).toEqual([]);
  });
});
