/** The store's order rules in one place: what can still be changed or cancelled in each status. */
import type { Order, OrderRefusal } from './types';

/** Address and phone can change only while the parcel has not left the warehouse. */
export function changeRefusal(order: Order): OrderRefusal | undefined {
  if (order.status === 'unpaid' || order.status === 'paid') return undefined;
  if (order.status === 'cancelled') return 'already_cancelled';
  if (order.status === 'shipped' || order.status === 'delivered') return 'already_shipped';
  return 'closed';
}

/**
 * Unpaid and paid-not-shipped orders are cancelled on request (a paid one is refunded to the original
 * payment method); a shipped parcel cannot be recalled: the customer refuses it or returns it after delivery.
 */
export function cancelRefusal(order: Order): OrderRefusal | undefined {
  return changeRefusal(order);
}

/** Invoices are issued for paid orders, once per order. */
export function invoiceRefusal(order: Order): OrderRefusal | undefined {
  if (order.status === 'unpaid') return 'not_paid';
  if (order.status === 'cancelled' || order.status === 'refunded') return 'closed';
  if (order.invoice) return 'already_invoiced';
  return undefined;
}
