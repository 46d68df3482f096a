/**
 * Pictures an Official Account customer sends, read through WeChat only (media/get by MediaId, or the PicUrl
 * when WeChat's image CDN serves it), within a size bound; and the access token those downloads use, shared
 * by two instances through the store.
 */
import { attachmentSourceOf } from '../../../dialogs/turn/turnContracts';
import { isWeChatImageHost } from '../../../adapters/wechatKit/pictureHosts';
import { toActivity } from '../../../adapters/wechat/toActivity';
import { WeChatAdapter } from '../../../adapters/wechat/wechatAdapter';
import { WeChatApi } from '../../../adapters/wechat/wechatApi';
import { parseWeChatXml } from '../../../adapters/wechatKit/wechatXml';
import { silentLogger } from '../../../platform/logger';
import { EmbeddedStore } from '../../../storage';
import { FakeWeChatApi, startFakeWeChatApi } from './fakeWeChatApi';
import * as samples from './samplePayloads';

/** The attachment the channel maps an image push to, with this MediaId and PicUrl. */
function pictureFrom(mediaId: string, picUrl: string) {
  const xml = samples.image.replace('media_id_1', mediaId).replace('http://mmbiz.qpic.cn/mmbiz_jpg/abc/0', picUrl);
  const mapped = toActivity(parseWeChatXml(xml));
  if (mapped.kind !== 'activity') throw new Error('image sample did not map');
  return mapped.activity.attachments![0];
}

describe('WeChatAdapter.readAttachment', () => {
  let fake: FakeWeChatApi;
  let store: EmbeddedStore;
  let adapter: WeChatAdapter;
  const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(4000, 7)]);
  beforeAll(async () => {
    fake = await startFakeWeChatApi('wxpics', 'wxsecret');
    store = new EmbeddedStore(null);
    const api = new WeChatApi({ apiBase: fake.url, appId: 'wxpics', appSecret: 'wxsecret', store });
    // the fake's /pic/ plays WeChat's image CDN
    adapter = new WeChatAdapter(api, silentLogger(), (url) => url.startsWith(`${fake.url}/pic/`));
    fake.media.set('media-pic', { type: 'image/jpeg', bytes: jpeg });
    fake.pictures.set('cdn.jpg', jpeg);
  });
  afterAll(async () => {
    await fake.close();
    await store.close();
  });

  it('is the attachment source of a WeChat turn', () => {
    expect(attachmentSourceOf({ adapter } as never)).toBe(adapter);
  });

  it('downloads the picture by its MediaId through media/get', async () => {
    const bytes = await adapter.readAttachment(pictureFrom('media-pic', `${fake.url}/pic/none.jpg`), 5 * 1024 * 1024);
    expect(bytes?.equals(jpeg)).toBe(true);
    expect(fake.mediaRequests).toContain('media-pic');
  });

  it('falls back to the PicUrl WeChat serves when the media is gone (temporary media last 3 days)', async () => {
    const bytes = await adapter.readAttachment(pictureFrom('media-expired', `${fake.url}/pic/cdn.jpg`), 5 * 1024 * 1024);
    expect(bytes?.equals(jpeg)).toBe(true);
  });

  it('gives nothing for a picture over the size bound, a link WeChat does not serve, or what is not a picture', async () => {
    expect(await adapter.readAttachment(pictureFrom('media-pic', `${fake.url}/pic/cdn.jpg`), 1000)).toBeUndefined();
    expect(await adapter.readAttachment(pictureFrom('media-expired', `${fake.url}/elsewhere/cdn.jpg`), 5 * 1024 * 1024)).toBeUndefined();
    expect(await adapter.readAttachment({ contentType: 'video/mp4', contentUrl: `${fake.url}/pic/cdn.jpg`, name: 'media-pic' }, 5 * 1024 * 1024)).toBeUndefined();
  });

  it('trusts only WeChat image CDN hosts in a PicUrl', () => {
    expect(isWeChatImageHost('http://mmbiz.qpic.cn/mmbiz_jpg/abc/0')).toBe(true);
    expect(isWeChatImageHost('https://mmbiz.qpic.cn/mmbiz_png/x/0?wx_fmt=png')).toBe(true);
    expect(isWeChatImageHost('http://mmbiz.qpic.cn.attacker.example/x')).toBe(false);
    expect(isWeChatImageHost('http://127.0.0.1:8080/admin')).toBe(false);
    expect(isWeChatImageHost('file:///etc/passwd')).toBe(false);
    expect(isWeChatImageHost('not a url')).toBe(false);
  });

  it('shares one access token between two instances on one store, and renews it once when WeChat refuses it', async () => {
    const shared = new EmbeddedStore(null);
    const tokensBefore = fake.tokenRequests;
    const one = new WeChatApi({ apiBase: fake.url, appId: 'wxpics', appSecret: 'wxsecret', store: shared });
    const two = new WeChatApi({ apiBase: fake.url, appId: 'wxpics', appSecret: 'wxsecret', store: shared });
    await Promise.all([one.sendCustomMessage('o1', { type: 'text', content: '一' }), two.sendCustomMessage('o2', { type: 'text', content: '二' })]);
    expect(fake.tokenRequests).toBe(tokensBefore + 1);
    fake.rejectNextSendsWithInvalidToken(1);
    await one.sendCustomMessage('o3', { type: 'text', content: '三' });
    await two.sendCustomMessage('o4', { type: 'text', content: '四' }); // two finds one's new token in the store
    expect(fake.tokenRequests).toBe(tokensBefore + 2);
    expect(fake.sends.map((s) => s.body.touser)).toEqual(expect.arrayContaining(['o1', 'o2', 'o3', 'o4']));
    await shared.close();
  });
});
