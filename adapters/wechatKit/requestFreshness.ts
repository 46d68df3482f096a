/**
 * Replay protection for WeChat pushes. In plaintext mode the signature covers (token, timestamp,
 * nonce) but not the body, so a signed URL from any log would let anyone post as any openid forever.
 * Two rules close that:
 *   - the signed timestamp must be within ±5 minutes of our clock;
 *   - a (timestamp, nonce, signature[, msg_signature]) is good for ONE body. It is remembered in the
 *     store (so the rule holds across instances) for longer than the window, after which the
 *     timestamp check refuses it anyway. The same request with the same body is WeChat's own retry
 *     (it resends a push it got no answer for): it is let through to the MsgId de-duplication, which
 *     answers it without running the turn twice.
 */
import crypto from 'node:crypto';
import { HttpError } from '../../platform/http';
import { DocumentStore, DuplicateKeyError } from '../../storage/documentStore';

export const WINDOW_SECONDS = 5 * 60;
const COLLECTION = 'wechatRequestNonces';
// both sides of the window plus a margin: a remembered request outlives every timestamp that could pass
const KEEP_MS = (2 * WINDOW_SECONDS + 60) * 1000;

interface NonceDoc {
  _id: string;
  body: string;
  expiresAt: Date;
}

export interface SignedRequest {
  timestamp: string;
  nonce: string;
  signature: string;
  msgSignature?: string;
}

const sha256 = (text: string | Buffer) => crypto.createHash('sha256').update(text).digest('hex');

/** Throws 401 stale_timestamp unless `timestamp` (seconds) is within the window around `nowMs`. */
export function checkTimestamp(timestamp: string, nowMs = Date.now()): void {
  const seconds = /^\d{1,12}$/.test(timestamp) ? Number(timestamp) : NaN;
  if (!Number.isFinite(seconds) || Math.abs(nowMs / 1000 - seconds) > WINDOW_SECONDS) {
    throw new HttpError(401, 'stale_timestamp', 'timestamp must be within 5 minutes of the server clock (a replayed or delayed request)');
  }
}

export class RequestNonces {
  private indexed?: Promise<void>;

  constructor(private readonly store: DocumentStore) {}

  /** Records the signed request with its body; throws 403 replayed_request when it came with another body. */
  async admit(request: SignedRequest, body: Buffer): Promise<void> {
    this.indexed ??= this.store.ensureIndex(COLLECTION, { fields: { expiresAt: 1 }, expireAfterSeconds: 0 });
    await this.indexed;
    const id = sha256([request.timestamp, request.nonce, request.signature.toLowerCase(), (request.msgSignature ?? '').toLowerCase()].join('\n'));
    const bodyHash = sha256(body);
    const nonces = this.store.collection<NonceDoc>(COLLECTION);
    try {
      await nonces.insertOne({ _id: id, body: bodyHash, expiresAt: new Date(Date.now() + KEEP_MS) });
      return;
    } catch (err) {
      if (!(err instanceof DuplicateKeyError)) throw err;
    }
    const seen = await nonces.findOne({ _id: id });
    if (seen && seen.body === bodyHash) return; // WeChat's retry of the very same push
    throw new HttpError(403, 'replayed_request', 'this signed timestamp and nonce were already used for another message');
  }
}
