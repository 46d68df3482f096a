/**
 * The handoff queue: moves a customer between the bot, the waiting queue and a human agent. Each
 * transition is one conditional update on the current state, so two agents cannot both take one customer
 * and a release never races a new request into a wrong state.
 */
import { DocumentStore, DuplicateKeyError } from '../../storage/documentStore';
import { HandoffReason, HandoffRecord, HandoffState, HandoffSummary, HandoffTransitionError } from './types';

export const HANDOFFS_COLLECTION = 'handoffs';
const INBOX_LIMIT = 50;
const ACTIVE: HandoffState[] = ['queued', 'agent'];
const WITH_BOT_LIMIT = 20000;

export class HandoffService {
  /**
   * Customers known to be with the bot: every turn asks, and almost always that is the answer. Only
   * `request` and a merge (`moveCustomer`) take a customer away from the bot, and both go through this
   * class; so with the embedded store (one process) the answer is kept here. With MongoDB another instance
   * could queue the customer behind our back, so there is no cache (it would need a shared invalidation
   * channel, e.g. a change stream on `handoffs`).
   */
  private readonly withBot: Set<string> | undefined;
  /** bumped around every change that can take a customer from the bot; an overlapping read is not kept */
  private generation = 0;

  constructor(private readonly store: DocumentStore) {
    this.withBot = store.kind === 'embedded' ? new Set() : undefined;
  }

  static async ensureIndexes(store: DocumentStore): Promise<void> {
    await store.ensureIndex(HANDOFFS_COLLECTION, { fields: { state: 1 } });
  }

  private get records() {
    return this.store.collection<HandoffRecord>(HANDOFFS_COLLECTION);
  }

  async get(customerId: string): Promise<HandoffRecord | null> {
    return this.records.findOne({ _id: customerId });
  }

  /** The customer's handoff record while queued or with an agent; null while with the bot. */
  async active(customerId: string): Promise<HandoffRecord | null> {
    if (this.withBot?.has(customerId)) return null;
    const generation = this.generation;
    const record = await this.get(customerId);
    if (record && record.state !== 'bot') return record;
    if (this.withBot && generation === this.generation) {
      if (this.withBot.size >= WITH_BOT_LIMIT) this.withBot.delete(this.withBot.values().next().value as string);
      this.withBot.add(customerId);
    }
    return null;
  }

  /** Runs a change that may take `customerIds` from the bot, with their cached answer dropped around it. */
  private async leavingBot<T>(customerIds: string[], change: () => Promise<T>): Promise<T> {
    this.generation++;
    for (const id of customerIds) this.withBot?.delete(id);
    try {
      return await change();
    } finally {
      this.generation++;
      for (const id of customerIds) this.withBot?.delete(id);
    }
  }

  async stateOf(customerId: string): Promise<HandoffState> {
    return (await this.get(customerId))?.state ?? 'bot';
  }

  /** bot → queued. A customer already queued or with an agent stays where they are. */
  async request(customerId: string, reason: HandoffReason, summary: HandoffSummary, now = new Date()): Promise<HandoffRecord> {
    const record = await this.leavingBot([customerId], () => this.requestNow(customerId, reason, summary, now));
    // the agent desk assigns waiting customers; it must not delay the customer's turn
    if (record.state === 'queued') for (const listener of this.queuedListeners) listener(customerId);
    return record;
  }

  private readonly queuedListeners: ((customerId: string) => void)[] = [];

  /** Called (synchronously, must not throw) after a customer was queued or asked again while queued. */
  onQueued(listener: (customerId: string) => void): void {
    this.queuedListeners.push(listener);
  }

  private async requestNow(customerId: string, reason: HandoffReason, summary: HandoffSummary, now: Date): Promise<HandoffRecord> {
    const fresh = { state: 'queued', reason, summary, since: now, inbox: [], updatedAt: now };
    const moved = await this.records.findOneAndUpdate({ _id: customerId, state: 'bot' }, { $set: fresh, $unset: { agentId: 1 } });
    if (moved) return moved;
    const existing = await this.get(customerId);
    if (existing) return existing;
    const record: HandoffRecord = { _id: customerId, ...fresh, state: 'queued' };
    try {
      await this.records.insertOne(record);
      return record;
    } catch (err) {
      // another turn created it at the same moment: theirs stands
      if (!(err instanceof DuplicateKeyError)) throw err;
      return (await this.get(customerId)) ?? record;
    }
  }

