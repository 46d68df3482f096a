/** Order references as customers write them, zh and en, typos and mixed: status, recency, ordinal, number, product and brand. */
import { orderReferenceOf } from '../../../nlu/frame/orderReference';
import type { Entity } from '../../../nlu/types';

const brand = (text: string, value: string, start = 0): Entity => ({ type: 'brand', text, value, start, end: start + text.length });

describe('orderReferenceOf', () => {
  it.each([
    ['帮我把还没发货的那单取消', 'paid'],
    ['没发货那个改下地址', 'paid'],
    ['刚付款的那单', 'paid'],
    ['没付款的那单不要了', 'unpaid'],
    ['待付款那个', 'unpaid'],
    ['发了的那个', 'shipped'],
    ['发货了得那个到哪了', 'shipped'], // typo 的 → 得
    ['在路上那单', 'shipped'],
    ['还没收到的那个', 'shipped'], // not received yet is on its way, not delivered
    ['收到的那个口红断了', 'delivered'],
    ['已经签收了的那单', 'delivered'],
    ['the one that shipped', 'shipped'],
    ["the order that hasn't shipped yet", 'paid'],
    ['cancel my unpaid order', 'unpaid'],
    ['the one I already received', 'delivered'],
    ['the order that was delivered', 'delivered'],
    ["it still hasn't arrived", 'shipped'],
    ['那个order还没发货', 'paid'], // mixed
  ])('%s → status %s', (text, status) => {
    expect(orderReferenceOf(text)?.status).toBe(status);
  });

  it('a status asked about is not a reference: 发货了吗, has it shipped?', () => {
    expect(orderReferenceOf('东西发货了吗')?.status).toBeUndefined();
    expect(orderReferenceOf('收到了吗')?.status).toBeUndefined();
  });

  it.each([
    ['最近那一单', 'latest'],
    ['上一单到哪了', 'latest'],
    ['刚买的那个', 'latest'],
    ['my latest order', 'latest'],
    ['the most recent one', 'latest'],
    ['上上一单', 'earlier'],
    ['the older one', 'earlier'],
  ])('%s → recency %s', (text, recency) => {
    expect(orderReferenceOf(text)?.recency).toBe(recency);
  });

  it.each([
    ['第二单', 2],
    ['第3个订单', 3],
    ['the second one', 2],
    ['2nd order', 2],
  ])('%s → ordinal %d', (text, ordinal) => {
    expect(orderReferenceOf(text)?.ordinal).toBe(ordinal);
  });

  it('"第一次买" and "first time" are no ordinal', () => {
    expect(orderReferenceOf('第一次买你们家的单')?.ordinal).toBeUndefined();
    expect(orderReferenceOf('first time ordering here')?.ordinal).toBeUndefined();
  });

  it('takes the number from the order_id entity or a digit run, not a mobile number', () => {
    expect(orderReferenceOf('订单1688000000000102')?.number).toBe('1688000000000102');
    expect(orderReferenceOf('order 1688 0000 0000 0103')?.number).toBe('1688000000000103');
    expect(orderReferenceOf('电话改成13912345678')).toBeUndefined();
  });

  it('a brand names an order when the message speaks of one, or when an order flow asks', () => {
    expect(orderReferenceOf('雅诗兰黛那个', [brand('雅诗兰黛', 'estee-lauder')])?.brandIds).toEqual(['estee-lauder']);
    expect(orderReferenceOf('the Estee Lauder one', [brand('Estee Lauder', 'estee-lauder', 4)])?.brandIds).toEqual(['estee-lauder']);
    expect(orderReferenceOf('推荐雅诗兰黛的面霜', [brand('雅诗兰黛', 'estee-lauder', 2)])).toBeUndefined();
    expect(orderReferenceOf('雅诗兰黛', [brand('雅诗兰黛', 'estee-lauder')], { orderContext: true })?.brandIds).toEqual(['estee-lauder']);
  });

  it('says nothing for messages that name no order', () => {
    for (const text of ['你好', '推荐个面霜', '最近有什么活动', 'what is on sale']) expect(orderReferenceOf(text)).toBeUndefined();
  });
});
