import fs from 'node:fs';
/**
 * The web chat as wired into the real app (buildApp): the page and its assets, the page-token route
 * (cookie identity, resuming a tab's conversation, rate limit), and the real bot answering over Direct Line.
 */
import path from 'node:path';
import { findWebRoot } from '../../../adapters/web/staticFiles';
import { ConfigError, testConfig } from '../../../config';
import { ScriptedRecognizer } from '../../helpers/scriptedRecognizer';
import { RunningApp, startTestApp } from '../../helpers/testApp';

let app: RunningApp;
beforeAll(async () => {
  app = await startTestApp(
    { WEBCHAT_TITLE: '<b>小美&店</b>', WEBCHAT_TOKEN_RATE_PER_MINUTE: '8' },
    { recognizer: new ScriptedRecognizer({ 你好: 'greeting' }) },
  );
});
afterAll(() => app.close(1000));

const pageToken = async (query = '', cookie?: string) => {
  const res = await fetch(`${app.url}/api/webchat/token${query}`, { headers: cookie ? { cookie } : {} });
  return { status: res.status, headers: res.headers, cookie: res.headers.get('set-cookie')?.split(';')[0], json: (await res.json()) as any };
};

describe('the chat page', () => {
  it('serves the page at / with the store title (escaped), Chinese first, and a content security policy', async () => {
    const res = await fetch(`${app.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('&#60;b&#62;小美&#38;店&#60;/b&#62;');
    expect(html).not.toContain('<b>小美');
    expect(html).toContain('/webchat/vendor/webchat.js');
  });

  it.each([
    ['/webchat/chat.js', 'application/javascript; charset=utf-8'],
    ['/webchat/chat.css', 'text/css; charset=utf-8'],
    ['/webchat/logo.svg', 'image/svg+xml'],
  ])('serves %s as %s', async (path, type) => {
    const res = await fetch(app.url + path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
  });

  it('serves Microsoft Web Chat from the installed package, compressed', async () => {
    const res = await fetch(`${app.url}/webchat/vendor/webchat.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(Number(res.headers.get('content-length'))).toBeLessThan(1.5 * 1024 * 1024);
    expect(await res.text()).toContain('renderWebChat');
  });

  it('finds the page folder from the compiled output too (npm start runs dist/)', () => {
    const root = path.join(__dirname, '..', '..', '..');
    // dist/web/chat (the build's copy) when it exists, else the source folder
    const found = findWebRoot(path.join(root, 'dist', 'adapters', 'web'));
    expect([path.join(root, 'dist', 'web', 'chat'), path.join(root, 'web', 'chat')]).toContain(found);
    expect(fs.existsSync(path.join(found, 'index.html'))).toBe(true);
  });

  it.each(['/webchat/..%2Fpackage.json', '/webchat/%2e%2e%2f%2e%2e%2fpackage.json', '/webchat/index.html', '/webchat/.env', '/webchat/missing.js'])(
    'answers 404 for %s (nothing outside the page folder is reachable)',
    async (path) => {
      const res = await fetch(app.url + path);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('"dependencies"');
    },
  );
});

describe('GET /api/webchat/token', () => {
  it('gives the page a short-lived token for the visitor in its cookie, and the same conversation back on reload', async () => {
    const first = await pageToken();
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(first.json).toMatchObject({ userId: expect.stringMatching(/^dl_[A-Za-z0-9_-]{16,}$/), expires_in: 1800 });
    expect(first.headers.get('set-cookie')).toMatch(/^webchat_visitor=dl_[^;]+; Path=\/api\/webchat; .*HttpOnly; SameSite=Lax$/);
    const again = await pageToken(`?conversationId=${first.json.conversationId}`, first.cookie);
    expect(again.json).toMatchObject({ conversationId: first.json.conversationId, userId: first.json.userId });
    // another browser cannot take over that conversation, whatever user id it names
    const other = await pageToken(`?userId=${first.json.userId}&conversationId=${first.json.conversationId}`);
    expect(other.json.conversationId).not.toBe(first.json.conversationId);
    expect(other.json.userId).not.toBe(first.json.userId);
  });

  it('refuses a malformed conversationId, and user tokens while WEBCHAT_USER_TOKEN_SECRET is unset', async () => {
    const bad = await pageToken('?conversationId=../../x');
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('bad_argument');
    const shop = await pageToken('?userToken=eyJzdWIiOiIxIn0.c2ln');
    expect(shop.status).toBe(403);
    expect(shop.json.error.code).toBe('disabled');
  });

  it('lets the real bot greet and answer over Direct Line with the page token', async () => {
    const { json: session } = await pageToken();
    const auth = { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' };
    const started = await fetch(`${app.url}/v3/directline/conversations`, { method: 'POST', headers: auth });
    expect(started.status).toBe(201);
    await fetch(`${app.url}/v3/directline/conversations/${session.conversationId}/activities`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ type: 'message', from: { id: session.userId }, text: '你好', locale: 'zh-CN' }),
    });
    const polled = (await fetch(`${app.url}/v3/directline/conversations/${session.conversationId}/activities`, { headers: auth }).then((r) => r.json())) as any;
    const botTexts = polled.activities.filter((a: any) => a.from.role === 'bot').map((a: any) => a.text);
    expect(botTexts).toHaveLength(2);
    expect(botTexts[0]).toMatch(/您好/); // the greeting when the conversation opened
    expect(botTexts[1]).toMatch(/您好/); // the answer to 你好
    expect(await app.directory.find({ channelId: 'webchat', userId: session.userId })).toBeDefined();
  });

  it('rate-limits token requests per address with 429 and Retry-After', async () => {
    let last = await pageToken();
    for (let i = 0; i < 10 && last.status === 200; i++) last = await pageToken();
    expect(last.status).toBe(429);
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('web chat configuration', () => {
  it('names DIRECTLINE_SECRET when it is too short to be safe', () => {
    expect(() => testConfig({ DIRECTLINE_SECRET: 'short' })).toThrow(ConfigError);
    expect(() => testConfig({ DIRECTLINE_SECRET: 'short' })).toThrow(/DIRECTLINE_SECRET/);
  });
});
