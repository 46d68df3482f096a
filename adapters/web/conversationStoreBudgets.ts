/**
 * The count and byte caps of the stored web chat transcripts (any visitor can post): per conversation
 * the oldest activities go first; in total, and beyond the conversation cap, the least recently used
 * conversations go. Idle conversations are not this file's concern: they expire through TTL indexes.
 */
import type { Collection } from '../../storage/documentStore';
import type { ActivityDoc, ConversationDoc } from './conversationStoreRecords';

export interface BudgetLimits {
  maxConversations: number;
  maxActivities: number;
  maxConversationBytes: number;
  maxTotalBytes: number;
}

export class TranscriptBudgets {
  /** bytes this instance may still write before the total is measured again */
  private budgetLeft = 0;

  constructor(
    private readonly conversations: Collection<ConversationDoc>,
    private readonly activities: Collection<ActivityDoc>,
    private readonly limits: BudgetLimits,
    /** deletes a conversation with its activities and ends its streams */
    private readonly drop: (id: string) => Promise<void>,
  ) {}

  /** Drops the oldest activities beyond the per-conversation count and byte budgets. */
  async trim(head: ConversationDoc): Promise<void> {
    let { kept, bytes } = head;
    const over = () => kept > this.limits.maxActivities || (bytes > this.limits.maxConversationBytes && kept > 1);
    if (!over()) return;
    const oldest = await this.activities.find({ conversationId: head._id, seq: { $gt: head.floor } }, { sort: { seq: 1 }, limit: Math.max(kept - this.limits.maxActivities, 1) + 16 });
    const victims: ActivityDoc[] = [];
    for (const doc of oldest) {
      if (!over()) break;
      victims.push(doc);
      kept--;
      bytes -= doc.bytes;
    }
    if (victims.length === 0) return;
    // the floor first: readers then take the hole for a trim, not for an activity still being written
    await this.conversations.updateOne({ _id: head._id }, { $max: { floor: victims.at(-1)!.seq } });
    let removed = 0;
    let removedBytes = 0;
    for (const doc of victims) {
      // counted only when this call deleted it: two instances trimming at once must not both subtract
      if ((await this.activities.deleteOne({ _id: doc._id })) === 0) continue;
      removed++;
      removedBytes += doc.bytes;
    }
    if (removed > 0) await this.conversations.updateOne({ _id: head._id }, { $inc: { kept: -removed, bytes: -removedBytes } });
  }

  /** Measures the total once this instance wrote what was left of it; beyond it, least recently used conversations go. */
  async keepWithinTotal(current: string, written: number): Promise<void> {
    this.budgetLeft -= written;
    if (this.budgetLeft > 0) return;
    const all = await this.conversations.find({}, { sort: { lastUsed: 1 } });
    let total = all.reduce((sum, c) => sum + c.bytes, 0);
    const lowWater = this.limits.maxTotalBytes - Math.floor(this.limits.maxTotalBytes / 16);
    if (total > this.limits.maxTotalBytes) {
      for (const doc of all) {
        if (total <= lowWater) break;
        if (doc._id === current) continue;
        await this.drop(doc._id);
        total -= doc.bytes;
      }
    }
    this.budgetLeft = this.limits.maxTotalBytes - total;
  }

  /** Beyond the conversation cap, least recently used conversations go (idle ones expire by TTL anyway). */
  async makeRoom(): Promise<void> {
    const excess = (await this.conversations.count({})) - this.limits.maxConversations + 1;
    if (excess <= 0) return;
    for (const doc of await this.conversations.find({}, { sort: { lastUsed: 1 }, limit: excess })) await this.drop(doc._id);
  }
}
