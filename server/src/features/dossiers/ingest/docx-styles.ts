/**
 * DOCX styles and run properties: what decides whether a run is hidden (vanish, white, tiny) and
 * whether a paragraph is a heading, a list item or starts a page, resolved through `basedOn` chains.
 */

import { child, elements, parseXml, type XmlElement } from './xml';

/** WordprocessingML (transitional and strict), markup compatibility and math: the prefixes used here. */
export const NAMESPACES: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'http://schemas.openxmlformats.org/officeDocument/2006/math': 'm',
  'http://purl.oclc.org/ooxml/officeDocument/math': 'm',
};

export interface RunProps {
  vanish?: boolean;
  color?: string;
  /** Half-points. */
  size?: number;
  /** A highlight or shading behind the run: white text on it is visible. */
  shaded?: boolean;
}

/** A paragraph's list and level (`w:numPr`). */
export interface NumPr {
  numId: string;
  ilvl: number;
}

export interface StyleDef {
  id: string;
  name: string;
  type: string;
  basedOn?: string;
  run: RunProps;
  outlineLevel?: number;
  pageBreakBefore?: boolean;
  numbered?: boolean;
  /** The list a style numbers its paragraphs in (Word's « List Number »). */
  numPr?: NumPr;
  /** The style paints a background somewhere (table styles with shaded header rows…). */
  shaded: boolean;
}

export interface Styles {
  byId: Map<string, StyleDef>;
  defaults: RunProps;
  defaultParagraph?: string;
}

/** `<w:b/>`, `<w:b w:val="true"/>` are on; `w:val="0"`, `"false"`, `"off"` are off. */
export function onOff(el: XmlElement | undefined): boolean | undefined {
  if (el === undefined) return undefined;
  const v = el.attrs['w:val'];
  return v === undefined || !['0', 'false', 'off'].includes(v.toLowerCase());
}

/** Whether a hex colour is white or so close to it that text in it cannot be read on white paper. */
export function isWhiteHex(hex: string): boolean {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (m === null) return false;
  return m.slice(1).every((c) => Number.parseInt(c, 16) >= 0xf0);
}

/** A shading fill that is neither absent nor white: something text can be read on. */
export function isShading(shd: XmlElement | undefined): boolean {
  const fill = shd?.attrs['w:fill'];
  return fill !== undefined && fill !== 'auto' && fill !== '' && !isWhiteHex(fill);
}

/** The run properties that matter here, read from a `w:rPr`. */
export function runProps(rPr: XmlElement | undefined): RunProps {
  if (rPr === undefined) return {};
  const props: RunProps = {};
  const vanish = onOff(child(rPr, 'w:vanish'));
  if (vanish !== undefined) props.vanish = vanish;
  const color = child(rPr, 'w:color')?.attrs['w:val'];
  if (color !== undefined) props.color = color;
  const size = Number(child(rPr, 'w:sz')?.attrs['w:val']);
  if (Number.isFinite(size) && child(rPr, 'w:sz') !== undefined) props.size = size;
  const highlight = child(rPr, 'w:highlight')?.attrs['w:val'];
  if (isShading(child(rPr, 'w:shd')) || (highlight !== undefined && !['none', 'white'].includes(highlight)))
    props.shaded = true;
  return props;
}

/** Later layers win (defaults → paragraph style → character style → direct formatting). */
export function mergeProps(...layers: RunProps[]): RunProps {
  return Object.assign({}, ...layers);
}

/** True/false when the paragraph properties say whether it is a list item, undefined when silent. */
export function numberedPPr(pPr: XmlElement | undefined): boolean | undefined {
  const numPr = child(pPr, 'w:numPr');
  if (numPr === undefined) return undefined;
  return child(numPr, 'w:numId')?.attrs['w:val'] !== '0';
}

/** `w:numPr` of a paragraph or style: which list and which level; undefined when absent. */
export function numPrOf(pPr: XmlElement | undefined): NumPr | undefined {
  const numPr = child(pPr, 'w:numPr');
  const numId = child(numPr, 'w:numId')?.attrs['w:val'];
  if (numId === undefined) return undefined;
  return { numId, ilvl: Number(child(numPr, 'w:ilvl')?.attrs['w:val'] ?? 0) || 0 };
}

/** `w:outlineLvl` (0–9), undefined when absent. */
export function outlineLevel(pPr: XmlElement | undefined): number | undefined {
  const v = child(pPr, 'w:outlineLvl')?.attrs['w:val'];
  return v === undefined ? undefined : Number(v);
}

function hasShading(el: XmlElement): boolean {
  if (el.name === 'w:shd' && isShading(el)) return true;
  return elements(el).some(hasShading);
}

/** Parses `styles.xml` (null: no styles part, Word's built-in defaults apply). */
export function readStyles(xml: string | null): Styles {
  const styles: Styles = { byId: new Map(), defaults: {} };
  if (xml === null) return styles;
  const root = parseXml(xml, NAMESPACES);
  styles.defaults = runProps(child(child(child(root, 'w:docDefaults'), 'w:rPrDefault'), 'w:rPr'));
  for (const s of elements(root, 'w:style')) {
    const id = s.attrs['w:styleId'] ?? '';
    const pPr = child(s, 'w:pPr');
    const def: StyleDef = {
      id,
      name: child(s, 'w:name')?.attrs['w:val'] ?? id,
      type: s.attrs['w:type'] ?? 'paragraph',
      basedOn: child(s, 'w:basedOn')?.attrs['w:val'],
      run: runProps(child(s, 'w:rPr')),
      outlineLevel: outlineLevel(pPr),
      pageBreakBefore: onOff(child(pPr, 'w:pageBreakBefore')),
      numbered: numberedPPr(pPr),
      numPr: numPrOf(pPr),
      shaded: hasShading(s),
    };
    styles.byId.set(id, def);
    if (def.type === 'paragraph' && ['1', 'true', 'on'].includes(s.attrs['w:default'] ?? ''))
      styles.defaultParagraph = id;
  }
  return styles;
}

/** The style and its ancestors, nearest first (cycles in `basedOn` are cut). */
export function chain(styles: Styles, id: string | undefined): StyleDef[] {
  const out: StyleDef[] = [];
  const seen = new Set<string>();
  let current = id;
  while (current !== undefined && !seen.has(current)) {
    seen.add(current);
    const def = styles.byId.get(current);
    if (def === undefined) break;
    out.push(def);
    current = def.basedOn;
  }
  return out;
}

/** The first value that is set. */
export function firstDefined<T>(values: (T | undefined)[]): T | undefined {
  return values.find((v) => v !== undefined);
}

const HEADING_NAME = /^(?:heading|titre|überschrift|berschrift|kop|titolo|t[ií]tulo)\s*([1-9])$/i;

/** Heading level (1–9) of a paragraph from its outline level or style, 0 for body text. */
export function headingLevel(pPr: XmlElement | undefined, styleChain: StyleDef[]): number {
  const direct = outlineLevel(pPr);
  if (direct !== undefined) return direct < 9 ? direct + 1 : 0;
  for (const s of styleChain) {
    const m = HEADING_NAME.exec(s.name) ?? HEADING_NAME.exec(s.id);
    if (m) return Number(m[1]);
    if (/^(title|titre)$/i.test(s.name) || /^(title|titre)$/i.test(s.id)) return 1;
    if (s.outlineLevel !== undefined) return s.outlineLevel < 9 ? s.outlineLevel + 1 : 0;
  }
  return 0;
}
