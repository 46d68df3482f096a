import { signatureMatches, WeChatCipher, WeChatCipherError, wechatSignature } from '../../../adapters/wechatKit/wechatCrypto';
import { encryptSample, safeMode } from './samplePayloads';

describe('WeChat message security', () => {
  it('computes the documented msg_signature of the encryption guide sample', () => {
    expect(wechatSignature(safeMode.token, safeMode.timestamp, safeMode.nonce, safeMode.encrypt)).toBe(safeMode.msgSignature);
    expect(signatureMatches(safeMode.msgSignature, safeMode.token, safeMode.timestamp, safeMode.nonce, safeMode.encrypt)).toBe(true);
    expect(signatureMatches(safeMode.msgSignature.replace('5', '6'), safeMode.token, safeMode.timestamp, safeMode.nonce, safeMode.encrypt)).toBe(false);
    expect(signatureMatches(undefined, safeMode.token, safeMode.timestamp)).toBe(false);
  });

  it('decrypts the documented safe-mode sample to its text message', () => {
    const xml = new WeChatCipher(safeMode.encodingAesKey, safeMode.appId).decrypt(safeMode.encrypt);
    expect(xml).toContain(`<FromUserName><![CDATA[${safeMode.openid}]]></FromUserName>`);
    expect(xml).toContain(`<Content><![CDATA[${safeMode.content}]]></Content>`);
  });

  it('encrypts exactly as the official SDK sample (random16 | length | message | appid, 32-byte PKCS#7)', () => {
    const cipher = new WeChatCipher(encryptSample.encodingAesKey, encryptSample.appId);
    expect(cipher.encrypt(encryptSample.message, Buffer.from(encryptSample.random))).toBe(encryptSample.ciphertext);
    expect(cipher.decrypt(encryptSample.ciphertext)).toBe(encryptSample.message);
  });

  it('round-trips long Chinese text whose length is a multiple of the block', () => {
    const cipher = new WeChatCipher(encryptSample.encodingAesKey, encryptSample.appId);
    for (const message of ['', '好'.repeat(700), 'x'.repeat(32 - 20 - encryptSample.appId.length + 32)]) {
      expect(cipher.decrypt(cipher.encrypt(message))).toBe(message);
    }
  });

  it('refuses a message for another app id, tampered or truncated ciphertext', () => {
    const other = new WeChatCipher(safeMode.encodingAesKey, 'wx0000000000000000');
    expect(() => other.decrypt(safeMode.encrypt)).toThrow(/another app id/);
    const cipher = new WeChatCipher(safeMode.encodingAesKey, safeMode.appId);
    expect(() => cipher.decrypt(safeMode.encrypt.slice(0, 40))).toThrow(WeChatCipherError);
    expect(() => cipher.decrypt('not base64 at all!')).toThrow(WeChatCipherError);
    const flipped = Buffer.from(safeMode.encrypt, 'base64');
    flipped[flipped.length - 1] ^= 0xff;
    expect(() => cipher.decrypt(flipped.toString('base64'))).toThrow(WeChatCipherError);
  });
});
