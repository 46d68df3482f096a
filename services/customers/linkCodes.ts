/**
 * One-time codes that join a customer's identities across channels: "绑定" on one channel issues a
 * 6-digit code (valid 10 minutes); sending it on another channel proves both identities belong to the
 * same person. Codes are stored hashed and used once.
 *
 * A 6-digit space must not be guessable, and fresh identities cost an attacker nothing (the app channel
 * takes any user id), so guessing is limited on four levels, all held in the store (every instance
 * sees them): failures per identity, per source address (when the channel knows it) and for everyone,
 * and per code: every failed guess made while a code is live counts against that code (a guess names
 * no target), and a code that has seen `lockAfterFailures` of them stops working — its owner asks
 * for a new one. So no code is ever tried more than `lockAfterFailures` times: the odds of guessing a
 * given code in its lifetime are at most lockAfterFailures / 1,000,000 (README.md, Security).
 */
import crypto from 'node:crypto';
import { DocumentStore, DuplicateKeyError } from '../../storage/documentStore';
import { addressBucket } from '../../platform/clientAddress';
import { FailureThrottle, ThrottleRule } from '../throttle/failureThrottle';
import type { ChannelIdentity } from './customerDirectory';

interface LinkCodeDoc {
  _id: string; // hash of the code
  owner: ChannelIdentity;
  ownerKey: string;
  createdAt: Date;
  expiresAt: Date;
  /** guesses charged against this code while it was live; at more than lockAfterFailures it is locked */
  failures: number;
}

interface RateDoc {
  _id: string; // `${kind}|${identity}`
  events: Date[];
  expiresAt: Date;
}

export interface LinkCodeOptions {
  ttlMs?: number;
  maxIssuesPerHour?: number;
  /** wrong codes per identity per failureWindowMs */
  maxFailures?: number;
  failureWindowMs?: number;
  /** wrong codes per source address per failureWindowMs */
  maxFailuresPerAddress?: number;
  /** wrong codes from everyone together per failureWindowMs */
  maxFailuresGlobal?: number;
  /** a code that has seen this many wrong guesses while live stops working */
  lockAfterFailures?: number;
  now?: () => Date;
}

