/**
 * A shopping request the classifier did not recognise ("I need an anti aging serum, oily skin, budget
 * about 600" read as "other"): a message that names a product type or a gift together with a need
 * (skin type, concern, budget, shade, recipient, a constraint) and names no product starts needs
 * discovery, unless the classifier is sure of another intent and the message says little else.
 */
import type { TurnContext } from 'botbuilder';
import type { KnowledgeBase } from '../../knowledge/types';
import type { Intent } from '../../nlu/types';
import type { SignalRoute } from '../flow/area';
import { nluResultOf } from '../turn/turnContracts';
import { NEEDS_DISCOVERY_DIALOG } from './needsDiscoveryDialog';
import { PLACE_ORDER_DIALOG } from './placeOrderDialog';
import { PRODUCT_QUESTION_DIALOG } from './productQuestionDialog';
import { carriesNeeds, namesWhatToBuy, readRequest, shoppingStrength } from './shoppingRequest';

/** intents a shopping request is often mistaken for; anything else must be unsure to be overruled */
const MISTAKEN_FOR: Intent[] = ['other', 'product_info', 'place_order', 'feedback', 'greeting'];
const UNSURE = 0.5;
const STRONG = 3;
/** after-sales words: "油皮用的面霜退货" is a return */
const AFTER_SALES = /退|换货|订单|快递|物流|发货|过敏了|红疹|起痘了|return|refund|order|deliver|shipping|rash/i;

/** our card button ("了解一下小棕瓶", "More about …") and the ways people ask the same */
const ABOUT_PRODUCT = /^(了解一下|介绍一下|详细介绍|说说|more about|tell me (more )?about)\s*/i;

/**
 * "More about <product>" — the card button — or "介绍一下小棕瓶": the product question, whatever the
 * classifier makes of the product's name (an English title can read like anything).
 */
export function aboutProductSignal(knowledge: KnowledgeBase): SignalRoute {
  return {
    dialogId: PRODUCT_QUESTION_DIALOG,
    matches: (context: TurnContext) => {
      const text = (context.activity.text ?? '').trim();
      return ABOUT_PRODUCT.test(text) && !AFTER_SALES.test(text) && knowledge.findProductMention(text.replace(ABOUT_PRODUCT, '')) !== undefined;
    },
  };
}

const CART_LINK = /[?&]add=([\w-]+)/;

/** Our add-to-cart link pasted or clicked back into the chat: that product is the one they want. */
export function cartLinkSignal(knowledge: KnowledgeBase): SignalRoute {
  return {
    dialogId: PLACE_ORDER_DIALOG,
    matches: (context: TurnContext) => {
      const id = CART_LINK.exec(context.activity.text ?? '')?.[1];
      return id !== undefined && knowledge.getProduct(decodeURIComponent(id)) !== undefined;
    },
  };
}

export function shoppingRequestSignal(knowledge: KnowledgeBase): SignalRoute {
  return {
    dialogId: NEEDS_DISCOVERY_DIALOG,
    matches: (context: TurnContext) => {
      const nlu = nluResultOf(context);
      const text = context.activity.text ?? '';
      if (!nlu || nlu.intent === 'recommendation' || AFTER_SALES.test(text) || !namesWhatToBuy(text, nlu, knowledge)) return false;
      const slots = readRequest(text, nlu, knowledge);
      if (!carriesNeeds(slots) || knowledge.findProductMention(text)) return false;
      // three or more shopping slots outweigh any intent; fewer only an unsure or look-alike one
      return shoppingStrength(slots) >= STRONG || MISTAKEN_FOR.includes(nlu.intent) || nlu.confidence < UNSURE;
    },
  };
}
