/**
 * WeChat's XML, both ways: the pushed message (a flat <xml> of elements, values kept as strings so
 * 64-bit MsgIds survive) and the passive replies we build (values in CDATA).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export type WeChatXml = Record<string, unknown>;

export class WeChatXmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WeChatXmlError';
  }
}

const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true, processEntities: true });

/** Parses `<xml>…</xml>`; throws WeChatXmlError when it is not well-formed or not WeChat's shape. */
export function parseWeChatXml(text: string): WeChatXml {
  // WeChat never sends a DOCTYPE; refusing it rules out entity tricks
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new WeChatXmlError('DOCTYPE is not allowed');
  if (XMLValidator.validate(text) !== true) throw new WeChatXmlError('body is not well-formed XML');
  const root = (parser.parse(text) as Record<string, unknown>).xml;
  if (root === null || typeof root !== 'object' || Array.isArray(root)) throw new WeChatXmlError('body has no <xml> element');
  return root as WeChatXml;
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
