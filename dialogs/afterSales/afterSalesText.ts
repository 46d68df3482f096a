/** What the after-sales flows tell the customer: ticket confirmations, return steps, refund progress. */
import type { Order } from '../../services/orders/types';
import { PROBLEM_LABELS, QualityProblem, RefundStatus, Ticket } from '../../services/tickets';
import { ReplyLanguage, say } from '../language';
import { formatTime, money } from '../orders/orderText';

export function problemLabel(problem: QualityProblem | undefined, lang: ReplyLanguage): string {
  return problem ? PROBLEM_LABELS[problem][lang] : say(lang, '质量问题', 'Quality problem');
}

export function qualityConfirmation(ticket: Ticket, lang: ReplyLanguage): string {
  const due = formatTime(ticket.slaDueAt, lang);
  const photos = ticket.attachments.length;
  const advice =
    ticket.problem === 'allergy'
      ? say(lang, '\n温馨提示：请先停用该产品，用清水轻柔洗净；如红肿刺痛明显，请及时就医并保留病历。', '\nPlease stop using the product and rinse gently with water; if the reaction is strong, see a doctor and keep the record.')
      : '';
  return say(
    lang,
    `已为您创建售后工单 ${ticket._id}（${problemLabel(ticket.problem, lang)}，订单 ${ticket.orderId}，照片 ${photos} 张）。售后专员将在 24 小时内（${due} 前）联系您，核实后为您补发、换货或退款。${advice}`,
    `I have opened after-sales ticket ${ticket._id} (${problemLabel(ticket.problem, lang)}, order ${ticket.orderId}, ${photos} photo(s)). A specialist will contact you within 24 hours (by ${due}) to arrange a replacement, exchange or refund.${advice}`,
  );
}

export function returnSteps(ticket: Ticket, order: Order, lang: ReplyLanguage): string {
  return say(
    lang,
    [
      `退货申请已提交，工单号 ${ticket._id}，退款金额 ${money(order.total)}。请按以下步骤操作：`,
      '1. 保持商品及包装完好（含赠品），在包裹内放一张写有订单号的纸条；',
      '2. 7 天内寄回：浙江省杭州市余杭区文一西路 1000 号 美妆旗舰店退货组，电话 0571-8888 0000（请勿寄到付）；',
      '3. 寄出后在订单详情填写退货快递单号；',
      '4. 仓库签收验货后 1–3 个工作日内原路退款。',
    ].join('\n'),
    [
      `Your return is registered: ticket ${ticket._id}, refund ${money(order.total)}. Next steps:`,
      '1. Keep the item and its packaging intact (gifts included) and put a note with the order number in the parcel;',
      '2. Within 7 days, send it to: Returns, Beauty Flagship Store, 1000 Wenyi West Road, Yuhang District, Hangzhou, Zhejiang (tel. 0571-8888 0000); no cash-on-delivery parcels;',
      '3. Enter the return tracking number on the order page;',
      '4. We refund to your original payment method within 1–3 working days after the warehouse checks the parcel.',
    ].join('\n'),
  );
}

const REFUND: Record<RefundStatus, { zh: string; en: string }> = {
  pending_return: { zh: '等待您寄回商品', en: 'waiting for the item to be sent back' },
  received: { zh: '仓库已收货，退款审核中（1–3 个工作日）', en: 'received by the warehouse, refund under review (1–3 working days)' },
  refunded: { zh: '已退款，原路退回（银行卡 1–3 个工作日到账）', en: 'refunded to the original payment method (bank cards take 1–3 working days)' },
  rejected: { zh: '退款未通过审核，专员会联系您说明原因', en: 'not approved; a specialist will contact you with the reason' },
};

export function refundLine(ticket: Ticket, lang: ReplyLanguage): string {
  const refund = ticket.refund ?? { amount: 0, status: 'pending_return' as const };
  const when = refund.refundedAt ? ` (${formatTime(refund.refundedAt, lang)})` : '';
  return say(
    lang,
    `订单 ${ticket.orderId}：退款 ${money(refund.amount)}，${REFUND[refund.status].zh}${when}（工单 ${ticket._id}）`,
    `Order ${ticket.orderId}: refund ${money(refund.amount)}, ${REFUND[refund.status].en}${when} (ticket ${ticket._id})`,
  );
}

export function cancelledRefundLine(order: Order, lang: ReplyLanguage): string {
  return say(
    lang,
    `订单 ${order._id}：已取消，${money(order.total)} 原路退回（${formatTime(order.cancelledAt ?? order.updatedAt, lang)} 发起，1–3 个工作日到账）`,
    `Order ${order._id}: cancelled, ${money(order.total)} going back to your original payment method (started ${formatTime(order.cancelledAt ?? order.updatedAt, lang)}, 1–3 working days)`,
  );
}
