/**
 * The private outbox of a room: what the bot (or an agent) says to one viewer, waiting for the platform
 * connector to deliver it as a direct message. Positions come from one counter per room (an atomic
 * increment), so "after=<id>" pages never skip a message. The text is the customer's conversation:
 * encrypted at rest, exported and erased with the customer, and kept one day.
 */
import type { DocumentStore } from '../../storage/documentStore';
import { LIVE_PRIVATE, LIVE_SEQUENCES, PrivateMessageDoc, SequenceDoc } from './types';

const KEEP_MS = 24 * 3600_000;

export interface PrivateMessageInput {
  roomId: string;
  userId: string;
  customerId?: string;
  text: string;
  links?: { title: string; url: string }[];
}

export class PrivateMessages {
  constructor(
    private readonly store: DocumentStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  static async ensureIndexes(store: DocumentStore): Promise<void> {
    await store.ensureIndex(LIVE_PRIVATE, { fields: { roomId: 1, seq: 1 } });
    await store.ensureIndex(LIVE_PRIVATE, { fields: { customerId: 1 }, sparse: true });
    await store.ensureIndex(LIVE_PRIVATE, { fields: { expiresAt: 1 }, expireAfterSeconds: 0 });
  }

  private get messages() {
    return this.store.collection<PrivateMessageDoc>(LIVE_PRIVATE);
  }

  async push(input: PrivateMessageInput): Promise<PrivateMessageDoc> {
    const counter = await this.store
      .collection<SequenceDoc>(LIVE_SEQUENCES)
      .findOneAndUpdate({ _id: `${input.roomId}:private` }, { $inc: { seq: 1 } }, { upsert: true });
    const seq = counter!.seq;
    const createdAt = this.now();
    const doc: PrivateMessageDoc = {
      _id: `pm_${input.roomId.slice(3)}_${seq}`,
      roomId: input.roomId,
      userId: input.userId,
      ...(input.customerId ? { customerId: input.customerId } : {}),
      text: input.text,
      ...(input.links?.length ? { links: input.links } : {}),
      seq,
      createdAt,
      expiresAt: new Date(createdAt.getTime() + KEEP_MS),
    };
    await this.messages.insertOne(doc);
    return doc;
  }

  /** Messages after a position (the id of the last one read, or nothing for all kept), oldest first. */
  async after(roomId: string, afterSeq: number, limit = 100): Promise<PrivateMessageDoc[]> {
    return this.messages.find({ roomId, seq: { $gt: afterSeq }, expiresAt: { $gt: this.now() } }, { sort: { seq: 1 }, limit });
  }

  /** The position an id stands for (pm_<room>_<seq>), or undefined when it is not one of this room's. */
  static seqOf(roomId: string, id: string): number | undefined {
    const m = /^pm_([0-9a-f]+)_(\d{1,15})$/.exec(id);
    return m && m[1] === roomId.slice(3) ? Number(m[2]) : undefined;
  }

  // privacy: the viewer's private conversation is theirs (CustomerRecords)
  async exportCustomer(customerId: string): Promise<unknown[]> {
    return (await this.messages.find({ customerId }, { limit: 10_000 })).map(({ roomId, userId, text, links, createdAt }) => ({ roomId, userId, text, links, createdAt }));
  }

  async eraseCustomer(customerId: string): Promise<number> {
    return this.messages.deleteMany({ customerId });
  }
}
