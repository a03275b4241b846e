/**
 * Hardened XML reading for the VoiceXML and FreeSWITCH importers: text from
 * strangers in, a small element tree with line numbers out.
 *
 * Defences, each refused with a one-line located reason (exit 2):
 * - size: over `maxBytes` (the importers' `--max-mb`, default the same
 *   64 MB as every JSON import: `checkSize` of safe-json.ts) the text is
 *   refused before any parsing;
 * - DTDs: a DOCTYPE with an internal subset (`<!DOCTYPE x [ … ]>`) is refused,
 *   because that is where entity declarations live (billion laughs, external
 *   entities). An external DOCTYPE (the W3C VoiceXML DTD URL) is ignored and
 *   never fetched. fast-xml-parser's own entity limits stay on as a second wall;
 * - depth: more than `XML_MAX_DEPTH` nested elements;
 * - names: `__proto__` and friends as tag or attribute names (fast-xml-parser's
 *   `strictReservedNames`); attributes are kept in a `Map` anyway.
 *
 * Positions: fast-xml-parser 5.12 records each element's start offset in the
 * original text when `captureMetaData` is on (a Symbol on the node; CR LF
 * line ends are accounted for). Elements come in document order, so one
 * forward scan counting newlines turns offsets into lines and columns.
 */
import { XMLParser } from 'fast-xml-parser';
import { IvrError, issue } from '../model/index.js';
import { checkSize } from './safe-json.js';

export const XML_MAX_DEPTH = 64;

export interface XmlText {
  kind: 'text';
  text: string;
}

export interface XmlElement {
  kind: 'element';
  /** the tag name as written, prefix included (`ivr:meta`) */
  name: string;
  attributes: ReadonlyMap<string, string>;
  children: XmlChild[];
  /** 1-based position of the `<` of the start tag */
  line: number;
  column: number;
}

export type XmlChild = XmlElement | XmlText;

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

function xmlError(file: string, code: string, en: string, zh: string, line?: number): IvrError {
  const problem = { ...issue(code, [], { en, 'zh-CN': zh }), ...(line === undefined ? {} : { line, column: 1 }) };
  return new IvrError([problem], { file });
}

function newParser(): XMLParser {
  return new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    captureMetaData: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    processEntities: { enabled: true, maxEntitySize: 1000, maxTotalExpansions: 1000, maxExpandedLength: 100_000 },
    htmlEntities: false,
    maxNestedTags: XML_MAX_DEPTH,
    strictReservedNames: true,
  });
}

/** Refuses what must never reach the parser: texts over the size limit and inline DTDs. */
function refuseUnsafe(file: string, text: string, maxBytes: number | undefined): void {
  checkSize(file, text, maxBytes);
  const inlineDtd = /<!DOCTYPE[^>[]*\[/i.exec(text);
  if (inlineDtd !== null) {
    const line = text.slice(0, inlineDtd.index).split('\n').length;
    throw xmlError(file, 'xml_dtd_refused',
      'An inline DTD (<!DOCTYPE … [ … ]>) is refused: its entity declarations could expand without bound. Remove it and import again.',
      '拒绝内联 DTD(<!DOCTYPE … [ … ]>):其中的实体声明可能无限展开。请删除后再导入。', line);
  }
}

/** Turns start offsets (in increasing order) into lines and columns with one forward scan. */
class ForwardLines {
  private offset = 0;
  private line = 1;
  private lineStart = 0;

  constructor(private readonly text: string) {}

  at(target: number): { line: number; column: number } {
    // Offsets only move forward in document order; a stray smaller one is clamped.
    for (; this.offset < target && this.offset < this.text.length; this.offset++) {
      if (this.text.charCodeAt(this.offset) === 10) {
        this.line++;
        this.lineStart = this.offset + 1;
      }
    }
    return { line: this.line, column: Math.max(1, target - this.lineStart + 1) };
  }
}

function toChildren(nodes: OrderedNode[], lines: ForwardLines): XmlChild[] {
  const children: XmlChild[] = [];
  for (const node of nodes) {
    for (const key of Object.keys(node)) {
      if (key === ':@') continue;
      const value = node[key];
      if (key === '#text') {
        children.push({ kind: 'text', text: String(value) });
        continue;
      }
      const meta = (node as Record<symbol, { startIndex?: number } | undefined>)[META];
      const position = lines.at(meta?.startIndex ?? 0);
      const attributes = new Map(Object.entries(node[':@'] ?? {}).map(([name, text]) => [name, String(text)]));
      // Children must be read after this element's position: the scan only moves forward.
      children.push({ kind: 'element', name: key, attributes, children: toChildren(value as OrderedNode[], lines), ...position });
    }
  }
  return children;
}

/**
 * Parses one XML document; throws IvrError (exit 2) with a one-line reason.
 * Returns the root element. `maxBytes` defaults to `DEFAULT_MAX_BYTES`.
 */
export function parseXml(file: string, text: string, maxBytes?: number): XmlElement {
  refuseUnsafe(file, text, maxBytes);
  let ordered: OrderedNode[];
  try {
    ordered = newParser().parse(text) as OrderedNode[];
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw xmlError(file, 'xml_syntax', `The XML cannot be read safely: ${detail}.`, `无法安全读取该 XML:${detail}。`);
  }
  const root = toChildren(ordered, new ForwardLines(text)).find((child): child is XmlElement => child.kind === 'element');
  if (root === undefined) {
    throw xmlError(file, 'xml_empty', 'The file has no XML element (only comments or nothing).', '文件中没有 XML 元素(只有注释或为空)。');
  }
  return root;
}

/** The local name of a tag or attribute: `vxml:prompt` → `prompt`. */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

export function elementsOf(element: XmlElement, name?: string): XmlElement[] {
  return element.children.filter((child): child is XmlElement => child.kind === 'element' && (name === undefined || localName(child.name) === name));
}

/** Every element below (not including) `element`, in document order. */
export function descendants(element: XmlElement): XmlElement[] {
  return elementsOf(element).flatMap((child) => [child, ...descendants(child)]);
}

/** An attribute by local name (a namespace prefix on the attribute is ignored). */
export function attribute(element: XmlElement, name: string): string | undefined {
  const direct = element.attributes.get(name);
  if (direct !== undefined) return direct;
  for (const [key, value] of element.attributes) if (localName(key) === name) return value;
  return undefined;
}

/** All text below an element, markup (SSML) stripped, whitespace collapsed to single spaces. */
export function textContent(element: XmlElement): string {
  const parts: string[] = [];
  const collect = (child: XmlChild): void => {
    if (child.kind === 'text') parts.push(child.text);
    else {
      parts.push(' ');
      child.children.forEach(collect);
      parts.push(' ');
    }
  };
  element.children.forEach(collect);
  return parts.join('').replace(/\s+/g, ' ').trim();
}
