import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, tableCounts, uploadForm } from '../../testing';
import { buildDocx } from './ingest/fixtures/build-docx';
import { buildEncryptedPdf, buildPdf, buildScannedPdf } from './ingest/fixtures/build-pdf';
import { dossierPages, PAGE_13_SENTENCE, WHITE_INJECTION } from './ingest/fixtures/dossier';
import { claimSize, zipOf } from './ingest/fixtures/zips';

const MARKDOWN = `# Audit RSE de Transports Meunier

## 1. Rapport de veille réglementaire

La directive CSRD (2022/2464) impose à partir de l'exercice 2025 un rapport de durabilité aux entreprises de plus de 250 salariés.
Transports Meunier, 310 salariés et 48 M€ de chiffre d'affaires, y est soumise ; la loi AGEC et le décret tertiaire complètent ces obligations.

## 2. Audit de la politique RSE

Les engagements actuels portent sur la flotte (22 % de véhicules au gaz naturel) et l'index égalité (82/100).
Les critères ESG sont peu formalisés : aucun indicateur de gouvernance n'est suivi.

## 3. Plan d'actions RSE

| Action | Échéance | Indicateur |
|---|---|---|
| Bilan carbone scopes 1-2-3 | T2 2025 | tCO2e |
| Formation éco-conduite | T3 2025 | L/100 km |
`;

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp({ config: { maxUploadBytes: 2 * 1024 * 1024 } });
});
afterAll(async () => {
  await t.close();
});
beforeEach(async () => {
  await t.database.query('delete from dossiers');
  await t.database.query('delete from embeddings');
});

async function upload(file: { name: string; bytes: Uint8Array | string }, examId = 'b1-audit-rse') {
  return t.app.request('/api/dossiers', { method: 'POST', body: uploadForm(file, { examId }) });
}

