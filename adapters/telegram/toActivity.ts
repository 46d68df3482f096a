/**
 * Telegram inbound mapping (pure): an Update → an Activity, or the reason there is none.
 * Commands become text the dialogs understand (/start → a greeting, /help, /human → ask for an agent;
 * "/start 123456" from a deep link carries an account-link code); a callback query (a tapped inline
 * button) becomes its data as the user's text. The update is parsed by its zod schema first: a field of
 * the wrong type makes it `invalid` (a 400), never an exception.
 */
import { Activity, ActivityTypes } from 'botbuilder';
import { describeIssue, TgMessage, tgMessageSchema, TgUpdate, TgUser, tgUpdateSchema } from './updateSchema';

export const TELEGRAM_CHANNEL_ID = 'telegram';

export type TelegramInbound =
  | { kind: 'activity'; activity: Partial<Activity>; callbackQueryId?: string }
  | { kind: 'unsupported'; what: string; chatId: string; lang: 'zh' | 'en'; callbackQueryId?: string }
  | { kind: 'ignore' }
  | { kind: 'invalid'; reason: string };

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

export function toActivity(raw: Record<string, unknown>): TelegramInbound {
  const parsed = tgUpdateSchema.safeParse(raw);
  if (!parsed.success) return { kind: 'invalid', reason: describeIssue(parsed.error) };
  const update = parsed.data;
  if (update.callback_query !== undefined) return callbackToActivity(update.update_id, update.callback_query);
  const message = update.message;
  if (message === undefined) return { kind: 'ignore' }; // edits, channel posts, member updates …
  const user = message.from;
  if (!user) return { kind: 'invalid', reason: 'message.from is required' };
  if (user.is_bot) return { kind: 'ignore' };
  const lang = language(user);
  const activity = (text: string, extra: Partial<Activity> = {}): TelegramInbound => ({
    kind: 'activity',
    activity: base(update.update_id, message, user, text, extra),
  });

  if (typeof message.text === 'string') {
    const text = message.text.trim();
    if (!text) return { kind: 'invalid', reason: 'message.text is empty' };
    return activity(commandText(text, lang));
  }
  if (Array.isArray(message.photo) && message.photo.length > 0) {
    const largest = [...message.photo].sort((a, b) => b.width * b.height - a.width * a.height)[0];
    return activity(message.caption ?? '', {
      attachments: [{ contentType: 'image/jpeg', name: largest.file_id, content: { telegramFileId: largest.file_id, fileUniqueId: largest.file_unique_id } }],
    });
  }
  if (message.location) {
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

function callbackToActivity(updateId: number, query: NonNullable<TgUpdate['callback_query']>): TelegramInbound {
  const message = tgMessageSchema.safeParse(query.message);
  if (!message.success) return { kind: 'ignore' }; // inline-mode buttons: no chat to answer in
  const chatId = String(message.data.chat.id);
  const lang = language(query.from);
  if (typeof query.data !== 'string' || !query.data.trim()) {
    return { kind: 'unsupported', what: 'game', chatId, lang, callbackQueryId: query.id };
  }
  const activity = base(updateId, message.data, query.from, query.data.trim(), {
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
    conversation: { id: String(message.chat.id), isGroup: (message.chat.type ?? 'private') !== 'private', conversationType: message.chat.type ?? 'private', name: '' },
    text,
    locale: language(user) === 'en' ? user.language_code ?? 'en' : 'zh-CN',
    ...extra,
  };
}
