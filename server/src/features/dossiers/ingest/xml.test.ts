import { describe, expect, it } from 'vitest';
import { child, decodeEntities, elements, parseXml, textContent, XmlError } from './xml';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

describe('parseXml', () => {
  it('maps any prefix bound to a known namespace to the canonical one', () => {
    const root = parseXml(`<x:document xmlns:x="${W}"><x:body><x:p x:rsid="1"/></x:body></x:document>`, {
      [W]: 'w',
    });
    expect(root.name).toBe('w:document');
    expect(child(child(root, 'w:body'), 'w:p')?.attrs).toEqual({ 'w:rsid': '1' });
  });

  it('handles the default namespace, entities, CDATA, comments and quoted ">"', () => {
    const root = parseXml(
      `<?xml version="1.0"?><!-- c --><document xmlns="${W}" a="1 &gt; 0"><t>A &amp; B &#233;&#x20AC;</t><t><![CDATA[<raw>]]></t></document>`,
      { [W]: 'w' },
    );
    expect(root.attrs.a).toBe('1 > 0');
    expect(elements(root, 'w:t').map(textContent)).toEqual(['A & B é€', '<raw>']);
  });

  it('never expands DTD entities', () => {
    const root = parseXml('<!DOCTYPE d [<!ENTITY x "boom">]><d>&x;</d>');
    expect(textContent(root)).toBe('&x;');
  });

  it('throws on malformed XML', () => {
    expect(() => parseXml('<a><b></a>')).toThrow(XmlError);
    expect(() => parseXml('<a>')).toThrow(XmlError);
    expect(() => parseXml('<a attr="x>')).toThrow(XmlError);
  });

  it('decodes entities', () => {
    expect(decodeEntities('&lt;&quot;&apos;&unknown;')).toBe('<"\'&unknown;');
  });
});
