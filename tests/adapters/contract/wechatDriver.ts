/**
 * WeChat Official Account on /api/wechat (plaintext mode), WeChat's API as a local fake. A turn's first
 * message is the passive XML reply; further ones go through the customer-service API. The turn is over
 * when its message is marked done in the channel's inbox (after the last API send).
 */
import { WECHAT_INBOX } from '../../../adapters/wechat/messageInbox';
import { parseWeChatXml } from '../../../adapters/wechatKit/wechatXml';
import type { RunningApp } from '../../helpers/testApp';
import { FakeWeChatApi, startFakeWeChatApi } from '../wechat/fakeWeChatApi';
import * as samples from '../wechat/samplePayloads';
import { APP_ID, APP_SECRET, plaintextEnv, push, withText } from '../wechat/wechatTestKit';
import { ChannelDriver, numberedChoices, Reply, storedReference, waitUntil } from './channelDriver';

const SAMPLE_OPENID = 'oia2TjjewbmiOUlr6X-1crbLOvLw';

/** A WeChat message (passive XML or customer-service API body) as the customer sees it. */
function fromWeChat(message: any): Reply {
  if (message.msgtype === 'news' || message.MsgType === 'news') {
    const article = message.news?.articles?.[0] ?? firstArticle(message.Articles);
    const title = String(article?.title ?? article?.Title ?? '');
    return { text: [title, article?.description ?? article?.Description ?? ''].filter(Boolean).join('\n'), cards: [{ kind: 'news', title }] };
  }
  const text = String(message.text?.content ?? message.Content ?? '');
  const choices = numberedChoices(text);
  return choices ? { text, choices } : { text };
}

function firstArticle(articles: any): any {
  const item = articles?.item ?? articles;
  return Array.isArray(item) ? item[0] : item;
}

export function wechatDriver(): ChannelDriver {
  let app: RunningApp;
  let fake: FakeWeChatApi;
  let next = 0;
  const msgId = () => String(8_800_000_000_000_000 + ++next);
  const turnOver = (key: string) => async () => {
    const entry = await app.store.collection<{ _id: string; status: string }>(WECHAT_INBOX).findOne({ _id: key });
    return entry?.status === 'done';
  };
  const sendsTo = (index: number, openid: string) => fake.sends.slice(index).filter((s) => s.body.touser === openid).map((s) => fromWeChat(s.body));
  const pushed = async (openid: string, xml: string, key?: string): Promise<Reply[]> => {
    const before = fake.sends.length;
    const r = await push(app, xml);
    if (r.status !== 200) throw new Error(`/api/wechat answered ${r.status}: ${r.text}`);
    if (key) await waitUntil(`WeChat message ${key} to be done`, turnOver(key));
    const passive = r.text === 'success' ? [] : [fromWeChat(parseWeChatXml(r.text))];
    return [...passive, ...sendsTo(before, openid)];
  };
  return {
    name: 'wechat',
    channelId: 'wechat',
    start: async () => {
      fake = await startFakeWeChatApi(APP_ID, APP_SECRET);
    },
    env: () => ({ ...plaintextEnv(fake.url), WECHAT_REPLY_DEADLINE_MS: '4900' }),
    attach: (running) => (app = running),
    say: (openid, text) => {
      const id = msgId();
      return pushed(openid, withText(text, id, openid), `m:${id}`);
    },
    sendUnsupported: (openid) => pushed(openid, samples.video.replace(SAMPLE_OPENID, openid).replace('1234567890123460', msgId())),
    channelUserId: (openid) => openid,
    proactive: async (openid, text) => {
      const reference = await storedReference(app, 'wechat', openid);
      const before = fake.sends.length;
      const wechat = app.channels.wechat;
      if (!wechat) throw new Error('the app was started without WeChat');
      await wechat.adapter.continueConversation(reference, async (ctx) => {
        await ctx.sendActivity(text);
      });
      return sendsTo(before, openid);
    },
    stop: () => fake.close(),
  };
}
