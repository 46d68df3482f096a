import crypto from 'node:crypto';
import { FieldCipher, KeySpecError, parseKeySpec } from '../../../storage/encryption/fieldCipher';

const keyA = crypto.randomBytes(32);
const keyB = crypto.randomBytes(32);

describe('FieldCipher', () => {
  const cipher = new FieldCipher([{ id: 'a', key: keyA }]);

  it('round-trips strings, arrays and subdocuments with Dates, in the documented format', () => {
    const at = new Date('2026-03-04T05:06:07Z');
    for (const value of ['13812345678', ['x', 'y'], { name: '张三', at, n: 3 }]) {
      const sealed = cipher.encrypt(value, 'orders/shipping');
      expect(sealed).toMatch(/^enc:v1:a:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
      expect(cipher.decrypt(sealed, 'orders/shipping')).toEqual(value);
    }
    // a fresh IV each time: equal plaintexts do not give equal ciphertexts
    expect(cipher.encrypt('same', 'c/p')).not.toBe(cipher.encrypt('same', 'c/p'));
  });

  it('refuses a tampered value, and a value moved to another field', () => {
    const sealed = cipher.encrypt('上海市浦东新区', 'orders/shipping.address');
    const parts = sealed.split(':');
    const body = Buffer.from(parts[5], 'base64');
    body[0] ^= 1;
    parts[5] = body.toString('base64');
    expect(() => cipher.decrypt(parts.join(':'), 'orders/shipping.address')).toThrow();
    expect(() => cipher.decrypt(sealed, 'orders/shipping.name')).toThrow();
  });

  it('reads back what it wrote recently and long ago alike; another cipher needs the key', () => {
    const sealed = Array.from({ length: 700 }, (_, i) => cipher.encrypt(`state ${i}`, 'botState/json'));
    expect(cipher.decrypt(sealed[0], 'botState/json')).toBe('state 0'); // long out of the recent list
    expect(cipher.decrypt(sealed[699], 'botState/json')).toBe('state 699');
    expect(cipher.decrypt(sealed[699], 'botState/json')).toBe('state 699');
    expect(() => cipher.decrypt(sealed[699], 'handoffs/summary')).toThrow();
    expect(() => new FieldCipher([{ id: 'a', key: keyB }]).decrypt(sealed[699], 'botState/json')).toThrow();
  });

  it('rotates: the first key encrypts, every configured key decrypts, an unknown key id is named', () => {
    const old = cipher.encrypt('13812345678', 'c/p');
    const rotated = new FieldCipher([{ id: 'b', key: keyB }, { id: 'a', key: keyA }]);
    expect(rotated.decrypt(old, 'c/p')).toBe('13812345678');
    expect(FieldCipher.keyIdOf(rotated.encrypt('x', 'c/p'))).toBe('b');
    expect(() => new FieldCipher([{ id: 'b', key: keyB }]).decrypt(old, 'c/p')).toThrow(/unknown key id "a"/);
  });

  it('gives keyed look-up hashes: stable for one key, different under another', () => {
    expect(cipher.lookupHash('13812345678')).toBe(cipher.lookupHash('13812345678'));
    expect(cipher.lookupHash('13812345678')).not.toBe(cipher.lookupHash('13812345679'));
    const other = new FieldCipher([{ id: 'b', key: keyB }, { id: 'a', key: keyA }]);
    expect(other.lookupHash('13812345678')).not.toBe(cipher.lookupHash('13812345678'));
    expect(other.lookupHashes('13812345678')).toContain(cipher.lookupHash('13812345678'));
  });
});

describe('parseKeySpec', () => {
  it('reads base64 and hex keys, named or named after their fingerprint', () => {
    const [plain] = parseKeySpec(keyA.toString('base64'));
    expect(plain.key.equals(keyA)).toBe(true);
    expect(plain.id).toMatch(/^[0-9a-f]{8}$/);
    const ring = parseKeySpec(`new:${keyB.toString('hex')}, old:${keyA.toString('base64')}`);
    expect(ring.map((k) => k.id)).toEqual(['new', 'old']);
    expect(ring[0].key.equals(keyB)).toBe(true);
  });

  it('refuses short keys, bad ids and duplicate ids without repeating the key', () => {
    const short = crypto.randomBytes(16).toString('base64');
    for (const spec of [short, `a b:${keyA.toString('base64')}`, `x:${keyA.toString('hex')},x:${keyB.toString('hex')}`, ' , ']) {
      try {
        parseKeySpec(spec);
        throw new Error('expected a KeySpecError');
      } catch (err) {
        expect(err).toBeInstanceOf(KeySpecError);
        expect((err as Error).message).not.toContain(short);
      }
    }
  });
});
