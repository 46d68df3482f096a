/**
 * The agent desk over HTTP, against the real app and bot: an angry customer on the app channel is queued;
 * agents log in, claim, reply (the customer reads it in the app inbox), write notes the customer never
 * sees, transfer, release (the bot answers again) and resolve (the rating question arrives). Customers and
 * wrong roles are refused; bad input is a 400.
 */
import { TicketService } from '../../services/tickets';
import { ADMIN_TOKEN, RunningApp, startTestApp } from '../helpers/testApp';
import { eventually } from '../services/agentDesk/deskFixture';

const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
const ANGRY = '你们这是什么破服务！！气死我了，货到现在都没到，太垃圾了！';

export type Staff = Record<string, string>;

/** Creates an account and logs in: the headers a console page would send (cookie + CSRF token). */
export async function staffLogin(app: RunningApp, username: string, role: 'agent' | 'admin', extra: Record<string, unknown> = {}): Promise<Staff> {
  const password = "lipstick-serum-and-tea-42";
  expect((await app.post('/api/admin/agents', { username, password, role, ...extra }, admin)).status).toBe(201);
  const res = await fetch(`${app.url}/api/agent/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  expect(res.status).toBe(200);
  const csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]!, 'x-csrf-token': csrf };
}

/** Everything the app inbox holds for a user (what the shop's app would show). */
export async function inboxTexts(app: RunningApp, userId: string): Promise<string[]> {
  const r = await app.get(`/api/app/messages?userId=${encodeURIComponent(userId)}`);
  expect(r.status).toBe(200);
  return (r.json.replies as { text?: string }[]).map((a) => a.text ?? '');
}

describe('agent desk routes', () => {
  let app: RunningApp;
  let alice: Staff;
  let bob: Staff;
  let boss: Staff;
  const customerOf = async (userId: string) => (await app.directory.find({ channelId: 'app', userId }))!;
  const conversation = (customerId: string, action = '') => `/api/agent/conversations/${customerId}${action ? `/${action}` : ''}`;

  beforeAll(async () => {
    app = await startTestApp({ DEMO_DATA: 'true' }); // the demo FAQ answers suggestions
    alice = await staffLogin(app, 'alice', 'agent', { displayName: '小美' });
    bob = await staffLogin(app, 'bob', 'agent', { displayName: 'Bob' });
    boss = await staffLogin(app, 'boss', 'admin');
  }, 120000); // the real NLU and three scrypt logins: slow on a busy 2-core machine
  afterAll(() => app.close(1000));

  it('refuses customers (401) and agents on admin routes (403)', async () => {
    expect((await app.get('/api/agent/queue')).status).toBe(401);
    expect((await app.post(conversation('c_x', 'claim'), {})).status).toBe(401);
    expect((await app.get('/api/agent/events')).status).toBe(401);
    expect((await app.get('/api/admin/tickets')).status).toBe(401);
    const forbidden = await app.post('/api/admin/canned', { title: '问候', text: '您好～' }, alice);
    expect(forbidden.status).toBe(403);
    expect(forbidden.json.error.code).toBe('forbidden');
    // a cookie alone cannot change anything (CSRF)
    expect((await app.post('/api/agent/status', { online: false }, { cookie: alice.cookie })).status).toBe(403);
  });

  it('queues an angry customer, lets one agent claim and reply, keeps notes private, transfers and releases', async () => {
    const replies = await app.say('angry-app-1', ANGRY);
    expect(replies.join('\n')).toMatch(/人工客服/);
    const customerId = await customerOf('angry-app-1');

    const queue = await app.get('/api/agent/queue', alice);
    expect(queue.status).toBe(200);
    const item = queue.json.items.find((i: { customerId: string }) => i.customerId === customerId);
    expect(item).toMatchObject({ state: 'queued', reason: 'angry', channelId: 'app' });
    expect(item.summary).toMatch(/情绪/);
    expect(item.waitSeconds).toBeGreaterThanOrEqual(0);
    expect(item.sentiment.anger).toBeGreaterThan(0.5);

    expect(await app.post(conversation(customerId, 'claim'), {}, alice)).toEqual({ status: 200, json: { customerId, agent: 'alice' } });
    const taken = await app.post(conversation(customerId, 'claim'), {}, bob);
    expect(taken.status).toBe(409);
    expect(taken.json).toMatchObject({ error: 'held', holder: 'alice' });
    await eventually(async () => expect((await inboxTexts(app, 'angry-app-1')).join('\n')).toContain('客服小美已接入'));

    const sent = await app.post(conversation(customerId, 'messages'), { text: '您好，我是小美，马上帮您查物流' }, alice);
    expect(sent).toEqual({ status: 200, json: { delivered: true, channelId: 'app' } });
    expect(await inboxTexts(app, 'angry-app-1')).toContain('您好，我是小美，马上帮您查物流');
    expect((await app.post(conversation(customerId, 'messages'), { text: '我也来' }, bob)).status).toBe(409);

    // the customer writes while held: the bot stays quiet, the agent sees it
    expect(await app.say('angry-app-1', '好的，包邮吗？运费谁出')).toEqual([]);
    expect((await app.post(conversation(customerId, 'notes'), { text: '老顾客，补一张券' }, alice)).status).toBe(200);
    const view = await app.get(conversation(customerId), alice);
    expect(view.status).toBe(200);
    const lines = view.json.history.map((e: { from: string; text: string }) => `${e.from}:${e.text}`);
    expect(lines).toEqual(expect.arrayContaining(['customer:好的，包邮吗？运费谁出', 'agent:您好，我是小美，马上帮您查物流', 'note:老顾客，补一张券']));
    expect(view.json.handoff).toMatchObject({ state: 'agent', reason: 'angry', agent: 'alice' });
    expect(view.json.profile.identities).toEqual([{ channelId: 'app', userId: 'angry-app-1' }]);
    expect(view.json.profile).toMatchObject({ orders: [], tickets: [], coupons: [] });
    expect((await inboxTexts(app, 'angry-app-1')).join('\n')).not.toContain('老顾客');

    const suggestions = await app.get(conversation(customerId, 'suggestions'), alice);
    expect(suggestions.status).toBe(200);
    expect(suggestions.json.items.length).toBeGreaterThan(0);
    expect(suggestions.json.items[0]).toEqual({ text: expect.stringMatching(/包邮|运费/), source: expect.stringMatching(/^faq:/) });

    expect(await app.post(conversation(customerId, 'transfer'), { to: 'bob' }, alice)).toEqual({ status: 200, json: { customerId, agent: 'bob' } });
    expect((await app.post(conversation(customerId, 'messages'), { text: '还是我' }, alice)).json).toMatchObject({ error: 'held', holder: 'bob' });
    expect((await app.post(conversation(customerId, 'transfer'), { to: 'nobody' }, bob)).status).toBe(400);

    expect(await app.post(conversation(customerId, 'release'), {}, bob)).toEqual({ status: 200, json: { customerId, state: 'bot' } });
    expect((await inboxTexts(app, 'angry-app-1')).join('\n')).toContain('智能客服回来啦');
    const again = await app.say('angry-app-1', '你们包邮吗');
    expect(again.join('\n')).toMatch(/包邮/);
    expect((await app.get('/api/agent/queue', bob)).json.items.some((i: { customerId: string }) => i.customerId === customerId)).toBe(false);
  });

  it('resolves a conversation and sends the rating question', async () => {
    await app.say('angry-app-2', ANGRY);
    const customerId = await customerOf('angry-app-2');
    expect((await app.post(conversation(customerId, 'resolve'), {}, alice)).status).toBe(409);
    await app.post(conversation(customerId, 'claim'), {}, alice);
    expect(await app.post(conversation(customerId, 'resolve'), {}, alice)).toEqual({ status: 200, json: { customerId, state: 'bot' } });
    const r = await app.get('/api/app/messages?userId=angry-app-2');
    const question = (r.json.replies as { text?: string; suggestedActions?: { actions: { title?: string; value?: unknown }[] } }[]).at(-1)!;
    expect(question.text).toMatch(/1～5 分/);
    expect(question.suggestedActions?.actions.map((a) => String(a.value ?? a.title))).toEqual(['1', '2', '3', '4', '5']);
    expect((await app.post(conversation(customerId, 'resolve'), {}, alice)).status).toBe(409);
  });

  it('answers 400 to bad bodies and ids, 404 to unknown customers', async () => {
    await app.say('angry-app-3', ANGRY);
    const customerId = await customerOf('angry-app-3');
    await app.post(conversation(customerId, 'claim'), {}, alice);
    for (const body of [{}, { text: '' }, { text: 'x'.repeat(2001) }, { text: 'hi', extra: 1 }, { text: 42 }, '{"text": ']) {
      const r = await app.post(conversation(customerId, 'messages'), body, alice);
      expect([r.status, JSON.stringify(body)]).toEqual([400, JSON.stringify(body)]);
    }
    expect((await app.post(conversation(customerId, 'notes'), { note: 'x' }, alice)).status).toBe(400);
    expect((await app.post(conversation(customerId, 'transfer'), {}, alice)).status).toBe(400);
    expect((await app.post('/api/agent/status', { online: 'yes' }, alice)).status).toBe(400);
    expect((await app.post('/api/admin/canned', { title: '', text: 'x' }, boss)).status).toBe(400);
    expect((await app.post(conversation('bad%20id!', 'claim'), {}, alice)).status).toBe(400);
    expect((await app.post(conversation('c_nobody', 'claim'), {}, alice)).status).toBe(404);
    expect((await app.get(conversation('c_nobody'), alice)).status).toBe(404);
  });

  it('lets admins manage canned responses that every agent reads', async () => {
    const created = await app.post('/api/admin/canned', { title: '物流安抚', text: '非常抱歉让您久等了，我马上为您催促物流～' }, boss);
    expect(created.status).toBe(201);
    expect(created.json).toEqual({ id: expect.any(String), title: '物流安抚', text: '非常抱歉让您久等了，我马上为您催促物流～' });
    expect((await app.get('/api/agent/canned', alice)).json.items).toContainEqual(created.json);
    expect((await app.request('DELETE', `/api/admin/canned/${created.json.id}`, undefined, alice)).status).toBe(403);
    expect((await app.request('DELETE', `/api/admin/canned/${created.json.id}`, undefined, admin)).status).toBe(200);
    expect((await app.request('DELETE', `/api/admin/canned/${created.json.id}`, undefined, admin)).status).toBe(404);
    expect((await app.get('/api/agent/canned', alice)).json.items).toEqual([]);
  });

  it('updates ticket status with a valid move only; agents list tickets with their session', async () => {
    const ticket = await new TicketService(app.store).create({ customerId: 'c_ticket', type: 'quality', orderId: '2026112100001' });
    const path = `/api/admin/tickets/${ticket._id}`;
    expect((await app.request('PATCH', path, { status: 'done' }, alice)).status).toBe(400);
    expect((await app.request('PATCH', path, {}, alice)).status).toBe(400);
    expect((await app.request('PATCH', '/api/admin/tickets/T20260101-NOPE00', { status: 'closed' }, alice)).status).toBe(404);
    expect((await app.request('PATCH', path, { status: 'closed' })).status).toBe(401);
    const moved = await app.request('PATCH', path, { status: 'waiting_customer', note: '等客户补拍照片' }, alice);
    expect(moved.status).toBe(200);
    expect(moved.json).toMatchObject({ id: ticket._id, status: 'waiting_customer', statusHistory: [{ by: 'alice', from: 'open', to: 'waiting_customer', note: '等客户补拍照片' }] });
    expect((await app.request('PATCH', path, { status: 'resolved' }, admin)).json.status).toBe('resolved');
    // a resolved ticket is reopened as in progress, never as open
    expect((await app.request('PATCH', path, { status: 'open' }, alice)).status).toBe(409);
    const listed = await app.get('/api/admin/tickets?status=resolved', alice);
    expect(listed.status).toBe(200);
    expect(listed.json.items.map((t: { id: string }) => t.id)).toContain(ticket._id);
    expect((await app.get('/api/admin/tickets?status=waiting_customer', admin)).status).toBe(200);
  });
  it('streams queue changes and new messages to a logged-in console', async () => {
    const abort = new AbortController();
    const res = await fetch(`${app.url}/api/agent/events`, { headers: { cookie: bob.cookie }, signal: abort.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = res.body!.getReader();
    let received = '';
    const waitFor = async (text: string) => {
      const deadline = Date.now() + 10_000;
      while (!received.includes(text)) {
        if (Date.now() > deadline) throw new Error(`no ${JSON.stringify(text)} in the stream: ${received}`);
        const chunk = await reader.read();
        if (chunk.done) throw new Error('the stream ended');
        received += new TextDecoder().decode(chunk.value);
      }
    };
    try {
      await waitFor('event: ready');
      await app.say('stream-1', ANGRY);
      await waitFor('event: queue');
      const customerId = await customerOf('stream-1');
      await app.post(conversation(customerId, 'claim'), {}, bob);
      await app.say('stream-1', '人呢？');
      await waitFor(`event: message\ndata: {"customerId":"${customerId}"}`);
      // ids only: no customer words travel on the stream
      expect(received).not.toContain('人呢');
    } finally {
      abort.abort();
    }
  });

  it('assigns waiting customers round-robin to online agents within their capacity', async () => {
    const carol = await staffLogin(app, 'carol', 'agent', { displayName: 'Carol', capacity: 1 });
    const dave = await staffLogin(app, 'dave', 'agent', { capacity: 2 });
    expect(await app.post('/api/agent/status', { online: true }, carol)).toEqual({ status: 200, json: { username: 'carol', online: true } });
    expect((await app.post('/api/agent/status', { online: true }, dave)).status).toBe(200);
    const holderOf = async (userId: string) => {
      const customerId = await customerOf(userId);
      return (await app.get('/api/agent/queue', carol)).json.items.find((i: { customerId: string }) => i.customerId === customerId)?.agent ?? null;
    };
    for (const userId of ['rr-1', 'rr-2', 'rr-3', 'rr-4']) await app.say(userId, ANGRY);
    await eventually(async () => expect([await holderOf('rr-1'), await holderOf('rr-2'), await holderOf('rr-3')]).toEqual(['carol', 'dave', 'dave']));
    // both are full: the fourth waits
    expect(await holderOf('rr-4')).toBeNull();
    await eventually(async () => expect((await inboxTexts(app, 'rr-1')).join('\n')).toContain('客服Carol已接入'));
    // carol frees her slot: the waiting customer is hers
    await app.post(conversation(await customerOf('rr-1'), 'resolve'), {}, carol);
    await eventually(async () => expect(await holderOf('rr-4')).toBe('carol'));
    // offline agents get nobody
    await app.post('/api/agent/status', { online: false }, carol);
    await app.post('/api/agent/status', { online: false }, dave);
    await app.say('rr-5', ANGRY);
    expect(await holderOf('rr-5')).toBeNull();
  });

  it('takes an agent who logs out off the assignment round', async () => {
    const erin = await staffLogin(app, 'erin', 'agent', { capacity: 3 });
    expect((await app.post('/api/agent/status', { online: true }, erin)).status).toBe(200);
    expect((await app.post('/api/agent/logout', {}, erin)).status).toBe(200);
    // a customer who asks for a human now waits instead of going to erin, who has gone home
    await app.say('after-erin', ANGRY);
    const customerId = await customerOf('after-erin');
    const waiting = (await app.get('/api/agent/queue', boss)).json.items.find((i: { customerId: string }) => i.customerId === customerId);
    expect(waiting).toMatchObject({ state: 'queued' });
    expect(waiting.agent ?? null).toBeNull();
  });
});
