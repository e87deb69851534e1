import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../lib/errors';
import { rejectionOf } from '../../../testing/rejection';
import { decodeText, detectFormat, looksLikeMarkdown } from './detect';
import { buildDocx } from './fixtures/build-docx';
import { buildLinesPdf } from './fixtures/build-pdf';
import { claimSize, minimalDocx, zipOf } from './fixtures/zips';

const enc = (s: string) => new TextEncoder().encode(s);

const failure = (promise: Promise<unknown>) => rejectionOf(promise, AppError);

describe('detectFormat', () => {
  it('detects PDF and DOCX from their content', async () => {
    const pdf = await buildLinesPdf([[{ text: 'Bonjour', y: 700 }]]);
    expect(await detectFormat(pdf)).toEqual({ format: 'pdf', mediaType: 'application/pdf' });
    const docx = await buildDocx([{ blocks: [{ kind: 'paragraph', text: 'Bonjour' }] }]);
    expect(await detectFormat(docx)).toEqual({
      format: 'docx',
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
  });

  it('tells Markdown from plain text', async () => {
    expect((await detectFormat(enc('# Introduction\n\nTexte.'))).format).toBe('markdown');
    expect((await detectFormat(enc('- un\n- deux\n\nDu **gras**.'))).format).toBe('markdown');
    expect((await detectFormat(enc('Une phrase.\n- une liste ne suffit pas'))).format).toBe('text');
    expect(await detectFormat(enc('Un dossier en texte brut.'))).toEqual({
      format: 'text',
      mediaType: 'text/plain',
    });
  });

  it('refuses images and executables whatever their name, naming what they are', async () => {
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
    ]);
    const pngError = await failure(detectFormat(png, 'dossier.pdf'));
    expect(pngError).toMatchObject({ code: 'unsupported_type', status: 415 });
    expect(pngError.message).toContain('une image PNG');
    expect(pngError.message).toContain('PDF, DOCX, Markdown, texte');

    const elf = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...new Array(120).fill(0)]);
    const elfError = await failure(detectFormat(elf, 'dossier.pdf'));
    expect(elfError).toMatchObject({ code: 'unsupported_type', status: 415 });
    expect(elfError.message).toContain('« dossier.pdf » est un programme exécutable (ELF)');

    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, ...new Array(300).fill(0)]);
    expect(await failure(detectFormat(exe))).toMatchObject({ code: 'unsupported_type', status: 415 });
  });

  it('refuses other office archives: spreadsheets, OpenDocument, plain zips', async () => {
    const xlsx = await zipOf({
      '[Content_Types].xml':
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
      'xl/workbook.xml': '<workbook/>',
    });
    const xlsxError = await failure(detectFormat(xlsx, 'dossier.docx'));
    expect(xlsxError).toMatchObject({ code: 'unsupported_type', status: 415 });
    expect(xlsxError.message).toContain('classeur Excel');
    const zip = await zipOf({ 'a.txt': 'bonjour' });
    expect((await failure(detectFormat(zip))).message).toContain('archive ZIP');
  });

  it('refuses binary content with no signature', async () => {
    const garbage = new Uint8Array(2000);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919 + 13) % 256;
    expect(await failure(detectFormat(garbage, 'notes.md'))).toMatchObject({
      code: 'binary_content',
      status: 415,
    });
    const controls = enc(`${'\u0001\u0002\u0003'.repeat(20)} texte`);
    expect(await failure(detectFormat(controls))).toMatchObject({ code: 'binary_content', status: 415 });
  });

  it('refuses empty files', async () => {
    expect(await failure(detectFormat(new Uint8Array(0)))).toMatchObject({ code: 'empty_file', status: 422 });
    expect(await failure(detectFormat(enc(' \n\t\n ')))).toMatchObject({ code: 'empty_file', status: 422 });
  });

  it('refuses zip bombs from the central directory, before inflating anything', async () => {
    const many: Record<string, string> = { 'word/document.xml': '<w:document/>' };
    for (let i = 0; i < 2100; i++) many[`word/media/f${i}.txt`] = 'x';
    const tooMany = await zipOf(many, 'STORE');
    expect(await failure(detectFormat(tooMany))).toMatchObject({ code: 'zip_bomb', status: 422 });

    // An entry claiming 300 MB: the directory says so, nothing is inflated to find out.
    const small = await minimalDocx('<w:p><w:r><w:t>Bonjour</w:t></w:r></w:p>');
    const claimed = claimSize(small, 'word/document.xml', 300 * 1024 * 1024);
    expect(await failure(detectFormat(claimed))).toMatchObject({ code: 'zip_bomb', status: 422 });

    // A real, highly compressible entry: 8 MB of zeros deflate to a few kB (ratio > 200).
    const zeros = await zipOf({
      'word/document.xml': '<w:document/>',
      'word/media/pad.bin': new Uint8Array(8 << 20),
    });
    const bomb = await failure(detectFormat(zeros));
    expect(bomb).toMatchObject({ code: 'zip_bomb', status: 422 });
    expect(bomb.message).toContain('taux de compression');
  });

  it('refuses a zip whose directory is cut off as corrupt', async () => {
    const docx = await minimalDocx('<w:p/>');
    expect(await failure(detectFormat(docx.subarray(0, docx.length - 30)))).toMatchObject({
      code: 'corrupt_file',
      status: 422,
    });
  });
});

describe('decodeText', () => {
  it('reads UTF-8 with and without BOM', () => {
    expect(decodeText(enc('Élève à l’école'))).toBe('Élève à l’école');
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...enc('Déjà')]))).toBe('Déjà');
  });

  it('reads UTF-16 with a BOM, little- and big-endian', () => {
    const text = 'Stratégie « commerciale » façon 2024';
    expect(decodeText(new Uint8Array([0xff, 0xfe, ...iconv.encode(text, 'utf-16le')]))).toBe(text);
    expect(decodeText(new Uint8Array([0xfe, 0xff, ...iconv.encode(text, 'utf-16be')]))).toBe(text);
  });

  it('converts windows-1252 text, curly quotes and œ included', async () => {
    const text = 'Le cœur de l’offre : un accompagnement « sur mesure », très apprécié des clients — voilà.';
    const bytes = new Uint8Array(iconv.encode(text, 'windows-1252'));
    expect(decodeText(bytes)).toBe(text);
    expect(await detectFormat(bytes)).toEqual({ format: 'text', mediaType: 'text/plain' });
  });

  it('does not take text starting with « BM » for a bitmap', async () => {
    expect((await detectFormat(enc('BMW et Renault sont deux clients historiques.'))).format).toBe('text');
  });
});

describe('looksLikeMarkdown', () => {
  it('needs a strong signal or two weak ones', () => {
    expect(looksLikeMarkdown('## Partie 2')).toBe(true);
    expect(looksLikeMarkdown('| a | b |\n|---|---|\n| 1 | 2 |')).toBe(true);
    expect(looksLikeMarkdown('Voir [le site](https://exemple.fr) et `code`')).toBe(true);
    expect(looksLikeMarkdown('#hashtag sans espace')).toBe(false);
  });
});
