/** The order card: the order with its timeline as a hero card, and the same in text for channels without cards. */
import { ActionTypes, Activity, CardFactory } from 'botbuilder';
import type { Order } from '../../services/orders/types';
import { ReplyLanguage, say } from '../flow/language';
import { courierLine, eventLine, itemsShort, statusLabel } from '../flow/orderText';
import { money } from '../flow/format';
import { ORDER_TEXT } from './text';

/** The order with its timeline as a hero card; the text says the same for channels without cards. */
export function orderStatusReply(order: Order, lang: ReplyLanguage, next: string[] = []): Partial<Activity> {
  const status = statusLabel(order.status, lang);
  const courier = courierLine(order, lang);
  const timeline = [...order.timeline].sort((a, b) => new Date(b.at).getTime() - new Date(a.at).getTime());
  const lines = timeline.map((e) => eventLine(e, lang));
  const head = say(lang, ORDER_TEXT.cardHead(order._id, itemsShort(order, lang), money(order.total), status));
  const courierText = courier ? say(lang, ORDER_TEXT.cardCourier(courier)) : '';
  const latest = lines[0] ? say(lang, ORDER_TEXT.cardLatest(lines[0])) : '';
  const card = CardFactory.heroCard(
    say(lang, ORDER_TEXT.cardTitle(order._id)),
    lines.join('\n\n'),
    undefined,
    undefined,
    { subtitle: courier ? `${status} · ${courier}` : status },
  );
  const activity: Partial<Activity> = { type: 'message', text: head + courierText + latest, attachments: [card] };
  if (next.length > 0) activity.suggestedActions = { actions: next.map((n) => ({ type: ActionTypes.ImBack, title: n, value: n })), to: [] };
  return activity;
}
