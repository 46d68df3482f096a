/**
 * WeChat Mini Program on /api/miniprogram (JSON, plaintext mode), WeChat's API as a local fake. Every
 * answer arrives through the customer-service message API; the turn is over when its message is marked
 * done in the channel's inbox (after the last send). Product cards open the Mini Program's product page
 * (`miniprogrampage`, with an uploaded card picture).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MINIPROGRAM_INBOX } from '../../../adapters/miniprogram';
import type { RunningApp } from '../../helpers/testApp';
import { FakeMiniProgramApi, startFakeMiniProgramApi } from '../miniprogram/fakeMiniProgramApi';
import { MP_APP_ID, MP_APP_SECRET, mpEnv, pushTo, textPush } from '../miniprogram/miniProgramTestKit';
import { ChannelDriver, numberedChoices, Reply, storedReference, waitUntil } from './channelDriver';

/** a 1×1 PNG: the card picture uploaded as temporary media */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** A customer-service message as the customer sees it. */
function fromMiniProgram(body: any): Reply {
  if (body.msgtype === 'miniprogrampage') return { text: body.miniprogrampage.title, cards: [{ kind: 'page', title: body.miniprogrampage.title }] };
  if (body.msgtype === 'link') return { text: [body.link.title, body.link.description].filter(Boolean).join('\n'), cards: [{ kind: 'link', title: body.link.title }] };
  const text = String(body.text?.content ?? '');
  const choices = numberedChoices(text);
  return choices ? { text, choices } : { text };
}

export function miniProgramDriver(): ChannelDriver {
  let app: RunningApp;
  let fake: FakeMiniProgramApi;
  let dir: string;
  const turnOver = (key: string) => async () => (await app.store.collection<{ _id: string; status: string }>(MINIPROGRAM_INBOX).findOne({ _id: key }))?.status === 'done';
  const pushed = async (openid: string, push: Record<string, string | number>): Promise<Reply[]> => {
    const before = fake.sends.length;
    const r = await pushTo(app.url, push);
    if (r.status !== 200) throw new Error(`/api/miniprogram answered ${r.status}: ${r.text}`);
    await waitUntil(`Mini Program message ${push.MsgId} to be done`, turnOver(`m:${push.MsgId}`));
    return fake.sendsTo(openid, before).map((s) => fromMiniProgram(s.body));
  };
  return {
    name: 'miniprogram',
    channelId: 'miniprogram',
    start: async () => {
      fake = await startFakeMiniProgramApi(MP_APP_ID, MP_APP_SECRET);
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-driver-'));
      fs.writeFileSync(path.join(dir, 'card.png'), PNG);
    },
    env: () => mpEnv(fake.url, { MINIPROGRAM_PRODUCT_PAGE: 'pages/product/index?id={id}', MINIPROGRAM_CARD_THUMB: path.join(dir, 'card.png') }),
    attach: (running) => (app = running),
    say: (openid, text) => pushed(openid, textPush(openid, text)),
    sendUnsupported: (openid) => pushed(openid, { ...textPush(openid, 'x'), MsgType: 'video', Content: '', MediaId: 'video_media_1' }),
    channelUserId: (openid) => openid,
    proactive: async (openid, text) => {
      const reference = await storedReference(app, 'miniprogram', openid);
      const before = fake.sends.length;
      const channel = app.channels.miniprogram;
      if (!channel) throw new Error('the app was started without the Mini Program');
      await channel.adapter.continueConversation(reference, async (ctx) => {
        await ctx.sendActivity(text);
      });
      return fake.sendsTo(openid, before).map((s) => fromMiniProgram(s.body));
    },
    stop: async () => {
      await fake.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
