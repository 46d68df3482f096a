/**
 * The body of a Mini Program push, in whichever format arrived: WeChat sends JSON or XML as chosen under
 * 消息推送 (MINIPROGRAM_DATA_FORMAT), but a switch of that setting must not drop messages in flight, so
 * the body's own first character decides (the Content-Type is only a tie-breaker for an empty body).
 * Both become one flat record with the elements' values as strings (JSON numbers included: a 64-bit
 * MsgId is kept as its digits, never rounded through a double). Malformed input is a PushBodyError (400).
 */
import { textNestsDeeperThan } from '../jsonDepth';
import { parseWeChatXml, WeChatXmlError } from '../wechatKit/wechatXml';

export type PushFormat = 'json' | 'xml';
export type PushRecord = Record<string, unknown>;

export class PushBodyError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'PushBodyError';
  }
}

/** Which format the body is in: its first non-blank character, else the Content-Type, else the configured one. */
export function pushFormat(body: string, contentType: string | undefined, configured: PushFormat = 'json'): PushFormat {
  const first = body.trimStart()[0];
  if (first === '{') return 'json';
  if (first === '<') return 'xml';
  if (/json/i.test(contentType ?? '')) return 'json';
  return /xml/i.test(contentType ?? '') ? 'xml' : configured;
}

export function parsePush(body: string, format: PushFormat): PushRecord {
  return format === 'json' ? parseJson(body) : parseXml(body);
}

function parseXml(body: string): PushRecord {
  try {
    return parseWeChatXml(body);
  } catch (err) {
    if (err instanceof WeChatXmlError) throw new PushBodyError('malformed_xml', err.message);
    throw err;
  }
}

// big integers behind these keys would lose digits in JSON.parse; quoted first (a key inside a string
// value is preceded by an escaped quote, so it never matches)
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);
const BIG_NUMBERS = /"(MsgId|CreateTime)"\s*:\s*(\d+)/g;

function parseJson(body: string): PushRecord {
  if (textNestsDeeperThan(body)) throw new PushBodyError('malformed_json', 'body is nested too deeply');
  let value: unknown;
  try {
    value = JSON.parse(body.replace(BIG_NUMBERS, '"$1":"$2"'));
  } catch {
    throw new PushBodyError('malformed_json', 'body is not valid JSON');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new PushBodyError('malformed_json', 'body must be a JSON object');
  const record: PushRecord = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    // as in the XML parser: a prototype-named key would reshape the record itself
    if (RESERVED.has(key)) throw new PushBodyError('malformed_json', `key "${key}" is not allowed`);
    // the same view of a value as the XML parser gives: numbers and booleans as their text
    record[key] = typeof v === 'number' || typeof v === 'boolean' ? String(v) : v;
  }
  return record;
}
