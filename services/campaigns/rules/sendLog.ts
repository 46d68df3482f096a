/**
 * What campaign messages went to whom and when, for the weekly cap and WeChat's per-window count: one
 * document per (campaign, customer), so a retried send of the same message is recognised and never
 * goes out twice. A send is reserved before it goes out and counted with the reservation, so two
 * instances sending two campaigns to one customer at the same moment cannot both pass the cap.
 * Documents expire after 8 days (the cap looks back 7).
 */
import { DocumentStore, DuplicateKeyError } from '../../../storage/documentStore';

export const CAMPAIGN_SEND_LOG = 'campaignSendLog';
const KEEP_SECONDS = 8 * 24 * 3600;

export type SendLogState = 'reserved' | 'sent' | 'held';

interface SendLogDoc {
  _id: string; // `${campaignId}|${customerId}`
  campaignId: string;
  customerId: string;
  channelId: string;
  at: Date;
  /** channel messages it took (a long text is split on WeChat) */
  units: number;
  state: SendLogState;
}

export interface Reservation {
  id: string;
  /** the same message was already sent or held: do not send it again */
  already?: SendLogState;
}

export class CampaignSendLog {
  constructor(private readonly store: DocumentStore) {}

  static async ensureIndexes(store: DocumentStore): Promise<void> {
    await store.ensureIndex(CAMPAIGN_SEND_LOG, { fields: { customerId: 1 } });
    await store.ensureIndex(CAMPAIGN_SEND_LOG, { fields: { at: 1 }, expireAfterSeconds: KEEP_SECONDS });
  }

  private get docs() {
    return this.store.collection<SendLogDoc>(CAMPAIGN_SEND_LOG);
  }

  /** Reserves the send; a reservation left by an attempt that died is taken over. */
  async reserve(campaignId: string, customerId: string, channelId: string, at: Date): Promise<Reservation> {
    const id = `${campaignId}|${customerId}`;
    const doc: SendLogDoc = { _id: id, campaignId, customerId, channelId, at, units: 1, state: 'reserved' };
    try {
      await this.docs.insertOne(doc);
      return { id };
    } catch (err) {
      if (!(err instanceof DuplicateKeyError)) throw err;
    }
    const existing = await this.docs.findOne({ _id: id });
    if (existing && existing.state !== 'reserved') return { id, already: existing.state };
    await this.docs.replaceOne({ _id: id }, doc, { upsert: true });
    return { id };
  }

  async confirm(id: string, state: Exclude<SendLogState, 'reserved'>, units = 1, channelId?: string): Promise<void> {
    await this.docs.updateOne({ _id: id }, { $set: { state, units, ...(channelId ? { channelId } : {}) } });
  }

  async release(id: string): Promise<void> {
    await this.docs.deleteOne({ _id: id });
  }

  /** Campaign messages (reserved ones included) the customer got since `since`. */
  async sendsSince(customerId: string, since: Date): Promise<number> {
    return this.docs.count({ customerId, at: { $gte: since } });
  }

  /** Channel messages sent on one channel since `since` (WeChat's window), reservations excluded. */
  async unitsSince(customerId: string, channelId: string, since: Date): Promise<number> {
    const docs = await this.docs.find({ customerId, at: { $gte: since } });
    return docs.filter((d) => d.channelId === channelId && d.state === 'sent').reduce((sum, d) => sum + d.units, 0);
  }
}
