/**
 * The printable HTML documents (the gap report, the calibration report): text escaped by `hono/html`, and
 * the one page shell both use — self-contained, no script, a Content-Security-Policy forbidding anything
 * external, so the file can be saved, mailed or printed as it is.
 */
import { html } from 'hono/html';

/** Escapes text for HTML element content and quoted attribute values (`& < > " '`), via `hono/html`. */
export function escapeHtml(text: string): string {
  return html`${text}`.toString();
}

export interface HtmlPage {
  lang: string;
  title: string;
  /** Trusted: written by us, inlined as it is. */
  css: string;
  /** Trusted: the page's Content-Security-Policy. */
  csp: string;
  /** Trusted HTML lines, their text already escaped. */
  body: readonly string[];
}

/** A whole document: doctype, head (charset, viewport, CSP, noindex, title, inline style) and body. */
export function htmlPage(page: HtmlPage): string {
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(page.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${page.csp}">`,
    '<meta name="robots" content="noindex">',
    `<title>${escapeHtml(page.title)}</title>`,
    `<style>${page.css}</style>`,
    '</head>',
    '<body>',
    ...page.body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
