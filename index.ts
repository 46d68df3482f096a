/**
 * Composition root, and the only place that wires the layers:
 * config → store → knowledge → nlu → services → dialogs → bot → adapters → server.
 */
import os from 'node:os'; // [jobs]
import type { Server } from 'restify';
import { Config, ConfigError, loadConfig } from './config';
import { AppInbox, registerAppChannel } from './adapters/app';
import { ChannelDelivery } from './adapters/delivery'; // [L]
import { CsatCapture } from './dialogs/handoff/csatCapture'; // [L]
import type { ConversationLog } from './services/conversationLog'; // [L]
import type { CsatService } from './services/csat'; // [L]
import type { CustomerDelivery } from './services/delivery/types'; // [L]
import type { AppAdapter } from './adapters/app/appAdapter';
import { registerBotFrameworkChannel } from './adapters/botframework';
import type { BotFrameworkAdapter } from './adapters/botframework/botFrameworkAdapter';
import { registerTelegramChannel, TelegramChannel, telegramSettings } from './adapters/telegram';
import { registerWeChatChannel, unionIdChecks, WeChatChannel, wechatSettings } from './adapters/wechat';
import { MiniProgramChannel, MINIPROGRAM_CHANNEL_ID, miniProgramSettings, registerMiniProgramChannel } from './adapters/miniprogram'; // [miniprogram]
import { registerVoiceChannel, VoiceChannel, voiceSettings } from './adapters/voice'; // [voice]
import { LiveChannel, liveSettings, registerLiveChannel } from './adapters/live'; // [live]
import { registerLiveAdminRoutes } from './server/liveAdminRoutes'; // [live]
import { PrivateMessages } from './services/live'; // [live]
import { registerWebChannel, WebChannel } from './adapters/web';
import { createBot, CustomerServiceBot } from './bots';
import { createCustomerState, createDialogs } from './dialogs';
import { customerIdOf, customerStateKey } from './dialogs/turn/customerState';
import { createKnowledgeBase } from './knowledge';
import { createRecognizer, createRetrainer } from './nlu';
import { registerReviewRoutes } from './server/reviewRoutes'; // [R]
import { TEXT as MAIN_TEXT } from './dialogs/main/text'; // [R] the fallback wording the review queue listens for
import type { Recognizer } from './nlu/types';
import { registerAdminRoutes } from './server/adminRoutes';
import { registerAdminAudit } from './server/adminAudit'; // [audit]
import { registerAdminThrottle } from './server/adminThrottle';
import { FailureThrottle } from './services/throttle/failureThrottle';
import { registerHandoffAdminRoutes } from './server/handoffAdminRoutes';
import { registerPrivacyAdminRoutes } from './server/privacyAdminRoutes';
import { registerExperimentRoutes } from './server/experimentRoutes'; // [X]
import { reminderDaysOf } from './services/experiments'; // [X]
import { AuditLog } from './services/privacy/auditLog';
import { ReviewQueue } from './nlu/review/reviewQueue';
import { registerStaffPages } from './server/staffPages';
import { StaffAuth } from './server/staffAuth';
import { registerStaffRoutes } from './server/staffRoutes';
import { StaffAccounts, StaffSessions } from './services/staff';
import { registerMetricsRoutes } from './server/metricsRoutes';
import { MetricsService } from './services/analytics/metrics';
import { StoreMetricsSources } from './services/analytics/metricsSources';
import { PrometheusMetrics } from './services/analytics/metricsPrometheus';
import { COUPONS } from './services/promotions/types';
import { HANDOFFS_COLLECTION } from './services/handoff';
import { NLU_REVIEW_COLLECTION } from './nlu/review/reviewQueue';
import { CSAT_COLLECTION } from './services/csat';
import { createServer, listen, stopAccepting } from './server/createServer';
import { registerAgentRoutes } from './server/agentRoutes'; // [D]
import { createAgentDesk, faqSuggestions, lastChannelOf, staffRoster } from './services/agentDesk'; // [D]
import type { CustomerProfile } from './services/customers/profile'; // [D]
import { registerProductImages } from './server/productImages'; // [C]
import { createServices } from './services';
import { OcrService, ocrSettings } from './services/vision'; // [pictures]
import { PictureMiddleware } from './bots/pictureMiddleware'; // [pictures]
import { ChannelCampaignDelivery } from './adapters/campaignDelivery'; // [R13]
import { CampaignCustomerRecords } from './services/campaigns/customerRecords';
import { showingKeptMessages } from './adapters/web/nextVisit'; // [R13]
import { SubscriptionCommands } from './dialogs/marketing/subscriptionCommands'; // [R13]
import { GUIDE_STATE_PROPERTY, type GuideState } from './dialogs/shoppingGuide'; // [R13]
import { campaignRuleSettings, createOutreachStores, type OutreachStores } from './services/campaigns/rules'; // [R13]
import { alertSubscribers, CampaignDelivery, CampaignEngine, profilesFromBotState, SegmentRecorder } from './services/campaigns'; // [campaigns]
import { AlertSubscriptions } from './services/campaigns/rules'; // [campaigns]
import { registerCampaignRoutes } from './server/campaignRoutes'; // [campaigns]
import { JobRunner } from './storage/jobs'; // [campaigns]
import { type CustomerDirectory, VerifiedIdentities } from './services/customers';
import type { TurnEventRecorder } from './services/analytics/turnEvents';
import { createLogger, Logger } from './platform/logger';
import { Transcriber, transcriptionSettings } from './platform/transcription'; // [voice-text]
import { createStore, DocumentBotStorage, DocumentStore } from './storage';
import { privateStore } from './storage/encryption';

