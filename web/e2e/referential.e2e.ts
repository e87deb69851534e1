import { describe, expect, it } from 'vitest';
import { screenshot, useBrowserSession } from './browser';

describe('référentiel (real server, built app)', () => {
  const session = useBrowserSession();

  it('searches the referential, opens an exam and switches to English', async () => {
    await session.page.goto(`${session.server.url}/referentiel`);
    await session.page.getByRole('heading', { level: 1, name: 'Référentiel' }).waitFor();
    expect(await session.page.locator('html').getAttribute('lang')).toBe('fr');
    await session.page.locator('#B1').waitFor();
    await screenshot(session.page, 'referential-01-browse');

    await session.page
      .getByLabel('Rechercher une compétence, une épreuve, un livrable ou un critère')
      .fill('SONCAS');
    const results = session.page.getByRole('region', { name: /résultats? pour « SONCAS »/ });
    await results.waitFor();
    const c38 = results.getByRole('listitem').filter({ hasText: 'C38' });
    await c38.waitFor();
    expect(await c38.textContent()).toContain('SONCAS');
    expect(await c38.locator('mark').first().textContent()).toBe('SONCAS');
    await screenshot(session.page, 'referential-02-search-soncas');

    // Accent-insensitive: « negociation complexe » finds the exam « Négociation commerciale complexe ».
    await session.page
      .getByLabel('Rechercher une compétence, une épreuve, un livrable ou un critère')
      .fill('negociation complexe');
    await session.page.getByRole('link', { name: 'Négociation commerciale complexe' }).first().click();
    await session.page.waitForURL('**/epreuves/b4-negociation-complexe');
    await session.page.getByRole('heading', { level: 1, name: 'Négociation commerciale complexe' }).waitFor();
    const modalities = session.page.getByRole('region', { name: 'Modalités' });
    const text = await modalities.textContent();
    expect(text).toContain('Individuel');
    expect(text).toContain('10 pages, annexes comprises');
    expect(text).toContain('60 minutes');
    expect(text).toContain('2 professionnels');
    expect(text).toContain('Français');
    // Criteria carry competency chips linking to the referential.
    const chip = session.page.getByRole('link', { name: 'C38', exact: true }).first();
    expect(await chip.getAttribute('href')).toBe('/referentiel#C38');
    await screenshot(session.page, 'referential-03-exam-b4');

    await session.page.getByRole('button', { name: 'EN English' }).click();
    await session.page.getByRole('heading', { name: 'Modalities' }).waitFor();
    expect(await session.page.locator('html').getAttribute('lang')).toBe('en');
    const english = await session.page.getByRole('region', { name: 'Modalities' }).textContent();
    expect(english).toContain('Individual');
    expect(english).toContain('10 pages, appendices included');
    expect(english).toContain('2 professionals');
    expect(await session.page.getByRole('heading', { name: 'What you must present' }).count()).toBe(1);
    const nav = session.page.getByRole('navigation', { name: 'Main navigation' });
    expect(await nav.getByRole('link', { name: 'Framework' }).count()).toBe(1);
    await screenshot(session.page, 'referential-04-exam-b4-english');

    // The choice survives a reload.
    await session.page.reload();
    await session.page.getByRole('heading', { name: 'Assessment criteria' }).waitFor();

    // A competency chip leads to the competency, highlighted in the referential.
    await chip.click();
    await session.page.waitForURL('**/referentiel#C38');
    await session.page.locator('#C38.is-target').waitFor();
    await session.page.waitForTimeout(200);
    await screenshot(session.page, 'referential-05-competency-c38');

    // At 375 px wide the page still works.
    await session.page.setViewportSize({ width: 375, height: 800 });
    await session.page.goto(`${session.server.url}/epreuves/b4-negociation-complexe`);
    await session.page.getByRole('heading', { name: 'Modalities' }).waitFor();
    await screenshot(session.page, 'referential-06-exam-mobile');
    const overflow = await session.page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);

    expect(session.errors).toEqual([]);
  });
});
