/** Invoice requests: personal (个人) or company (企业, with a validated tax id), one per paid order. */
import type { StatePropertyAccessor } from 'botbuilder';
import { DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { customerIdOf } from '../turn/customerState';
import type { CustomerProfile } from '../../services/customers/profile';
import { invoiceRefusal, normalizeTaxId, OrderService, validInvoiceTitle } from '../../services/orders';
import { withUsccCheck } from '../../services/orders/invoice';
import { say } from '../language';
import { OrderFlowDialog } from './orderFlowDialog';
import { refusalReply } from './orderRefusals';
import { ORDER_PICKER_DIALOG, OrderPickerOptions } from './orderPickerDialog';
import { answerOf, freeText, giveUp, promptWith, validatedPrompt } from './validatedPrompt';

export const INVOICE_DIALOG = 'invoiceDialog';
const FLOW = 'invoiceFlow';
const TYPE_PROMPT = 'invoiceTypePrompt';
const TITLE_PROMPT = 'invoiceTitlePrompt';
const TAX_PROMPT = 'invoiceTaxIdPrompt';
const EXAMPLE_TAX_ID = withUsccCheck('91310104MA1FR5QX2');

type InvoiceType = 'personal' | 'company';
interface InvoiceValues {
  firstText?: string;
  orderId?: string;
  type?: InvoiceType;
  title?: string;
}

function typeOf(text: string): InvoiceType | undefined {
  if (/企业|公司|单位|专票|company|business|corporate/i.test(text)) return 'company';
  if (/个人|personal|individual|myself/i.test(text)) return 'personal';
  return undefined;
}

export class InvoiceDialog extends OrderFlowDialog {
  constructor(orders: OrderService, profile: StatePropertyAccessor<CustomerProfile>) {
    super(INVOICE_DIALOG, orders, profile);
    this.add(
      validatedPrompt(TYPE_PROMPT, (text) => typeOf(text) !== undefined),
      validatedPrompt(TITLE_PROMPT, (text, _ctx, v) => validInvoiceTitle((v as { type: InvoiceType }).type, text)),
      validatedPrompt(TAX_PROMPT, (text) => normalizeTaxId(text) !== undefined),
      new WaterfallDialog(FLOW, [this.pickStep.bind(this), this.typeStep.bind(this), this.titleStep.bind(this), this.taxIdStep.bind(this), this.submitStep.bind(this)]),
    );
    this.initialDialogId = FLOW;
  }

  private async pickStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    (step.values as InvoiceValues).firstText = step.context.activity.text ?? '';
    const options: OrderPickerOptions = { prefer: ['delivered', 'shipped', 'paid'] };
    return step.beginDialog(ORDER_PICKER_DIALOG, options);
  }

  private async typeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as InvoiceValues;
    const order = await this.order(step.context, step.result);
    if (!order) return step.endDialog(step.result);
    const lang = await this.lang(step.context);
    const refused = invoiceRefusal(order);
    if (refused) {
      await step.context.sendActivity(refusalReply(refused, order, lang, 'invoice'));
      return step.endDialog();
    }
    values.orderId = order._id;
    const known = typeOf(values.firstText ?? '');
    if (known) return step.next(known);
    return step.prompt(
      TYPE_PROMPT,
      // "个人发票", not a bare "个人", which reads like a request for a person (人工)
      promptWith(say(lang, '请问开个人发票还是企业发票？', 'Is the invoice for a person or a company?'), say(lang, '请选择「个人发票」或「企业发票」。', 'Please choose "Personal" or "Company".'), [
        { title: say(lang, '个人发票', 'Personal'), value: say(lang, '个人发票', 'personal') },
        { title: say(lang, '企业发票', 'Company'), value: say(lang, '企业发票', 'company') },
      ]),
    );
  }

  private async titleStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as InvoiceValues;
    const lang = await this.lang(step.context);
    const answer = step.result === 'personal' || step.result === 'company' ? step.result : answerOf(step);
    const type = answer === undefined ? undefined : typeOf(answer) ?? (answer as InvoiceType);
    if (type !== 'personal' && type !== 'company') return giveUp(step);
    values.type = type;
    const ask =
      type === 'company'
        ? promptWith(say(lang, '请发送发票抬头（公司全称）：', 'Please send the company name for the invoice:'), say(lang, '请发送公司的完整名称，例如：上海美丽日化有限公司。', 'Please send the full registered company name, for example: Shanghai Meili Cosmetics Co., Ltd.'))
        : promptWith(
            say(lang, '请发送发票抬头（您的姓名）：', 'Please send the name for the invoice (your name):'),
            say(lang, '请发送抬头，例如：张三。', 'Please send a name, for example: Li Na.'),
          );
    return step.prompt(TITLE_PROMPT, { ...ask, validations: freeText([], { type }) });
  }

  private async taxIdStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as InvoiceValues;
    const lang = await this.lang(step.context);
    const title = answerOf(step);
    if (title === undefined || !validInvoiceTitle(values.type ?? 'personal', title)) return giveUp(step);
    values.title = title;
    if (values.type !== 'company') return step.next();
    return step.prompt(TAX_PROMPT, {
      ...promptWith(
        say(lang, '请发送公司的纳税人识别号（统一社会信用代码）：', "Please send the company's tax id (unified social credit code):"),
        say(lang, `税号格式不对哦，统一社会信用代码是 18 位，例如 ${EXAMPLE_TAX_ID}。`, `That tax id is not valid. A unified social credit code has 18 characters, for example ${EXAMPLE_TAX_ID}.`),
      ),
      validations: freeText(),
    });
  }

  private async submitStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as InvoiceValues;
    const lang = await this.lang(step.context);
    let taxId: string | undefined;
    if (values.type === 'company') {
      const answer = answerOf(step);
      taxId = answer === undefined ? undefined : normalizeTaxId(answer);
      if (!taxId) return giveUp(step);
    }
    const outcome = await this.orders.requestInvoice(customerIdOf(step.context), values.orderId ?? '', { type: values.type ?? 'personal', title: values.title ?? '', taxId });
    if (!outcome.ok) {
      await step.context.sendActivity(refusalReply(outcome.reason, outcome.order, lang, 'invoice'));
      return step.endDialog();
    }
    const kind = values.type === 'company' ? say(lang, '企业', 'company') : say(lang, '个人', 'personal');
    const tax = taxId ? say(lang, `，税号 ${taxId}`, `, tax id ${taxId}`) : '';
    await step.context.sendActivity(
      say(
        lang,
        `已为订单 ${values.orderId} 提交开票申请：电子普通发票（${kind}），抬头「${values.title}」${tax}。发票将在 1–3 个工作日内开具，可在订单详情中下载。`,
        `Invoice requested for order ${values.orderId}: electronic invoice (${kind}), title "${values.title}"${tax}. It will be issued within 1–3 working days and can be downloaded from the order page.`,
      ),
    );
    return step.endDialog(values.orderId);
  }
}
