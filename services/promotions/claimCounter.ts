/**
 * Per-customer claim limits, enforced atomically by the store: a conditional `$inc` on one counter
 * document per (promotion, customer), so two channels claiming at the same moment cannot both pass.
 */
import { DocumentStore, DuplicateKeyError } from '../../storage/documentStore';
import { ClaimCounterDoc, PROMOTION_CLAIMS } from './types';

export class ClaimCounter {
  constructor(private readonly store: DocumentStore) {}

  static async ensureIndexes(store: DocumentStore): Promise<void> {
    await store.ensureIndex(PROMOTION_CLAIMS, { fields: { customerId: 1 } });
  }

  private get claims() {
    return this.store.collection<ClaimCounterDoc>(PROMOTION_CLAIMS);
  }

  /** Takes one claim if the customer is under `limit`; false when the limit is reached. */
  async take(promotionId: string, customerId: string, limit: number): Promise<boolean> {
    const _id = `${promotionId}|${customerId}`;
    try {
      await this.claims.insertOne({ _id, promotionId, customerId, count: 0 });
    } catch (err) {
      if (!(err instanceof DuplicateKeyError)) throw err;
    }
    const taken = await this.claims.findOneAndUpdate({ _id, count: { $lt: limit } }, { $inc: { count: 1 } });
    return taken !== null;
  }

  /** Gives a claim back (the thing claimed turned out to be unavailable). */
  async giveBack(promotionId: string, customerId: string): Promise<void> {
    await this.claims.updateOne({ _id: `${promotionId}|${customerId}`, count: { $gt: 0 } }, { $inc: { count: -1 } });
  }

  /** Linked identities: the merged customer's claims count for the survivor (limits keep holding). */
  async moveCustomer(survivorId: string, mergedId: string): Promise<void> {
    for (const c of await this.claims.find({ customerId: mergedId }, { limit: 1000 })) {
      if (c.count > 0) {
        await this.take(c.promotionId, survivorId, Number.MAX_SAFE_INTEGER);
        await this.claims.updateOne({ _id: `${c.promotionId}|${survivorId}` }, { $inc: { count: c.count - 1 } });
      }
      await this.claims.deleteOne({ _id: c._id });
    }
  }

  /** Privacy export: how often the customer claimed each promotion. */
  async exportCustomer(customerId: string): Promise<ClaimCounterDoc[]> {
    return this.claims.find({ customerId });
  }

  async eraseCustomer(customerId: string): Promise<number> {
    return this.claims.deleteMany({ customerId });
  }

  async count(promotionId: string, customerId: string): Promise<number> {
    return (await this.claims.findOne({ _id: `${promotionId}|${customerId}` }))?.count ?? 0;
  }
}
