import fs from 'node:fs';
/**
 * The web chat as wired into the real app (buildApp): the page and its assets, the page-token route
 * (user ids, resuming a tab's conversation, rate limit), and the real bot answering over Direct Line.
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

const pageToken = async (query = '') => {
  const res = await fetch(`${app.url}/api/webchat/token${query}`);
  return { status: res.status, headers: res.headers, json: (await res.json()) as any };
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
  it('gives the page a short-lived token for its own user id, and the same conversation back on reload', async () => {
    const first = await pageToken('?userId=dl_0123456789abcdef0123');
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(first.json).toMatchObject({ userId: 'dl_0123456789abcdef0123', expires_in: 1800 });
    const again = await pageToken(`?userId=dl_0123456789abcdef0123&conversationId=${first.json.conversationId}`);
    expect(again.json.conversationId).toBe(first.json.conversationId);
    // another browser cannot take over that conversation
    const other = await pageToken(`?userId=dl_ffffffffffffffffffff&conversationId=${first.json.conversationId}`);
    expect(other.json.conversationId).not.toBe(first.json.conversationId);
  });

  it('makes a user id when the page has none, and refuses a malformed one', async () => {
    expect((await pageToken()).json.userId).toMatch(/^dl_[A-Za-z0-9_-]{16,}$/);
    const bad = await pageToken('?userId=admin');
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('bad_argument');
  });

  it('lets the real bot greet and answer over Direct Line with the page token', async () => {
    const { json: session } = await pageToken('?userId=dl_realbot_0123456789ab');
    const auth = { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' };
    const started = await fetch(`${app.url}/v3/directline/conversations`, { method: 'POST', headers: auth });
    expect(started.status).toBe(201);
    await fetch(`${app.url}/v3/directline/conversations/${session.conversationId}/activities`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ type: 'message', from: { id: 'dl_realbot_0123456789ab' }, text: '你好', locale: 'zh-CN' }),
    });
    const polled = (await fetch(`${app.url}/v3/directline/conversations/${session.conversationId}/activities`, { headers: auth }).then((r) => r.json())) as any;
    const botTexts = polled.activities.filter((a: any) => a.from.role === 'bot').map((a: any) => a.text);
    expect(botTexts).toHaveLength(2);
    expect(botTexts[0]).toMatch(/您好/); // the greeting when the conversation opened
    expect(botTexts[1]).toMatch(/您好/); // the answer to 你好
    expect(await app.directory.find({ channelId: 'webchat', userId: 'dl_realbot_0123456789ab' })).toBeDefined();
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
