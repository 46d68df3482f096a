/** Channel-neutral rich replies for the order and after-sales flows: suggested actions and the order card. */
import { ActionTypes, Activity, CardFactory, CardAction, MessageFactory } from 'botbuilder';
import type { Order } from '../../services/orders/types';
import type { ReplyLanguage } from '../language';
import { courierLine, eventLine, itemsShort, money, statusLabel } from './orderText';

/** Choices as suggested actions: the channel renders buttons, quick replies or a numbered list. */
export function withChoices(text: string, choices: (string | { title: string; value: string })[]): Partial<Activity> {
  const actions: CardAction[] = choices.map((c) =>
    typeof c === 'string' ? { type: ActionTypes.ImBack, title: c, value: c } : { type: ActionTypes.ImBack, title: c.title, value: c.value },
  );
  return MessageFactory.suggestedActions(actions, text);
}

/** The order with its timeline as a hero card; the text says the same for channels without cards. */
export function orderStatusReply(order: Order, lang: ReplyLanguage, next: string[] = []): Partial<Activity> {
  const status = statusLabel(order.status, lang);
  const courier = courierLine(order, lang);
  const timeline = [...order.timeline].sort((a, b) => new Date(b.at).getTime() - new Date(a.at).getTime());
  const lines = timeline.map((e) => eventLine(e, lang));
  const head =
    lang === 'en'
      ? `Order ${order._id} (${itemsShort(order, lang)}, ${money(order.total)}): ${status}.`
      : `订单 ${order._id}（${itemsShort(order, lang)}，${money(order.total)}）：${status}。`;
  const courierText = courier ? (lang === 'en' ? ` ${courier}.` : `${courier}。`) : '';
  const latest = lines[0] ? (lang === 'en' ? ` Latest: ${lines[0]}.` : `最新：${lines[0]}。`) : '';
  const card = CardFactory.heroCard(
    lang === 'en' ? `Order ${order._id}` : `订单 ${order._id}`,
    lines.join('\n\n'),
    undefined,
    undefined,
    { subtitle: courier ? `${status} · ${courier}` : status },
  );
  const activity: Partial<Activity> = { type: 'message', text: head + courierText + latest, attachments: [card] };
  if (next.length > 0) activity.suggestedActions = { actions: next.map((n) => ({ type: ActionTypes.ImBack, title: n, value: n })), to: [] };
  return activity;
}
