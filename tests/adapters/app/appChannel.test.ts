import { toActivity } from '../../../adapters/app/toActivity';
import { ScriptedRecognizer } from '../../helpers/scriptedRecognizer';
import { RunningApp, startTestApp } from '../../helpers/testApp';

describe('app channel mapping (pure)', () => {
  it('maps a message to an app-channel activity keyed by the user', () => {
    const r = toActivity({ userId: 'u1', text: '你好', locale: 'zh-CN' }, 'a1', new Date(0));
    expect(r.ok && r.activity).toMatchObject({
      type: 'message',
      channelId: 'app',
      from: { id: 'u1' },
      conversation: { id: 'app:u1' },
      text: '你好',
      locale: 'zh-CN',
    });
  });

  it.each([
    [{ text: 'hi' }, /userId/],
    [{ userId: '' }, /userId/],
    [{ userId: 'u', text: '' }, /text or attachments/],
    [{ userId: 'u', text: 'x', locale: 'not a locale!' }, /locale/],
    [{ userId: 'u', attachments: [{ contentType: 'image/png', contentUrl: 'not a url' }] }, /attachments/],
    [{ userId: 'u', text: 'x', extra: { evil: true }, attachments: 'x' }, /attachments/],
  ])('refuses %j with a reason', (body, reason) => {
    const r = toActivity(body, 'a', new Date());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe('POST /api/app/messages', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startTestApp({}, { recognizer: new ScriptedRecognizer({ hello: 'greeting', 你好: 'greeting', 推荐: 'recommendation' }) });
  });
  afterAll(() => app.close(1000));

  it('answers in the HTTP response with every activity of the turn', async () => {
    const r = await app.post('/api/app/messages', { userId: 'alice', text: '你好' });
    expect(r.status).toBe(200);
    expect(r.json.replies).toHaveLength(1);
    expect(r.json.replies[0]).toMatchObject({ type: 'message', recipient: { id: 'alice' } });
    expect(r.json.replies[0].text).toMatch(/您好/);
  });

  it('replies in English to an English message', async () => {
    const [reply] = await app.say('bob', 'hello');
    expect(reply).toMatch(/Hello/);
  });

  it('keeps suggested actions for choices', async () => {
    const r = await app.post('/api/app/messages', { userId: 'carol', text: '推荐' });
    expect(r.json.replies[0].suggestedActions.actions.map((a: { value: string }) => a.value)).toContain('油皮');
  });

  it.each([
    ['malformed JSON', '{"userId": ', { 'content-type': 'application/json' }, 400, 'malformed_json'],
    ['wrong content type', 'userId=x', { 'content-type': 'application/x-www-form-urlencoded' }, 400, 'unsupported_content_type'],
    ['missing userId', JSON.stringify({ text: 'hi' }), { 'content-type': 'application/json' }, 400, 'invalid_message'],
    ['a JSON array', '[1,2]', { 'content-type': 'application/json' }, 400, 'invalid_body'],
  ])('answers 400 with a JSON error for %s', async (_name, body, headers, status, code) => {
    const res = await fetch(`${app.url}/api/app/messages`, { method: 'POST', headers, body });
    expect(res.status).toBe(status);
    expect(((await res.json()) as any).error.code).toBe(code);
  });

  it('answers 413 for a body over 256 KB and stays up', async () => {
    const big = JSON.stringify({ userId: 'u', text: 'x'.repeat(300 * 1024) });
    const res = await fetch(`${app.url}/api/app/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
    expect(res.status).toBe(413);
    expect(((await res.json()) as any).error.code).toBe('payload_too_large');
    expect((await app.get('/healthz')).status).toBe(200);
  });

  it('reports health and readiness', async () => {
    expect(await app.get('/healthz')).toEqual({ status: 200, json: { status: 'ok' } });
    expect(await app.get('/readyz')).toEqual({ status: 200, json: { status: 'ready', store: 'embedded' } });
  });
});

describe('app channel with APP_API_KEY', () => {
  it('requires the bearer key', async () => {
    const app = await startTestApp({ APP_API_KEY: 'app-key-0123456789abcdef' }, { recognizer: new ScriptedRecognizer() });
    try {
      expect((await app.post('/api/app/messages', { userId: 'u', text: 'x' })).status).toBe(401);
      const ok = await app.post('/api/app/messages', { userId: 'u', text: 'x' }, { authorization: 'Bearer app-key-0123456789abcdef' });
      expect(ok.status).toBe(200);
    } finally {
      await app.close(1000);
    }
  });
});
