import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchBrowser, screenshot, signIn } from './browser';
import { apiAs, type RunningServer, repoRoot, startServer } from './server';

/**
 * The exam team's « Dossiers » page in Chromium: candidates' names, cohorts, exams, versions and the latest
 * review, filtered by cohort and candidate (on the server), not the candidate's « Mes dossiers ».
 */
describe('the exam team’s dossier list in the browser', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    const text = await readFile(join(repoRoot, 'evals/cases/b1-audit-rse/partial.md'));
    const upload = async (email: string, examId: string) => {
      const as = await apiAs(server.url, email);
      const form = new FormData();
      form.append('file', new File([text], `${examId}.md`, { type: 'text/markdown' }));
      form.append('examId', examId);
      const created = await as('/api/dossiers', { method: 'POST', body: form });
      expect(created.status).toBe(201);
      return { as, id: ((await created.json()) as { id: string }).id };
    };
    const audit = await upload('candidate@demo.prejury.fr', 'b1-audit-rse');
    await upload('candidate@demo.prejury.fr', 'b2-strategie-commerciale');
    await upload('candidate2@demo.prejury.fr', 'b1-audit-rse');
    const requested = await audit.as(`/api/dossiers/${audit.id}/versions/1/reviews`, { method: 'POST' });
    const { id: reviewId } = (await requested.json()) as { id: string };
    for (;;) {
      const review = (await (await audit.as(`/api/reviews/${reviewId}`)).json()) as { status: string };
      if (review.status === 'done') break;
      if (review.status === 'failed') throw new Error('the review failed');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lists the candidates’ dossiers with their latest review, and filters them', async () => {
    for (const [width, height, suffix] of [
      [1366, 900, ''],
      [390, 844, '-phone'],
    ] as const) {
      const page = await browser.newPage({ viewport: { width, height } });
      const errors = collectPageErrors(page);
      await signIn(page, server.url, 'examteam@demo.prejury.fr');
      await page.goto(`${server.url}/dossiers`);
      await page.getByRole('heading', { level: 1, name: 'Dossiers des candidats' }).waitFor();
      expect(await page.getByText('Mes dossiers').count()).toBe(0);
      expect(await page.getByRole('link', { name: 'Nouveau dossier' }).count()).toBe(0);
      await page.getByRole('status').getByText('3 dossiers').waitFor();
      const rows = page.locator('tbody tr');
      expect(await rows.count()).toBe(3);
      const camille = rows.filter({ hasText: 'Audit RSE' }).filter({ hasText: 'Camille Candidat' });
      await camille.getByText('Promotion A').waitFor();
      await camille.getByRole('link', { name: /\/4/ }).waitFor();
      await screenshot(page, `staff-dossiers-01-list${suffix}`);

      await page.getByLabel('Promotion').selectOption({ label: 'Promotion B' });
      await page.getByRole('status').getByText('1 dossier').waitFor();
      expect(await rows.count()).toBe(1);
      await rows.first().getByText('Dominique Candidat').waitFor();
      expect(page.url()).toContain('promotion=');

      await page.getByLabel('Promotion').selectOption({ label: 'Toutes les promotions' });
      await page.getByLabel('Candidat (nom ou e-mail)').fill('camille');
      await page.getByRole('status').getByText('2 dossiers').waitFor();
      await page.getByLabel('Dernière analyse').selectOption({ label: 'Pas encore analysé' });
      await page.getByRole('status').getByText('1 dossier').waitFor();
      await rows.first().getByText('Pas encore de revue').waitFor();
      await screenshot(page, `staff-dossiers-02-filtered${suffix}`);

      // The candidate's name opens the dossier.
      await rows.first().getByRole('link', { name: 'Camille Candidat' }).click();
      await page.waitForURL('**/dossiers/*');
      expect(errors).toEqual([]);
      await page.close();
    }
  });
});
