import { LinkCodes, LinkRateLimitedError } from '../../../services/customers/linkCodes';
import { EmbeddedStore } from '../../../storage';

const app = { channelId: 'app', userId: 'u1' };
const tg = { channelId: 'telegram', userId: '42' };

describe('link codes', () => {
  let store: EmbeddedStore;
  let clock: Date;
  let codes: LinkCodes;
  beforeEach(async () => {
    store = new EmbeddedStore(null);
    await LinkCodes.ensureIndexes(store);
    clock = new Date(); // real time: the store's TTL index removes expired documents by the wall clock
    codes = new LinkCodes(store, { now: () => clock });
  });
  afterEach(() => store.close());
  const later = (ms: number) => (clock = new Date(clock.getTime() + ms));

  it('issues a 6-digit code valid 10 minutes, stored only as a hash', async () => {
    const { code, expiresAt } = await codes.issue(app);
    expect(code).toMatch(/^\d{6}$/);
    expect(expiresAt.getTime() - clock.getTime()).toBe(10 * 60 * 1000);
    const stored = await store.collection('linkCodes').find({});
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(code);
  });

  it('lets exactly one other identity use a code, once', async () => {
    const { code } = await codes.issue(app);
    expect(await codes.redeem(code, app)).toEqual({ status: 'own_code' });
    const [first, second] = await Promise.all([codes.redeem(code, tg), codes.redeem(code, { channelId: 'wechat', userId: 'o1' })]);
    expect([first.status, second.status].sort()).toEqual(['invalid', 'ok']);
    const ok = first.status === 'ok' ? first : second;
    expect(ok).toEqual({ status: 'ok', owner: app });
    expect(await codes.redeem(code, tg)).toEqual({ status: 'invalid' });
  });

  it('expires after 10 minutes, and a new code replaces the old one', async () => {
    const { code } = await codes.issue(app);
    later(10 * 60 * 1000 + 1);
    expect(await codes.redeem(code, tg)).toEqual({ status: 'invalid' });
    const a = await codes.issue(app);
    const b = await codes.issue(app);
    expect(await codes.redeem(a.code, tg)).toEqual(a.code === b.code ? { status: 'ok', owner: app } : { status: 'invalid' });
    if (a.code !== b.code) expect(await codes.redeem(b.code, tg)).toEqual({ status: 'ok', owner: app });
  });

  it('allows 5 codes an hour per identity', async () => {
    for (let i = 0; i < 5; i++) await codes.issue(app);
    await expect(codes.issue(app)).rejects.toBeInstanceOf(LinkRateLimitedError);
    await expect(codes.issue(tg)).resolves.toBeDefined(); // others are not affected
    later(61 * 60 * 1000);
    await expect(codes.issue(app)).resolves.toBeDefined();
  });

  it('blocks an identity after 5 wrong codes for 10 minutes, even for the right code', async () => {
    const { code } = await codes.issue(app);
    const wrong = code === '000000' ? '000001' : '000000';
    for (let i = 0; i < 5; i++) expect(await codes.redeem(wrong, tg)).toEqual({ status: 'invalid' });
    expect(await codes.redeem(code, tg)).toMatchObject({ status: 'rate_limited' });
    later(10 * 60 * 1000 + 1);
    const fresh = await codes.issue(app);
    expect(await codes.redeem(fresh.code, tg)).toEqual({ status: 'ok', owner: app });
  });
});
