/**
 * Who said 退订 / stop: no campaign message reaches them on any channel until they say 订阅 / start.
 * One document per opted-out customer; opting in deletes it. Service messages (an agent's reply, an
 * order notice) are not marketing and are not affected.
 */
import type { DocumentStore } from '../../../storage/documentStore';

export const CAMPAIGN_OPT_OUTS = 'campaignOptOuts';

interface OptOutDoc {
  _id: string; // customerId
  channelId?: string;
  optedOutAt: Date;
}

export class OptOuts {
  constructor(private readonly store: DocumentStore) {}

  private get docs() {
    return this.store.collection<OptOutDoc>(CAMPAIGN_OPT_OUTS);
  }

  async isOptedOut(customerId: string): Promise<boolean> {
    return (await this.docs.findOne({ _id: customerId })) !== null;
  }

  /** Returns false when the customer had already opted out. */
  async optOut(customerId: string, channelId?: string, at = new Date()): Promise<boolean> {
    const result = await this.docs.updateOne({ _id: customerId }, { $set: { optedOutAt: at, ...(channelId ? { channelId } : {}) } }, { upsert: true });
    return result.upsertedId !== undefined;
  }

  /** Returns false when the customer was not opted out. */
  async optIn(customerId: string): Promise<boolean> {
    return (await this.docs.deleteOne({ _id: customerId })) > 0;
  }

  /** Merging two customers: an opt-out of either holds for the survivor (the person asked not to be written to). */
  async move(survivorId: string, mergedId: string): Promise<void> {
    const merged = await this.docs.findOne({ _id: mergedId });
    if (!merged) return;
    await this.docs.updateOne({ _id: survivorId }, { $set: { optedOutAt: merged.optedOutAt } }, { upsert: true });
    await this.docs.deleteOne({ _id: mergedId });
  }
}
