/** Audience filters pick exactly the right customers; campaign types; the report matches what happened. */
import { CampaignWorld, people, PROMO, START } from './fixture';
import type { Product } from '../../../knowledge/types';

const DAY = 86_400_000;
type Doc = { _id: string; [field: string]: unknown };

async function run(w: CampaignWorld, audience: object, extra: object = {}) {
  const a = w.instance('A', extra);
  const c = await a.engine.create({ ...PROMO, audience, ...extra });
  await w.drive([a.runner], async () => (await w.state(a.engine, c._id)) === 'done');
  return { c, engine: a.engine, got: [...w.delivery.perCustomer(c._id).keys()].sort() };
}

describe('audience filters', () => {
  // 60 customers: channel, language, skin type and silence vary independently
  const crowd = people(60, (i) => ({
    channels: i % 4 === 0 ? ['app', 'wechat'] : i % 4 === 1 ? ['telegram'] : ['app'],
    language: i % 3 === 0 ? 'en' : i % 3 === 1 ? 'zh' : undefined,
    skinType: i % 5 === 0 ? '油皮' : i % 5 === 1 ? '干皮' : undefined,
    concerns: i % 2 === 0 ? ['保湿'] : ['抗老'],
    silentDays: i % 6 === 0 ? undefined : i % 6,
  }));
  const ids = (pick: (p: (typeof crowd)[number], i: number) => boolean) => crowd.filter(pick).map((p) => p.id).sort();
  const lastActiveDays = (i: number) => (i % 6 === 0 ? 200 : i % 6); // no record → creation (200 days ago)

  it.each([
    ['channel app', { channel: 'app' }, ids((p) => p.channels.includes('app'))],
    ['language en', { language: 'en' }, ids((p) => p.language === 'en')],
    ['skin type 油皮 or 干皮', { skinType: ['油皮', '干皮'] }, ids((p) => p.skinType === '油皮' || p.skinType === '干皮')],
    ['concern 保湿', { concerns: ['保湿'] }, ids((p) => p.concerns!.includes('保湿'))],
    ['last active within 3.5 days', { lastActiveAfter: 3.5 }, ids((_, i) => lastActiveDays(i) < 3.5)],
    ['silent for 4.5+ days', { lastActiveBefore: 4.5 }, ids((_, i) => lastActiveDays(i) > 4.5)],
    [
      'app + en + 油皮 + active since an ISO time',
      { channel: 'app', language: 'en', skinType: '油皮', lastActiveAfter: new Date(START.getTime() - 5.5 * DAY).toISOString() },
      ids((p, i) => p.channels.includes('app') && p.language === 'en' && p.skinType === '油皮' && lastActiveDays(i) < 5.5),
    ],
  ])('%s selects exactly the right customers', async (_name, audience, expected) => {
    const w = await CampaignWorld.create(crowd);
    expect(expected.length).toBeGreaterThan(0);
    const { got } = await run(w, audience);
    expect(got).toEqual(expected);
  });
});

describe('campaign types', () => {
  const products: Record<string, Partial<Product>> = {
    'sk-1': { _id: 'sk-1', title: '粉底液', titleEn: 'Foundation', category: '粉底液', consumptionDays: 60 },
    'mk-lip': { _id: 'mk-lip', title: '口红', category: '口红' },
    'mk-blush': { _id: 'mk-blush', title: '腮红', titleEn: 'Blush', category: '腮红' },
  };
  const order = (customerId: string, productId: string, deliveredDaysAgo: number) => ({
    _id: `o-${customerId}-${productId}`,
    customerId,
    status: 'delivered',
    items: [{ productId, quantity: 1, title: 'x', price: 1, cosmetic: true }],
    total: 1,
    createdAt: new Date(START.getTime() - (deliveredDaysAgo + 3) * DAY),
    deliveredAt: new Date(START.getTime() - deliveredDaysAgo * DAY),
    updatedAt: START,
    timeline: [],
    shipping: { name: 'n', phone: 'p', address: 'a' },
  });
  const catalogue = { getProduct: (id: string) => products[id] as Product | undefined, crossSell: (id: string) => (id === 'mk-lip' ? [{ _id: 'mk-blush' }] : []) };

  it('repurchase: the consumable near the end of its cycle, named in the message; purchased filters by category', async () => {
    const w = await CampaignWorld.create(people(4));
    // 55 of 60 days used → due; 10 days used → not yet; 200 days → moved on; c3 bought nothing
    await w.store.collection<Doc>('orders').insertMany([order('c_00000', 'sk-1', 55), order('c_00001', 'sk-1', 10), order('c_00002', 'sk-1', 200)]);
    const { got } = await run(w, {}, { type: 'repurchase', message: { zh: '您的{product}即将用完，续购享8折', en: 'Your {product} runs out soon' }, ...catalogue });
    expect(got).toEqual(['c_00000']);
    expect(w.delivery.messages[0].text).toEqual({ zh: '您的粉底液即将用完，续购享8折', en: 'Your Foundation runs out soon' });
  });

  it('crossSell: a lipstick delivered last week → the same-shade blush', async () => {
    const w = await CampaignWorld.create(people(3));
    await w.store.collection<Doc>('orders').insertMany([order('c_00000', 'mk-lip', 5), order('c_00001', 'mk-lip', 40), order('c_00002', 'sk-1', 5)]);
    const { got } = await run(w, {}, { type: 'crossSell', message: { zh: '配套{product}', en: 'Matching {product}' }, ...catalogue });
    expect(got).toEqual(['c_00000']);
    expect(w.delivery.messages[0].text.en).toBe('Matching Blush');
  });

  it('winback: silent for 30 days (default) gets the message with a coupon', async () => {
    const w = await CampaignWorld.create(people(3, (i) => ({ silentDays: [45, 10, 31][i] })));
    let n = 0;
    const coupons = { issue: async () => ({ ok: true as const, coupon: { _id: `CODE${++n}` } }) };
    const { got, c, engine } = await run(w, {}, { type: 'winback', params: { couponPromotionId: 'p1' }, message: { zh: '好久不见，送您券{coupon}', en: 'We miss you: {coupon}' }, coupons });
    expect(got).toEqual(['c_00000', 'c_00002']);
    expect(w.delivery.messages.map((m) => m.text.en).sort()).toEqual(['We miss you: CODE1', 'We miss you: CODE2']);
    const rows = await engine.rows.sends.find({ campaignId: c._id });
    expect(rows.map((r) => r.couponCode).sort()).toEqual(['CODE1', 'CODE2']);
  });

  it('alert: only the subscribers of the product, through the subscriptions interface', async () => {
    const w = await CampaignWorld.create(people(5));
    const subs = ['c_00001', 'c_00003'];
    const alerts = { subscribers: async (_k: string, p: string, after: string | undefined, limit: number) => (p === 'sk-1' ? subs.filter((s) => !after || s > after).slice(0, limit) : []) };
    const { got } = await run(w, {}, { type: 'alert', params: { alert: { kind: 'restock', productId: 'sk-1' } }, message: { zh: '{product}到货了', en: '{product} is back' }, alerts, ...catalogue });
    expect(got).toEqual(subs);
    expect(w.delivery.messages[0].text.zh).toBe('粉底液到货了');
  });
});

