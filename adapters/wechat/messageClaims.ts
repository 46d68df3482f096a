/**
 * Cross-instance guard against WeChat's retries: the first instance to record a message key in the
 * store runs the turn; a retry that reaches another bot instance finds the key taken and answers
 * "success" (the first instance answers the customer). Keys expire after five minutes, well past
 * WeChat's retry window. Within one instance, ReplyCoordinator also lets a retry wait for the answer.
 */
import { DocumentStore, DuplicateKeyError } from '../../storage/documentStore';

interface ClaimDoc {
  _id: string;
  expiresAt: Date;
}

const COLLECTION = 'wechatMessageIds';
const KEEP_MS = 5 * 60 * 1000;

export class MessageClaims {
  private indexed?: Promise<void>;

  constructor(private readonly store: DocumentStore) {}

  /** true for the first claim of a key. */
  async claim(key: string): Promise<boolean> {
    this.indexed ??= this.store.ensureIndex(COLLECTION, { fields: { expiresAt: 1 }, expireAfterSeconds: 0 });
    await this.indexed;
    try {
      await this.store.collection<ClaimDoc>(COLLECTION).insertOne({ _id: key, expiresAt: new Date(Date.now() + KEEP_MS) });
      return true;
    } catch (err) {
      if (err instanceof DuplicateKeyError) return false;
      throw err;
    }
  }
}
