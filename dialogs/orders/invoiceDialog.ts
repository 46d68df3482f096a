/** Invoice requests: personal (个人) or company (企业, with a validated tax id), one per paid order. */
import type { StatePropertyAccessor } from 'botbuilder';
import { DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { customerIdOf } from '../turn/customerState';
import type { CustomerProfile } from '../../services/customers/profile';
import { invoiceRefusal, normalizeTaxId, OrderService, validInvoiceTitle } from '../../services/orders';
import { withUsccCheck } from '../../services/orders/invoice';
import { say } from '../flow/language';
import { OrderFlowDialog } from '../flow/orderFlowDialog';
import { refusalReply } from './orderRefusals';
import { ORDER_PICKER_DIALOG, OrderPickerOptions } from '../flow/orderPickerDialog';
import { answerOf, freeText, giveUp, promptWith, validatedPrompt } from '../flow/validatedPrompt';
import { ORDER_TEXT } from './text';

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
    const options: OrderPickerOptions = { purpose: 'invoice', announce: true };
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
      promptWith(say(lang, ORDER_TEXT.askInvoiceType), say(lang, ORDER_TEXT.invoiceTypeRetry), [
        { title: say(lang, ORDER_TEXT.personalInvoiceTitle), value: say(lang, ORDER_TEXT.personalInvoiceValue) },
        { title: say(lang, ORDER_TEXT.companyInvoiceTitle), value: say(lang, ORDER_TEXT.companyInvoiceValue) },
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
        ? promptWith(say(lang, ORDER_TEXT.askCompanyName), say(lang, ORDER_TEXT.companyNameRetry))
        : promptWith(say(lang, ORDER_TEXT.askPersonalName), say(lang, ORDER_TEXT.personalNameRetry));
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
      ...promptWith(say(lang, ORDER_TEXT.askTaxId), say(lang, ORDER_TEXT.taxIdRetry(EXAMPLE_TAX_ID))),
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
    const kind = values.type === 'company' ? say(lang, ORDER_TEXT.companyKind) : say(lang, ORDER_TEXT.personalKind);
    const tax = taxId ? say(lang, ORDER_TEXT.taxIdNote(taxId)) : '';
    await step.context.sendActivity(say(lang, ORDER_TEXT.invoiceRequested(values.orderId, kind, values.title, tax)));
    return step.endDialog(values.orderId);
  }
}
