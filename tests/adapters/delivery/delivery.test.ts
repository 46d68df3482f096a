/**
 * Delivery to a customer outside their own turn (agent replies, notices, the CSAT question), on the
 * channel they wrote on last: the Emulator's serviceUrl, the open Direct Line conversation, WeChat's
 * customer-service API inside its 48-hour window and not after it.
 */
import { ChannelDelivery, WECHAT_WINDOW_MS } from '../../../adapters/delivery';
import { ConversationReferences } from '../../../services/customers';
import { ReplySink, startReplySink } from '../../helpers/replySink';
import { RunningApp, startTestApp } from '../../helpers/testApp';
import { silentLogger } from '../../../platform/logger';
import { emulatorActivity } from '../botframework/emulatorActivity';
import { waitUntil } from '../contract/channelDriver';
import { FakeWeChatApi, startFakeWeChatApi } from '../wechat/fakeWeChatApi';
import { APP_ID, APP_SECRET, plaintextEnv, push, withText } from '../wechat/wechatTestKit';

const DIRECTLINE_SECRET = 'delivery-directline-secret-0123456789abcdef';

describe('delivery to the channel the customer used last', () => {
  let app: RunningApp;
  let sink: ReplySink;
  let wechat: FakeWeChatApi;

  beforeAll(async () => {
    sink = await startReplySink();
    wechat = await startFakeWeChatApi(APP_ID, APP_SECRET);
    app = await startTestApp({ DIRECTLINE_SECRET, ...plaintextEnv(wechat.url) });
  }, 60_000);
  afterAll(async () => {
    await app.close(1000);
    await sink.close();
    await wechat.close();
  });

  const customerOf = async (channelId: string, userId: string) => {
    const id = await app.directory.find({ channelId, userId });
    if (!id) throw new Error(`${userId} is not a ${channelId} customer`);
    return id;
  };

  it('Emulator: the message reaches the conversation on its serviceUrl, with the suggestions', async () => {
    const activity = emulatorActivity(sink.url, { id: 'deliv-1', from: { id: 'deliv-emu', name: 'U' }, conversation: { id: 'deliv-emu-conv' }, text: '你好' });
    expect((await app.post('/api/messages', activity)).status).toBe(200);
    const before = sink.requests.length;
    const result = await app.delivery.deliver(await customerOf('emulator', 'deliv-emu'), { text: '客服小美已接入', kind: 'notice', suggestions: ['1', '2'] });
    expect(result).toEqual({ channelId: 'emulator', delivered: true });
    const sent = sink.requests.slice(before).find((r) => r.body?.text === '客服小美已接入');
    expect(sent?.url).toMatch(/^\/v3\/conversations\/deliv-emu-conv\//);
    expect(sent?.body.suggestedActions.actions.map((a: { title: string }) => a.title)).toEqual(['1', '2']);
  });

  it('web chat: the message appears in the open Direct Line conversation', async () => {
    const auth = { authorization: `Bearer ${DIRECTLINE_SECRET}` };
    const started = await app.request('POST', '/v3/directline/conversations', { user: { id: 'deliv-web' } }, auth);
    expect(started.status).toBe(201);
    const { conversationId, token } = started.json;
    const asUser = { authorization: `Bearer ${token}` };
    const posted = await app.request('POST', `/v3/directline/conversations/${conversationId}/activities`, { type: 'message', from: { id: 'deliv-web' }, text: '你好' }, asUser);
    expect(posted.status).toBe(200);
    const result = await app.delivery.deliver(await customerOf('webchat', 'deliv-web'), { text: 'Hi, this is Mei from the store.', kind: 'agent', agentName: 'Mei' });
    expect(result).toEqual({ channelId: 'webchat', delivered: true });
    const log = await app.request('GET', `/v3/directline/conversations/${conversationId}/activities`, undefined, asUser);
    const texts = (log.json.activities as { text?: string; from?: { role?: string } }[]).filter((a) => a.from?.role === 'bot').map((a) => a.text);
    expect(texts[texts.length - 1]).toBe('Hi, this is Mei from the store.');
  });

  it('WeChat: sent through the customer-service API within 48 h; refused with the reason after', async () => {
    const r = await push(app, withText('你好', '7700000000000001', 'openid-deliv'));
    expect(r.status).toBe(200);
    const customerId = await customerOf('wechat', 'openid-deliv');
    await waitUntil('the WeChat message in the log', async () => Boolean(await app.conversationLog.lastCustomerMessage(customerId, 'wechat')));

    const before = wechat.sends.length;
    expect(await app.delivery.deliver(customerId, { text: '客服小美已接入', kind: 'notice' })).toEqual({ channelId: 'wechat', delivered: true });
    await wechat.waitForSends(before + 1);
    expect(wechat.sends[before].body).toEqual({ touser: 'openid-deliv', msgtype: 'text', text: { content: '客服小美已接入' } });

    // WeChat refuses the send (45047: too many messages): the agent is told it did not arrive, not that it did
    wechat.refuseNextSends(45047);
    expect(await app.delivery.deliver(customerId, { text: '请稍等', kind: 'agent' })).toEqual({ channelId: 'wechat', delivered: false, reason: 'channel_error' });

    // the same customer two days later: WeChat no longer lets the account write first
    const later = new ChannelDelivery({
      channels: app.channels,
      references: new ConversationReferences(app.store),
      log: app.conversationLog,
      logger: silentLogger(),
      now: () => Date.now() + WECHAT_WINDOW_MS + 60_000,
    });
    const sends = wechat.sends.length;
    expect(await later.deliver(customerId, { text: '您好', kind: 'agent' })).toEqual({ channelId: 'wechat', delivered: false, reason: 'wechat_window_closed' });
    expect(wechat.sends.length).toBe(sends);
  });

  it('a customer who never wrote anywhere cannot be reached', async () => {
    expect(await app.delivery.deliver('no-such-customer', { text: 'x', kind: 'agent' })).toEqual({ delivered: false, reason: 'no_channel' });
  });
});