export type RedeemResult =
  | { status: 'ok'; owner: ChannelIdentity }
  /** no such code, already used, expired, or locked after too many guesses (not told apart: no oracle) */
  | { status: 'invalid' }
  /** the code was issued to this same identity */
  | { status: 'own_code' }
  | { status: 'rate_limited'; retryAfterSeconds: number };

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
  private readonly lockAfter: number;
  private readonly addressRule: ThrottleRule;
  private readonly globalRule: ThrottleRule;
  private readonly throttle: FailureThrottle;
  private readonly now: () => Date;

  constructor(
    private readonly store: DocumentStore,
    options: LinkCodeOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 10 * 60 * 1000;
    this.maxIssues = options.maxIssuesPerHour ?? 5;
    this.maxFailures = options.maxFailures ?? 5;
    this.failureWindowMs = options.failureWindowMs ?? 10 * 60 * 1000;
    this.lockAfter = options.lockAfterFailures ?? 10;
    this.addressRule = { scope: 'link-address', limit: options.maxFailuresPerAddress ?? 10, windowMs: this.failureWindowMs };
    this.globalRule = { scope: 'link-global', limit: options.maxFailuresGlobal ?? 200, windowMs: this.failureWindowMs };
    this.now = options.now ?? (() => new Date());
    this.throttle = new FailureThrottle(store, () => this.now().getTime());
  }

  static async ensureIndexes(store: DocumentStore): Promise<void> {
    await store.ensureIndex('linkCodes', { fields: { expiresAt: 1 }, expireAfterSeconds: 0 });
    await store.ensureIndex('linkCodeLimits', { fields: { expiresAt: 1 }, expireAfterSeconds: 0 });
    await FailureThrottle.ensureIndexes(store);
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
        await this.codes.insertOne({ _id, owner: { channelId: owner.channelId, userId: owner.userId }, ownerKey, createdAt: now, expiresAt, failures: 0 });
        return { code, expiresAt };
      } catch (err) {
        // another live code has these digits: draw again
        if (!(err instanceof DuplicateKeyError)) throw err;
      }
    }
  }

  /**
   * Uses a code for `redeemer`, who wrote from `sourceAddress` when the channel knows it. Only one
   * redeemer can ever get 'ok' for a code.
   *
   * Every attempt is charged (to the address, to everyone, to every live code) before the code is
   * looked up, and the charges are taken back when it succeeds: checking first and counting after
   * would let a burst of concurrent guesses all pass the check.
   */
  async redeem(code: string, redeemer: ChannelIdentity, sourceAddress?: string): Promise<RedeemResult> {
    const key = identityKeyOf(redeemer);
    const identityWait = await this.identityWait(key);
    if (identityWait > 0) return { status: 'rate_limited', retryAfterSeconds: identityWait };
    const levels: [ThrottleRule, string][] = sourceAddress ? [[this.addressRule, addressBucket(sourceAddress)]] : [];
    levels.push([this.globalRule, 'all']);
    // a blocked sender is turned away with one read (most of a guessing run is refused here)
    for (const level of levels) {
      const wait = await this.throttle.blockedFor(...level);
      if (wait > 0) return { status: 'rate_limited', retryAfterSeconds: wait };
    }
    for (let i = 0; i < levels.length; i++) {
      const wait = await this.throttle.fail(...levels[i]);
      if (wait > 0) {
        // refused attempts are not guesses: take back what this attempt was charged so far
        for (const level of levels.slice(0, i + 1)) await this.throttle.forgive(...level);
        return { status: 'rate_limited', retryAfterSeconds: wait };
      }
    }
    const trimmed = code.trim();
    const now = this.now();
    const wellFormed = /^\d{6}$/.test(trimmed);
    if (wellFormed) await this.codes.updateMany({ expiresAt: { $gt: now } }, { $inc: { failures: 1 } });
    const usable = { _id: hashCode(trimmed), expiresAt: { $gt: now }, failures: { $lte: this.lockAfter } };
    const doc = wellFormed ? await this.codes.findOne(usable) : null;
    if (doc?.ownerKey === key) {
      await this.refund(levels, now);
      return { status: 'own_code' };
    }
    // single use: of two concurrent redeemers only one deletes the document
    if (doc && (await this.codes.deleteOne({ ...usable, ownerKey: doc.ownerKey })) === 1) {
      await this.refund(levels, now);
      return { status: 'ok', owner: doc.owner };
    }
    if (!doc) await this.record('fail', key, this.failureWindowMs);
    return { status: 'invalid' };
  }

  /**
   * Takes back an attempt's charges: it was no wrong guess. Codes issued after the charge were never
   * charged and are left alone (one issued in the very same millisecond may get one guess more).
   */
  private async refund(levels: [ThrottleRule, string][], chargedAt: Date): Promise<void> {
    for (const level of levels) await this.throttle.forgive(...level);
    await this.codes.updateMany({ expiresAt: { $gt: chargedAt }, createdAt: { $lte: chargedAt }, failures: { $gt: 0 } }, { $inc: { failures: -1 } });
  }

  /** Seconds until the identity's oldest failure in the window leaves it, when it has too many. */
  private async identityWait(key: string): Promise<number> {
    const doc = await this.limits.findOne({ _id: `fail|${key}` });
    const now = this.now().getTime();
    const recent = (doc?.events ?? []).map((e) => new Date(e).getTime()).filter((t) => t > now - this.failureWindowMs);
    if (recent.length < this.maxFailures) return 0;
    return Math.max(1, Math.ceil((Math.min(...recent) + this.failureWindowMs - now) / 1000));
  }

  /** Privacy export: the live codes these identities asked for (their digits are not kept, only when). */
  async exportIdentities(identities: ChannelIdentity[]): Promise<{ owner: ChannelIdentity; createdAt: Date; expiresAt: Date }[]> {
    const docs = await this.codes.find({ ownerKey: { $in: identities.map(identityKeyOf) } });
    return docs.map((d) => ({ owner: d.owner, createdAt: d.createdAt, expiresAt: d.expiresAt }));
  }

  /** Privacy erase: the identities' codes and their rate-limit windows (keyed by the identity). */
  async eraseIdentities(identities: ChannelIdentity[]): Promise<number> {
    const keys = identities.map(identityKeyOf);
    const codes = await this.codes.deleteMany({ ownerKey: { $in: keys } });
    const limits = await this.limits.deleteMany({ _id: { $in: keys.flatMap((k) => [`issue|${k}`, `fail|${k}`]) } });
    return codes + limits;
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
}

function inWindow(events: Date[], now: Date, windowMs: number): number {
  const since = now.getTime() - windowMs;
  return events.filter((e) => new Date(e).getTime() > since).length;
}
