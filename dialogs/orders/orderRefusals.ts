/** Why an order cannot be changed, in words, with what the customer can do instead. */
import type { Activity } from 'botbuilder';
import type { Order, OrderRefusal } from '../../services/orders';
import { ReplyLanguage, say } from '../language';
import { withChoices } from './replies';

export function refusalReply(reason: OrderRefusal, order: Order | undefined, lang: ReplyLanguage, what: 'change' | 'cancel' | 'invoice'): Partial<Activity> {
  const id = order?._id ?? '';
  switch (reason) {
    case 'already_shipped':
      if (what === 'cancel') {
        return order?.status === 'delivered'
          ? withChoices(say(lang, `订单 ${id} 已签收，无法取消了。签收 7 天内未拆封的商品可以申请无理由退货。`, `Order ${id} has been delivered, so it can no longer be cancelled. Unopened items can be returned within 7 days of delivery.`), [say(lang, '申请退货', 'Return an item')])
          : withChoices(
              say(lang, `订单 ${id} 已经发货，暂时无法取消。您可以在派送时拒收，或签收后 7 天内申请无理由退货（未拆封）。`, `Order ${id} has already shipped, so it cannot be cancelled. You can refuse the parcel at delivery, or return it (unopened) within 7 days after delivery.`),
              [say(lang, '查看物流', 'Track order'), say(lang, '申请退货', 'Return an item')],
            );
      }
      return withChoices(
        say(lang, `订单 ${id} 已经发货，收货信息无法再修改了。可以联系快递员改派，或转人工帮您协调。`, `Order ${id} has already shipped, so the delivery details can no longer be changed. The courier can redirect it, or an agent can help.`),
        [say(lang, '查看物流', 'Track order'), say(lang, '转人工', 'Agent')],
      );
    case 'already_cancelled':
      return { type: 'message', text: say(lang, `订单 ${id} 已经取消了。`, `Order ${id} is already cancelled.`) };
    case 'not_paid':
      return { type: 'message', text: say(lang, `订单 ${id} 还未付款，付款后才能申请发票哦。`, `Order ${id} is not paid yet; invoices are issued after payment.`) };
    case 'already_invoiced':
      return {
        type: 'message',
        text: say(lang, `订单 ${id} 已经申请过发票（抬头：${order?.invoice?.title ?? ''}），开具后可在订单详情下载。`, `An invoice was already requested for order ${id} (title: ${order?.invoice?.title ?? ''}); you can download it from the order page once issued.`),
      };
    case 'not_found':
      return { type: 'message', text: say(lang, '没有找到这个订单。', 'I could not find that order.') };
    case 'closed':
      return { type: 'message', text: say(lang, `订单 ${id} 已关闭或在售后中，无法办理，可以转人工咨询。`, `Order ${id} is closed or in after-sales; an agent can help with it.`) };
  }
}
