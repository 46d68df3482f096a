/**
 * The Official Account customer's WeChat unionid, which makes them the same customer as on the Mini
 * Program (and any other app of the shop's Open Platform account). WeChat only tells it through
 * cgi-bin/user/info (the push itself carries the openid only), and only when the account is bound to an
 * Open Platform account. Before an openid's turn the unionid is looked up once and attached as a verified
 * proof (VerifiedIdentities.attach, outside the turn); the answer is remembered in memory and in the store
 * for a day (collection `wechatUnionIds`: the openid and whether it had a unionid — never the unionid), so
 * the next turns pay nothing. The lookup never holds a turn more than ~1 s: a late answer is attached
 * before that customer's next turn; a failure is retried after a few minutes.
 */
import type { Logger } from '../../platform/logger';
import type { ChannelIdentity } from '../../services/customers/customerDirectory';
import type { CustomerRecords } from '../../services/privacy/customerExport';
import type { VerifiedIdentities } from '../../services/customers/verifiedIdentities';
import type { DocumentStore } from '../../storage/documentStore';
import { WECHAT_CHANNEL_ID } from './toActivity';
import { WeChatApiError, type WeChatApi } from './wechatApi';

export const UNIONID_COLLECTION = 'wechatUnionIds';
const KEEP_MS = 24 * 3600 * 1000;
const RETRY_AFTER_FAILURE_MS = 5 * 60 * 1000;
const MAX_REMEMBERED = 20_000;
/** 48001: this account may not call user/info (unverified) — nothing to look up, ever */
const NOT_ALLOWED = 48001;

interface CheckedDoc {
  _id: string;
  hasUnionId: boolean;
  checkedAt: Date;
}

type Lookup = { cached: true } | { cached: false; unionid?: string };

export interface UnionIdOptions {
  api: Pick<WeChatApi, 'query'>;
  store: DocumentStore;
  verified: Pick<VerifiedIdentities, 'attach'>;
  logger: Logger;
  /** how long a turn waits for the lookup (ms) */
  waitMs?: number;
  now?: () => number;
}

export class WeChatUnionIds {
  /** openid → until when nothing needs doing for it */
  private readonly settled = new Map<string, number>();
  private readonly lookups = new Map<string, Promise<Lookup>>();
  private indexed?: Promise<void>;
  private disabled = false;
  private readonly waitMs: number;
  private readonly now: () => number;

  constructor(private readonly o: UnionIdOptions) {
    this.waitMs = o.waitMs ?? 1000;
    this.now = o.now ?? Date.now;
  }

  /** Before the openid's turn: attach its unionid when WeChat tells it in time. Never throws. */
  async beforeTurn(openid: string): Promise<void> {
    if (this.disabled || (this.settled.get(openid) ?? 0) > this.now()) return;
    let lookup = this.lookups.get(openid);
    if (!lookup) {
      lookup = this.lookUp(openid);
      lookup.catch(() => undefined); // seen by whichever turn consumes it
      this.lookups.set(openid, lookup);
      // answers nobody came back for (the customer wrote once) must not pile up
      if (this.lookups.size > MAX_REMEMBERED) this.lookups.delete(this.lookups.keys().next().value!);
    }
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(resolve, this.waitMs, 'late')));
    const outcome = await Promise.race([lookup.then((found) => ({ found }), (error: unknown) => ({ error })), late]);
    clearTimeout(timer);
    if (outcome === 'late') return; // kept in `lookups`: the next turn finds it answered
    this.lookups.delete(openid);
    if ('error' in outcome) return this.failed(openid, outcome.error);
    try {
      const found = outcome.found;
      if (!found.cached && found.unionid) await this.o.verified.attach({ channelId: WECHAT_CHANNEL_ID, userId: openid }, { kind: 'unionid', value: found.unionid });
      if (!found.cached) await this.checked().updateOne({ _id: openid }, { $set: { hasUnionId: Boolean(found.unionid), checkedAt: new Date(this.now()) } }, { upsert: true });
      this.remember(openid, this.now() + KEEP_MS);
    } catch (err) {
      this.failed(openid, err);
    }
  }

  /** The store's answer from the last day, else WeChat's. */
  private async lookUp(openid: string): Promise<Lookup> {
    this.indexed ??= this.o.store.ensureIndex(UNIONID_COLLECTION, { fields: { checkedAt: 1 }, expireAfterSeconds: KEEP_MS / 1000 });
    await this.indexed;
    const seen = await this.checked().findOne({ _id: openid });
    if (seen && seen.checkedAt.getTime() + KEEP_MS > this.now()) return { cached: true };
    const info = await this.o.api.query('user/info', '/cgi-bin/user/info', { openid, lang: 'zh_CN' }, 5000);
    const unionid = typeof info.unionid === 'string' && info.unionid.trim() ? info.unionid.trim() : undefined;
    return { cached: false, unionid };
  }

  private failed(openid: string, err: unknown): void {
    const e = err as Error & { errcode?: number };
    if (err instanceof WeChatApiError && err.errcode === NOT_ALLOWED) {
      this.disabled = true;
      this.o.logger.warn({ errcode: e.errcode }, 'WeChat user/info is not allowed for this account (48001): unionid linking is off');
      return;
    }
    this.o.logger.warn({ err: { name: e.name, message: e.message, errcode: e.errcode }, openid }, 'WeChat unionid lookup failed; the turn goes on');
    this.remember(openid, this.now() + RETRY_AFTER_FAILURE_MS);
  }

  private remember(openid: string, until: number): void {
    this.settled.delete(openid);
    this.settled.set(openid, until);
    // the oldest entry goes first (insertion order): it is only asked again
    if (this.settled.size > MAX_REMEMBERED) this.settled.delete(this.settled.keys().next().value!);
  }

  private checked() {
    return this.o.store.collection<CheckedDoc>(UNIONID_COLLECTION);
  }
}

/**
 * The privacy export and erasure of these lookups: the rows of the customer's WeChat openids (an openid is
 * pseudonymous personal data). Erased before the identities themselves, which is how the openids are found.
 */
export function unionIdChecks(store: DocumentStore, identitiesOf: (customerId: string) => Promise<ChannelIdentity[]>): CustomerRecords {
  const checks = store.collection<CheckedDoc>(UNIONID_COLLECTION);
  const openids = async (customerId: string) => (await identitiesOf(customerId)).filter((i) => i.channelId === WECHAT_CHANNEL_ID).map((i) => i.userId);
  return {
    async exportCustomer(customerId) {
      const ids = await openids(customerId);
      return ids.length === 0 ? [] : checks.find({ _id: { $in: ids } });
    },
    async eraseCustomer(customerId) {
      const ids = await openids(customerId);
      return ids.length === 0 ? 0 : checks.deleteMany({ _id: { $in: ids } });
    },
  };
}
