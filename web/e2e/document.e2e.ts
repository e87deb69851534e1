import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPdf } from '../../server/src/features/dossiers/ingest/fixtures/build-pdf';
import type { Block, PageSpec } from '../../server/src/features/dossiers/ingest/fixtures/dossier';
import { collectPageErrors, launchBrowser, screenshot, signIn } from './browser';
import { apiAs, type RunningServer, repoRoot, startServer } from './server';

const REVIEW_TIMEOUT = 60_000;
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

/**
 * A real dossier as a PDF: the « Audit RSE » gold case (Markdown) laid out on A4 pages by pdf-lib,
 * headings and paragraphs (tables left out), so the offline analyzer quotes passages of real pages.
 */
async function dossierPdf(): Promise<Uint8Array> {
  const markdown = await readFile(join(repoRoot, 'evals/cases/b1-audit-rse/strong.md'), 'utf8');
  const blocks: { block: Block; lines: number }[] = [];
  for (const raw of markdown.split(/\n\s*\n/)) {
    const text = raw.replace(/\*\*?/g, '').trim();
    if (!text || text.startsWith('|')) continue;
    const heading = /^(#+)\s+(.*)$/.exec(text);
    if (heading) {
      blocks.push({
        block: { kind: 'heading', level: heading[1].length === 1 ? 1 : 2, text: heading[2] },
        lines: 3,
      });
      continue;
    }
    for (const para of text.split('\n')) {
      const clean = para.replace(/^[-*]\s+/, '• ').trim();
      if (clean)
        blocks.push({ block: { kind: 'paragraph', text: clean }, lines: Math.ceil(clean.length / 80) + 1 });
    }
  }
  // About 48 lines of 14 pt fit between the margins of an A4 page.
  const pages: PageSpec[] = [];
  let used = Number.POSITIVE_INFINITY;
  for (const { block, lines } of blocks) {
    if (used + lines > 46) {
      pages.push({ blocks: [] });
      used = 0;
    }
    pages[pages.length - 1].blocks.push(block);
    used += lines;
  }
  return buildPdf(pages);
}

interface Evidence {
  quote: string;
  page: number;
}

/** Boxes of the elements matching `selector`, in page coordinates. */
async function boxes(page: Page, selector: string) {
  return page.locator(selector).evaluateAll((elements) =>
    elements.map((e) => {
      const r = e.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, text: e.textContent ?? '' };
    }),
  );
}

/** Selects `text` inside the first element matching `selector` (as a drag would) and releases the mouse. */
async function selectText(page: Page, selector: string, text: string) {
  const found = await page.evaluate(
    ({ selector, text }) => {
      const root = document.querySelector(selector);
      if (!root) return false;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(text) ?? -1;
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        const selection = window.getSelection();
        selection?.removeAllRanges();
        selection?.addRange(range);
        node.parentElement?.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
        return true;
      }
      return false;
    },
    { selector, text },
  );
  expect(found, `« ${text} » in ${selector}`).toBe(true);
}

