import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchBrowser, screenshot } from './browser';
import { type RunningServer, startServer } from './server';

describe('référentiel (real server, built app)', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    errors = collectPageErrors(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('searches the referential, opens an exam and switches to English', async () => {
    await page.goto(`${server.url}/referentiel`);
    await page.getByRole('heading', { level: 1, name: 'Référentiel' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await page.locator('#B1').waitFor();
    await screenshot(page, 'referential-01-browse');

    await page.getByLabel('Rechercher une compétence, une épreuve, un livrable ou un critère').fill('SONCAS');
    const results = page.getByRole('region', { name: /résultats? pour « SONCAS »/ });
    await results.waitFor();
    const c38 = results.locator('li.result', { hasText: 'C38' });
    await c38.waitFor();
    expect(await c38.textContent()).toContain('SONCAS');
    expect(await c38.locator('mark').first().textContent()).toBe('SONCAS');
    await screenshot(page, 'referential-02-search-soncas');

    // Accent-insensitive: « negociation complexe » finds the exam « Négociation commerciale complexe ».
    await page
      .getByLabel('Rechercher une compétence, une épreuve, un livrable ou un critère')
      .fill('negociation complexe');
    await page.getByRole('link', { name: 'Négociation commerciale complexe' }).first().click();
    await page.waitForURL('**/epreuves/b4-negociation-complexe');
    await page.getByRole('heading', { level: 1, name: 'Négociation commerciale complexe' }).waitFor();
    const modalities = page.getByRole('region', { name: 'Modalités' });
    const text = await modalities.textContent();
    expect(text).toContain('Individuel');
    expect(text).toContain('10 pages, annexes comprises');
    expect(text).toContain('60 minutes');
    expect(text).toContain('2 professionnels');
    expect(text).toContain('Français');
    // Criteria carry competency chips linking to the referential.
    const chip = page.getByRole('link', { name: 'C38', exact: true }).first();
    expect(await chip.getAttribute('href')).toBe('/referentiel#C38');
    await screenshot(page, 'referential-03-exam-b4');

    await page.getByRole('button', { name: 'EN English' }).click();
    await page.getByRole('heading', { name: 'Modalities' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    const english = await page.getByRole('region', { name: 'Modalities' }).textContent();
    expect(english).toContain('Individual');
    expect(english).toContain('10 pages, appendices included');
    expect(english).toContain('2 professionals');
    expect(await page.getByRole('heading', { name: 'What you must present' }).count()).toBe(1);
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    expect(await nav.getByRole('link', { name: 'Framework' }).count()).toBe(1);
    await screenshot(page, 'referential-04-exam-b4-english');

    // The choice survives a reload.
    await page.reload();
    await page.getByRole('heading', { name: 'Assessment criteria' }).waitFor();

    // A competency chip leads to the competency, highlighted in the referential.
    await chip.click();
    await page.waitForURL('**/referentiel#C38');
    await page.locator('#C38.is-target').waitFor();
    await page.waitForTimeout(200);
    await screenshot(page, 'referential-05-competency-c38');

    // At 375 px wide the page still works.
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${server.url}/epreuves/b4-negociation-complexe`);
    await page.getByRole('heading', { name: 'Modalities' }).waitFor();
    await screenshot(page, 'referential-06-exam-mobile');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    expect(errors).toEqual([]);
  });
});
