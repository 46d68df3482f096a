/** The order model the customer-service flows read and change (status, timeline, courier, invoice). */

export const ORDER_STATUSES = ['unpaid', 'paid', 'shipped', 'delivered', 'cancelled', 'returning', 'refunded'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export interface OrderItem {
  /** product id in the knowledge base catalogue, e.g. sk-0001 */
  productId: string;
  /** title at the time of purchase (orders must not change when the catalogue does) */
  title: string;
  titleEn?: string;
  quantity: number;
  /** unit price paid, CNY */
  price: number;
  shade?: string;
  /** skincare/make-up/hair care: once opened, returnable only for quality reasons */
  cosmetic: boolean;
}

export type TimelineCode =
  | 'created'
  | 'paid'
  | 'shipped'
  | 'in_transit'
  | 'out_for_delivery'
  | 'delivered'
  | 'cancelled'
  | 'address_changed'
  | 'phone_changed'
  | 'invoice_requested'
  | 'return_requested'
  | 'refunded';

export interface TimelineEvent {
  at: Date;
  code: TimelineCode;
  /** a place or detail shown beside the event (a hub name, a courier note) */
  detail?: string;
  /** the same in English; without it an English reply leaves the detail out */
  detailEn?: string;
}

export interface ShippingAddress {
  name: string;
  phone: string;
  address: string;
}

export interface InvoiceRequest {
  type: 'personal' | 'company';
  title: string;
  taxId?: string;
  requestedAt: Date;
  status: 'requested' | 'issued';
}

export interface Order {
  _id: string; // the order number the customer sees, 10–20 digits
  customerId: string;
  status: OrderStatus;
  items: OrderItem[];
  total: number;
  createdAt: Date;
  paidAt?: Date;
  shippedAt?: Date;
  deliveredAt?: Date;
  cancelledAt?: Date;
  shipping: ShippingAddress;
  courier?: { name: string; nameEn: string; trackingNo: string };
  timeline: TimelineEvent[];
  invoice?: InvoiceRequest;
  updatedAt: Date;
}

/** Why a change was refused; dialogs turn the code into words in the customer's language. */
export type OrderRefusal = 'not_found' | 'already_shipped' | 'already_cancelled' | 'not_paid' | 'already_invoiced' | 'closed';

export type OrderOutcome = { ok: true; order: Order } | { ok: false; reason: OrderRefusal; order?: Order };
