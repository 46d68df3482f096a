/** Order status conversations (zh, en): number in the message or picked from recent orders; bad answers; cross-channel. */
import type { Attachment } from 'botbuilder';
import { flowHarness, suggested } from './flowHarness';

const SHIPPED = '1688000000000103';

const h = flowHarness({
  我的快递到哪了: 'order_status',
  查物流: 'order_status',
  'where is my order': 'order_status',
  查订单: 'order_status',
  // the real NLU marks any order-shaped number; a number of someone else's answers the pick like one's own
  '2001000000000103': { intent: 'other', entities: [{ type: 'order_id', text: '2001000000000103', value: '2001000000000103', start: 0, end: 16 }] },
  'check my orders': 'order_status',
  [`订单${SHIPPED}到哪了`]: { intent: 'order_status', entities: [{ type: 'order_id', text: SHIPPED, value: SHIPPED, start: 2, end: 18 }] },
});

describe('order status', () => {
  beforeAll(async () => {
    await h.seedOrders('amy');
    await h.seedOrders('ben', '2001');
  });

  it('zh: a parcel question with one shipped order shows it at once, not the other orders', async () => {
    const replies = await h.send('amy', '我的快递到哪了');
    expect(replies.map((a) => a.text).join()).not.toMatch(/请问是哪个订单|1688000000000101/);
    expect(replies[0].text).toMatch(/订单 1688000000000103.*已发货.*顺丰速运，运单号 SF1460012345678/);
  });

  it('zh: asks which order with the recent orders as suggested actions, then shows courier, tracking number and timeline', async () => {
    const ask = await h.send('amy', '查订单');
    expect(ask.map((a) => a.text).join()).toMatch(/请问是哪个订单/);
    expect(suggested(ask)).toEqual(expect.arrayContaining([SHIPPED, '1688000000000102', '1688000000000101']));

    const [status] = await h.send('amy', SHIPPED);
    expect(status.text).toMatch(/订单 1688000000000103.*已发货/);
    expect(status.text).toMatch(/顺丰速运，运单号 SF1460012345678/);
    expect(status.text).toMatch(/派送中/);
    const card = (status.attachments as Attachment[])[0];
    expect(card.contentType).toBe('application/vnd.microsoft.card.hero');
    expect(card.content.text).toMatch(/上海浦东集散中心[\s\S]*杭州转运中心[\s\S]*订单已提交/);
  });

  it('zh: takes the order number from the message (NLU order_id entity) without asking', async () => {
    const replies = await h.send('amy', `订单${SHIPPED}到哪了`);
    expect(replies).toHaveLength(1);
    expect(replies[0].text).toMatch(/SF1460012345678/);
  });

  it('en: picks by position in the list and answers in English', async () => {
    const ask = await h.say('ben', 'check my orders');
    expect(ask).toMatch(/Which order is it\?/);
    expect(ask).toMatch(/1\. 2001000000000101[^\n]*\n2\. 2001000000000102[^\n]*\n3\. 2001000000000103/); // newest first
    const status = await h.say('ben', 'the third one');
    expect(status).toMatch(/Order 2001000000000103 .*Shipped\. SF Express, tracking number SF1460012345678/);
  });

  it('re-prompts a bad answer with an example, never shows another customer\'s order, and offers a human after three misses', async () => {
    await h.say('amy', '查订单');
    expect(await h.say('amy', '不知道')).toMatch(/没有找到这个订单哦.*例如 1688000000000101/);
    // ben's order is "not found" for amy
    const other = await h.say('amy', '2001000000000103');
    expect(other).toMatch(/没有找到这个订单/);
    expect(other).not.toMatch(/SF1460012345678/);
    expect(await h.say('amy', '随便')).toMatch(/转接人工客服吗/);
  });

  it('tells a customer without orders so', async () => {
    expect(await h.say('nobody', '我的快递到哪了')).toMatch(/暂时没有订单/);
  });
});

describe('order status across channels', () => {
  it('starts on the app, continues on Telegram after the identities are linked (app customer survives)', async () => {
    await h.seedOrders('cara', '3001');
    expect(await h.say('cara', '查订单')).toMatch(/请问是哪个订单/);
    await h.directory.link({ channelId: 'app', userId: 'cara' }, { channelId: 'telegram', userId: 'tg-cara' });
    expect(await h.say('tg-cara', '3001000000000103', 'telegram')).toMatch(/SF1460012345678/);
  });

  it('continues when a first-time channel identity survives the link: orders and the open question move over', async () => {
    await h.seedOrders('dan', '4001');
    expect(await h.say('dan', 'check my orders')).toMatch(/Which order/);
    await h.directory.link({ channelId: 'telegram', userId: 'tg-dan' }, { channelId: 'app', userId: 'dan' });
    expect(await h.say('tg-dan', '4001000000000103', 'telegram')).toMatch(/SF Express, tracking number SF1460012345678/);
  });
});
