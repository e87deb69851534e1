import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { collectPageErrors, screenshot, signIn, useServerAndBrowser } from './browser';

/** Sign-in, role-aware navigation and sign-out, in Chromium against the real server and its demo accounts. */
describe('accounts in the browser', () => {
  const session = useServerAndBrowser();
  let page: Page;
  let errors: string[];

  async function freshPage(width = 1280) {
    page = await session.browser.newPage({ viewport: { width, height: 900 } });
    errors = collectPageErrors(page);
    return page;
  }

  /** The navigation's links, by their full label. */
  const navLinks = () =>
    page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link')
      .evaluateAll((links) =>
        links.map((a) => (a.querySelector('.nav-long')?.textContent ?? a.textContent ?? '').trim()),
      );

  it('sends an anonymous visitor to sign in, refuses a wrong password, then comes back signed in', async () => {
    await freshPage();
    await page.goto(`${session.server.url}/dossiers`);
    await page.waitForURL('**/connexion?suivant=%2Fdossiers');
    await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
    expect(await navLinks()).toEqual(['Référentiel']);

    await page.getByLabel('Adresse e-mail').fill('candidate@demo.prejury.fr');
    await page.getByLabel('Mot de passe', { exact: true }).fill('pas-le-bon-mot-de-passe');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('alert').getByText('Adresse e-mail ou mot de passe incorrect.').waitFor();
    await screenshot(page, 'accounts-01-wrong-password');
    // The browser logs the 401 of the failed attempt; that one is expected.
    errors.splice(0);

    await signIn(page, session.server.url, 'candidate@demo.prejury.fr');
    await page.goto(`${session.server.url}/dossiers`);
    await page.getByRole('heading', { level: 1, name: 'Mes dossiers' }).waitFor();
    expect(await navLinks()).toEqual(['Déposer un brouillon', 'Mes dossiers', 'Référentiel']);
    await page.getByRole('link', { name: /Camille Candidat/ }).waitFor();
    await screenshot(page, 'accounts-02-candidate');

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL('**/connexion');
    await page.goto(`${session.server.url}/dossiers`);
    await page.waitForURL('**/connexion?suivant=%2Fdossiers');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows each role its own navigation and start page', async () => {
    await freshPage();
    await signIn(page, session.server.url, 'trainer@demo.prejury.fr');
    await page.waitForURL('**/formateur');
    expect(await navLinks()).toEqual(['File de relecture', 'Ma promotion', 'Référentiel']);
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL('**/connexion');

    await signIn(page, session.server.url, 'admin@demo.prejury.fr');
    await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
    expect(await navLinks()).toEqual(['Administration', 'Calibration', 'Dossiers', 'Référentiel']);
    const users = page.getByRole('region', { name: 'Comptes' });
    await users.getByText('trainer@demo.prejury.fr').waitFor();
    expect(await users.getByRole('row').count()).toBe(6);
    // (The action filter lists « Compte créé » too: the table's cell is the entry.)
    await page
      .getByRole('region', { name: "Journal d'audit" })
      .getByRole('cell', { name: 'Compte créé' })
      .first()
      .waitFor();
    // The model-server check, on demand (the e2e server runs the offline default).
    const modelCheck = page.getByRole('region', { name: 'Serveur de modèle' });
    await modelCheck.getByRole('button', { name: 'Vérifier maintenant' }).click();
    await modelCheck.getByRole('status').getByText('Prêt pour les revues.').waitFor();
    expect(await modelCheck.getByRole('row', { name: /Embeddings/ }).textContent()).toContain(
      'offline-hash-v1-384',
    );
    await screenshot(page, 'accounts-03-admin', { fullPage: true });

    // A candidate who types the admin page's address is told it is not for them.
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL('**/connexion');
    await signIn(page, session.server.url, 'candidate2@demo.prejury.fr');
    await page.goto(`${session.server.url}/admin`);
    await page.getByText('Accès réservé').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fits a 375 px screen when signed in', async () => {
    await freshPage(375);
    await signIn(page, session.server.url, 'candidate@demo.prejury.fr');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'accounts-04-mobile');
    expect(errors).toEqual([]);
    await page.close();
  });
});
