/**
 * Mini Program outbound rendering: channel-neutral activities → customer-service messages (there is no
 * passive reply: everything goes through cgi-bin/message/custom/send). Text is split at 2048 bytes and
 * short texts joined; suggested actions become a numbered list (no buttons in the chat). A product card
 * becomes a `miniprogrampage` card that opens the product's page in the Mini Program when the page
 * template (MINIPROGRAM_PRODUCT_PAGE) and the card picture (uploaded media) are there, else a link card,
 * else text (see ../renderKit.ts for the shared pieces).
 */
import type { Activity, Attachment } from 'botbuilder';
import { PRODUCT_IMAGE_PREFIX } from '../../knowledge/packshots';
import { splitText, utf8Bytes } from '../textChunks';
import { cardButtons, cardDescription, cardLink, cardTitle, clipBytes } from '../wechatKit/cardParts';
import {
  ADAPTIVE_CARD,
  adaptiveCardInText,
  adaptiveCardText,
  AttachmentRenderer,
  cardContent,
  httpUrl,
  isHeroLike,
  linesWithChoices,
  RenderContext,
  renderAttachment,
} from '../renderKit';

export const MINIPROGRAM_TEXT_LIMIT_BYTES = 2048;
/** most messages sent for one customer message */
export const MINIPROGRAM_MAX_MESSAGES_PER_TURN = 5;

export type MiniProgramMessage =
  | { msgtype: 'text'; text: { content: string } }
  | { msgtype: 'link'; link: { title: string; description: string; url: string; thumb_url: string } }
  | { msgtype: 'miniprogrampage'; miniprogrampage: { title: string; pagepath: string; thumb_media_id: string } };

export interface RenderOptions {
  /** the product page, `{id}` standing for the product id */
  productPage?: string;
  /** the uploaded picture every product-page card shows */
  thumbMediaId?: string;
}

interface CardContext extends RenderContext {
  options: RenderOptions;
}

export function render(activities: Partial<Activity>[], options: RenderOptions = {}): MiniProgramMessage[] {
  const out: MiniProgramMessage[] = [];
  const pushText = (text: string) => {
    const last = out[out.length - 1];
    if (last?.msgtype === 'text' && utf8Bytes(`${last.text.content}\n\n${text}`) <= MINIPROGRAM_TEXT_LIMIT_BYTES) {
      last.text.content = `${last.text.content}\n\n${text}`;
      return;
    }
    for (const piece of splitText(text, MINIPROGRAM_TEXT_LIMIT_BYTES, utf8Bytes)) out.push({ msgtype: 'text', text: { content: piece } });
  };
  for (const activity of activities) {
    if (activity.type !== 'message') continue;
    const text = linesWithChoices([activity.text?.trim()], activity.suggestedActions?.actions ?? []);
    if (text) pushText(text);
    const context: CardContext = { activity, text: activity.text?.trim() ?? '', options };
    for (const attachment of activity.attachments ?? []) {
      const rendered = renderAttachment(RENDERERS, attachment, context);
      if (typeof rendered === 'string') pushText(rendered);
      else if (rendered) out.push(rendered);
    }
  }
  return out.slice(0, MINIPROGRAM_MAX_MESSAGES_PER_TURN);
}

/** The text of a message as the customer reads it (tests, logs of counts). */
export function messageText(message: MiniProgramMessage): string {
  if (message.msgtype === 'text') return message.text.content;
  if (message.msgtype === 'link') return [message.link.title, message.link.description].filter(Boolean).join('\n');
  return message.miniprogrampage.title;
}


/** The product a card shows: its picture is the store's packshot of it (dialogs/flow/cards.ts). */
export function cardProductId(content: Record<string, any>): string | undefined {
  const image = String(content.images?.[0]?.url ?? '');
  const at = image.indexOf(PRODUCT_IMAGE_PREFIX);
  if (at < 0) return undefined;
  const file = image.slice(at + PRODUCT_IMAGE_PREFIX.length).replace(/\.svg$/, '');
  try {
    return decodeURIComponent(file) || undefined;
  } catch {
    return undefined;
  }
}

const productPage: AttachmentRenderer<MiniProgramMessage, CardContext> = {
  handles: (attachment, context) =>
    isHeroLike(attachment) && Boolean(context.options.productPage && context.options.thumbMediaId && cardTitle(cardContent(attachment)) && cardProductId(cardContent(attachment))),
  render: (attachment, { options }) => {
    const content = cardContent(attachment);
    const pagepath = options.productPage!.replace('{id}', encodeURIComponent(cardProductId(content)!));
    return { msgtype: 'miniprogrampage', miniprogrampage: { title: clipBytes(cardTitle(content), 64), pagepath, thumb_media_id: options.thumbMediaId! } };
  },
};

const linkCard: AttachmentRenderer<MiniProgramMessage, CardContext> = {
  handles: (attachment) => isHeroLike(attachment) && Boolean(cardTitle(cardContent(attachment)) && cardLink(cardContent(attachment))),
  render: (attachment) => {
    const content = cardContent(attachment);
    const link = { title: clipBytes(cardTitle(content), 64), description: clipBytes(cardDescription(content), 120), url: cardLink(content)!, thumb_url: httpUrl(content.images?.[0]?.url) ?? '' };
    return { msgtype: 'link', link };
  },
};

/** Hero cards without a link, adaptive cards and plain links read as text (the string is joined with the text). */
const asText: AttachmentRenderer<string, CardContext> = {
  handles: (attachment) => isHeroLike(attachment) || attachment.contentType === ADAPTIVE_CARD || httpUrl(attachment.contentUrl) !== undefined,
  render: (attachment: Attachment) => {
    const content = cardContent(attachment);
    if (isHeroLike(attachment)) return linesWithChoices([cardTitle(content), cardDescription(content)], cardButtons(content).filter((b) => b.type !== 'openUrl')) || undefined;
    if (attachment.contentType === ADAPTIVE_CARD) return adaptiveCardText(content, content, 'everything').trim() || undefined;
    return [attachment.name, attachment.contentUrl].filter(Boolean).join('\n');
  },
};

const RENDERERS: AttachmentRenderer<MiniProgramMessage | string, CardContext>[] = [adaptiveCardInText, productPage, linkCard, asText];
