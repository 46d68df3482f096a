/**
 * What MainDialog answers from the knowledge base. First, before intent routing (and mid-flow): a general
 * question about the store's policies (正品, 会员积分, 礼品包装, 发货时间, 海外配送, 拆封退货, 退款到账…) is
 * answered from the FAQ when the retrieval score, weighed against the classifier's intent, confidence and
 * alternatives, says the FAQ fits better than a flow — then the next step is offered. Otherwise FAQ-type
 * intents are answered from the knowledge base (FAQ, then a grounded LLM answer when configured); anything
 * else gets a clarifying question with the main choices, and the third miss in a row offers a human.
 */
import type { TurnContext } from 'botbuilder';
import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { isGeneralPolicyQuestion } from '../../knowledge/answers/policyQuestion';
import type { KnowledgeBase } from '../../knowledge/types';
import type { Intent, IntentScore } from '../../nlu/types';
import type { AsideAnswer, FlowResult } from '../flow/area';
import { withChoices } from '../flow/choices';
import { ReplyLanguage, say, Wording } from '../flow/language';
import { CHIP_TEXT } from '../flow/text';
import { markFallback, nluResultOf } from '../turn/turnContracts';
import type { MissCounter } from './mainState';
import { CHOICES, choicesIn, TEXT } from './text';

/** FAQ-type intents MainDialog answers itself from the knowledge base. */
const FAQ_INTENTS: Intent[] = ['payment', 'shipping_info', 'account', 'feedback', 'other'];
/** a less certain answer is worse than the clarifying question */
const MIN_ANSWER_CONFIDENCE = 0.35;
const MAX_MISSES = 3;

/** The intents a customer asking about each FAQ topic is often classified as: they agree with the answer. */
const TOPIC_INTENTS: Record<string, Intent[]> = {
  shipping: ['shipping_info', 'order_status', 'place_order'],
  returns: ['return_refund', 'refund_status', 'quality_issue', 'complaint'],
  authenticity: ['product_info', 'quality_issue', 'complaint'],
  membership: ['promotion', 'account'],
  payment: ['payment', 'place_order', 'order_status'],
  invoice: ['invoice'],
  account: ['account'],
  price: ['promotion', 'return_refund', 'refund_status'],
  coupon: ['promotion', 'payment'],
  packaging: ['shipping_info', 'place_order'],
  service: ['human_agent'],
  product: ['product_info'],
};

/** what a customer does next after each topic's answer: wording and the choices (their text routes there) */
const NEXT_STEP: Record<string, { offer: Wording; choices: Wording[] }> = {
  shipping: { offer: { zh: '想看自己订单的进度，可以点「查询订单物流」。', en: 'To see where your own order is, tap "Track my order".' }, choices: [CHIP_TEXT.trackMyOrder] },
  returns: { offer: { zh: '需要办理的话，点「申请退货」就可以开始。', en: 'To start one, tap "Return an item".' }, choices: [CHIP_TEXT.returnItem, CHIP_TEXT.agent] },
  authenticity: { offer: { zh: '想挑选的话我可以帮您推荐。', en: 'I can also help you choose something.' }, choices: [CHIP_TEXT.recommendSkincare, CHIP_TEXT.currentOffers] },
  membership: { offer: { zh: '现在的优惠活动也可以看看。', en: 'You may also like our current offers.' }, choices: [CHIP_TEXT.currentOffers] },
  price: { offer: { zh: '现在的优惠活动也可以看看。', en: 'You may also like our current offers.' }, choices: [CHIP_TEXT.currentOffers] },
  coupon: { offer: { zh: '现在的优惠活动也可以看看。', en: 'You may also like our current offers.' }, choices: [CHIP_TEXT.currentOffers] },
  payment: { offer: { zh: '订单有问题的话可以帮您查。', en: 'If an order is affected, I can look it up.' }, choices: [CHIP_TEXT.trackMyOrder, CHIP_TEXT.agent] },
  invoice: { offer: { zh: '现在开票的话点「开发票」。', en: 'To request one now, tap "Request an invoice".' }, choices: [{ zh: '开发票', en: 'Request an invoice' }] },
  packaging: { offer: { zh: '需要帮您挑礼物吗？', en: 'Shall I help you pick a gift?' }, choices: [CHIP_TEXT.recommendSkincare] },
};
const DEFAULT_NEXT: { offer?: Wording; choices: Wording[] } = { choices: [CHIP_TEXT.agent] };

