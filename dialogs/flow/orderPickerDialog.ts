/**
 * Finds out which order the customer means. The message that started the flow may name it: by number
 * (NLU order_id entity, else a 10–20 digit run), or by what a person would say (还没发货的那单, 雅诗兰黛那个,
 * my latest order — see orderReference.ts); without either, the flow's defaults look at the orders that
 * make sense for it (a parcel question: the shipped ones). One order → straight on; several → a pick from
 * just those; a reference nothing matches → said plainly, then a pick from the recent orders. The answer
 * to the pick may again be a number, a place in the list or a reference. Ends with the order number, or
 * undefined when there is none to pick.
 */
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { ComponentDialog, DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { customerIdOf } from '../turn/customerState';
import { nluResultOf } from '../turn/turnContracts';
import type { CustomerProfile } from '../../services/customers/profile';
import { findOrderNumber, Order, OrderService } from '../../services/orders';
import { frameOf } from '../../nlu/types';
import { ReplyLanguage, say } from './language';
import { flowLanguage } from './language';
import { byWords, listOrder, matchOrders, namesAnOrder, OrderCue, orderCueOf, OrderPurpose, turnCue } from './orderReference';
import { itemsShort, namedStatus, ORDER_FLOW_TEXT, statusLabel } from './orderText';
import { answerOf, giveUp, promptWith, validatedPrompt } from './validatedPrompt';

export const ORDER_PICKER_DIALOG = 'orderPickerDialog';
const FLOW = 'orderPickerFlow';
const PICK_PROMPT = 'orderPickPrompt';
const LIST_SIZE = 5;
const LOOKED_AT = 20;
const ORDINALS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, first: 1, second: 2, third: 3, fourth: 4, fifth: 5 };
/**
 * Words that make a message an answer to "which order?" rather than a new request ("发了的那个" reads like a
 * quality problem to the classifier). MainDialog reads the prompt's choices to tell the two apart.
 */
const REFERENCE_WORDS = {
  zh: ['那单', '那一单', '那笔', '那个订单', '发货', '发了', '付款', '没付', '签收', '收到', '在路上', '最近', '上一单', '刚买'],
  en: ['the one', 'shipped', 'delivered', 'unpaid', 'not paid', 'received', 'latest', 'last order', 'most recent'],
};

export interface OrderPickerOptions {
  /** what the order is for: decides which orders are looked at when the customer names none */
  purpose: OrderPurpose;
  /** name the order when it was picked from words, because the flow's next question does not */
  announce?: boolean;
  /** asking again among these (the last answer matched several, or none) */
  candidates?: string[];
  narrowed?: boolean;
  tries?: number;
}

interface PickerValues {
  listed?: string[];
}

type Resolved = { kind: 'one'; order: Order } | { kind: 'several'; orders: Order[] } | { kind: 'none'; cue: OrderCue } | { kind: 'unknown' };

