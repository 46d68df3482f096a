/**
 * Mini Program one-time subscription consents (wx.requestSubscribeMessage): each "allow" the customer
 * taps lets the Mini Program send one subscription message of that template, so consents are counted
 * per (customer, template) and each send uses one up, atomically. The Mini Program channel itself comes
 * with issue 14; the store and the rule (channelRules.miniProgramRule) are ready for it.
 */
import type { DocumentStore } from '../../../storage/documentStore';

export const MINIPROGRAM_CONSENTS = 'miniProgramConsents';

interface ConsentDoc {
  _id: string; // `${customerId}|${templateId}`
  customerId: string;
  templateId: string;
  remaining: number;
  updatedAt: Date;
}

export class MiniProgramConsents {
  constructor(private readonly store: DocumentStore) {}

  static async ensureIndexes(store: DocumentStore): Promise<void> {
    await store.ensureIndex(MINIPROGRAM_CONSENTS, { fields: { customerId: 1 } });
  }

  private get docs() {
    return this.store.collection<ConsentDoc>(MINIPROGRAM_CONSENTS);
  }

  /** The customer accepted `count` one-time subscriptions of the template. */
  async grant(customerId: string, templateId: string, count = 1, at = new Date()): Promise<void> {
    await this.docs.updateOne({ _id: `${customerId}|${templateId}` }, { $inc: { remaining: count }, $set: { customerId, templateId, updatedAt: at } }, { upsert: true });
  }

  /** Sends still allowed: of one template, or of any when none is named. */
  async remaining(customerId: string, templateId?: string): Promise<number> {
    const docs = templateId ? [await this.docs.findOne({ _id: `${customerId}|${templateId}` })] : await this.docs.find({ customerId });
    return docs.reduce((sum, d) => sum + Math.max(d?.remaining ?? 0, 0), 0);
  }

  /** Uses one consent up; false when none is left (then nothing may be sent). */
  async consume(customerId: string, templateId: string, at = new Date()): Promise<boolean> {
    const used = await this.docs.findOneAndUpdate({ _id: `${customerId}|${templateId}`, remaining: { $gt: 0 } }, { $inc: { remaining: -1 }, $set: { updatedAt: at } });
    return used !== null;
  }
}
