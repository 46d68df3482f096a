/** Loads the demo customer's orders into an empty orders collection at startup (when DEMO_DATA is on). */
import type { CustomerDirectory } from '../../customers/customerDirectory';
import type { OrderService } from '../orderService';
import { DEMO_USER, demoOrders } from './demoOrders';

/** Returns how many orders were inserted (0 when the store already has orders). */
export async function seedDemoOrders(orders: OrderService, directory: CustomerDirectory, now = new Date()): Promise<number> {
  if ((await orders.count()) > 0) return 0;
  const customerId = await directory.resolve({ ...DEMO_USER });
  const docs = demoOrders(customerId, now);
  try {
    await orders.insert(docs);
  } catch (err) {
    // another instance seeded at the same moment: its orders stand
    if ((await orders.count()) > 0) return 0;
    throw err;
  }
  return docs.length;
}
