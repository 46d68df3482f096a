/**
 * The demo store's promotions (our own data): a store-wide time-limited coupon offered to hesitating
 * customers, a skincare "first 100 buyers get a sample" gift, a make-up discount and a welcome coupon.
 * Windows are relative to the seeding time so the demo is always live; existing ids are left alone, so
 * claims and quotas survive restarts.
 */
import { DocumentStore, DuplicateKeyError } from '../../storage/documentStore';
import { PROMOTIONS, PromotionDoc } from './types';

const DAY = 86_400_000;

export function demoPromotions(now: Date = new Date()): PromotionDoc[] {
  const from = new Date(now.getTime() - DAY);
  const until = new Date(now.getTime() + 180 * DAY);
  const base = { startsAt: from, endsAt: until, source: 'demo' };
  return [
    {
      ...base,
      _id: 'promo-hesitate-50',
      kind: 'coupon',
      title: '限时专属券：满300减50',
      titleEn: 'Limited-time coupon: ¥50 off orders over ¥300',
      description: '领取后24小时内有效，全店自营商品可用，每人限领1张。',
      descriptionEn: 'Valid for 24 hours after you get it, on all our own products; one per customer.',
      scope: { all: true },
      forHesitation: true,
      coupon: { amountOff: 50, minSpend: 300, validHours: 24, perCustomerLimit: 1 },
      priority: 10,
    },
    {
      ...base,
      _id: 'promo-hesitate-small',
      kind: 'coupon',
      title: '限时专属券：满100减15',
      titleEn: 'Limited-time coupon: ¥15 off orders over ¥100',
      description: '领取后24小时内有效，每人限领1张。',
      descriptionEn: 'Valid for 24 hours after you get it; one per customer.',
      scope: { all: true },
      forHesitation: true,
      coupon: { amountOff: 15, minSpend: 100, validHours: 24, perCustomerLimit: 1 },
      priority: 5,
    },
    {
      ...base,
      _id: 'promo-sample-skincare',
      kind: 'gift',
      title: '护肤前100名下单送旅行装小样',
      titleEn: 'First 100 skincare buyers get a travel-size sample',
      description: '购买任意护肤正装，前100名下单赠送同系列旅行装小样，送完即止。',
      descriptionEn: 'Buy any full-size skincare product: the first 100 buyers get a travel-size sample of the same line, while stocks last.',
      scope: { topCategories: ['skincare'] },
      forHesitation: true,
      gift: { name: '同系列旅行装小样', nameEn: 'travel-size sample of the same line', quota: 100, remaining: 100 },
      priority: 8,
    },
    {
      ...base,
      _id: 'promo-makeup-discount',
      kind: 'discount',
      title: '彩妆第二件半价',
      titleEn: 'Make-up: second item half price',
      description: '彩妆类商品任选两件，第二件半价（以较低价格计）。',
      descriptionEn: 'Any two make-up items: the second (cheaper) one is half price.',
      scope: { topCategories: ['makeup'] },
      priority: 6,
    },
    {
      ...base,
      _id: 'promo-welcome-20',
      kind: 'coupon',
      title: '新客券：满199减20',
      titleEn: 'Welcome coupon: ¥20 off orders over ¥199',
      description: '领取后7天内有效，每人限领1张。回复「领券」即可领取。',
      descriptionEn: 'Valid for 7 days after you get it; one per customer. Reply "get coupon" to get it.',
      scope: { all: true },
      coupon: { amountOff: 20, minSpend: 199, validHours: 24 * 7, perCustomerLimit: 1 },
      priority: 4,
    },
  ];
}

/** Inserts the demo promotions that are not there yet; returns how many were added. */
export async function seedDemoPromotions(store: DocumentStore, now: Date = new Date()): Promise<number> {
  const promotions = store.collection<PromotionDoc>(PROMOTIONS);
  let added = 0;
  for (const p of demoPromotions(now)) {
    try {
      await promotions.insertOne(p);
      added++;
    } catch (err) {
      if (!(err instanceof DuplicateKeyError)) throw err;
    }
  }
  return added;
}
