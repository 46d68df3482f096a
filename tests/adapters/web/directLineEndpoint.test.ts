/**
 * The Direct Line endpoint at the HTTP boundary: the protocol a client relies on (start, post, poll by
 * watermark, reconnect, refresh), and every refusal — missing or wrong credentials, a token for another
 * conversation, an expired token, malformed and oversized bodies, unknown conversations.
 */
import { WebSocket } from 'ws';
import { TokenService } from '../../../adapters/web';
import { startWebChatServer, TEST_SECRET, WebChatServer } from './webChatServer';

let server: WebChatServer;
beforeAll(async () => {
  server = await startWebChatServer();
});
afterAll(() => server.close());

async function call(method: string, path: string, options: { auth?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.auth !== undefined) headers.authorization = `Bearer ${options.auth}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(`${server.url}/v3/directline${path}`, { method, headers, body });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined };
}

async function startConversation(userId = 'rest-user') {
  const r = await call('POST', '/conversations', { auth: TEST_SECRET, body: { user: { id: userId } } });
  expect(r.status).toBe(201);
  return r.json as { conversationId: string; token: string; expires_in: number; streamUrl: string };
}

describe('Direct Line protocol', () => {
  it('starts a conversation with id, token, expiry and a WebSocket stream URL on this server', async () => {
    const c = await startConversation();
    expect(c.expires_in).toBe(1800);
    expect(c.streamUrl).toMatch(new RegExp(`^ws://127\\.0\\.0\\.1:\\d+/v3/directline/conversations/${c.conversationId}/stream\\?`));
  });

  it('posts a message, answers {id}, and the poll returns the echo and the reply with a watermark', async () => {
    const c = await startConversation('poller');
    const greeting = await call('GET', `/conversations/${c.conversationId}/activities`, { auth: c.token });
    expect(greeting.json.activities.map((a: { text: string }) => a.text)).toEqual([expect.stringMatching(/您好/)]);
    const w0 = greeting.json.watermark;

    const posted = await call('POST', `/conversations/${c.conversationId}/activities`, {
      auth: c.token,
      body: { type: 'message', from: { id: 'poller' }, text: '在吗', channelData: { clientActivityID: 'c1' } },
    });
    expect(posted.status).toBe(200);
    expect(posted.json.id).toMatch(new RegExp(`^${c.conversationId}\\|\\d{7}$`));

    const after = await call('GET', `/conversations/${c.conversationId}/activities?watermark=${w0}`, { auth: c.token });
    expect(after.json.activities).toEqual([
      expect.objectContaining({ id: posted.json.id, text: '在吗', from: expect.objectContaining({ id: 'poller', role: 'user' }), channelData: { clientActivityID: 'c1' } }),
      expect.objectContaining({ type: 'message', text: '收到：在吗', from: expect.objectContaining({ id: 'bot', role: 'bot' }), replyToId: posted.json.id }),
    ]);
    const nothingNew = await call('GET', `/conversations/${c.conversationId}/activities?watermark=${after.json.watermark}`, { auth: c.token });
    expect(nothingNew.json).toEqual({ activities: [], watermark: after.json.watermark });
  });

  it('generates a token for a user, then the token starts that conversation once (201, then 200)', async () => {
    const g = await call('POST', '/tokens/generate', { auth: TEST_SECRET, body: { user: { id: 'dl_generated_user_000001' } } });
    expect(g.status).toBe(200);
    expect(Object.keys(g.json).sort()).toEqual(['conversationId', 'expires_in', 'token']);
    const first = await call('POST', '/conversations', { auth: g.json.token });
    expect(first.status).toBe(201);
    expect(first.json.conversationId).toBe(g.json.conversationId);
    const again = await call('POST', '/conversations', { auth: g.json.token });
    expect(again.status).toBe(200);
  });

  it('refreshes a token and reconnects with a stream URL that resumes after the watermark', async () => {
    const c = await startConversation('refresher');
    const refreshed = await call('POST', '/tokens/refresh', { auth: c.token });
    expect(refreshed.status).toBe(200);
    expect(refreshed.json.conversationId).toBe(c.conversationId);
    const reconnect = await call('GET', `/conversations/${c.conversationId}?watermark=1`, { auth: refreshed.json.token });
    expect(reconnect.status).toBe(200);
    expect(reconnect.json.streamUrl).toContain('watermark=1');
  });

  it('streams over WebSocket: the backlog after the watermark, then new activities', async () => {
    const c = await startConversation('streamer');
    const ws = new WebSocket(c.streamUrl);
    const messages: { activities: { text?: string }[]; watermark: string }[] = [];
    ws.on('message', (data) => messages.push(JSON.parse(String(data))));
    await new Promise((r) => ws.once('open', r));
    await call('POST', `/conversations/${c.conversationId}/activities`, { auth: c.token, body: { type: 'message', from: { id: 'streamer' }, text: '流' } });
    const deadline = Date.now() + 5000;
    while (messages.flatMap((m) => m.activities).length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    ws.close();
    expect(messages.flatMap((m) => m.activities).map((a) => a.text)).toEqual([expect.stringMatching(/您好/), '流', '收到：流']);
    expect(messages.at(-1)!.watermark).toBe('3');
  });

  it('delivers a proactive message (an agent, a campaign) into a conversation that is still open', async () => {
    const c = await startConversation('waiting-user');
    await server.channel.adapter.continueConversation(
      { channelId: 'webchat', serviceUrl: 'directline://local', conversation: { id: c.conversationId } as never, bot: { id: 'bot', name: 'bot' }, user: { id: 'waiting-user', name: '' } },
      async (ctx) => void (await ctx.sendActivity('客服小李：您好，我来帮您看看')),
    );
    const polled = await call('GET', `/conversations/${c.conversationId}/activities?watermark=1`, { auth: c.token });
    expect(polled.json.activities.map((a: { text: string }) => a.text)).toEqual(['客服小李：您好，我来帮您看看']);
  });

  it('answers a typing activity without running a turn, and a malformed upload with 400', async () => {
    const c = await startConversation('typist');
    const before = server.seen.length;
    const typing = await call('POST', `/conversations/${c.conversationId}/activities`, { auth: c.token, body: { type: 'typing', from: { id: 'typist' } } });
    expect(typing.status).toBe(200);
    expect(server.seen.length).toBe(before);
    const upload = await call('POST', `/conversations/${c.conversationId}/upload?userId=typist`, { auth: c.token, body: 'x', headers: { 'content-type': 'multipart/form-data; boundary=x' } });
    // uploads of pictures: uploadEndpoint.test.ts
    expect(upload.status).toBe(400);
    expect(upload.json.error.code).toBe('malformed_upload');
    expect(server.seen.length).toBe(before);
  });
});

