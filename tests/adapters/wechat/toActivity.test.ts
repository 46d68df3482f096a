import { toActivity, unheardVoice } from '../../../adapters/wechat/toActivity';
import { parseWeChatXml } from '../../../adapters/wechatKit/wechatXml';
import * as samples from './samplePayloads';

const map = (xml: string) => toActivity(parseWeChatXml(xml));

describe('WeChat inbound mapping (pure)', () => {
  it('maps the documented text message to an activity keyed by the openid, MsgId kept exact', () => {
    const r = map(samples.documentedText);
    expect(r).toMatchObject({
      kind: 'activity',
      dedupeKey: 'm:1234567890123456',
      activity: {
        type: 'message',
        channelId: 'wechat',
        from: { id: 'oia2TjjewbmiOUlr6X-1crbLOvLw' },
        recipient: { id: 'gh_7f083739789a' },
        conversation: { id: 'wechat:oia2TjjewbmiOUlr6X-1crbLOvLw' },
        text: '你好',
        locale: 'zh-CN',
      },
    });
  });

  it('keeps 64-bit MsgIds as strings (no rounding)', () => {
    const r = map(samples.documentedText.replace('1234567890123456', '6054768590064713728'));
    expect(r.kind === 'activity' && r.dedupeKey).toBe('m:6054768590064713728');
  });

  it('maps an image to an image attachment', () => {
    const r = map(samples.image);
    expect(r.kind === 'activity' && r.activity.attachments).toEqual([
      { contentType: 'image/jpeg', contentUrl: 'http://mmbiz.qpic.cn/mmbiz_jpg/abc/0', name: 'media_id_1' },
    ]);
  });

  it('uses WeChat speech recognition for voice; without it, marks the voice for transcription by its MediaId', () => {
    const r = map(samples.voiceWithRecognition);
    expect(r.kind === 'activity' && r.activity.text).toBe('推荐');
    expect(r.kind === 'activity' && unheardVoice(r.activity)).toBeUndefined();
    const unheard = map(samples.voiceWithoutRecognition);
    expect(unheard.kind === 'activity' && unheard.activity.text).toBe('');
    expect(unheard.kind === 'activity' && unheardVoice(unheard.activity)).toEqual({ mediaId: 'media_id_2', format: 'amr' });
    const noMedia = samples.voiceWithoutRecognition.replace('<MediaId><![CDATA[media_id_2]]></MediaId>', '');
    expect(map(noMedia)).toMatchObject({ kind: 'unsupported', what: 'voice' });
  });

  it('maps a location to its label and coordinates', () => {
    const r = map(samples.location);
    expect(r.kind === 'activity' && r.activity).toMatchObject({
      text: '广州市天河区',
      entities: [{ type: 'GeoCoordinates', latitude: 23.134521, longitude: 113.358803 }],
    });
  });

  it('turns subscribe into a welcome (conversationUpdate), CLICK into its key, unsubscribe into nothing', () => {
    const sub = map(samples.subscribe);
    expect(sub.kind === 'activity' && sub.activity).toMatchObject({ type: 'conversationUpdate', membersAdded: [{ id: 'oia2TjjewbmiOUlr6X-1crbLOvLw' }] });
    expect(sub.kind === 'activity' && sub.dedupeKey).toBe('e:oia2TjjewbmiOUlr6X-1crbLOvLw:123456789:subscribe');
    const click = map(samples.menuClick);
    expect(click.kind === 'activity' && click.activity.text).toBe('推荐');
    expect(map(samples.unsubscribe)).toEqual({ kind: 'ignore' });
  });

  it('calls video unsupported (polite reply), and refuses broken messages with a reason', () => {
    expect(map(samples.video)).toMatchObject({ kind: 'unsupported', what: 'video', openid: 'oia2TjjewbmiOUlr6X-1crbLOvLw' });
    expect(map('<xml><MsgType>text</MsgType></xml>')).toMatchObject({ kind: 'invalid', reason: expect.stringMatching(/FromUserName/) });
    expect(map(samples.documentedText.replace('你好', ' '))).toMatchObject({ kind: 'invalid', reason: expect.stringMatching(/Content/) });
    expect(map(samples.documentedText.replace('1348831860', 'soon'))).toMatchObject({ kind: 'invalid' });
    expect(map(samples.documentedText.replace('oia2TjjewbmiOUlr6X-1crbLOvLw', 'a b<c>'))).toMatchObject({ kind: 'invalid' });
  });

  it('refuses XML that is not well-formed or declares entities', () => {
    expect(() => parseWeChatXml('<xml><a></xml>')).toThrow(/well-formed/);
    expect(() => parseWeChatXml('<!DOCTYPE x [<!ENTITY e "boom">]><xml><a>&e;</a></xml>')).toThrow(/DOCTYPE/);
    expect(() => parseWeChatXml('<other/>')).toThrow(/<xml>/);
  });
});
