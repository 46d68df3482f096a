/**
 * AES-256-GCM for single values, with the key id inside each value so keys can rotate:
 *
 *   enc:v1:<keyId>:<iv base64>:<tag base64>:<ciphertext base64>
 *
 * The plaintext is the value as JSON (Dates kept as Dates), so strings, arrays and whole subdocuments
 * all encrypt the same way. Several keys may be configured: the first encrypts, every one decrypts (a
 * value under an older key is re-encrypted the next time it is written, or by `EncryptingStore.reencrypt`).
 * The additional authenticated data names the collection and field, so a ciphertext copied into another
 * field or collection does not decrypt.
 */
import crypto from 'node:crypto';

const PREFIX = 'enc:v1:';
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

export interface DataKey {
  id: string;
  key: Buffer;
}

export class KeySpecError extends Error {}

/** A key written as 64 hex digits or as base64 of 32 bytes. */
function decodeKey(text: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  if (key.length !== 32 || (!/^[0-9a-fA-F]{64}$/.test(t) && !/^[A-Za-z0-9+/_-]{43}=?$/.test(t))) {
    throw new KeySpecError('each key must be 32 bytes, written as 64 hex digits or base64 (e.g. `openssl rand -base64 32`)');
  }
  return key;
}

/** A key without an id is named after its fingerprint, which stays the same wherever it is configured. */
function fingerprint(key: Buffer): string {
  return crypto.createHash('sha256').update(key).digest('hex').slice(0, 8);
}

/** `key` or `id1:key1,id2:key2` (first encrypts). Throws KeySpecError without echoing any key. */
export function parseKeySpec(spec: string): DataKey[] {
  const keys = spec
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part): DataKey => {
      const colon = part.indexOf(':');
      if (colon < 0) {
        const key = decodeKey(part);
        return { id: fingerprint(key), key };
      }
      const id = part.slice(0, colon);
      if (!KEY_ID.test(id)) throw new KeySpecError('key ids are 1-32 letters, digits, _ or -');
      return { id, key: decodeKey(part.slice(colon + 1)) };
    });
  if (keys.length === 0) throw new KeySpecError('no key given');
  if (new Set(keys.map((k) => k.id)).size !== keys.length) throw new KeySpecError('key ids must be different');
  return keys;
}

/** IVs come from a pool of random bytes drawn in bulk: one random draw per value is most of its cost. */
const IV_BYTES = 12;
const POOL_IVS = 4096;
let ivPool = Buffer.alloc(0);
let ivOffset = 0;

function nextIv(): Buffer {
  if (ivOffset + IV_BYTES > ivPool.length) {
    ivPool = crypto.randomBytes(IV_BYTES * POOL_IVS);
    ivOffset = 0;
  }
  const iv = ivPool.subarray(ivOffset, ivOffset + IV_BYTES);
  ivOffset += IV_BYTES;
  return iv;
}

function serialize(value: unknown): string {
  // most encrypted values are strings (bot state is JSON text already): no replacer walk needed
  if (typeof value === 'string') return JSON.stringify(value);
  return JSON.stringify(value, function (this: Record<string, unknown>, name, v) {
    const raw = this[name];
    return raw instanceof Date ? { $date: raw.toISOString() } : v;
  });
}

function deserialize(text: string): unknown {
  if (text.charCodeAt(0) === 34 /* " */) return JSON.parse(text) as unknown;
  return JSON.parse(text, (_name, v) =>
    v && typeof v === 'object' && typeof v.$date === 'string' && Object.keys(v).length === 1 ? new Date(v.$date) : v,
  );
}

/**
 * Text values this cipher recently wrote or read, by field and ciphertext. Every turn reads back the bot
 * state it wrote the turn before; decrypting it again was most of the cost of that read. Only strings
 * (immutable) are kept, in this process's memory, never on disk; a ciphertext that was changed or moved
 * misses and is decrypted (and checked) as always.
 */
const RECENT_LIMIT = 512;

export class FieldCipher {
  // KeyObjects made once: building the key from raw bytes on every value was a share of each encryption
  private readonly byId: Map<string, crypto.KeyObject>;
  private readonly primaryKey: crypto.KeyObject;
  private readonly lookupKeys: Buffer[];
  private readonly recent = new Map<string, string>();

  constructor(readonly keys: DataKey[]) {
    if (keys.length === 0) throw new KeySpecError('no key given');
    this.byId = new Map(keys.map((k) => [k.id, crypto.createSecretKey(k.key)]));
    this.primaryKey = this.byId.get(keys[0].id)!;
    // a separate key for look-up hashes: one key never serves two purposes
    this.lookupKeys = keys.map((k) => Buffer.from(crypto.hkdfSync('sha256', k.key, Buffer.alloc(0), 'beautybot lookup hash v1', 32)));
  }

  get primaryId(): string {
    return this.keys[0].id;
  }

  static isCiphertext(value: unknown): value is string {
    return typeof value === 'string' && value.startsWith(PREFIX);
  }

  /** The id of the key a stored value was encrypted with (undefined for plaintext). */
  static keyIdOf(value: unknown): string | undefined {
    return FieldCipher.isCiphertext(value) ? value.slice(PREFIX.length).split(':')[0] : undefined;
  }

  encrypt(value: unknown, context: string): string {
    const { id } = this.keys[0];
    const key = this.primaryKey;
    const iv = nextIv();
    const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(serialize(value), 'utf8'), cipher.final()]);
    const sealed = `${PREFIX}${id}:${iv.toString('base64')}:${cipher.getAuthTag().toString('base64')}:${body.toString('base64')}`;
    if (typeof value === 'string') this.remember(context, sealed, value);
    return sealed;
  }

  /** Throws when the key is unknown or the value was tampered with or moved to another field. */
  decrypt(value: string, context: string): unknown {
    const known = this.recent.get(`${context}\u0000${value}`);
    if (known !== undefined) return known;
    const plain = this.decryptNow(value, context);
    if (typeof plain === 'string') this.remember(context, value, plain);
    return plain;
  }

  private remember(context: string, sealed: string, plain: string): void {
    const key = `${context}\u0000${sealed}`;
    this.recent.delete(key);
    this.recent.set(key, plain);
    if (this.recent.size > RECENT_LIMIT) this.recent.delete(this.recent.keys().next().value as string);
  }

  private decryptNow(value: string, context: string): unknown {
    const [id, iv, tag, body] = value.slice(PREFIX.length).split(':');
    const key = this.byId.get(id);
    if (!key) throw new Error(`encrypted value under unknown key id "${id}" (is DATA_ENCRYPTION_KEY missing an old key?)`);
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return deserialize(Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8'));
  }

  /**
   * Keyed hash (HMAC-SHA256) for looking a person up by phone number or the like without storing it:
   * equal inputs give equal hashes, but nobody without the key can test guesses against them.
   */
  lookupHash(text: string): string {
    return crypto.createHmac('sha256', this.lookupKeys[0]).update(text, 'utf8').digest('base64url');
  }

  /** The hash under every configured key, for `$in` look-ups while rows written before a rotation remain. */
  lookupHashes(text: string): string[] {
    return this.lookupKeys.map((k) => crypto.createHmac('sha256', k).update(text, 'utf8').digest('base64url'));
  }
}
