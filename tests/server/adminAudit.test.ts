/**
 * Every /api/admin/* route, whoever registered it, leaves exactly one audit entry per request as an admin
 * reads it in GET /api/admin/audit: refused without credentials (auth_failed, 401), done with the admin
 * token (the route's action, `admin-token@<peer>`, the status, the customer when one is concerned), done
 * or refused with a staff session (the staff username), throttled (429) — and nothing a customer wrote.
 */
import { ACTIONS } from '../../server/adminAudit';
import { ReviewQueue } from '../../nlu/review/reviewQueue';
import { TicketService } from '../../services/tickets';
import { ScriptedRecognizer } from '../helpers/scriptedRecognizer';
import { ADMIN_TOKEN, RunningApp, startTestApp } from '../helpers/testApp';

const TOKEN = { authorization: `Bearer ${ADMIN_TOKEN}` };
const PEER = 'admin-token@127.0.0.1';
const PHONE = '13912345678';
const SECRET_WORDS = ['au-g-user', '424242', PHONE, '补拍照片', '口红试色话术', '审计测试问题', 'serum-for-everyone', 'lipstick-and-tea-42', 'moisturiser-queen-7', 'wrong-token-xyz', '粉底液适合油皮', '花呗分期'];

interface Ctx {
  customerId: string;
  ticketId: string;
  campaignId: string;
  experimentId: string;
  roomId: string;
  cannedId: string;
  reviewIds: string[];
}

interface Row {
  method: string;
  /** the route pattern as registered */
  pattern: string;
  path: (c: Ctx) => string;
  body?: (c: Ctx) => unknown;
  action: string;
  status: number;
  customer?: boolean;
  /** keeps what the answer created for later rows */
  keep?: (c: Ctx, json: any) => void;
}

const row = (method: string, pattern: string, action: string, status: number, more: Partial<Row> = {}): Row => ({
  method,
  pattern,
  action,
  status,
  path: () => pattern,
  ...more,
});
const later = new Date(Date.now() + 30 * 24 * 3600_000).toISOString();

