/** Headless Chromium (Debian's) for the e2e tests, and a screenshot helper. */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { E2E_PASSWORD, repoRoot } from './server';

export const screenshotDir = join(repoRoot, 'web/e2e/screenshots');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * Saves what the user sees (the viewport; the whole page with `fullPage`) to
 * web/e2e/screenshots/<name>.png (git-ignored), to look at after a run.
 */
export async function screenshot(page: Page, name: string, { fullPage = false } = {}) {
  await mkdir(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage });
}

/** Fails the test on any console error or uncaught exception, CSP violations included. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const { url } = message.location();
      errors.push(url ? `${message.text()} (${url})` : message.text());
    }
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** Signs in through the sign-in form, as a person would, and waits to leave it. */
export async function signIn(page: Page, base: string, email: string, password = E2E_PASSWORD) {
  await page.goto(`${base}/connexion`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/connexion'));
  // Signed in once the header shows the user's menu.
  await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
}
