/**
 * Purchase interest ("我要买这个", "add it to my cart"): the add-to-cart / checkout link for the product,
 * the gift it qualifies for, and a cross-sell suggestion (lipstick → same-shade blush).
 */
import { ComponentDialog, DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { cartUrl, price, productHeroCard, productName } from '../cards';
import { replyLanguage, say } from '../language';
import { crossSellFor } from '../marketing/crossSell';
import type { ShoppingDeps } from './deps';
import { focusProduct, noteViewed } from './productFocus';
import { claimFor } from './recommendations';

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
    const product = focusProduct(context, this.deps.knowledge, profile);
    if (!product || product.competitor) {
      await context.sendActivity(say(lang, '您想买哪一款呢？把商品名发给我，我给您加购物车链接～', 'Which product would you like? Send me its name and I will give you the cart link.'));
      return step.endDialog();
    }
    const url = cartUrl(product._id, this.deps.cartBase);
    const lines = [say(lang, `好的！${productName(product, lang)}（${price(product.price)}），点这里加入购物车并结算：${url}`, `Great choice! ${productName(product, lang)} (${price(product.price)}) — add to cart and check out here: ${url}`)];
    if (product.stock <= 0) lines.push(say(lang, '这款暂时缺货，加购后到货会通知您。', 'It is out of stock right now; we will let you know when it is back.'));
    const gift = await this.deps.promotions.offers.giftFor(product);
    if (gift?.gift && gift.gift.remaining > 0) {
      lines.push(say(lang, `这款参加「${gift.title}」，还剩 ${gift.gift.remaining} 份，回复「领取赠品」锁定名额。`, `It qualifies for "${gift.titleEn}" — ${gift.gift.remaining} left; reply "Claim the gift" to reserve one.`));
    }
    await context.sendActivity({ type: 'message', text: lines.join('\n'), attachments: [productHeroCard(product, lang, { claim: claimFor(product, {}, lang), cartBase: this.deps.cartBase })] });
    const extra = crossSellFor(this.deps.knowledge, product, lang, this.deps.cartBase, context.activity.text ?? '');
    if (extra) await context.sendActivity({ type: 'message', text: extra.text, attachments: extra.cards, attachmentLayout: 'carousel' });
    await this.deps.profile.set(context, noteViewed(profile, product._id));
    return step.endDialog();
  }
}
