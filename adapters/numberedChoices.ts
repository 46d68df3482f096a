import type { Activity } from 'botbuilder';

/**
 * Channels without buttons (WeChat, the Mini Program, live-room direct messages) show choices as a
 * numbered list; this remembers, per user, what the numbers of the last list stood for, so a reply
 * of "2" reaches the dialogs as the choice itself. Memory only, for half an hour: a lost entry just
 * means the number goes through as typed.
 */
const TTL_MS = 30 * 60 * 1000;
const MAX_ENTRIES = 50_000;
const NUMBER = /^\s*(\d{1,2})\s*[.。、)）]?\s*$/;

export class NumberedChoices {
  private readonly lists = new Map<string, { values: string[]; expiresAt: number }>();

  remember(userId: string, values: string[] | undefined): void {
    this.lists.delete(userId);
    if (!values || values.length === 0) return;
    if (this.lists.size >= MAX_ENTRIES) this.lists.delete(this.lists.keys().next().value as string);
    this.lists.set(userId, { values, expiresAt: Date.now() + TTL_MS });
  }

  /** The choice a numeric reply picks, or undefined when the text is not such a reply. */
  resolve(userId: string, text: string): string | undefined {
    const match = NUMBER.exec(text);
    const entry = this.lists.get(userId);
    if (!match || !entry || entry.expiresAt < Date.now()) return undefined;
    return entry.values[Number(match[1]) - 1];
  }
}

/** The suggested actions of the turn's last reply that has some: the numbered list the customer saw last. */
export function lastSuggestedChoices(replies: Partial<Activity>[]): string[] | undefined {
  for (let i = replies.length - 1; i >= 0; i--) {
    const actions = replies[i].suggestedActions?.actions ?? [];
    if (actions.length > 0) return actions.map((a) => String(a.value ?? a.title ?? ''));
  }
  return undefined;
}
