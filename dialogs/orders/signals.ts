/**
 * Routes of the orders area taken on what the message says rather than its intent: a bare order number
 * shows that order; a parcel question that names an order ("where is the Estee Lauder one") tracks it even
 * when the classifier reads a product name as a product question.
 */
import type { TurnContext } from 'botbuilder';
import { orderReferenceOf } from '../../nlu/frame/orderReference';
import type { Intent } from '../../nlu/types';
import { isOrderNumber } from '../../services/orders';
import type { SignalRoute } from '../flow/area';
import { isLogisticsQuestion } from '../flow/orderReference';
import { nluResultOf } from '../turn/turnContracts';

/** A message that is only an order number ("1688000000000102", "订单号：1688…", "order #1688…"). */
const BARE_ORDER_NUMBER = /^(?:订单号?|单号|我的订单|查一?下?|order(?:\s*(?:number|no\.?|id))?|#)?\s*[:：#]?\s*(\d[\d\s-]{8,24}\d)\s*[。.!！?？~～]*$/i;

/** Intents whose own flows find the order themselves. */
const ORDER_INTENTS: Intent[] = ['order_status', 'order_change', 'order_cancel', 'invoice', 'return_refund', 'refund_status', 'quality_issue', 'complaint', 'human_agent'];

export function bareOrderNumber(text: string): string | undefined {
  const match = BARE_ORDER_NUMBER.exec(text.trim());
  const digits = match?.[1].replace(/[\s-]/g, '');
  return digits && isOrderNumber(digits) ? digits : undefined;
}

/** "where is the Estee Lauder one", "雅诗兰黛那单到哪了": a parcel question naming one of the customer's orders. */
export function tracksNamedOrder(text: string, context: TurnContext): boolean {
  const nlu = nluResultOf(context);
  if (!nlu || ORDER_INTENTS.includes(nlu.intent) || !isLogisticsQuestion(text)) return false;
  const reference = orderReferenceOf(text, nlu.entities);
  return Boolean(reference && !reference.number);
}

export function orderSignals(statusDialogId: string): SignalRoute[] {
  return [
    { dialogId: statusDialogId, matches: (context) => bareOrderNumber(context.activity.text ?? '') !== undefined },
    { dialogId: statusDialogId, matches: (context) => tracksNamedOrder(context.activity.text ?? '', context) },
  ];
}