describe('Direct Line refusals', () => {
  it.each([
    ['no Authorization header', undefined, 401, 'unauthorized'],
    ['a wrong secret', 'wrong-secret-wrong-secret-wrong-secret', 401, 'unauthorized'],
    ['a token signed with another secret', new TokenService('another-secret-another-secret-1234', 1800).issue('abcdefgh12345678'), 401, 'unauthorized'],
  ])('refuses %s', async (_name, auth, status, code) => {
    const r = await call('POST', '/conversations', { auth });
    expect(r.status).toBe(status);
    expect(r.json.error.code).toBe(code);
  });

  it('refuses a token used on another conversation (403) and lets only the secret generate tokens', async () => {
    const a = await startConversation('owner-a');
    const b = await startConversation('owner-b');
    const r = await call('GET', `/conversations/${b.conversationId}/activities`, { auth: a.token });
    expect(r.status).toBe(403);
    expect((await call('POST', `/conversations/${b.conversationId}/activities`, { auth: a.token, body: { type: 'message', from: { id: 'x' }, text: 'hi' } })).status).toBe(403);
    expect((await call('POST', '/tokens/generate', { auth: a.token })).status).toBe(403);
    expect((await call('POST', '/tokens/refresh', { auth: TEST_SECRET })).status).toBe(403);
  });

  it('answers 403 token_expired for an expired token (the client then refreshes or reconnects)', async () => {
    const c = await startConversation('late');
    const past = Date.now() - 3600 * 1000;
    const expired = new TokenService(TEST_SECRET, 1800, () => past).issue(c.conversationId, 'late');
    for (const r of [
      await call('GET', `/conversations/${c.conversationId}/activities`, { auth: expired }),
      await call('POST', '/tokens/refresh', { auth: expired }),
      await call('POST', `/conversations/${c.conversationId}/activities`, { auth: expired, body: { type: 'message', text: 'hi' } }),
    ]) {
      expect(r.status).toBe(403);
      expect(r.json.error.code).toBe('token_expired');
    }
  });

  it('answers 404 for an unknown conversation', async () => {
    expect((await call('GET', '/conversations/unknownconversation1/activities', { auth: TEST_SECRET })).status).toBe(404);
    expect((await call('GET', '/conversations/unknownconversation1', { auth: TEST_SECRET })).status).toBe(404);
    const r = await call('POST', '/conversations/unknownconversation1/activities', { auth: TEST_SECRET, body: { type: 'message', from: { id: 'u' }, text: 'hi' } });
    expect(r.status).toBe(404);
    expect(r.json.error.code).toBe('not_found');
  });

  it.each([
    ['malformed JSON', '{"type": "mess', 'malformed_json'],
    ['a JSON array', '[1]', 'invalid_body'],
    ['an unknown activity type', { type: 'invoke', from: { id: 'u' } }, 'bad_argument'],
    ['a message with nothing in it', { type: 'message', from: { id: 'u' }, text: '  ' }, 'bad_argument'],
    ['a message without a user id', { type: 'message', text: 'hi' }, 'bad_argument'],
    ['text over 4000 characters', { type: 'message', from: { id: 'u' }, text: '字'.repeat(4001) }, 'bad_argument'],
  ])('answers 400 for %s, and nothing reaches the bot', async (_name, body, code) => {
    const c = await startConversation('sloppy');
    const before = server.seen.length;
    const r = await call('POST', `/conversations/${c.conversationId}/activities`, { auth: TEST_SECRET, body });
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe(code);
    expect(server.seen.length).toBe(before);
  });

  it('answers 400 for a malformed watermark and 413 for a body over the limit, and stays up', async () => {
    const c = await startConversation('bulky');
    expect((await call('GET', `/conversations/${c.conversationId}/activities?watermark=abc`, { auth: c.token })).status).toBe(400);
    const big = await call('POST', `/conversations/${c.conversationId}/activities`, {
      auth: c.token,
      body: { type: 'message', from: { id: 'bulky' }, text: 'x', channelData: { pad: 'y'.repeat(100 * 1024) } },
    });
    expect(big.status).toBe(413);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('refuses a stream without a valid token before upgrading', async () => {
    const c = await startConversation('sneaky');
    const url = c.streamUrl.replace(/t=[^&]+/, 't=forged.token.value');
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(url);
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => resolve(101));
      ws.on('error', () => undefined);
    });
    expect(status).toBe(401);
  });
});
