/**
 * Who a chat page visitor is comes from something they hold, never from a query parameter: a signed
 * HttpOnly cookie the token route sets for anonymous visitors, or a user token the shop signs at login.
 * Knowing someone's user id or conversation id must not yield a token for their transcript.
 */
import crypto from 'node:crypto';
import { TokenService } from '../../../adapters/web';
import { startWebChatServer, TEST_SECRET, WebChatServer } from './webChatServer';

const USER_TOKEN_SECRET = 'shop-user-token-secret-0123456789abcdef';
let server: WebChatServer;
beforeAll(async () => {
  server = await startWebChatServer({ userTokenSecret: USER_TOKEN_SECRET, trustProxy: true });
});
afterAll(() => server.close());

/** What the shop's login code does (see adapters/web/README.md). */
function shopUserToken(sub: string, expiresInSeconds = 600, secret = USER_TOKEN_SECRET): string {
  const payload = Buffer.from(JSON.stringify({ sub, exp: Math.floor(Date.now() / 1000) + expiresInSeconds })).toString('base64url');
  return `${payload}.${crypto.createHmac('sha256', secret).update(payload).digest('base64url')}`;
}

async function pageToken(query = '', headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}/api/webchat/token${query}`, { headers });
  const setCookie = res.headers.get('set-cookie');
  return { status: res.status, setCookie, cookie: setCookie?.split(';')[0], json: (await res.json()) as any };
}

async function transcript(session: { conversationId: string; token: string }) {
  const res = await fetch(`${server.url}/v3/directline/conversations/${session.conversationId}/activities`, {
    headers: { authorization: `Bearer ${session.token}` },
  });
  return { status: res.status, json: (await res.json()) as any };
}

async function say(session: { conversationId: string; token: string; userId: string }, text: string) {
  const auth = { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' };
  await fetch(`${server.url}/v3/directline/conversations`, { method: 'POST', headers: auth }).then((r) => r.arrayBuffer());
  const res = await fetch(`${server.url}/v3/directline/conversations/${session.conversationId}/activities`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ type: 'message', from: { id: session.userId }, text }),
  });
  expect(res.status).toBe(200);
}

describe('anonymous visitors: a signed cookie', () => {
  it('sets a signed, HttpOnly, SameSite=Lax cookie on the first visit (Secure behind an HTTPS proxy)', async () => {
    const plain = await pageToken();
    expect(plain.status).toBe(200);
    expect(plain.json.userId).toMatch(/^dl_[A-Za-z0-9_-]{16,64}$/);
    expect(plain.setCookie).toMatch(/HttpOnly/i);
    expect(plain.setCookie).toMatch(/SameSite=Lax/i);
    expect(plain.setCookie).not.toMatch(/Secure/i);
    expect(plain.cookie).toContain(plain.json.userId);
    const https = await pageToken('', { 'x-forwarded-proto': 'https' });
    expect(https.setCookie).toMatch(/; Secure/i);
  });

  it('resumes the conversation for the same cookie, and for nobody else', async () => {
    const first = await pageToken();
    await say(first.json, '我的私事');
    const again = await pageToken(`?conversationId=${first.json.conversationId}`, { cookie: first.cookie! });
    expect(again.json).toMatchObject({ conversationId: first.json.conversationId, userId: first.json.userId });
    expect(again.setCookie).toBeNull();
    expect((await transcript(again.json)).json.activities.map((a: any) => a.text)).toContain('我的私事');

    const stranger = await pageToken(`?conversationId=${first.json.conversationId}`);
    expect(stranger.json.conversationId).not.toBe(first.json.conversationId);
    expect(stranger.json.userId).not.toBe(first.json.userId);
  });

  it('ignores a userId in the query: knowing a victim’s user and conversation ids gets no token for their transcript', async () => {
    const victim = await pageToken();
    await say(victim.json, '我的地址是秘密');
    const attacker = await pageToken(`?userId=${victim.json.userId}&conversationId=${victim.json.conversationId}`);
    expect(attacker.status).toBe(200);
    expect(attacker.json.userId).not.toBe(victim.json.userId);
    expect(attacker.json.conversationId).not.toBe(victim.json.conversationId);
    const stolen = await transcript({ conversationId: victim.json.conversationId, token: attacker.json.token });
    expect(stolen.status).toBe(403);
  });

  it('does not accept a forged or re-signed cookie', async () => {
    const victim = await pageToken();
    const [id] = victim.cookie!.split('=')[1].split('.');
    const name = victim.cookie!.split('=')[0];
    for (const forged of [`${name}=${id}`, `${name}=${id}.AAAA`, `${name}=dl_attacker_choice_000000.${victim.cookie!.split('.').at(-1)}`]) {
      const r = await pageToken(`?conversationId=${victim.json.conversationId}`, { cookie: forged });
      expect(r.json.userId).not.toBe(victim.json.userId);
      expect(r.json.conversationId).not.toBe(victim.json.conversationId);
    }
  });
});

describe('a page token acts only for its own conversation and user', () => {
  it('cannot read or post in another conversation, and speaks as its own user whatever from.id says', async () => {
    const alice = await pageToken();
    const bob = await pageToken();
    await say(bob.json, '鲍勃的订单');
    expect((await transcript({ conversationId: bob.json.conversationId, token: alice.json.token })).status).toBe(403);
    await say(alice.json, '你好');
    const posted = await fetch(`${server.url}/v3/directline/conversations/${alice.json.conversationId}/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${alice.json.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', from: { id: bob.json.userId }, text: '冒充' }),
    });
    expect(posted.status).toBe(200);
    const echo = (await transcript(alice.json)).json.activities.find((a: any) => a.text === '冒充');
    expect(echo.from.id).toBe(alice.json.userId);
  });

  it('refuses (403) a token whose user is not the one its conversation was started for', async () => {
    const bob = await pageToken();
    await say(bob.json, '你好');
    // only a holder of the secret could mint this; the endpoint still refuses it
    const mixed = new TokenService(TEST_SECRET, 1800).issue(bob.json.conversationId, 'dl_someone_else_0000000000');
    expect((await transcript({ conversationId: bob.json.conversationId, token: mixed })).status).toBe(403);
  });
});

describe('known customers: a user token signed by the shop', () => {
  it('maps a valid user token to the shop identity, and resumes only for the same shop user', async () => {
    const first = await pageToken(`?userToken=${shopUserToken('1001')}`);
    expect(first.status).toBe(200);
    expect(first.json.userId).toBe('shop:1001');
    const again = await pageToken(`?userToken=${shopUserToken('1001')}&conversationId=${first.json.conversationId}`);
    expect(again.json.conversationId).toBe(first.json.conversationId);
    const other = await pageToken(`?userToken=${shopUserToken('1002')}&conversationId=${first.json.conversationId}`);
    expect(other.json.userId).toBe('shop:1002');
    expect(other.json.conversationId).not.toBe(first.json.conversationId);
  });

  it.each([
    ['signed with another key', () => shopUserToken('1001', 600, 'not-the-shop-secret-0123456789abcdef'), 'unauthorized'],
    ['expired', () => shopUserToken('1001', -10), 'user_token_expired'],
    ['not a token at all', () => 'hello', 'unauthorized'],
  ])('refuses a user token %s with 401', async (_name, make, code) => {
    const r = await pageToken(`?userToken=${encodeURIComponent(make())}`);
    expect(r.status).toBe(401);
    expect(r.json.error.code).toBe(code);
  });
});
