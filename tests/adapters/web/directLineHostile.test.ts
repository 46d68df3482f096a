/**
 * Generated hostile payloads (fast-check) on the web chat's inbound routes: activity-shaped bodies with
 * wrong-typed and deeply nested fields, start/generate bodies, page-token queries. Each must get a 2xx or
 * a 4xx with a JSON error, never a 5xx, and the conversation must keep polling afterwards.
 */
import fc from 'fast-check';
import { startWebChatServer, TEST_SECRET, WebChatServer } from './webChatServer';

let server: WebChatServer;
let conversationId = '';
beforeAll(async () => {
  server = await startWebChatServer();
  const started = await fetch(`${server.url}/v3/directline/conversations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TEST_SECRET}`, 'content-type': 'application/json' },
    body: JSON.stringify({ user: { id: 'fuzzed' } }),
  });
  conversationId = ((await started.json()) as { conversationId: string }).conversationId;
});
afterAll(() => server.close());

const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom(null, [], {}, '', 0, -1, 1e308, 'message', 'typing', 'event'));
/** nesting of 20–60 levels, around the limit of 32 */
const deepValue = fc.integer({ min: 20, max: 60 }).map((depth) => JSON.parse(`${'['.repeat(depth)}1${']'.repeat(depth)}`) as unknown);
const activityBody = fc.record(
  {
    type: fc.oneof(fc.constantFrom('message', 'typing', 'event', 'invoke'), anyValue),
    from: fc.oneof(fc.record({ id: anyValue, name: anyValue }, { requiredKeys: [] }), anyValue),
    text: fc.oneof(fc.string({ maxLength: 50 }), anyValue),
    value: fc.oneof(anyValue, deepValue),
    channelData: fc.oneof(fc.dictionary(fc.string({ maxLength: 8 }), anyValue), anyValue, deepValue),
    attachments: fc.oneof(fc.array(fc.record({ contentType: anyValue, content: anyValue }), { maxLength: 3 }), anyValue),
    entities: anyValue,
    locale: anyValue,
    name: anyValue,
  },
  { requiredKeys: [] },
);

async function status(path: string, init: RequestInit): Promise<number> {
  const res = await fetch(server.url + path, init);
  const text = await res.text();
  if (res.status >= 400) expect(JSON.parse(text).error.code).toEqual(expect.any(String));
  return res.status;
}

describe('hostile payloads on the Direct Line routes', () => {
  it('answers every generated activity with 2xx or 4xx, and the conversation still polls', async () => {
    const headers = { authorization: `Bearer ${TEST_SECRET}`, 'content-type': 'application/json' };
    await fc.assert(
      fc.asyncProperty(activityBody, async (body) => {
        const s = await status(`/v3/directline/conversations/${conversationId}/activities`, { method: 'POST', headers, body: JSON.stringify(body) });
        expect(s).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
    expect(await status(`/v3/directline/conversations/${conversationId}/activities`, { headers })).toBe(200);
  });

  it('answers every generated start/generate body and page-token query with 2xx or 4xx', async () => {
    const headers = { authorization: `Bearer ${TEST_SECRET}`, 'content-type': 'application/json' };
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/v3/directline/conversations', '/v3/directline/tokens/generate'),
        fc.record({ user: fc.oneof(fc.record({ id: anyValue }, { requiredKeys: [] }), anyValue), locale: anyValue, trustedOrigins: anyValue }, { requiredKeys: [] }),
        async (path, body) => expect(await status(path, { method: 'POST', headers, body: JSON.stringify(body) })).toBeLessThan(500),
      ),
      { numRuns: 60 },
    );
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom('userId', 'conversationId', 'userToken', '__proto__'), fc.string({ maxLength: 200 })), async (query) => {
        const search = new URLSearchParams(query as Record<string, string>).toString();
        expect(await status(`/api/webchat/token?${search}`, {})).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
  });
});
