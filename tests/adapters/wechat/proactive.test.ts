/** Proactive messages (campaigns, agents) on WeChat go out through the customer-service message API. */
import { TurnContext } from 'botbuilder';
import { toActivity } from '../../../adapters/wechat/toActivity';
import { WeChatAdapter } from '../../../adapters/wechat/wechatAdapter';
import { WeChatApi, WeChatApiError } from '../../../adapters/wechat/wechatApi';
import { parseWeChatXml } from '../../../adapters/wechatKit/wechatXml';
import { silentLogger } from '../../../platform/logger';
import { EmbeddedStore } from '../../../storage';
import { FakeWeChatApi, startFakeWeChatApi } from './fakeWeChatApi';
import { documentedText } from './samplePayloads';

describe('WeChat proactive messages', () => {
  let fake: FakeWeChatApi;
  beforeAll(async () => {
    fake = await startFakeWeChatApi('wxapp', 'wxsecret');
  });
  afterAll(() => fake.close());

  it('sends a stored conversation reference a text and a product card as news', async () => {
    const mapped = toActivity(parseWeChatXml(documentedText));
    if (mapped.kind !== 'activity') throw new Error('sample did not map');
    const reference = TurnContext.getConversationReference(mapped.activity);
    const adapter = new WeChatAdapter(new WeChatApi({ apiBase: fake.url, appId: 'wxapp', appSecret: 'wxsecret', store: new EmbeddedStore(null) }), silentLogger());
    await adapter.continueConversation(reference, async (ctx) => {
      await ctx.sendActivity({
        type: 'message',
        text: '亲，您关注的精华到货啦～',
        attachments: [
          {
            contentType: 'application/vnd.microsoft.card.hero',
            content: { title: '玻尿酸保湿精华', subtitle: '¥199', buttons: [{ type: 'openUrl', title: '加入购物车', value: 'https://shop.example.com/cart/p1' }] },
          },
        ],
      });
    });
    expect(fake.sends.map((s) => s.body)).toEqual([
      { touser: 'oia2TjjewbmiOUlr6X-1crbLOvLw', msgtype: 'text', text: { content: '亲，您关注的精华到货啦～' } },
      {
        touser: 'oia2TjjewbmiOUlr6X-1crbLOvLw',
        msgtype: 'news',
        news: { articles: [{ title: '玻尿酸保湿精华', description: '¥199', url: 'https://shop.example.com/cart/p1', picurl: '' }] },
      },
    ]);
  });

  it('tells "WeChat said no" (errcode) from "the network failed"', async () => {
    const wrongSecret = new WeChatApi({ apiBase: fake.url, appId: 'wxapp', appSecret: 'nope', store: new EmbeddedStore(null) });
    await expect(wrongSecret.sendCustomMessage('o1', { type: 'text', content: 'x' })).rejects.toMatchObject({ name: 'WeChatApiError', errcode: 40125 });
    await expect(wrongSecret.accessToken()).rejects.toBeInstanceOf(WeChatApiError);
    const down = new WeChatApi({ apiBase: 'http://127.0.0.1:9', appId: 'wxapp', appSecret: 'wxsecret', timeoutMs: 2000, store: new EmbeddedStore(null) });
    await expect(down.accessToken()).rejects.toMatchObject({ name: 'WeChatNetworkError' });
  });
});
