/**
 * The privacy admin routes over HTTP: identity lookup, export, erase and the audit log — their 4xx
 * answers, merged customers, link codes, and an erase that waits for the customer's running turn.
 */
import { ScriptedRecognizer } from '../helpers/scriptedRecognizer';
import { ADMIN_TOKEN, RunningApp, startTestApp } from '../helpers/testApp';

const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
const WRONG = 'Bearer wrong-token-wrong-token';

describe('admin privacy API', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startTestApp({}, { recognizer: new ScriptedRecognizer({}, 0) });
  });
  afterAll(() => app.close(1000));

  const lookup = (channelId: string, userId: string) =>
    app.get(`/api/admin/customers?channelId=${encodeURIComponent(channelId)}&userId=${encodeURIComponent(userId)}`, auth);

  it('finds a customer by a channel identity, and answers empty items for an unknown one', async () => {
    await app.say('lu-1', 'hi');
    const found = await lookup('app', 'lu-1');
    expect(found.status).toBe(200);
    expect(found.json.items).toEqual([expect.objectContaining({ customerId: expect.stringMatching(/^c_/), identities: [{ channelId: 'app', userId: 'lu-1' }] })]);
    expect(await lookup('app', 'nobody')).toEqual({ status: 200, json: { items: [] } });
  });

  it.each([
    ['/api/admin/customers?channelId=app', 'userId'],
    ['/api/admin/customers?userId=x', 'channelId'],
    ['/api/admin/customers', 'channelId'],
    [`/api/admin/customers?channelId=app&userId=${'x'.repeat(300)}`, 'userId'],
  ])('lookup %s answers 400 naming %s', async (url, field) => {
    const r = await app.get(url, auth);
    expect(r.status).toBe(400);
    expect(r.json.error.message).toContain(field);
  });

  it.each([
    ['GET', '/api/admin/customers?channelId=app&userId=x'],
    ['GET', '/api/admin/customers/c_abc/export'],
    ['DELETE', '/api/admin/customers/c_abc'],
    ['GET', '/api/admin/audit'],
  ])('%s %s answers 401 without the token', async (method, url) => {
    expect((await app.request(method, url)).status).toBe(401);
    expect((await app.request(method, url, undefined, { authorization: WRONG })).json.error.code).toBe('unauthorized');
  });

  it('answers 404 for an unknown customer and 400 for a malformed id', async () => {
    expect((await app.get('/api/admin/customers/c_unknown/export', auth)).status).toBe(404);
    expect((await app.request('DELETE', '/api/admin/customers/c_unknown', undefined, auth)).status).toBe(404);
    expect((await app.get('/api/admin/customers/%24where/export', auth)).status).toBe(400);
    expect((await app.request('DELETE', '/api/admin/customers/%24where', undefined, auth)).status).toBe(400);
  });

  it('erases customers merged into the erased one, and link codes they issued', async () => {
    await app.say('m-a', 'hi');
    await app.say('m-b', 'hi');
    const mergedId = (await app.directory.find({ channelId: 'app', userId: 'm-b' }))!;
    const link = await app.post('/api/admin/customers/link', { a: { channelId: 'app', userId: 'm-a' }, b: { channelId: 'telegram', userId: 'm-b-tg' } }, auth);
    const merged = await app.post('/api/admin/customers/link', { a: { channelId: 'app', userId: 'm-a' }, b: { channelId: 'app', userId: 'm-b' } }, auth);
    const survivor = link.json.customerId as string;
    expect(merged.json.customerId).toBe(survivor);
    await app.store.collection<any>('linkCodes').insertOne({ _id: 'h1', owner: { channelId: 'app', userId: 'm-a' }, ownerKey: 'app:m-a', createdAt: new Date(), expiresAt: new Date(Date.now() + 60000) });
    await app.store.collection<any>('linkCodeLimits').insertOne({ _id: 'issue|app:m-a', events: [new Date()], expiresAt: new Date(Date.now() + 60000) });

    const exported = await app.get(`/api/admin/customers/${survivor}/export`, auth);
    // the telegram identity was a fresh customer merged in by the first link; m-b's customer by the second
    expect(exported.json.mergedCustomers).toHaveLength(2);
    expect(exported.json.mergedCustomers).toContain(mergedId);
    expect(exported.json.identities).toHaveLength(3);
    expect(exported.json.linkCodes).toHaveLength(1);
    expect((await app.get(`/api/admin/customers/${mergedId}/export`, auth)).status).toBe(409);

    expect((await app.request('DELETE', `/api/admin/customers/${survivor}`, undefined, auth)).status).toBe(200);
    expect(await app.store.collection('customers').count({ _id: { $in: [survivor, mergedId] } })).toBe(0);
    expect(await app.store.collection('identities').count({ customerId: { $in: [survivor, mergedId] } })).toBe(0);
    expect(await app.store.collection('linkCodes').count({ ownerKey: 'app:m-a' })).toBe(0);
    expect(await app.store.collection('linkCodeLimits').count({ _id: 'issue|app:m-a' })).toBe(0);
    expect((await lookup('telegram', 'm-b-tg')).json.items).toEqual([]);
    expect((await app.request('DELETE', `/api/admin/customers/${survivor}`, undefined, auth)).status).toBe(404);
  });

  it('keeps analytics counts but not the person', async () => {
    await app.say('an-1', 'hi');
    await app.say('an-1', 'hi again');
    const customerId = (await lookup('app', 'an-1')).json.items[0].customerId;
    await app.events.flush();
    const before = await app.store.collection('turnEvents').count({});
    await app.request('DELETE', `/api/admin/customers/${customerId}`, undefined, auth);
    expect(await app.store.collection('turnEvents').count({})).toBe(before);
    expect(await app.store.collection('turnEvents').count({ customerId })).toBe(0);
    const anon = await app.store.collection<{ _id: string; customerId: string; channelId: string }>('turnEvents').find({ customerId: /^anon_/ });
    expect(anon.length).toBeGreaterThanOrEqual(2);
  });

  it('an erase waits for the running turn, and a turn queued behind it writes nothing under the old id', async () => {
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    let entered!: () => void;
    const inRecognizer = new Promise<void>((r) => (entered = r));
    const gated = {
      async recognize(text: string) {
        if (text === 'hold') {
          entered();
          await gate;
        }
        return new ScriptedRecognizer().recognize(text);
      },
    };
    const slow = await startTestApp({}, { recognizer: gated });
    try {
      await slow.say('race', 'first');
      const customerId = (await slow.get('/api/admin/customers?channelId=app&userId=race', auth)).json.items[0].customerId;
      const running = slow.say('race', 'hold');
      await inRecognizer; // the turn holds the customer's lock now
      const erasing = slow.request('DELETE', `/api/admin/customers/${customerId}`, undefined, auth);
      // give the erase time to queue on the lock (were it late, it would simply run after the turn)
      await new Promise((r) => setTimeout(r, 50));
      const queued = slow.say('race', 'queued behind the erase');
      await new Promise((r) => setTimeout(r, 50));
      open();
      const [erased] = await Promise.all([erasing, running, queued]);
      expect(erased.status).toBe(200);
      await slow.events.flush();
      for (const name of ['botState', 'conversationRefs', 'identities', 'customers', 'turnEvents', 'handoffs']) {
        const docs = await slow.store.collection(name).find({});
        expect(JSON.stringify(docs)).not.toContain(customerId);
      }
    } finally {
      await slow.close(500);
    }
  });

  describe('audit log', () => {
    it('records who did what to which customer, newest first, with filters and no customer text', async () => {
      await app.say('au-1', '我的手机 13912345678');
      const customerId = (await lookup('app', 'au-1')).json.items[0].customerId;
      await app.get(`/api/admin/customers/${customerId}/export`, auth);
      await app.get('/api/admin/tickets', auth);
      await app.get('/api/admin/tickets', { authorization: WRONG });

      const all = await app.get('/api/admin/audit?limit=3', auth);
      expect(all.status).toBe(200);
      expect(all.json.items).toHaveLength(3);
      expect(all.json.items[0]).toMatchObject({ action: 'auth_failed', status: 401, route: '/api/admin/tickets', actor: expect.stringMatching(/^admin-token@/) });
      expect(all.json.items[1]).toMatchObject({ action: 'tickets_list', status: 200, route: '/api/admin/tickets' });
      expect(all.json.items[2]).toMatchObject({ action: 'customer_export', status: 200, customerId, route: '/api/admin/customers/:customerId/export' });
      expect(Date.parse(all.json.items[0].at)).toBeGreaterThanOrEqual(Date.parse(all.json.items[1].at));

      const mine = await app.get(`/api/admin/audit?customerId=${customerId}`, auth);
      expect(mine.json.items.map((i: { action: string }) => i.action)).toEqual(['customer_export', 'customer_lookup']);
      const raw = JSON.stringify(await app.store.collection('adminAudit').find({}));
      expect(raw).not.toMatch(/13912345678|au-1|wrong-token/);
    });

    it('answers 400 for bad filters', async () => {
      expect((await app.get('/api/admin/audit?limit=0', auth)).status).toBe(400);
      expect((await app.get('/api/admin/audit?limit=abc', auth)).status).toBe(400);
      expect((await app.get('/api/admin/audit?customerId=%24x', auth)).status).toBe(400);
      expect((await app.get('/api/admin/audit?what=1', auth)).status).toBe(400);
    });

    it('audits handoff accept and release', async () => {
      const r = await app.post('/api/admin/handoffs/c_nohandoff/accept', {}, auth);
      expect(r.status).toBe(404);
      const items = (await app.get('/api/admin/audit?customerId=c_nohandoff', auth)).json.items;
      expect(items[0]).toMatchObject({ action: 'handoff_accept', status: 404, customerId: 'c_nohandoff' });
    });
  });
});
