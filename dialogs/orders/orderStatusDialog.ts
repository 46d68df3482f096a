/** "Where is my order?": the order's status, courier, tracking number and timeline as a card. */
import type { StatePropertyAccessor } from 'botbuilder';
import { DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import type { CustomerProfile } from '../../services/customers/profile';
import type { Order, OrderService } from '../../services/orders';
import { ReplyLanguage, say } from '../flow/language';
import { OrderFlowDialog } from '../flow/orderFlowDialog';
import { ORDER_PICKER_DIALOG, OrderPickerOptions } from '../flow/orderPickerDialog';
import { isLogisticsQuestion } from '../flow/orderReference';
import { orderStatusReply } from './orderReplies';
import { ORDER_TEXT } from './text';

export const ORDER_STATUS_DIALOG = 'orderStatusDialog';
const FLOW = 'orderStatusFlow';

/** What the customer can usually do next with an order in this status. */
function nextActions(order: Order, lang: ReplyLanguage): string[] {
  switch (order.status) {
    case 'unpaid':
    case 'paid':
      return [say(lang, ORDER_TEXT.changeAddress), say(lang, ORDER_TEXT.cancelOrder)];
    case 'shipped':
      return [say(lang, ORDER_TEXT.agent)];
    case 'delivered':
      return [say(lang, ORDER_TEXT.returnItem), say(lang, ORDER_TEXT.invoice)];
    default:
      return [];
  }
}

export class OrderStatusDialog extends OrderFlowDialog {
  constructor(orders: OrderService, profile: StatePropertyAccessor<CustomerProfile>) {
    super(ORDER_STATUS_DIALOG, orders, profile);
    this.add(new WaterfallDialog(FLOW, [this.pickStep.bind(this), this.showStep.bind(this)]));
    this.initialDialogId = FLOW;
  }

  private async pickStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options: OrderPickerOptions = { purpose: isLogisticsQuestion(step.context.activity.text ?? '') ? 'logistics' : 'status' };
    return step.beginDialog(ORDER_PICKER_DIALOG, options);
  }

  private async showStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const order = await this.order(step.context, step.result);
    if (!order) return step.endDialog(step.result);
    const lang = await this.lang(step.context);
    await step.context.sendActivity(orderStatusReply(order, lang, nextActions(order, lang)));
    return step.endDialog(order._id);
  }
}
