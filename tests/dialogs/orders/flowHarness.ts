/**
 * The real turn pipeline (CustomerServiceBot + MainDialog + the orders, after-sales and handoff areas +
 * the handoff gate) on an in-memory store, driven like the app channel. Tests script the recognizer.
 */
import type { Activity, Attachment } from 'botbuilder';
import { CustomerServiceBot } from '../../../bots/CustomerServiceBot';
import { CustomerState } from '../../../dialogs/turn/customerState';
import { createAfterSalesArea } from '../../../dialogs/afterSales';
import { createHandoffArea } from '../../../dialogs/handoff';
import { MainDialog } from '../../../dialogs/mainDialog';
import { createOrdersArea } from '../../../dialogs/orders';
import type { Intent, NluResult } from '../../../nlu/types';
import { ConversationReferences, CustomerDirectory, CustomerLock } from '../../../services/customers';
import type { CustomerProfile } from '../../../services/customers/profile';
import { HandoffService } from '../../../services/handoff';
import { silentLogger } from '../../../platform/logger';
import { OrderService } from '../../../services/orders';
import { demoOrders } from '../../../services/orders/demo/demoOrders';
import { TicketService } from '../../../services/tickets';
import { DocumentBotStorage, EmbeddedStore } from '../../../storage';
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
  const directory = new CustomerDirectory(store);
  const orders = new OrderService(store);
  const tickets = new TicketService(store);
  const handoffs = new HandoffService(store);
  for (const owner of [orders, tickets, handoffs]) directory.onMerge((s, m) => owner.moveCustomer(s, m));
  const state = new CustomerState(new DocumentBotStorage(store));
  directory.onMerge((s, m) => state.merge(s, m));
  const profile = state.createProperty<CustomerProfile>('profile');
  const handoffArea = createHandoffArea({ handoffs, state, profile, tickets });
  const areas = [createOrdersArea({ orders, profile }), createAfterSalesArea({ orders, tickets, profile }), handoffArea];
  const bot = new CustomerServiceBot({
    directory,
    references: new ConversationReferences(store),
    lock: new CustomerLock(store),
    state,
    recognizer: new ScriptedRecognizer(script),
    dialog: new MainDialog(profile, areas),
    logger: silentLogger(),
    interceptors: [handoffArea.gate],
  });
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
