/**
 * Telegram outbound rendering: a channel-neutral activity → Bot API calls. Text is split to 4096
 * characters; suggested actions become an inline keyboard (tapping sends the value back as a callback
 * query) under the last piece; hero cards with a picture become sendPhoto with a 1024-character caption,
 * without one a text message. Values too long for callback_data (64 bytes) fall back to a numbered list.
 */
import type { Activity, Attachment, CardAction } from 'botbuilder';
import { splitText, utf16Units, utf8Bytes } from '../textChunks';
import { ADAPTIVE_CARD, HERO_CARD, numberedList, THUMBNAIL_CARD } from '../renderKit';

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


export function render(activity: Partial<Activity>, chatId: string): TelegramCall[] {
  if (activity.type !== 'message') return [];
  const calls: TelegramCall[] = [];
  const { keyboard, listText } = keyboardFor(activity.suggestedActions?.actions ?? [], activity.text ?? '');
  const text = [activity.text?.trim(), listText].filter(Boolean).join('\n');
  if (text) calls.push(...textCalls(chatId, text, keyboard));
  for (const attachment of activity.attachments ?? []) {
    // an adaptive card (a table) repeats what the dialogs already put in the text for card-less channels
    if (attachment.contentType === ADAPTIVE_CARD && text) continue;
    calls.push(...attachmentCalls(chatId, attachment));
  }
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

function keyboardFor(actions: CardAction[], context: string): { keyboard?: object; listText?: string } {
  if (actions.length === 0) return {};
  const buttons = actions.map(toButton);
  if (buttons.length <= MAX_BUTTONS && buttons.every((b): b is Button => b !== undefined)) {
    const rows: Button[][] = [];
    for (let i = 0; i < buttons.length; i += BUTTONS_PER_ROW) rows.push(buttons.slice(i, i + BUTTONS_PER_ROW));
    return { keyboard: { inline_keyboard: rows } };
  }
  return { listText: numberedList(actions, context) };
}

function toButton(action: CardAction): Button | undefined {
  const text = clip(String(action.title || action.value || ''), BUTTON_TEXT_LIMIT);
  if (!text) return undefined;
  if (action.type === 'openUrl') return /^https?:\/\//i.test(String(action.value)) ? { text, url: String(action.value) } : undefined;
  const data = String(action.value ?? action.title ?? '');
  if (!data || utf8Bytes(data) > CALLBACK_DATA_LIMIT_BYTES) return undefined;
  return { text, callback_data: data };
}

function attachmentCalls(chatId: string, attachment: Attachment): TelegramCall[] {
  const content = (attachment.content ?? {}) as Record<string, any>;
  if (attachment.contentType === HERO_CARD || attachment.contentType === THUMBNAIL_CARD) {
    const body = [content.title, content.subtitle, content.text].filter((s) => typeof s === 'string' && s.trim()).join('\n');
    const buttons = ((content.buttons ?? []) as CardAction[]).map(toButton).filter((b): b is Button => b !== undefined).slice(0, MAX_BUTTONS);
    const keyboard = buttons.length > 0 ? { inline_keyboard: buttons.map((b) => [b]) } : undefined;
    const image = content.images?.[0]?.url;
    if (typeof image === 'string' && /^https?:\/\//i.test(image)) {
      const [caption = '', ...rest] = body ? splitText(body, TELEGRAM_CAPTION_LIMIT, utf16Units) : [];
      const photo: TelegramCall = { method: 'sendPhoto', params: { chat_id: chatId, photo: image, ...(caption ? { caption } : {}) } };
      if (rest.length === 0) {
        if (keyboard) photo.params.reply_markup = keyboard;
        return [photo];
      }
      return [photo, ...textCalls(chatId, rest.join('\n'), keyboard)];
    }
    return body ? textCalls(chatId, body, keyboard) : [];
  }
  if (attachment.contentType === ADAPTIVE_CARD) {
    const text = typeof content.fallbackText === 'string' ? content.fallbackText : textBlocks(content.body).join('\n');
    return text.trim() ? textCalls(chatId, text, undefined) : [];
  }
  if (typeof attachment.contentUrl === 'string' && /^https?:\/\//i.test(attachment.contentUrl)) {
    if (attachment.contentType?.startsWith('image/')) return [{ method: 'sendPhoto', params: { chat_id: chatId, photo: attachment.contentUrl } }];
    return textCalls(chatId, [attachment.name, attachment.contentUrl].filter(Boolean).join('\n'), undefined);
  }
  return [];
}

function textBlocks(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(textBlocks);
  if (node === null || typeof node !== 'object') return [];
  const n = node as Record<string, unknown>;
  const own = n.type === 'TextBlock' && typeof n.text === 'string' ? [n.text] : [];
  return [...own, ...textBlocks(n.items), ...textBlocks(n.columns)];
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
