/**
 * What a Direct Line client can make the bot keep, and what it cannot send at all: typing is not
 * stored, a bulky activity is stored trimmed, deeply nested JSON is refused at the door (it used to
 * poison the conversation: every later poll answered 500), and wrong-typed fields are a 400, never a 500.
 */
import { WebSocket } from 'ws';
import { startWebChatServer, TEST_SECRET, WebChatServer } from './webChatServer';

let server: WebChatServer;
beforeAll(async () => {
  server = await startWebChatServer();
});
afterAll(() => server.close());

async function call(method: string, path: string, options: { auth?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = {};
  if (options.auth !== undefined) headers.authorization = `Bearer ${options.auth}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  const res = await fetch(`${server.url}/v3/directline${path}`, { method, headers, body });
  const text = await res.text();
  return { status: res.status, text, json: text ? JSON.parse(text) : undefined };
}

async function startConversation(userId: string) {
  const r = await call('POST', '/conversations', { auth: TEST_SECRET, body: { user: { id: userId } } });
  expect(r.status).toBe(201);
  return r.json as { conversationId: string; token: string; streamUrl: string };
}

const activitiesOf = (c: { conversationId: string; token: string }) => call('GET', `/conversations/${c.conversationId}/activities`, { auth: c.token });

describe('what the Direct Line endpoint keeps', () => {
  it('does not store typing activities, even with 60 KB of channelData', async () => {
    const c = await startConversation('typing-flooder');
    const r = await call('POST', `/conversations/${c.conversationId}/activities`, {
      auth: c.token,
      body: { type: 'typing', from: { id: 'typing-flooder' }, channelData: { pad: 't'.repeat(60 * 1024) } },
    });
    expect(r.status).toBe(200);
    const polled = await activitiesOf(c);
    expect(polled.json.activities.map((a: { type: string }) => a.type)).toEqual(['message']); // the greeting only
    expect(polled.text.length).toBeLessThan(4096);
  });

  it('stores a 60 KB message trimmed to at most 16 KB, keeping what Web Chat needs; the bot still answers', async () => {
    const c = await startConversation('bulky-poster');
    const r = await call('POST', `/conversations/${c.conversationId}/activities`, {
      auth: c.token,
      body: { type: 'message', from: { id: 'bulky-poster' }, text: '大包', channelData: { clientActivityID: 'web-1', pad: 'p'.repeat(60 * 1024) } },
    });
    expect(r.status).toBe(200);
    const polled = await activitiesOf(c);
    const echo = polled.json.activities.find((a: { id: string }) => a.id === r.json.id);
    expect(echo).toMatchObject({ text: '大包', channelData: { clientActivityID: 'web-1' } });
    expect(Buffer.byteLength(JSON.stringify(echo))).toBeLessThanOrEqual(16 * 1024);
    expect(polled.json.activities.at(-1).text).toBe('收到：大包');
  });
});

describe('input refused at the door', () => {
  /** a 60 KB activity whose value nests 10,000 levels deep */
  const poisoned = `{"type":"message","from":{"id":"deep"},"value":${'{"a":'.repeat(10000)}1${'}'.repeat(10000)}}`;

  it('refuses a value nested 10,000 deep with 400, and the conversation still polls and streams', async () => {
    expect(poisoned.length).toBeGreaterThan(58 * 1024);
    const c = await startConversation('deep');
    const before = server.seen.length;
    const r = await call('POST', `/conversations/${c.conversationId}/activities`, { auth: c.token, body: poisoned });
    expect(r.status).toBe(400);
    expect(r.json.error.message).toMatch(/nest/);
    expect(server.seen.length).toBe(before);

    const polled = await activitiesOf(c);
    expect(polled.status).toBe(200);
    expect(polled.json.activities).toHaveLength(1);

    const ws = new WebSocket(c.streamUrl.replace(/watermark=\d+/, 'watermark=0'));
    const texts: string[] = [];
    ws.on('message', (data) => texts.push(...JSON.parse(String(data)).activities.map((a: { text?: string }) => a.text ?? '')));
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    await call('POST', `/conversations/${c.conversationId}/activities`, { auth: c.token, body: { type: 'message', from: { id: 'deep' }, text: '还好吗' } });
    const deadline = Date.now() + 5000;
    while (!texts.includes('收到：还好吗') && Date.now() < deadline) await new Promise((res) => setTimeout(res, 20));
    const closed = new Promise<number>((res) => ws.once('close', (code) => res(code)));
    ws.close(1000);
    expect(await closed).toBe(1000);
    expect(texts).toEqual([expect.stringMatching(/您好/), '还好吗', '收到：还好吗']);
  });

  it('refuses 33 levels of nesting in channelData, and accepts 30', async () => {
    const c = await startConversation('nester');
    const nest = (depth: number): unknown => (depth === 0 ? 'x' : { n: nest(depth - 1) });
    const deep = await call('POST', `/conversations/${c.conversationId}/activities`, { auth: c.token, body: { type: 'message', from: { id: 'nester' }, text: 'a', channelData: nest(33) } });
    expect(deep.status).toBe(400);
    const ok = await call('POST', `/conversations/${c.conversationId}/activities`, { auth: c.token, body: { type: 'message', from: { id: 'nester' }, text: 'b', channelData: nest(30) } });
    expect(ok.status).toBe(200);
  });

  it.each([
    ['text that is a number', { type: 'message', from: { id: 'u' }, text: 42 }],
    ['from.id that is an array', { type: 'message', from: { id: ['u'] }, text: 'hi' }],
    ['channelData that is a string', { type: 'message', from: { id: 'u' }, text: 'hi', channelData: 'x' }],
    ['attachments that is an object', { type: 'message', from: { id: 'u' }, text: 'hi', attachments: { a: 1 } }],
    ['a locale that is a number', { type: 'message', from: { id: 'u' }, text: 'hi', locale: 7 }],
  ])('answers 400 with a message naming the field for %s', async (_name, body) => {
    const c = await startConversation('typed');
    const r = await call('POST', `/conversations/${c.conversationId}/activities`, { auth: TEST_SECRET, body });
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('bad_argument');
    expect(r.json.error.message).toMatch(/^(text|from|channelData|attachments|locale)/);
  });

  it.each([
    ['/conversations', { user: { id: 42 } }],
    ['/conversations', { user: 'someone' }],
    ['/conversations', { locale: ['zh-CN'] }],
    ['/tokens/generate', { user: { id: { $ne: null } } }],
    ['/tokens/generate', { user: { id: 'x'.repeat(300) } }],
  ])('answers 400 for a start/generate body with wrong types: %s %j', async (path, body) => {
    const r = await call('POST', path, { auth: TEST_SECRET, body });
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('bad_argument');
  });
});