/** the bar a FAQ hit clears when nothing pulls towards a flow */
const BASE_BAR = 0.42;
/** retrieval below this is never an answer on its own */
const MIN_RETRIEVAL = 0.4;
/** an alternative intent this likely counts as the classifier's second opinion */
const ALTERNATIVE_WEIGHT = 0.1;

export interface IntentView {
  intent: Intent;
  confidence: number;
  alternatives: IntentScore[];
}

/**
 * Should a general policy question be answered from the FAQ rather than routed by intent? The FAQ score
 * has to clear a bar that rises with how strongly the classifier pulls towards a flow: an intent (or a
 * likely alternative) that agrees with the FAQ entry's topic pulls little, a confident unrelated flow
 * intent pulls hard. Product-data questions stay with the product dialog (it answers from the catalogue).
 */
export function preferKnowledge(nlu: IntentView, faq: { confidence: number; topic?: string }): boolean {
  if (faq.confidence < MIN_RETRIEVAL) return false;
  const topic = faq.topic ?? '';
  if (topic === 'product' && ['product_info', 'comparison', 'recommendation'].includes(nlu.intent)) return false;
  const agreeing = TOPIC_INTENTS[topic] ?? [];
  const related = agreeing.includes(nlu.intent) || nlu.alternatives.some((a) => a.confidence >= ALTERNATIVE_WEIGHT && agreeing.includes(a.intent));
  // a sure classifier pulls hard, an unsure one barely (squared); a flow on the same topic pulls far less (its next step is offered anyway)
  const flowIntent = !FAQ_INTENTS.includes(nlu.intent);
  const pull = flowIntent ? nlu.confidence ** 2 * (agreeing.includes(nlu.intent) ? 0.15 : 1) : 0;
  const bar = BASE_BAR + (related ? 0 : 0.1 * nlu.confidence) + 0.3 * pull;
  return faq.confidence >= bar;
}

export type KnowledgeFirst = (context: TurnContext, lang: ReplyLanguage) => Promise<boolean>;

/**
 * MainDialog's knowledge-first answer: true when it answered the message (FAQ answer and the next step),
 * false when routing should go on. Stable signature: called before intent routing and while a flow waits.
 */
export function knowledgeFirst(knowledge?: Pick<KnowledgeBase, 'ask'>): KnowledgeFirst {
  return async (context, lang) => {
    const text = (context.activity.text ?? '').trim();
    const nlu = nluResultOf(context);
    if (!knowledge || !nlu || !isGeneralPolicyQuestion(text)) return false;
    const found = await knowledge.ask(text, { lang, faqOnly: true });
    if (!found.found || !preferKnowledge(nlu, found)) return false;
    const next = NEXT_STEP[found.topic ?? ''] ?? DEFAULT_NEXT;
    const reply = next.offer ? `${found.answer}\n${say(lang, next.offer)}` : found.answer;
    await context.sendActivity(withChoices(reply, choicesIn(lang, next.choices)));
    return true;
  };
}

/** The knowledge base's answers to FAQ-type intents, as asides (answered mid-flow too); none without it. */
export function knowledgeAsides(knowledge?: Pick<KnowledgeBase, 'ask'>): Partial<Record<Intent, AsideAnswer>> {
  const answer: AsideAnswer = async (context, lang) => {
    const text = (context.activity.text ?? '').trim();
    if (!knowledge || !text) return false;
    const found = await knowledge.ask(text, { lang });
    if (!found.found || found.confidence < MIN_ANSWER_CONFIDENCE) return false;
    await context.sendActivity(found.answer);
    return true;
  };
  return Object.fromEntries(FAQ_INTENTS.map((intent) => [intent, answer]));
}

/** Out of scope and not in the knowledge base: ask what they mean, with choices; the third miss offers a human. */
export async function clarify(step: WaterfallStepContext, lang: ReplyLanguage, misses: MissCounter): Promise<DialogTurnResult> {
  // the dashboard's fallback rate counts this turn: the bot did not understand it
  markFallback(step.context);
  const count = (await misses.count(step.context)) + 1;
  await misses.set(step.context, count);
  if (count >= MAX_MISSES) return step.next({ failed: true } satisfies FlowResult);
  await step.context.sendActivity(withChoices(say(lang, TEXT.clarify), choicesIn(lang, CHOICES.clarify)));
  return step.endDialog();
}
