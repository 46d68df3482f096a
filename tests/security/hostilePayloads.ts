/**
 * Generators of hostile input for the fuzz suite: wrong types, huge and deep values, prototype keys,
 * broken encodings, and valid payloads with one field swapped for any of those. What an attacker with
 * valid credentials (or a buggy platform) can send, generated rather than imagined.
 */
import fc from 'fast-check';

/** JSON text nested `depth` levels deep, built as text so no stack is needed to make it. */
export const deepJson = (depth: number, open = '[', close = ']'): string => open.repeat(depth) + close.repeat(depth);

const protoKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '$where', '$set', 'a.b'];

/** Any single value a JSON body may carry in place of the expected one. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.string({ minLength: 257, maxLength: 5000 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(''),
  fc.array(fc.anything({ maxDepth: 3 }), { maxLength: 5 }),
  fc.dictionary(fc.constantFrom(...protoKeys), fc.anything({ maxDepth: 2 }), { maxKeys: 3 }),
  fc.jsonValue({ maxDepth: 4 }),
  fc.integer({ min: 50, max: 400 }).map((d) => JSON.parse(deepJson(d)) as unknown),
);

/** A copy of `base` with one (possibly nested) field replaced by a hostile value, or removed. */
export function mutated(base: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
  const paths = collectPaths(base);
  return fc.tuple(fc.constantFrom(...paths), hostileValue, fc.nat(9)).map(([path, value, dice]) => {
    const copy = structuredClone(base);
    let node = copy as Record<string, unknown>;
    for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
    const last = path[path.length - 1];
    if (dice < 2) delete node[last];
    else node[last] = value;
    return copy;
  });
}

function collectPaths(value: Record<string, unknown>, prefix: string[] = []): string[][] {
  const out: string[][] = [];
  for (const [key, child] of Object.entries(value)) {
    out.push([...prefix, key]);
    if (child && typeof child === 'object' && !Array.isArray(child)) out.push(...collectPaths(child as Record<string, unknown>, [...prefix, key]));
  }
  return out;
}

/** Raw body text: serialised hostile values, mutations of a valid body, and texts that are not JSON at all. */
export function hostileJsonBody(base: Record<string, unknown>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: mutated(base).map((b) => JSON.stringify(b)) },
    { weight: 1, arbitrary: hostileValue.map((v) => JSON.stringify(v) ?? 'null') },
    { weight: 1, arbitrary: fc.constantFrom('', '{', '{"a":', 'null', '[]', '"x"', '{"__proto__": {"polluted": 1}}', '{"constructor": {"prototype": {"x": 1}}}') },
    { weight: 1, arbitrary: fc.integer({ min: 2000, max: 12000 }).map((d) => `{"type":"message","value":${deepJson(d)}}`) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
  );
}

const xmlTags = ['ToUserName', 'FromUserName', 'CreateTime', 'MsgType', 'Content', 'MsgId', 'Event', 'EventKey', 'PicUrl', 'MediaId', 'Recognition', 'Encrypt', ...protoKeys.filter((k) => /^[A-Za-z_]/.test(k))];

/** WeChat-style XML bodies: valid shape with hostile fields, prototype-named tags, deep nesting, garbage. */
export function hostileWeChatXml(openid: () => string, msgId: () => string): fc.Arbitrary<string> {
  const field = fc.tuple(fc.constantFrom(...xmlTags), fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 40 }), fc.integer().map(String)));
  const cdata = (s: string) => `<![CDATA[${s.replace(/]]>/g, '')}]]>`;
  return fc.oneof(
    {
      weight: 5,
      arbitrary: fc
        .tuple(fc.constantFrom('text', 'image', 'voice', 'event', 'location', 'link', 'video', '', '__proto__'), fc.string({ maxLength: 300 }), fc.array(field, { maxLength: 4 }))
        .map(([type, content, extra]) =>
          `<xml><ToUserName>${cdata('gh_test')}</ToUserName><FromUserName>${cdata(openid())}</FromUserName><CreateTime>1700000000</CreateTime>` +
          `<MsgType>${cdata(type)}</MsgType><Content>${cdata(content)}</Content><MsgId>${msgId()}</MsgId>` +
          extra.map(([tag, value]) => `<${tag}>${cdata(value)}</${tag}>`).join('') +
          '</xml>',
        ),
    },
    { weight: 1, arbitrary: fc.integer({ min: 500, max: 9000 }).map((d) => `<xml>${'<a>'.repeat(d)}x${'</a>'.repeat(d)}</xml>`) },
    { weight: 1, arbitrary: fc.constantFrom('<xml><constructor>1</constructor><__proto__>x</__proto__><prototype>y</prototype></xml>', '<xml>', 'not xml', '', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "boom">]><xml>&e;</xml>') },
    { weight: 1, arbitrary: fc.string({ maxLength: 500 }) },
  );
}
