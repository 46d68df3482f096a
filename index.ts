/**
 * Composition root, and the only place that wires the layers:
 * config → store → knowledge → nlu → services → dialogs → bot → adapters → server.
 */
import type { Server } from 'restify';
import { Config, ConfigError, loadConfig } from './config';
import { registerAppChannel } from './adapters/app';
import { registerBotFrameworkChannel } from './adapters/botframework';
import { registerTelegramChannel, telegramSettings } from './adapters/telegram';
import { registerWeChatChannel, wechatSettings } from './adapters/wechat';
import { AccountLinkingInterceptor } from './bots/accountLinkingInterceptor';
import { registerWebChannel } from './adapters/web';
import { CustomerServiceBot } from './bots/CustomerServiceBot';
import { CustomerState, customerStateKey } from './dialogs/turn/customerState';
import type { TurnInterceptor } from './dialogs/turn/turnContracts';
import type { TurnObserver } from './services/analytics/turnOutcome';
import type { DialogArea } from './dialogs/dialogArea';
import { MainDialog } from './dialogs/mainDialog';
import { createAfterSalesArea } from './dialogs/afterSales';
import { createHandoffArea } from './dialogs/handoff';
import { createOrdersArea } from './dialogs/orders';
import { createMarketingArea } from './dialogs/marketing';
import { createShoppingGuideArea, GUIDE_STATE_PROPERTY, GuideState, ShoppingDeps } from './dialogs/shoppingGuide';
import { createPromotions, purchasesFromOrders, seedDemoPromotions } from './services/promotions';
import { createKnowledgeBase } from './knowledge';
import { createRecognizer } from './nlu';
import type { Recognizer } from './nlu/types';
import { registerAdminRoutes } from './server/adminRoutes';
import { registerAdminThrottle } from './server/adminThrottle';
import { FailureThrottle } from './services/throttle/failureThrottle';
import { registerHandoffAdminRoutes } from './server/handoffAdminRoutes';
import { registerPrivacyAdminRoutes } from './server/privacyAdminRoutes';
import { AuditLog } from './services/privacy/auditLog';
import { ReviewQueue } from './nlu/review/reviewQueue';
import { HandoffService } from './services/handoff';
import { OrderService } from './services/orders';
import { seedDemoOrders } from './services/orders/demo/seedDemoOrders';
import { TicketService } from './services/tickets';
import { createServer, listen, stopAccepting } from './server/createServer';
import { ConversationReferences, CustomerDirectory, CustomerLock } from './services/customers';
import type { CustomerProfile } from './services/customers/profile';
import { LinkCodes } from './services/customers/linkCodes';
import { TurnEventRecorder } from './services/analytics/turnEvents';
import { createLogger, Logger } from './platform/logger';
import { createStore, DocumentBotStorage, DocumentStore } from './storage';
import { privateStore } from './storage/encryption';

export interface App {
  config: Config;
  server: Server;
  store: DocumentStore;
  bot: CustomerServiceBot;
  directory: CustomerDirectory;
  events: TurnEventRecorder;
  logger: Logger;
  /** graceful stop: stop accepting, finish in-flight turns, close the store */
  close(graceMs?: number): Promise<void>;
}

export interface BuildOptions {
  /** use this store instead of the configured one (tests, benchmarks) */
  store?: DocumentStore;
  recognizer?: Recognizer;
  logger?: Logger;
}

