/**
 * Restock and price-drop alerts a customer asked for in chat (到货提醒我 / 降价提醒我 / "notify me when
 * it's back in stock"): one document per (customer, product, kind). The campaign engine's `alert`
 * campaigns read them with subscriptionsFor(productId, kind).
 */
import type { DocumentStore } from '../../../storage/documentStore';

export const ALERT_SUBSCRIPTIONS = 'alertSubscriptions';

export type AlertKind = 'restock' | 'priceDrop';

export interface AlertSubscription {
  customerId: string;
  productId: string;
  kind: AlertKind;
  /** the language they asked in: the alert is worded in it */
  language: 'zh' | 'en';
  createdAt: Date;
}

interface AlertDoc extends AlertSubscription {
  _id: string; // `${customerId}|${productId}|${kind}`
}

export class AlertSubscriptions {
  constructor(private readonly store: DocumentStore) {}

  static async ensureIndexes(store: DocumentStore): Promise<void> {
    await store.ensureIndex(ALERT_SUBSCRIPTIONS, { fields: { productId: 1 } });
    await store.ensureIndex(ALERT_SUBSCRIPTIONS, { fields: { customerId: 1 } });
  }

  private get docs() {
    return this.store.collection<AlertDoc>(ALERT_SUBSCRIPTIONS);
  }

  /** Stores the subscription; false when the customer had already asked for it. */
  async subscribe(sub: Omit<AlertSubscription, 'createdAt'>, at = new Date()): Promise<boolean> {
    const _id = `${sub.customerId}|${sub.productId}|${sub.kind}`;
    // asked again: the first request keeps its place in the queue, the newest language wins
    const again = await this.docs.updateOne({ _id }, { $set: { language: sub.language } });
    if (again.matched > 0) return false;
    await this.docs.updateOne({ _id }, { $set: { customerId: sub.customerId, productId: sub.productId, kind: sub.kind, language: sub.language }, $min: { createdAt: at } }, { upsert: true });
    return true;
  }

  /** Everyone waiting for this product's restock or price drop, oldest request first. */
  async subscriptionsFor(productId: string, kind: AlertKind): Promise<AlertSubscription[]> {
    const docs = await this.docs.find({ productId, kind }, { sort: { createdAt: 1 } });
    return docs.map(({ _id: _unused, ...sub }) => sub);
  }

  async forCustomer(customerId: string): Promise<AlertSubscription[]> {
    const docs = await this.docs.find({ customerId }, { sort: { createdAt: 1 } });
    return docs.map(({ _id: _unused, ...sub }) => sub);
  }

  /** Once the alert went out (or the customer asked to stop it). */
  async remove(customerId: string, productId: string, kind: AlertKind): Promise<boolean> {
    return (await this.docs.deleteOne({ _id: `${customerId}|${productId}|${kind}` })) > 0;
  }

  async eraseCustomer(customerId: string): Promise<number> {
    return this.docs.deleteMany({ customerId });
  }
}
