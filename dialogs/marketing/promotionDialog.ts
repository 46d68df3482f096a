/**
 * Marketing in conversation: promotion questions answered from the live promotions (date windows),
 * coupons issued with per-customer limits ("领券"), "first N buyers" gifts claimed against an atomic
 * quota ("领取赠品"), and the customer's own coupons ("我的优惠券").
 */
import type { TurnContext } from 'botbuilder';
import { ComponentDialog, DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { customerIdOf } from '../turn/customerState';
import type { CustomerProfile } from '../../services/customers/profile';
import type { CouponDoc, PromotionDoc } from '../../services/promotions';
import { cartUrl, productName, shortDateTime, withSuggestions } from '../cards';
import { replyLanguage, ReplyLanguage, say } from '../language';
import type { SignalRoute } from '../mainDialog';
import type { ShoppingDeps } from '../shoppingGuide/deps';
import { focusProduct } from '../shoppingGuide/productFocus';

export const PROMOTION_DIALOG = 'promotionDialog';
const FLOW = 'promotionFlow';

export const COUPON_WORDS = /领(取)?(一张|个)?(优惠)?券|要(一张)?(优惠)?券|get (a |the |my )?coupon|claim (a |the )?coupon/i;
export const GIFT_WORDS = /领(取)?(赠品|小样)|要赠品|claim (the |a )?(gift|sample)|get the (gift|sample)/i;
export const MY_COUPONS_WORDS = /我的(优惠)?券|我有(哪些|什么)(优惠)?券|my coupons/i;

export const marketingSignals: SignalRoute[] = [
  { dialogId: PROMOTION_DIALOG, matches: (ctx: TurnContext) => [COUPON_WORDS, GIFT_WORDS, MY_COUPONS_WORDS].some((re) => re.test(ctx.activity.text ?? '')) },
];

function day(date: Date, lang: ReplyLanguage): string {
  return shortDateTime(date, lang);
}

function couponLine(c: CouponDoc, lang: ReplyLanguage): string {
  const what = c.amountOff ? say(lang, `满${c.minSpend ?? 0}减${c.amountOff}`, `¥${c.amountOff} off over ¥${c.minSpend ?? 0}`) : say(lang, `${100 - (c.percentOff ?? 0)}折`, `${c.percentOff}% off`);
  return say(lang, `${what}，券码 ${c._id}，${day(c.expiresAt, lang)} 前有效`, `${what}, code ${c._id}, valid until ${day(c.expiresAt, lang)}`);
}

export class PromotionDialog extends ComponentDialog {
  constructor(private readonly deps: ShoppingDeps) {
    super(PROMOTION_DIALOG);
    this.addDialog(new WaterfallDialog(FLOW, [this.answerStep.bind(this)]));
    this.initialDialogId = FLOW;
  }

  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const context = step.context;
    const text = context.activity.text ?? '';
    const profile = await this.deps.profile.get(context, {});
    const lang = replyLanguage(context, profile.language);
    if (GIFT_WORDS.test(text)) await this.claimGift(context, profile, lang);
    else if (MY_COUPONS_WORDS.test(text)) await this.myCoupons(context, lang);
    else if (COUPON_WORDS.test(text)) await this.claimCoupon(context, lang);
    else await this.listPromotions(context, profile, lang);
    return step.endDialog();
  }

  private async listPromotions(context: TurnContext, profile: CustomerProfile, lang: ReplyLanguage): Promise<void> {
    const { catalog } = this.deps.promotions;
    const product = focusProduct(context, this.deps.knowledge, profile, false);
    // hesitation coupons are kept for hesitating customers, not advertised
    const live = (product ? await catalog.forProduct(product) : await catalog.live()).filter((p) => !(p.forHesitation && p.coupon));
    if (live.length === 0) {
      await context.sendActivity(say(lang, '目前没有进行中的活动，有新活动我会第一时间告诉您～', 'There are no offers running right now; I will tell you when there are.'));
      return;
    }
    const head = product
      ? say(lang, `${productName(product, lang)}当前可享：`, `Offers on ${productName(product, lang)} right now:`)
      : say(lang, '当前进行中的活动：', 'Offers running now:');
    const lines = live.slice(0, 5).map((p) => `· ${say(lang, p.title, p.titleEn)} — ${say(lang, p.description, p.descriptionEn)}（${say(lang, '至', 'until')} ${day(p.endsAt, lang)}）`);
    const actions = [
      ...(live.some((p) => p.coupon && !p.forHesitation) ? [say(lang, '领券', 'Get coupon')] : []),
      ...(live.some((p) => p.gift && p.gift.remaining > 0) ? [say(lang, '领取赠品', 'Claim the gift')] : []),
    ];
    await context.sendActivity(withSuggestions([head, ...lines].join('\n'), actions));
  }

  private async claimCoupon(context: TurnContext, lang: ReplyLanguage): Promise<void> {
    const { catalog, coupons } = this.deps.promotions;
    const claimable = (await catalog.live()).filter((p) => p.coupon && !p.forHesitation);
    const promotion = claimable[0];
    if (!promotion?.coupon) {
      await context.sendActivity(say(lang, '目前没有可以领取的优惠券哦～', 'There is no coupon to get right now.'));
      return;
    }
    const result = await coupons.issue(customerIdOf(context), promotion._id);
    if (result.ok) {
      await context.sendActivity(say(lang, `领取成功！${promotion.title}：${couponLine(result.coupon, lang)}。下单时自动抵扣～`, `Done! ${promotion.titleEn}: ${couponLine(result.coupon, lang)}. It applies at checkout.`));
    } else if (result.reason === 'limit_reached') {
      const limit = promotion.coupon.perCustomerLimit;
      const held = result.existing ? say(lang, `您的券：${couponLine(result.existing, lang)}。`, `Yours: ${couponLine(result.existing, lang)}.`) : '';
      await context.sendActivity(say(lang, `这张券每人限领 ${limit} 张，您已经领过啦。${held}`, `This coupon is limited to ${limit} per customer and you already have it. ${held}`).trim());
    } else {
      await context.sendActivity(say(lang, '这个活动已经结束了～', 'That offer has ended.'));
    }
  }

  private async claimGift(context: TurnContext, profile: CustomerProfile, lang: ReplyLanguage): Promise<void> {
    const { offers, gifts, catalog } = this.deps.promotions;
    const guide = await this.deps.guide.get(context, {});
    const focusId = guide.lastOfferProductId ?? profile.hesitation?.lastProductId ?? profile.viewedProducts?.[0];
    const product = focusProduct(context, this.deps.knowledge, { ...profile, viewedProducts: focusId ? [focusId] : [] });
    let promotion: PromotionDoc | undefined = product ? await offers.giftFor(product) : undefined;
    promotion ??= product ? undefined : (await catalog.live()).find((p) => p.gift);
    if (!promotion) {
      await context.sendActivity(say(lang, '这款目前没有赠品活动哦～', 'There is no gift offer on this product right now.'));
      return;
    }
    const claim = await gifts.claim(customerIdOf(context), promotion._id);
    const gift = promotion.gift!;
    if (claim.ok) {
      const link = product ? say(lang, `\n下单链接：${cartUrl(product._id, this.deps.cartBase)}`, `\nCheckout: ${cartUrl(product._id, this.deps.cartBase)}`) : '';
      await context.sendActivity(
        say(lang, `已为您锁定「${promotion.title}」名额，下单即送${gift.name}！目前还剩 ${claim.remaining} 份。${link}`, `Reserved: ${promotion.titleEn} — your ${gift.nameEn} ships with your order. ${claim.remaining} left.${link}`),
      );
    } else if (claim.reason === 'already_claimed') {
      await context.sendActivity(say(lang, '您已经锁定过赠品名额啦，每人限 1 份，下单即送～', 'You already reserved your gift (one per customer); it ships with your order.'));
    } else if (claim.reason === 'sold_out') {
      await context.sendActivity(say(lang, `很抱歉，「${promotion.title}」的赠品已经送完了。`, `Sorry, the gifts for "${promotion.titleEn}" are all gone.`));
    } else {
      await context.sendActivity(say(lang, '这个活动已经结束了～', 'That offer has ended.'));
    }
  }

  private async myCoupons(context: TurnContext, lang: ReplyLanguage): Promise<void> {
    const list = await this.deps.promotions.coupons.valid(customerIdOf(context));
    await context.sendActivity(
      list.length === 0
        ? withSuggestions(say(lang, '您目前没有可用的优惠券，可以回复「领券」领取～', 'You have no coupons right now; reply "get coupon" to get one.'), [say(lang, '领券', 'Get coupon')])
        : [say(lang, '您可用的优惠券：', 'Your coupons:'), ...list.map((c) => `· ${couponLine(c, lang)}`)].join('\n'),
    );
  }
}
