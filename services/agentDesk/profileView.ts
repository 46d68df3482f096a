/**
 * The sidebar an agent reads beside the conversation: who the customer is on which channels, their skin
 * profile, recent orders with status, tickets and valid coupons. Read on demand (one console opening a
 * conversation), never on the bot's turn. Contact details (name, phone, address) are left out: the agent
 * sees order numbers and can open an order in the shop's back office when they need more.
 */
import type { CustomerDirectory } from '../customers/customerDirectory';
import type { CustomerProfile } from '../customers/profile';
import type { OrderService } from '../orders';
import type { CouponService } from '../promotions/coupons';
import type { TicketService } from '../tickets';

export interface CustomerProfileView {
  identities: { channelId: string; userId: string }[];
  skinProfile: { skinType?: string; concerns?: string[]; budgetMax?: number; language?: string };
  orders: { id: string; status: string; items: { title: string; quantity: number; price: number }[]; total: number; createdAt: string }[];
  tickets: { id: string; type: string; status: string; orderId?: string; slaDueAt: string }[];
  coupons: { code: string; amountOff?: number; percentOff?: number; minSpend?: number; expiresAt: string }[];
}

export interface ProfileSources {
  directory: Pick<CustomerDirectory, 'get'>;
  orders: Pick<OrderService, 'recent'>;
  tickets: Pick<TicketService, 'forCustomer'>;
  coupons: Pick<CouponService, 'valid'>;
  /** the profile the bot keeps in the customer's state (skin type, concerns …) */
  skinProfile(customerId: string): Promise<CustomerProfile | undefined>;
}

/** Null when there is no such customer. */
export type ProfileReader = (customerId: string) => Promise<CustomerProfileView | null>;

const iso = (d: Date | string) => new Date(d).toISOString();

export function profileReader(sources: ProfileSources): ProfileReader {
  return async (customerId) => {
    const customer = await sources.directory.get(customerId);
    if (!customer) return null;
    const [profile, orders, tickets, coupons] = await Promise.all([
      sources.skinProfile(customerId).catch(() => undefined),
      sources.orders.recent(customerId, 10),
      sources.tickets.forCustomer(customerId, undefined, 10),
      sources.coupons.valid(customerId),
    ]);
    return {
      identities: customer.identities.map((i) => ({ channelId: i.channelId, userId: i.userId })),
      skinProfile: {
        ...(profile?.skinType ? { skinType: profile.skinType } : {}),
        ...(profile?.concerns?.length ? { concerns: profile.concerns } : {}),
        ...(profile?.budgetMax ? { budgetMax: profile.budgetMax } : {}),
        ...(profile?.language ? { language: profile.language } : {}),
      },
      orders: orders.map((o) => ({
        id: o._id,
        status: o.status,
        items: o.items.map((i) => ({ title: i.title, quantity: i.quantity, price: i.price })),
        total: o.total,
        createdAt: iso(o.createdAt),
      })),
      tickets: tickets.map((t) => ({ id: t._id, type: t.type, status: t.status, ...(t.orderId ? { orderId: t.orderId } : {}), slaDueAt: iso(t.slaDueAt) })),
      coupons: coupons.map((c) => ({
        code: c._id,
        ...(c.amountOff !== undefined ? { amountOff: c.amountOff } : {}),
        ...(c.percentOff !== undefined ? { percentOff: c.percentOff } : {}),
        ...(c.minSpend !== undefined ? { minSpend: c.minSpend } : {}),
        expiresAt: iso(c.expiresAt),
      })),
    };
  };
}
