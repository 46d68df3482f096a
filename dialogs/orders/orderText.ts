/** How orders read to the customer, zh and en: status names, timeline events, dates, item lines. */
import type { Order, OrderStatus, TimelineCode, TimelineEvent } from '../../services/orders/types';
import type { ReplyLanguage } from '../language';

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

export function statusLabel(status: OrderStatus, lang: ReplyLanguage): string {
  return STATUS[status][lang];
}

const formatters = {
  zh: new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }),
};

/** Times in China Standard Time, where the store and its couriers work. */
export function formatTime(at: Date | string, lang: ReplyLanguage): string {
  return formatters[lang].format(new Date(at));
}

export function eventLine(event: TimelineEvent, lang: ReplyLanguage): string {
  const detail = event.detail ? ` · ${event.detail}` : '';
  return `${formatTime(event.at, lang)} ${EVENTS[event.code][lang]}${detail}`;
}

/** "小棕瓶精华 等2件" — enough to recognize the order in a list. */
export function itemsShort(order: Order, lang: ReplyLanguage): string {
  const first = order.items[0];
  const title = lang === 'en' ? (first?.titleEn ?? first?.title ?? '') : (first?.title ?? '');
  const count = order.items.reduce((n, i) => n + i.quantity, 0);
  if (count <= 1) return title;
  return lang === 'en' ? `${title} + ${count - 1} more` : `${title} 等${count}件`;
}

export function money(amount: number): string {
  return `¥${amount.toFixed(2).replace(/\.00$/, '')}`;
}

export function courierLine(order: Order, lang: ReplyLanguage): string | undefined {
  if (!order.courier) return undefined;
  const name = lang === 'en' ? order.courier.nameEn : order.courier.name;
  return lang === 'en' ? `${name}, tracking number ${order.courier.trackingNo}` : `${name}，运单号 ${order.courier.trackingNo}`;
}