export interface App {
  config: Config;
  server: Server;
  store: DocumentStore;
  bot: CustomerServiceBot;
  directory: CustomerDirectory;
  /** [identity] what verified routes use to join a customer's channels by unionid or phone */
  verified: VerifiedIdentities;
  events: TurnEventRecorder;
  logger: Logger;
  /** the channels served, each with its adapter: what proactive messages (agent replies, campaigns) go through */
  channels: Channels;
  /** [L] reaches a customer on the channel they used last (agent replies, notices, the CSAT question) */
  delivery: CustomerDelivery;
  /** [L] every customer's time line across channels */
  conversationLog: ConversationLog;
  /** [L] the 1–5 question after a resolved conversation, the ratings and their summary */
  csat: CsatService;
  /** staff logins (cookie sessions) and the admin token: what /api/agent/* and staff /api/admin/* routes check */
  staffAuth: StaffAuth;
  /** [R13] opt-outs, the campaign send log, Mini Program consents, alert subscriptions, messages kept for web chat */
  outreach: OutreachStores;
  /** [campaigns] durable jobs of this instance, and the campaign engine registered on them */
  jobs: JobRunner;
  campaigns: CampaignEngine;
  /** graceful stop: stop accepting, finish in-flight turns, close the store */
  close(graceMs?: number): Promise<void>;
}

export interface Channels {
  app: AppAdapter;
  emulator: BotFrameworkAdapter;
  webchat: WebChannel;
  /** present when configured */
  wechat?: WeChatChannel;
  telegram?: TelegramChannel;
  miniprogram?: MiniProgramChannel; // [miniprogram]
  voice?: VoiceChannel; // [voice]
  live?: LiveChannel; // [live]
}

export interface BuildOptions {
  /** use this store instead of the configured one (tests, benchmarks) */
  store?: DocumentStore;
  recognizer?: Recognizer;
  logger?: Logger;
  /** [campaigns] send campaign messages through this instead of the channels (tests, benchmarks) */
  campaignDelivery?: CampaignDelivery;
}

