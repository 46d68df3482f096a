/**
 * Turning a hesitating customer's moment into a real offer from the promotions engine (a coupon issued
 * now, a "first N buyers" gift with the quota left) and saying it with a product card and a cart link.
 */
import type { TurnContext } from 'botbuilder';
import { customerIdOf } from '../turn/customerState';
import type { Product } from '../../knowledge/types';
import type { Offer } from '../../services/promotions';
import { price, productHeroCard, productName, shortDateTime } from '../cards';
import { ReplyLanguage, say } from '../language';
import type { ShoppingDeps } from './deps';

export const CLAIM_GIFT_ZH = '领取赠品';
export const CLAIM_GIFT_EN = 'Claim the gift';

function until(date: Date, lang: ReplyLanguage): string {
  return shortDateTime(date, lang);
}

export function offerText(offer: Offer, lang: ReplyLanguage): string {
  const parts: string[] = [];
  const name = productName(offer.product, lang);
  if (offer.coupon) {
    const { doc, promotion, priceAfter, alreadyHeld } = offer.coupon;
    const title = lang === 'en' ? promotion.titleEn : promotion.title;
    parts.push(
      alreadyHeld
        ? say(lang, `您已经有一张${title}（券码 ${doc._id}，${until(doc.expiresAt, lang)} 前有效），用在${name}上到手价 ${price(priceAfter)}。`, `You already hold a coupon: ${title} (code ${doc._id}, valid until ${until(doc.expiresAt, lang)}); with it ${name} comes to ${price(priceAfter)}.`)
        : say(lang, `理解您的顾虑～为您申请到一张${title}，券码 ${doc._id}，${until(doc.expiresAt, lang)} 前有效，用券后${name}到手价 ${price(priceAfter)}。`, `I understand. Here is a coupon for you: ${title}, code ${doc._id}, valid until ${until(doc.expiresAt, lang)}; with it ${name} comes to ${price(priceAfter)}.`),
    );
  }
  if (offer.gift && !offer.gift.claimed) {
    const p = offer.gift.promotion;
    parts.push(
      say(lang, `另外这款参加「${p.title}」，目前还剩 ${offer.gift.remaining} 份，回复「${CLAIM_GIFT_ZH}」即可为您锁定名额。`, `Also: ${p.titleEn} — ${offer.gift.remaining} left. Reply "${CLAIM_GIFT_EN}" to reserve yours.`),
    );
  } else if (offer.gift?.claimed) {
    parts.push(say(lang, '您的赠品名额已锁定，下单即送～', 'Your gift is reserved and ships with your order.'));
  }
  return parts.join('\n');
}

/** Sends the best offer for the product; false when no promotion applies. */
export async function sendOffer(context: TurnContext, deps: ShoppingDeps, product: Product, lang: ReplyLanguage): Promise<boolean> {
  const offer = await deps.promotions.offers.forHesitation(customerIdOf(context), product);
  if (!offer) return false;
  const actions = offer.gift && !offer.gift.claimed ? [say(lang, CLAIM_GIFT_ZH, CLAIM_GIFT_EN)] : [];
  const card = productHeroCard(product, lang, {
    claim: offer.coupon ? say(lang, `券后 ${price(offer.coupon.priceAfter)}`, `${price(offer.coupon.priceAfter)} with coupon`) : undefined,
    actions,
    cartBase: deps.cartBase,
  });
  await context.sendActivity({ type: 'message', text: offerText(offer, lang), attachments: [card] });
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
