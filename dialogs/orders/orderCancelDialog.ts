/**
 * Cancel an order by the store's policy: unpaid or paid-not-shipped → cancelled on confirmation (a paid
 * one is refunded to the original payment method); shipped → refused, with refusal at the door or a return
 * after delivery offered instead.
 */
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { customerIdOf } from '../turn/customerState';
import type { CustomerProfile } from '../../services/customers/profile';
import { cancelRefusal, findOrderNumber, OrderService } from '../../services/orders';
import { nluResultOf } from '../turn/turnContracts';
import { say } from '../flow/language';
import { OrderFlowDialog } from '../flow/orderFlowDialog';
import { refusalReply } from './orderRefusals';
import { ORDER_PICKER_DIALOG, OrderPickerOptions } from '../flow/orderPickerDialog';
import { itemsShort } from '../flow/orderText';
import { money } from '../flow/format';
import { answerOf, giveUp, promptWith, validatedPrompt } from '../flow/validatedPrompt';
import { yesOrNo } from '../flow/yesNo';
import { ORDER_TEXT } from './text';

export const ORDER_CANCEL_DIALOG = 'orderCancelDialog';

function otherNumber(text: string, context: TurnContext): string | undefined {
  return findOrderNumber(text, nluResultOf(context)?.entities ?? []);
}
const FLOW = 'orderCancelFlow';
const CONFIRM_PROMPT = 'orderCancelConfirmPrompt';

export class OrderCancelDialog extends OrderFlowDialog {
  constructor(orders: OrderService, profile: StatePropertyAccessor<CustomerProfile>) {
    super(ORDER_CANCEL_DIALOG, orders, profile);
    this.add(
      // another order number instead of yes/no: "not this one, that one"
      validatedPrompt(CONFIRM_PROMPT, (text, context) => yesOrNo(text) !== undefined || otherNumber(text, context) !== undefined),
      new WaterfallDialog(FLOW, [this.pickStep.bind(this), this.confirmStep.bind(this), this.cancelStep.bind(this)]),
    );
    this.initialDialogId = FLOW;
  }

  private async pickStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options: OrderPickerOptions = { purpose: 'cancel' };
    return step.beginDialog(ORDER_PICKER_DIALOG, options);
  }

  private async confirmStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const order = await this.order(step.context, step.result);
    if (!order) return step.endDialog(step.result);
    const lang = await this.lang(step.context);
    const refused = cancelRefusal(order);
    if (refused) {
      await step.context.sendActivity(refusalReply(refused, order, lang, 'cancel'));
      return step.endDialog();
    }
    (step.values as { orderId?: string }).orderId = order._id;
    return step.prompt(CONFIRM_PROMPT, {
      ...promptWith(
        say(lang, ORDER_TEXT.confirmCancel(order._id, itemsShort(order, lang), money(order.total))),
        say(lang, ORDER_TEXT.confirmCancelRetry),
        [say(lang, ORDER_TEXT.yesCancel), say(lang, ORDER_TEXT.keepOrder)],
      ),
      // an order number answers it too (MainDialog reads `expects`)
      validations: { expects: ['order_id'] },
    });
  }

  private async cancelStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const lang = await this.lang(step.context);
    const answer = answerOf(step);
    if (answer === undefined) return giveUp(step);
    const orderId = (step.values as { orderId?: string }).orderId ?? '';
    const other = otherNumber(answer, step.context);
    // the picker reads this message again and finds the number in it
    if (other && other !== orderId) return step.replaceDialog(FLOW);
    if (yesOrNo(answer) === 'no') {
      await step.context.sendActivity(say(lang, ORDER_TEXT.orderKept(orderId)));
      return step.endDialog();
    }
    const outcome = await this.orders.cancel(customerIdOf(step.context), orderId);
    if (!outcome.ok) {
      await step.context.sendActivity(refusalReply(outcome.reason, outcome.order, lang, 'cancel'));
      return step.endDialog();
    }
    const paid = Boolean(outcome.order.paidAt);
    const refund = paid ? say(lang, ORDER_TEXT.refundOnCancel(money(outcome.order.total))) : '';
    await step.context.sendActivity(say(lang, ORDER_TEXT.cancelled(orderId, refund)).trim());
    return step.endDialog(orderId);
  }
}
