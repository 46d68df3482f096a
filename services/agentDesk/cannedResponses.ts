/**
 * Canned responses: ready-made replies an admin writes once and every agent can insert into the reply
 * box. They are the shop's own words (no customer data), so they are stored as they are.
 */
import crypto from 'node:crypto';
import type { DocumentStore } from '../../storage/documentStore';

export const CANNED_COLLECTION = 'cannedResponses';
const LIST_LIMIT = 500;

export interface CannedResponse {
  _id: string;
  title: string;
  text: string;
  createdBy: string;
  createdAt: Date;
}

export class CannedResponses {
  constructor(private readonly store: DocumentStore) {}

  static async ensureIndexes(store: DocumentStore): Promise<void> {
    await store.ensureIndex(CANNED_COLLECTION, { fields: { title: 1 } });
  }

  private get items() {
    return this.store.collection<CannedResponse>(CANNED_COLLECTION);
  }

  async list(): Promise<CannedResponse[]> {
    return this.items.find({}, { sort: { title: 1 }, limit: LIST_LIMIT });
  }

  async create(input: { title: string; text: string }, createdBy: string, now = new Date()): Promise<CannedResponse> {
    const item: CannedResponse = { _id: `cr_${crypto.randomBytes(6).toString('hex')}`, title: input.title, text: input.text, createdBy, createdAt: now };
    await this.items.insertOne(item);
    return item;
  }

  /** True when it existed. */
  async remove(id: string): Promise<boolean> {
    return (await this.items.deleteOne({ _id: id })) > 0;
  }
}
