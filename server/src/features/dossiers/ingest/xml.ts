/**
 * A minimal XML reader for Office parts. It builds a light tree, resolves namespace prefixes to the
 * canonical ones callers ask for (a DOCX may bind WordprocessingML to any prefix), and never expands
 * DTD entities (so an entity bomb in a DOCTYPE is inert). Not a validating parser.
 */

export interface XmlElement {
  /** Qualified name with the canonical prefix when the namespace is known (`w:p`), as written otherwise. */
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

export class XmlError extends Error {
  override name = 'XmlError';
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the five predefined entities and character references; leaves unknown entities as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref] ?? whole;
  });
}

/** Finds the `>` closing a tag, skipping quoted attribute values (which may contain `>`). */
function tagEnd(xml: string, from: number): number {
  let quote = '';
  for (let i = from; i < xml.length; i++) {
    const c = xml[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
  }
  throw new XmlError('unterminated tag');
}

const ATTR = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

type Scope = Map<string, string>;

function qualify(raw: string, scope: Scope, canonical: Record<string, string>, isAttr: boolean): string {
  const colon = raw.indexOf(':');
  const prefix = colon < 0 ? '' : raw.slice(0, colon);
  // Unprefixed attributes have no namespace; unprefixed elements take the default namespace.
  if (prefix === 'xmlns' || (isAttr && prefix === '')) return raw;
  const uri = scope.get(prefix);
  const wanted = uri === undefined ? undefined : canonical[uri];
  if (wanted === undefined) return raw;
  const local = colon < 0 ? raw : raw.slice(colon + 1);
  return `${wanted}:${local}`;
}

/**
 * Parses `xml` into a tree. `canonical` maps namespace URIs to the prefixes the caller uses in names
 * (e.g. `{ [WML]: 'w' }`). Throws `XmlError` on malformed input.
 */
export function parseXml(xml: string, canonical: Record<string, string> = {}): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: { el: XmlElement; raw: string; scope: Scope }[] = [{ el: root, raw: '', scope: new Map() }];
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const top = stack[stack.length - 1];
    if (lt < 0 || lt > i) {
      const end = lt < 0 ? xml.length : lt;
      if (stack.length > 1) top.el.children.push(decodeEntities(xml.slice(i, end)));
      i = end;
      continue;
    }
    if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i + 4);
      if (end < 0) throw new XmlError('unterminated comment');
      i = end + 3;
    } else if (xml.startsWith('<![CDATA[', i)) {
      const end = xml.indexOf(']]>', i + 9);
      if (end < 0) throw new XmlError('unterminated CDATA');
      top.el.children.push(xml.slice(i + 9, end));
      i = end + 3;
    } else if (xml.startsWith('<?', i)) {
      const end = xml.indexOf('?>', i + 2);
      if (end < 0) throw new XmlError('unterminated processing instruction');
      i = end + 2;
    } else if (xml.startsWith('<!', i)) {
      // DOCTYPE (possibly with an internal subset in brackets): skipped, entities are never expanded.
      const bracket = xml.indexOf('[', i);
      const close = xml.indexOf('>', i);
      const end = bracket >= 0 && bracket < close ? xml.indexOf(']>', bracket) + 1 : close;
      if (end <= 0) throw new XmlError('unterminated declaration');
      i = end + 1;
    } else if (xml[i + 1] === '/') {
      const end = xml.indexOf('>', i);
      if (end < 0) throw new XmlError('unterminated end tag');
      const raw = xml.slice(i + 2, end).trim();
      if (stack.length === 1 || top.raw !== raw) throw new XmlError(`unexpected </${raw}>`);
      stack.pop();
      i = end + 1;
    } else {
      const end = tagEnd(xml, i + 1);
      const selfClosing = xml[end - 1] === '/';
      const body = xml.slice(i + 1, selfClosing ? end - 1 : end);
      const nameEnd = body.search(/[\s]|$/);
      const raw = body.slice(0, nameEnd);
      if (raw === '') throw new XmlError('empty tag name');
      const rawAttrs: [string, string][] = [];
      let scope = top.scope;
      for (const m of body.slice(nameEnd).matchAll(ATTR)) {
        const value = decodeEntities(m[2] ?? m[3] ?? '');
        if (m[1] === 'xmlns' || m[1].startsWith('xmlns:')) {
          if (scope === top.scope) scope = new Map(scope);
          scope.set(m[1] === 'xmlns' ? '' : m[1].slice(6), value);
        }
        rawAttrs.push([m[1], value]);
      }
      const attrs: Record<string, string> = {};
      for (const [k, v] of rawAttrs) attrs[qualify(k, scope, canonical, true)] = v;
      const el: XmlElement = { name: qualify(raw, scope, canonical, false), attrs, children: [] };
      top.el.children.push(el);
      if (!selfClosing) stack.push({ el, raw, scope });
      i = end + 1;
    }
  }
  if (stack.length > 1) throw new XmlError(`unclosed <${stack[stack.length - 1].raw}>`);
  const docEl = root.children.find((c): c is XmlElement => typeof c !== 'string');
  if (docEl === undefined) throw new XmlError('no root element');
  return docEl;
}

/** Child elements of `el`, optionally only those named `name`. */
export function elements(el: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children)
    if (typeof c !== 'string' && (name === undefined || c.name === name)) out.push(c);
  return out;
}

/** First child element named `name`. */
export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  if (el === undefined) return undefined;
  for (const c of el.children) if (typeof c !== 'string' && c.name === name) return c;
  return undefined;
}

/** All text below `el`, in document order. */
export function textContent(el: XmlElement): string {
  let out = '';
  for (const c of el.children) out += typeof c === 'string' ? c : textContent(c);
  return out;
}

/** The part of a qualified name after the prefix. */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}