/** In order: later rows use what earlier ones created; the erase comes last. */
const ROWS: Row[] = [
  row('GET', '/api/admin/customers', 'customer_lookup', 200, { path: () => '/api/admin/customers?channelId=app&userId=au-g-user', customer: true }),
  row('POST', '/api/admin/customers/link', 'customer_link', 200, { body: () => ({ a: { channelId: 'app', userId: 'au-g-user' }, b: { channelId: 'telegram', userId: '424242' } }), customer: true }),
  row('GET', '/api/admin/customers/:customerId', 'customer_get', 200, { path: (c) => `/api/admin/customers/${c.customerId}`, customer: true }),
  row('GET', '/api/admin/customers/:customerId/export', 'customer_export', 200, { path: (c) => `/api/admin/customers/${c.customerId}/export`, customer: true }),
  row('GET', '/api/admin/handoffs', 'handoffs_list', 200),
  row('POST', '/api/admin/handoffs/:customerId/accept', 'handoff_accept', 404, { path: (c) => `/api/admin/handoffs/${c.customerId}/accept`, customer: true }),
  row('POST', '/api/admin/handoffs/:customerId/release', 'handoff_release', 404, { path: (c) => `/api/admin/handoffs/${c.customerId}/release`, customer: true }),
  row('GET', '/api/admin/tickets', 'tickets_list', 200),
  row('PATCH', '/api/admin/tickets/:id', 'ticket_update', 200, { path: (c) => `/api/admin/tickets/${c.ticketId}`, body: () => ({ status: 'waiting_customer', note: `等客户补拍照片 ${PHONE}` }), customer: true }),
  row('GET', '/api/admin/audit', 'audit_list', 200),
  row('POST', '/api/admin/agents', 'staff_create', 201, { body: () => ({ username: 'audit-lan', password: 'serum-for-everyone', role: 'agent' }) }),
  row('GET', '/api/admin/agents', 'staff_list', 200),
  row('POST', '/api/admin/canned', 'canned_create', 201, { body: () => ({ title: '试色', text: '口红试色话术' }), keep: (c, j) => (c.cannedId = j.id) }),
  row('DELETE', '/api/admin/canned/:id', 'canned_delete', 200, { path: (c) => `/api/admin/canned/${c.cannedId}` }),
  row('GET', '/api/admin/metrics', 'metrics_get', 200),
  row('POST', '/api/admin/campaigns', 'campaign_create', 201, { body: () => ({ name: '618', type: 'promotion', audience: { channel: 'app' }, message: { zh: '618 大促', en: '618 sale' }, startAt: later }), keep: (c, j) => (c.campaignId = j.id) }),
  row('GET', '/api/admin/campaigns', 'campaigns_list', 200),
  row('POST', '/api/admin/campaigns/:id/pause', 'campaign_pause', 200, { path: (c) => `/api/admin/campaigns/${c.campaignId}/pause`, body: () => ({}) }),
  row('POST', '/api/admin/campaigns/:id/resume', 'campaign_resume', 200, { path: (c) => `/api/admin/campaigns/${c.campaignId}/resume`, body: () => ({}) }),
  row('GET', '/api/admin/campaigns/:id/report', 'campaign_report', 200, { path: (c) => `/api/admin/campaigns/${c.campaignId}/report` }),
  row('GET', '/api/admin/jobs', 'jobs_list', 200),
  row('POST', '/api/admin/experiments', 'experiment_create', 201, { body: () => ({ name: 'x', strategy: 'offerType', variants: [{ name: 'coupon' }, { name: 'gift' }] }), keep: (c, j) => (c.experimentId = j.id) }),
  row('GET', '/api/admin/experiments', 'experiments_list', 200),
  row('GET', '/api/admin/experiments/:id', 'experiment_get', 200, { path: (c) => `/api/admin/experiments/${c.experimentId}` }),
  row('POST', '/api/admin/experiments/:id/stop', 'experiment_stop', 200, { path: (c) => `/api/admin/experiments/${c.experimentId}/stop` }),
  row('GET', '/api/admin/review', 'review_list', 200),
  row('POST', '/api/admin/review/:id/label', 'review_label', 200, { path: (c) => `/api/admin/review/${c.reviewIds[0]}/label`, body: () => ({ intent: 'greeting' }) }),
  row('POST', '/api/admin/review/:id/accept', 'review_accept', 200, { path: (c) => `/api/admin/review/${c.reviewIds[0]}/accept` }),
  row('POST', '/api/admin/review/:id/reject', 'review_reject', 200, { path: (c) => `/api/admin/review/${c.reviewIds[1]}/reject` }),
  row('POST', '/api/admin/nlu/retrain', 'nlu_retrain', 503),
  row('GET', '/api/admin/unanswered', 'unanswered_groups', 200),
  row('POST', '/api/admin/faq', 'faq_create', 201, { body: () => ({ question: '审计测试问题?', answer: '这是答案。' }) }),
  row('POST', '/api/admin/live/rooms', 'live_room_create', 201, { body: () => ({ name: '双十一直播间' }), keep: (c, j) => (c.roomId = j.id) }),
  row('GET', '/api/admin/live/rooms', 'live_rooms_list', 200),
  row('GET', '/api/admin/live/rooms/:id', 'live_room_get', 200, { path: (c) => `/api/admin/live/rooms/${c.roomId}` }),
  row('GET', '/api/admin/live/rooms/:id/replies/pending', 'live_replies_pending', 200, { path: (c) => `/api/admin/live/rooms/${c.roomId}/replies/pending` }),
  row('POST', '/api/admin/live/rooms/:id/replies/:replyId/approve', 'live_reply_approve', 404, { path: (c) => `/api/admin/live/rooms/${c.roomId}/replies/lp_nope/approve` }),
  row('POST', '/api/admin/live/rooms/:id/replies/:replyId/reject', 'live_reply_reject', 404, { path: (c) => `/api/admin/live/rooms/${c.roomId}/replies/lp_nope/reject` }),
  row('DELETE', '/api/admin/customers/:customerId', 'customer_erase', 200, { path: (c) => `/api/admin/customers/${c.customerId}`, customer: true }),
];

