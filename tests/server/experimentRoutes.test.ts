/**
 * The experiments admin API over the real app, and the strategies in real conversations on the app channel:
 * a hesitating customer in the 'gift' arm is offered the gift, one in the 'coupon' arm a coupon; claiming the
 * gift is a conversion that shows in GET /api/admin/experiments/:id. In the discovery-order experiment a
 * 'recommendFirst' customer sees cards before the first question.
 */
import { ExperimentService } from '../../services/experiments';
import { entity, Script } from '../dialogs/main/dialogHarness';
import { ScriptedRecognizer } from '../helpers/scriptedRecognizer';
import { ADMIN_TOKEN, RunningApp, startTestApp } from '../helpers/testApp';

const script: Script = {
  介绍一下初研玻色因: { intent: 'product_info', entities: [entity('product', '初研玻色因', 'sk-0006')] },
  '有点贵，我再想想': 'other',
  领取赠品: 'other',
  推荐一款抗老精华: { intent: 'recommendation', entities: [entity('concern', '抗老'), entity('category', '精华')] },
};
const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };

describe('experiments: admin API and strategies in conversation', () => {
  let app: RunningApp;
  /** another instance's view of the same store: which arm a customer is in */
  let arms: ExperimentService;
  beforeAll(async () => {
    app = await startTestApp({ DEMO_DATA: 'true' }, { recognizer: new ScriptedRecognizer(script) });
    arms = new ExperimentService(app.store, { refreshMs: 0 });
  });
  afterAll(() => app.close(1000));

  /** app-channel user ids whose customers fall into each named arm */
  async function usersIn(strategy: 'offerType' | 'discoveryOrder', prefix: string, wanted: string[]): Promise<Record<string, string>> {
    const found: Record<string, string> = {};
    for (let i = 0; i < 200 && Object.keys(found).length < wanted.length; i++) {
      const userId = `${prefix}${i}`;
      const variant = await arms.assignedVariant(strategy, await app.directory.resolve({ channelId: 'app', userId }));
      if (variant && wanted.includes(variant) && !found[variant]) found[variant] = userId;
    }
    expect(Object.keys(found).sort()).toEqual([...wanted].sort());
    return found;
  }

  it('needs the admin token or an admin session: 401 without', async () => {
    expect((await app.get('/api/admin/experiments')).status).toBe(401);
    const r = await app.post('/api/admin/experiments', { name: 'x', strategy: 'offerType', variants: [{ name: 'coupon' }, { name: 'gift' }] });
    expect(r.status).toBe(401);
    expect(r.json.error.code).toBe('unauthenticated');
    expect((await app.get('/api/admin/experiments', { authorization: 'Bearer wrong' })).status).toBe(401);
  });

  it('an admin session works (POST with its CSRF token); an agent session is refused', async () => {
    for (const [username, role] of [
      ['boss', 'admin'],
      ['mei', 'agent'],
    ]) {
      expect((await app.post('/api/admin/agents', { username, password: 'Rose-Petal-2024!', role }, auth)).status).toBe(201);
    }
    const login = async (username: string) => {
      const res = await fetch(`${app.url}/api/agent/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'Rose-Petal-2024!' }) });
      const body = (await res.json()) as { csrfToken: string };
      return { cookie: /staff_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')![0], csrf: body.csrfToken };
    };
    const boss = await login('boss');
    expect((await app.get('/api/admin/experiments', { cookie: boss.cookie })).status).toBe(200);
    const timing = { name: 'reminder timing', strategy: 'reminderTiming', variants: [{ name: '10d' }, { name: '5d' }, { name: '3d' }] };
    expect((await app.post('/api/admin/experiments', timing, { cookie: boss.cookie })).status).toBe(403);
    const created = await app.post('/api/admin/experiments', timing, { cookie: boss.cookie, 'x-csrf-token': boss.csrf });
    expect(created.status).toBe(201);
    const result = await app.get(`/api/admin/experiments/${created.json.id}`, { cookie: boss.cookie });
    expect(result.json.test).toMatchObject({ method: 'chi-square', df: 2, p: 1, significant: false });
    expect((await app.post(`/api/admin/experiments/${created.json.id}/stop`, undefined, { cookie: boss.cookie, 'x-csrf-token': boss.csrf })).status).toBe(200);
    const mei = await login('mei');
    expect((await app.get('/api/admin/experiments', { cookie: mei.cookie })).status).toBe(403);
  });

  it('bad input → 400 naming the problem; unknown id → 404', async () => {
    const bad = [
      {},
      { name: 'x', strategy: 'offerType', variants: [{ name: 'coupon' }] },
      { name: 'x', strategy: 'offerType', variants: [{ name: 'coupon' }, { name: 'free shipping' }] },
      { name: 'x', strategy: 'nope', variants: [{ name: 'coupon' }, { name: 'gift' }] },
      { name: 'x', strategy: 'offerType', variants: [{ name: 'coupon', weight: -1 }, { name: 'gift' }] },
      { name: 'x', strategy: 'offerType', variants: [{ name: 'coupon' }, { name: 'gift' }], metric: 'revenue' },
    ];
    for (const body of bad) {
      const r = await app.post('/api/admin/experiments', body, auth);
      expect(r.status).toBe(400);
      expect(r.json.error.code).toBe('invalid');
      expect(typeof r.json.error.message).toBe('string');
    }
    expect((await app.post('/api/admin/experiments', '{"name":', auth)).status).toBe(400);
    expect((await app.request('POST', '/api/admin/experiments', 'name=x', { ...auth, 'content-type': 'text/plain' })).status).toBe(400);
    for (const path of ['/api/admin/experiments/exp_0123456789abcdef', '/api/admin/experiments/nope', '/api/admin/experiments/..%2f']) {
      const r = await app.get(path, auth);
      expect(r.status).toBe(404);
      expect(r.json.error.code).toBe('not_found');
    }
    expect((await app.post('/api/admin/experiments/exp_0123456789abcdef/stop', undefined, auth)).status).toBe(404);
  });

  it('offer type: the gift arm is offered the gift, the coupon arm a coupon; the gift claim is a conversion', async () => {
    const created = await app.post('/api/admin/experiments', { name: '犹豫时：券还是赠品', strategy: 'offerType', variants: [{ name: 'coupon' }, { name: 'gift' }] }, auth);
    expect(created.status).toBe(201);
    const id = created.json.id as string;
    const busy = await app.post('/api/admin/experiments', { name: 'again', strategy: 'offerType', variants: [{ name: 'coupon' }, { name: 'gift', weight: 2 }] }, auth);
    expect(busy.status).toBe(409);
    expect(busy.json.error.code).toBe('strategy_busy');

    const users = await usersIn('offerType', 'hes', ['coupon', 'gift']);
    await app.say(users.gift, '介绍一下初研玻色因');
    const [giftOffer] = await app.say(users.gift, '有点贵，我再想想');
    expect(giftOffer).toMatch(/前100名下单送旅行装小样/);
    expect(giftOffer).not.toMatch(/券码/);
    await app.say(users.coupon, '介绍一下初研玻色因');
    const [couponOffer] = await app.say(users.coupon, '有点贵，我再想想');
    expect(couponOffer).toMatch(/券码 C[0-9A-F]{8}/);
    expect(couponOffer).not.toMatch(/小样/);

    const [claimed] = await app.say(users.gift, '领取赠品');
    expect(claimed).toMatch(/已为您锁定/);
    await app.say(users.gift, '有点贵，我再想想'); // a second hesitation is neither a second exposure nor a second conversion
    await app.say(users.gift, '领取赠品');

    const result = await app.get(`/api/admin/experiments/${id}`, auth);
    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({ id, name: '犹豫时：券还是赠品', strategy: 'offerType', state: 'running' });
    expect(result.json.variants).toEqual([
      { name: 'coupon', weight: 1, assigned: 1, converted: 0, rate: 0 },
      { name: 'gift', weight: 1, assigned: 1, converted: 1, rate: 1 },
    ]);
    expect(result.json.test).toMatchObject({ method: 'two-proportion z', significant: false, enoughData: false });
    expect(result.json.test.note).toMatch(/too few customers/);
    expect(result.json.winner).toBeUndefined();

    const list = await app.get('/api/admin/experiments', auth);
    expect(list.json.items[0]).toMatchObject({ id, strategy: 'offerType', state: 'running' });

    // stopped: a hesitating customer gets today's offer again (coupon and gift), and nobody new is counted
    const stopped = await app.post(`/api/admin/experiments/${id}/stop`, undefined, auth);
    expect(stopped.status).toBe(200);
    expect(stopped.json.state).toBe('stopped');
    await app.say('after-stop', '介绍一下初研玻色因');
    const [both] = await app.say('after-stop', '有点贵，我再想想');
    expect(both).toMatch(/券码 C[0-9A-F]{8}/);
    expect(both).toMatch(/小样/);
    const after = await app.get(`/api/admin/experiments/${id}`, auth);
    expect(after.json.variants.map((v: { assigned: number }) => v.assigned)).toEqual([1, 1]);
  });

  it('discovery order: recommendFirst shows cards before the first question, discoverFirst asks first', async () => {
    const created = await app.post('/api/admin/experiments', { name: 'order', strategy: 'discoveryOrder', variants: [{ name: 'discoverFirst' }, { name: 'recommendFirst' }] }, auth);
    expect(created.status).toBe(201);
    const users = await usersIn('discoveryOrder', 'nd', ['discoverFirst', 'recommendFirst']);
    const r = await app.post('/api/app/messages', { userId: users.recommendFirst, text: '推荐一款抗老精华' }, {});
    const replies = r.json.replies as { text?: string; attachments?: unknown[] }[];
    expect(replies[0].attachments?.length).toBeGreaterThan(0);
    expect(replies.at(-1)!.text).toMatch(/肤质/);
    const [ask] = await app.say(users.discoverFirst, '推荐一款抗老精华');
    expect(ask).toMatch(/肤质/);
    const result = await app.get(`/api/admin/experiments/${created.json.id}`, auth);
    expect(result.json.variants.map((v: { assigned: number }) => v.assigned)).toEqual([1, 1]);
    await app.post(`/api/admin/experiments/${created.json.id}/stop`, undefined, auth);
  });
});
