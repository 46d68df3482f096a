/**
 * Self-service returns: which order → eligibility by policy (7天无理由 within 7 days of delivery and
 * unopened; opened cosmetics only for quality reasons, through the quality process) → a return request
 * (ticket with the refund it leads to) with the steps to send the parcel back.
 */
import type { StatePropertyAccessor } from 'botbuilder';
import { DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { customerIdOf } from '../turn/customerState';
import type { CustomerProfile } from '../../services/customers/profile';
import type { Order, OrderService } from '../../services/orders';
import { Eligibility, returnEligibility, TicketService } from '../../services/tickets';
import { ReplyLanguage, say } from '../language';
import { OrderFlowDialog } from '../orders/orderFlowDialog';
import { ORDER_PICKER_DIALOG, OrderPickerOptions } from '../orders/orderPickerDialog';
import { money } from '../orders/orderText';
import { withChoices } from '../orders/replies';
import { answerOf, giveUp, promptWith, validatedPrompt, yesOrNo } from '../orders/validatedPrompt';
import { refundLine, returnSteps } from './afterSalesText';

export const RETURN_DIALOG = 'returnDialog';
const FLOW = 'returnFlow';
const OPENED_PROMPT = 'returnOpenedPrompt';
const CONFIRM_PROMPT = 'returnConfirmPrompt';

interface ReturnValues {
  firstText?: string;
  orderId?: string;
}

/** "没拆封" before "拆封": the negative forms contain the positive word. */
export function openedOf(text: string): boolean | undefined {
  if (/未拆|没拆|没有拆|没开|没有开|没用|没有用|未开|未使用|全新|unopened|not opened|never opened|sealed|unused|brand new/i.test(text)) return false;
  if (/已拆|拆了|拆封|拆开|开封|用过|用了|试用|opened|used|tried/i.test(text)) return true;
  return undefined;
}

export class ReturnDialog extends OrderFlowDialog {
  constructor(
    orders: OrderService,
    private readonly tickets: TicketService,
    profile: StatePropertyAccessor<CustomerProfile>,
  ) {
    super(RETURN_DIALOG, orders, profile);
    this.add(
      validatedPrompt(OPENED_PROMPT, (text) => openedOf(text) !== undefined),
      validatedPrompt(CONFIRM_PROMPT, (text) => yesOrNo(text) !== undefined),
      new WaterfallDialog(FLOW, [this.pickStep.bind(this), this.openedStep.bind(this), this.eligibilityStep.bind(this), this.requestStep.bind(this)]),
    );
    this.initialDialogId = FLOW;
  }

  private async pickStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    (step.values as ReturnValues).firstText = step.context.activity.text ?? '';
    const options: OrderPickerOptions = { prefer: ['delivered'] };
    return step.beginDialog(ORDER_PICKER_DIALOG, options);
  }

  private async openedStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as ReturnValues;
    const order = await this.order(step.context, step.result);
    if (!order) return step.endDialog(step.result);
    const lang = await this.lang(step.context);
    // refusals that do not depend on the packaging come first
    const early = returnEligibility(order, false);
    if (!early.eligible) return this.refuse(step, order, early, lang);
    values.orderId = order._id;
    const opened = openedOf(values.firstText ?? '');
    if (opened !== undefined) return step.next(opened);
    return step.prompt(
      OPENED_PROMPT,
      promptWith(
        say(lang, '请问商品拆封或使用过吗？', 'Has the item been opened or used?'),
        say(lang, '请回复「未拆封」或「已拆封」。', 'Please answer "unopened" or "opened".'),
        [say(lang, '未拆封', 'Unopened'), say(lang, '已拆封', 'Opened')],
      ),
    );
  }

  private async eligibilityStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as ReturnValues;
    const lang = await this.lang(step.context);
    const opened = typeof step.result === 'boolean' ? step.result : openedOf(answerOf(step) ?? '');
    if (opened === undefined) return giveUp(step);
    const order = await this.order(step.context, values.orderId);
    if (!order) return step.endDialog();
    const eligibility = returnEligibility(order, opened);
    if (!eligibility.eligible) return this.refuse(step, order, eligibility, lang);
    return step.prompt(
      CONFIRM_PROMPT,
      promptWith(
        say(
          lang,
          `订单 ${order._id} 符合 7 天无理由退货（还剩 ${eligibility.daysLeft} 天），退款金额 ${money(order.total)}。确认申请退货吗？`,
          `Order ${order._id} qualifies for a 7-day no-reason return (${eligibility.daysLeft} day(s) left); refund ${money(order.total)}. Shall I register the return?`,
        ),
        say(lang, '请回复「确认退货」或「不用了」。', 'Please answer "yes" or "no".'),
        [say(lang, '确认退货', 'Yes, return it'), say(lang, '不用了', 'No')],
      ),
    );
  }

  private async requestStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as ReturnValues;
    const lang = await this.lang(step.context);
    const answer = answerOf(step);
    if (answer === undefined) return giveUp(step);
    if (yesOrNo(answer) === 'no') {
      await step.context.sendActivity(say(lang, '好的，不退了。还有其他可以帮您的吗？', 'OK, no return. Anything else I can help with?'));
      return step.endDialog();
    }
    const customerId = customerIdOf(step.context);
    const order = await this.order(step.context, values.orderId);
    if (!order) return step.endDialog();
    const existing = await this.tickets.openFor(customerId, order._id, 'return');
    const ticket = existing ?? (await this.tickets.create({ customerId, type: 'return', orderId: order._id, refundAmount: order.total, description: 'no-reason return' }));
    if (!existing) await this.orders.markAfterSale(order._id, 'returning');
    await step.context.sendActivity(returnSteps(ticket, order, lang));
    return step.endDialog({ ticketId: ticket._id });
  }

  private async refuse(step: WaterfallStepContext, order: Order, result: Exclude<Eligibility, { eligible: true }>, lang: ReplyLanguage): Promise<DialogTurnResult> {
    const quality = say(lang, '商品有质量问题', 'Quality problem');
    const agent = say(lang, '转人工', 'Agent');
    switch (result.reason) {
      case 'not_delivered_cancel':
        await step.context.sendActivity(withChoices(say(lang, `订单 ${order._id} 还没有发货，不用退货，直接取消订单就可以，已付款项会原路退回。`, `Order ${order._id} has not shipped yet, so there is nothing to return: you can simply cancel it and any payment is refunded.`), [say(lang, '取消订单', 'Cancel order')]));
        break;
      case 'in_transit':
        await step.context.sendActivity(withChoices(say(lang, `订单 ${order._id} 还在配送中。您可以拒收，或签收后 7 天内申请无理由退货（未拆封）。`, `Order ${order._id} is still on its way. You can refuse it at the door, or return it (unopened) within 7 days after delivery.`), [say(lang, '查看物流', 'Track order')]));
        break;
      case 'window_passed':
        await step.context.sendActivity(withChoices(say(lang, `订单 ${order._id} 已签收 ${result.daysSinceDelivery} 天，超过了 7 天无理由退货期限。如果商品有质量问题，可以走质量售后。`, `Order ${order._id} was delivered ${result.daysSinceDelivery} days ago, past the 7-day no-reason return window. If something is wrong with the item, we can handle it as a quality problem.`), [quality, agent]));
        break;
      case 'opened_cosmetic':
        await step.context.sendActivity(withChoices(say(lang, '很抱歉，护肤品和彩妆拆封后出于卫生原因不支持无理由退货。如果是质量问题（破损、漏液、过敏、过期等），我们可以走质量售后，优先为您处理。', 'Sorry, opened skincare and make-up cannot be returned without a reason, for hygiene reasons. If there is a quality problem (damaged, leaking, allergic reaction, expired…), we can handle it as a quality case with priority.'), [quality, agent]));
        break;
      case 'already_returning': {
        const ticket = await this.tickets.openFor(customerIdOf(step.context), order._id, 'return');
        await step.context.sendActivity(ticket ? refundLine(ticket, lang) : say(lang, `订单 ${order._id} 已在退货/退款流程中。`, `Order ${order._id} is already being returned.`));
        break;
      }
      case 'closed':
        await step.context.sendActivity(withChoices(say(lang, `订单 ${order._id} 当前状态无法申请退货，可以转人工帮您看看。`, `Order ${order._id} cannot be returned in its current state; an agent can take a look.`), [agent]));
        break;
    }
    return step.endDialog();
  }
}