/** "2", "第二个", "the second one" → 2 */
function ordinalOf(text: string): number | undefined {
  const t = text.trim().toLowerCase();
  const digit = /^(?:第|no\.?\s*|#)?\s*([1-5])\s*(?:个|单|笔|号)?$/.exec(t);
  if (digit) return Number(digit[1]);
  const word = /^(?:第)?([一二两三四五]|first|second|third|fourth|fifth)(?:个|单|笔)?(?: one)?$/.exec(t.replace(/^the /, ''));
  return word ? ORDINALS[word[1]] : undefined;
}

export class OrderPickerDialog extends ComponentDialog {
  constructor(
    private readonly orders: OrderService,
    private readonly profile: StatePropertyAccessor<CustomerProfile>,
  ) {
    super(ORDER_PICKER_DIALOG);
    this.addDialog(validatedPrompt(PICK_PROMPT, async (text, context, validations) => (await this.resolve(text, context, validations as PickValidations)).kind !== 'unknown'));
    this.addDialog(new WaterfallDialog(FLOW, [this.askStep.bind(this), this.pickedStep.bind(this)]));
    this.initialDialogId = FLOW;
  }

  private async lang(context: TurnContext): Promise<ReplyLanguage> {
    return flowLanguage(context, this.profile);
  }

  /** What an answer to the pick names: an order by number or place in the list, or by a reference. */
  private async resolve(text: string, context: TurnContext, v: PickValidations | undefined): Promise<Resolved> {
    const customerId = customerIdOf(context);
    const nlu = nluResultOf(context);
    const listedIds = v?.listed ?? [];
    const number = findOrderNumber(text, nlu?.entities ?? []);
    if (number) {
      const order = await this.orders.get(customerId, number);
      return order ? { kind: 'one', order } : { kind: 'unknown' };
    }
    const all = await this.orders.recent(customerId, LOOKED_AT);
    const listed = listedIds.map((id) => all.find((o) => o._id === id)).filter((o): o is Order => Boolean(o));
    const n = ordinalOf(text);
    if (n) return listed[n - 1] ? { kind: 'one', order: listed[n - 1] } : { kind: 'unknown' };
    const purpose = v?.purpose ?? 'status';
    const cue = orderCueOf(text, nlu?.entities ?? [], frameOf(nlu).order);
    if (!namesAnOrder(cue)) {
      // no reference, but the answer's words may name an item of one listed order ("卡诗的", "the serum")
      const worded = byWords(listed, text);
      return worded.length === 1 ? { kind: 'one', order: worded[0] } : { kind: 'unknown' };
    }
    // the orders just shown first; a reference to another of the customer's orders still counts
    const inList = matchOrders(listed, cue, purpose, listedIds);
    const match = inList.kind === 'none' ? matchOrders(all, cue, purpose) : inList;
    if (match.kind === 'one') return { kind: 'one', order: match.order };
    return match.kind === 'several' ? { kind: 'several', orders: match.orders } : { kind: 'none', cue };
  }

  private async askStep(step: WaterfallStepContext<OrderPickerOptions>): Promise<DialogTurnResult> {
    const options: OrderPickerOptions = step.options ?? { purpose: 'status' };
    const lang = await this.lang(step.context);
    const customerId = customerIdOf(step.context);
    const all = await this.orders.recent(customerId, LOOKED_AT);
    if (options.candidates) {
      const again = options.candidates.map((id) => all.find((o) => o._id === id)).filter((o): o is Order => Boolean(o));
      return this.ask(step, again.length > 0 ? again : listOrder(all, options.purpose), options, lang);
    }
    const named = findOrderNumber(step.context.activity.text ?? '', nluResultOf(step.context)?.entities ?? []);
    if (named) {
      if (await this.orders.get(customerId, named)) return step.endDialog(named);
      // someone else's number or a typo: said the same way (nothing about that order is disclosed)
      await step.context.sendActivity(say(lang, ORDER_FLOW_TEXT.notInAccount));
    }
    if (all.length === 0) {
      await step.context.sendActivity(say(lang, ORDER_FLOW_TEXT.noOrders));
      return step.endDialog(undefined);
    }
    if (named) return this.ask(step, listOrder(all, options.purpose), options, lang);
    const cue = turnCue(step.context);
    const match = matchOrders(all, cue, options.purpose);
    if (match.kind === 'one') return this.picked(step, match.order, options, lang);
    if (match.kind === 'several') return this.ask(step, listOrder(match.orders, options.purpose), { ...options, narrowed: namesAnOrder(cue) }, lang);
    await step.context.sendActivity(this.noneText(cue, lang));
    return this.ask(step, listOrder(all, options.purpose), options, lang);
  }

  private async pickedStep(step: WaterfallStepContext<OrderPickerOptions>): Promise<DialogTurnResult> {
    const options: OrderPickerOptions = step.options ?? { purpose: 'status' };
    const answer = answerOf(step);
    if (answer === undefined) return giveUp(step);
    const listed = (step.values as PickerValues).listed ?? [];
    const resolved = await this.resolve(answer, step.context, { listed, purpose: options.purpose });
    if (resolved.kind === 'one') return this.picked(step, resolved.order, options, await this.lang(step.context), answer);
    const tries = (options.tries ?? 0) + 1;
    if (resolved.kind === 'unknown' || tries >= 3) return giveUp(step);
    if (resolved.kind === 'several') {
      return step.replaceDialog(FLOW, { ...options, candidates: resolved.orders.map((o) => o._id), narrowed: true, tries });
    }
    await step.context.sendActivity(this.noneText(resolved.cue, await this.lang(step.context)));
    return step.replaceDialog(FLOW, { ...options, candidates: listed, narrowed: false, tries });
  }

  /** The order is known; named first when it was picked from words and the flow's next question does not say which. */
  private async picked(step: WaterfallStepContext, order: Order, options: OrderPickerOptions, lang: ReplyLanguage, answer?: string): Promise<DialogTurnResult> {
    const byNumber = answer !== undefined && findOrderNumber(answer) === order._id;
    if (options.announce && !byNumber) {
      await step.context.sendActivity(say(lang, ORDER_FLOW_TEXT.thisOrder(order._id, itemsShort(order, lang), statusLabel(order.status, lang))));
    }
    return step.endDialog(order._id);
  }

  private noneText(cue: OrderCue, lang: ReplyLanguage): string {
    const status = cue.reference?.status;
    return status ? say(lang, ORDER_FLOW_TEXT.noOrderInStatus(namedStatus(status, lang))) : say(lang, ORDER_FLOW_TEXT.noOrderMatches);
  }

  private async ask(step: WaterfallStepContext, shown: Order[], options: OrderPickerOptions, lang: ReplyLanguage): Promise<DialogTurnResult> {
    const recent = shown.slice(0, LIST_SIZE);
    const listed = recent.map((o) => o._id);
    (step.values as PickerValues).listed = listed;
    const lines = recent.map((o, i) => `${i + 1}. ${o._id} · ${itemsShort(o, lang)} · ${statusLabel(o.status, lang)}`);
    const choices = recent.map((o) => ({ title: `${itemsShort(o, lang)} · ${statusLabel(o.status, lang)}`, value: o._id }));
    const question = options.narrowed ? ORDER_FLOW_TEXT.whichOfThese(lines.join('\n')) : ORDER_FLOW_TEXT.whichOrder(lines.join('\n'));
    const prompt = promptWith(say(lang, question), say(lang, ORDER_FLOW_TEXT.whichOrderRetry(listed[0] ?? '')), choices);
    const validations: PickValidations = {
      listed,
      purpose: options.purpose,
      // ordinal answers ("the first one", 第一个) carry a number or quantity entity; references name a brand, product or category
      expects: ['order_id', 'number', 'quantity', 'brand', 'product', 'category', 'order_reference'],
    };
    // every number of the customer's answers the pick too (a bare order number is otherwise a request of its own)
    const numbers = (await this.orders.recent(customerIdOf(step.context), LOOKED_AT)).map((o) => o._id);
    return step.prompt(PICK_PROMPT, { ...prompt, choices: [...new Set([...prompt.choices, ...numbers, ...REFERENCE_WORDS[lang]])], validations });
  }
}

interface PickValidations {
  listed: string[];
  purpose: OrderPurpose;
  expects?: string[];
}
