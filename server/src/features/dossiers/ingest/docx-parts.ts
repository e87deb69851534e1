/** OPC package plumbing for DOCX: relationships between parts, and document properties. */
import { elements, localName, parseXml, textContent } from './xml';
import type { ZipArchive } from './zip';

export interface Relationship {
  type: string;
  target: string;
}

/** Relationships of `part` (from its `_rels/*.rels`), targets resolved to package paths. */
export function relationships(zip: ZipArchive, part: string): Relationship[] {
  const slash = part.lastIndexOf('/');
  const relsPath = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
  const xml = zip.text(relsPath);
  if (xml === null) return [];
  const base = part.slice(0, slash + 1);
  return elements(parseXml(xml))
    .filter((r) => localName(r.name) === 'Relationship' && r.attrs.TargetMode !== 'External')
    .map((r) => {
      const target = r.attrs.Target ?? '';
      return {
        type: r.attrs.Type ?? '',
        target: target.startsWith('/') ? target.slice(1) : resolvePath(base, target),
      };
    });
}

function resolvePath(base: string, relative: string): string {
  const parts = (base + relative).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/** Target of the first relationship whose type ends with `typeSuffix`, or the conventional path. */
export function relatedPart(rels: Relationship[], typeSuffix: string, fallback: string): string {
  return rels.find((r) => r.type.endsWith(typeSuffix))?.target ?? fallback;
}

/** Core properties (title, subject, description, keywords, author…) and custom properties. */
export function readProperties(zip: ZipArchive): {
  metadata: Record<string, unknown>;
  fields: Record<string, string>;
} {
  const metadata: Record<string, unknown> = {};
  const fields: Record<string, string> = {};
  const core = zip.text('docProps/core.xml');
  if (core !== null) {
    const names: Record<string, string> = {
      title: 'title',
      subject: 'subject',
      description: 'description',
      keywords: 'keywords',
      category: 'category',
      creator: 'author',
      lastModifiedBy: 'lastModifiedBy',
    };
    for (const el of elements(parseXml(core))) {
      const name = names[localName(el.name)];
      const value = textContent(el).trim();
      if (name !== undefined && value !== '') {
        metadata[name] = value;
        fields[name] = value;
      }
    }
  }
  const custom = zip.text('docProps/custom.xml');
  if (custom !== null) {
    const props: Record<string, string> = {};
    for (const el of elements(parseXml(custom))) {
      const name = el.attrs.name;
      const value = textContent(el).trim();
      if (name !== undefined && value !== '') {
        props[name] = value;
        fields[`custom:${name}`] = value;
      }
    }
    if (Object.keys(props).length > 0) metadata.custom = props;
  }
  return { metadata, fields };
}
