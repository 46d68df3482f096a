/** "Where is my refund?": the customer's return requests and cancelled paid orders, with their refund progress. */
import type { StatePropertyAccessor } from 'botbuilder';
import { Dialog, DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { customerIdOf } from '../turn/customerState';
import { nluResultOf } from '../turn/turnContracts';
import type { CustomerProfile } from '../../services/customers/profile';
import { findOrderNumber, OrderService } from '../../services/orders';
import type { TicketService } from '../../services/tickets';
import { say } from '../language';
import { flowLanguage } from '../orders/flowLanguage';
import { withChoices } from '../orders/replies';
import { cancelledRefundLine, refundLine } from './afterSalesText';

export const REFUND_STATUS_DIALOG = 'refundStatusDialog';

export class RefundStatusDialog extends Dialog {
  constructor(
    private readonly orders: OrderService,
    private readonly tickets: TicketService,
    private readonly profile: StatePropertyAccessor<CustomerProfile>,
  ) {
    super(REFUND_STATUS_DIALOG);
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const lang = await flowLanguage(dc.context, this.profile);
    const customerId = customerIdOf(dc.context);
    const named = findOrderNumber(dc.context.activity.text ?? '', nluResultOf(dc.context)?.entities ?? []);
    const returns = (await this.tickets.forCustomer(customerId, 'return')).filter((t) => !named || t.orderId === named);
    const cancelled = (await this.orders.recent(customerId, 10, ['cancelled'])).filter((o) => o.paidAt && (!named || o._id === named));
    const lines = [...returns.map((t) => refundLine(t, lang)), ...cancelled.map((o) => cancelledRefundLine(o, lang))];
    if (lines.length === 0) {
      await dc.context.sendActivity(
        withChoices(
          say(lang, `暂时没有查到${named ? `订单 ${named} 的` : '您的'}退款记录。如需退货，可以先申请退货。`, `I found no refunds${named ? ` for order ${named}` : ''}. If you want to return something, I can start a return.`),
          [say(lang, '申请退货', 'Return an item'), say(lang, '转人工', 'Agent')],
        ),
      );
      return dc.endDialog();
    }
    await dc.context.sendActivity(say(lang, `您的退款进度：\n${lines.join('\n')}`, `Your refunds:\n${lines.join('\n')}`));
    return dc.endDialog();
  }
}
