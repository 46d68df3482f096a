/**
 * Hands the customer to a human: builds the summary the agent sees first (reason, intent, sentiment,
 * last messages, order, ticket), queues the customer, and tells them where they stand. From the next
 * message on the handoff gate keeps the bot quiet until an agent releases the customer.
 */
import type { StatePropertyAccessor } from 'botbuilder';
import { Dialog, DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { customerIdOf } from '../turn/customerState';
import { markHandoff, nluResultOf } from '../turn/turnContracts';
import type { CustomerProfile } from '../../services/customers/profile';
import type { HandoffService, HandoffSummary } from '../../services/handoff';
import type { TicketService } from '../../services/tickets';
import { findOrderNumber } from '../../services/orders/orderNumbers';
import { say } from '../flow/language';
import { flowLanguage } from '../flow/language';
import { HANDOFF_DIALOG, HandoffOptions } from './ids';
import type { RecentTurns } from './recentTurns';
import { HANDOFF_TEXT } from './text';

const REASON_LABELS: Record<HandoffOptions['reason'], string> = {
  angry: '客户情绪激动',
  requested: '客户要求人工',
  repeated_failures: '多次未能理解',
  quality: '质量问题',
  complaint: '投诉',
};

export class HandoffDialog extends Dialog<HandoffOptions> {
  constructor(
    private readonly handoffs: HandoffService,
    private readonly recentTurns: RecentTurns,
    private readonly profile: StatePropertyAccessor<CustomerProfile>,
    private readonly tickets?: TicketService,
  ) {
    super(HANDOFF_DIALOG);
  }

  override async beginDialog(dc: DialogContext, options?: HandoffOptions): Promise<DialogTurnResult> {
    const reason = options?.reason ?? 'requested';
    const customerId = customerIdOf(dc.context);
    const summary = await this.summarize(dc, reason, options);
    const record = await this.handoffs.request(customerId, reason, summary);
    markHandoff(dc.context, reason);
    const position = await this.handoffs.queuePosition(customerId);
    const lang = await flowLanguage(dc.context, this.profile);
    // the apology, when one is due, is said by whoever decided to hand off (MainDialog on anger, after-sales)
    await dc.context.sendActivity(say(lang, HANDOFF_TEXT.connecting(position)));
    return dc.endDialog({ handedOff: true, state: record.state });
  }

  private async summarize(dc: DialogContext, reason: HandoffOptions['reason'], options?: HandoffOptions): Promise<HandoffSummary> {
    const nlu = nluResultOf(dc.context);
    const turns = (await this.recentTurns.read(dc.context)).map((t) => t.text);
    // the agent should not have to ask which ticket: the newest open one is most likely what this is about
    const ticket = options?.ticketId ? undefined : await this.tickets?.latestOpen(customerIdOf(dc.context));
    const ticketId = options?.ticketId ?? ticket?._id;
    const orderId = options?.orderId ?? turns.map((t) => findOrderNumber(t)).filter(Boolean).pop() ?? ticket?.orderId;
    const summary: HandoffSummary = { text: '', lastTurns: turns };
    if (nlu) {
      summary.intent = nlu.intent;
      summary.sentiment = { label: nlu.sentiment.label, anger: Math.round(nlu.sentiment.anger * 100) / 100 };
      summary.language = nlu.language;
    }
    if (orderId) summary.orderId = orderId;
    if (ticketId) summary.ticketId = ticketId;
    if (options?.note) summary.note = options.note.slice(0, 500);
    summary.text = [
      REASON_LABELS[reason],
      summary.intent && `意图 ${summary.intent}`,
      summary.sentiment && `情绪 ${summary.sentiment.label} (anger ${summary.sentiment.anger})`,
      orderId && `订单 ${orderId}`,
      summary.ticketId && `工单 ${summary.ticketId}`,
      summary.note,
    ]
      .filter(Boolean)
      .join('；');
    return summary;
  }
}
