/**
 * The exam team's calibration in Chromium against the real server (offline analyzer, pg-boss queue):
 * import the jury's scores (a bad CSV first), read the agreement table and the confusion matrix, drill
 * down to a dossier, write a new rubric version, then run both versions and compare them side by side.
 *
 * Dossiers with AI reviews are seeded through the API as the demo candidate: the three « Audit RSE »
 * drafts of the evals, whose gold scores (two raters for two of them) are the jury's CSV.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchBrowser, screenshot, signIn } from './browser';
import { apiAs, type RunningServer, repoRoot, startServer } from './server';

const CASES = ['weak', 'partial', 'strong'] as const;
const RUN_TIMEOUT = 90_000;

interface Gold {
  criteria: Record<string, { score: number }>;
}

async function readJson<T>(path: string): Promise<T> {
  return JSON.parse(await readFile(join(repoRoot, path), 'utf8')) as T;
}

describe('exam-team calibration (real server, built app)', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let files: string;
  let weakId: string;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    files = await mkdtemp(join(tmpdir(), 'prejury-e2e-calibration-'));

    // The candidate uploads the three drafts and asks for their reviews.
    const candidate = await apiAs(server.url, 'candidate@demo.prejury.fr');
    const lines = ['dossier_id;criterion_id;score;rater'];
    const reviews: string[] = [];
    for (const name of CASES) {
      const text = await readFile(join(repoRoot, `evals/cases/b1-audit-rse/${name}.md`));
      const form = new FormData();
      form.append('file', new File([text], `audit-rse-${name}.md`, { type: 'text/markdown' }));
      form.append('examId', 'b1-audit-rse');
      const created = await candidate('/api/dossiers', { method: 'POST', body: form });
      expect(created.status).toBe(201);
      const { id } = (await created.json()) as { id: string };
      const requested = await candidate(`/api/dossiers/${id}/versions/1/reviews`, { method: 'POST' });
      expect(requested.status).toBe(202);
      reviews.push(((await requested.json()) as { id: string }).id);

      const gold = await readJson<{ gold: Gold }>(`evals/cases/b1-audit-rse/${name}.case.json`);
      for (const [criterion, { score }] of Object.entries(gold.gold.criteria)) {
        lines.push(`${id};${criterion};${score};jury1`);
      }
      if (name !== 'weak') {
        const second = await readJson<Gold>(`evals/cases/b1-audit-rse/${name}.gold-r2.json`);
        for (const [criterion, { score }] of Object.entries(second.criteria)) {
          lines.push(`${id};${criterion};${score};jury2`);
        }
      }
      if (name === 'weak') {
        weakId = id;
        // For the refused import: an unknown criterion and a score out of range.
        await writeFile(
          join(files, 'notes-erreurs.csv'),
          `dossier_id;criterion_id;score;rater\n${id};K9;2;jury1\n${id};K1;5;jury1\n${id};K2;2;jury1\n`,
        );
      }
    }
    await writeFile(join(files, 'notes-jury.csv'), `${lines.join('\r\n')}\r\n`);
    // Wait for the candidate's reviews (the job queue runs them); the v1 run will reuse them.
    const deadline = Date.now() + RUN_TIMEOUT;
    for (const id of reviews) {
      for (;;) {
        const review = (await (await candidate(`/api/reviews/${id}`)).json()) as { status: string };
        if (review.status === 'done') break;
        if (review.status === 'failed' || Date.now() > deadline)
          throw new Error(`review ${id}: ${review.status}`);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    errors = collectPageErrors(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (files) await rm(files, { recursive: true, force: true });
  });

  it('imports jury scores, reads the agreement and the matrix, edits the rubric, and compares two versions', async () => {
    // The exam team starts on the calibration page.
    await signIn(page, server.url, 'examteam@demo.prejury.fr');
    await page.waitForURL('**/calibration');
    await page.getByRole('heading', { level: 1, name: 'Calibration' }).waitFor();
    await page.getByLabel('Épreuve').selectOption({ label: 'B1 · Audit RSE' });
    await page.getByText('Aucun jeu pour cette épreuve').waitFor();
    await page.getByLabel('Nom du nouveau jeu').fill('Session de juin 2026');
    await page.getByRole('button', { name: 'Créer le jeu' }).click();
    await page.waitForURL('**/calibration/jeux/*');
    await page.getByRole('heading', { level: 1, name: 'Session de juin 2026' }).waitFor();
    const setUrl = page.url();

    // A bad CSV is refused line by line, and nothing is imported.
    const fileInput = page.getByLabel('Fichier CSV des notes du jury');
    await fileInput.setInputFiles(join(files, 'notes-erreurs.csv'));
    await page.getByRole('button', { name: 'Importer les notes' }).click();
    const refused = page.getByRole('table', { name: '2 lignes à corriger' });
    await refused.waitFor();
    const refusedRows = await refused.getByRole('row').allInnerTexts();
    expect(refusedRows.slice(1).map((r) => r.split('\t')[0])).toEqual(['2', '3']);
    expect(refusedRows[1]).toContain('critère inconnu');
    expect(refusedRows[2]).toContain('note invalide « 5 »');
    // The browser logs the 400 of the refused import; that one is expected.
    errors.splice(0);
    await screenshot(page, 'calibration-01-import-refused');

    // The jury's CSV (two raters for two dossiers) goes in.
    await fileInput.setInputFiles(join(files, 'notes-jury.csv'));
    await page.getByRole('button', { name: 'Importer les notes' }).click();
    await page.getByText('35 notes importées (35 nouvelles, 0 mises à jour) pour 3 dossiers.').waitFor();
    await page.getByText('3 dossiers, 35 notes humaines.').waitFor();
    await screenshot(page, 'calibration-02-imported', { fullPage: true });

    // After the jury read it, the candidate uploads a second draft of the weak dossier (the strong text):
    // the jury's scores stay with version 1, the file the jury read.
    const candidate = await apiAs(server.url, 'candidate@demo.prejury.fr');
    const form = new FormData();
    const strong = await readFile(join(repoRoot, 'evals/cases/b1-audit-rse/strong.md'));
    form.append('file', new File([strong], 'audit-rse-weak-v2.md', { type: 'text/markdown' }));
    expect((await candidate(`/api/dossiers/${weakId}/versions`, { method: 'POST', body: form })).status).toBe(
      201,
    );
    await page.reload();
    await page.getByText('Voir les 3 dossiers du jeu').click();
    const weakRow = page.getByRole('row', { name: /audit-rse-weak\.md/ });
    await weakRow.getByText('1 (sur 2)').waitFor();

    // Run v1 over the set: the candidate's reviews are reused, so the agreement is there at once.
    await page.getByRole('button', { name: "Lancer l'analyse" }).click();
    await page.waitForURL('**/calibration/analyses/*');
    await page.getByRole('heading', { level: 1, name: 'Accord IA – jury, grille v1' }).waitFor();
    const table = page.getByRole('table', { name: /Accord entre l'IA et le correcteur humain/ });
    await table.waitFor();
    await page.getByText('21 notes de « jury1 », dont 0 sans note').waitFor({ timeout: RUN_TIMEOUT });
    const rows = await table.getByRole('row').allInnerTexts();
    expect(rows).toHaveLength(1 + 7 + 1);
    expect(rows[1]).toMatch(/^K1/);
    expect(rows[8]).toMatch(/^Ensemble\t21\t/);
    expect(await table.getByRole('columnheader', { name: 'QWK entre humains' }).count()).toBe(1);
    // Every figure with its 95 % interval; 3 pairs per criterion are marked, the 21 overall are not.
    expect(rows[1]).toContain('échantillon insuffisant');
    expect(rows[1]).toMatch(/IC 95 % \[/);
    expect(rows[8]).not.toContain('échantillon insuffisant');
    // The weak dossier's scores were compared with version 1's review, after version 2 was uploaded.
    const examteam = await apiAs(server.url, 'examteam@demo.prejury.fr');
    const runId = page.url().split('/').pop() as string;
    const items = (await (await examteam(`/api/calibration/runs/${runId}/items?rater=jury1`)).json()) as {
      dossierId: string;
      version: number;
      title: string;
    }[];
    const weakItems = items.filter((i) => i.dossierId === weakId);
    expect(weakItems.length).toBeGreaterThan(0);
    expect(new Set(weakItems.map((i) => `${i.version} ${i.title}`))).toEqual(
      new Set(['1 audit-rse-weak.md']),
    );
    await screenshot(page, 'calibration-03-agreement');

    // The confusion matrix of K1, then the dossiers of one of its cells with the AI's quotes.
    await table.getByRole('button', { name: 'K1' }).click();
    const matrix = page.getByRole('table', { name: 'K1, 3 notes' });
    await matrix.waitFor();
    const cells = matrix.getByRole('button');
    expect(await cells.count()).toBeGreaterThan(0);
    await cells.first().click();
    await page.getByRole('heading', { name: /^K1 : notés \d par jury1 et \d par l'IA$/ }).waitFor();
    await page.getByRole('link', { name: "Ouvrir l'analyse complète" }).first().waitFor();
    await page.getByRole('heading', { name: 'Matrice de confusion' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'calibration-04-matrix-drill-down');
    const runUrl = page.url();

    // The same page at 375 px.
    await page.setViewportSize({ width: 375, height: 800 });
    await screenshot(page, 'calibration-05-agreement-mobile');
    await matrix.scrollIntoViewIfNeeded();
    await matrix.getByRole('button').first().waitFor();
    await screenshot(page, 'calibration-05b-matrix-mobile');
    await page.setViewportSize({ width: 1280, height: 900 });

    // A new rubric version: K1 weighs double, its wording for the model is sharper, and it gets an anchor.
    await page.goto(`${server.url}/calibration/grilles/b1-audit-rse/nouvelle`);
    await page.getByRole('heading', { level: 1, name: 'Nouvelle version depuis v1' }).waitFor();
    await page
      .locator('#K1-text')
      .fill('Les objectifs RSE sont SMART et reposent sur des critères ESG illustrés.');
    await page.locator('#K1-weight').fill('2');
    await page.getByRole('button', { name: 'Ajouter une ancre à K1' }).click();
    await page.locator('#K1-a0-score').selectOption('4');
    await page
      .locator('#K1-a0-excerpt')
      .fill('Réduire de 20 % les émissions de CO₂ des livraisons d’ici 2027 (base 2023).');
    await page.getByLabel('Ce qui change et pourquoi').fill('K1 compte double ; ancre du niveau 4.');
    await screenshot(page, 'calibration-06-rubric-editor');
    await page.getByRole('button', { name: 'Enregistrer la nouvelle version' }).click();
    await page.waitForURL('**/calibration/grilles/b1-audit-rse?de=v1&a=v2');
    await page.getByRole('heading', { name: 'Différences entre deux versions' }).waitFor();
    await page.getByText('Libellé donné au modèle').first().waitFor();
    await page.getByRole('row', { name: /^v2/ }).getByText('Modifiable').waitFor();
    await screenshot(page, 'calibration-07-rubric-versions', { fullPage: true });

    // Compare v1 and v2 on the set: both run, then side by side.
    await page.goto(setUrl);
    await page.getByRole('heading', { name: 'Comparer deux versions' }).waitFor();
    await page.getByLabel('Version A').selectOption('v1');
    await page.getByLabel('Version B').selectOption('v2');
    await page.getByRole('button', { name: 'Lancer la comparaison' }).click();
    await page.waitForURL('**/calibration/comparaison?a=*');
    await page.getByRole('heading', { level: 1, name: 'Comparaison v1 → v2' }).waitFor();
    await page.getByText('Ce qui diffère entre les deux analyses : la grille.').waitFor();
    await page
      .getByText('Analyses en cours : la comparaison se met à jour toute seule.')
      .waitFor({ state: 'detached', timeout: RUN_TIMEOUT });
    const perCriterion = page.getByRole('table', { name: 'Critère par critère' });
    const compared = await perCriterion.getByRole('row').allInnerTexts();
    expect(compared).toHaveLength(1 + 7);
    expect(compared[1]).toMatch(/^K1/);
    expect(compared[1]).toContain('3 changements');
    expect(compared[2]).toContain('Inchangé');
    await page.getByRole('heading', { name: 'Ce qui a changé dans la grille (v1 → v2)' }).waitFor();
    // K1 weighs double: the overall scores and the verdicts, not only the criteria.
    const verdicts = page.getByRole('region', { name: 'Note globale et verdicts' });
    await verdicts.waitFor();
    expect(await verdicts.textContent()).toMatch(/\d+ candidats? chang(e|ent) de verdict/);
    expect(await verdicts.textContent()).toMatch(/\d+ en hausse, \d+ en baisse/);
    await screenshot(page, 'calibration-08-compare');
    await perCriterion.scrollIntoViewIfNeeded();
    await screenshot(page, 'calibration-08b-compare-table');
    await page.setViewportSize({ width: 375, height: 800 });
    await screenshot(page, 'calibration-09-compare-mobile', { fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });

    // The printable report of the comparison opens (same origin, strict CSP).
    const report = page.getByRole('link', { name: /Rapport de calibration imprimable/ });
    const href = (await report.getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/api\/calibration\/runs\/[0-9a-f-]{36}\/report\.html\?against=/);
    const printable = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    const printableErrors = collectPageErrors(printable);
    await printable.context().addCookies(await page.context().cookies());
    await printable.goto(`${server.url}${href}`);
    await printable.getByRole('heading', { level: 1, name: 'Rapport de calibration — Audit RSE' }).waitFor();
    await printable.getByRole('heading', { name: 'Comparaison : v1 (A) et v2 (B)' }).waitFor();
    await screenshot(printable, 'calibration-10-report', { fullPage: true });
    expect(printableErrors).toEqual([]);
    await printable.close();

    // Back on the run: still there, and the set lists both runs of the comparison.
    await page.goto(runUrl);
    await page.getByRole('heading', { level: 1, name: 'Accord IA – jury, grille v1' }).waitFor();
    await page.goto(setUrl);
    const runLinks = page.getByRole('link', { name: /^Voir l'accord/ });
    await runLinks.nth(2).waitFor();
    expect(await runLinks.count()).toBe(3);
    expect(errors).toEqual([]);
  });
});
