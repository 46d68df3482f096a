/** Delivered purchases read from the orders service, for repurchase reminders (wired in index.ts). */
import type { LastPurchases, Purchase } from './repurchase';

/** The slice of the orders service this needs (services/orders OrderService.recent). */
export interface DeliveredOrdersSource {
  recent(
    customerId: string,
    limit?: number,
    statuses?: 'delivered'[],
  ): Promise<{ items: { productId: string; quantity: number }[]; deliveredAt?: Date }[]>;
}

export function purchasesFromOrders(orders: DeliveredOrdersSource, limit = 20): LastPurchases {
  return async (customerId) => {
    const delivered = await orders.recent(customerId, limit, ['delivered']);
    const purchases: Purchase[] = [];
    for (const order of delivered) {
      if (!order.deliveredAt) continue;
      for (const item of order.items) purchases.push({ productId: item.productId, deliveredAt: new Date(order.deliveredAt), quantity: item.quantity });
    }
    return purchases;
  };
}