export async function buildApp(config: Config, options: BuildOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger({ level: config.LOG_LEVEL, transcripts: config.LOG_TRANSCRIPTS, idKey: config.LOG_ID_KEY });
  // personal data is encrypted at rest and retention stamped, whichever backend (or test store) is used
  const store = await privateStore(options.store ?? (await createStore(config)), config, (file) =>
    logger.warn({ file }, 'generated a development data encryption key (set DATA_ENCRYPTION_KEY in production)'),
  );
  const reviewTextId = (text: string) => store.cipher.lookupHash(`nluReview:${text}`);
  await Promise.all([
    CustomerDirectory.ensureIndexes(store),
    ConversationReferences.ensureIndexes(store),
    CustomerLock.ensureIndexes(store),
    TurnEventRecorder.ensureIndexes(store),
  ]);

  // [knowledge] the knowledge base is built here (before nlu: it supplies the gazetteer)
  const knowledge = await createKnowledgeBase({ store, config, logger });

  // [nlu] local model (+ LLM when OPENAI_API_KEY is set); the store enables the review queue (learning loop)
  const nlu = options.recognizer ? undefined : await createRecognizer(config, { vocabulary: knowledge.vocabulary(), store, logger, textId: reviewTextId });
  const recognizer: Recognizer = options.recognizer ?? nlu!;

  // [services]
  const lock = new CustomerLock(store, { distributed: store.kind === 'mongo', timeoutMs: config.TURN_LOCK_TIMEOUT_MS });
  // merges hold both customers' turn locks, so they are atomic with respect to running turns
  const directory = new CustomerDirectory(store, lock);
  const references = new ConversationReferences(store);
  directory.onMerge((survivor, merged) => references.move(survivor, merged));
  const orders = new OrderService(store);
  const tickets = new TicketService(store);
  const handoffs = new HandoffService(store);
  await Promise.all([OrderService.ensureIndexes(store), TicketService.ensureIndexes(store), HandoffService.ensureIndexes(store)]);
  // orders, tickets and an open handoff follow the customer when identities are linked
  for (const owner of [orders, tickets, handoffs]) directory.onMerge((survivor, merged) => owner.moveCustomer(survivor, merged));
  if (config.DEMO_DATA) await seedDemoOrders(orders, directory);

  // state and dialogs
  const state = new CustomerState(new DocumentBotStorage(store));
  const profile = state.createProperty<CustomerProfile>('profile');
  directory.onMerge((survivor, merged) => state.merge(survivor, merged));
  // [dialogs] areas: each business area's dialogs and the intents they take over
  const promotions = await createPromotions(store, { lastPurchases: purchasesFromOrders(orders) });
  directory.onMerge((survivor, merged) => promotions.moveCustomer(survivor, merged));
  if (config.DEMO_DATA) await seedDemoPromotions(store);
  const guide = state.createProperty<GuideState>(GUIDE_STATE_PROPERTY);
  const shopping: ShoppingDeps = { profile, guide, knowledge, promotions, cartBase: config.SHOP_CART_URL };
  const areas: DialogArea[] = [createShoppingGuideArea(shopping), createMarketingArea(shopping)];
  const handoffArea = createHandoffArea({ handoffs, state, profile, tickets });
  areas.push(createOrdersArea({ orders, profile }), createAfterSalesArea({ orders, tickets, profile }), handoffArea);
  const dialog = new MainDialog(profile, areas, { knowledge: shopping.knowledge, guide });

  // [bot] interceptors run before recognition, in order (handoff gate, account linking …)
  const interceptors: TurnInterceptor[] = [];
  interceptors.push(handoffArea.gate); // first: while a human owns the customer nothing else runs
  await LinkCodes.ensureIndexes(store);
  const linkCodes = new LinkCodes(store, {
    maxFailuresPerAddress: config.LINK_CODE_MAX_FAILURES_PER_ADDRESS,
    maxFailuresGlobal: config.LINK_CODE_MAX_FAILURES_GLOBAL,
    lockAfterFailures: config.LINK_CODE_LOCK_AFTER_FAILURES,
  });
  interceptors.push(new AccountLinkingInterceptor({ codes: linkCodes, directory, state, logger }));
  const nluCorrections = nlu?.correctionInterceptor(); // observes only ("不是这个意思" → review queue); never handles a turn
  if (nluCorrections) interceptors.push(nluCorrections);
  const events = new TurnEventRecorder(store, logger);
  const observers: TurnObserver[] = [events];
  const bot = new CustomerServiceBot({ directory, references, lock, state, recognizer, dialog, logger, interceptors, observers });

  // adapters and server
  const server = createServer({ store, logger });
  registerAppChannel(server, { maxBodyBytes: config.APP_MAX_BODY_BYTES, apiKey: config.APP_API_KEY, logger, bot });
  registerBotFrameworkChannel(server, {
    appId: config.MicrosoftAppId,
    appPassword: config.MicrosoftAppPassword,
    appType: config.MicrosoftAppType,
    tenantId: config.MicrosoftAppTenantId,
    // Emulator mode (no app id) only outside production; loadConfig already refuses production without one
    allowUnauthenticated: config.NODE_ENV !== 'production',
    logger,
    bot,
  });
  // [privacy] export, erase and the audit log of every admin request
  await AuditLog.ensureIndexes(store);
  const audit = new AuditLog(store, (err) => logger.error({ err }, 'could not write an admin audit entry'));
  const privacy = {
    ...{ directory, references, orders, tickets, handoffs, promotions, events, lock, store },
    linkCodes,
    review: new ReviewQueue(store, reviewTextId),
    botState: new DocumentBotStorage(store),
    stateKey: customerStateKey,
  };
  // wrong admin tokens: per-address throttle on every /api/admin/* route (429 + Retry-After)
  const adminFailures = { failures: new FailureThrottle(store), maxFailures: config.ADMIN_MAX_FAILURES, trustProxy: config.ADMIN_TRUST_PROXY };
  registerAdminThrottle(server, { adminToken: config.ADMIN_TOKEN, logger, ...adminFailures });
  registerAdminRoutes(server, { adminToken: config.ADMIN_TOKEN, directory, logger, audit });
  registerHandoffAdminRoutes(server, { adminToken: config.ADMIN_TOKEN, logger, handoffs, tickets, audit });
  registerPrivacyAdminRoutes(server, { adminToken: config.ADMIN_TOKEN, logger, audit, privacy });
  // [channels] further channels register their routes here, each only when its config is present
  // webhook channels store what they acknowledge (durable inbox); startInbox below resumes what a killed
  // process acknowledged but never finished, now and every few seconds
  const inboxes: { startInbox(): void; stopInbox(): void }[] = [];
  const wechat = wechatSettings(config);
  if (wechat) inboxes.push(registerWeChatChannel(server, { ...wechat, store, logger, bot, production: config.NODE_ENV === 'production' }));
  const telegram = telegramSettings(config);
  if (telegram) inboxes.push(registerTelegramChannel(server, { ...telegram, store, logger, bot }));
  registerWebChannel(server, { ...config, logger, bot });

  for (const inbox of inboxes) inbox.startInbox(); // the bot is built: left-over updates can run

  let closing: Promise<void> | undefined;
  const close = (graceMs = 10000) =>
    (closing ??= (async () => {
      for (const inbox of inboxes) inbox.stopInbox();
      await stopAccepting(server, graceMs);
      await Promise.race([bot.idle(), new Promise((r) => setTimeout(r, graceMs).unref())]);
      await events.flush();
      await store.close();
    })());

  return { config, server, store, bot, directory, events, logger, close };
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const app = await buildApp(config);
  await listen(app.server, config.PORT, config.HOST);
  const port = (app.server.server.address() as { port: number }).port;
  app.logger.info({ port, store: app.store.kind }, `bot listening on http://localhost:${port}`);

  const shutdown = (signal: string) => {
    app.logger.info({ signal }, 'shutting down: finishing in-flight turns');
    app
      .close()
      .then(() => process.exit(0))
      .catch((err) => {
        app.logger.error({ err }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.on('unhandledRejection', (err) => app.logger.error({ err }, 'unhandled rejection'));
}

if (require.main === module) {
  main().catch((err) => {
    process.stderr.write(`failed to start: ${(err as Error).message}\n`);
    process.exit(1);
  });
}
