/**
 * What happens to a batch of comments: moderation (block words, per-viewer rate limit: dropped silently),
 * then each comment by what it needs — chatter is only counted; a private matter becomes a bot turn in
 * the viewer's own session; questions, buying comments and offer questions join the room's open cluster
 * of the same question. A cluster is answered once, when its window is over, into the replies feed.
 * Clusters live in this instance's memory (see README.md: one connector per room and instance).
 */
import type { NluResult } from '../../nlu/types';
import type { Logger } from '../../platform/logger';
import { BlockList, CLAIMS_OFFER, classifyComment, Cluster, ClusterWindow, publicAnswer, ViewerRateLimit } from '../../services/live';
import type { AnswerDeps, ReplyFeed, RoomDoc } from '../../services/live';
import type { PrivateTurns } from './privateTurns';
import type { TaskQueue } from './taskQueue';
import { LiveComment, viewerIdOf } from './toActivity';

interface Pending {
  nickname?: string;
  linkNumber?: number;
}

interface RoomState {
  room: RoomDoc;
  window: ClusterWindow<Pending>;
  blocks: BlockList;
  /** the same viewer repeating the same private matter within the window starts one turn */
  recentPrivate: Map<string, number>;
  answering: Promise<void>;
}

export interface RoomRunnerDeps {
  classify: (text: string) => Promise<NluResult>;
  feed: Pick<ReplyFeed, 'add'>;
  answers: AnswerDeps;
  turns: PrivateTurns;
  queue: TaskQueue;
  clusterWindowMs: number;
  viewerMaxPerMinute: number;
  logger: Logger;
  now?: () => number;
}

export class RoomRunner {
  private readonly rooms = new Map<string, RoomState>();
  private readonly limit: ViewerRateLimit;
  private readonly now: () => number;
  private timer?: NodeJS.Timeout;

  constructor(private readonly deps: RoomRunnerDeps) {
    this.limit = new ViewerRateLimit(deps.viewerMaxPerMinute);
    this.now = deps.now ?? Date.now;
  }

  /** Takes a batch; returns how many comments were heard and how many moderation dropped. */
  async ingest(room: RoomDoc, comments: LiveComment[]): Promise<{ accepted: number; dropped: number }> {
    const state = this.stateOf(room);
    let accepted = 0;
    let dropped = 0;
    const now = this.now();
    let read = 0;
    for (const comment of comments) {
      // the recogniser takes about a millisecond a comment: a batch of 500 must not hold the event loop for half a second
      if (++read % 20 === 0) await new Promise((resolve) => setImmediate(resolve));
      const viewer = viewerIdOf(room.platform, comment.userId);
      if (!this.limit.allow(`${room._id}|${viewer}`, now) || (comment.text && state.blocks.blocks(comment.text))) {
        dropped++;
        continue;
      }
      accepted++;
      if (comment.private) this.privateTurn(room, comment);
      else if (comment.type === 'text') await this.hear(state, comment, viewer, now);
    }
    this.closeDue();
    return { accepted, dropped };
  }

  /** Answers the clusters whose window is over (also called by the timer); `all`: every open one now. */
  closeDue(all = false): void {
    const now = this.now();
    for (const state of this.rooms.values()) {
      const due = all ? state.window.closeAll() : state.window.closeDue(now);
      // one room's answers in the order its clusters opened
      for (const cluster of due) state.answering = state.answering.then(() => this.answer(state.room, cluster)).catch((err) => this.deps.logger.error({ err, roomId: state.room._id }, 'live: could not answer a cluster'));
      for (const [key, at] of state.recentPrivate) if (now - at >= this.deps.clusterWindowMs) state.recentPrivate.delete(key);
    }
  }

  start(): void {
    this.timer ??= setInterval(() => this.closeDue(), Math.max(50, Math.min(1000, Math.floor(this.deps.clusterWindowMs / 2))));
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** resolves once every due cluster of every room has been answered */
  async answered(): Promise<void> {
    await Promise.all([...this.rooms.values()].map((s) => s.answering));
  }

  private stateOf(room: RoomDoc): RoomState {
    let state = this.rooms.get(room._id);
    if (!state) {
      state = { room, window: new ClusterWindow(this.deps.clusterWindowMs), blocks: new BlockList(room.blockWords), recentPrivate: new Map(), answering: Promise.resolve() };
      this.rooms.set(room._id, state);
    }
    return state;
  }

  private async hear(state: RoomState, comment: LiveComment, viewer: string, now: number): Promise<void> {
    const { room } = state;
    const nlu = await this.deps.classify(comment.text);
    const kind = classifyComment(comment.text, nlu, room);
    if (kind.kind === 'chatter') return;
    if (kind.kind === 'private') {
      const key = `${viewer}|${comment.text.trim()}`;
      if (state.recentPrivate.has(key)) return;
      state.recentPrivate.set(key, now);
      this.privateTurn(room, comment);
      return;
    }
    if (room.offers.length > 0 && (kind.kind === 'buy' || kind.kind === 'offer') && CLAIMS_OFFER.test(comment.text)) {
      this.push(() => this.deps.turns.claimOffers(room, comment));
    }
    const key = kind.kind === 'buy' ? `buy:${kind.linkNumber ?? ''}` : kind.kind === 'offer' ? 'offer' : kind.key;
    state.window.add({ kind: kind.kind, key, text: comment.text, viewer, item: { nickname: comment.nickname, linkNumber: kind.linkNumber } }, now);
  }

  private privateTurn(room: RoomDoc, comment: LiveComment): void {
    this.push(() => this.deps.turns.run(room, comment));
  }

  private push(task: () => Promise<void>): void {
    if (!this.deps.queue.push(task)) this.deps.logger.warn({ what: 'live' }, 'live: background queue full, a private follow-up was dropped');
  }

  private async answer(room: RoomDoc, cluster: Cluster<Pending>): Promise<void> {
    const first = cluster.items[0];
    const kind = cluster.kind as 'question' | 'buy' | 'offer';
    const text = await publicAnswer(room, { kind, text: cluster.text, linkNumber: first?.linkNumber, nickname: first?.nickname }, this.deps.answers);
    if (!text) return;
    await this.deps.feed.add(room._id, { text, question: cluster.text, count: cluster.count }, room.approval);
  }
}
