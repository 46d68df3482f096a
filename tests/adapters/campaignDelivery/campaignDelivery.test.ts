/**
 * Campaign messages with the channel rules, against the real app and local fakes of WeChat and
 * Telegram, checking what arrives: the app inbox gets the message; opt-out, the weekly cap and quiet
 * hours stop it with the reason; WeChat's 48-hour window and its 5 messages, the template fallback,
 * 45015/45047 recorded; Telegram 429 rescheduled by its retry_after; Mini Program consents.
 */
import { AppInbox } from '../../../adapters/app';
import { ChannelCampaignDelivery, MINIPROGRAM_CHANNEL_ID, MiniProgramSender } from '../../../adapters/campaignDelivery';
import { DEFAULT_QUIET_HOURS, RuleSettings } from '../../../services/campaigns/rules';
import { ConversationReferences } from '../../../services/customers';
import { silentLogger } from '../../../platform/logger';
import { RunningApp, startTestApp } from '../../helpers/testApp';
import { waitUntil } from '../contract/channelDriver';
import { FakeBotApi, startFakeBotApi } from '../telegram/fakeBotApi';
import { textUpdate, user as telegramUser } from '../telegram/sampleUpdates';
import { BOT_TOKEN, deliver, SECRET } from '../telegram/telegramHelpers';
import { FakeWeChatApi, startFakeWeChatApi } from '../wechat/fakeWeChatApi';
import { APP_ID, APP_SECRET, plaintextEnv, push, withText } from '../wechat/wechatTestKit';

/** quiet hours off (start = end) unless a test is about them: these tests run at any hour */
const noQuiet = { ...DEFAULT_QUIET_HOURS, start: 0, end: 0 };
const H = 3600_000;
let seq = 0;
const campaign = (customerId: string, id = `camp-${++seq}`) => ({ campaignId: id, customerId, text: { zh: '新品口红上市，全场8折', en: 'New lipsticks are in: 20% off' }, kind: 'campaign' as const });

