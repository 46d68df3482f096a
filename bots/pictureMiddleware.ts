/**
 * Pictures the customer sends, read on every channel that can fetch them (AttachmentSource), turned into what
 * the customer means:
 *   in (or starting) an after-sales complaint or quality flow → the flow goes on, and the text read from each
 *     photo rides along with it onto the ticket (pictureTextOf); a photo sent soon after a ticket was opened
 *     joins that ticket;
 *   an order number on the picture (an order screenshot) → the order flow: "这个订单到哪了" + screenshot asks
 *     about that order, a screenshot alone asks its status;
 *   a catalogue product on the picture (a label, a product page) → the product question;
 *   nothing the shop can use → a polite question about what the picture shows.
 *
 * Reading happens before the customer's lock is taken (`reader`, outer middleware) so a second of OCR never
 * holds up the customer's other turns; the result is kept on the turn, so a retried attempt does not read
 * again. The customer's own text is restored after the turn: the conversation log keeps what they sent.
 */
import type { Activity, Attachment, StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { DialogInstance, DialogState } from 'botbuilder-dialogs';
import { AFTER_SALES_DIALOG, QUALITY_TICKET_DIALOG } from '../dialogs/afterSales';
import { customerIdOf } from '../dialogs/turn/customerState';
import { attachmentSourceOf, PICTURE_MAX_BYTES, PICTURE_TEXT, runAfterTurn, TurnMiddleware } from '../dialogs/turn/turnContracts';
import { say, scriptLanguage, type ReplyLanguage } from '../dialogs/flow/language';
import type { KnowledgeBase } from '../knowledge/types';
import type { Logger } from '../platform/logger';
import { detectQualityProblem, type TicketAttachment, type TicketService } from '../services/tickets';
import { productOnPicture, readPictureText, type PictureReader, type PictureText } from '../services/vision';
import { PICTURE_WORDS } from './pictureWords';

export { PICTURE_MAX_BYTES };
/** Pictures of one message read at most (each is a CPU-second). */
const MAX_PICTURES = 3;
/** A photo sent this soon after a ticket was opened belongs to it. */
const RECENT_TICKET_MS = 60 * 60 * 1000;
const COMPLAINT = /投诉|差评|举报|质量问题|售后|complain|complaint/i;
const COMPLAINT_DIALOGS = new Set([AFTER_SALES_DIALOG, QUALITY_TICKET_DIALOG]);

const READINGS = Symbol('pictureReadings');

interface Picture {
  attachment: Attachment;
  /** undefined: the channel could not fetch it, or the reader could not read it */
  text?: PictureText;
}

export interface PictureMiddlewareDeps {
  reader: PictureReader & { readonly enabled?: boolean };
  knowledge: Pick<KnowledgeBase, 'findProductMention'>;
  tickets: Pick<TicketService, 'latestOpen' | 'addPicture'>;
  dialogState: StatePropertyAccessor<DialogState>;
  logger: Logger;
  now?: () => Date;
}

function isImage(a: Attachment): boolean {
  return typeof a.contentType === 'string' && a.contentType.toLowerCase().startsWith('image/');
}

/** Every dialog id on the stack, inner component stacks included. */
function activeDialogIds(stack: DialogInstance[] | undefined, into: string[] = []): string[] {
  for (const instance of stack ?? []) {
    into.push(instance.id);
    const inner = (instance.state as { dialogs?: DialogState } | undefined)?.dialogs?.dialogStack;
    if (inner) activeDialogIds(inner, into);
  }
  return into;
}

export class PictureMiddleware implements TurnMiddleware {
  readonly name = 'pictures';
  /** Outer middleware: reads the pictures before the customer's lock is taken. */
  readonly reader: TurnMiddleware;
  private readonly now: () => Date;

  constructor(private readonly deps: PictureMiddlewareDeps) {
    this.now = deps.now ?? (() => new Date());
    this.reader = {
      name: 'pictureReader',
      onTurn: async (context, next) => {
        if (context.activity.type === 'message') await this.pictures(context);
        await next();
      },
    };
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const activity = context.activity;
    if (activity.type !== 'message' || !(activity.attachments ?? []).some(isImage)) return next();
    const pictures = await this.pictures(context);
    const said = (activity.text ?? '').trim();
    const texts = new Map<Attachment, string>();
    for (const p of pictures) if (p.text?.text) texts.set(p.attachment, p.text.text);
    context.turnState.set(PICTURE_TEXT, texts);

    const stack = activeDialogIds((await this.deps.dialogState.get(context))?.dialogStack);
    // the after-sales flows take the photos themselves (and the picture text with them)
    if (stack.some((id) => COMPLAINT_DIALOGS.has(id)) || COMPLAINT.test(said) || detectQualityProblem(said)) return next();

    const lang = scriptLanguage(context);
    const orderId = pictures.flatMap((p) => p.text?.orderNumbers ?? [])[0];
    const allText = pictures.map((p) => p.text?.text ?? '').join('\n');
    const product = orderId ? undefined : productOnPicture(allText, this.deps.knowledge);
    if (orderId) return this.withText(activity, said ? `${said} ${orderId}` : say(lang, PICTURE_WORDS.orderStatus(orderId)), next);
    if (product) return this.withText(activity, said ? `${said} ${product.title}` : say(lang, PICTURE_WORDS.aboutProduct(lang === 'en' ? (product.titleEn ?? product.title) : product.title)), next);
    // the customer said what the picture is about, or a question is waiting for an answer: theirs to judge
    if (said || stack.length > 0) return next();
    if (await this.joinRecentTicket(context, pictures, lang)) return;
    const read = pictures.some((p) => p.text !== undefined);
    await context.sendActivity(say(lang, read ? PICTURE_WORDS.whatIsIt : PICTURE_WORDS.couldNotRead));
  }

  /** The pictures of this message with their text; read once per turn (retried attempts reuse it). */
  private pictures(context: TurnContext): Promise<Picture[]> {
    let readings = context.turnState.get(READINGS) as Promise<Picture[]> | undefined;
    if (!readings) {
      readings = this.readAll(context);
      context.turnState.set(READINGS, readings);
    }
    return readings;
  }

  private async readAll(context: TurnContext): Promise<Picture[]> {
    const images = (context.activity.attachments ?? []).filter(isImage).slice(0, MAX_PICTURES);
    if (images.length === 0) return [];
    const source = attachmentSourceOf(context);
    const readable = source && this.deps.reader.enabled !== false;
    const pictures: Picture[] = [];
    for (const attachment of images) {
      if (!readable) {
        pictures.push({ attachment });
        continue;
      }
      try {
        const bytes = await source.readAttachment(attachment, PICTURE_MAX_BYTES);
        const reading = bytes && (await this.deps.reader.read(bytes));
        pictures.push({ attachment, ...(reading ? { text: readPictureText(reading.lines) } : {}) });
      } catch (err) {
        // never the picture or its text in the log: only that it was not read, and why
        this.deps.logger.warn({ channelId: context.activity.channelId, reason: (err as Error).message }, 'picture not read');
        pictures.push({ attachment });
      }
    }
    return pictures;
  }

  private async withText(activity: Partial<Activity>, text: string, next: () => Promise<void>): Promise<void> {
    const original = activity.text;
    activity.text = text;
    try {
      await next();
    } finally {
      activity.text = original;
    }
  }

  /** A photo sent with nothing else, soon after the customer opened a ticket, is added to that ticket. */
  private async joinRecentTicket(context: TurnContext, pictures: Picture[], lang: ReplyLanguage): Promise<boolean> {
    const ticket = await this.deps.tickets.latestOpen(customerIdOf(context));
    if (!ticket || this.now().getTime() - new Date(ticket.createdAt).getTime() > RECENT_TICKET_MS) return false;
    const photos = pictures.map((p): TicketAttachment => ({
      contentType: p.attachment.contentType,
      ...(p.attachment.contentUrl && /^https?:\/\//i.test(p.attachment.contentUrl) ? { contentUrl: p.attachment.contentUrl } : {}),
      ...(p.attachment.name ? { name: p.attachment.name } : {}),
      ...(p.text?.text ? { pictureText: p.text.text } : {}),
    }));
    // written once the turn is saved: a retried attempt must not add the photos twice
    runAfterTurn(context, async () => {
      for (const photo of photos) await this.deps.tickets.addPicture(ticket._id, photo);
    });
    await context.sendActivity(say(lang, PICTURE_WORDS.addedToTicket(ticket._id)));
    return true;
  }
}
