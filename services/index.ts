/**
 * The services area, built one way for index.ts and the test harnesses: customers (directory, lock,
 * conversation references, link codes), orders, tickets, handoffs, promotions and analytics events,
 * with the merge hooks that make a customer's data follow them when identities are linked.
 */
import type { DocumentStore } from '../storage/documentStore';
import type { Logger } from '../platform/logger';
import { TurnEventRecorder } from './analytics/turnEvents';
import { ConversationReferences, CustomerDirectory, CustomerLock } from './customers';
import { LinkCodeOptions, LinkCodes } from './customers/linkCodes';
import { HandoffService } from './handoff';
import { OrderService } from './orders';
import { seedDemoOrders } from './orders/demo/seedDemoOrders';
import { createPromotions, LastPurchases, Promotions, purchasesFromOrders, seedDemoPromotions } from './promotions';
import type { CatalogOptions } from './promotions/promotionCatalog';
import { TicketService } from './tickets';
import { ConversationLog } from './conversationLog';
import { CsatService } from './csat';
import { ExperimentService } from './experiments'; // [X]

export interface ServiceSettings {
  /** turn locks shared by every instance through the store (default: when the store is MongoDB) */
  distributedLock?: boolean;
  /** longest wait for a customer's turn lock */
  lockTimeoutMs?: number;
  linkCodes?: LinkCodeOptions;
  /** delivered purchases for repurchase reminders (default: read from the orders service) */
  lastPurchases?: LastPurchases;
  promotionCatalog?: CatalogOptions;
  /** seed the demo customer's orders and the demo promotions into an empty store */
  demoData?: boolean;
}

/** Every service but promotions: built without touching the store (no indexes, no demo data). */
export interface CoreServices {
  lock: CustomerLock;
  directory: CustomerDirectory;
  references: ConversationReferences;
  linkCodes: LinkCodes;
  orders: OrderService;
  tickets: TicketService;
  handoffs: HandoffService;
  events: TurnEventRecorder;
  conversationLog: ConversationLog;
  csat: CsatService;
}

export interface Services extends CoreServices {
  promotions: Promotions;
  /** [X] A/B experiments: the variant a customer gets (`variantFor`) and their conversions */
  experiments: ExperimentService;
}

/** The services a synchronous test harness needs; the app uses createServices. */
export function createCoreServices(store: DocumentStore, logger: Logger, settings: ServiceSettings = {}): CoreServices {
  const lock = new CustomerLock(store, { distributed: settings.distributedLock ?? store.kind === 'mongo', timeoutMs: settings.lockTimeoutMs });
  // merges hold both customers' turn locks, so they are atomic with respect to running turns
  const directory = new CustomerDirectory(store, lock);
  const references = new ConversationReferences(store);
  directory.onMerge((survivor, merged) => references.move(survivor, merged));
  const orders = new OrderService(store);
  const tickets = new TicketService(store);
  const handoffs = new HandoffService(store);
  // orders, tickets and an open handoff follow the customer when identities are linked
  for (const owner of [orders, tickets, handoffs]) directory.onMerge((survivor, merged) => owner.moveCustomer(survivor, merged));
  const linkCodes = new LinkCodes(store, settings.linkCodes);
  const events = new TurnEventRecorder(store, logger);
  // [conversation log, csat] the customer's time line and ratings follow them when identities are linked
  const conversationLog = new ConversationLog(store, logger);
  const csat = new CsatService(store, conversationLog);
  for (const owner of [conversationLog, csat]) directory.onMerge((survivor, merged) => owner.moveCustomer(survivor, merged));
  return { lock, directory, references, linkCodes, orders, tickets, handoffs, events, conversationLog, csat };
}

/** All services, their indexes created (and the demo data seeded when asked). */
export async function createServices(store: DocumentStore, logger: Logger, settings: ServiceSettings = {}): Promise<Services> {
  const core = createCoreServices(store, logger, settings);
  await Promise.all(
    [CustomerDirectory, ConversationReferences, CustomerLock, TurnEventRecorder, OrderService, TicketService, HandoffService, LinkCodes, ConversationLog, CsatService].map((owner) =>
      owner.ensureIndexes(store),
    ),
  );
  if (settings.demoData) await seedDemoOrders(core.orders, core.directory);
  const lastPurchases = settings.lastPurchases ?? purchasesFromOrders(core.orders);
  const promotions = await createPromotions(store, { ...settings.promotionCatalog, lastPurchases });
  core.directory.onMerge((survivor, merged) => promotions.moveCustomer(survivor, merged));
  if (settings.demoData) await seedDemoPromotions(store);
  // [X] experiments: a redeemed coupon or a placed order is a conversion for the experiments the customer is in
  await ExperimentService.ensureIndexes(store);
  const experiments = new ExperimentService(store, { logger });
  promotions.coupons.onRedeemed = (customerId, coupon) => experiments.converted(customerId, 'coupon_redeemed', coupon.redeemedAt);
  core.orders.onPlaced = (order) => experiments.converted(order.customerId, 'order_placed', order.createdAt);
  return { ...core, promotions, experiments };
}
