/**
 * Everything the store holds about one customer, as one JSON document (the customer's right of access).
 * Each area exports its own data through its `exportCustomer(customerId)`, so a field an area encrypts or
 * reshapes is exported the way that area reads it. Customers merged into this one are included: what was
 * keyed by their old ids belongs to this person too.
 */
import type { ChannelIdentity, ConversationReferences, CustomerDirectory } from '../customers';
import type { LinkCodes } from '../customers/linkCodes';
import type { TurnEventRecorder } from '../analytics/turnEvents';
import type { HandoffService } from '../handoff';
import type { OrderService } from '../orders';
import type { Promotions } from '../promotions';
import type { TicketService } from '../tickets';
import type { ReviewQueue } from '../../nlu/review/reviewQueue';
import type { ConversationLog } from '../conversationLog';
import type { CsatService } from '../csat';

/** One area's records of a customer: exported and erased by the area itself. */
/** What export and erasure need of the bot's per-customer state: read and delete by key. */
export interface BotStateStore {
  read(keys: string[]): Promise<Record<string, unknown>>;
  delete(keys: string[]): Promise<void>;
}

export interface CustomerRecords {
  exportCustomer(customerId: string): Promise<unknown[]>;
  /** erases or irreversibly anonymises; returns how many records were touched */
  eraseCustomer(customerId: string): Promise<number>;
}

export interface CustomerDataDeps {
  directory: CustomerDirectory;
  linkCodes: LinkCodes;
  references: ConversationReferences;
  orders: OrderService;
  tickets: TicketService;
  handoffs: HandoffService;
  promotions: Promotions;
  events: TurnEventRecorder;
  review: ReviewQueue;
  /** the customer's time line and satisfaction ratings (absent in older harnesses) */
  conversationLog?: ConversationLog;
  csat?: CsatService;
  /** [X] the experiment arms the customer was in and their conversions */
  experiments?: CustomerRecords;
  /** campaign segment, sends, opt-out, alerts, consents, held messages */
  campaigns?: CustomerRecords;
  /** [live] what the bot said to the customer privately in live rooms */
  live?: CustomerRecords;
  /** whether each of the customer's WeChat openids had a unionid (the Official Account's lookups) */
  wechat?: CustomerRecords;
  /** the customer's bot state (profile, dialog stack) and the key it is stored under */
  /** the bot's state store (botbuilder's Storage fits; services name no Bot Framework types) */
  botState: BotStateStore;
  stateKey(customerId: string): string;
}

export class CustomerNotFoundError extends Error {
  constructor(readonly customerId: string) {
    super(`no customer ${customerId}`);
    this.name = 'CustomerNotFoundError';
  }
}

/** The id names a customer that was merged into another: act on the survivor instead. */
export class CustomerMergedError extends Error {
  constructor(
    readonly customerId: string,
    readonly survivorId: string,
  ) {
    super(`customer ${customerId} was merged into ${survivorId}; use that id`);
    this.name = 'CustomerMergedError';
  }
}

/** The areas whose records are plain per-customer lists, under their key in the export document. */
export function recordSections(deps: CustomerDataDeps): Record<string, CustomerRecords> {
  return {
    orders: deps.orders,
    tickets: deps.tickets,
    handoffs: deps.handoffs,
    analyticsEvents: deps.events,
    reviewItems: deps.review,
    conversationReferences: deps.references,
    ...(deps.conversationLog ? { conversationLog: deps.conversationLog } : {}),
    ...(deps.csat ? { satisfactionRatings: deps.csat } : {}),
    ...(deps.experiments ? { experiments: deps.experiments } : {}), // [X]
    ...(deps.campaigns ? { campaigns: deps.campaigns } : {}),
    ...(deps.live ? { liveMessages: deps.live } : {}), // [live]
    ...(deps.wechat ? { wechatUnionIdChecks: deps.wechat } : {}),
  };
}

/** The customer and every customer merged into it (ids), or an error for an unknown or merged-away id. */
export async function customerFamily(directory: CustomerDirectory, customerId: string): Promise<string[]> {
  const customer = await directory.get(customerId);
  if (!customer) throw new CustomerNotFoundError(customerId);
  if (customer.mergedInto) throw new CustomerMergedError(customerId, customer.mergedInto);
  return [customerId, ...(await directory.mergedFrom(customerId))];
}

export async function exportCustomer(deps: CustomerDataDeps, customerId: string): Promise<Record<string, unknown>> {
  const ids = await customerFamily(deps.directory, customerId);
  const customer = (await deps.directory.get(customerId))!;
  const identities: ChannelIdentity[] = [];
  for (const id of ids) identities.push(...(await deps.directory.exportCustomer(id)).identities);

  const stateItems = await deps.botState.read(ids.map((id) => deps.stateKey(id)));
  const { eTag: _eTag, profile = {}, ...dialogState } = (stateItems[deps.stateKey(customerId)] ?? {}) as Record<string, unknown>;

  const lists: Record<string, unknown[]> = { coupons: [], promotionClaims: [] };
  for (const [section, records] of Object.entries(recordSections(deps))) {
    lists[section] = [];
    for (const id of ids) lists[section].push(...(await records.exportCustomer(id)));
  }
  for (const id of ids) {
    const promo = await deps.promotions.exportCustomer(id);
    lists.coupons.push(...promo.coupons);
    lists.promotionClaims.push(...promo.promotionClaims);
  }
  return {
    format: 'beautybot.customer-export/1',
    exportedAt: new Date().toISOString(),
    customerId,
    createdAt: customer.createdAt,
    updatedAt: customer.updatedAt,
    mergedCustomers: ids.slice(1),
    identities,
    profile,
    dialogState,
    ...lists,
    linkCodes: await deps.linkCodes.exportIdentities(identities),
  };
}