  /** queued → agent. */
  async accept(customerId: string, agentId = 'agent', now = new Date()): Promise<HandoffRecord> {
    const taken = await this.records.findOneAndUpdate(
      { _id: customerId, state: 'queued' },
      { $set: { state: 'agent', agentId, since: now, updatedAt: now } },
    );
    if (taken) return taken;
    const existing = await this.get(customerId);
    if (!existing) throw new HandoffTransitionError('not_found', `no handoff for customer ${customerId}`);
    throw new HandoffTransitionError('conflict', `customer ${customerId} is ${existing.state === 'agent' ? 'already with an agent' : 'with the bot'}`);
  }

  /** queued | agent → bot. */
  async release(customerId: string, now = new Date()): Promise<HandoffRecord> {
    const released = await this.records.findOneAndUpdate(
      { _id: customerId, state: { $in: ACTIVE } },
      { $set: { state: 'bot', since: now, updatedAt: now, inbox: [] }, $unset: { agentId: 1 } },
    );
    if (released) return released;
    const existing = await this.get(customerId);
    if (!existing) throw new HandoffTransitionError('not_found', `no handoff for customer ${customerId}`);
    throw new HandoffTransitionError('conflict', `customer ${customerId} is already with the bot`);
  }

  /** agent → agent: only the agent holding the customer hands them on. Null when `from` does not hold them. */
  async transfer(customerId: string, from: string, to: string, now = new Date()): Promise<HandoffRecord | null> {
    return this.records.findOneAndUpdate({ _id: customerId, state: 'agent', agentId: from }, { $set: { agentId: to, updatedAt: now } });
  }

  /** agent → bot by the agent holding the customer. Null when `agentId` does not hold them. */
  async releaseHeld(customerId: string, agentId: string, now = new Date()): Promise<HandoffRecord | null> {
    return this.records.findOneAndUpdate(
      { _id: customerId, state: 'agent', agentId },
      { $set: { state: 'bot', since: now, updatedAt: now, inbox: [] }, $unset: { agentId: 1 } },
    );
  }

  /** Marks activity on a held conversation (an agent wrote) so every instance's agent desk sees it. */
  async touch(customerId: string, now = new Date()): Promise<void> {
    await this.records.updateOne({ _id: customerId, state: { $in: ACTIVE } }, { $set: { updatedAt: now } });
  }

  /** 1 for the first in the queue; 0 when not queued. */
  async queuePosition(customerId: string): Promise<number> {
    const me = await this.get(customerId);
    if (!me || me.state !== 'queued') return 0;
    return 1 + (await this.records.count({ state: 'queued', since: { $lt: me.since } }));
  }

  /** Keeps what the customer wrote while a human owns the conversation, for the agent. */
  async addToInbox(customerId: string, text: string, attachments: number, now = new Date()): Promise<void> {
    const entry: HandoffRecord['inbox'][number] = { at: now, text: text.slice(0, 2000) };
    if (attachments > 0) entry.attachments = attachments;
    await this.records.updateOne(
      { _id: customerId },
      { $push: { inbox: { $each: [entry], $slice: -INBOX_LIMIT } }, $set: { updatedAt: now } },
    );
  }

  /** Customers queued or with an agent, longest waiting first (all records with `all`). */
  async list(options: { all?: boolean } = {}): Promise<HandoffRecord[]> {
    return this.records.find(options.all ? {} : { state: { $in: ACTIVE } }, { sort: { since: 1 }, limit: 500 });
  }

  /** Privacy export: the customer's handoff record (summary, inbox), if any. */
  async exportCustomer(customerId: string): Promise<HandoffRecord[]> {
    const record = await this.get(customerId);
    return record ? [record] : [];
  }

  /** Privacy erase: the record holds what the customer wrote to the agent; it goes entirely. */
  async eraseCustomer(customerId: string): Promise<number> {
    return this.records.deleteOne({ _id: customerId });
  }

  /** Merge hook: an active handoff of the merged customer carries over unless the survivor has one. */
  async moveCustomer(survivorId: string, mergedId: string): Promise<void> {
    await this.leavingBot([survivorId, mergedId], () => this.moveNow(survivorId, mergedId));
  }

  private async moveNow(survivorId: string, mergedId: string): Promise<void> {
    const theirs = await this.get(mergedId);
    if (!theirs) return;
    const ours = await this.get(survivorId);
    if (theirs.state !== 'bot' && (!ours || ours.state === 'bot')) {
      await this.records.replaceOne({ _id: survivorId }, { ...theirs, _id: survivorId }, { upsert: true });
    }
    await this.records.deleteOne({ _id: mergedId });
  }
}
