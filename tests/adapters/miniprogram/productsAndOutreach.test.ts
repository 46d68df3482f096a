/**
 * The Mini Program with the real NLU and the demo store: a shared product page makes "this one" that
 * product; product cards open the product's page (the card picture uploaded once, shared through the
 * store); agents reach the customer within WeChat's 48 hours; campaigns go out as subscription messages,
 * one per consent; a refused access token is replaced once.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppInbox } from '../../../adapters/app';
import { ChannelCampaignDelivery } from '../../../adapters/campaignDelivery';
import { ChannelDelivery } from '../../../adapters/delivery';
import { MINIPROGRAM_INBOX } from '../../../adapters/miniprogram';
import { silentLogger } from '../../../platform/logger';
import { DEFAULT_QUIET_HOURS } from '../../../services/campaigns/rules';
import { ConversationReferences } from '../../../services/customers';
import { RunningApp, startTestApp } from '../../helpers/testApp';
import { waitUntil } from '../contract/channelDriver';
import { FakeMiniProgramApi, startFakeMiniProgramApi } from './fakeMiniProgramApi';
import { MP_APP_ID, MP_APP_SECRET, mpEnv, pagePush, Push, pushTo, textPush } from './miniProgramTestKit';

describe('Mini Program: products, agents and campaigns', () => {
  let app: RunningApp;
  let fake: FakeMiniProgramApi;
  let dir: string;
  beforeAll(async () => {
    fake = await startFakeMiniProgramApi(MP_APP_ID, MP_APP_SECRET);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-test-'));
    fs.writeFileSync(path.join(dir, 'thumb.png'), Buffer.from('png-bytes'));
    const env = mpEnv(fake.url, { MINIPROGRAM_PRODUCT_PAGE: 'pages/product/index?id={id}', MINIPROGRAM_CARD_THUMB: path.join(dir, 'thumb.png'), MINIPROGRAM_TEMPLATE_ID: 'tpl-restock' });
    app = await startTestApp({ DEMO_DATA: 'true', ...env });
  }, 60_000);
  afterAll(async () => {
    await app.close(1000);
    await fake.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** pushes and returns what the customer received for it, once the message is done */
  const say = async (openid: string, push: Push) => {
    const before = fake.sends.length;
    expect((await pushTo(app.url, push)).text).toBe('success');
    await waitUntil('the message to be done', async () => (await app.store.collection<{ _id: string; status: string }>(MINIPROGRAM_INBOX).findOne({ _id: `m:${push.MsgId}` }))?.status === 'done');
    return fake.sendsTo(openid, before).map((s) => s.body);
  };
  const texts = (bodies: any[]) => bodies.map((b) => b.text?.content ?? b.miniprogrampage?.title ?? b.link?.title ?? '').join('\n');

  it('a reply of "2" after a numbered list is the second choice', async () => {
    const openid = 'mp-numbered-1';
    const asked = texts(await say(openid, textPush(openid, '推荐一款保湿面霜')));
    const line = /^2\. (.+)$/m.exec(asked);
    expect(line).not.toBeNull();
    const picked = texts(await say(openid, textPush(openid, '2')));
    // the dialog took the second choice (it moves on to the next question) instead of asking the skin type again
    expect(picked).not.toMatch(/肤质/);
    expect(picked.length).toBeGreaterThan(0);
  });

  it('a shared product page makes "this one" that product, and its card opens the product page', async () => {
    const openid = 'mp-shopper-1';
    const shared = await say(openid, pagePush(openid, '限时特惠 好物推荐', 'pages/product/index?id=sk-0001&from=share'));
    expect(texts(shared)).toMatch(/雅诗兰黛|小棕瓶|Advanced Night Repair/);
    const price = await say(openid, textPush(openid, '这个多少钱'));
    expect(texts(price)).toMatch(/1020/);
    const card = [...shared, ...price].find((b) => b.msgtype === 'miniprogrampage');
    expect(card?.miniprogrampage).toMatchObject({ pagepath: 'pages/product/index?id=sk-0001', thumb_media_id: 'thumb-1' });
    const more = await say(openid, textPush(openid, '推荐一款保湿面霜，干皮，300以内，滋润'));
    expect(more.length).toBeGreaterThan(0);
    expect(fake.uploads).toHaveLength(1); // the picture is uploaded once and reused
  });

  it('an agent’s reply reaches the customer within 48 hours of their last Mini Program message, not after', async () => {
    const openid = 'mp-agent-1';
    await say(openid, textPush(openid, '你好'));
    const customerId = (await app.directory.find({ channelId: 'miniprogram', userId: openid }))!;
    const before = fake.sends.length;
    expect(await app.delivery.deliver(customerId, { kind: 'agent', text: '您好，我是客服小美，您的问题已经处理好了' })).toEqual({ channelId: 'miniprogram', delivered: true });
    expect(fake.sendsTo(openid, before).map((s) => s.body.text.content)).toEqual(['您好，我是客服小美，您的问题已经处理好了']);
 
    // 49 hours later WeChat would refuse it: the agent is told, nothing is sent
    const later = new ChannelDelivery({ channels: app.channels, references: new ConversationReferences(app.store), log: app.conversationLog, logger: silentLogger(), now: () => Date.now() + 49 * 3600_000 });
    expect(await later.deliver(customerId, { kind: 'agent', text: '还在吗？' })).toEqual({ channelId: 'miniprogram', delivered: false, reason: 'wechat_window_closed' });
    expect(fake.sendsTo(openid, before)).toHaveLength(1);
  });

  it('a campaign message goes out as a subscription message only while a consent is left', async () => {
    const openid = 'mp-campaign-1';
    await say(openid, textPush(openid, '你好'));
    const customerId = (await app.directory.find({ channelId: 'miniprogram', userId: openid }))!;
    // the channel's own sender, as index.ts hands it to campaign delivery
    const delivery = new ChannelCampaignDelivery({
      channels: { ...app.channels, miniProgram: app.channels.miniprogram!.sender },
      appInbox: new AppInbox(app.store),
      references: new ConversationReferences(app.store),
      log: app.conversationLog,
      stores: app.outreach,
      settings: { weeklyCap: 5, quietHours: { ...DEFAULT_QUIET_HOURS, start: 0, end: 0 } },
      logger: silentLogger(),
    });
    const send = (id: string) => delivery.send({ campaignId: id, customerId, text: { zh: '亲，您关注的雅诗兰黛小棕瓶精华到货啦，限时八折', en: 'Back in stock' }, kind: 'campaign' });
    expect(await send('c-1')).toMatchObject({ status: 'skipped', reason: 'miniprogram_no_consent' });
    await app.outreach.consents.grant(customerId, 'tpl-restock');
    expect(await send('c-2')).toMatchObject({ status: 'sent', channelId: 'miniprogram' });
    expect(fake.subscribes.map((s) => s.body)).toEqual([{ touser: openid, template_id: 'tpl-restock', data: { thing1: { value: expect.stringMatching(/^亲，您关注的雅诗兰黛.*…$/) } } }]);
    expect(await send('c-3')).toMatchObject({ status: 'skipped', reason: 'miniprogram_no_consent' });
  });

  it('replaces an access token WeChat refuses (40001) once, and the message still arrives', async () => {
    const openid = 'mp-token-1';
    const tokensBefore = fake.tokenRequests;
    fake.rejectNextWithInvalidToken(1);
    const replies = await say(openid, textPush(openid, '你好'));
    expect(texts(replies)).toMatch(/您好/);
    expect(fake.tokenRequests).toBe(tokensBefore + 1);
  });
});