describe('POST /api/dossiers', () => {
  it('ingests a Markdown draft into a dossier with its first version', async () => {
    const res = await upload({ name: 'audit.md', bytes: MARKDOWN });
    expect(res.status).toBe(201);
    const dossier = await res.json();
    expect(dossier).toMatchObject({
      examId: 'b1-audit-rse',
      versions: [{ version: 1, format: 'markdown', language: 'fr' }],
    });
    expect(dossier.versions[0].sections.map((s: { title: string }) => s.title)).toEqual(
      expect.arrayContaining(['1. Rapport de veille réglementaire', "3. Plan d'actions RSE"]),
    );
    expect(dossier.versions[0].passages).toBeGreaterThan(0);
    const counts = await tableCounts(t.database);
    expect(counts).toMatchObject({ dossiers: 1, dossier_versions: 1 });
    expect(counts.embeddings).toBe(counts.passages);
  });

  it('reads a 20-page PDF with exact page numbers, annexes, and hidden text kept out of the text', async () => {
    const pdf = await buildPdf(dossierPages());
    const res = await upload({ name: 'dossier.pdf', bytes: pdf });
    expect(res.status).toBe(201);
    const dossier = await res.json();
    const version = dossier.versions[0];
    expect(version).toMatchObject({
      format: 'pdf',
      pages: 20,
      annexStartPage: 18,
      pagesExcludingAnnexes: 17,
    });
    expect(version.hidden.length).toBeGreaterThan(0);
    expect(version.warnings.map((w: { code: string }) => w.code)).toContain('hidden_content');

    const text = await (await t.app.request(`/api/dossiers/${dossier.id}/versions/1/text`)).json();
    expect(text.pages).toHaveLength(20);
    const page13 = text.pages.find((p: { page: number }) => p.page === 13);
    expect(page13.text.replace(/\s+/g, ' ')).toContain(PAGE_13_SENTENCE);
    expect(text.text).not.toContain(WHITE_INJECTION);
  });

  it('gives the DOCX twin of that PDF the same text modulo layout', async () => {
    const [pdf, docx] = await Promise.all([buildPdf(dossierPages()), buildDocx(dossierPages())]);
    const a = await (await upload({ name: 'd.pdf', bytes: pdf })).json();
    const b = await (await upload({ name: 'd.docx', bytes: docx })).json();
    const words = async (id: string) =>
      ((await (await t.app.request(`/api/dossiers/${id}/versions/1/text`)).json()).text as string)
        .replace(/[|]/g, ' ')
        .split(/\s+/)
        .filter(Boolean);
    const [wa, wb] = await Promise.all([words(a.id), words(b.id)]);
    expect(b.versions[0]).toMatchObject({ format: 'docx', pages: 20, annexStartPage: 18 });
    expect(wb).toEqual(wa);
  });

  it('adds versions, lists dossiers, and deletes everything derived from one', async () => {
    const created = await (await upload({ name: 'v1.md', bytes: MARKDOWN })).json();
    const v2 = await t.app.request(`/api/dossiers/${created.id}/versions`, {
      method: 'POST',
      body: uploadForm({
        name: 'v2.md',
        bytes: `${MARKDOWN}\n\n## 4. Indicateurs\n\nTaux de véhicules propres : 22 % en 2024, objectif 40 % en 2026.\n`,
      }),
    });
    expect(v2.status).toBe(201);
    const withV2 = await v2.json();
    expect(withV2.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    // The title made from the first file's name follows the newest file.
    expect(created.title).toBe('Audit RSE — v1.md');
    expect(withV2.title).toBe('Audit RSE — v2.md');
    const list = await (await t.app.request('/api/dossiers')).json();
    expect(list).toEqual([expect.objectContaining({ id: created.id, latestVersion: 2, versions: 2 })]);
    // Identical passages across the two versions are embedded once.
    const counts = await tableCounts(t.database);
    expect(counts.embeddings).toBeLessThan(counts.passages);

    const del = await t.app.request(`/api/dossiers/${created.id}`, { method: 'DELETE' });
    expect(del.status).toBe(204);
    const after = await tableCounts(t.database);
    expect(after).toEqual(Object.fromEntries(Object.keys(after).map((table) => [table, 0])));
    expect(Object.keys(after)).toEqual(expect.arrayContaining(['passages', 'embeddings', 'reviews']));
    expect((await t.app.request(`/api/dossiers/${created.id}`)).status).toBe(404);
  });
});

it('keeps a title the candidate chose when a new version arrives', async () => {
  const form = uploadForm({ name: 'v1.md', bytes: MARKDOWN }, { examId: 'b1-audit-rse', title: 'Mon audit' });
  const created = await (await t.app.request('/api/dossiers', { method: 'POST', body: form })).json();
  expect(created.title).toBe('Mon audit');
  const v2 = await t.app.request(`/api/dossiers/${created.id}/versions`, {
    method: 'POST',
    body: uploadForm({ name: 'v2.md', bytes: MARKDOWN }),
  });
  expect((await v2.json()).title).toBe('Mon audit');
});

describe('GET /api/dossiers/:id/versions/:v/file', () => {
  it('gives back the exact bytes of each version with their media type and file name', async () => {
    const pdf = await buildPdf(dossierPages().slice(0, 2));
    const created = await (await upload({ name: 'Audit « RSE » v1.pdf', bytes: pdf })).json();
    await t.app.request(`/api/dossiers/${created.id}/versions`, {
      method: 'POST',
      body: uploadForm({ name: 'v2.md', bytes: MARKDOWN }),
    });

    const first = await t.app.request(`/api/dossiers/${created.id}/versions/1/file`);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/pdf');
    expect(first.headers.get('content-disposition')).toBe(
      `attachment; filename="Audit  RSE  v1.pdf"; filename*=UTF-8''${encodeURIComponent('Audit « RSE » v1.pdf')}`,
    );
    expect(new Uint8Array(await first.arrayBuffer())).toEqual(pdf);

    const second = await t.app.request(`/api/dossiers/${created.id}/versions/2/file`);
    expect(second.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect(await second.text()).toBe(MARKDOWN);

    expect((await t.app.request(`/api/dossiers/${created.id}/versions/3/file`)).status).toBe(404);
  });
});

describe('bad uploads get a clear error and store nothing', () => {
  const elf = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...new Array(120).fill(0)]);
  const png = new Uint8Array([
    0x89,
    0x50,
    0x4e,
    0x47,
    0x0d,
    0x0a,
    0x1a,
    0x0a,
    0,
    0,
    0,
    13,
    0x49,
    0x48,
    0x44,
    0x52,
    ...new Array(64).fill(1),
  ]);
  const garbage = new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));

  const cases: [string, () => Promise<{ name: string; bytes: Uint8Array | string }>, number, string][] = [
    ['an empty file', async () => ({ name: 'vide.pdf', bytes: new Uint8Array() }), 422, 'empty_file'],
    [
      'a scanned PDF without text layer',
      async () => ({ name: 'scan.pdf', bytes: await buildScannedPdf(2) }),
      422,
      'no_text_layer',
    ],
    [
      'an encrypted PDF',
      async () => ({ name: 'chiffre.pdf', bytes: buildEncryptedPdf() }),
      422,
      'encrypted_pdf',
    ],
    [
      'a truncated PDF',
      async () => {
        const pdf = await buildPdf(dossierPages().slice(0, 3));
        return { name: 'tronque.pdf', bytes: pdf.slice(0, Math.floor(pdf.length / 2)) };
      },
      422,
      'corrupt_file',
    ],
    ['an executable renamed .pdf', async () => ({ name: 'virus.pdf', bytes: elf }), 415, 'unsupported_type'],
    ['an image renamed .docx', async () => ({ name: 'photo.docx', bytes: png }), 415, 'unsupported_type'],
    [
      'a zip that is not a DOCX',
      async () => ({ name: 'archive.docx', bytes: await zipOf({ 'a.txt': 'bonjour' }) }),
      415,
      'unsupported_type',
    ],
    [
      'a DOCX zip bomb',
      async () => {
        const zip = await zipOf({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' });
        return { name: 'bombe.docx', bytes: claimSize(zip, 'word/document.xml', 3_000_000_000) };
      },
      422,
      'zip_bomb',
    ],
    ['binary garbage named .md', async () => ({ name: 'notes.md', bytes: garbage }), 415, 'binary_content'],
    [
      'a corrupt DOCX',
      async () => {
        const zip = new JSZip();
        zip.file('[Content_Types].xml', '<Types/>');
        zip.file('word/document.xml', '<w:document><w:body><w:p>');
        return { name: 'casse.docx', bytes: await zip.generateAsync({ type: 'uint8array' }) };
      },
      422,
      'corrupt_file',
    ],
  ];

  for (const [what, make, status, code] of cases) {
    it(`refuses ${what} (${status} ${code})`, async () => {
      const before = await tableCounts(t.database);
      const res = await upload(await make());
      expect(res.status).toBe(status);
      const body = await res.json();
      expect(body.error.code).toBe(code);
      expect(body.error.message.length).toBeGreaterThan(10);
      expect(await tableCounts(t.database)).toEqual(before);
    });
  }

  it('refuses a file over the size limit with 413', async () => {
    const before = await tableCounts(t.database);
    const big = new Uint8Array(3 * 1024 * 1024).fill(0x41);
    const res = await upload({ name: 'gros.txt', bytes: big });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('payload_too_large');
    expect(await tableCounts(t.database)).toEqual(before);
  });

  it('refuses an unknown exam, a missing file and a missing exam with 400', async () => {
    const before = await tableCounts(t.database);
    const unknown = await upload({ name: 'a.md', bytes: MARKDOWN }, 'b9-inexistant');
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error.message).toContain('b9-inexistant');
    const form = new FormData();
    form.append('examId', 'b1-audit-rse');
    const noFile = await t.app.request('/api/dossiers', { method: 'POST', body: form });
    expect(noFile.status).toBe(400);
    const noExam = await t.app.request('/api/dossiers', {
      method: 'POST',
      body: uploadForm({ name: 'a.md', bytes: MARKDOWN }),
    });
    expect(noExam.status).toBe(400);
    expect(await tableCounts(t.database)).toEqual(before);
  });

  it('answers 404 for a version or dossier that does not exist, and 400 for a malformed id', async () => {
    const created = await (await upload({ name: 'a.md', bytes: MARKDOWN })).json();
    expect((await t.app.request(`/api/dossiers/${created.id}/versions/9/text`)).status).toBe(404);
    expect((await t.app.request('/api/dossiers/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await t.app.request('/api/dossiers/not-a-uuid')).status).toBe(400);
    const addToMissing = await t.app.request('/api/dossiers/00000000-0000-4000-8000-000000000000/versions', {
      method: 'POST',
      body: uploadForm({ name: 'a.md', bytes: MARKDOWN }),
    });
    expect(addToMissing.status).toBe(404);
  });
});

describe('upload bytes hashed and stored off the event loop (issue #17)', () => {
  it('stores the exact bytes with their SHA-256, as computed in the parse child', async () => {
    const bytes = new TextEncoder().encode(MARKDOWN);
    const created = await (await upload({ name: 'audit.md', bytes })).json();
    await expectStoredBytes(created.id, bytes);
    const file = await t.app.request(`/api/dossiers/${created.id}/versions/1/file`);
    expect(await file.text()).toBe(MARKDOWN);
  });

  it('refuses a truncated multipart body with a clear 400 and stores nothing', async () => {
    const before = await tableCounts(t.database);
    const boundary = 'prejury-truncated';
    const body = [
      `--${boundary}`,
      'Content-Disposition: form-data; name="examId"',
      '',
      'b1-audit-rse',
      `--${boundary}`,
      'Content-Disposition: form-data; name="file"; filename="a.md"',
      'Content-Type: text/markdown',
      '',
      MARKDOWN.slice(0, 200),
    ].join('\r\n');
    const res = await t.app.request('/api/dossiers', {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      body,
    });
    expect(res.status).toBe(400);
    const json = await res.json();
    expect(json.error.code).toEqual(expect.any(String));
    expect(json.error.message.length).toBeGreaterThan(10);
    expect(await tableCounts(t.database)).toEqual(before);
  });
});

describe('upload bodies read as a stream (issue #17): every bad multipart body is a clear 4xx, nothing stored', () => {
  const BOUNDARY = 'prejury-raw-boundary';
  type Part = { name: string; filename?: string; body: string | Uint8Array };

  /** A multipart body written by hand, so that it can be wrong in every way a browser never is. */
  function multipart(parts: Part[], { close = true } = {}): Uint8Array<ArrayBuffer> {
    const encoder = new TextEncoder();
    const pieces: Uint8Array[] = [];
    for (const part of parts) {
      const disposition = `form-data; name="${part.name}"${part.filename ? `; filename="${part.filename}"` : ''}`;
      const type = part.filename ? 'Content-Type: application/octet-stream\r\n' : '';
      pieces.push(encoder.encode(`--${BOUNDARY}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`));
      pieces.push(typeof part.body === 'string' ? encoder.encode(part.body) : part.body);
      pieces.push(encoder.encode('\r\n'));
    }
    if (close) pieces.push(encoder.encode(`--${BOUNDARY}--\r\n`));
    const out = new Uint8Array(pieces.reduce((n, p) => n + p.byteLength, 0));
    let offset = 0;
    for (const piece of pieces) {
      out.set(piece, offset);
      offset += piece.byteLength;
    }
    return out;
  }

  /** `bytes` as a request body arriving in `chunkSize`-byte chunks, without a Content-Length. */
  function chunked(bytes: Uint8Array, chunkSize: number): ReadableStream<Uint8Array> {
    let offset = 0;
    return new ReadableStream({
      pull(controller) {
        if (offset >= bytes.byteLength) return controller.close();
        controller.enqueue(bytes.slice(offset, offset + chunkSize));
        offset += chunkSize;
      },
    });
  }

  function post(path: string, body: BodyInit, contentType = `multipart/form-data; boundary=${BOUNDARY}`) {
    return t.app.request(path, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
      ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
    } as RequestInit);
  }

  const file = (body: string | Uint8Array = MARKDOWN, name = 'file'): Part => ({
    name,
    filename: 'audit.md',
    body,
  });
  const exam: Part = { name: 'examId', body: 'b1-audit-rse' };
  const limit = 2 * 1024 * 1024;

  const bad: [string, () => { body: BodyInit; type?: string }, number, string, RegExp][] = [
    ['no file', () => ({ body: multipart([exam]) }), 400, 'invalid_request', /Aucun fichier reçu/],
    [
      'a text field named file instead of a file',
      () => ({ body: multipart([exam, { name: 'file', body: MARKDOWN }]) }),
      400,
      'invalid_request',
      /Aucun fichier reçu/,
    ],
    [
      'two files',
      () => ({ body: multipart([exam, file(), file('# Autre dossier\n\nUn second fichier.')]) }),
      400,
      'invalid_request',
      /Un seul fichier/,
    ],
    [
      'a file in another field',
      () => ({ body: multipart([exam, file(MARKDOWN, 'document')]) }),
      400,
      'invalid_request',
      /inattendu « document »/,
    ],
    [
      'an unknown field',
      () => ({ body: multipart([exam, file(), { name: 'role', body: 'admin' }]) }),
      400,
      'invalid_request',
      /non reconnue.*role/,
    ],
    [
      'a field too long for the form',
      () => ({ body: multipart([{ name: 'examId', body: 'b'.repeat(5000) }, file()]) }),
      400,
      'invalid_request',
      /trop long/,
    ],
    [
      'a title over 200 characters',
      () => ({ body: multipart([exam, { name: 'title', body: 't'.repeat(201) }, file()]) }),
      400,
      'invalid_request',
      /title/,
    ],
    [
      'a body cut inside the file',
      () => ({ body: multipart([exam, file()], { close: false }).slice(0, 300) }),
      400,
      'invalid_request',
      /illisible ou incomplet/,
    ],
    [
      'a body without any part',
      () => ({ body: 'ceci n’est pas un formulaire' }),
      400,
      'invalid_request',
      /illisible ou incomplet/,
    ],
    [
      'multipart without a boundary',
      () => ({ body: multipart([exam, file()]), type: 'multipart/form-data' }),
      400,
      'invalid_request',
      /illisible ou incomplet/,
    ],
    [
      'JSON instead of a form',
      () => ({ body: JSON.stringify({ examId: 'b1-audit-rse', file: MARKDOWN }), type: 'application/json' }),
      415,
      'unsupported_media_type',
      /multipart\/form-data/,
    ],
    [
      'a URL-encoded form',
      () => ({ body: 'examId=b1-audit-rse&file=x', type: 'application/x-www-form-urlencoded' }),
      415,
      'unsupported_media_type',
      /multipart\/form-data/,
    ],
    [
      'a file one byte over the limit (refused while streaming: the body is within the route’s margin)',
      () => ({ body: chunked(multipart([exam, file(new Uint8Array(limit + 1).fill(0x41))]), 65536) }),
      413,
      'payload_too_large',
      /^Fichier trop volumineux : la limite est de 2 Mo/,
    ],
  ];

  for (const [what, make, status, code, message] of bad) {
    it(`refuses ${what} on both upload routes (${status} ${code})`, async () => {
      const existing = await (await upload({ name: 'a.md', bytes: MARKDOWN })).json();
      const before = await tableCounts(t.database);
      for (const path of ['/api/dossiers', `/api/dossiers/${existing.id}/versions`]) {
        const { body, type } = make();
        const res = await post(path, body, type);
        expect(res.status, `${path}: ${what}`).toBe(status);
        const json = await res.json();
        expect(json.error.code).toBe(code);
        expect(json.error.message).toMatch(message);
      }
      expect(await tableCounts(t.database)).toEqual(before);
    });
  }

  it('reassembles a file sent in small chunks exactly, whatever falls across the boundaries', async () => {
    const bytes = new TextEncoder().encode(`${MARKDOWN}\n\n--${BOUNDARY} n’est pas une frontière ici.\n`);
    const res = await post(
      '/api/dossiers',
      chunked(multipart([exam, { name: 'title', body: '' }, file(bytes)]), 7),
    );
    expect(res.status).toBe(201);
    const created = await res.json();
    await expectStoredBytes(created.id, bytes);
  });

  it('accepts a file exactly at the limit, streamed without a Content-Length', async () => {
    const text = `# Dossier long\n\n${'La stratégie RSE de Transports Meunier vise la neutralité carbone. '.repeat(40000)}`;
    const bytes = new TextEncoder().encode(text).slice(0, limit);
    const res = await post('/api/dossiers', chunked(multipart([exam, file(bytes)]), 65536));
    expect(res.status).toBe(201);
    expect((await res.json()).versions[0].sizeBytes).toBe(limit);
  });

  it('checks the dossier id before reading the body', async () => {
    const res = await post('/api/dossiers/not-a-uuid/versions', multipart([file()]));
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/id/);
  });
});

/** The dossier's stored version has exactly `bytes`: their size and SHA-256. */
async function expectStoredBytes(dossierId: string, bytes: Uint8Array) {
  const [row] = await t.database.query<{ sha256: string; size_bytes: number }>(
    'select sha256, size_bytes from dossier_versions where dossier_id = $1',
    [dossierId],
  );
  expect(row).toEqual({
    sha256: createHash('sha256').update(bytes).digest('hex'),
    size_bytes: bytes.byteLength,
  });
}
