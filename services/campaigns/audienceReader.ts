/**
 * Reads customers for planning, one page at a time (customers by id), and gathers for each page only
 * what is needed: identities and segment records always (cheap, non-personal), profiles (decrypted bot
 * state) and orders only when the filters or the campaign type ask for them. Memory stays one page.
 */
import type { DocumentStore } from '../../storage/documentStore';
import type { CustomerFacts, OrderFacts } from './audience';
import type { SegmentRecorder } from './segments';

/** The profile fields filters use; index.ts reads them from the bot state (profilesFromBotState). */
export interface ProfileFacts {
  language?: 'zh' | 'en';
  skinType?: string;
  concerns?: string[];
}

export type ProfileReader = (customerIds: string[]) => Promise<Map<string, ProfileFacts>>;

export interface AudienceSources {
  store: DocumentStore;
  segments: Pick<SegmentRecorder, 'get'>;
  profiles: ProfileReader;
  /** catalogue: a product's category (purchased: category filter) */
  category(productId: string): string | undefined;
}

interface CustomerRow {
  _id: string;
  createdAt: Date;
  mergedInto?: string;
}

interface OrderRow {
  _id: string;
  customerId: string;
  status: string;
  items: { productId: string; quantity: number }[];
  createdAt: Date;
  deliveredAt?: Date;
}

export interface Needs {
  profile: boolean;
  orders: boolean;
  /** a language filter: the profile is read for customers whose segment record has no language */
  language: boolean;
}

export class AudienceReader {
  constructor(private readonly sources: AudienceSources) {}

  /** The next page of customers after `afterId` (by id), with their facts; `last` is the page's last id,
   * `read` how many customers the page held (merged-away ones included: fewer than asked = the end). */
  async page(afterId: string | undefined, limit: number, needs: Needs): Promise<{ facts: CustomerFacts[]; last?: string; read: number }> {
    const customers = await this.sources.store
      .collection<CustomerRow>('customers')
      .find(afterId === undefined ? {} : { _id: { $gt: afterId } }, { sort: { _id: 1 }, limit });
    const live = customers.filter((c) => !c.mergedInto);
    return { facts: await this.factsOf(live, needs), last: customers.at(-1)?._id, read: customers.length };
  }

  /** Facts of named customers (alert subscribers); unknown and merged-away ids are left out. */
  async facts(customerIds: string[], needs: Needs): Promise<CustomerFacts[]> {
    if (customerIds.length === 0) return [];
    const customers = await this.sources.store.collection<CustomerRow>('customers').find({ _id: { $in: customerIds } });
    return this.factsOf(
      customers.filter((c) => !c.mergedInto).sort((a, b) => (a._id < b._id ? -1 : 1)),
      needs,
    );
  }

  private async factsOf(customers: CustomerRow[], needs: Needs): Promise<CustomerFacts[]> {
    if (customers.length === 0) return [];
    const ids = customers.map((c) => c._id);
    const [identities, segments] = await Promise.all([
      this.sources.store.collection<{ _id: string; customerId: string; channelId: string }>('identities').find({ customerId: { $in: ids } }),
      this.sources.segments.get(ids),
    ]);
    const profileIds = needs.profile ? ids : needs.language ? ids.filter((id) => !segments.get(id)?.language) : [];
    const profiles = profileIds.length ? await this.sources.profiles(profileIds) : new Map<string, ProfileFacts>();
    const orders = needs.orders ? await this.ordersOf(ids) : undefined;

    const channels = new Map<string, Set<string>>();
    for (const i of identities) (channels.get(i.customerId) ?? channels.set(i.customerId, new Set()).get(i.customerId)!).add(i.channelId);
    return customers.map((c) => {
      const seg = segments.get(c._id);
      const profile = profiles.get(c._id);
      const known = channels.get(c._id) ?? new Set<string>();
      for (const ch of seg?.channels ?? []) known.add(ch);
      return {
        customerId: c._id,
        channels: [...known],
        lastChannel: seg?.lastChannel ?? [...known][0],
        language: seg?.language ?? profile?.language ?? 'zh',
        skinType: profile?.skinType,
        concerns: profile?.concerns ?? [],
        lastActiveAt: new Date(seg?.lastActiveAt ?? c.createdAt),
        ...(orders ? { orders: orders.get(c._id) ?? [] } : {}),
      };
    });
  }

  private async ordersOf(ids: string[]): Promise<Map<string, OrderFacts[]>> {
    const rows = await this.sources.store.collection<OrderRow>('orders').find({ customerId: { $in: ids } });
    const byCustomer = new Map<string, OrderFacts[]>();
    for (const o of rows) {
      const mine = byCustomer.get(o.customerId) ?? byCustomer.set(o.customerId, []).get(o.customerId)!;
      for (const item of o.items) {
        mine.push({
          orderId: o._id,
          productId: item.productId,
          category: this.sources.category(item.productId),
          quantity: item.quantity,
          status: o.status,
          createdAt: new Date(o.createdAt),
          ...(o.deliveredAt ? { deliveredAt: new Date(o.deliveredAt) } : {}),
        });
      }
    }
    return byCustomer;
  }
}

/** Profiles from the bot state (the store decrypts it); `stateKey` is the dialogs' key for a customer. */
export function profilesFromBotState(
  read: (keys: string[]) => Promise<Record<string, unknown>>,
  stateKey: (customerId: string) => string,
): ProfileReader {
  return async (ids) => {
    const items = await read(ids.map(stateKey));
    const out = new Map<string, ProfileFacts>();
    for (const id of ids) {
      const profile = (items[stateKey(id)] as { profile?: ProfileFacts } | undefined)?.profile;
      if (profile) out.set(id, { language: profile.language, skinType: profile.skinType, concerns: profile.concerns });
    }
    return out;
  };
}
