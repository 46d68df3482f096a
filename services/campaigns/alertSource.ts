/**
 * The engine reads alert subscribers in pages by customer id (AlertSubscriptions in types.ts); the chat
 * side keeps them per product (services/campaigns/rules/alertSubscriptions.ts). This adapts one to the
 * other; a product's subscribers are few enough to read at once.
 */
import type { AlertSubscriptions } from './types';

type Kind = 'restock' | 'priceDrop';

export interface SubscriptionsByProduct {
  subscriptionsFor(productId: string, kind: Kind): Promise<{ customerId: string }[]>;
  remove?(customerId: string, productId: string, kind: Kind): Promise<boolean>;
}

export function alertSubscribers(source: SubscriptionsByProduct): AlertSubscriptions {
  return {
    async subscribers(kind, productId, after, limit) {
      const ids = [...new Set((await source.subscriptionsFor(productId, kind)).map((s) => s.customerId))].sort();
      return ids.filter((id) => after === undefined || id > after).slice(0, limit);
    },
    ...(source.remove ? { fulfilled: async (kind: Kind, productId: string, customerId: string) => void (await source.remove!(customerId, productId, kind)) } : {}),
  };
}
