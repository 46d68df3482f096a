/** Change the delivery address or phone number of an order — only before it ships. */
import type { StatePropertyAccessor } from 'botbuilder';
import { DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { customerIdOf } from '../turn/customerState';
import type { CustomerProfile } from '../../services/customers/profile';
import { changeRefusal, maskPhone, normalizeAddress, normalizeMobile, OrderService } from '../../services/orders';
import { say } from '../flow/language';
import { OrderFlowDialog } from '../flow/orderFlowDialog';
import { refusalReply } from './orderRefusals';
import { ORDER_PICKER_DIALOG, OrderPickerOptions } from '../flow/orderPickerDialog';
import { answerOf, freeText, giveUp, promptWith, validatedPrompt } from '../flow/validatedPrompt';
import { yesOrNo } from '../flow/yesNo';
import { ORDER_TEXT } from './text';

export const ORDER_CHANGE_DIALOG = 'orderChangeDialog';
const FLOW = 'orderChangeFlow';
const FIELD_PROMPT = 'orderChangeFieldPrompt';
const VALUE_PROMPT = 'orderChangeValuePrompt';
const CONFIRM_PROMPT = 'orderChangeConfirmPrompt';

type Field = 'address' | 'phone';
interface ChangeValues {
  firstText?: string;
  orderId?: string;
  field?: Field;
  value?: string;
}

function fieldOf(text: string): Field | undefined {
  if (/电话|手机|phone|mobile/i.test(text)) return 'phone';
  if (/地址|收货|address/i.test(text)) return 'address';
  if (/号码|number/i.test(text)) return 'phone';
  return undefined;
}

/** A mobile number written inside a longer message ("电话改成 139 1234 5678"). */
function mobileIn(text: string): string | undefined {
  const match = /(?<!\d)(?:\+?86)?1[3-9](?:[\s-]?\d){9}(?!\d)/.exec(text);
  return match ? normalizeMobile(match[0]) : undefined;
}

export class OrderChangeDialog extends OrderFlowDialog {
  constructor(orders: OrderService, profile: StatePropertyAccessor<CustomerProfile>) {
    super(ORDER_CHANGE_DIALOG, orders, profile);
    this.add(
      validatedPrompt(FIELD_PROMPT, (text) => fieldOf(text) !== undefined),
      validatedPrompt(VALUE_PROMPT, (text, _ctx, v) => ((v as { field?: Field })?.field === 'phone' ? !!normalizeMobile(text) : !!normalizeAddress(text))),
      validatedPrompt(CONFIRM_PROMPT, (text) => yesOrNo(text) !== undefined),
      new WaterfallDialog(FLOW, [
        this.pickStep.bind(this),
        this.fieldStep.bind(this),
        this.valueStep.bind(this),
        this.confirmStep.bind(this),
        this.applyStep.bind(this),
      ]),
    );
    this.initialDialogId = FLOW;
  }

  private async pickStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    (step.values as ChangeValues).firstText = step.context.activity.text ?? '';
    const options: OrderPickerOptions = { purpose: 'change', announce: true };
    return step.beginDialog(ORDER_PICKER_DIALOG, options);
  }

  private async fieldStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as ChangeValues;
    const order = await this.order(step.context, step.result);
    if (!order) return step.endDialog(step.result);
    const lang = await this.lang(step.context);
    const refused = changeRefusal(order);
    if (refused) {
      await step.context.sendActivity(refusalReply(refused, order, lang, 'change'));
      return step.endDialog();
    }
    values.orderId = order._id;
    const field = fieldOf(values.firstText ?? '');
    if (field) return step.next(field);
    const choices = [say(lang, ORDER_TEXT.changeAddress), say(lang, ORDER_TEXT.changePhone)];
    return step.prompt(FIELD_PROMPT, promptWith(say(lang, ORDER_TEXT.askChangeField), say(lang, ORDER_TEXT.changeFieldRetry), choices));
  }

  private async valueStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as ChangeValues;
    const lang = await this.lang(step.context);
    const answer = typeof step.result === 'string' && ['address', 'phone'].includes(step.result) ? step.result : answerOf(step);
    const field = answer === undefined ? undefined : fieldOf(answer) ?? (answer as Field);
    if (field !== 'address' && field !== 'phone') return giveUp(step);
    values.field = field;
    const inline = field === 'phone' ? mobileIn(values.firstText ?? '') : undefined;
    if (inline) return step.next(inline);
    const ask =
      field === 'phone'
        ? promptWith(say(lang, ORDER_TEXT.askNewPhone), say(lang, ORDER_TEXT.newPhoneRetry))
        : promptWith(say(lang, ORDER_TEXT.askNewAddress), say(lang, ORDER_TEXT.newAddressRetry));
    return step.prompt(VALUE_PROMPT, { ...ask, validations: freeText(field === 'phone' ? ['phone'] : [], { field }) });
  }

  private async confirmStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as ChangeValues;
    const lang = await this.lang(step.context);
    const raw = answerOf(step);
    const value = raw === undefined ? undefined : values.field === 'phone' ? normalizeMobile(raw) : normalizeAddress(raw);
    if (!value) return giveUp(step);
    values.value = value;
    const shown = values.field === 'phone' ? maskPhone(value) : value;
    const what = values.field === 'phone' ? say(lang, ORDER_TEXT.phoneField) : say(lang, ORDER_TEXT.addressField);
    return step.prompt(
      CONFIRM_PROMPT,
      promptWith(say(lang, ORDER_TEXT.confirmChange(values.orderId, what, shown)), say(lang, ORDER_TEXT.confirmChangeRetry), [
        say(lang, ORDER_TEXT.yes),
        say(lang, ORDER_TEXT.no),
      ]),
    );
  }

  private async applyStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as ChangeValues;
    const lang = await this.lang(step.context);
    const answer = answerOf(step);
    if (answer === undefined) return giveUp(step);
    if (yesOrNo(answer) === 'no') {
      await step.context.sendActivity(say(lang, ORDER_TEXT.nothingChanged));
      return step.endDialog();
    }
    const change = values.field === 'phone' ? { phone: values.value } : { address: values.value };
    const outcome = await this.orders.changeContact(customerIdOf(step.context), values.orderId ?? '', change);
    if (!outcome.ok) {
      await step.context.sendActivity(refusalReply(outcome.reason, outcome.order, lang, 'change'));
      return step.endDialog();
    }
    const shown = values.field === 'phone' ? maskPhone(values.value ?? '') : values.value;
    await step.context.sendActivity(say(lang, ORDER_TEXT.changed(values.orderId, shown)));
    return step.endDialog(values.orderId);
  }
}
