import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildTablePdf,
  ROWS_ON_PAGE_1,
  TABLE_HEADER,
  TABLE_ROWS,
} from '../../server/src/features/dossiers/ingest/fixtures/table-pdf';
import { screenshot, signIn, useBrowserSession } from './browser';
import { apiAs } from './server';

const REVIEW_TIMEOUT = 60_000;

describe('a PDF with a table (real server, built app)', () => {
  const session = useBrowserSession();
  let reviewId: string;
  let dossierId: string;

  beforeAll(async () => {
    const call = await apiAs(session.server.url, 'candidate@demo.prejury.fr');
    const form = new FormData();
    form.set(
      'file',
      new File([Buffer.from(await buildTablePdf())], 'negociation.pdf', { type: 'application/pdf' }),
    );
    form.set('examId', 'b4-negociation-complexe');
    const upload = await call('/api/dossiers', { method: 'POST', body: form });
    expect(upload.status, await upload.clone().text()).toBe(201);
    dossierId = ((await upload.json()) as { id: string }).id;
    const requested = await call(`/api/dossiers/${dossierId}/versions/1/reviews`, { method: 'POST' });
    expect(requested.status).toBe(202);
    reviewId = ((await requested.json()) as { id: string }).id;
    const deadline = Date.now() + REVIEW_TIMEOUT;
    for (;;) {
      const review = (await (await call(`/api/reviews/${reviewId}`)).json()) as { status: string };
      if (review.status === 'done') break;
      if (review.status === 'failed' || Date.now() > deadline) throw new Error(`review ${review.status}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  });

  it('shows the table as a table and opens a quote from a row at the row’s page', async () => {
    await signIn(session.page, session.server.url, 'candidate@demo.prejury.fr');
    // A row of the table's second page, quoted as graders do: cells without their separators.
    const row = TABLE_ROWS[ROWS_ON_PAGE_1];
    const quote = `${row[0]} ${row[1]}`;
    const params = new URLSearchParams({ page: '2', quote });
    await session.page.goto(`${session.server.url}/revues/${reviewId}?${params}`);
    const panel = session.page.getByRole('complementary', { name: /Texte extrait — version 1/ });
    await panel.waitFor();

    // One table over two pages: its header row once, as column headings; every row in its own table row.
    const table = panel.locator('#text-page-1 table');
    await table.waitFor();
    expect(await table.locator('th').allTextContents()).toEqual(TABLE_HEADER);
    expect(await panel.locator('#text-page-2 th').count()).toBe(0);
    expect(await panel.locator('#text-page-2 tbody tr').count()).toBe(TABLE_ROWS.length - ROWS_ON_PAGE_1);
    expect(await table.locator('tbody tr').first().locator('td').allTextContents()).toEqual(TABLE_ROWS[0]);

    // The quote is highlighted in the row's cells, on page 2, with no « found elsewhere » notice.
    const marks = panel.locator('#text-page-2 td mark');
    await marks.first().waitFor();
    expect(await marks.allTextContents()).toEqual([row[0], row[1]]);
    expect(await panel.locator('.notice').count()).toBe(0);
    await screenshot(session.page, 'pdf-table-quote');
    expect(session.errors).toEqual([]);
  });
});
