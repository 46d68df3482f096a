/**
 * Telegram outbound rendering: a channel-neutral activity → Bot API calls. Text is split to 4096
 * characters; suggested actions become an inline keyboard (tapping sends the value back as a callback
 * query) under the last piece; values too long for callback_data (64 bytes) fall back to a numbered list.
 * Attachments go through the pieces below (see ../renderKit.ts): hero cards with a picture become
 * sendPhoto with a 1024-character caption, without one a text message.
 */
import type { Activity, CardAction } from 'botbuilder';
import { splitText, utf16Units, utf8Bytes } from '../textChunks';
import {
  ADAPTIVE_CARD,
  adaptiveCardInText,
  adaptiveCardText,
  AttachmentRenderer,
  cardContent,
  cardLines,
  httpUrl,
  isHeroLike,
  linesWithChoices,
  RenderContext,
  renderAttachment,
} from '../renderKit';

export const TELEGRAM_TEXT_LIMIT = 4096;
export const TELEGRAM_CAPTION_LIMIT = 1024;
export const CALLBACK_DATA_LIMIT_BYTES = 64;
export const MAX_BUTTONS = 100;
const BUTTONS_PER_ROW = 2;
const BUTTON_TEXT_LIMIT = 64;

export interface TelegramCall {
  method: 'sendMessage' | 'sendPhoto';
  params: Record<string, unknown>;
}

type Button = { text: string; callback_data: string } | { text: string; url: string };
type TelegramContext = RenderContext & { chatId: string };
type Piece = AttachmentRenderer<TelegramCall[], TelegramContext>;

export function render(activity: Partial<Activity>, chatId: string): TelegramCall[] {
  if (activity.type !== 'message') return [];
  const calls: TelegramCall[] = [];
  const actions = activity.suggestedActions?.actions ?? [];
  const keyboard = inlineKeyboard(actions);
  const text = linesWithChoices([activity.text?.trim()], keyboard ? [] : actions);
  if (text) calls.push(...textCalls(chatId, text, keyboard));
  const context: TelegramContext = { activity, text, chatId };
  for (const attachment of activity.attachments ?? []) calls.push(...(renderAttachment(RENDERERS, attachment, context) ?? []));
  // no text but actions: the keyboard still needs a message to hang on
  if (!text && keyboard && calls.length > 0 && !calls[calls.length - 1].params.reply_markup) {
    calls[calls.length - 1].params.reply_markup = keyboard;
  }
  return calls;
}

function textCalls(chatId: string, text: string, keyboard?: object): TelegramCall[] {
  const pieces = splitText(text, TELEGRAM_TEXT_LIMIT, utf16Units);
  return pieces.map((piece, i) => ({
    method: 'sendMessage',
    params: { chat_id: chatId, text: piece, ...(keyboard && i === pieces.length - 1 ? { reply_markup: keyboard } : {}) },
  }));
}

/** The actions as an inline keyboard; undefined when there are none or one cannot be a button. */
function inlineKeyboard(actions: CardAction[]): object | undefined {
  if (actions.length === 0) return undefined;
  const buttons = actions.map(toButton);
  if (buttons.length > MAX_BUTTONS || !buttons.every((b): b is Button => b !== undefined)) return undefined;
  const rows: Button[][] = [];
  for (let i = 0; i < buttons.length; i += BUTTONS_PER_ROW) rows.push(buttons.slice(i, i + BUTTONS_PER_ROW));
  return { inline_keyboard: rows };
}

function toButton(action: CardAction): Button | undefined {
  const text = clip(String(action.title || action.value || ''), BUTTON_TEXT_LIMIT);
  if (!text) return undefined;
  if (action.type === 'openUrl') {
    const url = httpUrl(action.value);
    return url ? { text, url } : undefined;
  }
  const data = String(action.value ?? action.title ?? '');
  if (!data || utf8Bytes(data) > CALLBACK_DATA_LIMIT_BYTES) return undefined;
  return { text, callback_data: data };
}

/** A card's text, and its buttons (those Telegram can show) one per row. */
function cardParts(content: Record<string, any>): { body: string; keyboard?: object } {
  const buttons = ((content.buttons ?? []) as CardAction[]).map(toButton).filter((b): b is Button => b !== undefined).slice(0, MAX_BUTTONS);
  const keyboard = buttons.length > 0 ? { inline_keyboard: buttons.map((b) => [b]) } : undefined;
  return { body: cardLines(content, ['title', 'subtitle', 'text']).join('\n'), keyboard };
}

const heroImage = (content: Record<string, any>): string | undefined => httpUrl(content.images?.[0]?.url);

const heroAsPhoto: Piece = {
  handles: (attachment) => isHeroLike(attachment) && heroImage(cardContent(attachment)) !== undefined,
  render: (attachment, { chatId }) => {
    const content = cardContent(attachment);
    const { body, keyboard } = cardParts(content);
    const [caption = '', ...rest] = body ? splitText(body, TELEGRAM_CAPTION_LIMIT, utf16Units) : [];
    const photo: TelegramCall = { method: 'sendPhoto', params: { chat_id: chatId, photo: heroImage(content), ...(caption ? { caption } : {}) } };
    if (rest.length === 0) {
      if (keyboard) photo.params.reply_markup = keyboard;
      return [photo];
    }
    return [photo, ...textCalls(chatId, rest.join('\n'), keyboard)];
  },
};

const heroAsText: Piece = {
  handles: isHeroLike,
  render: (attachment, { chatId }) => {
    const { body, keyboard } = cardParts(cardContent(attachment));
    return body ? textCalls(chatId, body, keyboard) : [];
  },
};

const adaptiveAsText: Piece = {
  handles: (attachment) => attachment.contentType === ADAPTIVE_CARD,
  render: (attachment, { chatId }) => {
    const content = cardContent(attachment);
    const text = adaptiveCardText(content, content.body, 'textBlocks');
    return text.trim() ? textCalls(chatId, text, undefined) : [];
  },
};

const imageAsPhoto: Piece = {
  handles: (attachment) => httpUrl(attachment.contentUrl) !== undefined && attachment.contentType?.startsWith('image/') === true,
  render: (attachment, { chatId }) => [{ method: 'sendPhoto', params: { chat_id: chatId, photo: attachment.contentUrl } }],
};

const linkAsText: Piece = {
  handles: (attachment) => httpUrl(attachment.contentUrl) !== undefined,
  render: (attachment, { chatId }) => textCalls(chatId, [attachment.name, attachment.contentUrl].filter(Boolean).join('\n'), undefined),
};

/** In order: the first piece that handles an attachment renders it; anything else is left out. */
const RENDERERS: Piece[] = [adaptiveCardInText, heroAsPhoto, heroAsText, adaptiveAsText, imageAsPhoto, linkAsText];

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
