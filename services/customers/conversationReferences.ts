/**
 * Where to reach a customer proactively: the last conversation reference per (customer, channel).
 * Campaigns and agents use it to write on the channel the customer last used. Stored as plain data
 * (no Bot Framework types here); writes are skipped when nothing changed, to keep turns cheap.
 */
import { DocumentStore } from '../../storage/documentStore';

export interface StoredReference {
  _id: string; // `${customerId}|${channelId}`
  customerId: string;
  channelId: string;
  /** the channel's conversation reference, as JSON text */
  reference: string;
  updatedAt: Date;
}

export class ConversationReferences {
  private readonly recent = new Map<string, string>();
  private static readonly CACHE_LIMIT = 10000;

  constructor(private readonly store: DocumentStore) {}

  static async ensureIndexes(store: DocumentStore): Promise<void> {
    await store.ensureIndex('conversationRefs', { fields: { customerId: 1 } });
  }

  private get refs() {
    return this.store.collection<StoredReference>('conversationRefs');
  }

  async remember(customerId: string, channelId: string, reference: object): Promise<void> {
    const id = `${customerId}|${channelId}`;
    // the id of the message being answered changes every turn and is not needed to write first
    const { activityId: _activityId, ...where } = reference as { activityId?: string };
    const json = JSON.stringify(where);
    if (this.recent.get(id) === json) return;
    await this.refs.replaceOne(
      { _id: id },
      { _id: id, customerId, channelId, reference: json, updatedAt: new Date() },
      { upsert: true },
    );
    if (this.recent.size >= ConversationReferences.CACHE_LIMIT) this.recent.clear();
    this.recent.set(id, json);
  }

  /** Every channel the customer can be reached on, most recently used first. */
  async forCustomer(customerId: string): Promise<{ channelId: string; reference: object; updatedAt: Date }[]> {
    const docs = await this.refs.find({ customerId }, { sort: { updatedAt: -1 } });
    return docs.map((d) => ({ channelId: d.channelId, reference: JSON.parse(d.reference), updatedAt: d.updatedAt }));
  }

  /** Privacy export: where the customer can be reached, per channel. */
  async exportCustomer(customerId: string): Promise<{ channelId: string; reference: object; updatedAt: Date }[]> {
    return this.forCustomer(customerId);
  }

  async eraseCustomer(customerId: string): Promise<number> {
    for (const key of [...this.recent.keys()]) if (key.startsWith(`${customerId}|`)) this.recent.delete(key);
    return this.refs.deleteMany({ customerId });
  }

  /** Merge hook: the merged customer's references now belong to the survivor (the survivor's own win). */
  async move(survivorId: string, mergedId: string): Promise<void> {
    const theirs = await this.refs.find({ customerId: mergedId });
    for (const doc of theirs) {
      const targetId = `${survivorId}|${doc.channelId}`;
      const ours = await this.refs.findOne({ _id: targetId });
      if (!ours || ours.updatedAt < doc.updatedAt) {
        await this.refs.replaceOne({ _id: targetId }, { ...doc, _id: targetId, customerId: survivorId }, { upsert: true });
      }
      await this.refs.deleteOne({ _id: doc._id });
      this.recent.delete(doc._id);
    }
  }
}
