/** Promotions engine: live windows, coupon limits and redemption, gift quotas under concurrent claims, repurchase cycles. */
import type { Product } from '../../../knowledge/types';
import { createPromotions, dueForRepurchase, PromotionDoc, Promotions, purchasesFromOrders, seedDemoPromotions } from '../../../services/promotions';
import { EmbeddedStore } from '../../../storage';

const DAY = 86_400_000;
const NOW = new Date('2026-11-21T04:00:00Z');

const serum = { _id: 'sk-1', brandId: 'el', brand: '雅诗兰黛', category: '精华', topCategory: 'skincare', title: '精华', price: 660, stock: 5, consumptionDays: 60 } as Product;
const lipstick = { _id: 'mk-1', brandId: 'dior', brand: '迪奥', category: '口红', topCategory: 'makeup', title: '口红', price: 80, stock: 5 } as Product;

function gift(id: string, quota: number): PromotionDoc {
  return {
    _id: id, kind: 'gift', title: `前${quota}名送小样`, titleEn: `First ${quota} get a sample`, description: '', descriptionEn: '',
    startsAt: new Date(NOW.getTime() - DAY), endsAt: new Date(NOW.getTime() + DAY), scope: { topCategories: ['skincare'] }, forHesitation: true,
    gift: { name: '小样', nameEn: 'sample', quota, remaining: quota },
  };
}

