/** Cancelling by status and policy, zh and en: unpaid/paid cancelled (paid refunded), shipped refused. */
import { flowHarness, suggested } from './flowHarness';

const h = flowHarness({
  我要取消订单: 'order_cancel',
  'cancel my order': 'order_cancel',
  取消订单1688000000000103: 'order_cancel',
  'cancel order 2001000000000104': 'order_cancel',
});

describe('order cancel', () => {
  let amy: string;
  beforeAll(async () => {
    amy = await h.seedOrders('amy');
    await h.seedOrders('ben', '2001');
  });

  it('zh: cancels a paid, not shipped order on confirmation and says the money goes back', async () => {
    await h.say('amy', '我要取消订单');
    expect(await h.say('amy', '1688000000000102')).toMatch(/确认取消订单 1688000000000102（初研玻色因紧致修护精华 30ml 等2件，¥378）吗/);
    expect(await h.say('amy', '等等')).toMatch(/请回复「确认取消」或「不取消了」/);
    expect(await h.say('amy', '确认取消')).toMatch(/订单 1688000000000102 已取消。已付款的 ¥378 将在 1–3 个工作日内原路退回/);
    expect((await h.orders.get(amy, '1688000000000102'))?.status).toBe('cancelled');
  });

  it('zh: refuses a shipped order and offers refusal at the door or a return', async () => {
    const refused = await h.send('amy', '取消订单1688000000000103');
    expect(refused[0].text).toMatch(/已经发货，暂时无法取消.*拒收.*7 天内申请无理由退货/);
    expect(suggested(refused)).toContain('申请退货');
    expect((await h.orders.get(amy, '1688000000000103'))?.status).toBe('shipped');
  });

  it('zh: with one order left that can be cancelled, asks about that one at once; keeps it when the customer changes their mind', async () => {
    // 102 is cancelled, 103–105 have shipped: only the unpaid 101 can be cancelled
    expect(await h.say('amy', '我要取消订单')).toMatch(/^确认取消订单 1688000000000101（薇诺娜清透防晒乳/);
    expect(await h.say('amy', '不取消了')).toMatch(/为您保留/);
    expect((await h.orders.get(amy, '1688000000000101'))?.status).toBe('unpaid');
  });

  it('en: cancels an unpaid order (nothing to refund) and refuses a delivered one', async () => {
    // the unpaid and the paid order can be cancelled: just those two are offered
    const ask = await h.say('ben', 'cancel my order');
    expect(ask).toMatch(/Which order is it\?.*\n1\. 2001000000000101[^\n]*\n2\. 2001000000000102[^\n]*$/);
    await h.say('ben', '2001000000000101');
    const done = await h.say('ben', 'yes');
    expect(done).toMatch(/Order 2001000000000101 is cancelled\.$/);
    expect(await h.say('ben', 'cancel order 2001000000000104')).toMatch(/has been delivered, so it can no longer be cancelled/);
  });
});
