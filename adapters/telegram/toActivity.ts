/**
 * Telegram inbound mapping (pure): an Update → an Activity, or the reason there is none.
 * Commands become text the dialogs understand (/start → a greeting, /help, /human → ask for an agent;
 * "/start 123456" from a deep link carries an account-link code); a callback query (a tapped inline
 * button) becomes its data as the user's text.
 */
import { Activity, ActivityTypes } from 'botbuilder';

export const TELEGRAM_CHANNEL_ID = 'telegram';

export type TelegramInbound =
  | { kind: 'activity'; activity: Partial<Activity>; callbackQueryId?: string }
  | { kind: 'unsupported'; what: string; chatId: string; lang: 'zh' | 'en'; callbackQueryId?: string }
  | { kind: 'ignore' }
  | { kind: 'invalid'; reason: string };

interface TgUser {
  id: number;
  first_name?: string;
  username?: string;
  language_code?: string;
  is_bot?: boolean;
}
interface TgMessage {
  message_id: number;
  date: number;
  chat: { id: number; type: string };
  from?: TgUser;
  text?: string;
  caption?: string;
  photo?: { file_id: string; file_unique_id: string; width: number; height: number }[];
  location?: { latitude: number; longitude: number };
  [other: string]: unknown;
}

const UNSUPPORTED = ['sticker', 'video', 'video_note', 'voice', 'audio', 'animation', 'document', 'contact', 'poll', 'dice', 'game', 'venue'];

const COMMANDS: Record<string, { zh: string; en: string }> = {
  start: { zh: '你好', en: 'hello' },
  help: { zh: '帮助', en: 'help' },
  human: { zh: '转人工', en: 'human agent' },
};

function language(user?: TgUser): 'zh' | 'en' {
  const code = (user?.language_code ?? '').toLowerCase();
  return code === '' || code.startsWith('zh') ? 'zh' : 'en';
}

function isMessage(value: unknown): value is TgMessage {
  const m = value as TgMessage;
  return !!m && typeof m === 'object' && Number.isSafeInteger(m.message_id) && !!m.chat && Number.isSafeInteger(m.chat.id);
}

export function toActivity(update: Record<string, unknown>): TelegramInbound {
  if (!Number.isSafeInteger(update.update_id)) return { kind: 'invalid', reason: 'update_id must be an integer' };
  if (update.callback_query !== undefined) return callbackToActivity(update);
  if (update.message === undefined) return { kind: 'ignore' }; // edits, channel posts, member updates …
  const message = update.message;
  if (!isMessage(message)) return { kind: 'invalid', reason: 'message must have message_id and chat.id' };
  const user = message.from;
  if (!user || !Number.isSafeInteger(user.id)) return { kind: 'invalid', reason: 'message.from.id is required' };
  if (user.is_bot) return { kind: 'ignore' };
  const lang = language(user);
  const activity = (text: string, extra: Partial<Activity> = {}): TelegramInbound => ({
    kind: 'activity',
    activity: base(update.update_id as number, message, user, text, extra),
  });

  if (typeof message.text === 'string') {
    const text = message.text.trim();
    if (!text) return { kind: 'invalid', reason: 'message.text is empty' };
    return activity(commandText(text, lang));
  }
  if (Array.isArray(message.photo) && message.photo.length > 0) {
    const largest = [...message.photo].sort((a, b) => b.width * b.height - a.width * a.height)[0];
    if (typeof largest?.file_id !== 'string') return { kind: 'invalid', reason: 'photo has no file_id' };
    return activity(message.caption ?? '', {
      attachments: [{ contentType: 'image/jpeg', name: largest.file_id, content: { telegramFileId: largest.file_id, fileUniqueId: largest.file_unique_id } }],
    });
  }
  if (message.location && Number.isFinite(message.location.latitude) && Number.isFinite(message.location.longitude)) {
    const { latitude, longitude } = message.location;
    return activity('', { entities: [{ type: 'GeoCoordinates', latitude, longitude }] });
  }
  const what = UNSUPPORTED.find((k) => message[k] !== undefined) ?? 'unknown';
  return { kind: 'unsupported', what, chatId: String(message.chat.id), lang };
}

/** "/start", "/help@ShopBot", "/start 123456" → the text the dialogs understand. */
export function commandText(text: string, lang: 'zh' | 'en'): string {
  const match = /^\/([A-Za-z0-9_]{1,32})(?:@[A-Za-z0-9_]+)?(?:\s+(.*))?$/s.exec(text);
  if (!match) return text;
  const [, command, args = ''] = match;
  const name = command.toLowerCase();
  if (name === 'start' && /^\d{6}$/.test(args.trim())) return args.trim();
  const mapped = COMMANDS[name];
  if (!mapped) return text;
  return mapped[lang];
}

function callbackToActivity(update: Record<string, unknown>): TelegramInbound {
  const query = update.callback_query as { id?: unknown; from?: TgUser; data?: unknown; message?: unknown };
  if (!query || typeof query.id !== 'string' || !query.from || !Number.isSafeInteger(query.from.id)) {
    return { kind: 'invalid', reason: 'callback_query needs id and from.id' };
  }
  if (!isMessage(query.message)) return { kind: 'ignore' }; // inline-mode buttons: no chat to answer in
  const lang = language(query.from);
  if (typeof query.data !== 'string' || !query.data.trim()) {
    return { kind: 'unsupported', what: 'game', chatId: String(query.message.chat.id), lang, callbackQueryId: query.id };
  }
  const activity = base(update.update_id as number, query.message, query.from, query.data.trim(), {
    channelData: { callbackQueryId: query.id },
  });
  return { kind: 'activity', activity, callbackQueryId: query.id };
}

function base(updateId: number, message: TgMessage, user: TgUser, text: string, extra: Partial<Activity>): Partial<Activity> {
  const name = user.username ?? user.first_name ?? String(user.id);
  return {
    type: ActivityTypes.Message,
    id: String(updateId),
    channelId: TELEGRAM_CHANNEL_ID,
    serviceUrl: 'telegram://bot-api',
    timestamp: new Date(message.date * 1000),
    from: { id: String(user.id), name, role: 'user' },
    recipient: { id: 'bot', name: 'bot', role: 'bot' },
    conversation: { id: String(message.chat.id), isGroup: message.chat.type !== 'private', conversationType: message.chat.type, name: '' },
    text,
    locale: language(user) === 'en' ? user.language_code ?? 'en' : 'zh-CN',
    ...extra,
  };
}
