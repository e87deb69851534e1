/** The pdf-lib PDF builder: a source's blocks laid out by `PdfLayout`, with fixed metadata (byte-stable). */
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { BODY, type Fonts, HEADINGS, PdfLayout, TABLE } from './pdf-layout';
import { FIXED_DATE, type Source } from './source';

export async function buildPdf(
  src: Pick<Source, 'meta' | 'blocks'>,
): Promise<{ bytes: Uint8Array; pages: number; replaced: string[] }> {
  const { meta } = src;
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts: Fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    italic: await doc.embedFont(StandardFonts.HelveticaOblique),
    boldItalic: await doc.embedFont(StandardFonts.HelveticaBoldOblique),
  };
  doc.setTitle(meta.title ?? '');
  doc.setAuthor(meta.author ?? '');
  if (meta.subject) doc.setSubject(meta.subject);
  if (meta.keywords) doc.setKeywords(meta.keywords.split(/\s*,\s*/));
  doc.setCreator('Préjury evals — build-binary-cases.ts');
  doc.setProducer('pdf-lib');
  doc.setLanguage(meta.lang ?? 'fr-FR');
  doc.setCreationDate(FIXED_DATE);
  doc.setModificationDate(FIXED_DATE);

  const layout = new PdfLayout(doc, fonts);
  let notes: string[] = [];
  const flushNotes = () => {
    for (const note of notes) {
      layout.text([{ text: note, bold: false, italic: false }], { size: TABLE.size, leading: TABLE.leading });
      layout.space(3);
    }
    notes = [];
  };
  for (const [i, block] of src.blocks.entries()) {
    const next = src.blocks[i + 1];
    switch (block.kind) {
      case 'heading': {
        const h = HEADINGS[block.level];
        if (i > 0) layout.space(h.before);
        // Keep a heading with the first lines of what follows it.
        const keepWith = next?.kind === 'table' ? 60 : BODY.leading * 3;
        layout.text(block.spans, { size: h.size, leading: h.size * 1.3, bold: true, keepWith });
        layout.space(h.after);
        break;
      }
      case 'paragraph':
        layout.text(block.spans, { size: BODY.size, leading: BODY.leading });
        layout.space(BODY.after);
        notes.push(...(block.notes ?? []));
        break;
      case 'bullet':
        layout.listItem('•', block.spans);
        if (next?.kind !== 'bullet') layout.space(BODY.after);
        break;
      case 'ordered':
        layout.listItem(`${block.index}.`, block.spans);
        if (next?.kind !== 'ordered') layout.space(BODY.after);
        break;
      case 'table':
        layout.space(2);
        layout.table(block);
        break;
      case 'hidden':
        layout.hidden(block.mode, block.text);
        break;
      case 'pagebreak':
        layout.newPage();
        break;
      case 'section':
        // A library's simple layout: a new portrait, one-column page; the section's notes close the previous one.
        flushNotes();
        layout.newPage();
        break;
    }
  }
  flushNotes();
  layout.decorate(meta.header ?? meta.title ?? '');
  const bytes = await doc.save({ useObjectStreams: false });
  return { bytes, pages: layout.pages.length, replaced: [...layout.replaced] };
}
