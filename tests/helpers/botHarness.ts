/** Builds the real turn pipeline (CustomerServiceBot + AppAdapter) around a given root dialog. */
import { Activity, StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import { AppAdapter } from '../../adapters/app/appAdapter';
import { toActivity } from '../../adapters/app/toActivity';
import { BotDeps, createBot, CustomerServiceBot, RootDialog } from '../../bots';
import { createCustomerState } from '../../dialogs';
import type { CustomerState } from '../../dialogs/turn/customerState';
import type { Recognizer } from '../../nlu/types';
import type { TurnOutcome } from '../../services/analytics/turnOutcome';
import { createCoreServices } from '../../services';
import type { CustomerDirectory } from '../../services/customers';
import { silentLogger } from '../../platform/logger';
import type { DocumentStore } from '../../storage';
import { ScriptedRecognizer } from './scriptedRecognizer';

export interface Harness {
  bot: CustomerServiceBot;
  state: CustomerState;
  directory: CustomerDirectory;
  send(userId: string, text: string, channelId?: string): Promise<string[]>;
}

export function buildHarness(
  store: DocumentStore,
  dialog: (state: CustomerState) => RootDialog,
  options: { distributed?: boolean; recognizer?: Recognizer; maxAttempts?: number; analytics?: BotDeps['analytics'] } = {},
): Harness {
  const logger = silentLogger();
  const services = createCoreServices(store, logger, { distributedLock: options.distributed ?? false });
  const state = createCustomerState(store);
  const recognizer = options.recognizer ?? new ScriptedRecognizer();
  const bot = createBot({ services, state, recognizer, dialog: dialog(state), logger, maxAttempts: options.maxAttempts, analytics: options.analytics });
  const send = appChannelSender(bot);
  return {
    bot,
    state,
    directory: services.directory,
    async send(userId, text, channelId = 'app') {
      return (await send(userId, text, channelId)).map((r) => r.text ?? '');
    },
  };
}

/** A message body for the app channel, without the user id; toActivity validates it as the route would. */
export type AppMessageBody = { text?: string; attachments?: unknown[]; locale?: string };

/**
 * Sends one app-channel message through a real AppAdapter (under any channel id, to play another
 * channel's customer) and returns every activity the bot sent in that turn.
 */
export function appChannelSender(bot: CustomerServiceBot) {
  const adapter = new AppAdapter();
  adapter.onTurnError = (ctx, err) => bot.handleTurnError(ctx, err);
  return async (userId: string, message: string | AppMessageBody, channelId = 'app'): Promise<Partial<Activity>[]> => {
    const body = typeof message === 'string' ? { userId, text: message } : { userId, ...message };
    const mapped = toActivity(body, `${Math.random()}`, new Date());
    if (!mapped.ok) throw new Error(mapped.reason);
    return adapter.processActivity({ ...mapped.activity, channelId }, (ctx) => bot.run(ctx));
  };
}

/** A root dialog that counts messages in the customer's state and echoes the count. */
export function countingDialog(state: CustomerState, delayMs = 0): RootDialog {
  const counter = state.createProperty<{ n: number; seen: string[] }>('counter');
  return {
    async run(context: TurnContext, _accessor: StatePropertyAccessor<DialogState>) {
      const c = await counter.get(context, { n: 0, seen: [] });
      if (delayMs) await new Promise((r) => setTimeout(r, Math.random() * delayMs));
      c.n += 1;
      c.seen.push(context.activity.text ?? '');
      await counter.set(context, c);
      await context.sendActivity(`count ${c.n}`);
    },
  };
}

/** Collects every turn's outcome, as the analytics recorder would (give it to buildHarness as `analytics`). */
export function outcomeRecorder(): NonNullable<BotDeps['analytics']> & { outcomes: TurnOutcome[] } {
  const outcomes: TurnOutcome[] = [];
  return { outcomes, turnEnded: async (o) => void outcomes.push(o) };
}
