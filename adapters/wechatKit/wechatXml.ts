/**
 * WeChat's XML, both ways: the pushed message (a flat <xml> of elements, values kept as strings so
 * 64-bit MsgIds survive) and the passive replies we build (values in CDATA).
 * Parsing is defensive: WeChat's messages are at most a few levels deep, so nesting is counted (without
 * recursion) before anything parses it, and element names that are Object.prototype's own
 * (`__proto__`, `constructor`, `prototype`) are refused — both as a WeChatXmlError, i.e. a 400.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export type WeChatXml = Record<string, unknown>;

export class WeChatXmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WeChatXmlError';
  }
}

/** deeper than any WeChat message (event pushes nest 4 levels: xml > SendPicsInfo > PicList > item) */
export const MAX_DEPTH = 8;
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
  maxNestedTags: MAX_DEPTH + 1,
});

/** Parses `<xml>…</xml>`; throws WeChatXmlError when it is not well-formed or not WeChat's shape. */
export function parseWeChatXml(text: string): WeChatXml {
  // WeChat never sends a DOCTYPE; refusing it rules out entity tricks
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new WeChatXmlError('DOCTYPE is not allowed');
  checkElements(text);
  if (XMLValidator.validate(text) !== true) throw new WeChatXmlError('body is not well-formed XML');
  let parsed: Record<string, unknown>;
  try {
    parsed = parser.parse(text) as Record<string, unknown>;
  } catch (err) {
    // the parser's own guards (nesting, reserved names) throw plain Errors: still the sender's fault
    throw new WeChatXmlError(`body could not be parsed: ${(err as Error).message.slice(0, 120)}`);
  }
  const root = Object.hasOwn(parsed, 'xml') ? parsed.xml : undefined;
  if (root === null || typeof root !== 'object' || Array.isArray(root)) throw new WeChatXmlError('body has no <xml> element');
  return root as WeChatXml;
}

/** One linear pass over the tags: refuses nesting deeper than MAX_DEPTH and prototype-named elements. */
function checkElements(text: string): void {
  let depth = 0;
  const skipTo = (from: number, end: string) => {
    const at = text.indexOf(end, from);
    if (at < 0) throw new WeChatXmlError('body is not well-formed XML');
    return at + end.length;
  };
  for (let i = text.indexOf('<'); i >= 0; i = text.indexOf('<', i)) {
    // CDATA sections, comments and the declaration may contain "<" or ">": skip them whole
    if (text.startsWith('<![CDATA[', i)) i = skipTo(i, ']]>');
    else if (text.startsWith('<!--', i)) i = skipTo(i, '-->');
    else if (text.startsWith('<?', i)) i = skipTo(i, '?>');
    else {
      const end = skipTo(i, '>');
      const tag = text.slice(i + 1, end - 1);
      const closing = tag.startsWith('/');
      const name = (closing ? tag.slice(1) : tag).split(/[\s/]/, 1)[0];
      if (RESERVED.has(name)) throw new WeChatXmlError(`element <${name}> is not allowed`);
      if (closing) depth--;
      else if (!tag.endsWith('/') && ++depth > MAX_DEPTH) throw new WeChatXmlError(`elements are nested more than ${MAX_DEPTH} deep`);
      i = end;
    }
  }
}

/** The string value of a top-level element ('' when absent or not text). */
export function field(xml: WeChatXml, name: string): string {
  const value = xml[name];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

export function cdata(value: string): string {
  // "]]>" cannot appear inside CDATA: close and reopen around it
  return `<![CDATA[${value.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

/** `<xml>` with the given elements; strings go in CDATA, numbers as they are, objects nest. */
export function buildXml(elements: Record<string, unknown>, tag = 'xml'): string {
  return `<${tag}>${Object.entries(elements).map(([k, v]) => element(k, v)).join('')}</${tag}>`;
}

function element(name: string, value: unknown): string {
  if (typeof value === 'number') return `<${name}>${value}</${name}>`;
  if (Array.isArray(value)) return `<${name}>${value.map((item) => buildXml(item as Record<string, unknown>, 'item')).join('')}</${name}>`;
  if (value !== null && typeof value === 'object') return buildXml(value as Record<string, unknown>, name);
  return `<${name}>${cdata(String(value ?? ''))}</${name}>`;
}
