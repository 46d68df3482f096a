/**
 * The store's standard process for a quality problem (破损, 漏液, 过敏, 过期, 假货, wrong or missing item):
 * which order → what problem → photos (image attachments are kept on the ticket) → description →
 * a ticket (工单) with number and SLA → confirmation.
 */
import type { Attachment, StatePropertyAccessor, TurnContext } from 'botbuilder';
import { DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { customerIdOf } from '../turn/customerState';
import type { CustomerProfile } from '../../services/customers/profile';
import type { OrderService } from '../../services/orders';
import { detectQualityProblem, PROBLEM_LABELS, QUALITY_PROBLEMS, QualityProblem, TicketAttachment, TicketService } from '../../services/tickets';
import { say } from '../language';
import { OrderFlowDialog } from '../orders/orderFlowDialog';
import { ORDER_PICKER_DIALOG, OrderPickerOptions } from '../orders/orderPickerDialog';
import { answerOf, freeText, gaveUp, giveUp, promptWith, validatedPrompt } from '../orders/validatedPrompt';
import { qualityConfirmation } from './afterSalesText';

export const QUALITY_TICKET_DIALOG = 'qualityTicketDialog';
const FLOW = 'qualityTicketFlow';
const PROBLEM_PROMPT = 'qualityProblemPrompt';
const PHOTO_PROMPT = 'qualityPhotoPrompt';
const DESCRIPTION_PROMPT = 'qualityDescriptionPrompt';
const SKIP = /^(跳过|没有|没有照片|没拍|拍不了|skip|no photos?|none)[。.!！]*$/i;

interface QualityValues {
  problem?: QualityProblem;
  orderId?: string;
  attachments: TicketAttachment[];
  askedPhotos?: boolean;
}

/** The images of this message, by reference only. */
export function imagesOf(context: TurnContext): TicketAttachment[] {
  return (context.activity.attachments ?? [])
    .filter((a: Attachment) => typeof a.contentType === 'string' && a.contentType.toLowerCase().startsWith('image/'))
    .map((a) => ({ contentType: a.contentType, ...(a.contentUrl ? { contentUrl: a.contentUrl } : {}), ...(a.name ? { name: a.name } : {}) }));
}

function problemOf(text: string): QualityProblem | undefined {
  const label = QUALITY_PROBLEMS.find((p) => PROBLEM_LABELS[p].zh === text || PROBLEM_LABELS[p].en.toLowerCase() === text.toLowerCase());
  return label ?? detectQualityProblem(text);
}

export class QualityTicketDialog extends OrderFlowDialog {
  constructor(
    orders: OrderService,
    private readonly tickets: TicketService,
    profile: StatePropertyAccessor<CustomerProfile>,
  ) {
    super(QUALITY_TICKET_DIALOG, orders, profile);
    this.add(
      validatedPrompt(PROBLEM_PROMPT, (text) => problemOf(text) !== undefined),
      validatedPrompt(PHOTO_PROMPT, (text, context) => imagesOf(context).length > 0 || SKIP.test(text)),
      validatedPrompt(DESCRIPTION_PROMPT, (text) => text.length >= 4 || (/^[A-Za-z ,.'!?-]+$/.test(text) && text.split(/\s+/).length >= 2)),
      new WaterfallDialog(FLOW, [
        this.pickStep.bind(this),
        this.problemStep.bind(this),
        this.photoStep.bind(this),
        this.descriptionStep.bind(this),
        this.ticketStep.bind(this),
      ]),
    );
    this.initialDialogId = FLOW;
  }

  private async pickStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as QualityValues;
    values.problem = detectQualityProblem(step.context.activity.text ?? '');
    values.attachments = imagesOf(step.context);
    const options: OrderPickerOptions = { prefer: ['delivered', 'shipped'] };
    return step.beginDialog(ORDER_PICKER_DIALOG, options);
  }

  private async problemStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as QualityValues;
    const order = await this.order(step.context, step.result);
    if (!order) return step.endDialog(step.result);
    values.orderId = order._id;
    if (values.problem) return step.next(values.problem);
    const lang = await this.lang(step.context);
    const choices = QUALITY_PROBLEMS.map((p) => PROBLEM_LABELS[p][lang]);
    return step.prompt(
      PROBLEM_PROMPT,
      promptWith(say(lang, '请问商品遇到了什么问题？', 'What is wrong with the item?'), say(lang, '请选择问题类型，例如「破损」或「漏液」。', 'Please pick the kind of problem, for example "Damaged" or "Leaking".'), choices),
    );
  }

  private async photoStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as QualityValues;
    const lang = await this.lang(step.context);
    const answer = values.problem && step.result === values.problem ? values.problem : answerOf(step);
    const problem = answer === undefined ? undefined : (QUALITY_PROBLEMS as string[]).includes(answer) ? (answer as QualityProblem) : problemOf(answer);
    if (!problem) return giveUp(step);
    values.problem = problem;
    if (values.attachments.length > 0) return step.next();
    values.askedPhotos = true;
    const what =
      problem === 'allergy'
        ? say(lang, '过敏部位和产品批号', 'the reaction and the batch number on the product')
        : problem === 'missing_item' || problem === 'wrong_item'
          ? say(lang, '收到的商品、外包装和快递面单', 'what you received, the box and the shipping label')
          : say(lang, '问题部位、产品批号/保质期和外包装', 'the problem, the batch number / expiry date and the box');
    return step.prompt(
      PHOTO_PROMPT,
      promptWith(
        say(lang, `麻烦您拍几张照片发给我：${what}，方便我们尽快核实处理。没有照片可以回复「跳过」。`, `Please send a few photos of ${what} so we can check quickly. If you have none, reply "skip".`),
        say(lang, '还没有收到照片哦～请点「+」选择照片发送，例如破损处的特写；没有照片请回复「跳过」。', 'I have not received a photo yet. Please attach a picture (for example a close-up of the damage), or reply "skip".'),
        [say(lang, '跳过', 'Skip')],
      ),
    );
  }

  private async descriptionStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as QualityValues;
    const lang = await this.lang(step.context);
    if (values.askedPhotos) {
      if (gaveUp(step)) return giveUp(step);
      values.attachments = [...values.attachments, ...imagesOf(step.context)].slice(0, 10);
    }
    return step.prompt(DESCRIPTION_PROMPT, {
      ...promptWith(
        say(lang, '收到～请再简单描述一下问题（什么时候发现的、具体情况）：', 'Thanks. Please describe the problem briefly (when you noticed it, what exactly happened):'),
        say(lang, '描述太短啦，请多写几个字，例如：收到时瓶身有裂缝，精华漏了一半。', 'That is a bit short. For example: "The bottle was cracked on arrival and half the serum leaked."'),
      ),
      validations: freeText(),
    });
  }

  private async ticketStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as QualityValues;
    const lang = await this.lang(step.context);
    const description = answerOf(step);
    if (description === undefined) return giveUp(step);
    const ticket = await this.tickets.create({
      customerId: customerIdOf(step.context),
      type: 'quality',
      orderId: values.orderId,
      problem: values.problem,
      description,
      attachments: [...values.attachments, ...imagesOf(step.context)],
    });
    await step.context.sendActivity(qualityConfirmation(ticket, lang));
    return step.endDialog({ ticketId: ticket._id });
  }
}
