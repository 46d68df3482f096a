/**
 * Staff login sessions. The browser holds a random token in a cookie; the store holds only its sha256,
 * with the CSRF token the pages send back and an expiry (a TTL index removes old sessions; reads check
 * the time too, since expiry sweeps run late).
 */
import crypto from 'node:crypto';
import type { DocumentStore } from '../../storage/documentStore';
import type { StaffAccount, StaffSession } from './types';

export const STAFF_SESSIONS = 'staffSessions';

export interface SessionSettings {
  /** how long a login lasts */
  ttlMs: number;
}

export function tokenHash(token: string): string {
  return crypto.createHash('sha256').update(token).digest('base64url');
}

export class StaffSessions {
  constructor(
    private readonly store: DocumentStore,
    private readonly settings: SessionSettings,
    private readonly now: () => number = Date.now,
  ) {}

  static async ensureIndexes(store: DocumentStore): Promise<void> {
    await store.ensureIndex(STAFF_SESSIONS, { fields: { expiresAt: 1 }, expireAfterSeconds: 0 });
    await store.ensureIndex(STAFF_SESSIONS, { fields: { username: 1 } });
  }

  get ttlMs(): number {
    return this.settings.ttlMs;
  }

  private get sessions() {
    return this.store.collection<StaffSession>(STAFF_SESSIONS);
  }

  /** Starts a session; the token goes to the browser's cookie and is not stored. */
  async start(account: StaffAccount): Promise<{ token: string; session: StaffSession }> {
    const token = crypto.randomBytes(32).toString('base64url');
    const session: StaffSession = {
      _id: tokenHash(token),
      username: account._id,
      role: account.role,
      csrfToken: crypto.randomBytes(24).toString('base64url'),
      expiresAt: new Date(this.now() + this.settings.ttlMs),
    };
    await this.sessions.insertOne(session);
    return { token, session };
  }

  /** The live session for a cookie token, or null. */
  async find(token: string): Promise<StaffSession | null> {
    if (!token || token.length > 128) return null;
    const session = await this.sessions.findOne({ _id: tokenHash(token) });
    return session && session.expiresAt.getTime() > this.now() ? session : null;
  }

  async end(token: string): Promise<void> {
    await this.sessions.deleteOne({ _id: tokenHash(token) });
  }

  /** Ends every session of one account (disabled, password changed). */
  async endAll(username: string): Promise<number> {
    return this.sessions.deleteMany({ username });
  }
}
