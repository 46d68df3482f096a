/** The after-sales replies that are put together from a ticket or an order: confirmations, return steps, refund lines. */
import type { Order } from '../../services/orders/types';
import { PROBLEM_LABELS, QualityProblem, Ticket } from '../../services/tickets';
import { ReplyLanguage, say } from '../flow/language';
import { formatTime, money } from '../flow/format';
import { AFTER_SALES_TEXT, REFUND_STATE } from './text';

export function problemLabel(problem: QualityProblem | undefined, lang: ReplyLanguage): string {
  return problem ? PROBLEM_LABELS[problem][lang] : say(lang, AFTER_SALES_TEXT.qualityProblem);
}

export function qualityConfirmation(ticket: Ticket, lang: ReplyLanguage): string {
  const due = formatTime(ticket.slaDueAt, lang);
  const photos = ticket.attachments.length;
  const advice = ticket.problem === 'allergy' ? say(lang, AFTER_SALES_TEXT.allergyAdvice) : '';
  return say(lang, AFTER_SALES_TEXT.qualityTicketOpened(ticket._id, problemLabel(ticket.problem, lang), ticket.orderId, photos, due, advice));
}

export function returnSteps(ticket: Ticket, order: Order, lang: ReplyLanguage): string {
  return say(lang, AFTER_SALES_TEXT.returnSteps(ticket._id, money(order.total)));
}

export function refundLine(ticket: Ticket, lang: ReplyLanguage): string {
  const refund = ticket.refund ?? { amount: 0, status: 'pending_return' as const };
  const when = refund.refundedAt ? ` (${formatTime(refund.refundedAt, lang)})` : '';
  return say(lang, AFTER_SALES_TEXT.refundLine(ticket.orderId, money(refund.amount), REFUND_STATE[refund.status], when, ticket._id));
}

export function cancelledRefundLine(order: Order, lang: ReplyLanguage): string {
  return say(lang, AFTER_SALES_TEXT.cancelledRefundLine(order._id, money(order.total), formatTime(order.cancelledAt ?? order.updatedAt, lang)));
}
