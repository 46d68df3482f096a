/**
 * Campaigns' part of a customer's privacy export and erase: the segment record, the campaign send rows, the
 * opt-out, alert subscriptions, Mini Program consents, messages held for the next web visit and the weekly
 * send log. Erase deletes them (an erased customer drops out of past campaign reports too: the send rows'
 * keys carry the customer id, so they cannot be anonymised in place).
 */
import type { DocumentStore } from '../../storage/documentStore';
import { CAMPAIGN_SEGMENTS, CAMPAIGN_SENDS } from './types';
import { ALERT_SUBSCRIPTIONS } from './rules/alertSubscriptions';
import { MINIPROGRAM_CONSENTS } from './rules/consents';
import { CAMPAIGN_HELD } from './rules/heldMessages';
import { CAMPAIGN_OPT_OUTS } from './rules/optOuts';
import { CAMPAIGN_SEND_LOG } from './rules/sendLog';

/** collections keyed by the customer id itself */
const BY_ID = [CAMPAIGN_SEGMENTS, CAMPAIGN_OPT_OUTS];
/** collections with a customerId field */
const BY_FIELD = [CAMPAIGN_SENDS, ALERT_SUBSCRIPTIONS, MINIPROGRAM_CONSENTS, CAMPAIGN_HELD, CAMPAIGN_SEND_LOG];

export class CampaignCustomerRecords {
  /** `segments`: the live recorder, which must also drop what it still holds in its write buffer */
  constructor(
    private readonly store: DocumentStore,
    private readonly segments?: { eraseCustomer(customerId: string): Promise<number> },
  ) {}

  async exportCustomer(customerId: string): Promise<unknown[]> {
    const out: unknown[] = [];
    for (const name of BY_ID) {
      const doc = await this.store.collection(name).findOne({ _id: customerId });
      if (doc) out.push({ collection: name, ...doc });
    }
    for (const name of BY_FIELD) {
      for (const doc of await this.store.collection(name).find({ customerId })) out.push({ collection: name, ...doc });
    }
    return out;
  }

  async eraseCustomer(customerId: string): Promise<number> {
    let n = this.segments ? await this.segments.eraseCustomer(customerId) : 0;
    for (const name of BY_ID) n += await this.store.collection(name).deleteMany({ _id: customerId });
    for (const name of BY_FIELD) n += await this.store.collection(name).deleteMany({ customerId });
    return n;
  }
}
