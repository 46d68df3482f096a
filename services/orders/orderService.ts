/**
 * Orders in the document store: look-ups for one customer and the few changes customer service may
 * make (address/phone before shipment, cancel, invoice request). Every change is one conditional
 * update on the order's current status, so two channels racing cannot cancel a shipped order.
 */
import crypto from 'node:crypto';
import type { DocumentStore } from '../../storage/documentStore';
import { cancelRefusal, changeRefusal, invoiceRefusal } from './orderPolicy';
import type { InvoiceRequest, Order, OrderOutcome, OrderStatus, TimelineEvent } from './types';

export const ORDERS_COLLECTION = 'orders';
const CHANGEABLE: OrderStatus[] = ['unpaid', 'paid'];

export class OrderService {
  constructor(private readonly store: DocumentStore) {}

  static async ensureIndexes(store: DocumentStore): Promise<void> {
    await store.ensureIndex(ORDERS_COLLECTION, { fields: { customerId: 1, createdAt: -1 } });
  }

  private get orders() {
    return this.store.collection<Order>(ORDERS_COLLECTION);
  }

  async count(): Promise<number> {
    return this.orders.count({});
  }

  /** called for each order inserted (experiments count an order placed as a conversion; it must not throw) */
  onPlaced?: (order: Order) => Promise<void>;

  async insert(orders: Order[]): Promise<void> {
    if (orders.length > 0) await this.orders.insertMany(orders);
    for (const order of orders) await this.onPlaced?.(order);
  }

  /** The customer's order with this number; another customer's order is "not found" (never disclosed). */
  async get(customerId: string, orderId: string): Promise<Order | undefined> {
    const order = await this.orders.findOne({ _id: orderId });
    return order && order.customerId === customerId ? order : undefined;
  }

  async recent(customerId: string, limit = 5, statuses?: OrderStatus[]): Promise<Order[]> {
    const filter: Record<string, unknown> = { customerId };
    if (statuses) filter.status = { $in: statuses };
    return this.orders.find(filter, { sort: { createdAt: -1 }, limit });
  }

  async changeContact(customerId: string, orderId: string, change: { address?: string; phone?: string }, now = new Date()): Promise<OrderOutcome> {
    const set: Record<string, unknown> = { updatedAt: now };
    const events: TimelineEvent[] = [];
    if (change.address) {
      set['shipping.address'] = change.address;
      events.push({ at: now, code: 'address_changed' });
    }
    if (change.phone) {
      set['shipping.phone'] = change.phone;
      events.push({ at: now, code: 'phone_changed' });
    }
    return this.conditionalUpdate(customerId, orderId, changeRefusal, { status: { $in: CHANGEABLE } }, set, events);
  }

  async cancel(customerId: string, orderId: string, now = new Date()): Promise<OrderOutcome> {
    return this.conditionalUpdate(
      customerId,
      orderId,
      cancelRefusal,
      { status: { $in: CHANGEABLE } },
      { status: 'cancelled', cancelledAt: now, updatedAt: now },
      [{ at: now, code: 'cancelled' }],
    );
  }

  async requestInvoice(customerId: string, orderId: string, invoice: Omit<InvoiceRequest, 'requestedAt' | 'status'>, now = new Date()): Promise<OrderOutcome> {
    const request: InvoiceRequest = { ...invoice, requestedAt: now, status: 'requested' };
    if (!request.taxId) delete request.taxId;
    return this.conditionalUpdate(
      customerId,
      orderId,
      invoiceRefusal,
      { status: { $in: ['paid', 'shipped', 'delivered', 'returning'] }, invoice: { $exists: false } },
      { invoice: request, updatedAt: now },
      [{ at: now, code: 'invoice_requested' }],
    );
  }

  /** A return was requested or refunded (after-sales moves the order along). */
  async markAfterSale(orderId: string, status: 'returning' | 'refunded', now = new Date()): Promise<void> {
    const code = status === 'returning' ? 'return_requested' : 'refunded';
    await this.orders.updateOne({ _id: orderId }, { $set: { status, updatedAt: now }, $push: { timeline: { at: now, code } } });
  }

  /** Merge hook: the merged customer's orders now belong to the survivor. */
  async moveCustomer(survivorId: string, mergedId: string): Promise<void> {
    await this.orders.updateMany({ customerId: mergedId }, { $set: { customerId: survivorId } });
  }

  /** Privacy export: the customer's orders as stored. */
  async exportCustomer(customerId: string): Promise<Order[]> {
    return this.orders.find({ customerId }, { sort: { createdAt: -1 } });
  }

  /**
   * Privacy erase: orders stay for the books (items, totals, dates, status) but lose the person — a random
   * owner id, no shipping contact, no tracking number (a courier would give the address for it), no
   * invoice title or tax id, timeline details dropped. Returns how many orders were anonymised.
   */
  async eraseCustomer(customerId: string): Promise<number> {
    const owner = `erased_${crypto.randomBytes(9).toString('base64url')}`;
    const mine = await this.orders.find({ customerId });
    for (const order of mine) {
      const anonymous: Order = {
        ...order,
        customerId: owner,
        shipping: { name: '', phone: '', address: '' },
        timeline: order.timeline.map((e) => ({ at: e.at, code: e.code })),
        updatedAt: new Date(),
      };
      if (order.courier) anonymous.courier = { ...order.courier, trackingNo: '' };
      if (order.invoice) anonymous.invoice = { type: order.invoice.type, title: '', requestedAt: order.invoice.requestedAt, status: order.invoice.status };
      await this.orders.replaceOne({ _id: order._id, customerId }, anonymous);
    }
    return mine.length;
  }

  private async conditionalUpdate(
    customerId: string,
    orderId: string,
    refusal: (order: Order) => ReturnType<typeof changeRefusal>,
    condition: Record<string, unknown>,
    set: Record<string, unknown>,
    events: TimelineEvent[],
  ): Promise<OrderOutcome> {
    const current = await this.get(customerId, orderId);
    if (!current) return { ok: false, reason: 'not_found' };
    const refused = refusal(current);
    if (refused) return { ok: false, reason: refused, order: current };
    const updated = await this.orders.findOneAndUpdate(
      { _id: orderId, customerId, ...condition },
      { $set: set, $push: { timeline: { $each: events } } },
    );
    if (updated) return { ok: true, order: updated };
    // the order changed between the read and the write (e.g. shipped meanwhile): report its new state
    const now = await this.get(customerId, orderId);
    return { ok: false, reason: (now && refusal(now)) ?? 'closed', order: now };
  }
}
