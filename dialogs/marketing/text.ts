/**
 * Everything the marketing area says, zh and en side by side: promotions, coupons, gifts, cross-sell
 * and repurchase reminders. Pick one with `say(lang, MARKETING_TEXT.key)` or `say(lang, MARKETING_TEXT.key(args))`.
 * Arguments are already in the reply language (product names, dates, coupon lines), except promotion
 * and gift documents, whose zh and en fields each sentence reads itself.
 */
import type { Wording } from '../flow/language';

interface Titled {
  title: string;
  titleEn: string;
}

export const MARKETING_TEXT = {
  // promotions
  noOffers: { zh: '目前没有进行中的活动，有新活动我会第一时间告诉您～', en: 'There are no offers running right now; I will tell you when there are.' },
  offersOnProduct: (name: string) => ({ zh: `${name}当前可享：`, en: `Offers on ${name} right now:` }),
  offersRunning: { zh: '当前进行中的活动：', en: 'Offers running now:' },
  /** one live promotion in the list (full-width brackets in Chinese only) */
  promotionLine: (p: Titled & { description: string; descriptionEn: string }, endsAt: string) => ({
    zh: `· ${p.title} — ${p.description}（至 ${endsAt}）`,
    en: `· ${p.titleEn} — ${p.descriptionEn} (until ${endsAt})`,
  }),
  getCoupon: { zh: '领券', en: 'Get coupon' },
  claimGift: { zh: '领取赠品', en: 'Claim the gift' },

  // coupons
  amountOff: (amountOff: number, minSpend: number) =>
    minSpend > 0 ? { zh: `满${minSpend}减${amountOff}`, en: `¥${amountOff} off over ¥${minSpend}` } : { zh: `立减${amountOff}元`, en: `¥${amountOff} off` },
  /** zh reads the percentage as the share paid (10% off → 9折, 15% off → 8.5折), en as the percentage off */
  percentOff: (percentOff: number) => ({ zh: `${Math.round(100 - percentOff) / 10}折`, en: `${percentOff}% off` }),
  /** a coupon whose terms say neither an amount nor a percentage */
  plainCoupon: { zh: '优惠券', en: 'Coupon' },
  couponLine: (what: string, code: string, until: string) => ({ zh: `${what}，券码 ${code}，${until} 前有效`, en: `${what}, code ${code}, valid until ${until}` }),
  noCouponToGet: { zh: '目前没有可以领取的优惠券哦～', en: 'There is no coupon to get right now.' },
  couponClaimed: (promotion: Titled, couponLine: string) => ({
    zh: `领取成功！${promotion.title}：${couponLine}。下单时自动抵扣～`,
    en: `Done! ${promotion.titleEn}: ${couponLine}. It applies at checkout.`,
  }),
  couponHeld: (couponLine: string) => ({ zh: `您的券：${couponLine}。`, en: `Yours: ${couponLine}.` }),
  couponLimitReached: (limit: number, held: string) => ({
    zh: `这张券每人限领 ${limit} 张，您已经领过啦。${held}`,
    en: `This coupon is limited to ${limit} per customer and you already have it. ${held}`,
  }),
  offerEnded: { zh: '这个活动已经结束了～', en: 'That offer has ended.' },
  noCoupons: { zh: '您目前没有可用的优惠券，可以回复「领券」领取～', en: 'You have no coupons right now; reply "get coupon" to get one.' },
  yourCoupons: { zh: '您可用的优惠券：', en: 'Your coupons:' },

  // gifts
  noGiftOffer: { zh: '这款目前没有赠品活动哦～', en: 'There is no gift offer on this product right now.' },
  checkoutLink: (url: string) => ({ zh: `\n下单链接：${url}`, en: `\nCheckout: ${url}` }),
  giftReserved: (promotion: Titled, gift: { name: string; nameEn: string }, remaining: number, link: string) => ({
    zh: `已为您锁定「${promotion.title}」名额，下单即送${gift.name}！目前还剩 ${remaining} 份。${link}`,
    en: `Reserved: ${promotion.titleEn} — your ${gift.nameEn} ships with your order. ${remaining} left.${link}`,
  }),
  giftAlreadyReserved: { zh: '您已经锁定过赠品名额啦，每人限 1 份，下单即送～', en: 'You already reserved your gift (one per customer); it ships with your order.' },
  giftsGone: (promotion: Titled) => ({ zh: `很抱歉，「${promotion.title}」的赠品已经送完了。`, en: `Sorry, the gifts for "${promotion.titleEn}" are all gone.` }),

  // cross-sell
  crossSellIntro: { zh: '顺便给您搭配一下：', en: 'You might also like:' },
  /** `shade` is the Chinese shade name, `family` its colour family in English (red, nude …) */
  sameShadeFamily: (shade: string, family: string) => ({ zh: `和您选的色号同色系（${shade}），妆面更统一`, en: `same colour family (${family}) as your pick, for a matching look` }),
  pairsWith: (name: string) => ({ zh: `和${name}搭配使用效果更好`, en: `pairs well with ${name}` }),

  // repurchase reminder
  lastsAbout: (name: string, daysLeft: number) => ({
    zh: `对了，您上次买的${name}按正常用量大约还能用 ${daysLeft} 天，需要提前回购吗？`,
    en: `By the way, your ${name} should last about ${daysLeft} more days — want to reorder?`,
  }),
  runningOut: (name: string) => ({ zh: `对了，您上次买的${name}应该快用完了，需要回购吗？`, en: `By the way, your ${name} is probably running out — want to reorder?` }),
} satisfies Record<string, Wording | ((...args: never[]) => Wording)>;
