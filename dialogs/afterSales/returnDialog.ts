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
import { ReplyLanguage, say } from '../flow/language';
import { OrderFlowDialog } from '../flow/orderFlowDialog';
import { ORDER_PICKER_DIALOG, OrderPickerOptions } from '../flow/orderPickerDialog';
import { money } from '../flow/format';
import { withChoices } from '../flow/choices';
import { answerOf, giveUp, promptWith, validatedPrompt } from '../flow/validatedPrompt';
import { yesOrNo } from '../flow/yesNo';
import { refundLine, returnSteps } from './afterSalesReplies';
import { AFTER_SALES_TEXT } from './text';

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
    const options: OrderPickerOptions = { purpose: 'return', announce: true };
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
      promptWith(say(lang, AFTER_SALES_TEXT.askOpened), say(lang, AFTER_SALES_TEXT.openedRetry), [
        say(lang, AFTER_SALES_TEXT.unopened),
        say(lang, AFTER_SALES_TEXT.opened),
      ]),
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
        say(lang, AFTER_SALES_TEXT.returnQualifies(order._id, eligibility.daysLeft, money(order.total))),
        say(lang, AFTER_SALES_TEXT.confirmReturnRetry),
        [say(lang, AFTER_SALES_TEXT.yesReturn), say(lang, AFTER_SALES_TEXT.no)],
      ),
    );
  }

  private async requestStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as ReturnValues;
    const lang = await this.lang(step.context);
    const answer = answerOf(step);
    if (answer === undefined) return giveUp(step);
    if (yesOrNo(answer) === 'no') {
      await step.context.sendActivity(say(lang, AFTER_SALES_TEXT.returnDropped));
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
    const quality = say(lang, AFTER_SALES_TEXT.qualityProblemChoice);
    const agent = say(lang, AFTER_SALES_TEXT.agent);
    switch (result.reason) {
      case 'not_delivered_cancel':
        await step.context.sendActivity(withChoices(say(lang, AFTER_SALES_TEXT.notShippedCancelInstead(order._id)), [say(lang, AFTER_SALES_TEXT.cancelOrder)]));
        break;
      case 'in_transit':
        await step.context.sendActivity(withChoices(say(lang, AFTER_SALES_TEXT.stillInTransit(order._id)), [say(lang, AFTER_SALES_TEXT.trackOrder)]));
        break;
      case 'window_passed':
        await step.context.sendActivity(withChoices(say(lang, AFTER_SALES_TEXT.returnWindowPassed(order._id, result.daysSinceDelivery)), [quality, agent]));
        break;
      case 'opened_cosmetic':
        await step.context.sendActivity(withChoices(say(lang, AFTER_SALES_TEXT.openedCosmetic), [quality, agent]));
        break;
      case 'already_returning': {
        const ticket = await this.tickets.openFor(customerIdOf(step.context), order._id, 'return');
        await step.context.sendActivity(ticket ? refundLine(ticket, lang) : say(lang, AFTER_SALES_TEXT.alreadyReturning(order._id)));
        break;
      }
      case 'closed':
        await step.context.sendActivity(withChoices(say(lang, AFTER_SALES_TEXT.cannotReturn(order._id)), [agent]));
        break;
    }
    return step.endDialog();
  }
}
