/**
 * The shopping guide area: needs discovery → recommendations, product questions (also answered mid-flow
 * as an aside), comparisons, hesitation → offers, and purchase interest → cart link and cross-sell.
 */
import type { GuidedArea } from '../flow/area';
import { COMPARISON_DIALOG, ComparisonDialog } from './comparisonDialog';
import type { ShoppingDeps } from './deps';
import { HesitationDialog, hesitationSignal } from './hesitationDialog';
import { NEEDS_DISCOVERY_DIALOG, NeedsDiscoveryDialog } from './needsDiscoveryDialog';
import { PLACE_ORDER_DIALOG, PlaceOrderDialog } from './placeOrderDialog';
import { answerProductQuestion, PRODUCT_QUESTION_DIALOG, ProductQuestionDialog } from './productQuestionDialog';
import { aboutProductSignal, cartLinkSignal, shoppingRequestSignal } from './shoppingSignal';

export function createShoppingGuideArea(deps: ShoppingDeps): GuidedArea {
  return {
    name: 'shoppingGuide',
    dialogs: [new NeedsDiscoveryDialog(deps), new ProductQuestionDialog(deps), new ComparisonDialog(deps), new HesitationDialog(deps), new PlaceOrderDialog(deps)],
    routes: {
      recommendation: NEEDS_DISCOVERY_DIALOG,
      product_info: PRODUCT_QUESTION_DIALOG,
      comparison: COMPARISON_DIALOG,
      place_order: PLACE_ORDER_DIALOG,
    },
    signals: [cartLinkSignal(deps.knowledge), hesitationSignal, aboutProductSignal(deps.knowledge), shoppingRequestSignal(deps.knowledge)],
    restartable: [NEEDS_DISCOVERY_DIALOG],
    asides: { product_info: (context, lang) => answerProductQuestion(context, deps, lang) },
  };
}

export type { ShoppingDeps } from './deps';
export { GUIDE_STATE_PROPERTY } from './guideState';
export type { GuideState } from './guideState';
export { NEEDS_DISCOVERY_DIALOG } from './needsDiscoveryDialog';
