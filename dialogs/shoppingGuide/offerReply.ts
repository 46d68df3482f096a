/**
 * Turning a hesitating customer's moment into a real offer from the promotions engine (a coupon issued
 * now, a "first N buyers" gift with the quota left) and saying it with a product card and a cart link.
 */
import type { TurnContext } from 'botbuilder';
import { customerIdOf } from '../turn/customerState';
import { markFunnel } from '../turn/turnContracts';
import type { Product } from '../../knowledge/types';
import type { Offer } from '../../services/promotions';
import { productHeroCard, productName } from '../flow/cards';
import { money, shortDateTime, timeZoneOf } from '../flow/format';
import { ReplyLanguage, say } from '../flow/language';
import type { ShoppingDeps } from './deps';
import { GUIDE_TEXT } from './text';

function until(date: Date, lang: ReplyLanguage, zone?: string): string {
  return shortDateTime(date, lang, zone);
}

/** `zone`: the customer's time zone when their channel says it (deadlines are shown in it) */
export function offerText(offer: Offer, lang: ReplyLanguage, zone?: string): string {
  const parts: string[] = [];
  const name = productName(offer.product, lang);
  if (offer.coupon) {
    const { doc, promotion, priceAfter, alreadyHeld } = offer.coupon;
    const title = say(lang, { zh: promotion.title, en: promotion.titleEn });
    parts.push(
      alreadyHeld
        ? say(lang, GUIDE_TEXT.couponAlreadyHeld(title, doc._id, until(doc.expiresAt, lang, zone), name, money(priceAfter)))
        : say(lang, GUIDE_TEXT.couponIssued(title, doc._id, until(doc.expiresAt, lang, zone), name, money(priceAfter))),
    );
  }
  if (offer.gift && !offer.gift.claimed) {
    const p = offer.gift.promotion;
    parts.push(say(lang, offer.coupon ? GUIDE_TEXT.giftOffer(p, offer.gift.remaining) : GUIDE_TEXT.giftOnlyOffer(p, offer.gift.remaining)));
  } else if (offer.gift?.claimed) {
    parts.push(say(lang, GUIDE_TEXT.giftReserved));
  }
  return parts.join('\n');
}

/** Sends the best offer for the product; false when no promotion applies. */
export async function sendOffer(context: TurnContext, deps: ShoppingDeps, product: Product, lang: ReplyLanguage): Promise<boolean> {
  const offer = await deps.promotions.offers.forHesitation(customerIdOf(context), product, async () => deps.experiments?.variantFor('offerType', customerIdOf(context)));
  if (!offer) return false;
  const actions = offer.gift && !offer.gift.claimed ? [say(lang, GUIDE_TEXT.claimGift)] : [];
  const card = productHeroCard(product, lang, {
    claim: offer.coupon ? say(lang, GUIDE_TEXT.priceWithCoupon(money(offer.coupon.priceAfter))) : undefined,
    actions,
    cartBase: deps.cartBase,
  });
  await context.sendActivity({ type: 'message', text: offerText(offer, lang, timeZoneOf(context)), attachments: [card] });
  if (offer.coupon && !offer.coupon.alreadyHeld) markFunnel(context, 'offersClaimed');
  const guide = await deps.guide.get(context, {});
  await deps.guide.set(context, { ...guide, lastOfferProductId: product._id });
  return true;
}

/** An offer at most once per product while the customer keeps coming back or comparing. */
export async function offerOnce(context: TurnContext, deps: ShoppingDeps, product: Product, lang: ReplyLanguage): Promise<boolean> {
  if (product.competitor) return false;
  const guide = await deps.guide.get(context, {});
  if (guide.lastOfferProductId === product._id) return false;
  return sendOffer(context, deps, product, lang);
}
