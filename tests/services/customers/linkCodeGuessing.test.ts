/**
 * Guessing link codes with fresh identities (issue 9, hole 5): the per-identity limit alone let 2,000
 * guesses from 400 made-up app users through. Limits per source address, for everyone, and per code.
 */
import { LinkCodes } from '../../../services/customers/linkCodes';
import { EmbeddedStore } from '../../../storage';

const owner = { channelId: 'app', userId: 'owner' };
const fresh = (i: number) => ({ channelId: 'app', userId: `attacker-${i}` });

/** a six-digit code that is not `code` */
const wrongFor = (code: string, i: number) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0');

describe('guessing link codes', () => {
  let store: EmbeddedStore;
  let clock: Date;
  const later = (ms: number) => (clock = new Date(clock.getTime() + ms));
  const make = (options: ConstructorParameters<typeof LinkCodes>[1] = {}) => new LinkCodes(store, { now: () => clock, ...options });
  beforeEach(async () => {
    store = new EmbeddedStore(null);
    await LinkCodes.ensureIndexes(store);
    clock = new Date();
  });
  afterEach(() => store.close());

  it('refuses an address after 10 wrong codes, whatever identities it makes up, even for the right code', async () => {
    const codes = make({ lockAfterFailures: 1000 });
    const { code } = await codes.issue(owner);
    const statuses: string[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await codes.redeem(wrongFor(code, i), fresh(i), '203.0.113.9')).status);
    expect(statuses.filter((s) => s === 'invalid')).toHaveLength(10);
    expect(statuses.filter((s) => s === 'rate_limited')).toHaveLength(30);
    const refused = await codes.redeem(code, fresh(99), '203.0.113.9');
    expect(refused).toMatchObject({ status: 'rate_limited' });
    expect((refused as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
    // another address is not affected, and the address may guess again in the next window
    expect(await codes.redeem(code, fresh(100), '198.51.100.7')).toEqual({ status: 'ok', owner });
    later(10 * 60 * 1000 + 1);
    expect((await codes.redeem('000000', fresh(101), '203.0.113.9')).status).toBe('invalid');
  });

  it('counts concurrent guesses before checking them: a burst of 50 gets exactly 10 evaluated', async () => {
    const codes = make({ lockAfterFailures: 1000 });
    const { code } = await codes.issue(owner);
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => codes.redeem(wrongFor(code, i), fresh(i), '203.0.113.9')));
    expect(results.filter((r) => r.status === 'invalid')).toHaveLength(10);
  });

  it('limits wrong codes from everyone together (many addresses)', async () => {
    const codes = make({ maxFailuresGlobal: 30, lockAfterFailures: 1000 });
    const { code } = await codes.issue(owner);
    const statuses: string[] = [];
    for (let i = 0; i < 60; i++) statuses.push((await codes.redeem(wrongFor(code, i), fresh(i), `10.0.${i}.1`)).status);
    expect(statuses.filter((s) => s === 'invalid')).toHaveLength(30);
    expect((await codes.redeem(code, fresh(99), '10.9.9.9')).status).toBe('rate_limited');
    // channels without an address (Telegram, WeChat) are held by the same global limit
    expect((await codes.redeem(code, { channelId: 'telegram', userId: '5' })).status).toBe('rate_limited');
  });

  it('locks every code that was live during 10 wrong guesses; its owner asks for a new one', async () => {
    const codes = make();
    const { code } = await codes.issue(owner);
    const other = await codes.issue({ channelId: 'wechat', userId: 'o-2' });
    // 10 addresses, one wrong guess each: no address or identity limit is reached
    for (let i = 0; i < 10; i++) {
      const wrong = [code, other.code].includes(wrongFor(code, i)) ? '999999' : wrongFor(code, i);
      expect((await codes.redeem(wrong, fresh(i), `10.1.${i}.1`)).status).toBe('invalid');
    }
    // the right code now answers exactly like a wrong one (no oracle for the attacker)
    expect(await codes.redeem(code, { channelId: 'telegram', userId: '42' }, '192.0.2.1')).toEqual({ status: 'invalid' });
    expect(await codes.redeem(other.code, { channelId: 'telegram', userId: '43' }, '192.0.2.2')).toEqual({ status: 'invalid' });
    const renewed = await codes.issue(owner);
    expect(await codes.redeem(renewed.code, { channelId: 'telegram', userId: '42' }, '192.0.2.1')).toEqual({ status: 'ok', owner });
  });

  it('does not count successful or own-code redemptions against other live codes', async () => {
    const codes = make();
    const { code } = await codes.issue(owner);
    for (let i = 0; i < 15; i++) {
      const someone = { channelId: 'wechat', userId: `w${i}` };
      const theirs = await codes.issue(someone);
      expect(await codes.redeem(theirs.code, someone, '192.0.2.50')).toEqual({ status: 'own_code' });
      expect(await codes.redeem(theirs.code, { channelId: 'telegram', userId: `t${i}` }, '192.0.2.50')).toMatchObject({ status: 'ok' });
    }
    expect(await codes.redeem(code, { channelId: 'telegram', userId: '42' }, '192.0.2.50')).toEqual({ status: 'ok', owner });
  });
});