describe('promotions', () => {
  let store: EmbeddedStore;
  let promotions: Promotions;
  let now: Date;
  beforeEach(async () => {
    store = new EmbeddedStore(null);
    now = NOW;
    await seedDemoPromotions(store, NOW);
    promotions = await createPromotions(store, { now: () => now, ttlMs: 0 });
  });

  it('lists only promotions whose date window is open, and only those that apply to a product', async () => {
    await store.collection<PromotionDoc>('promotions').insertOne({ ...gift('future', 5), startsAt: new Date(NOW.getTime() + DAY), endsAt: new Date(NOW.getTime() + 2 * DAY) });
    await store.collection<PromotionDoc>('promotions').insertOne({ ...gift('past', 5), startsAt: new Date(NOW.getTime() - 2 * DAY), endsAt: new Date(NOW.getTime() - DAY) });
    const live = (await promotions.catalog.live()).map((p) => p._id);
    expect(live).toContain('promo-sample-skincare');
    expect(live).not.toContain('future');
    expect(live).not.toContain('past');
    expect((await promotions.catalog.forProduct(lipstick)).map((p) => p._id)).toContain('promo-makeup-discount');
    expect((await promotions.catalog.forProduct(lipstick)).map((p) => p._id)).not.toContain('promo-sample-skincare');
    expect(await promotions.catalog.forProduct({ ...serum, competitor: true })).toEqual([]);
  });

  it('caches live promotions for the TTL instead of reading the store every turn', async () => {
    const cached = await createPromotions(store, { now: () => now, ttlMs: 60_000 });
    await cached.catalog.live();
    await store.collection<PromotionDoc>('promotions').insertOne(gift('late', 3));
    expect((await cached.catalog.live()).map((p) => p._id)).not.toContain('late');
    cached.catalog.invalidate();
    expect((await cached.catalog.live()).map((p) => p._id)).toContain('late');
  });

  it('issues a coupon once per customer even when 20 claims arrive at once', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => promotions.coupons.issue('c1', 'promo-welcome-20')));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.find((r) => !r.ok);
    expect(refused).toMatchObject({ ok: false, reason: 'limit_reached' });
    expect(await promotions.coupons.valid('c1')).toHaveLength(1);
    expect((await promotions.coupons.issue('c2', 'promo-welcome-20')).ok).toBe(true);
  });

  it('a coupon is time-limited and redeemed at most once, only by its owner, above the minimum spend', async () => {
    const issued = await promotions.coupons.issue('c1', 'promo-hesitate-50');
    if (!issued.ok) throw new Error('not issued');
    const code = issued.coupon._id;
    expect(issued.coupon.expiresAt.getTime() - NOW.getTime()).toBe(24 * 3600_000);
    expect(await promotions.coupons.redeem('c2', code, 400)).toEqual({ ok: false, reason: 'not_yours' });
    expect(await promotions.coupons.redeem('c1', code, 200)).toEqual({ ok: false, reason: 'below_min_spend' });
    const both = await Promise.all([promotions.coupons.redeem('c1', code, 400), promotions.coupons.redeem('c1', code, 400)]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.find((r) => r.ok)).toMatchObject({ discount: 50 });
    expect(both.find((r) => !r.ok)).toEqual({ ok: false, reason: 'already_used' });

    const late = await promotions.coupons.issue('c3', 'promo-hesitate-50');
    if (!late.ok) throw new Error('not issued');
    now = new Date(NOW.getTime() + 25 * 3600_000);
    expect(await promotions.coupons.redeem('c3', late.coupon._id, 400)).toEqual({ ok: false, reason: 'expired' });
    expect(await promotions.coupons.redeem('c3', 'NOPE', 400)).toEqual({ ok: false, reason: 'unknown' });
  });

  it('never oversells a gift quota: 60 customers claim 7 samples at once', async () => {
    await store.collection<PromotionDoc>('promotions').insertOne(gift('g7', 7));
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => promotions.gifts.claim(`cust-${i}`, 'g7')));
    expect(results.filter((r) => r.ok)).toHaveLength(7);
    expect(results.filter((r) => !r.ok && r.reason === 'sold_out')).toHaveLength(53);
    const doc = await store.collection<PromotionDoc>('promotions').findOne({ _id: 'g7' });
    expect(doc?.gift?.remaining).toBe(0);
    // losers got their claim back: they may try again later (e.g. after a restock) — winners may not
    expect(await promotions.gifts.hasClaimed('cust-0', 'g7')).toBe(results[0].ok);
  });

  it('one gift per customer, even when the same customer claims from two channels at once', async () => {
    await store.collection<PromotionDoc>('promotions').insertOne(gift('g3', 3));
    const results = await Promise.all(Array.from({ length: 10 }, () => promotions.gifts.claim('same', 'g3')));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === 'already_claimed')).toHaveLength(9);
    expect((await store.collection<PromotionDoc>('promotions').findOne({ _id: 'g3' }))?.gift?.remaining).toBe(2);
  });

  it('linked identities: the merged customer\'s coupons and claims belong to the survivor', async () => {
    const issued = await promotions.coupons.issue('old', 'promo-welcome-20');
    expect(issued.ok).toBe(true);
    await promotions.moveCustomer('survivor', 'old');
    expect((await promotions.coupons.valid('survivor')).map((c) => c.promotionId)).toEqual(['promo-welcome-20']);
    expect(await promotions.coupons.issue('survivor', 'promo-welcome-20')).toMatchObject({ ok: false, reason: 'limit_reached' });
    expect(await promotions.coupons.valid('old')).toEqual([]);
  });

  it('a hesitation offer issues a real coupon the product qualifies for, and shows the gift quota', async () => {
    const offer = await promotions.offers.forHesitation('c9', serum);
    expect(offer?.coupon?.promotion._id).toBe('promo-hesitate-50');
    expect(offer?.coupon?.priceAfter).toBe(610);
    expect(offer?.gift).toMatchObject({ remaining: 100, claimed: false });
    expect(await promotions.coupons.valid('c9')).toHaveLength(1);
    // asked again: the same coupon, not a second one
    const again = await promotions.offers.forHesitation('c9', serum);
    expect(again?.coupon).toMatchObject({ alreadyHeld: true, doc: { _id: offer?.coupon?.doc._id } });
    // a cheap product gets no coupon whose minimum spend it cannot reach
    expect((await promotions.offers.forHesitation('c9', lipstick))?.coupon).toBeUndefined();
  });

  it('finds consumables near the end of their cycle from delivered orders', async () => {
    const orders = {
      recent: async () => [
        { items: [{ productId: 'sk-1', quantity: 1 }], deliveredAt: new Date(NOW.getTime() - 55 * DAY) },
        { items: [{ productId: 'mk-1', quantity: 1 }], deliveredAt: new Date(NOW.getTime() - 55 * DAY) },
        { items: [{ productId: 'sk-1', quantity: 1 }] },
      ],
    };
    const purchases = await purchasesFromOrders(orders)('c1');
    const get = (id: string) => [serum, lipstick].find((p) => p._id === id);
    const due = dueForRepurchase(purchases, get, NOW);
    expect(due.map((d) => [d.product._id, d.daysLeft])).toEqual([['sk-1', 5]]);
    expect(dueForRepurchase(purchases, get, new Date(NOW.getTime() - 20 * DAY))).toEqual([]);
    expect(dueForRepurchase([{ productId: 'sk-1', deliveredAt: new Date(NOW.getTime() - 55 * DAY), quantity: 2 }], get, NOW)).toEqual([]);
  });
});
