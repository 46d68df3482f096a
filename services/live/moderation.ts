/**
 * Moderation of a room's comments before anything reads them: block words (a default list of contact
 * touting, off-platform deals and abuse, plus the room's own) drop a comment silently, and a viewer who
 * writes more than the limit per minute is not heard until the minute is over. Counts are per
 * instance, in memory: a viewer spread over several instances by the connector gets the limit on each.
 */
import { normalizeForSearch } from '../../platform/text/normalize';

export const DEFAULT_BLOCK_WORDS = ['加微信', '加我微信', '加v', '加vx', 'vx', '微信号', 'qq号', '私聊', '代购', '刷单', '兼职', '返利', '傻逼', '垃圾主播', '骗子'];

const WINDOW_MS = 60_000;
const MAX_VIEWERS = 100_000;

export class BlockList {
  private readonly words: string[];

  constructor(roomWords: string[] = []) {
    this.words = [...DEFAULT_BLOCK_WORDS, ...roomWords].map((w) => normalizeForSearch(w).replace(/\s+/g, '')).filter(Boolean);
  }

  /** true when the comment contains a blocked word (spacing, case and full-width forms ignored) */
  blocks(text: string): boolean {
    const t = normalizeForSearch(text).replace(/\s+/g, '');
    return this.words.some((w) => t.includes(w));
  }
}

export class ViewerRateLimit {
  private readonly seen = new Map<string, number[]>();

  constructor(private readonly maxPerMinute: number) {}

  /** Counts one comment of the viewer at `now`; false when they are over the limit. */
  allow(viewer: string, now: number): boolean {
    const recent = (this.seen.get(viewer) ?? []).filter((t) => now - t < WINDOW_MS);
    if (recent.length >= this.maxPerMinute) {
      this.seen.set(viewer, recent);
      return false;
    }
    recent.push(now);
    this.seen.delete(viewer);
    if (this.seen.size >= MAX_VIEWERS) this.seen.delete(this.seen.keys().next().value as string);
    this.seen.set(viewer, recent);
    return true;
  }
}
