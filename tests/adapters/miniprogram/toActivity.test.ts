/** The pure inbound mapping and body parsing: JSON and XML pushes as WeChat documents them, read the same way. */
import { parsePush, PushBodyError, pushFormat } from '../../../adapters/miniprogram/pushBody';
import { productIdOf, toActivity } from '../../../adapters/miniprogram/toActivity';
import { encode, enterPush, Format, imagePush, pagePush, textPush, voicePush } from './miniProgramTestKit';

const both: Format[] = ['json', 'xml'];
const read = (push: Record<string, unknown>, format: Format, names?: (id: string) => string | undefined) => toActivity(parsePush(encode(push as never, format), format), names);

describe('Mini Program pushes → activities', () => {
  it.each(both)('%s: a text is a message from the openid, keyed by its MsgId (64-bit, exact)', (format) => {
    const r = read(textPush('openid-1', '这个有货吗', '9007199254740999'), format);
    expect(r).toMatchObject({ kind: 'activity', dedupeKey: 'm:9007199254740999', activity: { channelId: 'miniprogram', text: '这个有货吗', from: { id: 'openid-1' } } });
  });

  it('reads a JSON number MsgId beyond 2^53 without rounding it', () => {
    const body = '{"ToUserName":"gh_a","FromUserName":"o1","CreateTime":1700000000,"MsgType":"text","Content":"hi","MsgId":23813748925434822}';
    expect(toActivity(parsePush(body, 'json'))).toMatchObject({ dedupeKey: 'm:23813748925434822' });
  });

  it.each(both)('%s: a shared product page reads as the product its path names, else as its title', (format) => {
    const names = (id: string) => (id === 'p-anr' ? '雅诗兰黛小棕瓶精华' : undefined);
    const r = read(pagePush('openid-2', '限时特惠', 'pages/product/index?id=p-anr&from=share'), format, names);
    expect(r).toMatchObject({ kind: 'activity', activity: { text: '雅诗兰黛小棕瓶精华', channelData: { productId: 'p-anr', title: '限时特惠' } } });
    // a product the store does not know (or a page without one): the page title
    expect(read(pagePush('openid-2', '会员中心', 'pages/p?productId=p-unknown'), format, names)).toMatchObject({ activity: { text: '会员中心' } });
  });

  it('finds the product id in page paths, and nothing in paths without one', () => {
    expect(productIdOf('pages/product/index?id=p1')).toBe('p1');
    expect(productIdOf('pages/detail?productId=sku-2&id=x')).toBe('sku-2');
    expect(productIdOf('pages/index/index')).toBeUndefined();
    expect(productIdOf('pages/p?id=../../etc')).toBeUndefined();
  });

  it.each(both)('%s: an image carries its MediaId for download; a voice carries what transcription needs', (format) => {
    expect(read(imagePush('openid-3', 'media-9'), format)).toMatchObject({ kind: 'activity', activity: { attachments: [{ contentType: 'image/jpeg', name: 'media-9' }] } });
    expect(read(voicePush('openid-3', undefined, 'voice-9'), format)).toMatchObject({ kind: 'voice', mediaId: 'voice-9', format: 'amr', recognition: undefined });
    expect(read(voicePush('openid-3', '你好'), format)).toMatchObject({ kind: 'voice', recognition: '你好' });
  });

  it.each(both)('%s: entering the chat is a welcome (conversationUpdate), keyed by sender and time', (format) => {
    const r = read(enterPush('openid-4', 1700000000), format);
    expect(r).toMatchObject({ kind: 'activity', dedupeKey: 'e:openid-4:1700000000:user_enter_tempsession', activity: { type: 'conversationUpdate', membersAdded: [{ id: 'openid-4' }] } });
  });

  it('reads the accepted templates of a subscription popup in both formats', () => {
    const json = '{"ToUserName":"gh_a","FromUserName":"o5","CreateTime":1700000000,"MsgType":"event","Event":"subscribe_msg_popup_event","List":[{"TemplateId":"t1","SubscribeStatusString":"accept"},{"TemplateId":"t2","SubscribeStatusString":"reject"}]}';
    expect(toActivity(parsePush(json, 'json'))).toMatchObject({ kind: 'consent', openid: 'o5', templateIds: ['t1'] });
    const xml =
      '<xml><ToUserName>gh_a</ToUserName><FromUserName>o5</FromUserName><CreateTime>1700000000</CreateTime><MsgType>event</MsgType><Event>subscribe_msg_popup_event</Event><SubscribeMsgPopupEvent><List><TemplateId>t3</TemplateId><SubscribeStatusString>accept</SubscribeStatusString><PopupScene>0</PopupScene></List></SubscribeMsgPopupEvent></xml>';
    expect(toActivity(parsePush(xml, 'xml'))).toMatchObject({ kind: 'consent', templateIds: ['t3'] });
  });

  it('names what is wrong with a malformed push', () => {
    expect(read({ ...textPush('openid-6', 'x'), FromUserName: 'bad id!' }, 'json')).toMatchObject({ kind: 'invalid', reason: expect.stringMatching(/FromUserName/) });
    expect(read({ ...textPush('openid-6', ' ') }, 'json')).toMatchObject({ kind: 'invalid', reason: 'Content is empty' });
    expect(read({ ...textPush('openid-6', 'x'), Content: { nested: true } as never }, 'json')).toMatchObject({ kind: 'invalid', reason: expect.stringMatching(/Content/) });
    expect(() => parsePush('{"a": ', 'json')).toThrow(PushBodyError);
    expect(() => parsePush(`${'['.repeat(100)}${']'.repeat(100)}`, 'json')).toThrow(PushBodyError);
    expect(() => parsePush('<!DOCTYPE x><xml/>', 'xml')).toThrow(PushBodyError);
  });

  it('tells the format by the body, whatever the Content-Type says', () => {
    expect(pushFormat(' {"a":1}', 'text/xml')).toBe('json');
    expect(pushFormat('<xml/>', 'application/json')).toBe('xml');
    expect(pushFormat('', 'application/json')).toBe('json');
  });
});
