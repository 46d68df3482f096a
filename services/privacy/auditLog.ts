/**
 * The audit log of admin actions: who (the shared admin token and the source address), what, when,
 * on which customer, through which route, with what result. Entries name route patterns
 * (`/api/admin/customers/:customerId`), never URLs, so no query value (a channel user id) and no body
 * (customer text) reaches the log. Failed authentications are kept 30 days; the rest stays.
 */
import crypto from 'node:crypto';
import type { DocumentStore } from '../../storage/documentStore';

export const ADMIN_AUDIT = 'adminAudit';
const FAILED_AUTH_KEEP_MS = 30 * 24 * 3600 * 1000;

export interface AuditEntry {
  action: string;
  /** `admin-token@<source address>`, or the staff username of a session */
  actor: string;
  customerId?: string;
  route: string;
  status: number;
}

interface AuditDoc extends AuditEntry {
  /** time-ordered: time, then a per-process sequence, then random (several instances) */
  _id: string;
  at: Date;
  expiresAt?: Date;
}

export interface AuditItem extends AuditEntry {
  at: string;
}

export class AuditLog {
  private sequence = 0;
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: DocumentStore,
    private readonly onError: (err: unknown) => void = () => undefined,
  ) {}

  static async ensureIndexes(store: DocumentStore): Promise<void> {
    await store.ensureIndex(ADMIN_AUDIT, { fields: { customerId: 1 } });
    await store.ensureIndex(ADMIN_AUDIT, { fields: { expiresAt: 1 }, expireAfterSeconds: 0, sparse: true });
  }

  private get entries() {
    return this.store.collection<AuditDoc>(ADMIN_AUDIT);
  }

  /**
   * Queues the entry; entries are written in order and a `list` sees every entry recorded before it.
   * Never throws: a failed write is reported to onError (the admin action itself already happened).
   */
  record(entry: AuditEntry, at = new Date()): Promise<void> {
    this.sequence = (this.sequence + 1) % 36 ** 6;
    const _id = `${at.getTime().toString(36).padStart(9, '0')}${this.sequence.toString(36).padStart(6, '0')}${crypto.randomBytes(3).toString('hex')}`;
    const doc: AuditDoc = { _id, at, ...entry };
    if (entry.customerId === undefined) delete doc.customerId;
    if (entry.action === 'auth_failed') doc.expiresAt = new Date(at.getTime() + FAILED_AUTH_KEEP_MS);
    this.pending = this.pending.then(() => this.entries.insertOne(doc)).catch(this.onError);
    return this.pending;
  }

  /** Newest first. */
  async list(filter: { customerId?: string; limit: number }): Promise<AuditItem[]> {
    await this.pending;
    const docs = await this.entries.find(filter.customerId ? { customerId: filter.customerId } : {}, { sort: { _id: -1 }, limit: filter.limit });
    return docs.map((d) => ({
      at: new Date(d.at).toISOString(),
      actor: d.actor,
      action: d.action,
      ...(d.customerId ? { customerId: d.customerId } : {}),
      route: d.route,
      status: d.status,
    }));
  }
}
