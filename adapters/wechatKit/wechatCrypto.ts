/**
 * WeChat's message security: the SHA-1 signature over (token, timestamp, nonce[, encrypt]) and the
 * safe-mode cipher — AES-256-CBC, key = base64(EncodingAESKey + "="), IV = the key's first 16 bytes,
 * PKCS#7 padding to 32-byte blocks, plaintext = random16 | msg_len (4 bytes, big-endian) | msg | appid.
 */
import crypto from 'node:crypto';
import { constantTimeEqual } from '../../platform/http';

const BLOCK = 32;

export function wechatSignature(...parts: string[]): string {
  return crypto.createHash('sha1').update([...parts].sort().join('')).digest('hex');
}

/** Constant-time check of a signature WeChat sent. */
export function signatureMatches(given: string | undefined, ...parts: string[]): boolean {
  if (!given) return false;
  return constantTimeEqual(given.toLowerCase(), wechatSignature(...parts));
}

export class WeChatCipherError extends Error {
  constructor(
    message: string,
    /** true when the message decrypted but names another app id (an authentication failure) */
    readonly foreignApp = false,
  ) {
    super(message);
    this.name = 'WeChatCipherError';
  }
}

export class WeChatCipher {
  private readonly key: Buffer;
  private readonly iv: Buffer;

  constructor(
    encodingAesKey: string,
    private readonly appId: string,
  ) {
    this.key = Buffer.from(`${encodingAesKey}=`, 'base64');
    if (this.key.length !== 32) throw new WeChatCipherError('EncodingAESKey must decode to 32 bytes');
    this.iv = this.key.subarray(0, 16);
  }

  encrypt(message: string, random: Buffer = crypto.randomBytes(16)): string {
    const body = Buffer.from(message, 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(body.length, 0);
    const plain = Buffer.concat([random, length, body, Buffer.from(this.appId, 'utf8')]);
    const pad = BLOCK - (plain.length % BLOCK);
    const cipher = crypto.createCipheriv('aes-256-cbc', this.key, this.iv);
    cipher.setAutoPadding(false);
    return Buffer.concat([cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])), cipher.final()]).toString('base64');
  }

  /** Decrypts and checks the app id; throws WeChatCipherError on anything malformed or foreign. */
  decrypt(encrypted: string): string {
    const data = Buffer.from(encrypted, 'base64');
    if (data.length === 0 || data.length % 16 !== 0) throw new WeChatCipherError('ciphertext length is not a multiple of the block');
    let plain: Buffer;
    try {
      const decipher = crypto.createDecipheriv('aes-256-cbc', this.key, this.iv);
      decipher.setAutoPadding(false);
      plain = Buffer.concat([decipher.update(data), decipher.final()]);
    } catch {
      throw new WeChatCipherError('message could not be decrypted');
    }
    const pad = plain[plain.length - 1];
    if (pad < 1 || pad > BLOCK || pad > plain.length) throw new WeChatCipherError('bad padding');
    const unpadded = plain.subarray(0, plain.length - pad);
    if (unpadded.length < 20) throw new WeChatCipherError('message too short');
    const length = unpadded.readUInt32BE(16);
    if (20 + length > unpadded.length) throw new WeChatCipherError('bad message length');
    const appId = unpadded.subarray(20 + length).toString('utf8');
    if (!constantTimeEqual(appId, this.appId)) throw new WeChatCipherError('message is for another app id', true);
    return unpadded.subarray(20, 20 + length).toString('utf8');
  }
}
