import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../server/src/lib/testing/free-port';
import { startOidcProvider, type TestOidcProvider } from '../../server/src/lib/testing/oidc-provider';
import { collectPageErrors, launchBrowser, screenshot, signIn } from './browser';
import { apiAs, type RunningServer, startServer } from './server';

/**
 * Single sign-on in Chromium against a real OpenID Connect provider started here (oidc-provider, its
 * development sign-in and consent pages): the admin configures it, a user clicks « Se connecter avec … »,
 * signs in at the provider and lands signed in; a disallowed domain and an unknown user are refused.
 */
describe('single sign-on in the browser', () => {
  let server: RunningServer;
  let idp: TestOidcProvider;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    const idpPort = await freePort();
    server = await startServer({
      env: { PREJURY_SSO_PRIVATE_ISSUERS: `http://127.0.0.1:${idpPort}` },
    });
    // The server's own address (PREJURY_PUBLIC_URL unset: http://localhost:PORT), so the provider sends
    // the browser back to the origin that holds the flow's state cookie.
    base = server.url.replace('127.0.0.1', 'localhost');
    const admin = await apiAs(server.url, 'admin@demo.prejury.fr');
    const { redirectUri } = (await (await admin('/api/admin/sso')).json()) as { redirectUri: string };
    idp = await startOidcProvider({
      port: idpPort,
      redirectUris: [redirectUri],
      identities: {
        camille: { email: 'candidate@demo.prejury.fr', emailVerified: true, name: 'Camille' },
        ailleurs: { email: 'quelquun@autre-ecole.fr', emailVerified: true, name: 'Quelqu’un' },
        nouveau: { email: 'nouveau@demo.prejury.fr', emailVerified: true, name: 'Noé Nouveau' },
      },
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await idp?.close();
    await server?.stop();
  });

  async function freshPage(width = 1366, height = 900) {
    const context = await browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    return { page, errors: collectPageErrors(page) };
  }

  /** At the provider's development pages: any password; the login is the account. */
  async function signInAtProvider(page: Page, login: string) {
    await page.waitForURL((url) => url.origin === idp.issuer);
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('mot-de-passe-du-fournisseur');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
  }

  async function startSso(page: Page) {
    await page.goto(`${base}/connexion`);
    await page.getByRole('button', { name: 'Se connecter avec Annuaire de l’école' }).click();
  }

  it('lets the admin configure the provider, without ever showing the secret back', async () => {
    for (const [width, height, name] of [
      [1366, 900, 'sso-01-admin-settings'],
      [390, 844, 'sso-01-admin-settings-phone'],
    ] as const) {
      const { page, errors } = await freshPage(width, height);
      await signIn(page, base, 'admin@demo.prejury.fr');
      await page.goto(`${base}/admin`);
      const section = page.getByRole('region', { name: 'Connexion unique (OpenID Connect)' });
      await section.waitFor();
      if (width === 1366) {
        await section.getByText('Non configurée').waitFor();
        await section.getByLabel('Nom affiché sur le bouton').fill('Annuaire de l’école');
        await section.getByLabel('Émetteur (issuer)').fill(idp.issuer);
        await section.getByLabel('Identifiant client').fill(idp.clientId);
        await section.getByLabel('Secret client', { exact: true }).fill(idp.clientSecret);
        await section.getByLabel('Domaine e-mail autorisé').fill('demo.prejury.fr');
        await section.getByRole('button', { name: 'Enregistrer la connexion unique' }).click();
        await section.getByText('Connexion unique enregistrée.').waitFor();
      }
      await section.getByText('Active : le bouton « Se connecter avec Annuaire de l’école »').waitFor();
      expect(await section.getByLabel(/Secret client/).inputValue()).toBe('');
      expect(await page.content()).not.toContain(idp.clientSecret);
      await section.scrollIntoViewIfNeeded();
      await screenshot(page, name);
      expect(errors).toEqual([]);
      await page.context().close();
    }
  });

  it('signs a known user in at the provider and lands signed in', async () => {
    for (const [width, height, name] of [
      [390, 844, 'sso-02-sign-in-phone'],
      [1366, 900, 'sso-02-sign-in'],
    ] as const) {
      const { page } = await freshPage(width, height);
      await page.goto(`${base}/connexion`);
      await page.getByRole('button', { name: 'Se connecter avec Annuaire de l’école' }).waitFor();
      await screenshot(page, name);
      await page.context().close();
    }
    const { page, errors } = await freshPage();
    await startSso(page);
    await signInAtProvider(page, 'camille');
    await page.waitForURL((url) => url.origin === base && !url.pathname.startsWith('/connexion'));
    await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
    const me = await page.evaluate(async () => (await fetch('/api/me')).json());
    expect(me).toMatchObject({ email: 'candidate@demo.prejury.fr', role: 'candidate' });
    await screenshot(page, 'sso-03-signed-in');
    // The provider's development pages import a web font from the internet, which no test reaches.
    expect(
      errors.filter((e) => !e.includes(idp.issuer) && !/fonts\.g|ERR_NAME_NOT_RESOLVED|ERR_INTERNET/.test(e)),
    ).toEqual([]);
    await page.context().close();
  });

  it('refuses an address outside the allowed domain, in French, with no session', async () => {
    const { page } = await freshPage(390, 844);
    await startSso(page);
    await signInAtProvider(page, 'ailleurs');
    await page.waitForURL(`${base}/connexion/sso?**`);
    expect(new URL(page.url()).searchParams.get('error')).toBe('sso_domain_refused');
    await page.getByRole('heading', { level: 1, name: 'Connexion unique refusée' }).waitFor();
    await page
      .getByRole('alert')
      .getByText("Cette adresse e-mail n'appartient pas au domaine autorisé par votre établissement.")
      .waitFor();
    await screenshot(page, 'sso-04-refused-domain-phone');
    expect(await page.evaluate(async () => (await fetch('/api/me')).json())).toBeNull();
    await page.context().close();
  });

  it('refuses an unknown user when the school creates no accounts', async () => {
    const { page } = await freshPage();
    await startSso(page);
    await signInAtProvider(page, 'nouveau');
    await page.waitForURL(`${base}/connexion/sso?**`);
    expect(new URL(page.url()).searchParams.get('error')).toBe('sso_unknown_user');
    await page
      .getByRole('alert')
      .getByText(/Aucun compte Préjury n'existe pour cette adresse/)
      .waitFor();
    await screenshot(page, 'sso-05-refused-unknown');
    expect(await page.evaluate(async () => (await fetch('/api/me')).json())).toBeNull();
    await page.getByRole('link', { name: 'Retour à la connexion' }).click();
    await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
    await page.context().close();
  });
});
