/**
 * The store's standard process for a quality problem (破损, 漏液, 过敏, 过期, 假货, wrong or missing item):
 * which order → what problem → photos (image attachments are kept on the ticket) → description →
 * a ticket (工单) with number and SLA → confirmation.
 */
import type { Attachment, StatePropertyAccessor, TurnContext } from 'botbuilder';
import { DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { customerIdOf } from '../turn/customerState';
import { pictureTextOf } from '../turn/turnContracts';
import type { CustomerProfile } from '../../services/customers/profile';
import type { OrderService } from '../../services/orders';
import { detectQualityProblem, PROBLEM_LABELS, QUALITY_PROBLEMS, QualityProblem, TicketAttachment, TicketService } from '../../services/tickets';
import { say } from '../flow/language';
import { OrderFlowDialog } from '../flow/orderFlowDialog';
import { ORDER_PICKER_DIALOG, OrderPickerOptions } from '../flow/orderPickerDialog';
import { answerOf, freeText, gaveUp, giveUp, promptWith, validatedPrompt } from '../flow/validatedPrompt';
import { qualityConfirmation } from './afterSalesReplies';
import { AFTER_SALES_TEXT } from './text';

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

/** The images of this message, by reference only, with the text read from each (bots/pictureMiddleware.ts). */
export function imagesOf(context: TurnContext): TicketAttachment[] {
  return (context.activity.attachments ?? [])
    .filter((a: Attachment) => typeof a.contentType === 'string' && a.contentType.toLowerCase().startsWith('image/'))
    .map((a) => {
      const pictureText = pictureTextOf(context, a);
      return { contentType: a.contentType, ...(a.contentUrl ? { contentUrl: a.contentUrl } : {}), ...(a.name ? { name: a.name } : {}), ...(pictureText ? { pictureText } : {}) };
    });
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
    const options: OrderPickerOptions = { purpose: 'quality', announce: true };
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
      promptWith(say(lang, AFTER_SALES_TEXT.askProblem), say(lang, AFTER_SALES_TEXT.problemRetry), choices),
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
        ? say(lang, AFTER_SALES_TEXT.photosOfAllergy)
        : problem === 'missing_item' || problem === 'wrong_item'
          ? say(lang, AFTER_SALES_TEXT.photosOfParcel)
          : say(lang, AFTER_SALES_TEXT.photosOfProblem);
    return step.prompt(
      PHOTO_PROMPT,
      promptWith(say(lang, AFTER_SALES_TEXT.askPhotos(what)), say(lang, AFTER_SALES_TEXT.photoRetry), [say(lang, AFTER_SALES_TEXT.skip)]),
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
      ...promptWith(say(lang, AFTER_SALES_TEXT.askDescription), say(lang, AFTER_SALES_TEXT.descriptionRetry)),
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
