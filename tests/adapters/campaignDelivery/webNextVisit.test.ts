/**
 * Web chat campaign messages: a page cannot be written to while it is closed, so the message is kept
 * and shown when the customer starts their next conversation — once, after the welcome, in their
 * language — and the campaign hears it was shown. An opt-out before the visit drops it.
 */
import { AppInbox } from '../../../adapters/app';
import { ChannelCampaignDelivery } from '../../../adapters/campaignDelivery';
import { DEFAULT_QUIET_HOURS } from '../../../services/campaigns/rules';
import { ConversationReferences } from '../../../services/customers';
import { silentLogger } from '../../../platform/logger';
import { ADMIN_TOKEN, RunningApp, startTestApp } from '../../helpers/testApp';
import { waitUntil } from '../contract/channelDriver';

const DIRECTLINE_SECRET = 'campaign-web-directline-secret-0123456789';
const auth = { authorization: `Bearer ${DIRECTLINE_SECRET}` };
const msg = (campaignId: string, customerId: string) => ({ campaignId, customerId, text: { zh: '会员日：全场满299减50', en: 'Member day: 50 off over 299' }, kind: 'campaign' as const });

describe('web chat: campaign messages at the next visit', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startTestApp({ DIRECTLINE_SECRET });
  }, 60_000);
  afterAll(() => app.close(1000));

  const delivery = () =>
    new ChannelCampaignDelivery({
      channels: app.channels,
      appInbox: new AppInbox(app.store),
      references: new ConversationReferences(app.store),
      log: app.conversationLog,
      stores: app.outreach,
      // quiet hours at their default: a web visit is shown whatever the hour
      settings: { weeklyCap: 2, quietHours: DEFAULT_QUIET_HOURS },
      logger: silentLogger(),
    });

  /** A visit: a new Direct Line conversation for the user; returns the bot's texts once the welcome is there. */
  const visit = async (userId: string, say?: string) => {
    const started = await app.request('POST', '/v3/directline/conversations', { user: { id: userId } }, auth);
    expect(started.status).toBe(201);
    const { conversationId, token } = started.json;
    const asUser = { authorization: `Bearer ${token}` };
    if (say) expect((await app.request('POST', `/v3/directline/conversations/${conversationId}/activities`, { type: 'message', from: { id: userId }, text: say }, asUser)).status).toBe(200);
    let texts: string[] = [];
    await waitUntil('the bot in the conversation', async () => {
      const log = await app.request('GET', `/v3/directline/conversations/${conversationId}/activities`, undefined, asUser);
      texts = (log.json.activities as { text?: string; from?: { role?: string } }[]).filter((a) => a.from?.role === 'bot').map((a) => a.text ?? '');
      return texts.length > (say ? 1 : 0);
    });
    return texts;
  };

  it('kept when sent, shown once at the next visit, and reported as shown', async () => {
    await visit('camp-web-1', '你好');
    const customerId = (await app.directory.find({ channelId: 'webchat', userId: 'camp-web-1' }))!;
    const shown: string[] = [];
    app.outreach.held.onShown((s) => void shown.push(`${s.campaignId}|${s.customerId}`));

    expect(await delivery().send(msg('camp-web-a', customerId))).toEqual({ status: 'skipped', reason: 'webchat_next_visit', channelId: 'webchat' });
    // sent again by a retried job: still one message kept
    expect(await delivery().send(msg('camp-web-a', customerId))).toEqual({ status: 'skipped', reason: 'webchat_next_visit', channelId: 'webchat' });

    const next = await visit('camp-web-1');
    await waitUntil('the kept message', async () => shown.length > 0);
    expect((await visit('camp-web-1')).filter((t) => t.includes('会员日'))).toEqual([]);
    expect(next.filter((t) => t === '会员日：全场满299减50')).toHaveLength(1);
    expect(shown).toEqual([`camp-web-a|${customerId}`]);
  });

  it('a campaign to a web chat customer reports the message as sent once it was shown at the next visit', async () => {
    const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
    await visit('camp-web-3', '你好');
    const created = await app.post('/api/admin/campaigns', { name: '会员日', type: 'promotion', audience: { channel: 'webchat' }, message: { zh: '会员日：满299减50', en: 'Member day: 50 off over 299' } }, admin);
    expect(created.status).toBe(201);
    const report = async () => (await app.get(`/api/admin/campaigns/${created.json.id}/report`, admin)).json;
    let kept: any;
    await waitUntil('the campaign to finish', async () => (kept = await report()).state === 'done');
    expect(kept.skipped.webchat_next_visit).toBeGreaterThanOrEqual(1);
    const sentBefore = kept.sent;

    expect((await visit('camp-web-3')).filter((t) => t === '会员日：满299减50')).toHaveLength(1);
    let after: any;
    await waitUntil('the shown message to count as sent', async () => (after = await report()).sent === sentBefore + 1);
    expect(after.skipped.webchat_next_visit ?? 0).toBe(kept.skipped.webchat_next_visit - 1);
  });

  it('an opt-out before the visit drops the kept message', async () => {
    await visit('camp-web-2', 'hello');
    const customerId = (await app.directory.find({ channelId: 'webchat', userId: 'camp-web-2' }))!;
    expect((await delivery().send(msg('camp-web-b', customerId))).reason).toBe('webchat_next_visit');
    await app.outreach.optOuts.optOut(customerId);
    expect((await visit('camp-web-2', 'hi')).filter((t) => t.includes('Member day'))).toEqual([]);
    expect(await app.outreach.held.take(customerId)).toEqual([]);
  });
});