describe('the document as it looks, and comments on passages (real server, built app)', () => {
  let server: RunningServer;
  let browser: Browser;
  let candidate: Page;
  let trainer: Page;
  let errors: string[];
  let trainerErrors: string[];
  let pdf: Uint8Array;
  let dossierId: string;
  let reviewId: string;
  let pageCount: number;
  let evidence: Evidence;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    candidate = await (await browser.newContext({ viewport: DESKTOP, acceptDownloads: true })).newPage();
    trainer = await (await browser.newContext({ viewport: DESKTOP })).newPage();
    errors = collectPageErrors(candidate);
    trainerErrors = collectPageErrors(trainer);

    pdf = await dossierPdf();
    const call = await apiAs(server.url, 'candidate@demo.prejury.fr');
    const form = new FormData();
    form.set('file', new File([Buffer.from(pdf)], 'Audit RSE Morel.pdf', { type: 'application/pdf' }));
    form.set('examId', 'b1-audit-rse');
    const upload = await call('/api/dossiers', { method: 'POST', body: form });
    expect(upload.status, await upload.clone().text()).toBe(201);
    const dossier = (await upload.json()) as { id: string; versions: { pages: number }[] };
    dossierId = dossier.id;
    pageCount = dossier.versions[0].pages;
    const requested = await call(`/api/dossiers/${dossierId}/versions/1/reviews`, { method: 'POST' });
    expect(requested.status).toBe(202);
    reviewId = ((await requested.json()) as { id: string }).id;
    const deadline = Date.now() + REVIEW_TIMEOUT;
    for (;;) {
      const review = (await (await call(`/api/reviews/${reviewId}`)).json()) as {
        status: string;
        report?: { criteria: { evidence: Evidence[] }[] };
      };
      if (review.status === 'done') {
        // A quote of a few words on a page past the first: the view must scroll to it.
        const all = review.report?.criteria.flatMap((c) => c.evidence) ?? [];
        const found = all.find((e) => e.page > 1 && e.quote.length > 30) ?? all[0];
        expect(found).toBeDefined();
        evidence = found;
        break;
      }
      if (review.status === 'failed' || Date.now() > deadline) throw new Error(`review ${review.status}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('draws the PDF page by page with the quote highlighted where its words are, and switches text/page', async () => {
    // A document long enough that drawing only what is near the view matters.
    expect(pageCount).toBeGreaterThanOrEqual(5);
    await signIn(candidate, server.url, 'candidate@demo.prejury.fr');
    const params = new URLSearchParams({ page: String(evidence.page), quote: evidence.quote });
    await candidate.goto(`${server.url}/revues/${reviewId}?${params}`);
    const panel = candidate.getByRole('complementary', { name: /Texte extrait — version 1/ });
    await panel.waitFor();

    // The text view first (as before): the quote is marked in the extracted text.
    const textButton = panel.getByRole('button', { name: 'Texte', exact: true });
    const pageButton = panel.getByRole('button', { name: 'Page', exact: true });
    expect(await textButton.getAttribute('aria-pressed')).toBe('true');
    await panel.locator('mark[data-quote]').first().waitFor();

    await pageButton.click();
    expect(await pageButton.getAttribute('aria-pressed')).toBe('true');
    expect(await panel.locator('mark[data-quote]').count()).toBe(0);
    // Every page is laid out, each with its canvas and text layer.
    await expect.poll(() => panel.locator('section[data-page]').count(), { timeout: 30_000 }).toBe(pageCount);
    const target = `#pdf-page-${evidence.page}`;
    const highlight = panel.locator(`${target} [data-mark="quote"]`);
    await highlight.first().waitFor({ timeout: 30_000 });

    // The highlight sits on the words: its first box overlaps a text-layer span holding the quote's start.
    const marks = await boxes(candidate, `${target} [data-mark="quote"]`);
    const spans = await boxes(candidate, `${target} [data-page-text] span`);
    const start = evidence.quote.split(/\s+/).slice(0, 3).join(' ');
    const holding = spans.filter((s) => s.text.replace(/\s+/g, ' ').includes(start));
    expect(holding.length, `a text-layer span with « ${start} »`).toBeGreaterThan(0);
    const overlap = (a: (typeof marks)[number], b: (typeof spans)[number]) =>
      a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    expect(holding.some((s) => overlap(marks[0], s))).toBe(true);
    // …and it is in view: the panel scrolled to it.
    const viewport = candidate.viewportSize() ?? DESKTOP;
    expect(marks[0].top).toBeGreaterThanOrEqual(0);
    expect(marks[0].bottom).toBeLessThanOrEqual(viewport.height);

    // Drawn lazily: pages far from the view have no text layer yet.
    const drawn = await panel.locator('[data-page-text]:has(span)').count();
    expect(drawn).toBeGreaterThan(0);
    expect(drawn).toBeLessThan(pageCount);
    await screenshot(candidate, 'document-page-desktop');
    await candidate.setViewportSize(PHONE);
    await highlight.first().scrollIntoViewIfNeeded();
    await screenshot(candidate, 'document-page-phone');
    await candidate.setViewportSize(DESKTOP);

    // Back to the text: the mark is there again.
    await textButton.click();
    await panel.locator('mark[data-quote]').first().waitFor();
    expect(errors).toEqual([]);
  });

  it('downloads the original file, byte for byte', async () => {
    const panel = candidate.getByRole('complementary', { name: /Texte extrait — version 1/ });
    const [download] = await Promise.all([
      candidate.waitForEvent('download'),
      panel.getByRole('link', { name: 'Télécharger le fichier original' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Audit RSE Morel.pdf');
    const bytes = await readFile(await download.path());
    expect(Buffer.compare(bytes, Buffer.from(pdf))).toBe(0);
  });

  it('lets the trainer comment on a passage (text and page), with the bank, and shows it to the candidate', async () => {
    await signIn(trainer, server.url, 'trainer@demo.prejury.fr');
    await trainer.goto(`${server.url}/formateur/revues/${reviewId}`);
    const panel = trainer.locator('#dossier-text');
    await panel.locator('section[data-page]').first().waitFor();

    // A passage of the page the quote is on, selected in the text view.
    const passage = evidence.quote.split(/\s+/).slice(0, 6).join(' ');
    await selectText(trainer, `#dossier-page-${evidence.page}`, passage);
    await panel.getByRole('button', { name: 'Commenter ce passage' }).click();
    await panel
      .getByLabel('Votre commentaire')
      .fill('Chiffrez cet engagement : quel objectif, pour quelle date ?');
    await panel.getByLabel('Enregistrer aussi ce commentaire dans ma banque').check();
    await panel.getByRole('button', { name: 'Publier le commentaire' }).click();
    const note = panel.locator(`#dossier-page-${evidence.page} [data-comment]`);
    await note.first().waitFor();
    expect(await note.first().textContent()).toContain('Chiffrez cet engagement');
    // The passage is marked in the text, the comment beside it.
    expect(await panel.locator(`#dossier-page-${evidence.page} mark[class]`).count()).toBeGreaterThan(0);
    await note.first().scrollIntoViewIfNeeded();
    await screenshot(trainer, 'document-trainer-comment-desktop');

    // On the drawn page: select a line of the text layer, insert the comment from the bank.
    await panel.getByRole('button', { name: 'Page', exact: true }).click();
    const layer = `#dossier-text #pdf-page-1 [data-page-text]`;
    await trainer.locator(`${layer} span`).first().waitFor({ timeout: 30_000 });
    const firstLine = (await trainer.locator(`${layer} span`).first().textContent()) ?? '';
    expect(firstLine.trim().length).toBeGreaterThan(5);
    await selectText(trainer, layer, firstLine.trim());
    await panel.getByRole('button', { name: 'Commenter ce passage' }).click();
    await panel.getByLabel('Insérer depuis ma banque').selectOption({ index: 1 });
    expect(await panel.getByLabel('Votre commentaire').inputValue()).toBe(
      'Chiffrez cet engagement : quel objectif, pour quelle date ?',
    );
    await panel.getByRole('button', { name: 'Publier le commentaire' }).click();
    await panel.locator('#pdf-page-1 [data-comment]').first().waitFor();
    await panel.locator('#pdf-page-1 [data-kind="comment"]').first().waitFor();
    await screenshot(trainer, 'document-trainer-page-desktop');
    await trainer.setViewportSize(PHONE);
    await panel.locator('#pdf-page-1 [data-comment]').first().scrollIntoViewIfNeeded();
    await screenshot(trainer, 'document-trainer-page-phone');

    // The author edits their own comment in place.
    const pageNote = panel.locator('#pdf-page-1 [data-comment]').first();
    await pageNote.getByRole('button', { name: 'Modifier' }).click();
    await pageNote.getByLabel('Votre commentaire').fill('Donnez aussi la source de ce chiffre.');
    await pageNote.getByRole('button', { name: 'Enregistrer la modification' }).click();
    await pageNote.getByText('Donnez aussi la source de ce chiffre.').waitFor();
    await expect.poll(() => pageNote.textContent()).toContain('modifié');

    // The candidate reads both in the report, and the passage beside the comment in the document.
    await candidate.goto(`${server.url}/revues/${reviewId}`);
    // A line at the top says so and leads to them.
    await candidate.getByText('Votre formateur a commenté 2 passages de votre document.').waitFor();
    await candidate.getByRole('link', { name: 'Lire ses commentaires' }).click();
    const section = candidate.getByRole('region', {
      name: 'Commentaires de votre formateur sur le document',
    });
    await section.waitFor();
    expect(await section.locator('[data-comment]').count()).toBe(2);
    expect(await section.textContent()).toContain('Donnez aussi la source de ce chiffre.');
    await screenshot(candidate, 'document-candidate-comments-desktop');
    await candidate.setViewportSize(PHONE);
    await section.scrollIntoViewIfNeeded();
    await screenshot(candidate, 'document-candidate-comments-phone');
    await candidate.setViewportSize(DESKTOP);
    await section.getByRole('link', { name: `Voir dans le document, page ${evidence.page}` }).click();
    const docPanel = candidate.getByRole('complementary', { name: /Texte extrait — version 1/ });
    // In the text: the commented passage is marked on its page, the comment under it.
    await docPanel.locator(`#text-page-${evidence.page} mark[data-quote]`).first().waitFor();
    expect(await docPanel.locator(`#text-page-${evidence.page} [data-comment]`).count()).toBe(1);
    await docPanel.getByRole('button', { name: 'Page', exact: true }).click();
    // On the drawn page: the opened comment's passage is the box in focus (a comment box, not a quote's).
    await docPanel
      .locator(`#pdf-page-${evidence.page} [data-mark="quote"][data-kind="comment"]`)
      .first()
      .waitFor({ timeout: 30_000 });
    expect(await docPanel.locator('[data-kind="evidence"]').count()).toBe(0);
    const beside = docPanel.locator(`#pdf-page-${evidence.page} [data-comment]`);
    expect(await beside.first().textContent()).toContain('Chiffrez cet engagement');
    // The candidate reads; only the author edits.
    expect(await beside.getByRole('button', { name: 'Modifier' }).count()).toBe(0);
    await screenshot(candidate, 'document-candidate-comment-page-desktop');
    await candidate.setViewportSize(PHONE);
    await beside.first().scrollIntoViewIfNeeded();
    await screenshot(candidate, 'document-candidate-comment-page-phone');
    await candidate.setViewportSize(DESKTOP);
    expect([...errors, ...trainerErrors]).toEqual([]);
  });
});
