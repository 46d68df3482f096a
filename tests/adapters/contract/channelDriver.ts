/**
 * The one shape every channel driver has, so the adapter contract suite and the conversation tables run
 * unchanged on each channel. A Reply is what the customer saw, read back from what the channel really
 * received (the app's JSON, the Emulator's serviceUrl, the Direct Line log, WeChat's passive XML and
 * customer-service API, Telegram's Bot API), reduced to text, choices and cards.
 */
import { ConversationReferences } from '../../../services/customers';
import type { RunningApp } from '../../helpers/testApp';

export type ChannelName = 'app' | 'emulator' | 'webchat' | 'wechat' | 'telegram' | 'miniprogram' | 'live' | 'voice';

export interface Card {
  /** how the channel showed it: a Bot Framework card, a WeChat news article, a Telegram photo or URL button, a Mini Program page card */
  kind: 'hero' | 'adaptive' | 'news' | 'photo' | 'link' | 'page' | 'spoken' | 'other'; // spoken: a product read out as one sentence (voice)
  title?: string;
  /** the card's visible text, where the channel shows cards (a table's rows read "label: a | b") */
  text?: string;
}

export interface Reply {
  text: string;
  choices?: string[];
  cards?: Card[];
}

export interface ChannelDriver {
  name: ChannelName;
  /** the channel id the bot sees, for fixtures keyed by (channelId, userId) */
  channelId: string;
  /** starts the channel's platform stand-ins (fake APIs, reply sink) */
  start(): Promise<void>;
  /** the app settings that switch this channel on and point it at the stand-ins (after start) */
  env(): Record<string, string>;
  /** the app the channel talks to, once it runs */
  attach(app: RunningApp): void;
  say(userId: string, text: string): Promise<Reply[]>;
  /** content the channel cannot pass on (a video, a sticker, a file) */
  sendUnsupported(userId: string): Promise<Reply[]>;
  /** the user id the bot sees for `userId` on this channel */
  channelUserId(userId: string): string;
  /**
   * A proactive message (campaign, agent) to a user who wrote before, through the channel adapter and
   * the conversation reference the real app stored; a string says why the channel has none.
   */
  proactive: ((userId: string, text: string) => Promise<Reply[]>) | string;
  stop(): Promise<void>;
}

/** The text of all replies of one turn, as the tables and the dialog tests read it. */
export const joinedText = (replies: Reply[]): string =>
  replies.map((r) => [r.text, ...(r.cards ?? []).map((c) => c.text ?? '')].filter(Boolean).join('\n')).join('\n');

/** Choices shown as a numbered list ("1. 干皮"), where a channel has no buttons. */
export function numberedChoices(text: string): string[] | undefined {
  const found = [...text.matchAll(/^\d+\. (.+)$/gm)].map((m) => m[1].trim());
  return found.length > 0 ? found : undefined;
}

/** Bot Framework activities (app, Emulator, Direct Line) as the customer sees them. */
export function fromActivities(activities: any[]): Reply[] {
  return activities
    .filter((a) => a?.type === 'message')
    .map((a) => {
      const actions: any[] = a.suggestedActions?.actions ?? [];
      const attachments: any[] = a.attachments ?? [];
      const reply: Reply = { text: a.text ?? '' };
      if (actions.length > 0) reply.choices = actions.map((x) => String(x.title ?? x.value));
      if (attachments.length > 0) reply.cards = attachments.map((x) => ({ kind: cardKind(x.contentType), title: x.content?.title, text: cardText(x) }));
      return reply;
    });
}

/** What a card shows as text: a hero card's title, subtitle and text; an adaptive card's text blocks and table rows. */
function cardText(attachment: any): string {
  const content = attachment?.content ?? {};
  if (cardKind(attachment?.contentType) === 'hero') return [content.title, content.subtitle, content.text].filter(Boolean).join('\n');
  const cellText = (column: any) => ((column?.items ?? []) as any[]).map((i) => i?.text ?? '').join(' ');
  const lines = ((content.body ?? []) as any[]).map((node) => {
    if (node?.type === 'TextBlock') return String(node.text ?? '');
    if (node?.type !== 'ColumnSet') return '';
    const [label, ...cells] = ((node.columns ?? []) as any[]).map(cellText);
    return label ? `${label}: ${cells.join(' | ')}` : cells.join(' | ');
  });
  return lines.filter(Boolean).join('\n');
}

function cardKind(contentType: string): Card['kind'] {
  if (contentType === 'application/vnd.microsoft.card.hero') return 'hero';
  if (contentType === 'application/vnd.microsoft.card.adaptive') return 'adaptive';
  return 'other';
}

/** Waits for a condition the channel makes true when a turn is over (never for a fixed time). */
export async function waitUntil(what: string, condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A stable small number for a user id (Telegram ids are numbers). */
export function numericId(userId: string): number {
  let h = 0;
  for (const ch of userId) h = (h * 31 + ch.charCodeAt(0)) % 1_000_000_007;
  return 6_000_000_000 + h;
}

/**
 * The conversation reference the running app stored when `userId` last wrote on `channelId`: what a
 * proactive message (campaign, agent) is sent with.
 */
export async function storedReference(app: RunningApp, channelId: string, userId: string): Promise<object> {
  const customerId = await app.directory.find({ channelId, userId });
  if (!customerId) throw new Error(`${userId} never wrote on ${channelId}`);
  const stored = (await new ConversationReferences(app.store).forCustomer(customerId)).find((r) => r.channelId === channelId);
  if (!stored) throw new Error(`no ${channelId} conversation reference for ${userId}`);
  return stored.reference;
}
