/**
 * What a live comment needs (pure): a product link (buying comments), the room's offer, a private
 * follow-up in the viewer's own session (their order, a complaint, anything personal), a public answer
 * (a question many may share), or nothing (greetings, "666", applause). Decided from the text and the
 * local recogniser's frame; a doubtful comment gets nothing rather than a public answer nobody asked for.
 */
import type { Intent, NluResult } from '../../nlu/types';
import { jaccard } from '../../platform/text/wordOverlap';
import { questionWords } from './clustering';
import type { RoomFaq } from './types';

export type CommentKind = 'buy' | 'offer' | 'private' | 'question' | 'chatter';

/** 拍了 / 怎么买 / 几号链接 / 3号链接 / 上车 / link */
const BUY = /拍了|已拍|下单了|怎么买|怎么拍|在哪买|哪里买|哪个链接|几号链接|(?:\d{1,2}|[一二三四五六七八九十])号链接|链接|上车|购物车|how (?:do i|to|can i) buy|\blink\b/i;
/** 赠品 / 小样 / 福利 / 怎么领 / 前100名 */
const OFFER = /赠品|小样|福利|怎么领|领取|送什么|前\s*\d+\s*名|\bgift\b|\bsample\b/i;
/** words that make a comment about the viewer's own order, parcel or problem */
const PERSONAL = /我的|我买|我下的|我拍的|我收到|收到的|我要退|我要换|订单|单号|没收到|还没到|还没发|漏液|过敏|烂脸|破损|投诉|退款|\d{10,20}|\bmy (?:order|parcel|package|refund)\b|\bi (?:ordered|bought|received)\b/i;

/** always about the viewer themself */
const PRIVATE_INTENTS = new Set<Intent>(['complaint', 'quality_issue', 'human_agent', 'account', 'refund_status', 'order_change', 'order_cancel']);
/** about the viewer's own business when they say so ("我的订单"), else a general question */
const PERSONAL_WHEN_SAID = new Set<Intent>(['order_status', 'return_refund', 'invoice', 'payment', 'place_order']);
const QUESTION_INTENTS = new Set<Intent>(['product_info', 'shipping_info', 'promotion', 'comparison', 'recommendation', 'order_status', 'return_refund', 'invoice', 'payment']);
const ASKS = /[?？]|吗|么|呢|几|多少|怎么|什么|啥|哪|能不能|可不可以|有没有|是不是|适合|\b(?:how|what|which|when|does|is|can)\b/i;

export interface CommentClass {
  kind: CommentKind;
  /** the recognised key of a question (intent + product + slots), for clustering */
  key?: string;
  /** "3号链接" → 3 */
  linkNumber?: number;
}

const CN_DIGITS = '一二三四五六七八九十';
export const FAQ_MATCH = 0.34;

function linkNumberOf(text: string): number | undefined {
  const m = /(\d{1,2}|[一二三四五六七八九十])号(?:链接)?/.exec(text);
  if (!m) return undefined;
  const n = /\d/.test(m[1]) ? Number(m[1]) : CN_DIGITS.indexOf(m[1]) + 1;
  return n > 0 ? n : undefined;
}

/** The slots said in the comment, as a stable key ("product_info|p:sk-0001|skin_type:oily"); none → undefined. */
function keyOf(nlu: NluResult): string | undefined {
  const slots = nlu.entities
    .filter((e) => ['product', 'brand', 'category', 'skin_type', 'concern', 'shade'].includes(e.type))
    .map((e) => `${e.type}:${typeof e.value === 'string' ? e.value : JSON.stringify(e.value)}`);
  return slots.length > 0 ? [nlu.intent, ...[...new Set(slots)].sort()].join('|') : undefined;
}

export function classifyComment(text: string, nlu: NluResult, room: { offers: unknown[]; faq: RoomFaq[] }): CommentClass {
  const personal = PERSONAL.test(text);
  if (PRIVATE_INTENTS.has(nlu.intent) && nlu.confidence >= 0.5) return { kind: 'private' };
  if (PERSONAL_WHEN_SAID.has(nlu.intent) && personal && !/拍了|已拍/.test(text)) return { kind: 'private' };
  if (BUY.test(text)) return { kind: 'buy', linkNumber: linkNumberOf(text) };
  if (room.offers.length > 0 && OFFER.test(text)) return { kind: 'offer' };
  // the host wrote an answer for it: a question, whatever the model makes of the words (几点下播)
  if (room.faq.length > 0) {
    const words = questionWords(text);
    if (room.faq.some((f) => jaccard(words, questionWords(f.q)) >= FAQ_MATCH)) return { kind: 'question', key: keyOf(nlu) };
  }
  const asks = ASKS.test(text);
  if (QUESTION_INTENTS.has(nlu.intent) && (asks || nlu.confidence >= 0.8)) return { kind: 'question', key: keyOf(nlu) };
  if (asks && nlu.intent !== 'greeting' && nlu.intent !== 'thanks_bye' && text.trim().length >= 3) return { kind: 'question', key: keyOf(nlu) };
  return { kind: 'chatter' };
}

/** Comments that claim the room's offer for the viewer who wrote them (they bought, or they ask to get it). */
export const CLAIMS_OFFER = /拍了|已拍|下单了|领取|我要领|想要赠品|要小样|\bclaim\b/i;
