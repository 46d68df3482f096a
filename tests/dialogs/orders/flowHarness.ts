/**
 * The real turn pipeline (CustomerServiceBot + MainDialog + the orders, after-sales and handoff areas +
 * the handoff gate) on an in-memory store, driven like the app channel. Tests script the recognizer.
 */
import type { Activity, Attachment } from 'botbuilder';
import { createBot } from '../../../bots';
import { createCustomerState, createDialogs } from '../../../dialogs';
import type { Intent, NluResult } from '../../../nlu/types';
import { createCoreServices } from '../../../services';
import type { CustomerDirectory } from '../../../services/customers';
import type { HandoffService } from '../../../services/handoff';
import { silentLogger } from '../../../platform/logger';
import type { OrderService } from '../../../services/orders';
import { demoOrders } from '../../../services/orders/demo/demoOrders';
import type { TicketService } from '../../../services/tickets';
import { EmbeddedStore } from '../../../storage';
import { appChannelSender } from '../../helpers/botHarness';
import { ScriptedRecognizer } from '../../helpers/scriptedRecognizer';

export type Script = Record<string, Intent | Partial<NluResult>>;

export interface Message {
  text?: string;
  attachments?: Partial<Attachment>[];
}

export interface FlowHarness {
  store: EmbeddedStore;
  directory: CustomerDirectory;
  orders: OrderService;
  tickets: TicketService;
  handoffs: HandoffService;
  /** one message; returns every activity the bot sent */
  send(userId: string, message: string | Message, channelId?: string): Promise<Partial<Activity>[]>;
  /** one message; returns the replies' texts joined by a newline */
  say(userId: string, message: string | Message, channelId?: string): Promise<string>;
  /**
   * Gives the customer behind (channelId, userId) the demo orders (dates relative to now); `prefix`
   * replaces the first 4 digits of the demo order numbers so several customers can share one store.
   */
  seedOrders(userId: string, prefix?: string, channelId?: string): Promise<string>;
}

export function flowHarness(script: Script): FlowHarness {
  const store = new EmbeddedStore(null);
  const logger = silentLogger();
  const services = createCoreServices(store, logger);
  const { directory, orders, tickets, handoffs } = services;
  const state = createCustomerState(store, directory);
  // the orders, after-sales and handoff areas (no promotions or knowledge: no shopping guide)
  const { dialog, gate } = createDialogs({ state, orders, tickets, handoffs });
  const bot = createBot({ services, state, recognizer: new ScriptedRecognizer(script), dialog, logger, handoffGate: gate });
  const send = appChannelSender(bot);
  return {
    store,
    directory,
    orders,
    tickets,
    handoffs,
    send,
    async say(userId, message, channelId) {
      return (await send(userId, message, channelId)).map((a) => a.text ?? '').join('\n');
    },
    async seedOrders(userId, prefix = '1688', channelId = 'app') {
      const customerId = await directory.resolve({ channelId, userId });
      await orders.insert(demoOrders(customerId).map((o) => ({ ...o, _id: prefix + o._id.slice(4) })));
      return customerId;
    },
  };
}

/** The suggested actions' values of the last reply that has some. */
export function suggested(activities: Partial<Activity>[]): string[] {
  const withActions = [...activities].reverse().find((a) => a.suggestedActions?.actions?.length);
  return (withActions?.suggestedActions?.actions ?? []).map((a) => String(a.value));
}
