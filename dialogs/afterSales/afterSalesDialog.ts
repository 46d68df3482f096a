/**
 * The after-sales router, applying the store's rule to every after-sales message:
 *   angry (anger ≥ 0.7) or an explicit demand for a person → a human, at once, with an apology;
 *   a quality problem (破损, 漏液, 过敏, 过期, 假货, wrong or missing item) → the standard quality process;
 *   otherwise → self-service (return request, refund status); a calm complaint is logged as a ticket.
 */
import type { StatePropertyAccessor } from 'botbuilder';
import { ComponentDialog, DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { customerIdOf } from '../turn/customerState';
import { nluResultOf } from '../turn/turnContracts';
import type { CustomerProfile } from '../../services/customers/profile';
import { findOrderNumber, OrderService } from '../../services/orders';
import { detectQualityProblem, SLA_HOURS, TicketService } from '../../services/tickets';
import { HANDOFF_DIALOG, HandoffOptions } from '../handoff/ids';
import { say } from '../flow/language';
import { flowLanguage } from '../flow/language';
import { formatTime } from '../flow/format';
import { withChoices } from '../flow/choices';
import { QUALITY_TICKET_DIALOG, QualityTicketDialog } from './qualityTicketDialog';
import { REFUND_STATUS_DIALOG, RefundStatusDialog } from './refundStatusDialog';
import { RETURN_DIALOG, ReturnDialog } from './returnDialog';
import { ANGER_THRESHOLD, DEMANDS_ESCALATION } from '../flow/escalation';
import { AFTER_SALES_TEXT } from './text';

export const AFTER_SALES_DIALOG = 'afterSalesDialog';
const FLOW = 'afterSalesFlow';

export class AfterSalesDialog extends ComponentDialog {
  constructor(
    orders: OrderService,
    private readonly tickets: TicketService,
    private readonly profile: StatePropertyAccessor<CustomerProfile>,
  ) {
    super(AFTER_SALES_DIALOG);
    this.addDialog(new QualityTicketDialog(orders, tickets, profile));
    this.addDialog(new ReturnDialog(orders, tickets, profile));
    this.addDialog(new RefundStatusDialog(orders, tickets, profile));
    this.addDialog(new WaterfallDialog(FLOW, [this.routeStep.bind(this), this.doneStep.bind(this)]));
    this.initialDialogId = FLOW;
  }

  private async routeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const nlu = nluResultOf(step.context);
    const text = step.context.activity.text ?? '';
    const anger = nlu?.sentiment.anger ?? 0;
    if (anger >= ANGER_THRESHOLD || DEMANDS_ESCALATION.test(text)) {
      const options: HandoffOptions = { reason: anger >= ANGER_THRESHOLD ? 'angry' : nlu?.intent === 'complaint' ? 'complaint' : 'requested' };
      const orderId = findOrderNumber(text, nlu?.entities ?? []);
      if (orderId) options.orderId = orderId;
      const lang = await flowLanguage(step.context, this.profile);
      await step.context.sendActivity(say(lang, AFTER_SALES_TEXT.sorryHandingOff));
      // HANDOFF_DIALOG lives in MainDialog's set (the handoff area); child contexts find it there
      return step.beginDialog(HANDOFF_DIALOG, options);
    }
    if (nlu?.intent === 'quality_issue' || detectQualityProblem(text)) return step.beginDialog(QUALITY_TICKET_DIALOG);
    if (nlu?.intent === 'refund_status') return step.beginDialog(REFUND_STATUS_DIALOG);
    if (nlu?.intent === 'complaint') return this.complaint(step, text);
    return step.beginDialog(RETURN_DIALOG);
  }

  /** A calm complaint (service, delivery, attitude) is recorded as a ticket with a 12-hour answer promise. */
  private async complaint(step: WaterfallStepContext, text: string): Promise<DialogTurnResult> {
    const lang = await flowLanguage(step.context, this.profile);
    const orderId = findOrderNumber(text, nluResultOf(step.context)?.entities ?? []);
    const ticket = await this.tickets.create({ customerId: customerIdOf(step.context), type: 'complaint', description: text, ...(orderId ? { orderId } : {}) });
    await step.context.sendActivity(
      withChoices(say(lang, AFTER_SALES_TEXT.complaintLogged(ticket._id, SLA_HOURS.complaint, formatTime(ticket.slaDueAt, lang))), [
        say(lang, AFTER_SALES_TEXT.agent),
      ]),
    );
    return step.endDialog({ ticketId: ticket._id });
  }

  private async doneStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.endDialog(step.result);
  }
}
