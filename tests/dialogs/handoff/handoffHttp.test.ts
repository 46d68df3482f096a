/**
 * End to end over HTTP on the app channel: an angry message puts the customer in GET /api/admin/handoffs
 * and the bot stops answering until an agent releases them; the tickets list; auth and error codes.
 */
import { ScriptedRecognizer } from '../../helpers/scriptedRecognizer';
import { ADMIN_TOKEN, RunningApp, startTestApp } from '../../helpers/testApp';
import { TicketService } from '../../../services/tickets';

const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
const angry = { intent: 'return_refund' as const, sentiment: { label: 'negative' as const, score: 0.95, anger: 0.93 } };

describe('handoff admin API over HTTP', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startTestApp(
      { DEMO_DATA: 'true' },
      { recognizer: new ScriptedRecognizer({ 你好: 'greeting', 我的快递到哪了: 'order_status', 帮我查下订单: 'order_status', '你们什么垃圾东西！气死了，马上给我退款': angry }) },
    );
  });
  afterAll(() => app.close(1000));

  it('angry message → listed in /api/admin/handoffs → bot quiet (queue notice only) → release → bot answers', async () => {
    const first = await app.say('zoe', '你们什么垃圾东西！气死了，马上给我退款');
    expect(first.join('\n')).toMatch(/抱歉[\s\S]*人工客服/);
    const customerId = await app.directory.find({ channelId: 'app', userId: 'zoe' });

    const list = await app.get('/api/admin/handoffs', auth);
    expect(list.status).toBe(200);
    const item = list.json.items.find((i: { customerId: string }) => i.customerId === customerId);
    expect(item).toMatchObject({ customerId, state: 'queued', reason: 'angry' });
    expect(item.summary).toMatchObject({ intent: 'return_refund', sentiment: { anger: 0.93 } });
    expect(item.summary.lastTurns).toContain('你们什么垃圾东西！气死了，马上给我退款');
    expect(new Date(item.since).getTime()).toBeLessThanOrEqual(Date.now());

    const held = await app.say('zoe', '你好');
    expect(held).toHaveLength(1);
    expect(held[0]).toMatch(/队列/);
    expect(held[0]).not.toMatch(/有什么可以帮您/);

    const accepted = await app.post(`/api/admin/handoffs/${customerId}/accept`, { agentId: 'li' }, auth);
    expect(accepted.status).toBe(200);
    expect(accepted.json).toMatchObject({ state: 'agent', agentId: 'li' });
    expect(await app.say('zoe', '你好')).toEqual([]);

    const released = await app.post(`/api/admin/handoffs/${customerId}/release`, undefined, auth);
    expect(released.status).toBe(200);
    expect(released.json.state).toBe('bot');
    expect((await app.get('/api/admin/handoffs', auth)).json.items.map((i: { customerId: string }) => i.customerId)).not.toContain(customerId);
    expect((await app.say('zoe', '你好')).join()).toMatch(/有什么可以帮您/);

    const again = await app.post(`/api/admin/handoffs/${customerId}/release`, undefined, auth);
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('conflict');
  });

  it.each([
    ['GET', '/api/admin/handoffs', {}, 401],
    ['POST', '/api/admin/handoffs/c_unknown/release', auth, 404],
    ['POST', '/api/admin/handoffs/c_unknown/accept', auth, 404],
    ['POST', '/api/admin/handoffs/bad%20id!/release', auth, 400],
    ['GET', '/api/admin/tickets?status=nope', auth, 400],
    ['GET', '/api/admin/tickets', { authorization: 'Bearer wrong-token-wrong-token' }, 401],
  ])('%s %s → %i', async (method, path, headers, status) => {
    const r = method === 'GET' ? await app.get(path, headers) : await app.post(path, undefined, headers);
    expect(r.status).toBe(status);
    expect(r.json.error.code).toEqual(expect.any(String));
  });

  it('lists tickets with id, customer, type, status, order and SLA', async () => {
    const tickets = new TicketService(app.store);
    const ticket = await tickets.create({ customerId: 'c_x', type: 'quality', orderId: '1688000000000104', problem: 'damaged' });
    const r = await app.get('/api/admin/tickets?type=quality', auth);
    expect(r.status).toBe(200);
    expect(r.json.items).toContainEqual(
      expect.objectContaining({ id: ticket._id, customerId: 'c_x', type: 'quality', status: 'open', orderId: '1688000000000104', slaDueAt: ticket.slaDueAt.toISOString() }),
    );
  });

  it('the demo customer (app userId "demo") has orders in several states', async () => {
    // a general order question lists them all ("我的快递到哪了" now goes straight to the one shipped order)
    const replies = await app.post('/api/app/messages', { userId: 'demo', text: '帮我查下订单' });
    const text = replies.json.replies.map((r: { text?: string }) => r.text).join('\n');
    expect(text).toMatch(/已发货/);
    expect(text).toMatch(/已付款，待发货/);
    expect(text).toMatch(/待付款/);
    const values = replies.json.replies.flatMap((r: { suggestedActions?: { actions: { value: string }[] } }) => r.suggestedActions?.actions.map((a) => a.value) ?? []);
    expect(values).toEqual(expect.arrayContaining(['1688000000000101', '1688000000000102', '1688000000000103', '1688000000000104', '1688000000000105']));
  });
});
