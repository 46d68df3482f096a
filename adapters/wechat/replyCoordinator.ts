/**
 * WeChat waits 5 s for an answer and then retries the same push (up to three times). This module makes
 * each message run once: the first push starts the turn; a retry waits for the same turn. Whoever sees
 * the turn finish in time answers passively; if nobody does, the replies go out through the
 * customer-service API as soon as the turn ends. Either way the customer is answered exactly once.
 *
 * This is the in-process half; MessageClaims (in the store) stops a retry that reaches another instance
 * from running the turn again. Entries live a minute, longer than WeChat's retry window.
 */
import type { WeChatMessage } from './render';

interface Entry {
  done: Promise<WeChatMessage[]>;
  claimed: boolean;
  expiresAt: number;
}

export interface Answer {
  /** the message for the HTTP response (undefined → answer "success") */
  passive?: WeChatMessage;
  /** the turn's further messages, for the customer-service API after the response */
  rest: WeChatMessage[];
}

export class ReplyCoordinator {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly deliverLate: (openid: string, messages: WeChatMessage[]) => Promise<void>,
    private readonly ttlMs = 60_000,
    private readonly maxEntries = 10_000,
  ) {}

  async answer(key: string, openid: string, start: () => Promise<WeChatMessage[]>, deadlineMs: number): Promise<Answer> {
    this.sweep();
    let entry = this.entries.get(key);
    const first = !entry;
    if (!entry) {
      entry = { done: start(), claimed: false, expiresAt: Date.now() + this.ttlMs };
      entry.done.catch(() => undefined); // failures are seen by the waiters below
      this.entries.set(key, entry);
    }
    const settled = entry.done.then(
      (messages) => ({ messages }),
      () => ({ messages: [] as WeChatMessage[] }),
    );
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<undefined>((resolve) => (timer = setTimeout(resolve, deadlineMs, undefined)));
    const outcome = await Promise.race([settled, late]);
    clearTimeout(timer);
    const current = entry;
    if (!outcome) {
      if (first) {
        // nobody answered in time: the replies go out through the API when the turn ends
        void settled.then(({ messages }) => {
          if (current.claimed || messages.length === 0) return;
          current.claimed = true;
          return this.deliverLate(openid, messages);
        });
      }
      return { rest: [] };
    }
    if (current.claimed) return { rest: [] };
    current.claimed = true;
    const [passive, ...rest] = outcome.messages;
    return { passive, rest };
  }

  private sweep(): void {
    const now = Date.now();
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt > now && this.entries.size <= this.maxEntries) break;
      this.entries.delete(key);
    }
  }
}
