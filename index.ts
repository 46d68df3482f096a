/**
 * Composition root, and the only place that wires the layers:
 * config → store → knowledge → nlu → services → dialogs → bot → adapters → server.
 */
import type { Server } from 'restify';
import { Config, ConfigError, loadConfig } from './config';
import { registerAppChannel } from './adapters/app';
import { registerBotFrameworkChannel } from './adapters/botframework';
import { CustomerServiceBot } from './bots/CustomerServiceBot';
import { CustomerState } from './bots/customerState';
import type { TurnInterceptor, TurnObserver } from './bots/turnContracts';
import type { DialogArea } from './dialogs/dialogArea';
import { MainDialog } from './dialogs/mainDialog';
import { createShoppingGuideArea } from './dialogs/shoppingGuide/needsDiscoveryDialog';
import { createRecognizer } from './nlu';
import type { Recognizer } from './nlu/types';
import { registerAdminRoutes } from './server/adminRoutes';
import { createServer, listen, stopAccepting } from './server/createServer';
import { ConversationReferences, CustomerDirectory, CustomerLock } from './services/customers';
import type { CustomerProfile } from './services/customers/profile';
import { TurnEventRecorder } from './services/analytics/turnEvents';
import { createLogger, Logger } from './services/observability/logger';
import { createStore, DocumentBotStorage, DocumentStore } from './storage';

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
  const logger = options.logger ?? createLogger({ level: config.LOG_LEVEL, transcripts: config.LOG_TRANSCRIPTS });
  const store = options.store ?? (await createStore(config));
  await Promise.all([
    CustomerDirectory.ensureIndexes(store),
    ConversationReferences.ensureIndexes(store),
    CustomerLock.ensureIndexes(store),
    TurnEventRecorder.ensureIndexes(store),
  ]);

  // [knowledge] the knowledge base is built here (before nlu: it supplies the gazetteer)

  // [nlu]
  const recognizer = options.recognizer ?? (await createRecognizer(config));

  // [services]
  const directory = new CustomerDirectory(store);
  const references = new ConversationReferences(store);
  directory.onMerge((survivor, merged) => references.move(survivor, merged));
  const lock = new CustomerLock(store, { distributed: store.kind === 'mongo', timeoutMs: config.TURN_LOCK_TIMEOUT_MS });

  // state and dialogs
  const state = new CustomerState(new DocumentBotStorage(store));
  const profile = state.createProperty<CustomerProfile>('profile');
  directory.onMerge((survivor, merged) => state.merge(survivor, merged));
  // [dialogs] areas: each business area's dialogs and the intents they take over
  const areas: DialogArea[] = [createShoppingGuideArea(profile)];
  const dialog = new MainDialog(profile, areas);

  // [bot] interceptors run before recognition, in order (handoff gate, account linking …)
  const interceptors: TurnInterceptor[] = [];
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
    logger,
    bot,
  });
  registerAdminRoutes(server, { adminToken: config.ADMIN_TOKEN, directory, logger });
  // [channels] further channels register their routes here, each only when its config is present

  let closing: Promise<void> | undefined;
  const close = (graceMs = 10000) =>
    (closing ??= (async () => {
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
