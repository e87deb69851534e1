/** Headless Chromium (Debian's) for the e2e tests, and a screenshot helper. */
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { E2E_PASSWORD, type RunningServer, repoRoot, startServer } from './server';

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
 * web/e2e/screenshots/<name>.png (git-ignored), to look at after a run — and checks the page with
 * axe-core first: every state the tests look at is also held to WCAG 2.1 AA.
 */
export async function screenshot(page: Page, name: string, { fullPage = false } = {}) {
  await expectAccessible(page, name);
  await mkdir(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage });
}

let axeSource: string | undefined;

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules, and best practices) on the page as it is, and fails on any
 * serious or critical violation, naming the rule and the elements. The script is evaluated through the
 * browser's debugging protocol, so the app's strict CSP stays as it is for the page itself.
 */
export async function expectAccessible(page: Page, where: string) {
  axeSource ??= await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  });
  if (violations.length > 0) {
    throw new Error(`Accessibility violations on « ${where} »:\n${violations.join('\n')}`);
  }
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
  // Exact: « Se connecter avec … » (single sign-on) may stand beside it.
  await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/connexion'));
  // Signed in once the header shows the user's menu.
  await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
}

/** What a browser test holds: the real server, Chromium, one page and the errors that page printed. */
export interface BrowserSession {
  server: RunningServer;
  browser: Browser;
  page: Page;
  errors: string[];
}

/**
 * Starts the real server and Chromium before the tests of the calling `describe` (`beforeAll`) and stops
 * them after (`afterAll`); for tests that open their own pages. The fields are set once `beforeAll` has run.
 */
export function useServerAndBrowser(
  options: { env?: () => Record<string, string> } = {},
): Pick<BrowserSession, 'server' | 'browser'> {
  const session = {} as Pick<BrowserSession, 'server' | 'browser'>;
  beforeAll(async () => {
    session.server = await startServer({ env: options.env?.() });
    session.browser = await launchBrowser();
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.stop();
  });
  return session;
}

/**
 * Starts the real server, Chromium and a 1280×900 page before the tests of the calling `describe`
 * (`beforeAll`) and stops them after (`afterAll`). The fields are set once `beforeAll` has run.
 * `env` is read then, so it may use what an earlier `beforeAll` started (an in-test SMTP server).
 */
export function useBrowserSession(
  options: { env?: () => Record<string, string>; page?: BrowserContextOptions } = {},
): BrowserSession {
  const session = useServerAndBrowser(options) as BrowserSession;
  beforeAll(async () => {
    session.page = await session.browser.newPage({ viewport: { width: 1280, height: 900 }, ...options.page });
    session.errors = collectPageErrors(session.page);
  });
  return session;
}
