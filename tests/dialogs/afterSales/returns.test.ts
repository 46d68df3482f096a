/** Self-service returns by policy (7天无理由, opened cosmetics, delivery date) and refund status, zh and en. */
import { flowHarness, suggested } from '../orders/flowHarness';

const h = flowHarness({
  我要退货: 'return_refund',
  'I want to return something': 'return_refund',
  退款到哪了: 'refund_status',
  'where is my refund': 'refund_status',
  取消订单: 'order_cancel',
  订单6001000000000103到哪了: { intent: 'order_status', entities: [{ type: 'order_id', text: '6001000000000103', value: '6001000000000103', start: 2, end: 18 }] },
});

describe('returns', () => {
  let amy: string;
  beforeAll(async () => {
    amy = await h.seedOrders('amy');
    await h.seedOrders('ben', '2001');
    await h.seedOrders('cat', '3001');
  });

  it('zh: opened cosmetics are refused for a no-reason return and pointed to the quality process', async () => {
    await h.say('amy', '我要退货');
    expect(await h.say('amy', '1688000000000104')).toMatch(/拆封或使用过吗/);
    const refused = await h.send('amy', '已经拆封用过了');
    expect(refused[0].text).toMatch(/拆封后出于卫生原因不支持无理由退货/);
    expect(suggested(refused)).toEqual(['商品有质量问题', '转人工']);
  });

  it('zh: unopened within 7 days → return request with steps; refund status then shows it', async () => {
    expect(await h.say('amy', '退款到哪了')).toMatch(/暂时没有查到您的退款记录/);
    await h.say('amy', '我要退货');
    await h.say('amy', '1688000000000104');
    expect(await h.say('amy', '还没拆封')).toMatch(/符合 7 天无理由退货（还剩 4 天），退款金额 ¥570。确认申请退货吗/);
    const steps = await h.say('amy', '确认退货');
    expect(steps).toMatch(/退货申请已提交，工单号 T\d{8}-\w{6}，退款金额 ¥570/);
    expect(steps).toMatch(/寄回：浙江省杭州市/);
    expect((await h.orders.get(amy, '1688000000000104'))?.status).toBe('returning');
    expect(await h.say('amy', '退款到哪了')).toMatch(/订单 1688000000000104：退款 ¥570，等待您寄回商品/);
  });

  it('zh: a paid order is cancelled instead of returned, and its refund shows in refund status', async () => {
    await h.say('cat', '我要退货');
    const cancel = await h.send('cat', '3001000000000102');
    expect(cancel[0].text).toMatch(/还没有发货，不用退货，直接取消订单/);
    expect(suggested(cancel)).toEqual(['取消订单']);
    await h.say('cat', '取消订单');
    await h.say('cat', '3001000000000102');
    await h.say('cat', '确认');
    expect(await h.say('cat', '退款到哪了')).toMatch(/订单 3001000000000102：已取消，¥378 原路退回/);
  });

  it('en: past the 7-day window; an item in transit; then a successful return and its refund status', async () => {
    await h.say('ben', 'I want to return something');
    expect(await h.say('ben', '2001000000000105')).toMatch(/delivered 12 days ago, past the 7-day no-reason return window/);
    await h.say('ben', 'I want to return something');
    expect(await h.say('ben', '2001000000000103')).toMatch(/still on its way/);
    await h.say('ben', 'I want to return something');
    await h.say('ben', '2001000000000104');
    expect(await h.say('ben', 'maybe')).toMatch(/Please answer "unopened" or "opened"/);
    expect(await h.say('ben', 'unopened')).toMatch(/qualifies for a 7-day no-reason return/);
    expect(await h.say('ben', 'yes')).toMatch(/Your return is registered: ticket T\d{8}-\w{6}, refund ¥570/);
    expect(await h.say('ben', 'where is my refund')).toMatch(/Order 2001000000000104: refund ¥570, waiting for the item to be sent back/);
  });

  it('zh: a tracking question in the middle of a return is answered, then the return asks its question again', async () => {
    await h.seedOrders('dee', '6001');
    await h.say('dee', '我要退货');
    expect(await h.say('dee', '6001000000000104')).toMatch(/拆封或使用过吗/);
    const aside = await h.say('dee', '订单6001000000000103到哪了');
    expect(aside).toMatch(/订单 6001000000000103.*顺丰速运，运单号 SF1460012345678[\s\S]*请问商品拆封或使用过吗/);
    expect(await h.say('dee', '没拆封')).toMatch(/订单 6001000000000104 符合 7 天无理由退货/);
  });
});
