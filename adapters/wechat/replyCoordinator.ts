/**
 * WeChat waits 5 s for an answer and then retries the same push (up to three times). This module makes
 * each message run once: the first push starts the turn; a retry waits for the same turn. Whoever sees
 * the turn finish in time answers passively; if nobody does, the replies go out through the
 * customer-service API as soon as the turn ends. Either way the customer is answered exactly once.
 *
 * This is the in-process half; the message inbox (in the store) stops a retry that reaches another
 * instance from running the turn again. Entries live a minute, longer than WeChat's retry window.
 * Nothing is acknowledged before the message is stored: an answer waits for the start's `stored`
 * promise, and when storing fails the entry is dropped so WeChat's retry tries again.
 */
import type { WeChatMessage } from './render';

/**
 * What a start returns: the message is in the store (`stored`), the turn's messages (`done`), and
 * `finish`, called once the replies have left (it marks the stored message done).
 */
export interface Started {
  stored: Promise<unknown>;
  done: Promise<WeChatMessage[]>;
  finish: () => Promise<void>;
}

interface Entry {
  stored: Promise<unknown>;
  done: Promise<WeChatMessage[]>;
  finish: () => Promise<void>;
  claimed: boolean;
  expiresAt: number;
}

export interface Answer {
  /** the message for the HTTP response (undefined → answer "success") */
  passive?: WeChatMessage;
  /** the turn's further messages, for the customer-service API after the response */
  rest: WeChatMessage[];
  /** call when the passive reply and `rest` have gone out: only then is the stored message done */
  finish: () => Promise<void>;
}

const nothingToFinish = async (): Promise<void> => undefined;

export class ReplyCoordinator {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly deliverLate: (openid: string, messages: WeChatMessage[]) => Promise<void>,
    private readonly ttlMs = 60_000,
    private readonly maxEntries = 10_000,
  ) {}

  async answer(key: string, openid: string, start: () => Started, deadlineMs: number): Promise<Answer> {
    this.sweep();
    let entry = this.entries.get(key);
    const first = !entry;
    if (!entry) {
      const started = start();
      const created: Entry = { ...started, claimed: false, expiresAt: Date.now() + this.ttlMs };
      created.done.catch(() => undefined); // failures are seen by the waiters below
      created.stored.catch(() => {
        if (this.entries.get(key) === created) this.entries.delete(key);
      });
      this.entries.set(key, created);
      entry = created;
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
    // throws when the message could not be stored: the request fails and WeChat retries it
    await current.stored;
    if (!outcome) {
      if (first) {
        // nobody answered in time: the replies go out through the API when the turn ends
        void settled
          .then(async ({ messages }) => {
            if (current.claimed) return; // a retry answered passively: it finishes
            current.claimed = true;
            try {
              if (messages.length > 0) await this.deliverLate(openid, messages);
            } finally {
              await current.finish();
            }
          })
          .catch(() => undefined); // a failed bookkeeping write leaves the message pending: it is resumed
      }
      return { rest: [], finish: nothingToFinish };
    }
    if (current.claimed) return { rest: [], finish: nothingToFinish };
    current.claimed = true;
    const [passive, ...rest] = outcome.messages;
    return { passive, rest, finish: current.finish };
  }

  private sweep(): void {
    const now = Date.now();
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt > now && this.entries.size <= this.maxEntries) break;
      this.entries.delete(key);
    }
  }
}
