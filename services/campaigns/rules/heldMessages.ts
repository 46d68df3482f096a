/**
 * Campaign messages for web chat customers, kept until their next visit: a web page cannot be written to
 * while nobody has it open, so the message waits here and the web channel shows it when the customer
 * starts their next conversation (adapters/web/nextVisit.ts). Each message is shown once, claimed
 * atomically (two instances never both show it); listeners hear when it was shown, which is when the
 * campaign counts it as sent. Unshown messages expire after 30 days.
 */
import type { DocumentStore } from '../../../storage/documentStore';
import type { CampaignMessage } from './types';

export const CAMPAIGN_HELD = 'campaignHeld';
const KEEP_SECONDS = 30 * 24 * 3600;

interface HeldDoc {
  _id: string; // `${campaignId}|${customerId}`
  campaignId: string;
  customerId: string;
  text: { zh: string; en: string };
  createdAt: Date;
  shownAt?: Date;
}

export type ShownListener = (shown: { campaignId: string; customerId: string; at: Date }) => void | Promise<void>;

export class HeldMessages {
  private readonly listeners: ShownListener[] = [];

  constructor(private readonly store: DocumentStore) {}

  static async ensureIndexes(store: DocumentStore): Promise<void> {
    await store.ensureIndex(CAMPAIGN_HELD, { fields: { customerId: 1 } });
    await store.ensureIndex(CAMPAIGN_HELD, { fields: { createdAt: 1 }, expireAfterSeconds: KEEP_SECONDS });
  }

  private get docs() {
    return this.store.collection<HeldDoc>(CAMPAIGN_HELD);
  }

  async hold(msg: CampaignMessage, at = new Date()): Promise<void> {
    const _id = `${msg.campaignId}|${msg.customerId}`;
    await this.docs.updateOne({ _id }, { $set: { campaignId: msg.campaignId, customerId: msg.customerId, text: msg.text }, $min: { createdAt: at } }, { upsert: true });
  }

  /** Called with each message once it was shown (the campaign engine marks the send as sent). */
  onShown(listener: ShownListener): void {
    this.listeners.push(listener);
  }

  /** Claims the customer's unshown messages (oldest first); each is returned to exactly one caller. */
  async take(customerId: string, at = new Date()): Promise<{ campaignId: string; text: { zh: string; en: string } }[]> {
    const waiting = await this.docs.find({ customerId, shownAt: { $exists: false } }, { sort: { createdAt: 1 } });
    const taken: { campaignId: string; text: { zh: string; en: string } }[] = [];
    for (const doc of waiting) {
      const claimed = await this.docs.findOneAndUpdate({ _id: doc._id, shownAt: { $exists: false } }, { $set: { shownAt: at } });
      if (claimed) taken.push({ campaignId: doc.campaignId, text: doc.text });
    }
    return taken;
  }

  /** Tells the listeners the messages reached the customer (after they were written to the conversation). */
  async shown(customerId: string, campaignIds: string[], at = new Date()): Promise<void> {
    for (const campaignId of campaignIds) for (const listener of this.listeners) await listener({ campaignId, customerId, at });
  }

  /** A customer who opted out before the visit: their kept messages are dropped. */
  async dropFor(customerId: string): Promise<number> {
    return this.docs.deleteMany({ customerId, shownAt: { $exists: false } });
  }
}
