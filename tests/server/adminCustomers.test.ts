import { ScriptedRecognizer } from '../helpers/scriptedRecognizer';
import { ADMIN_TOKEN, RunningApp, startTestApp } from '../helpers/testApp';

const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };

describe('admin customers API', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startTestApp({}, { recognizer: new ScriptedRecognizer() });
  });
  afterAll(() => app.close(1000));

  it('links two identities into one customer, idempotently', async () => {
    const body = { a: { channelId: 'app', userId: 'x1' }, b: { channelId: 'wechat', userId: 'oX1' } };
    const first = await app.post('/api/admin/customers/link', body, auth);
    const again = await app.post('/api/admin/customers/link', body, auth);
    expect(first.status).toBe(200);
    expect(again.json.customerId).toBe(first.json.customerId);
    const got = await app.get(`/api/admin/customers/${first.json.customerId}`, auth);
    expect(got.status).toBe(200);
    expect(got.json.identities).toHaveLength(2);
  });

  it('marks the merged customer as merged into the survivor', async () => {
    await app.say('early-a', 'hi');
    await app.say('early-b', 'hi');
    const a = await app.directory.find({ channelId: 'app', userId: 'early-a' });
    const b = await app.directory.find({ channelId: 'app', userId: 'early-b' });
    const link = await app.post('/api/admin/customers/link', { a: { channelId: 'app', userId: 'early-a' }, b: { channelId: 'app', userId: 'early-b' } }, auth);
    expect(link.json.customerId).toBe(a);
    const merged = await app.get(`/api/admin/customers/${b}`, auth);
    expect(merged.json).toMatchObject({ mergedInto: a, identities: [] });
  });

  it.each([
    ['no token', {}, 401],
    ['a wrong token', { authorization: 'Bearer wrong-token-wrong-token' }, 401],
  ])('answers 401 with %s', async (_n, headers, status) => {
    const r = await app.post('/api/admin/customers/link', { a: { channelId: 'a', userId: 'b' }, b: { channelId: 'c', userId: 'd' } }, headers as Record<string, string>);
    expect(r.status).toBe(status);
    expect(r.json.error.code).toBe('unauthorized');
  });

  it.each([
    [{ a: { channelId: 'app' }, b: { channelId: 'x', userId: 'y' } }, /a.userId/],
    [{ a: { channelId: 'app', userId: 'u' } }, /b/],
    [{ a: { channelId: '', userId: 'u' }, b: { channelId: 'x', userId: 'y' } }, /a.channelId/],
  ])('answers 400 naming the bad field for %j', async (body, message) => {
    const r = await app.post('/api/admin/customers/link', body, auth);
    expect(r.status).toBe(400);
    expect(r.json.error.message).toMatch(message);
  });

  it('answers 404 for an unknown customer and 400 for a malformed id', async () => {
    expect((await app.get('/api/admin/customers/c_unknown', auth)).status).toBe(404);
    expect((await app.get('/api/admin/customers/%24where', auth)).status).toBe(400);
  });

  it('is switched off (403) when no ADMIN_TOKEN is configured', async () => {
    const off = await startTestApp({ ADMIN_TOKEN: undefined }, { recognizer: new ScriptedRecognizer() });
    try {
      const r = await off.get('/api/admin/customers/c_x', auth);
      expect(r.status).toBe(403);
    } finally {
      await off.close(1000);
    }
  });
});
