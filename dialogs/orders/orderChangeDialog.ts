/** Change the delivery address or phone number of an order — only before it ships. */
import type { StatePropertyAccessor } from 'botbuilder';
import { DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { customerIdOf } from '../turn/customerState';
import type { CustomerProfile } from '../../services/customers/profile';
import { changeRefusal, maskPhone, normalizeAddress, normalizeMobile, OrderService } from '../../services/orders';
import { say } from '../language';
import { OrderFlowDialog } from './orderFlowDialog';
import { refusalReply } from './orderRefusals';
import { ORDER_PICKER_DIALOG, OrderPickerOptions } from './orderPickerDialog';
import { answerOf, freeText, giveUp, promptWith, validatedPrompt, yesOrNo } from './validatedPrompt';

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
    const options: OrderPickerOptions = { prefer: ['paid', 'unpaid'] };
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
    const choices = [say(lang, '修改收货地址', 'Change address'), say(lang, '修改手机号', 'Change phone')];
    return step.prompt(FIELD_PROMPT, promptWith(say(lang, '请问要修改收货地址还是手机号？', 'Do you want to change the address or the phone number?'), say(lang, '请选择要修改的内容，例如「修改收货地址」。', 'Please choose what to change, for example "Change address".'), choices));
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
        ? promptWith(say(lang, '请发送新的收货手机号：', 'Please send the new phone number:'), say(lang, '这个手机号好像不对，请发送 11 位手机号，例如 13912345678。', 'That does not look like a mobile number. Please send 11 digits, for example 13912345678.'))
        : promptWith(
            say(lang, '请发送新的收货地址（省市区 + 详细地址）：', 'Please send the new delivery address (city, district, street and number):'),
            say(lang, '地址不够完整哦，请包含省市区和门牌号，例如：上海市徐汇区漕溪北路88号3号楼1201室。', 'That address looks incomplete. Please include the city, district, street and number, for example: Room 1201, Building 3, 88 Caoxi North Road, Xuhui District, Shanghai.'),
          );
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
    const what = values.field === 'phone' ? say(lang, '收货手机号', 'phone number') : say(lang, '收货地址', 'delivery address');
    return step.prompt(
      CONFIRM_PROMPT,
      promptWith(
        say(lang, `确认把订单 ${values.orderId} 的${what}改为：${shown}？`, `Change the ${what} of order ${values.orderId} to: ${shown}?`),
        say(lang, '请回复「确认」或「不用了」。', 'Please answer "yes" or "no".'),
        [say(lang, '确认', 'Yes'), say(lang, '不用了', 'No')],
      ),
    );
  }

  private async applyStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as ChangeValues;
    const lang = await this.lang(step.context);
    const answer = answerOf(step);
    if (answer === undefined) return giveUp(step);
    if (yesOrNo(answer) === 'no') {
      await step.context.sendActivity(say(lang, '好的，收货信息保持不变。', 'OK, nothing was changed.'));
      return step.endDialog();
    }
    const change = values.field === 'phone' ? { phone: values.value } : { address: values.value };
    const outcome = await this.orders.changeContact(customerIdOf(step.context), values.orderId ?? '', change);
    if (!outcome.ok) {
      await step.context.sendActivity(refusalReply(outcome.reason, outcome.order, lang, 'change'));
      return step.endDialog();
    }
    const shown = values.field === 'phone' ? maskPhone(values.value ?? '') : values.value;
    await step.context.sendActivity(
      say(lang, `已修改成功～订单 ${values.orderId} 将按新的信息发货：${shown}。`, `Done — order ${values.orderId} will ship with the new details: ${shown}.`),
    );
    return step.endDialog(values.orderId);
  }
}
