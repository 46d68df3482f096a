/**
 * How orders read to the customer, zh and en side by side: status names, timeline events, item and courier
 * lines, and what the order picker shared by the order and after-sales flows says.
 */
import type { Order, OrderStatus, TimelineCode, TimelineEvent } from '../../services/orders/types';
import { ReplyLanguage, say, Wording } from './language';
import { formatTime } from './format';

export const ORDER_FLOW_TEXT = {
  // item and courier lines
  moreItems: (title: string, count: number) => ({ zh: `${title} 等${count}件`, en: `${title} + ${count - 1} more` }),
  courier: (name: string, trackingNo: string) => ({ zh: `${name}，运单号 ${trackingNo}`, en: `${name}, tracking number ${trackingNo}` }),

  // the order picker (orderPickerDialog.ts)
  // the number is not repeated: whoever typed it learns nothing, not even that it was read as an order
  notInAccount: {
    zh: '您的账户下没有这个订单号，请核对一下～',
    en: 'That order number is not in your account; please check it.',
  },
  noOrders: {
    zh: '您的账户下暂时没有订单哦。如果是在其他账号下的单，可以直接发订单号给我。',
    en: 'I cannot find any orders in your account. If you ordered with another account, send me the order number.',
  },
  /** `list` is the numbered orders, one a line */
  whichOrder: (list: string) => ({
    zh: `请问是哪个订单呢？点选下面的订单，或直接发送订单号：\n${list}`,
    en: `Which order is it? Tap one below or send the order number:\n${list}`,
  }),
  /** an order picked from what the customer said (no number): named before the flow goes on */
  thisOrder: (id: string, items: string, status: string) => ({
    zh: `好的，是这一单：订单 ${id}（${items} · ${status}）。`,
    en: `OK, that is order ${id} (${items} · ${status}).`,
  }),
  /** the customer named orders by status and has none in it */
  noOrderInStatus: (status: string) => ({ zh: `您没有${status}的订单哦。`, en: `You have no orders that are ${status}.` }),
  noOrderMatches: {
    zh: '您的订单里没有找到对应的那一单哦。',
    en: 'None of your orders matches that.',
  },
  /** `list` is the numbered orders that match, one a line */
  whichOfThese: (list: string) => ({
    zh: `有几单符合，请问是哪一单呢？点选下面的订单，或直接发送订单号：\n${list}`,
    en: `A few orders match. Which one is it? Tap one below or send the order number:\n${list}`,
  }),
  whichOrderRetry: (example: string) => ({
    zh: `没有找到这个订单哦。请点选下面的订单，或发送订单号，例如 ${example}`,
    en: `I could not find that order. Tap one below or send its number, for example ${example}.`,
  }),
} satisfies Record<string, Wording | ((...args: never[]) => Wording)>;

const STATUS: Record<OrderStatus, { zh: string; en: string }> = {
  unpaid: { zh: '待付款', en: 'Awaiting payment' },
  paid: { zh: '已付款，待发货', en: 'Paid, not shipped yet' },
  shipped: { zh: '已发货', en: 'Shipped' },
  delivered: { zh: '已签收', en: 'Delivered' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
  returning: { zh: '退货中', en: 'Return in progress' },
  refunded: { zh: '已退款', en: 'Refunded' },
};

const EVENTS: Record<TimelineCode, { zh: string; en: string }> = {
  created: { zh: '订单已提交', en: 'Order placed' },
  paid: { zh: '已付款', en: 'Paid' },
  shipped: { zh: '已发货', en: 'Shipped' },
  in_transit: { zh: '运输中', en: 'In transit' },
  out_for_delivery: { zh: '派送中', en: 'Out for delivery' },
  delivered: { zh: '已签收', en: 'Delivered' },
  cancelled: { zh: '订单已取消', en: 'Cancelled' },
  address_changed: { zh: '收货地址已修改', en: 'Address changed' },
  phone_changed: { zh: '收货电话已修改', en: 'Phone number changed' },
  invoice_requested: { zh: '已申请发票', en: 'Invoice requested' },
  return_requested: { zh: '已申请退货', en: 'Return requested' },
  refunded: { zh: '已退款', en: 'Refunded' },
};

/** How a status reads inside "您没有…的订单" / "no orders that are …" (the statuses a customer names orders by). */
const STATUS_NAMED: Record<'unpaid' | 'paid' | 'shipped' | 'delivered', { zh: string; en: string }> = {
  unpaid: { zh: '待付款', en: 'awaiting payment' },
  paid: { zh: '还没发货', en: 'paid and not shipped yet' },
  shipped: { zh: '已发货（在路上）', en: 'shipped and on their way' },
  delivered: { zh: '已签收', en: 'delivered' },
};

export function namedStatus(status: keyof typeof STATUS_NAMED, lang: ReplyLanguage): string {
  return STATUS_NAMED[status][lang];
}

export function statusLabel(status: OrderStatus, lang: ReplyLanguage): string {
  return STATUS[status][lang];
}

export function eventLine(event: TimelineEvent, lang: ReplyLanguage): string {
  // a Chinese hub name would leak into an English reply: English shows the English detail or none
  const shown = lang === 'en' ? event.detailEn : event.detail;
  const detail = shown ? ` · ${shown}` : '';
  return `${formatTime(event.at, lang)} ${EVENTS[event.code][lang]}${detail}`;
}

/** "小棕瓶精华 等2件" — enough to recognize the order in a list. */
export function itemsShort(order: Order, lang: ReplyLanguage): string {
  const first = order.items[0];
  const title = say(lang, { zh: first?.title ?? '', en: first?.titleEn ?? first?.title ?? '' });
  const count = order.items.reduce((n, i) => n + i.quantity, 0);
  if (count <= 1) return title;
  return say(lang, ORDER_FLOW_TEXT.moreItems(title, count));
}

export function courierLine(order: Order, lang: ReplyLanguage): string | undefined {
  if (!order.courier) return undefined;
  const name = say(lang, { zh: order.courier.name, en: order.courier.nameEn });
  return say(lang, ORDER_FLOW_TEXT.courier(name, order.courier.trackingNo));
}
