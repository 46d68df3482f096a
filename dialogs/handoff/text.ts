/**
 * Everything the handoff area tells the customer, zh and en side by side: being connected, waiting in the
 * queue, leaving it. (The summary an agent reads is for the agents and stays in Chinese, in handoffDialog.ts.)
 */
import type { Wording } from '../flow/language';

export const HANDOFF_TEXT = {
  connecting: (position: number) => ({
    zh: `已为您转接人工客服${position > 0 ? `，当前排在第 ${position} 位` : ''}，请稍候，客服会尽快回复您。`,
    en: `I am connecting you to a human agent${position > 0 ? ` (you are number ${position} in the queue)` : ''}; they will reply as soon as possible.`,
  }),
  leftQueue: { zh: '好的，已为您取消转人工，有问题可以继续问我～', en: 'OK, you have left the queue. I am here if you need anything.' },
  inQueue: (position: number) => ({
    zh: `您已在人工客服队列中，当前排在第 ${position} 位，客服接入后会第一时间回复您。您的留言已转给客服～（回复「取消人工」可返回智能客服）`,
    en: `You are in the queue for a human agent (position ${position}). Your message has been passed on; an agent will reply shortly. (Say "back to bot" to leave the queue.)`,
  }),
} satisfies Record<string, Wording | ((...args: never[]) => Wording)>;