export async function buildApp(config: Config, options: BuildOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger({ level: config.LOG_LEVEL, transcripts: config.LOG_TRANSCRIPTS, idKey: config.LOG_ID_KEY });
  // personal data is encrypted at rest and retention stamped, whichever backend (or test store) is used
  const store = await privateStore(options.store ?? (await createStore(config)), config, (file) =>
    logger.warn({ file }, 'generated a development data encryption key (set DATA_ENCRYPTION_KEY in production)'),
  );
  const reviewTextId = (text: string) => store.cipher.lookupHash(`nluReview:${text}`);

  // [knowledge] the knowledge base is built here (before nlu: it supplies the gazetteer)
  const knowledge = await createKnowledgeBase({ store, config, logger });

  // [nlu] local model (+ LLM when OPENAI_API_KEY is set); the store enables the review queue (learning loop)
  const nlu = options.recognizer ? undefined : await createRecognizer(config, { vocabulary: knowledge.vocabulary(), store, logger, textId: reviewTextId });
  const recognizer: Recognizer = options.recognizer ?? nlu!;

  // [services]
  const services = await createServices(store, logger, {
    lockTimeoutMs: config.TURN_LOCK_TIMEOUT_MS,
    linkCodes: {
      maxFailuresPerAddress: config.LINK_CODE_MAX_FAILURES_PER_ADDRESS,
      maxFailuresGlobal: config.LINK_CODE_MAX_FAILURES_GLOBAL,
      lockAfterFailures: config.LINK_CODE_LOCK_AFTER_FAILURES,
    },
    demoData: config.DEMO_DATA,
  });
  const { directory, handoffs, tickets, events } = services;
  // [identity] unionids and platform-verified phone numbers join a customer's channels (verified routes only)
  const verified = new VerifiedIdentities(directory, (text) => store.cipher.lookupHash(`proof:${text}`));

  // [dialogs] every business area, MainDialog over them, the handoff gate
  const state = createCustomerState(store, directory);
  const dialogs = createDialogs({ state, knowledge, cartBase: config.SHOP_CART_URL, recognizer, ...services });

  // [bot] middleware: handoff gate, account linking, NLU corrections ("不是这个意思" → review queue); analytics around the turn
  const nluCorrections = nlu?.correctionMiddleware(customerIdOf, (t) => t.startsWith(MAIN_TEXT.clarify.zh) || t.startsWith(MAIN_TEXT.clarify.en)); // [R] fallbacks → review
  // [metrics] every turn also counted for Prometheus (latency histogram, turns, handoffs, fallbacks)
  const segments = new SegmentRecorder(store, { logger }); // [campaigns] channel, language, last active per customer for audiences
  await SegmentRecorder.ensureIndexes(store); // [campaigns]
  const prometheus = new PrometheusMetrics();
  // [R13] 退订 / 订阅 / 到货提醒我 in any flow, before recognition
  const outreach = await createOutreachStores(store);
  directory.onMerge((survivor, merged) => outreach.optOuts.move(survivor, merged)); // [R13] an opt-out holds for the merged person
  const subscriptionCommands = new SubscriptionCommands({ optOuts: outreach.optOuts, alerts: outreach.alerts, knowledge, guide: state.createProperty<GuideState>(GUIDE_STATE_PROPERTY), dialogState: state.createProperty('dialogState') });
  // [pictures] order screenshots, labels and complaint photos, read offline by OCR in a worker thread (started on the first picture)
  const ocr = new OcrService(ocrSettings(config), logger);
  const pictures = new PictureMiddleware({ reader: ocr, knowledge, tickets, dialogState: state.createProperty('dialogState'), logger });
  const bot = createBot({ services, state, recognizer, dialog: dialogs.dialog, logger, handoffGate: dialogs.gate, linkCodes: services.linkCodes, nluCorrections, analytics: segments.observing(prometheus.observing(events)), conversationLog: services.conversationLog, csatCapture: new CsatCapture(services.csat), subscriptionCommands, pictures });

  // adapters and server
  const server = createServer({ store, logger });
  const appInbox = new AppInbox(store); // [L] proactive messages wait here for the app (GET /api/app/messages, /api/app/events)
  await appInbox.ensureIndexes();
  const appChannel = registerAppChannel(server, { maxBodyBytes: config.APP_MAX_BODY_BYTES, apiKey: config.APP_API_KEY, logger, bot, inbox: appInbox });
  const botFramework = registerBotFrameworkChannel(server, {
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
    ...services,
    store,
    review: new ReviewQueue(store, reviewTextId),
    botState: new DocumentBotStorage(store),
    stateKey: customerStateKey,
    campaigns: new CampaignCustomerRecords(store, segments),
    live: new PrivateMessages(store), // [live] viewers' private follow-ups in the live room
    wechat: unionIdChecks(store, async (id) => (await directory.exportCustomer(id)).identities), // which WeChat openids had a unionid
  };
  // [staff] agent and admin accounts, cookie sessions (+ CSRF) or the admin token; login throttled per address+username
  await Promise.all([StaffAccounts.ensureIndexes(store), StaffSessions.ensureIndexes(store)]);
  const staffAccounts = new StaffAccounts(store);
  const staffAuth = new StaffAuth({ accounts: staffAccounts, sessions: new StaffSessions(store, { ttlMs: config.STAFF_SESSION_HOURS * 3600_000 }), adminToken: config.ADMIN_TOKEN, trustProxy: config.ADMIN_TRUST_PROXY });
  // wrong admin tokens: per-address throttle on every /api/admin/* route (429 + Retry-After); staff sessions are not guesses
  const adminFailures = { failures: new FailureThrottle(store), maxFailures: config.ADMIN_MAX_FAILURES, trustProxy: config.ADMIN_TRUST_PROXY };
  registerAdminAudit(server, { audit }); // [audit] one entry per /api/admin/* request, throttled ones included: registered before the throttle
  registerAdminThrottle(server, { adminToken: config.ADMIN_TOKEN, logger, ...adminFailures, hasStaffSession: (req) => staffAuth.hasSession(req) });
  registerStaffRoutes(server, {
    ...{ auth: staffAuth, failures: adminFailures.failures, maxLoginFailures: config.STAFF_LOGIN_MAX_FAILURES, trustProxy: config.ADMIN_TRUST_PROXY, logger },
    // the desk is built further down; logouts only happen once the app serves requests
    onLogout: async (username) => void (await agentDesk.assignment?.setOnline(username, false)),
  });
  // [metrics] GET /api/admin/metrics (dashboard; admin session or token) and GET /metrics (Prometheus)
  const metricsSources = new StoreMetricsSources(store, { review: NLU_REVIEW_COLLECTION, coupons: COUPONS, csat: CSAT_COLLECTION, handoffs: HANDOFFS_COLLECTION });
  const metrics = new MetricsService(store, metricsSources, { flush: () => events.flush() });
  registerMetricsRoutes(server, { auth: staffAuth, metrics, prometheus, metricsToken: config.METRICS_TOKEN, logger });
  // [R] learning loop: review queue, retrain in place (worker thread, hot swap), unanswered groups, FAQ from /review
  const faqConfidence = (q: string) => knowledge.faqIndex.search(q, /\p{Script=Han}/u.test(q) ? 'zh' : 'en', 1)[0]?.confidence ?? 0;
  registerReviewRoutes(server, { auth: staffAuth, review: privacy.review, retrainer: nlu && createRetrainer(nlu, config, logger), knowledge: { upsertFaqs: (f) => knowledge.upsertFaqs(f), faqConfidence }, faqMinConfidence: config.KB_FAQ_MIN_CONFIDENCE, logger });
  registerAdminRoutes(server, { adminToken: config.ADMIN_TOKEN, directory, logger });
  registerHandoffAdminRoutes(server, { adminToken: config.ADMIN_TOKEN, logger, handoffs, tickets, staffAuth });
  registerPrivacyAdminRoutes(server, { adminToken: config.ADMIN_TOKEN, logger, audit, privacy });
  registerExperimentRoutes(server, { auth: staffAuth, experiments: services.experiments, logger }); // [X] A/B experiments of strategies
  // [channels] further channels register their routes here, each only when its config is present
  // webhook channels store what they acknowledge (durable inbox); startInbox below resumes what a killed
  // process acknowledged but never finished, now and every few seconds
  // [voice-text] WeChat voice (OA, Mini Program) WeChat did not recognise: transcribed when a key is configured
  const transcription = transcriptionSettings(config);
  const transcriber = transcription && new Transcriber(transcription);
  const wechatConfig = wechatSettings(config);
  const wechat = wechatConfig && registerWeChatChannel(server, { ...wechatConfig, store, logger, bot, production: config.NODE_ENV === 'production', transcriber, verified });
  const telegramConfig = telegramSettings(config);
  const telegram = telegramConfig && registerTelegramChannel(server, { ...telegramConfig, store, logger, bot });
  // [miniprogram] customer service in the Mini Program; a shared product page reads as the product, popup consents count for campaigns
  const miniProgramConfig = miniProgramSettings(config); // [miniprogram]
  const miniprogram = miniProgramConfig && registerMiniProgramChannel(server, { ...miniProgramConfig, store, logger, bot, verified, transcriber, production: config.NODE_ENV === 'production', productNames: (id) => knowledge.getProduct(id)?.title, grantConsent: async (openid, templateId) => outreach.consents.grant(await directory.resolve({ channelId: MINIPROGRAM_CHANNEL_ID, userId: openid }), templateId) }); // [miniprogram]
  // [voice] phone calls through Twilio; the caller's number (hashed) is the user id and proves their phone
  const voiceConfig = voiceSettings(config); // [voice]
  const voice = voiceConfig && registerVoiceChannel(server, { ...voiceConfig, store, logger, bot, verified, keyedHash: (text) => store.cipher.lookupHash(text) }); // [voice]
  // [live] live-stream room: similar questions answered once in public, private matters as turns in the viewer's own session
  const liveConfig = liveSettings(config); // [live]
  const live = liveConfig && (await registerLiveChannel(server, { ...liveConfig, store, logger, bot, classify: async (text) => (nlu ? nlu.local.recognizeSync(text) : recognizer.recognize(text)), knowledge, promotions: services.promotions, directory, linkCodes: services.linkCodes, outbox: privacy.live, cartBase: config.SHOP_CART_URL })); // [live]
  if (live) registerLiveAdminRoutes(server, { auth: staffAuth, rooms: live.rooms, feed: live.feed, logger }); // [live]
  const inboxes = [wechat, telegram, miniprogram].filter((c): c is WeChatChannel | TelegramChannel | MiniProgramChannel => Boolean(c));
  const webchatBot = showingKeptMessages(bot, { held: outreach.held, optOuts: outreach.optOuts, directory, language: (id) => services.conversationLog.language(id), logger }); // [R13] campaign messages kept for the next visit
  const webchat = await registerWebChannel(server, { ...config, store, logger, bot: webchatBot }); // [W] conversations in the store: no sticky sessions
  // [staff pages] agent console, dashboard, review: static pages over the agent/admin APIs
  registerStaffPages(server, { pages: ['agent', 'dashboard', 'review'], logger });
  // [C] product pictures the cards show, drawn by the store and served from its own origin
  registerProductImages(server, { knowledge, logger });
  const channels: Channels = { app: appChannel, emulator: botFramework, webchat, wechat, telegram, miniprogram, voice, live };
  // [R13] campaign messages with the channel rules: opt-out, weekly cap, quiet hours, WeChat window/template, Telegram 429, app inbox, web next visit
  const campaignDelivery = new ChannelCampaignDelivery({ channels: { ...channels, miniProgram: miniprogram?.sender }, appInbox, references: services.references, log: services.conversationLog, stores: outreach, settings: campaignRuleSettings(config), botAppId: config.MicrosoftAppId, logger });
  // [L] delivery to the customer's last channel; the CSAT question goes out through it
  const delivery = new ChannelDelivery({ channels, references: services.references, log: services.conversationLog, botAppId: config.MicrosoftAppId, logger });
  services.csat.useDelivery(delivery);
  // [D] agent desk: queue, claim, replies, notes, transfer, release/resolve (→ CSAT), presence and round-robin assignment, live events
  const agentDesk = await createAgentDesk({
    ...services,
    store,
    logger,
    delivery,
    log: services.conversationLog,
    roster: staffRoster(staffAccounts),
    suggest: faqSuggestions(knowledge.faqIndex),
    lastChannel: lastChannelOf(services.conversationLog, services.references),
    coupons: services.promotions.coupons,
    skinProfile: async (id) => ((await privacy.botState.read([customerStateKey(id)]))[customerStateKey(id)] as { profile?: CustomerProfile } | undefined)?.profile,
  });
  const agentStreams = registerAgentRoutes(server, { auth: staffAuth, desk: agentDesk, tickets, logger });

  // [campaigns] durable jobs (run once across instances sharing the store) and the campaign engine on them
  await Promise.all([JobRunner.ensureIndexes(store), CampaignEngine.ensureIndexes(store), AlertSubscriptions.ensureIndexes(store)]);
  const instanceId = `${os.hostname()}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`; // [jobs] who holds a job's lock, unique per process
  const jobs = new JobRunner(store, { instanceId, logger });
  const campaignBotState = new DocumentBotStorage(store);
  const campaigns = new CampaignEngine({
    store,
    instanceId,
    delivery: options.campaignDelivery ?? campaignDelivery, // [R13] the channel rules (adapters/campaignDelivery.ts)
    coupons: services.promotions.coupons,
    audience: { segments, profiles: profilesFromBotState((keys) => campaignBotState.read(keys), customerStateKey), category: (id) => knowledge.getProduct(id)?.category },
    getProduct: (id) => knowledge.getProduct(id),
    crossSell: (id) => knowledge.crossSell(id),
    repurchaseDays: async (id) => reminderDaysOf(await services.experiments.variantFor('reminderTiming', id)), // [X] reminder-timing experiment ("10d" → 10)
    alerts: alertSubscribers(new AlertSubscriptions(store)),
  });
  campaigns.register(jobs);
  // a web chat message kept for the next visit counts as sent once the customer has seen it
  outreach.held.onShown(({ campaignId, customerId, at }) => campaigns.rows.markShown(campaignId, customerId, at).then(() => undefined));
  registerCampaignRoutes(server, { auth: staffAuth, engine: campaigns, jobs, logger });
  jobs.start();

  for (const inbox of inboxes) inbox.startInbox(); // the bot is built: left-over updates can run

  let closing: Promise<void> | undefined;
  const close = (graceMs = 10000) =>
    (closing ??= (async () => {
      for (const inbox of inboxes) inbox.stopInbox();
      live?.close(); // [live]
      agentStreams.close(); // [D] live consoles' streams would hold the server open
      agentDesk.close();
      await stopAccepting(server, graceMs);
      await jobs.stop(); // [campaigns] running jobs finish their batch; the rest waits in the store
      await segments.flush(); // [campaigns]
      await Promise.race([bot.idle(), new Promise((r) => setTimeout(r, graceMs).unref())]);
      webchat.close(); // open Direct Line streams end once the last turns have written to them
      await ocr.close(); // [pictures]
      await events.flush();
      await services.conversationLog.flush(); // [L]
      await store.close();
    })());

  return { config, server, store, bot, directory, verified, events, logger, channels, staffAuth, outreach, jobs, campaigns, delivery, conversationLog: services.conversationLog, csat: services.csat, close };
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
