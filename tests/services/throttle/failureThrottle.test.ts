/** The store-backed failure throttle shared by the admin API and link codes. */
import { addressBucket, FailureThrottle } from '../../../services/throttle/failureThrottle';
import { EmbeddedStore } from '../../../storage';

describe('failure throttle', () => {
  const rule = { scope: 'test', limit: 3, windowMs: 60_000 };
  let store: EmbeddedStore;
  let now: number;
  let throttle: FailureThrottle;
  beforeEach(async () => {
    store = new EmbeddedStore(null);
    await FailureThrottle.ensureIndexes(store);
    // 10 s into a window that has not passed yet (the store's TTL index drops windows that ended)
    now = (Math.floor(Date.now() / 60_000) + 1) * 60_000 + 10_000;
    throttle = new FailureThrottle(store, () => now);
  });
  afterEach(() => store.close());

  it('lets `limit` failures through, then blocks the key until its window ends', async () => {
    expect([await throttle.fail(rule, 'a'), await throttle.fail(rule, 'a'), await throttle.fail(rule, 'a')]).toEqual([0, 0, 0]);
    expect(await throttle.blockedFor(rule, 'a')).toBe(50);
    expect(await throttle.fail(rule, 'a')).toBe(50);
    expect(await throttle.blockedFor(rule, 'b')).toBe(0);
    now += 50_000;
    expect(await throttle.blockedFor(rule, 'a')).toBe(0);
  });

  it('forgives a failure that turned out to be a success', async () => {
    for (let i = 0; i < 3; i++) {
      await throttle.fail(rule, 'a');
      await throttle.forgive(rule, 'a');
    }
    expect(await throttle.blockedFor(rule, 'a')).toBe(0);
  });

  it('counts concurrent failures exactly (one atomic update each)', async () => {
    const waits = await Promise.all(Array.from({ length: 20 }, () => throttle.fail(rule, 'a')));
    expect(waits.filter((w) => w === 0)).toHaveLength(3);
  });

  it('keeps no client address in the store', async () => {
    await throttle.fail(rule, '203.0.113.77');
    expect(JSON.stringify(await store.collection('failureWindows').find({}))).not.toContain('203.0.113.77');
  });

  it('groups IPv6 addresses by /64 and leaves IPv4 as is', () => {
    expect(addressBucket('203.0.113.9')).toBe('203.0.113.9');
    expect(addressBucket('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(addressBucket('2001:db8:1:2:3:4:5:6')).toBe(addressBucket('2001:0db8:0001:0002::9'));
    expect(addressBucket('2001:db8:1:2::1')).not.toBe(addressBucket('2001:db8:1:3::1'));
  });
});
