/**
 * Marketing in conversation: promotion questions answered from the live promotions (date windows),
 * coupons issued with per-customer limits ("领券"), "first N buyers" gifts claimed against an atomic
 * quota ("领取赠品"), and the customer's own coupons ("我的优惠券").
 */
import type { TurnContext } from 'botbuilder';
import { ComponentDialog, DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { customerIdOf } from '../turn/customerState';
import { markFunnel } from '../turn/turnContracts';
import type { CustomerProfile } from '../../services/customers/profile';
import type { CouponDoc, PromotionDoc } from '../../services/promotions';
import { cartUrl, productName } from '../flow/cards';
import { shortDateTime, timeZoneOf } from '../flow/format';
import { withChoices } from '../flow/choices';
import { replyLanguage, ReplyLanguage, say } from '../flow/language';
import type { SignalRoute } from '../flow/area';
import type { ShoppingDeps } from '../shoppingGuide/deps';
import { focusProduct } from '../shoppingGuide/productFocus';
import { MARKETING_TEXT } from './text';

export const PROMOTION_DIALOG = 'promotionDialog';
const FLOW = 'promotionFlow';

export const COUPON_WORDS = /领(取)?(一张|个)?(优惠)?券|要(一张)?(优惠)?券|get (a |the |my )?coupon|claim (a |the )?coupon/i;
export const GIFT_WORDS = /领(取)?(赠品|小样)|要赠品|claim (the |a )?(gift|sample)|get the (gift|sample)/i;
export const MY_COUPONS_WORDS = /我的(优惠)?券|我有(哪些|什么)(优惠)?券|my coupons/i;

export const marketingSignals: SignalRoute[] = [
  { dialogId: PROMOTION_DIALOG, matches: (ctx: TurnContext) => [COUPON_WORDS, GIFT_WORDS, MY_COUPONS_WORDS].some((re) => re.test(ctx.activity.text ?? '')) },
];

/** `zone`: the customer's time zone when their channel says it (else China time, labelled) */
function day(date: Date, lang: ReplyLanguage, zone?: string): string {
  return shortDateTime(date, lang, zone);
}

/** What a coupon takes off: an amount over a minimum spend, a percentage, or neither said. */
export function couponTerms(c: Pick<CouponDoc, 'amountOff' | 'percentOff' | 'minSpend'>, lang: ReplyLanguage): string {
  if (c.amountOff) return say(lang, MARKETING_TEXT.amountOff(c.amountOff, c.minSpend ?? 0));
  if (c.percentOff) return say(lang, MARKETING_TEXT.percentOff(c.percentOff));
  return say(lang, MARKETING_TEXT.plainCoupon);
}

function couponLine(c: CouponDoc, lang: ReplyLanguage, zone?: string): string {
  return say(lang, MARKETING_TEXT.couponLine(couponTerms(c, lang), c._id, day(c.expiresAt, lang, zone)));
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
    const product = focusProduct(context, this.deps.knowledge, profile, false, await this.deps.guide.get(context, {}));
    // hesitation coupons are kept for hesitating customers, not advertised
    const live = (product ? await catalog.forProduct(product) : await catalog.live()).filter((p) => !(p.forHesitation && p.coupon));
    if (live.length === 0) {
      await context.sendActivity(say(lang, MARKETING_TEXT.noOffers));
      return;
    }
    const head = product
      ? say(lang, MARKETING_TEXT.offersOnProduct(productName(product, lang)))
      : say(lang, MARKETING_TEXT.offersRunning);
    const lines = live.slice(0, 5).map((p) => say(lang, MARKETING_TEXT.promotionLine(p, day(p.endsAt, lang, timeZoneOf(context)))));
    const actions = [
      ...(live.some((p) => p.coupon && !p.forHesitation) ? [say(lang, MARKETING_TEXT.getCoupon)] : []),
      ...(live.some((p) => p.gift && p.gift.remaining > 0) ? [say(lang, MARKETING_TEXT.claimGift)] : []),
    ];
    await context.sendActivity(withChoices([head, ...lines].join('\n'), actions));
  }

  private async claimCoupon(context: TurnContext, lang: ReplyLanguage): Promise<void> {
    const { catalog, coupons } = this.deps.promotions;
    const claimable = (await catalog.live()).filter((p) => p.coupon && !p.forHesitation);
    const promotion = claimable[0];
    if (!promotion?.coupon) {
      await context.sendActivity(say(lang, MARKETING_TEXT.noCouponToGet));
      return;
    }
    const result = await coupons.issue(customerIdOf(context), promotion._id);
    if (result.ok) {
      markFunnel(context, 'offersClaimed');
      await context.sendActivity(say(lang, MARKETING_TEXT.couponClaimed(promotion, couponLine(result.coupon, lang, timeZoneOf(context)))));
    } else if (result.reason === 'limit_reached') {
      const limit = promotion.coupon.perCustomerLimit;
      const held = result.existing ? say(lang, MARKETING_TEXT.couponHeld(couponLine(result.existing, lang, timeZoneOf(context)))) : '';
      await context.sendActivity(say(lang, MARKETING_TEXT.couponLimitReached(limit, held)).trim());
    } else {
      await context.sendActivity(say(lang, MARKETING_TEXT.offerEnded));
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
      await context.sendActivity(say(lang, MARKETING_TEXT.noGiftOffer));
      return;
    }
    const claim = await gifts.claim(customerIdOf(context), promotion._id);
    const gift = promotion.gift!;
    if (claim.ok) {
      markFunnel(context, 'giftsClaimed');
      await this.deps.experiments?.converted(customerIdOf(context), 'gift_claimed'); // [X] a conversion in the experiments the customer is in
      const link = product ? say(lang, MARKETING_TEXT.checkoutLink(cartUrl(product._id, this.deps.cartBase))) : '';
      await context.sendActivity(say(lang, MARKETING_TEXT.giftReserved(promotion, gift, claim.remaining, link)));
    } else if (claim.reason === 'already_claimed') {
      await context.sendActivity(say(lang, MARKETING_TEXT.giftAlreadyReserved));
    } else if (claim.reason === 'sold_out') {
      await context.sendActivity(say(lang, MARKETING_TEXT.giftsGone(promotion)));
    } else {
      await context.sendActivity(say(lang, MARKETING_TEXT.offerEnded));
    }
  }

  private async myCoupons(context: TurnContext, lang: ReplyLanguage): Promise<void> {
    const list = await this.deps.promotions.coupons.valid(customerIdOf(context));
    await context.sendActivity(
      list.length === 0
        ? withChoices(say(lang, MARKETING_TEXT.noCoupons), [say(lang, MARKETING_TEXT.getCoupon)])
        : [say(lang, MARKETING_TEXT.yourCoupons), ...list.map((c) => `· ${couponLine(c, lang, timeZoneOf(context))}`)].join('\n'),
    );
  }
}
