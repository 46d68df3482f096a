import { CustomerDirectory, normalizePhone, PROOF_CHANNELS, VerifiedIdentities } from '../../../services/customers';
import { EmbeddedStore } from '../../../storage';

const hash = (text: string) => `h(${text})`;

function setup() {
  const directory = new CustomerDirectory(new EmbeddedStore(null));
  return { directory, verified: new VerifiedIdentities(directory, hash) };
}

describe('verified identities', () => {
  it('normalises mainland and international numbers and refuses what is not one', () => {
    expect(normalizePhone('139 0000 1234')).toBe('+8613900001234');
    expect(normalizePhone('+86 139-0000-1234')).toBe('+8613900001234');
    expect(normalizePhone('0044 20 7946 0958')).toBe('+442079460958');
    expect(normalizePhone('12345')).toBeUndefined();
    expect(normalizePhone('call me')).toBeUndefined();
  });

  it('a unionid joins the Mini Program openid to the Official Account customer', async () => {
    const { directory, verified } = setup();
    const oa = await verified.attach({ channelId: 'wechat', userId: 'oa-openid' }, { kind: 'unionid', value: 'u-1' });
    const mp = await verified.attach({ channelId: 'miniprogram', userId: 'mp-openid' }, { kind: 'unionid', value: 'u-1' });
    expect(mp).toBe(oa);
    expect(await directory.resolve({ channelId: 'miniprogram', userId: 'mp-openid' })).toBe(oa);
    // another unionid is another person
    const other = await verified.attach({ channelId: 'miniprogram', userId: 'mp-2' }, { kind: 'unionid', value: 'u-2' });
    expect(other).not.toBe(oa);
  });

  it('the same number in two spellings is one person, and the directory keeps only its hash', async () => {
    const { directory, verified } = setup();
    const first = await verified.attach({ channelId: 'miniprogram', userId: 'mp-openid' }, { kind: 'phone', value: '13900001234' });
    const caller = await verified.attach({ channelId: 'voice', userId: 'call-1' }, { kind: 'phone', value: '+8613900001234' });
    expect(caller).toBe(first);
    const customer = await directory.get(first);
    const proof = customer!.identities.find((i) => i.channelId === PROOF_CHANNELS.phone);
    expect(proof?.userId).toBe('h(phone:+8613900001234)');
    expect(JSON.stringify(customer)).not.toContain('13900001234"');
  });

  it('refuses a proof that is not one', async () => {
    const { verified } = setup();
    await expect(verified.attach({ channelId: 'voice', userId: 'x' }, { kind: 'phone', value: 'anonymous' })).rejects.toThrow('not a usable phone');
  });
});
