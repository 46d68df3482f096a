/**
 * The dialogs area, built one way for index.ts and the test harnesses: the customer state, the business
 * areas, MainDialog over them and the handoff gate. An area is built when its services are given, so a
 * harness gets the same wiring as the app for the areas it tests.
 */
import type { KnowledgeBase } from '../knowledge/types';
import type { Recognizer } from '../nlu/types';
import type { CustomerDirectory } from '../services/customers/customerDirectory';
import type { CustomerProfile } from '../services/customers/profile';
import type { ExperimentArms } from '../services/experiments'; // [X]
import type { HandoffService } from '../services/handoff';
import type { OrderService } from '../services/orders';
import type { Promotions } from '../services/promotions';
import type { TicketService } from '../services/tickets';
import type { DocumentStore } from '../storage/documentStore';
import { DocumentBotStorage } from '../storage/botStateStorage';
import { createAfterSalesArea } from './afterSales';
import type { GuidedArea } from './flow/area';
import { createHandoffArea, HandoffGate } from './handoff';
import { MAIN_STATE_PROPERTY, MainDialog, MainState } from './main/mainDialog';
import { createMarketingArea } from './marketing';
import { createOrdersArea } from './orders';
import { createSafetyArea } from './safety';
import { createShoppingGuideArea, GUIDE_STATE_PROPERTY, GuideState } from './shoppingGuide';
import { CustomerState } from './turn/customerState';

/** The customer's bot state in the store; with a directory, a merged customer's state joins the survivor's. */
export function createCustomerState(store: DocumentStore, directory?: Pick<CustomerDirectory, 'onMerge'>): CustomerState {
  const state = new CustomerState(new DocumentBotStorage(store));
  directory?.onMerge((survivor, merged) => state.merge(survivor, merged));
  return state;
}

export interface DialogsDeps {
  state: CustomerState;
  /** with promotions: the shopping guide and marketing areas, and MainDialog's knowledge answers */
  knowledge?: KnowledgeBase;
  promotions?: Promotions;
  /** [X] running A/B experiments: the shopping guide asks them which strategy variant a customer gets */
  experiments?: ExperimentArms;
  /** base of add-to-cart links */
  cartBase?: string;
  now?: () => Date;
  /** with tickets: the orders and after-sales areas */
  orders?: OrderService;
  tickets?: TicketService;
  /** the handoff area and its gate */
  handoffs?: HandoffService;
  /** areas added after the others (a test's stand-in handoff dialog) */
  extraAreas?: GuidedArea[];
  /** recognizes each part of a message with several requests (MainDialog handles them one after the other) */
  recognizer?: Pick<Recognizer, 'recognize'>;
}

export interface Dialogs {
  dialog: MainDialog;
  /** turn middleware that goes first while the handoff area is there: the bot stays quiet while a human owns the customer */
  gate?: HandoffGate;
}

export function createDialogs(deps: DialogsDeps): Dialogs {
  const { state, knowledge, promotions, orders, tickets, handoffs } = deps;
  const profile = state.createProperty<CustomerProfile>('profile');
  const guide = state.createProperty<GuideState>(GUIDE_STATE_PROPERTY);
  const areas: GuidedArea[] = [];
  const shopping = knowledge && promotions ? { profile, guide, knowledge, promotions, cartBase: deps.cartBase, now: deps.now, experiments: deps.experiments } : undefined;
  // first: a reaction or a pregnancy question is answered before any other signal or intent
  if (knowledge) areas.push(createSafetyArea({ profile, knowledge }));
  if (shopping) areas.push(createShoppingGuideArea(shopping), createMarketingArea(shopping));
  if (orders && tickets) areas.push(createOrdersArea({ orders, profile }), createAfterSalesArea({ orders, tickets, profile }));
  const handoffArea = handoffs ? createHandoffArea({ handoffs, state, profile, tickets }) : undefined;
  if (handoffArea) areas.push(handoffArea);
  areas.push(...(deps.extraAreas ?? []));
  const main = state.createProperty<MainState>(MAIN_STATE_PROPERTY);
  // the knowledge base answers FAQ-type intents alongside the shopping guide (as before: not without it)
  const dialog = new MainDialog({ profile, state: main, areas, knowledge: shopping ? knowledge : undefined, recognizer: deps.recognizer });
  return { dialog, gate: handoffArea?.gate };
}
