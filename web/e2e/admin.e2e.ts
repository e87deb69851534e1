import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpServer } from '../../server/src/lib/testing/smtp-server';
import { collectPageErrors, launchBrowser, screenshot, signIn, useServerAndBrowser } from './browser';
import { type RunningServer, startServer } from './server';

/**
 * A school's admin console in Chromium, against the real server with a real SMTP server in the test:
 * a promotion is created, a trainer invited (the mailed link sets their password, then they sign in),
 * a 20-row roster with one bad row is refused whole, a user is deactivated (and can no longer sign in),
 * a role change is confirmed, and the audit log is filtered.
 */
describe('the admin console in the browser', () => {
  let server: RunningServer;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let browser: Browser;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    server = await startServer({ env: { PREJURY_SMTP_URL: smtp.url } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await smtp?.close();
  });

  const DESKTOP = { width: 1366, height: 900 };
  const PHONE = { width: 390, height: 844 };
  const TRAINER = {
    name: 'Thomas Tuteur',
    email: 'thomas.tuteur@ecole.example',
    password: 'mon-mot-de-passe-a-moi',
  };

  async function newPage(viewport = DESKTOP) {
    const page = await browser.newPage({ viewport });
    const errors = collectPageErrors(page);
    return { page, errors };
  }

  /** The link in a mail, on the test server's own address (the mail carries the public URL). */
  function linkIn(text: string): string {
    const found = /https?:\/\/\S+\/(bienvenue|reinitialiser)\?token=[A-Za-z0-9_-]+/.exec(text)?.[0];
    if (!found) throw new Error(`no invitation link in: ${text}`);
    const url = new URL(found);
    return `${server.url}${url.pathname}${url.search}`;
  }

  function roster(rows: string[]) {
    return Buffer.from(['nom;email;role;promotion', ...rows].join('\r\n'), 'utf8');
  }

  let admin: Page;
  let adminErrors: string[];
  let trainerPage: Page;

  it('creates a promotion and invites a trainer, who sets a password from the mailed link and signs in', async () => {
    ({ page: admin, errors: adminErrors } = await newPage());
    await signIn(admin, server.url, 'admin@demo.prejury.fr');
    await admin.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();

    const cohorts = admin.getByRole('region', { name: 'Promotions' });
    await cohorts.getByLabel('Nom de la promotion').fill('Promotion 2027');
    await cohorts.getByRole('button', { name: 'Créer la promotion' }).click();
    await cohorts.getByRole('status').getByText('Promotion « Promotion 2027 » créée.').waitFor();
    await cohorts.getByRole('row', { name: /Promotion 2027/ }).waitFor();

    const invite = admin.getByRole('region', { name: 'Inviter une personne' });
    await invite.getByLabel('Nom').fill(TRAINER.name);
    await invite.getByLabel('Adresse e-mail').fill(TRAINER.email);
    await invite.getByLabel('Rôle').selectOption({ label: 'Formateur' });
    await invite.getByLabel('Promotion').selectOption({ label: 'Promotion 2027' });
    await invite.getByRole('button', { name: "Envoyer l'invitation" }).click();
    await invite.getByRole('status').getByText(`Lien envoyé par e-mail à ${TRAINER.email}.`).waitFor();
    const users = admin.getByRole('region', { name: 'Comptes' });
    const row = users.getByRole('row', { name: new RegExp(TRAINER.name) });
    await row.getByText('Invitation en attente').waitFor();
    expect(await row.textContent()).toContain('Promotion 2027');
    await screenshot(admin, 'admin-01-invited', { fullPage: true });

    const mail = await smtp.waitFor((m) => m.to.includes(TRAINER.email));
    expect(mail.subject).toBe('Préjury : votre compte vous attend');
    const link = linkIn(mail.text);

    // The trainer, in their own browser.
    const { page, errors } = await newPage(PHONE);
    trainerPage = page;
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Bienvenue sur Préjury' }).waitFor();
    await page.getByLabel('Nouveau mot de passe (10 caractères au moins)').fill(TRAINER.password);
    await page.getByLabel('Confirmer le mot de passe').fill(TRAINER.password);
    await screenshot(page, 'admin-02-invitation-phone');
    await page.getByRole('button', { name: 'Activer mon compte' }).click();
    await page.getByRole('status').getByText('Votre compte est prêt.').waitFor();
    await signIn(page, server.url, TRAINER.email, TRAINER.password);
    await page.waitForURL('**/formateur');
    expect(errors).toEqual([]);

    // The link was single-use.
    const { page: again, errors: againErrors } = await newPage();
    await again.goto(link);
    await again.getByLabel('Nouveau mot de passe (10 caractères au moins)').fill('encore-un-autre-mot');
    await again.getByLabel('Confirmer le mot de passe').fill('encore-un-autre-mot');
    await again.getByRole('button', { name: 'Activer mon compte' }).click();
    await again
      .getByRole('alert')
      .getByText(/invalide, expiré ou déjà utilisé/)
      .waitFor();
    againErrors.splice(0); // the browser logs the refused 400
    await again.close();

    await admin.reload();
    await users
      .getByRole('row', { name: new RegExp(TRAINER.name) })
      .getByText('Actif')
      .waitFor();
  });

  it('refuses a 20-row roster with one bad row as a whole, showing the row error; the fixed file goes through', async () => {
    const rows = Array.from(
      { length: 20 },
      (_, i) => `Candidat Liste ${i + 1};liste${i + 1}@ecole.example;candidat;Promotion 2027`,
    );
    rows[11] = 'Candidat Liste 12;pas-une-adresse;candidat;Promotion 2027';
    const section = admin.getByRole('region', { name: 'Importer une liste (CSV)' });
    await section.getByLabel('Fichier CSV de la liste').setInputFiles({
      name: 'liste.csv',
      mimeType: 'text/csv',
      buffer: roster(rows),
    });
    await section.getByRole('button', { name: 'Importer', exact: true }).click();
    const alert = section.getByRole('alert');
    await alert.getByText("Import refusé : aucun compte n'a été créé.", { exact: false }).waitFor();
    const errorRows = alert.getByRole('row');
    expect(await errorRows.count()).toBe(2); // header + the one bad line
    expect(await errorRows.nth(1).textContent()).toBe('13adresse e-mail invalide : « pas-une-adresse ».');
    adminErrors.splice(0); // the refused 400
    await screenshot(admin, 'admin-03-roster-refused');
    const users = admin.getByRole('region', { name: 'Comptes' });
    expect(await users.getByText('liste1@ecole.example').count()).toBe(0);

    rows[11] = 'Candidat Liste 12;liste12@ecole.example;candidat;Promotion 2027';
    await section.getByLabel('Fichier CSV de la liste').setInputFiles({
      name: 'liste.csv',
      mimeType: 'text/csv',
      buffer: roster(rows),
    });
    await section.getByRole('button', { name: 'Importer', exact: true }).click();
    await section.getByRole('status').getByText('20 compte(s) créé(s) et invité(s).').waitFor();
    await users.getByText('liste20@ecole.example').waitFor();
    await smtp.waitFor((m) => m.to.includes('liste20@ecole.example'));
  });

  it('sends a password reset from the console; the mailed link sets a new password', async () => {
    const users = admin.getByRole('region', { name: 'Comptes' });
    // The admin's own row offers no deactivation or deletion (another admin, or « Mon compte », does that).
    expect(await users.getByRole('button', { name: 'Désactiver Alix Admin' }).count()).toBe(0);
    await users.getByRole('button', { name: 'Réinitialiser le mot de passe de Dominique Candidat' }).click();
    await users
      .getByRole('status')
      .getByText('Lien envoyé par e-mail à candidate2@demo.prejury.fr.')
      .waitFor();
    const mail = await smtp.waitFor((m) => m.to.includes('candidate2@demo.prejury.fr'));
    expect(mail.subject).toBe('Préjury : choisissez un nouveau mot de passe');
    const { page, errors } = await newPage();
    await page.goto(linkIn(mail.text));
    await page.getByRole('heading', { level: 1, name: 'Nouveau mot de passe' }).waitFor();
    await page.getByLabel('Nouveau mot de passe (10 caractères au moins)').fill('dominique-nouveau-mot');
    await page.getByLabel('Confirmer le mot de passe').fill('dominique-nouveau-mot');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page
      .getByRole('status')
      .getByText(/Mot de passe changé/)
      .waitFor();
    await signIn(page, server.url, 'candidate2@demo.prejury.fr', 'dominique-nouveau-mot');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('deactivates a user after a confirmation: their session ends and sign-in is refused', async () => {
    const users = admin.getByRole('region', { name: 'Comptes' });
    await users.getByRole('button', { name: `Désactiver ${TRAINER.name}` }).click();
    const dialog = admin.getByRole('dialog', { name: `Désactiver le compte de ${TRAINER.name} ?` });
    await dialog.waitFor();
    await screenshot(admin, 'admin-04-deactivate-dialog');
    await dialog.getByRole('button', { name: 'Désactiver le compte' }).click();
    await users
      .getByRole('status')
      .getByText(`Compte de ${TRAINER.name} désactivé : ses sessions sont fermées.`)
      .waitFor();
    await users
      .getByRole('row', { name: new RegExp(TRAINER.name) })
      .getByText(/^Désactivé le/)
      .waitFor();

    // The trainer's open session is gone…
    await trainerPage.reload();
    await trainerPage.waitForURL('**/connexion**');
    // …and signing in again is refused, with the reason.
    await trainerPage.getByLabel('Adresse e-mail').fill(TRAINER.email);
    await trainerPage.getByLabel('Mot de passe', { exact: true }).fill(TRAINER.password);
    await trainerPage.getByRole('button', { name: 'Se connecter' }).click();
    await trainerPage
      .getByRole('alert')
      .getByText("Ce compte est désactivé : contactez l'administrateur de votre organisme pour le réactiver.")
      .waitFor();
    await screenshot(trainerPage, 'admin-05-sign-in-refused-phone');
    await trainerPage.close();
  });

  it('confirms a role change and says what happens to the promotion', async () => {
    const users = admin.getByRole('region', { name: 'Comptes' });
    await users.getByLabel('Rôle de Camille Candidat').selectOption({ label: 'Formateur' });
    const dialog = admin.getByRole('dialog', { name: 'Changer le rôle de Camille Candidat' });
    await dialog
      .getByText('Camille Candidat quitte la promotion « Promotion A » comme candidat', { exact: false })
      .waitFor();
    expect(await dialog.getByRole('checkbox', { name: 'Promotion A' }).isChecked()).toBe(true);
    await screenshot(admin, 'admin-06-role-dialog');
    await dialog.getByRole('button', { name: 'Changer le rôle' }).click();
    await users.getByRole('status').getByText('Rôle de Camille Candidat : Formateur.').waitFor();
    const row = users.getByRole('row', { name: /Camille Candidat/ });
    // The list refetches after the change: the trainer's promotions, with their edit button, replace the picker.
    await row.getByRole('button', { name: 'Modifier les promotions de Camille Candidat' }).waitFor();
    expect(await row.textContent()).toContain('Promotion A');
  });

  it('filters the audit log by action and by actor, with names and pages', async () => {
    const audit = admin.getByRole('region', { name: "Journal d'audit" });
    await audit.getByLabel('Action', { exact: true }).selectOption({ label: 'Compte désactivé' });
    await audit.getByText('Page 1 sur 1 · 1 entrée(s)').waitFor();
    const rows = audit.getByRole('row');
    expect(await rows.count()).toBe(2);
    const entry = await rows.nth(1).textContent();
    expect(entry).toContain('Alix Admin');
    expect(entry).toContain(TRAINER.name);
    expect(entry).toContain('1 session(s) fermée(s)'); // the one the trainer had open

    await audit.getByLabel('Action', { exact: true }).selectOption({ label: 'Invitation envoyée' });
    await audit.getByText('Page 1 sur 1 · 21 entrée(s)').waitFor();
    await audit.getByLabel('Qui', { exact: true }).selectOption({ label: 'Système' });
    await audit.getByText(/^Aucune entrée pour ces filtres\.$/).waitFor();
    await audit.getByLabel('Qui', { exact: true }).selectOption({ label: 'Alix Admin' });
    await audit.getByLabel('Action', { exact: true }).selectOption({ label: 'Toutes les actions' });
    // 1 promotion, 21 invitations, 1 import, 1 password reset, 1 deactivation, 1 role change.
    await audit.getByText('Page 1 sur 2 · 26 entrée(s)').waitFor();
    await audit.getByLabel('Du', { exact: true }).fill('2020-01-01');
    await audit.getByLabel('Au', { exact: true }).fill('2020-12-31');
    await audit.getByText(/^Aucune entrée pour ces filtres\.$/).waitFor();
    await audit.getByRole('button', { name: 'Effacer les filtres' }).click();
    await audit.getByText(/Page 1 sur 2 · \d+ entrée\(s\)/).waitFor();
    await audit.getByRole('button', { name: 'Page suivante' }).click();
    await audit.getByText(/Page 2 sur 2/).waitFor();
    await audit.getByRole('button', { name: 'Page précédente' }).click();
    await audit.getByLabel('Action', { exact: true }).selectOption({ label: 'Compte désactivé' });
    await audit.getByText('Page 1 sur 1 · 1 entrée(s)').waitFor();
    await audit.scrollIntoViewIfNeeded();
    await screenshot(admin, 'admin-07-audit-filtered');
    expect(adminErrors).toEqual([]);
  });

  it('fits a phone screen', async () => {
    const { page, errors } = await newPage(PHONE);
    await signIn(page, server.url, 'admin@demo.prejury.fr');
    await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
    await page.getByRole('region', { name: 'Comptes' }).getByText(TRAINER.email).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'admin-08-phone');
    await page.getByRole('region', { name: "Journal d'audit" }).scrollIntoViewIfNeeded();
    await screenshot(page, 'admin-09-phone-audit');
    expect(errors).toEqual([]);
    await page.close();
  });
});

/** Without a mail server, the invitation link is shown once to the admin, who passes it on. */
describe('invitations without a mail server', () => {
  const session = useServerAndBrowser();

  it('shows the link once; the invited person uses it to choose a password and sign in', async () => {
    const page = await session.browser.newPage({ viewport: { width: 390, height: 844 } });
    const errors = collectPageErrors(page);
    await signIn(page, session.server.url, 'admin@demo.prejury.fr');
    const invite = page.getByRole('region', { name: 'Inviter une personne' });
    await invite.getByLabel('Nom').fill('Éva Examen');
    await invite.getByLabel('Adresse e-mail').fill('eva@ecole.example');
    await invite.getByLabel('Rôle').selectOption({ label: 'Équipe examen' });
    await invite.getByRole('button', { name: "Envoyer l'invitation" }).click();
    const box = invite.getByRole('status');
    await box.getByText(/Lien pour Éva Examen \(eva@ecole\.example\), affiché une seule fois/).waitFor();
    const link = await box.getByLabel('Lien pour Éva Examen').inputValue();
    expect(link).toMatch(/\/bienvenue\?token=[A-Za-z0-9_-]{40,}$/);
    await box.scrollIntoViewIfNeeded();
    await screenshot(page, 'admin-10-link-shown-once-phone');
    // Not kept: after a reload the page has no link to show again.
    await page.reload();
    await page.getByRole('region', { name: 'Inviter une personne' }).waitFor();
    expect(await page.getByText(/affiché une seule fois/).count()).toBe(0);
    expect(errors).toEqual([]);

    const url = new URL(link);
    const eva = await session.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await eva.goto(`${session.server.url}${url.pathname}${url.search}`);
    await eva.getByLabel('Nouveau mot de passe (10 caractères au moins)').fill('le-mot-de-passe-d-eva');
    await eva.getByLabel('Confirmer le mot de passe').fill('le-mot-de-passe-d-eva');
    await eva.getByRole('button', { name: 'Activer mon compte' }).click();
    await eva.getByRole('status').getByText('Votre compte est prêt.').waitFor();
    await screenshot(eva, 'admin-11-invitation-done');
    await signIn(eva, session.server.url, 'eva@ecole.example', 'le-mot-de-passe-d-eva');
    await eva.close();
    await page.close();
  });
});
