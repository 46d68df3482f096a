/**
 * One-time codes that join a customer's identities across channels: "绑定" on one channel issues a
 * 6-digit code (valid 10 minutes); sending it on another channel proves both identities belong to the
 * same person. Codes are stored hashed, used once, and both issuing and guessing are rate-limited per
 * identity (a 6-digit space must not be guessable).
 */
import crypto from 'node:crypto';
import { DocumentStore, DuplicateKeyError } from '../../storage/documentStore';
import type { ChannelIdentity } from './customerDirectory';

interface LinkCodeDoc {
  _id: string; // hash of the code
  owner: ChannelIdentity;
  ownerKey: string;
  createdAt: Date;
  expiresAt: Date;
}

interface RateDoc {
  _id: string; // `${kind}|${identity}`
  events: Date[];
  expiresAt: Date;
}

export interface LinkCodeOptions {
  ttlMs?: number;
  maxIssuesPerHour?: number;
  maxFailures?: number;
  failureWindowMs?: number;
  now?: () => Date;
}

export type RedeemResult =
  | { status: 'ok'; owner: ChannelIdentity }
  /** no such code, already used, or expired */
  | { status: 'invalid' }
  /** the code was issued to this same identity */
  | { status: 'own_code' }
  | { status: 'rate_limited' };

export class LinkRateLimitedError extends Error {
  constructor() {
    super('too many link codes requested; try again later');
    this.name = 'LinkRateLimitedError';
  }
}

const HOUR = 60 * 60 * 1000;

export function identityKeyOf(identity: ChannelIdentity): string {
  return `${identity.channelId}:${identity.userId}`;
}

function hashCode(code: string): string {
  return crypto.createHash('sha256').update(`link-code:${code}`).digest('hex');
}

export class LinkCodes {
  private readonly ttlMs: number;
  private readonly maxIssues: number;
  private readonly maxFailures: number;
  private readonly failureWindowMs: number;
  private readonly now: () => Date;

  constructor(
    private readonly store: DocumentStore,
    options: LinkCodeOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 10 * 60 * 1000;
    this.maxIssues = options.maxIssuesPerHour ?? 5;
    this.maxFailures = options.maxFailures ?? 5;
    this.failureWindowMs = options.failureWindowMs ?? 10 * 60 * 1000;
    this.now = options.now ?? (() => new Date());
  }

  static async ensureIndexes(store: DocumentStore): Promise<void> {
    await store.ensureIndex('linkCodes', { fields: { expiresAt: 1 }, expireAfterSeconds: 0 });
    await store.ensureIndex('linkCodeLimits', { fields: { expiresAt: 1 }, expireAfterSeconds: 0 });
  }

  private get codes() {
    return this.store.collection<LinkCodeDoc>('linkCodes');
  }

  private get limits() {
    return this.store.collection<RateDoc>('linkCodeLimits');
  }

  /** A fresh code for the identity (its earlier codes stop working). Throws LinkRateLimitedError. */
  async issue(owner: ChannelIdentity): Promise<{ code: string; expiresAt: Date }> {
    const ownerKey = identityKeyOf(owner);
    if ((await this.record('issue', ownerKey, HOUR)) > this.maxIssues) throw new LinkRateLimitedError();
    const now = this.now();
    const expiresAt = new Date(now.getTime() + this.ttlMs);
    await this.codes.deleteMany({ ownerKey });
    for (;;) {
      const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
      const _id = hashCode(code);
      await this.codes.deleteOne({ _id, expiresAt: { $lte: now } });
      try {
        await this.codes.insertOne({ _id, owner: { channelId: owner.channelId, userId: owner.userId }, ownerKey, createdAt: now, expiresAt });
        return { code, expiresAt };
      } catch (err) {
        // another live code has these digits: draw again
        if (!(err instanceof DuplicateKeyError)) throw err;
      }
    }
  }

  /** Uses a code for `redeemer`. Only one redeemer can ever get 'ok' for a code. */
  async redeem(code: string, redeemer: ChannelIdentity): Promise<RedeemResult> {
    const key = identityKeyOf(redeemer);
    if ((await this.count('fail', key, this.failureWindowMs)) >= this.maxFailures) return { status: 'rate_limited' };
    const now = this.now();
    const _id = hashCode(code.trim());
    const doc = /^\d{6}$/.test(code.trim()) ? await this.codes.findOne({ _id, expiresAt: { $gt: now } }) : null;
    if (!doc) {
      await this.record('fail', key, this.failureWindowMs);
      return { status: 'invalid' };
    }
    if (doc.ownerKey === key) return { status: 'own_code' };
    // single use: of two concurrent redeemers only one deletes the document
    if ((await this.codes.deleteOne({ _id, ownerKey: doc.ownerKey })) !== 1) return { status: 'invalid' };
    return { status: 'ok', owner: doc.owner };
  }

  /** Adds an event to the identity's window and returns how many fall inside it. */
  private async record(kind: string, identity: string, windowMs: number): Promise<number> {
    const now = this.now();
    const doc = await this.limits.findOneAndUpdate(
      { _id: `${kind}|${identity}` },
      { $push: { events: { $each: [now], $slice: -20 } }, $set: { expiresAt: new Date(now.getTime() + windowMs) } },
      { upsert: true },
    );
    return inWindow(doc?.events ?? [now], now, windowMs);
  }

  private async count(kind: string, identity: string, windowMs: number): Promise<number> {
    const doc = await this.limits.findOne({ _id: `${kind}|${identity}` });
    return inWindow(doc?.events ?? [], this.now(), windowMs);
  }
}

function inWindow(events: Date[], now: Date, windowMs: number): number {
  const since = now.getTime() - windowMs;
  return events.filter((e) => new Date(e).getTime() > since).length;
}
