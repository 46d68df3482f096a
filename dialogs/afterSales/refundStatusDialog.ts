/** "Where is my refund?": the customer's return requests and cancelled paid orders, with their refund progress. */
import type { StatePropertyAccessor } from 'botbuilder';
import { Dialog, DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { customerIdOf } from '../turn/customerState';
import { nluResultOf } from '../turn/turnContracts';
import type { CustomerProfile } from '../../services/customers/profile';
import { findOrderNumber, OrderService } from '../../services/orders';
import type { TicketService } from '../../services/tickets';
import { say } from '../flow/language';
import { flowLanguage } from '../flow/language';
import { withChoices } from '../flow/choices';
import { cancelledRefundLine, refundLine } from './afterSalesReplies';
import { AFTER_SALES_TEXT } from './text';

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
        withChoices(say(lang, AFTER_SALES_TEXT.noRefunds(named)), [say(lang, AFTER_SALES_TEXT.returnItem), say(lang, AFTER_SALES_TEXT.agent)]),
      );
      return dc.endDialog();
    }
    await dc.context.sendActivity(say(lang, AFTER_SALES_TEXT.refundProgress(lines.join('\n'))));
    return dc.endDialog();
  }
}
