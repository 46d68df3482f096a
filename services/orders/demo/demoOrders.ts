/**
 * The demo customer's orders (app channel userId `demo`), one in each state a customer asks about.
 * Dates are relative to the moment of seeding, so "delivered 3 days ago" is inside the 7-day return
 * window and "delivered 12 days ago" is outside it. Items are products of the demo catalogue (knowledge/demo).
 */
import type { Order, OrderItem, TimelineEvent } from '../types';

export const DEMO_USER = { channelId: 'app', userId: 'demo' } as const;

/** The numbers the README and the demo script quote. */
export const DEMO_ORDER_IDS = {
  unpaid: '1688000000000101',
  paidNotShipped: '1688000000000102',
  shipped: '1688000000000103',
  deliveredRecently: '1688000000000104',
  deliveredLongAgo: '1688000000000105',
} as const;

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

const ITEMS = {
  sunscreen: { productId: 'sk-0024', title: '薇诺娜清透防晒乳 SPF48 PA+++ 50g', titleEn: 'WINONA Clear Sunscreen SPF48 PA+++ 50g', quantity: 1, price: 178, cosmetic: true },
  proXylane: { productId: 'sk-0006', title: '初研玻色因紧致修护精华 30ml', titleEn: 'Pure Origin Pro-Xylane Firming Serum 30ml', quantity: 1, price: 299, cosmetic: true },
  cleanser: { productId: 'sk-0017', title: '初研氨基酸温和洁面乳 120g', titleEn: 'Pure Origin Amino Acid Gentle Cleanser 120g', quantity: 1, price: 79, cosmetic: true },
  anr: { productId: 'sk-0001', title: '雅诗兰黛特润修护肌活精华露 50ml', titleEn: 'Estée Lauder Advanced Night Repair Serum 50ml', quantity: 1, price: 1020, cosmetic: true },
  dior999: { productId: 'mk-0004', title: '迪奥烈艳蓝金唇膏 3.5g', titleEn: 'Dior Rouge Dior Lipstick 3.5g', quantity: 1, price: 350, shade: '999', cosmetic: true },
  macBlush: { productId: 'mk-0008', title: 'MAC魅可胭脂腮红 6g', titleEn: 'M·A·C Powder Blush 6g', quantity: 1, price: 220, shade: 'Frankly Scarlet', cosmetic: true },
  kerastase: { productId: 'hc-0001', title: '卡诗黑钻钥源洗发水 250ml', titleEn: 'Kérastase Chronologiste Shampoo 250ml', quantity: 1, price: 360, cosmetic: true },
} satisfies Record<string, OrderItem>;

/** the timeline details in English (hubs, how the parcel was signed for) */
const DETAILS_EN: Record<string, string> = {
  杭州仓: 'Hangzhou warehouse',
  杭州转运中心: 'Hangzhou sorting centre',
  上海浦东集散中心: 'Shanghai Pudong hub',
  徐汇漕河泾营业点: 'Xuhui Caohejing depot',
  本人签收: 'signed for by the recipient',
  广州仓: 'Guangzhou warehouse',
  快递柜签收: 'left in a parcel locker',
};

const SHIPPING = { name: '林女士', phone: '13900001234', address: '上海市徐汇区漕溪北路88号3号楼1201室' };

function order(id: string, customerId: string, items: OrderItem[], events: TimelineEvent[], extra: Partial<Order>): Order {
  const at = (code: TimelineEvent['code']) => events.find((e) => e.code === code)?.at;
  const last = events[events.length - 1].at;
  return {
    _id: id,
    customerId,
    status: 'unpaid',
    items,
    total: items.reduce((sum, i) => sum + i.price * i.quantity, 0),
    createdAt: events[0].at,
    ...(at('paid') ? { paidAt: at('paid') } : {}),
    ...(at('shipped') ? { shippedAt: at('shipped') } : {}),
    ...(at('delivered') ? { deliveredAt: at('delivered') } : {}),
    shipping: { ...SHIPPING },
    timeline: events,
    updatedAt: last,
    ...extra,
  };
}

export function demoOrders(customerId: string, now = new Date()): Order[] {
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const ev = (code: TimelineEvent['code'], ms: number, detail?: string): TimelineEvent =>
    detail ? { at: ago(ms), code, detail, ...(DETAILS_EN[detail] ? { detailEn: DETAILS_EN[detail] } : {}) } : { at: ago(ms), code };
  return [
    order(DEMO_ORDER_IDS.unpaid, customerId, [ITEMS.sunscreen], [ev('created', 20 * 60 * 1000)], { status: 'unpaid' }),
    order(DEMO_ORDER_IDS.paidNotShipped, customerId, [ITEMS.proXylane, ITEMS.cleanser], [ev('created', 26 * HOUR), ev('paid', 26 * HOUR - 2 * 60 * 1000)], { status: 'paid' }),
    order(
      DEMO_ORDER_IDS.shipped,
      customerId,
      [ITEMS.anr],
      [
        ev('created', 3 * DAY),
        ev('paid', 3 * DAY - 5 * 60 * 1000),
        ev('shipped', 2 * DAY, '杭州仓'),
        ev('in_transit', 36 * HOUR, '杭州转运中心'),
        ev('in_transit', 8 * HOUR, '上海浦东集散中心'),
        ev('out_for_delivery', 1 * HOUR, '徐汇漕河泾营业点'),
      ],
      { status: 'shipped', courier: { name: '顺丰速运', nameEn: 'SF Express', trackingNo: 'SF1460012345678' } },
    ),
    order(
      DEMO_ORDER_IDS.deliveredRecently,
      customerId,
      [ITEMS.dior999, ITEMS.macBlush],
      [ev('created', 7 * DAY), ev('paid', 7 * DAY - 3 * 60 * 1000), ev('shipped', 5 * DAY, '杭州仓'), ev('in_transit', 4 * DAY, '上海浦东集散中心'), ev('delivered', 3 * DAY, '本人签收')],
      { status: 'delivered', courier: { name: '中通快递', nameEn: 'ZTO Express', trackingNo: '78312345678901' } },
    ),
    order(
      DEMO_ORDER_IDS.deliveredLongAgo,
      customerId,
      [ITEMS.kerastase],
      [ev('created', 16 * DAY), ev('paid', 16 * DAY - 60 * 1000), ev('shipped', 15 * DAY, '广州仓'), ev('delivered', 12 * DAY, '快递柜签收')],
      { status: 'delivered', courier: { name: '京东物流', nameEn: 'JD Logistics', trackingNo: 'JDVB28765432101' } },
    ),
  ];
}
