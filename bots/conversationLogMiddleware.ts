/**
 * Records every customer message and every reply the bot sends, on every channel, into the customer's
 * conversation log (what agents read as the history). Runs first in the turn's middleware, so messages
 * the handoff gate keeps from the bot are recorded too. Appending only buffers (the log writes in
 * batches): nothing here waits for the store.
 *
 * Its send handler is registered after the bot's outbox, so a reply held by an attempt that is retried
 * never reaches it; only what is really sent is recorded.
 */
import type { Activity, Attachment, TurnContext } from 'botbuilder';
import type { ConversationLog, LogLanguage } from '../services/conversationLog';
import { customerIdOf } from '../dialogs/turn/customerState';
import { nluResultOf, TurnMiddleware } from '../dialogs/turn/turnContracts';

const RECORDING = Symbol('conversationLogRecording');

export class ConversationLogMiddleware implements TurnMiddleware {
  readonly name = 'conversationLog';

  constructor(private readonly log: Pick<ConversationLog, 'append'>) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    // middleware runs again in a retried attempt: the message and the send handler only once
    if (context.turnState.get(RECORDING)) return next();
    context.turnState.set(RECORDING, true);
    const customerId = customerIdOf(context);
    const channelId = context.activity.channelId;
    const at = new Date();
    context.onSendActivities(async (ctx, activities, sendNext) => {
      const responses = await sendNext();
      for (const activity of activities) {
        const text = activity.type === 'message' ? replyText(activity) : '';
        if (text) this.log.append({ customerId: customerIdOf(ctx), at: new Date(), from: 'bot', channelId, text });
      }
      return responses;
    });
    try {
      await next();
    } finally {
      const text = customerText(context.activity);
      if (text) this.log.append({ customerId, at, from: 'customer', channelId, text, lang: messageLanguage(context) });
    }
  }
}

function customerText(activity: Partial<Activity>): string {
  const text = (activity.text ?? '').trim();
  if (text) return text;
  const files = (activity.attachments ?? []).map((a) => `[${a.name ?? a.contentType ?? 'attachment'}]`);
  return files.join(' ');
}

/** The text the customer saw: the message text, else each card by its title. */
function replyText(activity: Partial<Activity>): string {
  const parts = [(activity.text ?? '').trim(), ...(activity.attachments ?? []).map(cardTitle)].filter(Boolean);
  return [...new Set(parts)].join('\n');
}

function cardTitle(attachment: Attachment): string {
  const content = attachment.content as { title?: unknown; body?: { type?: string; text?: unknown }[] } | undefined;
  if (typeof content?.title === 'string') return content.title;
  const block = Array.isArray(content?.body) ? content.body.find((b) => b?.type === 'TextBlock' && typeof b.text === 'string') : undefined;
  return typeof block?.text === 'string' ? block.text : '';
}

function messageLanguage(context: TurnContext): LogLanguage | undefined {
  const nlu = nluResultOf(context)?.language;
  if (nlu === 'zh' || nlu === 'en') return nlu;
  const text = context.activity.text ?? '';
  if (/\p{Script=Han}/u.test(text)) return 'zh';
  if (/[A-Za-z]{2,}/.test(text)) return 'en';
  return undefined;
}
