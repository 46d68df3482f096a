/**
 * The real turn pipeline (CustomerServiceBot + AppAdapter + customer state) around MainDialog with the
 * shopping guide and marketing areas, the real knowledge base with the demo store, a scripted recognizer
 * and a stub handoff dialog; returns whole activities so tests can look at cards and suggested actions.
 */
import type { Activity } from 'botbuilder';
import { Dialog, DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { createBot } from '../../../bots';
import { createCustomerState, createDialogs } from '../../../dialogs';
import type { CustomerState } from '../../../dialogs/turn/customerState';
import { HANDOFF_DIALOG, HandoffOptions } from '../../../dialogs/handoff/ids';
import type { KnowledgeBase } from '../../../knowledge/types';
import type { Intent, NluResult } from '../../../nlu/types';
import { createServices } from '../../../services';
import type { CustomerDirectory } from '../../../services/customers';
import type { CustomerProfile } from '../../../services/customers/profile';
import { silentLogger } from '../../../platform/logger';
import { LastPurchases, Promotions, seedDemoPromotions } from '../../../services/promotions';
import { DocumentBotStorage, DocumentStore, EmbeddedStore } from '../../../storage';
import { appChannelSender } from '../../helpers/botHarness';
import { ScriptedRecognizer } from '../../helpers/scriptedRecognizer';
import { testConfig } from '../../../config';
import { createKnowledgeBase } from '../../../knowledge';

let demoKnowledge: Promise<KnowledgeBase> | undefined;

/** The real knowledge base over the demo store, built once per test file (it is read-only for dialogs). */
export function demoKnowledgeBase(): Promise<KnowledgeBase> {
  demoKnowledge ??= createKnowledgeBase({ store: new EmbeddedStore(null), config: testConfig({ DEMO_DATA: 'true' }), logger: silentLogger() });
  return demoKnowledge;
}

/** Records why the customer was handed to a human. */
class StubHandoffDialog extends Dialog<HandoffOptions> {
  reasons: string[] = [];
  constructor() {
    super(HANDOFF_DIALOG);
  }
  async beginDialog(dc: DialogContext, options?: HandoffOptions): Promise<DialogTurnResult> {
    this.reasons.push(options?.reason ?? 'none');
    await dc.context.sendActivity(`[handoff:${options?.reason}]`);
    return dc.endDialog();
  }
}

export interface DialogHarness {
  store: DocumentStore;
  state: CustomerState;
  directory: CustomerDirectory;
  promotions: Promotions;
  handoff: StubHandoffDialog;
  send(userId: string, text: string, channelId?: string): Promise<Partial<Activity>[]>;
  texts(userId: string, text: string, channelId?: string): Promise<string[]>;
  profileOf(userId: string, channelId?: string): Promise<CustomerProfile>;
}

export type Script = Record<string, Intent | Partial<NluResult>>;

/** An entity as the NLU returns it (offsets are not used by the dialogs). */
export function entity(type: string, text: string, value: unknown = text) {
  return { type, text, value, start: 0, end: text.length };
}

export async function dialogHarness(
  script: Script,
  options: { knowledge?: KnowledgeBase; lastPurchases?: LastPurchases; now?: () => Date } = {},
): Promise<DialogHarness> {
  const store = new EmbeddedStore(null);
  const logger = silentLogger();
  await seedDemoPromotions(store, options.now?.());
  const lastPurchases = options.lastPurchases ?? (async () => []);
  const services = await createServices(store, logger, { lastPurchases, promotionCatalog: { now: options.now } });
  const { directory, promotions } = services;
  const state = createCustomerState(store);
  const knowledge = options.knowledge ?? (await demoKnowledgeBase());
  const handoff = new StubHandoffDialog();
  // the shopping guide and marketing areas, and a stand-in for the handoff area
  const extraAreas = [{ name: 'handoff', dialogs: [handoff], routes: {} }];
  const recognizer = new ScriptedRecognizer(script);
  const { dialog } = createDialogs({ state, knowledge, promotions, now: options.now, extraAreas, recognizer });
  const bot = createBot({ services, state, recognizer, dialog, logger });
  const send = appChannelSender(bot);
  return {
    store,
    state,
    directory,
    promotions,
    handoff,
    send,
    texts: async (userId, text, channelId) => (await send(userId, text, channelId)).map((a) => a.text ?? ''),
    async profileOf(userId, channelId = 'app') {
      const customerId = await directory.resolve({ channelId, userId });
      const items = await new DocumentBotStorage(store).read([`customer/${customerId}`]);
      return ((items[`customer/${customerId}`] as { profile?: CustomerProfile } | undefined)?.profile ?? {}) as CustomerProfile;
    },
  };
}

/** Suggested action titles of an activity. */
export function suggestions(a: Partial<Activity> | undefined): string[] {
  return (a?.suggestedActions?.actions ?? []).map((x) => String(x.title));
}

/** All text of an activity, including its cards' titles and texts. */
export function allText(a: Partial<Activity> | undefined): string {
  const cards = (a?.attachments ?? []).map((att) => JSON.stringify(att.content));
  return [a?.text ?? '', ...cards].join('\n');
}
