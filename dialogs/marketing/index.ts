/** The marketing area: promotion questions, coupons and gifts, and the repurchase reminder on greeting. */
import type { GuidedArea } from '../flow/area';
import type { ShoppingDeps } from '../shoppingGuide/deps';
import { marketingSignals, PROMOTION_DIALOG, PromotionDialog } from './promotionDialog';
import { repurchaseReminder } from './repurchaseReminder';

export function createMarketingArea(deps: ShoppingDeps): GuidedArea {
  return {
    name: 'marketing',
    dialogs: [new PromotionDialog(deps)],
    routes: { promotion: PROMOTION_DIALOG },
    signals: marketingSignals,
    onGreeting: repurchaseReminder(deps),
  };
}

export { PROMOTION_DIALOG } from './promotionDialog';
export { crossSellFor } from './crossSell';
