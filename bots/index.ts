/**
 * The bot, built one way for index.ts and the test harnesses: the CustomerServiceBot with its turn
 * middleware in the order the pipeline needs (handoff gate first: while a human owns the customer nothing
 * else runs; then account linking; then NLU corrections, which only watch) and analytics around the turn.
 * Each middleware is there only when what it needs is given.
 */
import type { Recognizer } from '../nlu/types';
import type { Logger } from '../platform/logger';
import type { TurnEventRecorder } from '../services/analytics/turnEvents';
import type { ConversationReferences } from '../services/customers/conversationReferences';
import type { CustomerDirectory } from '../services/customers/customerDirectory';
import type { CustomerLock } from '../services/customers/customerLock';
import type { LinkCodes } from '../services/customers/linkCodes';
import type { CustomerState } from '../dialogs/turn/customerState';
import type { TurnMiddleware } from '../dialogs/turn/turnContracts';
import { AccountLinkingMiddleware } from './accountLinkingMiddleware';
import { ConversationLogMiddleware } from './conversationLogMiddleware';
import type { ConversationLog } from '../services/conversationLog';
import { TurnAnalyticsMiddleware } from './analyticsMiddleware';
import type { PictureMiddleware } from './pictureMiddleware'; // [pictures]
import { CustomerServiceBot, RootDialog } from './CustomerServiceBot';

export interface BotDeps {
  services: { directory: CustomerDirectory; references: ConversationReferences; lock: CustomerLock };
  state: CustomerState;
  recognizer: Recognizer;
  dialog: RootDialog;
  logger: Logger;
  /** the handoff area's gate */
  handoffGate?: TurnMiddleware;
  /** records every customer message and bot reply (agents read it as the history) */
  conversationLog?: Pick<ConversationLog, 'append'>;
  /** takes the answer to a pending satisfaction question (after the gate) */
  csatCapture?: TurnMiddleware;
  /** 退订 / 订阅 / 到货提醒我 in any flow (dialogs/marketing/subscriptionCommands.ts) */
  subscriptionCommands?: TurnMiddleware;
  /** account linking by one-time code in the conversation */
  linkCodes?: LinkCodes;
  /** NLU's correction watcher (sends corrected utterances to review) */
  nluCorrections?: TurnMiddleware;
  /** [pictures] reads pictures (before the lock) and turns them into the question they ask */
  pictures?: PictureMiddleware;
  /** where every message turn's outcome is recorded */
  analytics?: Pick<TurnEventRecorder, 'turnEnded'>;
  /** attempts when a concurrent change beat us to the customer's state */
  maxAttempts?: number;
}

export function createBot(deps: BotDeps): CustomerServiceBot {
  const { services, state, logger } = deps;
  const middleware: TurnMiddleware[] = [];
  if (deps.conversationLog) middleware.push(new ConversationLogMiddleware(deps.conversationLog));
  if (deps.handoffGate) middleware.push(deps.handoffGate);
  if (deps.csatCapture) middleware.push(deps.csatCapture);
  if (deps.subscriptionCommands) middleware.push(deps.subscriptionCommands);
  if (deps.linkCodes) middleware.push(new AccountLinkingMiddleware({ codes: deps.linkCodes, directory: services.directory, state, logger }));
  if (deps.pictures) middleware.push(deps.pictures); // [pictures]
  if (deps.nluCorrections) middleware.push(deps.nluCorrections);
  const outerMiddleware: TurnMiddleware[] = deps.analytics ? [new TurnAnalyticsMiddleware(deps.analytics, logger)] : [];
  if (deps.pictures) outerMiddleware.push(deps.pictures.reader); // [pictures]
  return new CustomerServiceBot({
    ...{ directory: services.directory, references: services.references, lock: services.lock },
    ...{ state, recognizer: deps.recognizer, dialog: deps.dialog, logger, maxAttempts: deps.maxAttempts },
    ...{ middleware, outerMiddleware },
  });
}

export { CustomerServiceBot } from './CustomerServiceBot';
export type { RootDialog } from './CustomerServiceBot';