describe('campaign delivery with the channel rules', () => {
  let app: RunningApp;
  let wechat: FakeWeChatApi;
  let telegram: FakeBotApi;

  beforeAll(async () => {
    wechat = await startFakeWeChatApi(APP_ID, APP_SECRET);
    telegram = await startFakeBotApi(BOT_TOKEN);
    app = await startTestApp({ ...plaintextEnv(wechat.url), TELEGRAM_BOT_TOKEN: BOT_TOKEN, TELEGRAM_WEBHOOK_SECRET: SECRET, TELEGRAM_API_ROOT: telegram.url });
  }, 60_000);
  afterAll(async () => {
    await app.close(1000);
    await wechat.close();
    await telegram.close();
  });

  const delivery = (settings: Partial<RuleSettings> = {}, miniProgram?: MiniProgramSender) =>
    new ChannelCampaignDelivery({
      channels: { ...app.channels, miniProgram },
      appInbox: new AppInbox(app.store),
      references: new ConversationReferences(app.store),
      log: app.conversationLog,
      stores: app.outreach,
      settings: { weeklyCap: 2, quietHours: noQuiet, ...settings },
      logger: silentLogger(),
    });
  const customerOf = async (channelId: string, userId: string) => {
    const id = await app.directory.find({ channelId, userId });
    if (!id) throw new Error(`${userId} is not a ${channelId} customer`);
    return id;
  };
  const inboxTexts = async (userId: string) => ((await app.get(`/api/app/messages?userId=${userId}`)).json.replies as { text?: string; name?: string }[]).filter((a) => a.name === 'campaign').map((a) => a.text);
  const appCustomer = async (userId: string, text = '你好') => {
    await app.say(userId, text);
    return customerOf('app', userId);
  };
  const wechatCustomer = async (openid: string) => {
    expect((await push(app, withText('你好', String(7700000000000000 + ++seq), openid))).status).toBe(200);
    const id = await customerOf('wechat', openid);
    await waitUntil('the WeChat message in the log', async () => Boolean(await app.conversationLog.lastCustomerMessage(id, 'wechat')));
    return id;
  };

  it('app: the message waits in the app inbox, in the customer language', async () => {
    const zh = await appCustomer('camp-app-zh');
    const en = await appCustomer('camp-app-en', 'hello there');
    expect(await delivery().send(campaign(zh))).toEqual({ status: 'sent', channelId: 'app' });
    expect(await delivery().send(campaign(en))).toEqual({ status: 'sent', channelId: 'app' });
    expect(await inboxTexts('camp-app-zh')).toEqual(['新品口红上市，全场8折']);
    expect(await inboxTexts('camp-app-en')).toEqual(['New lipsticks are in: 20% off']);
  });

  it('the same message sent again (a retried job) does not arrive twice', async () => {
    const id = await appCustomer('camp-app-again');
    const msg = campaign(id);
    await delivery().send(msg);
    expect(await delivery().send(msg)).toEqual({ status: 'sent', channelId: 'app' });
    expect(await inboxTexts('camp-app-again')).toHaveLength(1);
  });

  it('opt-out stops the message with the reason', async () => {
    const id = await appCustomer('camp-optout');
    await app.outreach.optOuts.optOut(id);
    expect(await delivery().send(campaign(id))).toEqual({ status: 'skipped', reason: 'opted_out' });
    expect(await inboxTexts('camp-optout')).toEqual([]);
  });

  it('the weekly cap stops the third message of the week', async () => {
    const id = await appCustomer('camp-cap');
    expect((await delivery().send(campaign(id))).status).toBe('sent');
    expect((await delivery().send(campaign(id))).status).toBe('sent');
    expect(await delivery().send(campaign(id))).toEqual({ status: 'skipped', reason: 'frequency_cap', channelId: 'app' });
    expect(await inboxTexts('camp-cap')).toHaveLength(2);
    // a week later there is room again
    expect((await delivery().send(campaign(id), new Date(Date.now() + 7 * 24 * H + 60_000))).status).toBe('sent');
  });

  it('quiet hours: deferred to 08:00 in the customer zone, nothing arrives at night', async () => {
    const id = await appCustomer('camp-quiet');
    const night = new Date(Date.UTC(2030, 2, 1, 15, 30)); // 23:30 in Shanghai
    const outcome = await delivery({ quietHours: DEFAULT_QUIET_HOURS }).send(campaign(id), night);
    expect(outcome).toEqual({ status: 'skipped', reason: 'quiet_hours', channelId: 'app', retryAt: new Date(Date.UTC(2030, 2, 2, 0, 0)) });
    expect(await inboxTexts('camp-quiet')).toEqual([]);
    // tried again at 08:00 it goes out, and the deferred one did not use up the week's cap
    expect((await delivery({ quietHours: DEFAULT_QUIET_HOURS }).send(campaign(id), outcome.retryAt)).status).toBe('sent');
    expect((await delivery({ quietHours: DEFAULT_QUIET_HOURS }).send(campaign(id), outcome.retryAt)).status).toBe('sent');
  });

  it('a customer who never wrote anywhere has no channel', async () => {
    expect(await delivery().send(campaign('nobody'))).toEqual({ status: 'skipped', reason: 'no_channel' });
  });

  it('never rings a caller or messages a live-room viewer: such a customer has no channel for campaigns', async () => {
    const references = new ConversationReferences(app.store);
    for (const channelId of ['voice', 'live']) {
      const customerId = `camp-only-${channelId}`;
      await references.remember(customerId, channelId, { channelId, user: { id: `${channelId}-user`, name: '' }, conversation: { id: `${channelId}:x`, isGroup: false, conversationType: 'personal', name: '' }, bot: { id: 'bot', name: 'bot' }, serviceUrl: `${channelId}://` });
      expect(await delivery().send(campaign(customerId))).toEqual({ status: 'skipped', reason: 'no_channel' });
    }
  });

  describe('WeChat', () => {
    it('within 48 hours: a customer-service message; after: skipped, or the template when configured', async () => {
      const id = await wechatCustomer('openid-camp-48');
      const before = wechat.sends.length;
      expect(await delivery().send(campaign(id))).toEqual({ status: 'sent', channelId: 'wechat' });
      expect(wechat.sends.slice(before).map((s) => s.body)).toEqual([{ touser: 'openid-camp-48', msgtype: 'text', text: { content: '新品口红上市，全场8折' } }]);

      const later = new Date(Date.now() + 49 * H);
      expect(await delivery().send(campaign(id), later)).toEqual({ status: 'skipped', reason: 'wechat_window_closed', channelId: 'wechat' });
      expect(wechat.sends.length).toBe(before + 1);

      const templates = wechat.templates.length;
      expect(await delivery({ wechatTemplateId: 'tpl-campaign-001' }).send(campaign(id), later)).toEqual({ status: 'sent', reason: 'wechat_template', channelId: 'wechat' });
      expect(wechat.templates.slice(templates).map((t) => t.body)).toEqual([{ touser: 'openid-camp-48', template_id: 'tpl-campaign-001', data: { content: { value: '新品口红上市，全场8折' } } }]);
      expect(wechat.sends.length).toBe(before + 1);
    });

    it('at most 5 customer-service messages in one window, then the template or a skip', async () => {
      const id = await wechatCustomer('openid-camp-five');
      const before = wechat.sends.length;
      for (let i = 0; i < 5; i++) expect((await delivery({ weeklyCap: 20 }).send(campaign(id))).status).toBe('sent');
      expect(await delivery({ weeklyCap: 20 }).send(campaign(id))).toEqual({ status: 'skipped', reason: 'wechat_window_full', channelId: 'wechat' });
      expect(wechat.sends.length).toBe(before + 5);
      expect(await delivery({ weeklyCap: 20, wechatTemplateId: 'tpl-campaign-001' }).send(campaign(id))).toMatchObject({ status: 'sent', reason: 'wechat_template' });
      // the customer writes again: a new window opens
      await push(app, withText('还有别的颜色吗', String(7700000000000000 + ++seq), 'openid-camp-five'));
      await waitUntil('the new message in the log', async () => (await app.conversationLog.lastCustomerMessage(id, 'wechat'))?.text === '还有别的颜色吗');
      expect(await delivery({ weeklyCap: 20 }).send(campaign(id), new Date(Date.now() + 1000))).toEqual({ status: 'sent', channelId: 'wechat' });
    });

    it('errcodes 45015 and 45047 are recorded as the reason and not retried', async () => {
      const id = await wechatCustomer('openid-camp-45015');
      const before = wechat.sends.length;
      wechat.refuseNextSends(45015);
      const refused = await delivery({ weeklyCap: 20 }).send(campaign(id));
      expect(refused).toEqual({ status: 'skipped', reason: 'wechat_45015', channelId: 'wechat' });
      wechat.refuseNextSends(45047);
      expect(await delivery({ weeklyCap: 20 }).send(campaign(id))).toEqual({ status: 'skipped', reason: 'wechat_45047', channelId: 'wechat' });
      expect(wechat.sends.length).toBe(before);
      // nothing was counted for the refused ones: the next message goes out
      expect((await delivery({ weeklyCap: 20 }).send(campaign(id))).status).toBe('sent');
      expect(wechat.sends.length).toBe(before + 1);
    });
  });

  describe('Telegram', () => {
    const from = { ...telegramUser, id: 6012345678, username: 'camp_tg' };
    const chat = { id: 6012345678, first_name: 'Mei', type: 'private' };

    it('any time of day; a 429 comes back with its retry_after instead of waiting', async () => {
      expect((await deliver(app, textUpdate(880001, 'hi', from, chat))).status).toBe(200);
      // the bot's own answer to "hi" goes out first, so the flood below meets the campaign message
      await telegram.waitFor((calls) => calls.some((c) => c.method === 'sendMessage' && c.params.chat_id === String(chat.id)), 20_000);
      const id = await customerOf('telegram', String(from.id));
      const night = new Date(Date.UTC(2030, 2, 1, 15, 30)); // quiet hours apply to every channel but a web visit
      expect((await delivery({ quietHours: DEFAULT_QUIET_HOURS }).send(campaign(id), night)).reason).toBe('quiet_hours');

      const now = new Date();
      telegram.floodNext(1, 30);
      const msg = campaign(id);
      expect(await delivery().send(msg, now)).toEqual({ status: 'failed', reason: 'telegram_429', channelId: 'telegram', retryAt: new Date(now.getTime() + 30_000) });
      expect(telegram.of('sendMessage').filter((c) => c.params.chat_id === String(chat.id) && c.params.text === msg.text.en)).toEqual([]);
      expect(await delivery().send(msg, new Date(now.getTime() + 31_000))).toEqual({ status: 'sent', channelId: 'telegram' });
      expect(telegram.of('sendMessage').filter((c) => c.params.chat_id === String(chat.id) && c.params.text === msg.text.en)).toHaveLength(1);
    });
  });

  it('Mini Program: one message per one-time consent', async () => {
    const id = await appCustomer('camp-mp');
    // the Mini Program channel arrives with issue 14: its reference is written as a turn would
    const reference = { channelId: MINIPROGRAM_CHANNEL_ID, user: { id: 'mp-openid', name: '' }, conversation: { id: 'miniprogram:mp-openid' }, bot: { id: 'bot', name: 'bot' }, serviceUrl: '' };
    await new ConversationReferences(app.store).remember(id, MINIPROGRAM_CHANNEL_ID, reference);
    app.conversationLog.append({ customerId: id, at: new Date(), channelId: MINIPROGRAM_CHANNEL_ID, from: 'customer', text: '你好', lang: 'zh' });
    await app.conversationLog.flush();
    expect(await delivery().send(campaign(id))).toEqual({ status: 'skipped', reason: 'miniprogram_no_consent', channelId: MINIPROGRAM_CHANNEL_ID });
    const sent: string[] = [];
    const sender: MiniProgramSender = { templateId: 'mp-tpl', send: async (openid, text) => void sent.push(`${openid}:${text}`) };
    await app.outreach.consents.grant(id, 'mp-tpl', 1);
    expect(await delivery({ weeklyCap: 20 }, sender).send(campaign(id))).toEqual({ status: 'sent', channelId: MINIPROGRAM_CHANNEL_ID });
    expect(await delivery({ weeklyCap: 20 }, sender).send(campaign(id))).toEqual({ status: 'skipped', reason: 'miniprogram_no_consent', channelId: MINIPROGRAM_CHANNEL_ID });
    expect(sent).toEqual(['mp-openid:新品口红上市，全场8折']);
  });
});
