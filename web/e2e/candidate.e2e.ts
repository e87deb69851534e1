import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpServer } from '../../server/src/lib/testing/smtp-server';
import { screenshot, signIn, useBrowserSession } from './browser';
import { auditRseDocx } from './fixtures';

const REPORT_TIMEOUT = 60_000;

describe('candidate workspace (real server, built app)', () => {
  // A real SMTP server in the test: the app mails the candidate when a review finishes.
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let files: string;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    files = await mkdtemp(join(tmpdir(), 'prejury-e2e-files-'));
    await writeFile(join(files, 'audit-rse-v1.docx'), await auditRseDocx(1));
    await writeFile(join(files, 'audit-rse-v2.docx'), await auditRseDocx(2));
  });

  afterAll(async () => {
    await smtp?.close();
    if (files) await rm(files, { recursive: true, force: true });
  });

  const session = useBrowserSession({
    env: () => ({ PREJURY_SMTP_URL: smtp.url }),
    page: { acceptDownloads: true },
  });

  async function waitForReport() {
    await session.page.waitForURL('**/revues/*', { timeout: REPORT_TIMEOUT });
    await session.page
      .getByRole('heading', { level: 1, name: "Rapport d'écarts" })
      .waitFor({ timeout: REPORT_TIMEOUT });
  }

  it('uploads a draft, reads the gap report, checks a quote, uploads a second version and exports', async () => {
    // An empty workspace says what to do.
    await signIn(session.page, session.server.url, 'candidate@demo.prejury.fr');
    await session.page.goto(`${session.server.url}/dossiers`);
    await session.page.getByText("Vous n'avez encore déposé aucun dossier").waitFor();
    await screenshot(session.page, 'candidate-01-no-dossier');

    // Choose the exam: its modalities, deliverables and criteria are shown before the upload.
    await session.page.getByRole('link', { name: 'Déposer un brouillon' }).first().click();
    await session.page
      .getByRole('heading', { level: 1, name: 'Préparez votre dossier avant le jury' })
      .waitFor();
    await session.page.getByText('Audit RSE', { exact: true }).click();
    const brief = session.page.getByRole('region', { name: 'Ce que le jury attend pour cette épreuve' });
    await brief.getByText('Un rapport de veille réglementaire en matière de RSE').waitFor();
    expect(await brief.textContent()).toContain('10 pages hors annexes');
    await session.page.getByRole('heading', { name: 'Déposez votre brouillon' }).scrollIntoViewIfNeeded();
    await screenshot(session.page, 'candidate-02-exam-chosen');

    // Upload the DOCX through the file input; the app sends it, requests the review and opens it.
    await session.page.locator('input[type="file"]').setInputFiles(join(files, 'audit-rse-v1.docx'));
    await waitForReport();
    const firstReviewUrl = session.page.url();

    // The finished review was mailed to the candidate, and shows in the header's notifications.
    const mail = await smtp.waitFor((m) => m.to.includes('candidate@demo.prejury.fr'));
    expect(mail.subject).toBe("Votre rapport d'écarts est prêt : Audit RSE, version 1");
    expect(mail.text).toContain(`/revues/${firstReviewUrl.split('/revues/')[1]}`);
    await session.page.reload();
    await session.page.getByRole('link', { name: 'Notifications 1 non lue' }).waitFor();

    const score = await session.page
      .getByTestId('score-ai')
      .locator('p > [aria-hidden] > span')
      .first()
      .textContent();
    expect(score).toMatch(/^\d(,\d{1,2})?$/);
    expect(await session.page.getByText(/^Note globale : \d(,\d{1,2})? sur 4$/).count()).toBe(1);
    const readiness = await session.page.getByTestId('score-ai').locator('.readiness').textContent();
    expect(['Prêt', 'Presque prêt', 'Pas encore prêt']).toContain(readiness?.trim());
    await session.page.getByText("Analyse hors ligne : pré-contrôle indicatif, sans modèle d'IA").waitFor();
    // Said once: not again in the flags nor in a second disclaimer.
    expect(
      await session.page
        .locator('.notice, [data-flag]')
        .evaluateAll((els) => els.filter((e) => /hors ligne/i.test(e.textContent ?? '')).length),
    ).toBe(1);
    expect(await session.page.locator('article[data-criterion]').count()).toBe(7);
    await screenshot(session.page, 'candidate-03-report');

    // Criteria are collapsed to their score line and first gap; the jump list opens one and focuses it.
    await session.page.setViewportSize({ width: 1366, height: 900 });
    const cards = session.page.locator('article[data-criterion]');
    const toggles = cards.locator('button[aria-expanded]');
    expect(await toggles.count()).toBe(7);
    expect(
      new Set(await toggles.evaluateAll((els) => els.map((e) => e.getAttribute('aria-expanded')))),
    ).toEqual(new Set(['false']));
    expect(await session.page.locator('a.evidence').first().isVisible()).toBe(false);
    const height = await session.page.evaluate(() => document.documentElement.scrollHeight);
    const jump = session.page.getByRole('navigation', { name: 'Aller à un critère' });
    const fifth = (await cards.nth(4).getAttribute('data-criterion')) ?? '';
    await jump.getByRole('link', { name: new RegExp(`^${fifth}`) }).click();
    const target = session.page.locator(`article[data-criterion="${fifth}"]`);
    await expect.poll(() => target.getAttribute('data-expanded')).toBe('true');
    await expect
      .poll(() => session.page.evaluate(() => document.activeElement?.getAttribute('data-criterion')))
      .toBe(fifth);
    expect(new URL(session.page.url()).hash).toBe(`#criterion-${fifth}`);
    // The target is in view, below the sticky jump list that stays on screen.
    const box = await target.boundingBox();
    const bar = await jump.boundingBox();
    expect(box && bar && box.y >= bar.y + bar.height - 1 && box.y < 900).toBe(true);
    expect(bar && bar.y >= 0 && bar.y < 120).toBe(true);
    // « Ce que signifient les niveaux »: the descriptors of the review's rubric, one click away.
    await target.getByText('Ce que signifient les niveaux').click();
    await target.locator('details[open] li[aria-current="true"]').waitFor();
    await screenshot(session.page, 'candidate-03a-report-jump-1366');
    // Expand all, collapse all.
    await session.page.getByRole('button', { name: 'Tout déplier' }).click();
    await expect.poll(() => session.page.locator('button[aria-expanded="true"]').count()).toBe(7);
    expect(await session.page.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(height);
    await session.page.getByRole('button', { name: 'Tout replier' }).click();
    await expect.poll(() => session.page.locator('article button[aria-expanded="true"]').count()).toBe(0);
    await session.page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(session.page, 'candidate-03-report-1366');
    await session.page.setViewportSize({ width: 390, height: 844 });
    await screenshot(session.page, 'candidate-03-report-390');
    await jump.getByRole('link', { name: new RegExp(`^${fifth}`) }).click();
    await expect
      .poll(() => session.page.evaluate(() => document.activeElement?.getAttribute('data-criterion')))
      .toBe(fifth);
    await screenshot(session.page, 'candidate-03a-report-jump-390');
    expect(
      await session.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    await session.page.setViewportSize({ width: 1280, height: 900 });

    await session.page.getByRole('heading', { name: 'Critère par critère' }).scrollIntoViewIfNeeded();
    await screenshot(session.page, 'candidate-03b-report-criteria');
    await session.page.getByRole('heading', { name: 'Contrôles de forme' }).scrollIntoViewIfNeeded();
    await screenshot(session.page, 'candidate-03c-report-checks');

    // A quote opens the extracted text at its page, with the passage highlighted.
    // (The first criterion may cite nothing: open them all and take the first quote of a criterion.)
    await session.page.getByRole('button', { name: 'Tout déplier' }).click();
    const evidence = session.page.locator('article[data-criterion] a.evidence').first();
    const quote = (await evidence.locator('q').textContent()) ?? '';
    expect(quote.length).toBeGreaterThan(11);
    await evidence.click();
    const panel = session.page.getByRole('complementary', { name: /Texte extrait — version 1/ });
    await panel.waitFor();
    const mark = panel.locator('mark');
    await mark.waitFor();
    expect((await mark.textContent())?.replace(/\s+/g, ' ')).toBe(quote.replace(/\s+/g, ' '));
    expect(await mark.isVisible()).toBe(true);
    expect(new URL(session.page.url()).searchParams.get('quote')).toBe(quote);
    await screenshot(session.page, 'candidate-04-evidence-highlighted');
    await panel.getByRole('button', { name: 'Fermer le texte extrait' }).click();
    await panel.waitFor({ state: 'detached' });

    // The report on a phone.
    await session.page.setViewportSize({ width: 375, height: 800 });
    await session.page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(session.page, 'candidate-05-report-mobile');
    await session.page.locator('article[data-criterion]').first().scrollIntoViewIfNeeded();
    await screenshot(session.page, 'candidate-05b-report-mobile-criterion');
    expect(
      await session.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    await session.page.setViewportSize({ width: 1280, height: 900 });

    // A second version from the dossier page: reviewed, then plotted beside the first.
    await session.page.getByRole('link', { name: 'Déposer une nouvelle version' }).click();
    await session.page.waitForURL('**/dossiers/*#nouvelle-version');
    await session.page.locator('input[type="file"]').setInputFiles(join(files, 'audit-rse-v2.docx'));
    await waitForReport();
    expect(session.page.url()).not.toBe(firstReviewUrl);
    await session.page.getByText('Rapport de la version 2').waitFor();

    // Markdown export: a real download, whose content is the Markdown report.
    const [download] = await Promise.all([
      session.page.waitForEvent('download'),
      session.page.getByRole('link', { name: 'Télécharger (Markdown)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.md$/);
    const markdown = await readFile((await download.path()) ?? '', 'utf8');
    expect(markdown.startsWith('#')).toBe(true);
    expect(markdown).toContain('Audit RSE');

    // Printable HTML: opens in a new tab.
    const printable = session.page.getByRole('link', { name: /Version imprimable/ });
    expect(await printable.getAttribute('target')).toBe('_blank');
    // Fetched with the page's session: the report is private to its reader.
    const html = await session.page.request.get(
      new URL((await printable.getAttribute('href')) ?? '', session.server.url).href,
    );
    expect(html.status()).toBe(200);
    expect(html.headers()['content-type']).toContain('text/html');
    expect(
      (await fetch(new URL((await printable.getAttribute('href')) ?? '', session.server.url))).status,
    ).toBe(401);

    await session.page
      .locator('.breadcrumb')
      .getByRole('link', { name: /Audit RSE/ })
      .click();
    await session.page.getByRole('heading', { name: 'Votre progression' }).waitFor();
    const chart = session.page.locator('.progress-chart');
    await chart.locator('.recharts-line-dot').nth(1).waitFor();
    expect(await chart.locator('.recharts-line-dot').count()).toBe(2);
    expect(await chart.locator('table tbody tr').count()).toBe(2);
    await session.page.getByRole('heading', { name: 'Comparer deux versions' }).waitFor();
    await session.page
      .getByRole('table', { name: 'Comparer deux versions' })
      .locator('tbody tr')
      .first()
      .waitFor();
    expect(
      await session.page.getByRole('table', { name: 'Comparer deux versions' }).locator('tbody tr').count(),
    ).toBe(7);
    await session.page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(session.page, 'candidate-06-dossier-progress');
    await session.page.getByRole('table', { name: 'Comparer deux versions' }).scrollIntoViewIfNeeded();
    await screenshot(session.page, 'candidate-06b-dossier-compare');
    await session.page.setViewportSize({ width: 1366, height: 900 });
    await session.page.getByRole('table', { name: 'Comparer deux versions' }).scrollIntoViewIfNeeded();
    await screenshot(session.page, 'candidate-06b-dossier-compare-1366');
    // On a phone the table scrolls sideways, says so, and the « Évolution » column can be reached.
    await session.page.setViewportSize({ width: 390, height: 844 });
    const compare = session.page.getByRole('region', { name: 'Tableau comparatif des deux versions' });
    await compare.scrollIntoViewIfNeeded();
    const hint = session.page.getByTestId('scroll-hint');
    await hint.waitFor();
    expect(await hint.textContent()).toContain('Faites défiler');
    await screenshot(session.page, 'candidate-06d-dossier-compare-390');
    const evolution = compare.getByRole('columnheader', { name: 'Évolution' });
    const outside = async () => {
      const b = await evolution.boundingBox();
      return b ? b.x + b.width > 390 : true;
    };
    expect(await outside()).toBe(true);
    // With the keyboard: the region takes the focus and the arrows scroll it.
    await compare.focus();
    for (let i = 0; i < 12; i += 1) await session.page.keyboard.press('ArrowRight');
    await expect.poll(outside).toBe(false);
    await hint.waitFor({ state: 'detached' });
    await screenshot(session.page, 'candidate-06e-dossier-compare-390-scrolled');
    expect(
      await session.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    await session.page.setViewportSize({ width: 1280, height: 900 });
    await session.page.getByRole('heading', { name: 'Versions', exact: true }).scrollIntoViewIfNeeded();
    await screenshot(session.page, 'candidate-06c-dossier-versions');

    // The dossier now lists both versions, each with its report.
    expect(await session.page.getByRole('heading', { name: /^Version [12]/ }).count()).toBe(2);
    await session.page.goto(`${session.server.url}/dossiers`);
    await session.page
      .locator('.dossier-card')
      .getByText(/^\d(,\d{1,2})?\/4$/)
      .first()
      .waitFor();
    await screenshot(session.page, 'candidate-07-dossier-list');

    expect(session.errors).toEqual([]);
  });
});