describe('report', () => {
  it('counts sent, skipped by reason (opted_out …), failed; conversions within 7 days; replies within 48 h', async () => {
    const w = await CampaignWorld.create(people(20));
    const outcome: Record<number, object> = { 1: { status: 'skipped', reason: 'opted_out' }, 2: { status: 'skipped', reason: 'opted_out' }, 3: { status: 'skipped', reason: 'frequency_cap' }, 4: { status: 'failed', reason: 'wechat_45015' } };
    w.delivery.answer = (m) => (outcome[Number(m.customerId.slice(2))] as never) ?? { status: 'sent', channelId: 'app' };
    const { c, engine } = await run(w, {});
    const sentAt = START.getTime();
    await w.store.collection<Doc>('orders').insertMany([
      { _id: 'o1', customerId: 'c_00010', status: 'paid', items: [], createdAt: new Date(sentAt + 2 * DAY) },
      { _id: 'o2', customerId: 'c_00011', status: 'paid', items: [], createdAt: new Date(sentAt + 9 * DAY) }, // outside the window
      { _id: 'o3', customerId: 'c_00001', status: 'paid', items: [], createdAt: new Date(sentAt + DAY) }, // opted out: not sent, not converted
    ]);
    await w.store.collection<Doc>('turnEvents').insertMany([{ _id: 'e1', customerId: 'c_00012', at: new Date(sentAt + 3600_000), funnel: ['cartLinks'] }]);
    await w.store.collection<Doc>('conversationLog').insertMany([
      { _id: 'l1', customerId: 'c_00013', from: 'customer', at: new Date(sentAt + 3600_000), text: '好的' },
      { _id: 'l2', customerId: 'c_00014', from: 'customer', at: new Date(sentAt + 3 * DAY), text: 'late' },
    ]);
    expect(await engine.report(c._id)).toEqual({
      state: 'done',
      targeted: 20,
      sent: 16,
      skipped: { opted_out: 2, frequency_cap: 1 },
      failed: 1,
      pending: 0,
      converted: 2,
      conversions: { couponRedeemed: 0, cartLink: 1, orderPlaced: 1 },
      replied: 1,
    });
  });

  it('quiet hours: the row waits for the morning instead of being dropped', async () => {
    const w = await CampaignWorld.create(people(2));
    let quiet = true;
    w.delivery.answer = () => (quiet ? { status: 'skipped', reason: 'quiet_hours' } : { status: 'sent', channelId: 'app' });
    const a = w.instance('A');
    const c = await a.engine.create(PROMO);
    await w.drive([a.runner], async () => (await a.engine.report(c._id))!.targeted === 2 && (await a.engine.rows.sends.count({ status: 'deferred' })) === 2);
    expect((await a.engine.report(c._id))!.pending).toBe(2);
    quiet = false;
    w.now = new Date('2025-06-03T00:00:01Z'); // 08:00 in Shanghai
    await w.drive([a.runner], async () => (await w.state(a.engine, c._id)) === 'done');
    expect(await a.engine.report(c._id)).toMatchObject({ sent: 2, skipped: {} });
  });
});
