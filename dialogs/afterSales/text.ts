/**
 * Everything the after-sales area says, zh and en side by side: the router's apology and complaint ticket,
 * the quality process, returns with their refusals, and refund progress. Chips the router reads back
 * (转人工, 申请退货, 取消订单) are written here exactly as the intents expect them.
 */
import type { RefundStatus } from '../../services/tickets';
import type { Wording } from '../flow/language';
import { CHIP_TEXT } from '../flow/text';

/** Where a refund stands, as the middle of a refund line. */
export const REFUND_STATE: Record<RefundStatus, Wording> = {
  pending_return: { zh: '等待您寄回商品', en: 'waiting for the item to be sent back' },
  received: { zh: '仓库已收货，退款审核中（1–3 个工作日）', en: 'received by the warehouse, refund under review (1–3 working days)' },
  refunded: { zh: '已退款，原路退回（银行卡 1–3 个工作日到账）', en: 'refunded to the original payment method (bank cards take 1–3 working days)' },
  rejected: { zh: '退款未通过审核，专员会联系您说明原因', en: 'not approved; a specialist will contact you with the reason' },
};

export const AFTER_SALES_TEXT = {
  // chips
  agent: CHIP_TEXT.agent,
  returnItem: CHIP_TEXT.returnItem,
  cancelOrder: CHIP_TEXT.cancelOrder,
  trackOrder: CHIP_TEXT.trackOrder,
  qualityProblemChoice: { zh: '商品有质量问题', en: 'Quality problem' },

  // the router (afterSalesDialog.ts)
  sorryHandingOff: {
    zh: '非常抱歉给您带来了不好的体验！这就为您转接人工客服处理。',
    en: 'I am truly sorry for the trouble. Let me get a person to sort this out for you.',
  },
  complaintLogged: (ticketId: string, hours: number, due: string) => ({
    zh: `非常抱歉让您有不好的体验，您的反馈已记录为投诉工单 ${ticketId}，客服主管会在 ${hours} 小时内（${due} 前）联系您。需要现在就和人工客服沟通吗？`,
    en: `I am very sorry about this. Your feedback is logged as complaint ticket ${ticketId}; a supervisor will contact you within ${hours} hours (by ${due}). Would you like to talk to an agent now?`,
  }),

  // the quality process (qualityTicketDialog.ts)
  askProblem: { zh: '请问商品遇到了什么问题？', en: 'What is wrong with the item?' },
  problemRetry: { zh: '请选择问题类型，例如「破损」或「漏液」。', en: 'Please pick the kind of problem, for example "Damaged" or "Leaking".' },
  photosOfAllergy: { zh: '过敏部位和产品批号', en: 'the reaction and the batch number on the product' },
  photosOfParcel: { zh: '收到的商品、外包装和快递面单', en: 'what you received, the box and the shipping label' },
  photosOfProblem: { zh: '问题部位、产品批号/保质期和外包装', en: 'the problem, the batch number / expiry date and the box' },
  /** `what` is one of the photosOf… wordings in the same language */
  askPhotos: (what: string) => ({
    zh: `麻烦您拍几张照片发给我：${what}，方便我们尽快核实处理。没有照片可以回复「跳过」。`,
    en: `Please send a few photos of ${what} so we can check quickly. If you have none, reply "skip".`,
  }),
  photoRetry: {
    zh: '还没有收到照片哦～请点「+」选择照片发送，例如破损处的特写；没有照片请回复「跳过」。',
    en: 'I have not received a photo yet. Please attach a picture (for example a close-up of the damage), or reply "skip".',
  },
  skip: { zh: '跳过', en: 'Skip' },
  askDescription: {
    zh: '收到～请再简单描述一下问题（什么时候发现的、具体情况）：',
    en: 'Thanks. Please describe the problem briefly (when you noticed it, what exactly happened):',
  },
  descriptionRetry: {
    zh: '描述太短啦，请多写几个字，例如：收到时瓶身有裂缝，精华漏了一半。',
    en: 'That is a bit short. For example: "The bottle was cracked on arrival and half the serum leaked."',
  },
  /** a ticket without a recognised problem */
  qualityProblem: { zh: '质量问题', en: 'Quality problem' },
  allergyAdvice: {
    zh: '\n温馨提示：请先停用该产品，用清水轻柔洗净；如红肿刺痛明显，请及时就医并保留病历。',
    en: '\nPlease stop using the product and rinse gently with water; if the reaction is strong, see a doctor and keep the record.',
  },
  /** `advice` is allergyAdvice in the same language, or '' */
  qualityTicketOpened: (ticketId: string, problem: string, orderId: string | undefined, photos: number, due: string, advice: string) => ({
    zh: `已为您创建售后工单 ${ticketId}（${problem}，订单 ${orderId}，照片 ${photos} 张）。售后专员将在 24 小时内（${due} 前）联系您，核实后为您补发、换货或退款。${advice}`,
    en: `I have opened after-sales ticket ${ticketId} (${problem}, order ${orderId}, ${photos} photo(s)). A specialist will contact you within 24 hours (by ${due}) to arrange a replacement, exchange or refund.${advice}`,
  }),

  // returns (returnDialog.ts)
  askOpened: { zh: '请问商品拆封或使用过吗？', en: 'Has the item been opened or used?' },
  openedRetry: { zh: '请回复「未拆封」或「已拆封」。', en: 'Please answer "unopened" or "opened".' },
  unopened: { zh: '未拆封', en: 'Unopened' },
  opened: { zh: '已拆封', en: 'Opened' },
  returnQualifies: (id: string, daysLeft: number, refund: string) => ({
    zh: `订单 ${id} 符合 7 天无理由退货（还剩 ${daysLeft} 天），退款金额 ${refund}。确认申请退货吗？`,
    en: `Order ${id} qualifies for a 7-day no-reason return (${daysLeft} day(s) left); refund ${refund}. Shall I register the return?`,
  }),
  confirmReturnRetry: { zh: '请回复「确认退货」或「不用了」。', en: 'Please answer "yes" or "no".' },
  yesReturn: { zh: '确认退货', en: 'Yes, return it' },
  no: CHIP_TEXT.no,
  returnDropped: { zh: '好的，不退了。还有其他可以帮您的吗？', en: 'OK, no return. Anything else I can help with?' },
  returnSteps: (ticketId: string, refund: string) => ({
    zh: [
      `退货申请已提交，工单号 ${ticketId}，退款金额 ${refund}。请按以下步骤操作：`,
      '1. 保持商品及包装完好（含赠品），在包裹内放一张写有订单号的纸条；',
      '2. 7 天内寄回：浙江省杭州市余杭区文一西路 1000 号 美妆旗舰店退货组，电话 0571-8888 0000（请勿寄到付）；',
      '3. 寄出后在订单详情填写退货快递单号；',
      '4. 仓库签收验货后 1–3 个工作日内原路退款。',
    ].join('\n'),
    en: [
      `Your return is registered: ticket ${ticketId}, refund ${refund}. Next steps:`,
      '1. Keep the item and its packaging intact (gifts included) and put a note with the order number in the parcel;',
      '2. Within 7 days, send it to: Returns, Beauty Flagship Store, 1000 Wenyi West Road, Yuhang District, Hangzhou, Zhejiang (tel. 0571-8888 0000); no cash-on-delivery parcels;',
      '3. Enter the return tracking number on the order page;',
      '4. We refund to your original payment method within 1–3 working days after the warehouse checks the parcel.',
    ].join('\n'),
  }),
  notShippedCancelInstead: (id: string) => ({
    zh: `订单 ${id} 还没有发货，不用退货，直接取消订单就可以，已付款项会原路退回。`,
    en: `Order ${id} has not shipped yet, so there is nothing to return: you can simply cancel it and any payment is refunded.`,
  }),
  stillInTransit: (id: string) => ({
    zh: `订单 ${id} 还在配送中。您可以拒收，或签收后 7 天内申请无理由退货（未拆封）。`,
    en: `Order ${id} is still on its way. You can refuse it at the door, or return it (unopened) within 7 days after delivery.`,
  }),
  returnWindowPassed: (id: string, days: number | undefined) => ({
    zh: `订单 ${id} 已签收 ${days} 天，超过了 7 天无理由退货期限。如果商品有质量问题，可以走质量售后。`,
    en: `Order ${id} was delivered ${days} days ago, past the 7-day no-reason return window. If something is wrong with the item, we can handle it as a quality problem.`,
  }),
  openedCosmetic: {
    zh: '很抱歉，护肤品和彩妆拆封后出于卫生原因不支持无理由退货。如果是质量问题（破损、漏液、过敏、过期等），我们可以走质量售后，优先为您处理。',
    en: 'Sorry, opened skincare and make-up cannot be returned without a reason, for hygiene reasons. If there is a quality problem (damaged, leaking, allergic reaction, expired…), we can handle it as a quality case with priority.',
  },
  alreadyReturning: (id: string) => ({ zh: `订单 ${id} 已在退货/退款流程中。`, en: `Order ${id} is already being returned.` }),
  cannotReturn: (id: string) => ({
    zh: `订单 ${id} 当前状态无法申请退货，可以转人工帮您看看。`,
    en: `Order ${id} cannot be returned in its current state; an agent can take a look.`,
  }),

  // refund progress (refundStatusDialog.ts, afterSalesReplies.ts)
  noRefunds: (orderId: string | undefined) => ({
    zh: `暂时没有查到${orderId ? `订单 ${orderId} 的` : '您的'}退款记录。如需退货，可以先申请退货。`,
    en: `I found no refunds${orderId ? ` for order ${orderId}` : ''}. If you want to return something, I can start a return.`,
  }),
  /** `list` is the refund lines, one a line */
  refundProgress: (list: string) => ({ zh: `您的退款进度：\n${list}`, en: `Your refunds:\n${list}` }),
  /** `when` is ' (time)' or ''; `state` a REFUND_STATE entry */
  refundLine: (orderId: string | undefined, amount: string, state: Wording, when: string, ticketId: string) => ({
    zh: `订单 ${orderId}：退款 ${amount}，${state.zh}${when}（工单 ${ticketId}）`,
    en: `Order ${orderId}: refund ${amount}, ${state.en}${when} (ticket ${ticketId})`,
  }),
  cancelledRefundLine: (orderId: string, total: string, started: string) => ({
    zh: `订单 ${orderId}：已取消，${total} 原路退回（${started} 发起，1–3 个工作日到账）`,
    en: `Order ${orderId}: cancelled, ${total} going back to your original payment method (started ${started}, 1–3 working days)`,
  }),
} satisfies Record<string, Wording | ((...args: never[]) => Wording)>;
