/**
 * Purchase interest ("我要买这个", "add it to my cart"): the add-to-cart / checkout link for the product,
 * the gift it qualifies for, and a cross-sell suggestion (lipstick → same-shade blush).
 */
import { ComponentDialog, DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { cartUrl, productHeroCard, productName } from '../flow/cards';
import { money } from '../flow/format';
import { replyLanguage, say } from '../flow/language';
import { crossSellFor } from '../marketing/crossSell';
import type { ShoppingDeps } from './deps';
import { noteViewed, resolveFocus, setFocus } from './productFocus';
import { withChoices } from '../flow/choices';
import { markFunnel, nluResultOf } from '../turn/turnContracts';
import { NEEDS_DISCOVERY_DIALOG } from './needsDiscoveryDialog';
import { shortName } from './productQuestionDialog';
import { carriesNeeds, readRequest } from './shoppingRequest';
import { claimFor } from './recommendations';
import { GUIDE_TEXT } from './text';

export const PLACE_ORDER_DIALOG = 'placeOrderDialog';
const FLOW = 'placeOrderFlow';

export class PlaceOrderDialog extends ComponentDialog {
  constructor(private readonly deps: ShoppingDeps) {
    super(PLACE_ORDER_DIALOG);
    this.addDialog(new WaterfallDialog(FLOW, [this.cartStep.bind(this)]));
    this.initialDialogId = FLOW;
  }

  private async cartStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const context = step.context;
    const profile = await this.deps.profile.get(context, {});
    const lang = replyLanguage(context, profile.language);
    const focus = resolveFocus(context, this.deps.knowledge, profile, await this.deps.guide.get(context, {}));
    const product = focus.product;
    if (!product || product.competitor) {
      // "给妈妈买护肤品，预算1000" names no product: it is a shopping request
      if (!product && carriesNeeds(readRequest(context.activity.text ?? '', nluResultOf(context), this.deps.knowledge))) return step.replaceDialog(NEEDS_DISCOVERY_DIALOG);
      const choices = (focus.choices ?? []).map((p) => say(lang, GUIDE_TEXT.buyThis(shortName(p, lang))));
      await context.sendActivity(withChoices(say(lang, choices.length ? GUIDE_TEXT.askWhichOfTheseToBuy : GUIDE_TEXT.askWhichToBuy), choices));
      return step.endDialog();
    }
    const url = cartUrl(product._id, this.deps.cartBase);
    markFunnel(context, 'cartLinks');
    const lines = [say(lang, GUIDE_TEXT.cartLink(productName(product, lang), money(product.price), url))];
    if (product.stock <= 0) lines.push(say(lang, GUIDE_TEXT.outOfStock));
    const gift = await this.deps.promotions.offers.giftFor(product);
    if (gift?.gift && gift.gift.remaining > 0) {
      lines.push(say(lang, GUIDE_TEXT.qualifiesForGift(gift, gift.gift.remaining)));
    }
    await context.sendActivity({ type: 'message', text: lines.join('\n'), attachments: [productHeroCard(product, lang, { claim: claimFor(product, {}, lang), cartBase: this.deps.cartBase })] });
    const extra = crossSellFor(this.deps.knowledge, product, lang, this.deps.cartBase, context.activity.text ?? '');
    if (extra) await context.sendActivity({ type: 'message', text: extra.text, attachments: extra.cards, attachmentLayout: 'carousel' });
    await this.deps.profile.set(context, noteViewed(profile, product._id));
    await setFocus(context, this.deps, product._id);
    return step.endDialog();
  }
}
