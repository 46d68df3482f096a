/** Matching what was said against the demo customer's orders: one → that order, several → just those, none → none. */
import { isLogisticsQuestion, listOrder, matchOrders, orderCueOf, OrderPurpose } from '../../../dialogs/flow/orderReference';
import type { Entity } from '../../../nlu/types';
import { demoOrders } from '../../../services/orders/demo/demoOrders';

const all = [...demoOrders('c1')].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
const id = (n: number) => `1688000000000${n}`;
const entity = (type: string, text: string, value: string): Entity => ({ type, text, value, start: 0, end: text.length });

function matched(text: string, purpose: OrderPurpose, entities: Entity[] = [], listed: string[] = []): string[] {
  const m = matchOrders(all, orderCueOf(text, entities), purpose, listed);
  return m.kind === 'one' ? [m.order._id] : m.kind === 'several' ? m.orders.map((o) => o._id) : [];
}

describe('matchOrders', () => {
  it('by status: one match', () => {
    expect(matched('帮我把还没发货的那单取消', 'cancel')).toEqual([id(102)]);
    expect(matched('the one that shipped', 'change')).toEqual([id(103)]);
    expect(matched('发货了得那个', 'status')).toEqual([id(103)]);
  });

  it('by status: several, newest first', () => {
    expect(matched('收到的那个', 'quality')).toEqual([id(104), id(105)]);
  });

  it('by brand, product name or category words in the item titles', () => {
    expect(matched('雅诗兰黛那个', 'invoice', [entity('brand', '雅诗兰黛', 'estee-lauder')])).toEqual([id(103)]);
    expect(matched('the Estee Lauder one', 'status', [entity('brand', 'Estee Lauder', 'estee-lauder')])).toEqual([id(103)]);
    expect(matched('卡诗洗发水想退货', 'return', [entity('category', '洗发水', 'shampoo')])).toEqual([id(105)]);
    expect(matched('口红那单', 'return', [entity('category', '口红', '口红')])).toEqual([id(104)]); // the title says 唇膏
    expect(matched('the lipstick', 'return', [entity('category', 'lipstick', 'lipstick')])).toEqual([id(104)]);
    expect(matched('my serum orders', 'status')).toEqual([id(102), id(103)]);
  });

  it('a brand with no order, or a status with no order, matches none', () => {
    expect(matched('兰蔻那单', 'status', [entity('brand', '兰蔻', 'lancome')])).toEqual([]);
    const rest = all.filter((o) => o.status !== 'unpaid');
    expect(matchOrders(rest, orderCueOf('没付款的那单', []), 'cancel').kind).toBe('none');
  });

  it('recency and ordinals', () => {
    expect(matched('最近那一单', 'status')).toEqual([id(101)]);
    expect(matched('my latest order', 'return')).toEqual([id(104)]); // the latest of the delivered ones
    expect(matched('第二单', 'status', [], [id(103), id(102), id(101)])).toEqual([id(102)]); // in the list shown
  });

  it('without a reference, the flow decides: parcels → shipped; cancel → unpaid and paid; returns → delivered', () => {
    expect(matched('where is my parcel', 'logistics')).toEqual([id(103)]);
    expect(matched('取消订单', 'cancel')).toEqual([id(101), id(102)]);
    expect(matched('我要退货', 'return')).toEqual([id(104), id(105)]);
    expect(matched('查订单', 'status')).toHaveLength(5);
    // nothing shipped yet: a parcel question looks at the paid order
    const unshipped = all.filter((o) => o.status === 'unpaid' || o.status === 'paid');
    const m = matchOrders(unshipped, orderCueOf('我的快递到哪了', []), 'logistics');
    expect(m.kind === 'one' && m.order._id).toBe(id(102));
  });

  it('lists the preferred statuses first', () => {
    expect(listOrder(all, 'return').map((o) => o._id)).toEqual([id(104), id(105), id(103), id(101), id(102)]);
  });
});

describe('isLogisticsQuestion', () => {
  it.each(['东西发了吗 物流到哪了', '我的快递到哪了', 'where is my parcel', 'where is my order', '什么时候到', 'tracking number?'])('%s', (text) => {
    expect(isLogisticsQuestion(text)).toBe(true);
  });
  it.each(['查订单', '取消订单', 'check my orders', '我要开发票'])('not %s', (text) => {
    expect(isLogisticsQuestion(text)).toBe(false);
  });
});
