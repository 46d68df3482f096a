/**
 * Similar questions from many viewers within a short window become one cluster, answered once. Two
 * comments are one question when they carry the same recognised key (intent + product + the slots said,
 * e.g. product_info/oily for "这个适合油皮吗" and "油皮能用吗") or when the Jaccard overlap of their
 * jieba words (question and function words dropped) reaches the threshold. In memory only: a cluster
 * holds viewers' words for one window and is gone once answered.
 */
import { contentWords, jaccard } from '../../platform/text/wordOverlap';

/** particles, pronouns and question words: they say that something is asked, not what */
const FUNCTION_WORDS = new Set(
  (
    '的 了 吗 嘛 呢 啊 呀 吧 哦 么 是 有 在 和 就 都 也 还 要 想 能 会 可以 可 请问 请 问 一下 我 你 您 我们 他 她 它 这 那 这个 那个 这款 那款 ' +
    '用 怎么 怎么样 怎样 如何 什么 啥 哪 哪里 多少 几 是不是 有没有 能不能 可不可以 主播 宝宝 亲 姐妹 家人们 ' +
    'a an the is are be do does can will i you it my your me to of for in on and or what how which please'
  ).split(' '),
);

export function questionWords(text: string): Set<string> {
  return contentWords(text, FUNCTION_WORDS);
}

export interface ClusterInput<T> {
  /** what kind of answer it needs (question, buy, offer): only the same kind joins */
  kind: string;
  /** the recognised key, when the recogniser found enough to name the question */
  key?: string;
  text: string;
  viewer: string;
  item: T;
}

export interface Cluster<T> {
  id: number;
  kind: string;
  key?: string;
  /** the first comment's text: the question the answer is written for */
  text: string;
  words: Set<string>;
  /** comments it stands for (several from one viewer count once each) */
  count: number;
  viewers: Set<string>;
  items: T[];
  openedAt: number;
}

export const DEFAULT_THRESHOLD = 0.34;
const MAX_OPEN = 500;

/** One room's open clusters. `add` joins or opens one; `closeDue` hands over those whose window is over. */
export class ClusterWindow<T> {
  private open: Cluster<T>[] = [];
  private nextId = 1;

  constructor(
    private readonly windowMs: number,
    private readonly threshold = DEFAULT_THRESHOLD,
  ) {}

  add(input: ClusterInput<T>, now: number): { cluster: Cluster<T>; joined: boolean } | undefined {
    const words = questionWords(input.text);
    const match = this.open.find((c) => c.kind === input.kind && ((input.key !== undefined && c.key === input.key) || jaccard(c.words, words) >= this.threshold));
    if (match) {
      match.count++;
      match.viewers.add(input.viewer);
      if (match.items.length < 50) match.items.push(input.item);
      return { cluster: match, joined: true };
    }
    // a flood of distinct questions: the newest are the least likely to be answered in time anyway
    if (this.open.length >= MAX_OPEN) return undefined;
    const cluster: Cluster<T> = { id: this.nextId++, kind: input.kind, key: input.key, text: input.text, words, count: 1, viewers: new Set([input.viewer]), items: [input.item], openedAt: now };
    this.open.push(cluster);
    return { cluster, joined: false };
  }

  closeDue(now: number): Cluster<T>[] {
    const due = this.open.filter((c) => now - c.openedAt >= this.windowMs);
    if (due.length > 0) this.open = this.open.filter((c) => now - c.openedAt < this.windowMs);
    return due;
  }

  /** every open cluster, window over or not (shutdown, tests) */
  closeAll(): Cluster<T>[] {
    const all = this.open;
    this.open = [];
    return all;
  }

  get size(): number {
    return this.open.length;
  }
}
