/**
 * Experiments over one store: one running experiment per strategy, exposure and conversion counted once per
 * customer, several instances agreeing, and the conversions wired in createServices (coupon redeemed, order placed).
 */
import { createServices } from '../../../services';
import { ExperimentError, ExperimentService } from '../../../services/experiments';
import { seedDemoPromotions } from '../../../services/promotions';
import type { Order } from '../../../services/orders';
import { EmbeddedStore } from '../../../storage';
import { silentLogger } from '../../../platform/logger';

const offerType = { name: 'hesitation offer', strategy: 'offerType', variants: [{ name: 'coupon' }, { name: 'gift' }] };

async function fresh(now?: () => Date) {
  const store = new EmbeddedStore(null);
  await ExperimentService.ensureIndexes(store);
  return { store, experiments: new ExperimentService(store, { now }) };
}

async function errorOf(p: Promise<unknown>): Promise<ExperimentError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ExperimentError);
  return err as ExperimentError;
}

describe('ExperimentService', () => {
  it('refuses bad definitions with the field that is wrong', async () => {
    const { experiments } = await fresh();
    const bad: [unknown, RegExp][] = [
      [{ ...offerType, variants: [{ name: 'coupon' }] }, /variants/],
      [{ ...offerType, variants: ['coupon', 'gift', 'both', 'coupon', 'gift'].map((name) => ({ name })) }, /variants/],
      [{ ...offerType, variants: [{ name: 'coupon' }, { name: 'coupon' }] }, /must differ/],
      [{ ...offerType, variants: [{ name: 'coupon' }, { name: 'discount' }] }, /coupon, gift or both/],
      [{ ...offerType, variants: [{ name: 'coupon', weight: 0 }, { name: 'gift' }] }, /weight/],
      [{ ...offerType, strategy: 'colour' }, /strategy/],
      [{ ...offerType, name: ' ' }, /name/],
      [{ ...offerType, extra: 1 }, /extra/],
      [{ name: 'timing', strategy: 'reminderTiming', variants: [{ name: 'early' }, { name: 'late' }] }, /10d/],
    ];
    for (const [input, message] of bad) {
      const err = await errorOf(experiments.create(input));
      expect(err.code).toBe('invalid');
      expect(err.message).toMatch(message);
    }
    expect(await experiments.list()).toEqual([]);
  });

  it('runs one experiment per strategy at a time; stopping frees the strategy', async () => {
    const { experiments } = await fresh();
    const first = await experiments.create(offerType);
    expect((await errorOf(experiments.create(offerType))).code).toBe('strategy_busy');
    // another strategy runs alongside
    await experiments.create({ name: 'order', strategy: 'discoveryOrder', variants: [{ name: 'discoverFirst' }, { name: 'recommendFirst' }] });
    await experiments.stop(first._id);
    expect((await experiments.stop(first._id)).state).toBe('stopped'); // stopping twice changes nothing
    const second = await experiments.create(offerType);
    expect(second._id).not.toBe(first._id);
    expect((await errorOf(experiments.stop('exp_0000000000000000'))).code).toBe('not_found');
  });

  it('two instances starting the same strategy at once: exactly one wins', async () => {
    const { store } = await fresh();
    const a = new ExperimentService(store);
    const b = new ExperimentService(store);
    const results = await Promise.allSettled([a.create(offerType), b.create(offerType), a.create(offerType)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it('takes over a lock left behind by a stopped experiment', async () => {
    const { store, experiments } = await fresh();
    const old = await experiments.create(offerType);
    await store.collection('experiments').updateOne({ _id: old._id }, { $set: { state: 'stopped' } }); // stopped, lock not yet removed
    expect((await experiments.create(offerType)).state).toBe('running');
  });

  it('exposure and conversion count once per customer; only exposed customers convert; every instance agrees', async () => {
    const { store, experiments } = await fresh();
    expect(await experiments.variantFor('offerType', 'c1')).toBeUndefined(); // nothing running: today's behaviour
    const exp = await experiments.create(offerType);
    const other = new ExperimentService(store); // a second instance on the same store
    const customers = Array.from({ length: 12 }, (_, i) => `c${i}`);
    for (const c of customers) {
      const mine = await experiments.variantFor('offerType', c);
      expect(await other.variantFor('offerType', c)).toBe(mine);
      expect(await experiments.variantFor('offerType', c)).toBe(mine);
    }
    for (const c of customers.slice(0, 4)) {
      await experiments.converted(c, 'gift_claimed');
      await other.converted(c, 'order_placed');
    }
    await experiments.converted('never-exposed', 'order_placed');
    const result = (await experiments.results(exp._id))!;
    expect(result.variants.reduce((s, v) => s + v.assigned, 0)).toBe(12);
    expect(result.variants.reduce((s, v) => s + v.converted, 0)).toBe(4);
    for (const v of result.variants) expect(v.rate).toBeCloseTo(v.assigned ? v.converted / v.assigned : 0, 4);
    expect(result.test).toMatchObject({ method: 'two-proportion z', enoughData: false });
    expect(result.winner).toBeUndefined();
  });

  it('an experiment started on another instance is picked up once the cached list is older than refreshMs', async () => {
    let t = Date.parse('2025-06-01T10:00:00Z');
    const now = () => new Date(t);
    const { store } = await fresh(now);
    const a = new ExperimentService(store, { now, refreshMs: 5000 });
    const b = new ExperimentService(store, { now, refreshMs: 5000 });
    expect(await b.variantFor('offerType', 'c1')).toBeUndefined();
    await a.create(offerType);
    expect(await b.variantFor('offerType', 'c1')).toBeUndefined(); // b trusts its list for 5 s
    t += 5000;
    expect(await b.variantFor('offerType', 'c1')).toMatch(/^(coupon|gift)$/);
  });

  it('after stop, conversions no longer count', async () => {
    const { experiments } = await fresh();
    const exp = await experiments.create(offerType);
    await experiments.variantFor('offerType', 'c1');
    await experiments.stop(exp._id);
    await experiments.converted('c1', 'gift_claimed');
    const result = (await experiments.results(exp._id))!;
    expect(result.state).toBe('stopped');
    expect(result.variants.reduce((s, v) => s + v.converted, 0)).toBe(0);
  });

  it('privacy: the customer’s arms and conversions are exported and erased', async () => {
    const { experiments } = await fresh();
    const exp = await experiments.create(offerType);
    const variant = await experiments.variantFor('offerType', 'c1');
    await experiments.variantFor('offerType', 'c2');
    await experiments.converted('c1', 'gift_claimed');
    expect(await experiments.exportCustomer('c1')).toEqual([
      expect.objectContaining({ record: 'exposure', experimentId: exp._id, variant }),
      expect.objectContaining({ record: 'conversion', experimentId: exp._id, variant, kind: 'gift_claimed' }),
    ]);
    expect(await experiments.eraseCustomer('c1')).toBe(2);
    expect(await experiments.exportCustomer('c1')).toEqual([]);
    const left = (await experiments.results(exp._id))!;
    expect(left.variants.reduce((s, v) => s + v.assigned, 0)).toBe(1);
  });

  it('createServices wires coupon redemptions and placed orders as conversions', async () => {
    const store = new EmbeddedStore(null);
    await seedDemoPromotions(store);
    const services = await createServices(store, silentLogger());
    const exp = await services.experiments.create({ name: 'order', strategy: 'discoveryOrder', variants: [{ name: 'discoverFirst' }, { name: 'recommendFirst' }] });
    const arm = await services.experiments.variantFor('discoveryOrder', 'buyer');
    await services.experiments.variantFor('discoveryOrder', 'orderer');
    const issued = await services.promotions.coupons.issue('buyer', 'promo-welcome-20');
    if (!issued.ok) throw new Error('no coupon');
    expect((await services.promotions.coupons.redeem('buyer', issued.coupon._id, 300)).ok).toBe(true);
    const order = { _id: '2025060100000001', customerId: 'orderer', status: 'paid', items: [], total: 300, createdAt: new Date(), timeline: [], shipping: { name: 'x', phone: 'x', address: 'x' } } as unknown as Order;
    await services.orders.insert([order]);
    const result = (await services.experiments.results(exp._id))!;
    expect(result.variants.reduce((s, v) => s + v.converted, 0)).toBe(2);
    expect(result.variants.find((v) => v.name === arm)!.converted).toBeGreaterThanOrEqual(1);
    const outcomes = await store.collection<{ _id: string; kind: string }>('experiment_outcomes').find({});
    expect(outcomes.map((o) => o.kind).sort()).toEqual(['coupon_redeemed', 'order_placed']);
  });
});
