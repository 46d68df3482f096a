/**
 * Finds out which order the customer means: the order number in the message that started the flow
 * (NLU order_id entity, else a 10–20 digit run), otherwise a pick from their recent orders offered as
 * suggested actions. Ends with the order number, or undefined when there is none to pick.
 */
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { ComponentDialog, DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { customerIdOf } from '../turn/customerState';
import { nluResultOf } from '../turn/turnContracts';
import type { CustomerProfile } from '../../services/customers/profile';
import { findOrderNumber, Order, OrderService, OrderStatus } from '../../services/orders';
import { ReplyLanguage, say } from './language';
import { flowLanguage } from './language';
import { itemsShort, ORDER_FLOW_TEXT, statusLabel } from './orderText';
import { answerOf, giveUp, promptWith, validatedPrompt } from './validatedPrompt';

export const ORDER_PICKER_DIALOG = 'orderPickerDialog';
const FLOW = 'orderPickerFlow';
const PICK_PROMPT = 'orderPickPrompt';
const ORDINALS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, first: 1, second: 2, third: 3, fourth: 4, fifth: 5 };

interface PickerValues {
  listed?: string[];
}

export interface OrderPickerOptions {
  /** orders in these statuses are listed first (e.g. delivered ones for a return) */
  prefer?: OrderStatus[];
}

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
    this.addDialog(
      validatedPrompt(PICK_PROMPT, (text, context, validations) =>
        this.resolve(text, context, (validations as { listed?: string[] } | undefined)?.listed ?? []).then(Boolean),
      ),
    );
    this.addDialog(new WaterfallDialog(FLOW, [this.askStep.bind(this), this.pickedStep.bind(this)]));
    this.initialDialogId = FLOW;
  }

  private async lang(context: TurnContext): Promise<ReplyLanguage> {
    return flowLanguage(context, this.profile);
  }

  /** The customer's order the text names, by number or by its place in the list we showed. */
  private async resolve(text: string, context: TurnContext, listed: string[]): Promise<string | undefined> {
    const customerId = customerIdOf(context);
    const number = findOrderNumber(text, nluResultOf(context)?.entities ?? []);
    if (number) return (await this.orders.get(customerId, number)) ? number : undefined;
    const n = ordinalOf(text);
    return n && listed[n - 1] ? listed[n - 1] : undefined;
  }

  private async askStep(step: WaterfallStepContext<OrderPickerOptions>): Promise<DialogTurnResult> {
    const lang = await this.lang(step.context);
    const customerId = customerIdOf(step.context);
    const text = step.context.activity.text ?? '';
    const named = findOrderNumber(text, nluResultOf(step.context)?.entities ?? []);
    if (named) {
      if (await this.orders.get(customerId, named)) return step.endDialog(named);
      await step.context.sendActivity(say(lang, ORDER_FLOW_TEXT.notInAccount(named)));
    }
    const prefer = step.options?.prefer;
    // preferred statuses first, in the caller's order (delivered before shipped for a quality problem), newest first within each
    const rank = (status: OrderStatus) => (prefer?.includes(status) ? prefer.indexOf(status) : (prefer?.length ?? 0));
    const recent: Order[] = (await this.orders.recent(customerId, 10)).sort((a, b) => rank(a.status) - rank(b.status)).slice(0, 5);
    if (recent.length === 0) {
      await step.context.sendActivity(say(lang, ORDER_FLOW_TEXT.noOrders));
      return step.endDialog(undefined);
    }
    const listed = recent.map((o) => o._id);
    (step.values as PickerValues).listed = listed;
    const lines = recent.map((o, i) => `${i + 1}. ${o._id} · ${itemsShort(o, lang)} · ${statusLabel(o.status, lang)}`);
    const choices = recent.map((o) => ({ title: `${itemsShort(o, lang)} · ${statusLabel(o.status, lang)}`, value: o._id }));
    const example = recent[0]._id;
    return step.prompt(PICK_PROMPT, {
      ...promptWith(
        say(lang, ORDER_FLOW_TEXT.whichOrder(lines.join('\n'))),
        say(lang, ORDER_FLOW_TEXT.whichOrderRetry(example)),
        choices,
      ),
      // ordinal answers ("the first one", 第一个) carry a number or quantity entity
      validations: { listed, expects: ['order_id', 'number', 'quantity'] },
    });
  }

  private async pickedStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = answerOf(step);
    const orderId = answer === undefined ? undefined : await this.resolve(answer, step.context, (step.values as PickerValues).listed ?? []);
    if (!orderId) return giveUp(step);
    return step.endDialog(orderId);
  }
}
