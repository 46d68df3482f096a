/** The campaign admin API on the real app: create → sent through the delivery → report; pause/resume; jobs; 400/401/404. */
import { ADMIN_TOKEN, RunningApp, startTestApp } from '../helpers/testApp';
import { RecordingDelivery } from '../services/campaigns/fixture';

const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };

async function until<T>(what: () => Promise<T>, ok: (v: T) => boolean, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await what();
    if (ok(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('campaign admin routes', () => {
  let app: RunningApp;
  const delivery = new RecordingDelivery();

  beforeAll(async () => {
    app = await startTestApp({}, { campaignDelivery: delivery });
    delivery.answer = (m) => (m.customerId === optedOut ? { status: 'skipped', reason: 'opted_out' } : { status: 'sent', channelId: 'app' });
    for (const user of ['ann', 'bo', 'cy']) await app.say(user, '你好');
    optedOut = (await app.directory.find({ channelId: 'app', userId: 'cy' }))!;
  }, 60_000);
  afterAll(() => app.close());
  let optedOut = '';

  it('POST creates a campaign that is sent now (no startAt); the report counts sent and opted_out', async () => {
    const r = await app.post('/api/admin/campaigns', { name: '618', type: 'promotion', audience: { channel: 'app' }, message: { zh: '618 大促', en: '618 sale' } }, auth);
    expect(r.status).toBe(201);
    expect(r.json).toEqual({ id: expect.any(String) });
    const report = await until(() => app.get(`/api/admin/campaigns/${r.json.id}/report`, auth), (x) => x.json?.state === 'done');
    expect(report.status).toBe(200);
    expect(report.json).toMatchObject({ targeted: 3, sent: 2, skipped: { opted_out: 1 }, failed: 0, converted: 0 });
    expect(delivery.messages.filter((m) => m.campaignId === r.json.id).map((m) => m.text)).toEqual([
      { zh: '618 大促', en: '618 sale' },
      { zh: '618 大促', en: '618 sale' },
    ]);

    const list = await app.get('/api/admin/campaigns', auth);
    expect(list.json.items).toContainEqual(expect.objectContaining({ id: r.json.id, name: '618', state: 'done', counts: expect.objectContaining({ targeted: 3, sent: 2, skipped: 1 }) }));
    const jobs = await app.get('/api/admin/jobs?name=campaign:send', auth);
    expect(jobs.status).toBe(200);
    expect(jobs.json.items[0]).toMatchObject({ name: 'campaign:send', state: 'done', lastResult: 'done' });
  });

  it('pause and resume a campaign that starts later', async () => {
    const startAt = new Date(Date.now() + 3600_000).toISOString();
    const { json } = await app.post('/api/admin/campaigns', { name: 'later', type: 'winback', audience: {}, message: { zh: '想你了', en: 'Miss you' }, startAt }, auth);
    expect((await app.post(`/api/admin/campaigns/${json.id}/pause`, {}, auth)).json).toEqual({ id: json.id, state: 'paused' });
    expect((await app.post(`/api/admin/campaigns/${json.id}/pause`, {}, auth)).status).toBe(409);
    expect((await app.post(`/api/admin/campaigns/${json.id}/resume`, {}, auth)).json).toEqual({ id: json.id, state: 'scheduled' });
    expect((await app.post('/api/admin/campaigns/nope/resume', {}, auth)).status).toBe(404);
    expect((await app.get('/api/admin/campaigns/nope/report', auth)).status).toBe(404);
  });

  it.each([
    ['no name', { type: 'promotion', message: { zh: 'a', en: 'b' } }],
    ['unknown type', { name: 'x', type: 'spam', message: { zh: 'a', en: 'b' } }],
    ['no English text', { name: 'x', type: 'promotion', message: { zh: 'a' } }],
    ['unknown filter', { name: 'x', type: 'promotion', audience: { age: 30 }, message: { zh: 'a', en: 'b' } }],
    ['bad language', { name: 'x', type: 'promotion', audience: { language: 'fr' }, message: { zh: 'a', en: 'b' } }],
    ['startAt not a time', { name: 'x', type: 'promotion', message: { zh: 'a', en: 'b' }, startAt: 'tomorrow' }],
    ['alert without a product', { name: 'x', type: 'alert', message: { zh: 'a', en: 'b' } }],
    ['not an object', [1, 2]],
  ])('bad input (%s) → 400 with a JSON error', async (_name, body) => {
    const r = await app.post('/api/admin/campaigns', body, auth);
    expect(r.status).toBe(400);
    expect(r.json.error).toEqual({ code: expect.any(String), message: expect.any(String) });
  });

  it('no credentials → 401 on every route', async () => {
    for (const [method, path] of [
      ['POST', '/api/admin/campaigns'],
      ['GET', '/api/admin/campaigns'],
      ['POST', '/api/admin/campaigns/x/pause'],
      ['POST', '/api/admin/campaigns/x/resume'],
      ['GET', '/api/admin/campaigns/x/report'],
      ['GET', '/api/admin/jobs'],
    ]) {
      const r = await app.request(method, path, method === 'POST' ? {} : undefined);
      expect([path, r.status]).toEqual([path, 401]);
    }
    expect((await app.get('/api/admin/jobs?state=bogus', auth)).status).toBe(400);
  });
});
