/**
 * The live-stream room channel (route.ts): a platform connector pushes the room's comments; similar
 * questions are answered once into the public replies feed the host's overlay reads; private matters
 * become bot turns in the viewer's own session, delivered through the private outbox. Setup: README.md.
 */
import type { Server } from 'restify';
import type { TurnHandler } from '../../dialogs/turn/turnContracts';
import type { KnowledgeBase } from '../../knowledge/types';
import type { NluResult } from '../../nlu/types';
import type { Logger } from '../../platform/logger';
import type { CustomerDirectory } from '../../services/customers';
import type { LinkCodes } from '../../services/customers/linkCodes';
import { LiveRooms, PrivateMessages, ReplyFeed, RoomOffers } from '../../services/live';
import type { Promotions } from '../../services/promotions';
import type { DocumentStore } from '../../storage/documentStore';
import type { LiveSettings } from './config';
import { LiveAdapter } from './liveAdapter';
import { PrivateTurns } from './privateTurns';
import { RoomRunner } from './roomRunner';
import { registerLiveRoutes } from './route';
import { TaskQueue } from './taskQueue';

export { liveConfigSchema, liveSettings, type LiveSettings } from './config';
export { LIVE_CHANNEL_ID } from './toActivity';
export { LiveAdapter } from './liveAdapter';

export interface LiveChannelOptions extends LiveSettings {
  store: DocumentStore;
  logger: Logger;
  bot: TurnHandler;
  /** the local recogniser (no review queue, no LLM): what a comment is about */
  classify: (text: string) => Promise<NluResult>;
  knowledge: Pick<KnowledgeBase, 'ask' | 'getProduct' | 'findProductMention'>;
  promotions: Pick<Promotions, 'catalog' | 'gifts'>;
  directory: CustomerDirectory;
  linkCodes: Pick<LinkCodes, 'issue'>;
  /** the private outbox (also the privacy export's and erasure's view of it) */
  outbox: PrivateMessages;
  cartBase: string;
}

/** What index.ts and the admin routes use. */
export interface LiveChannel {
  adapter: LiveAdapter;
  rooms: LiveRooms;
  feed: ReplyFeed;
  /** resolves once every private turn, claim and due answer so far has finished */
  idle(): Promise<void>;
  /** answers every open cluster now, without waiting for its window, then waits as idle() does (shutdown, tests) */
  flush(): Promise<void>;
  close(): void;
}

export async function registerLiveChannel(server: Server, options: LiveChannelOptions): Promise<LiveChannel> {
  const { store, logger, bot, outbox } = options;
  await Promise.all([LiveRooms.ensureIndexes(store), ReplyFeed.ensureIndexes(store), PrivateMessages.ensureIndexes(store)]);
  const rooms = new LiveRooms({ store, promotions: options.promotions, productExists: (id) => options.knowledge.getProduct(id) !== undefined });
  const feed = new ReplyFeed(store, { minIntervalMs: options.minIntervalMs, maxAgeMs: options.maxAgeMs });
  const offers = new RoomOffers(store, options.promotions.gifts);
  const adapter = new LiveAdapter(outbox, options.directory);
  adapter.onTurnError = (context, error) => bot.handleTurnError(context, error);
  const queue = new TaskQueue(2, 1000, (err) => logger.error({ err }, 'live: a background task failed'));
  const turns = new PrivateTurns({ adapter, bot, outbox, offers, linkCodes: options.linkCodes, directory: options.directory });
  const runner = new RoomRunner({
    classify: options.classify,
    feed,
    answers: { knowledge: options.knowledge, cartBase: options.cartBase, offers: (room) => offers.states(room) },
    turns,
    queue,
    clusterWindowMs: options.clusterWindowMs,
    viewerMaxPerMinute: options.viewerMaxPerMinute,
    logger,
  });
  registerLiveRoutes(server, { apiKey: options.apiKey, rooms, feed, outbox, runner, logger });
  runner.start();
  return {
    adapter,
    rooms,
    feed,
    idle: async () => {
      runner.closeDue();
      await queue.idle();
      await runner.answered();
    },
    flush: async () => {
      runner.closeDue(true);
      await queue.idle();
      await runner.answered();
    },
    close: () => runner.stop(),
  };
}
