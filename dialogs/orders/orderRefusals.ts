/** Why an order cannot be changed, in words, with what the customer can do instead. */
import type { Activity } from 'botbuilder';
import type { Order, OrderRefusal } from '../../services/orders';
import { ReplyLanguage, say } from '../flow/language';
import { withChoices } from '../flow/choices';
import { ORDER_TEXT } from './text';

export function refusalReply(reason: OrderRefusal, order: Order | undefined, lang: ReplyLanguage, what: 'change' | 'cancel' | 'invoice'): Partial<Activity> {
  const id = order?._id ?? '';
  switch (reason) {
    case 'already_shipped':
      if (what === 'cancel') {
        return order?.status === 'delivered'
          ? withChoices(say(lang, ORDER_TEXT.deliveredCannotCancel(id)), [say(lang, ORDER_TEXT.returnItem)])
          : withChoices(say(lang, ORDER_TEXT.shippedCannotCancel(id)), [say(lang, ORDER_TEXT.trackOrder), say(lang, ORDER_TEXT.returnItem)]);
      }
      return withChoices(say(lang, ORDER_TEXT.shippedCannotChange(id)), [say(lang, ORDER_TEXT.trackOrder), say(lang, ORDER_TEXT.agent)]);
    case 'already_cancelled':
      return { type: 'message', text: say(lang, ORDER_TEXT.alreadyCancelled(id)) };
    case 'not_paid':
      return { type: 'message', text: say(lang, ORDER_TEXT.notPaidNoInvoice(id)) };
    case 'already_invoiced':
      return { type: 'message', text: say(lang, ORDER_TEXT.alreadyInvoiced(id, order?.invoice?.title ?? '')) };
    case 'not_found':
      return { type: 'message', text: say(lang, ORDER_TEXT.orderNotFound) };
    case 'closed':
      return { type: 'message', text: say(lang, ORDER_TEXT.orderClosed(id)) };
  }
}
