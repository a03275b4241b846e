import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_MAX_BYTES, IvrError } from '../../src/model/index.js';
import { voiceXmlImporter } from '../../src/importers/voicexml.js';
import { freeswitchImporter } from '../../src/importers/freeswitch.js';
import { XML_MAX_DEPTH, attribute, elementsOf, parseXml, textContent } from '../../src/importers/xml.js';
import { fixture } from './helpers.js';

function refusal(text: string): IvrError {
  try {
    parseXml('evil.xml', text);
  } catch (error) {
    if (error instanceof IvrError) return error;
    throw error;
  }
  throw new Error('the XML was accepted');
}

/** Nine levels of ten entity references: 10^9 "lol"s if anything expanded them (also read by bench/xml-refusal.mjs). */
const billionLaughs = fixture('voicexml/billion-laughs.vxml').text;

describe('hardened XML reading', () => {
  // The time of the refusal is measured in bench/xml-refusal.mjs (part of npm run bench), not here.
  it('refuses a billion-laughs document with a located one-line reason before the parser sees it', () => {
    const parse = vi.spyOn(XMLParser.prototype, 'parse');
    try {
      const error = refusal(billionLaughs);
      expect(error.exitCode).toBe(2);
      expect(error.issues).toHaveLength(1);
      expect(error.issues[0]).toMatchObject({ code: 'xml_dtd_refused', line: 2 });
      // No entity was declared to, let alone expanded by, fast-xml-parser: it was never called.
      expect(parse).not.toHaveBeenCalled();
      // The spy does see a harmless document, so the assertion above could fail.
      parseXml('ok.xml', '<vxml><form><block>lol</block></form></vxml>');
      expect(parse).toHaveBeenCalledTimes(1);
    } finally {
      parse.mockRestore();
    }
  });

  it('refuses an external entity (SYSTEM) declaration', () => {
    expect(refusal('<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><x>&xxe;</x>').issues[0]?.code).toBe('xml_dtd_refused');
  });

  it('ignores an external DOCTYPE such as the W3C VoiceXML DTD, without fetching it', () => {
    const root = parseXml('a.vxml', '<?xml version="1.0"?>\n<!DOCTYPE vxml PUBLIC "-//W3C//DTD VOICEXML 2.1//EN" "http://www.w3.org/TR/voicexml21/vxml.dtd">\n<vxml version="2.1"/>');
    expect(root.name).toBe('vxml');
    expect(root.line).toBe(3);
  });

  it('refuses text over the byte cap before parsing; the cap is the JSON imports\' 64 MB by default', () => {
    expect(refusal(`<a>${' '.repeat(DEFAULT_MAX_BYTES)}</a>`).issues[0]?.code).toBe('too_large');
    // 6 MB, over the old fixed 5 MB cap of the XML reader: the size passes, the next check (an inline DTD) refuses it.
    expect(refusal(`${' '.repeat(6 * 2 ** 20)}<!DOCTYPE x [ ]><a/>`).issues[0]?.code).toBe('xml_dtd_refused');
  });

  it.each([
    ['vxml', voiceXmlImporter, '<vxml version="2.1"><form><block>Hello.</block></form></vxml>'],
    ['freeswitch', freeswitchImporter, '<include><menu name="m"><entry action="menu-exit" digits="1"/></menu></include>'],
  ])('the %s importer honours the maxBytes option (--max-mb)', (_, importer, text) => {
    const padded = `${text}${' '.repeat(2000)}`;
    expect(() => importer.import([{ name: 'f.xml', text: padded }], { maxBytes: 1000 })).toThrow(/over the/);
    expect(() => importer.import([{ name: 'f.xml', text: padded }], { maxBytes: 10_000 })).not.toThrow();
  });

  it('refuses nesting deeper than the limit', () => {
    const depth = XML_MAX_DEPTH + 10;
    expect(refusal(`${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}`).issues[0]?.code).toBe('xml_syntax');
  });

  it.each([
    ['<a><__proto__><polluted>yes</polluted></__proto__></a>', '__proto__'],
    ['<a __proto__="x"/>', '__proto__'],
    ['<a><constructor><prototype><polluted>yes</polluted></prototype></constructor></a>', 'constructor'],
  ])('refuses reserved names, and nothing reaches Object.prototype: %s', (text, name) => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const error = refusal(text);
    expect(error.issues[0]?.code).toBe('xml_syntax');
    expect(error.issues[0]?.message.en).toContain(`"${name}"`);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('decodes the five XML entities but never numeric or HTML ones into markup', () => {
    const root = parseXml('e.xml', '<p a="1 &amp; 2">Tom &amp; Jerry &lt;3</p>');
    expect(attribute(root, 'a')).toBe('1 & 2');
    expect(textContent(root)).toBe('Tom & Jerry <3');
  });

  it('gives each element its line and column, also with CR LF line ends', () => {
    const root = parseXml('l.xml', '<vxml>\r\n  <menu id="m">\r\n    <choice dtmf="1"/>\r\n  </menu>\r\n</vxml>');
    const menu = elementsOf(root, 'menu')[0];
    expect(menu).toMatchObject({ line: 2, column: 3 });
    expect(elementsOf(menu!, 'choice')[0]).toMatchObject({ line: 3, column: 5 });
  });

  it('refuses a file with no element', () => {
    expect(refusal('<!-- only a comment -->').issues[0]?.code).toBe('xml_empty');
  });
});