describe('admin audit: one entry for every /api/admin/* request', () => {
  let app: RunningApp;
  const ctx = {} as Ctx;
  const sessions: Record<string, { cookie: string; csrf: string }> = {};

  /** The two newest entries: the request's own and, before it, the previous check's audit_list (so exactly one was added). */
  const newest = async () => {
    const r = await app.get('/api/admin/audit?limit=2', TOKEN);
    expect(r.status).toBe(200);
    expect(r.json.items[1]).toMatchObject({ action: 'audit_list', actor: PEER, status: 200 });
    return r.json.items[0];
  };
  const send = (r: Row, headers: Record<string, string>) => {
    const body = r.body?.(ctx);
    return app.request(r.method, r.path(ctx), body, headers);
  };
  const login = async (username: string, password: string) => {
    const res = await fetch(`${app.url}/api/agent/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    expect(res.status).toBe(200);
    sessions[username] = { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0], csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
  };

  beforeAll(async () => {
    // behind a "proxy": each refused request below comes from its own X-Forwarded-For address, so only the throttle test is throttled
    app = await startTestApp({ LIVE_API_KEY: 'live-connector-key-0123456789', ADMIN_TRUST_PROXY: 'true', ADMIN_MAX_FAILURES: '3' }, { recognizer: new ScriptedRecognizer() });
    await app.say('au-g-user', `我的手机 ${PHONE}`);
    ctx.customerId = (await app.get('/api/admin/customers?channelId=app&userId=au-g-user', TOKEN)).json.items[0].customerId;
    ctx.ticketId = (await new TicketService(app.store).create({ customerId: ctx.customerId, type: 'quality', orderId: '2026112100001' }))._id;
    expect((await app.post('/api/admin/agents', { username: 'mei', password: 'lipstick-and-tea-42', role: 'agent' }, TOKEN)).status).toBe(201);
    expect((await app.post('/api/admin/agents', { username: 'boss', password: 'moisturiser-queen-7', role: 'admin' }, TOKEN)).status).toBe(201);
    await login('mei', 'lipstick-and-tea-42');
    await login('boss', 'moisturiser-queen-7');
    const queue = new ReviewQueue(app.store);
    for (const q of ['这个粉底液适合油皮吗', '能用花呗分期吗']) await queue.add(q, 'other', 0.2, 'unanswered', ctx.customerId);
    const pending = await queue.list({ status: 'pending' });
    ctx.reviewIds = ['粉底液适合油皮', '花呗分期'].map((part) => pending.find((d) => d.text.includes(part))!._id);
    await app.get('/api/admin/audit?limit=1', TOKEN);
  });
  afterAll(() => app.close(1000));

  it('has a named action for every registered admin route, and the table covers them all', () => {
    const registered = Object.values(app.server.router.getRoutes() as unknown as Record<string, { method: string; path: string }>) // restify types say an array; it is an object by name
      .filter((r) => /^\/api\/admin(\/|$)/.test(String(r.path)))
      .map((r) => `${r.method} ${r.path}`)
      .sort();
    expect(registered).toEqual(ROWS.map((r) => `${r.method} ${r.pattern}`).sort());
    for (const key of registered) expect(ACTIONS[key]).toEqual(expect.stringMatching(/^[a-z_]+$/));
  });

  ROWS.forEach((r, i) => {
    it(`${r.method} ${r.pattern} → ${r.action}: 401 without credentials, then done with the token`, async () => {
      const refused = await send(r, { 'x-forwarded-for': `203.0.113.${i + 1}` });
      expect(refused.status).toBe(401);
      expect(await newest()).toMatchObject({ action: 'auth_failed', actor: PEER, route: r.pattern, status: 401 });

      const done = await send(r, TOKEN);
      expect(done.status).toBe(r.status);
      r.keep?.(ctx, done.json);
      const entry = await newest();
      expect(entry).toEqual({ at: expect.any(String), action: r.action, actor: PEER, route: r.pattern, status: r.status, ...(r.customer ? { customerId: ctx.customerId } : {}) });
    });
  });

  it('names the staff member for a session, and records a refused role under the action', async () => {
    const mei = { cookie: sessions.mei.cookie };
    expect((await app.get('/api/admin/tickets', mei)).status).toBe(200);
    expect(await newest()).toMatchObject({ action: 'tickets_list', actor: 'mei', status: 200 });
    expect((await app.get('/api/admin/metrics', mei)).status).toBe(403);
    expect(await newest()).toMatchObject({ action: 'metrics_get', actor: 'mei', status: 403, route: '/api/admin/metrics' });

    const boss = { cookie: sessions.boss.cookie, 'x-csrf-token': sessions.boss.csrf };
    expect((await app.post('/api/admin/live/rooms', { name: '店长的直播间' }, boss)).status).toBe(201);
    expect(await newest()).toMatchObject({ action: 'live_room_create', actor: 'boss', status: 201 });
    // a cookie without the CSRF token proved nothing: a failed authentication
    expect((await app.post('/api/admin/campaigns/x/pause', {}, { cookie: sessions.boss.cookie })).status).toBe(403);
    expect(await newest()).toMatchObject({ action: 'auth_failed', actor: PEER, status: 403, route: '/api/admin/campaigns/:id/pause' });
  });

  it('audits requests the throttle refuses (429): the first of each minute per address, not one write each', async () => {
    const from = { 'x-forwarded-for': '198.51.100.7' };
    const count429 = async () => (await app.store.collection<{ _id: string; status: number }>('adminAudit').find({ status: 429 })).length;
    let status = 0;
    for (let n = 0; n < 10 && status !== 429; n++) {
      status = (await app.get('/api/admin/jobs', { ...from, authorization: 'Bearer wrong-token-xyz' })).status;
      expect(await newest()).toMatchObject({ action: 'auth_failed', route: '/api/admin/jobs', status });
    }
    expect(status).toBe(429);
    // the right token is refused too while the address is throttled; within the minute that is not another entry
    const before = await count429();
    expect((await app.get('/api/admin/jobs', { ...from, ...TOKEN })).status).toBe(429);
    for (let n = 0; n < 20; n++) expect((await app.get('/api/admin/jobs', { ...from, authorization: 'Bearer wrong-token-xyz' })).status).toBe(429);
    expect(await count429()).toBe(before);
  });

  it('keeps nothing a customer or a staff member wrote, no query value and no forwarded address', async () => {
    const raw = JSON.stringify(await app.store.collection('adminAudit').find({}));
    for (const word of SECRET_WORDS) expect(raw).not.toContain(word);
    expect(raw).not.toMatch(/203\.0\.113|198\.51\.100|channelId=|userId=/);
  });
});
