/**
 * Pushed messages as WeChat documents them (公众号 "接收普通消息" / "接收事件推送" and the
 * message-encryption guide). The safe-mode sample is the one in WeChat's encryption guide, with its
 * token, EncodingAESKey, app id, timestamp, nonce and msg_signature.
 */
export const documentedText = `<xml>
  <ToUserName><![CDATA[gh_7f083739789a]]></ToUserName>
  <FromUserName><![CDATA[oia2TjjewbmiOUlr6X-1crbLOvLw]]></FromUserName>
  <CreateTime>1348831860</CreateTime>
  <MsgType><![CDATA[text]]></MsgType>
  <Content><![CDATA[你好]]></Content>
  <MsgId>1234567890123456</MsgId>
</xml>`;

export const image = `<xml><ToUserName><![CDATA[gh_7f083739789a]]></ToUserName><FromUserName><![CDATA[oia2TjjewbmiOUlr6X-1crbLOvLw]]></FromUserName><CreateTime>1348831860</CreateTime><MsgType><![CDATA[image]]></MsgType><PicUrl><![CDATA[http://mmbiz.qpic.cn/mmbiz_jpg/abc/0]]></PicUrl><MediaId><![CDATA[media_id_1]]></MediaId><MsgId>1234567890123457</MsgId></xml>`;

export const voiceWithRecognition = `<xml><ToUserName><![CDATA[gh_7f083739789a]]></ToUserName><FromUserName><![CDATA[oia2TjjewbmiOUlr6X-1crbLOvLw]]></FromUserName><CreateTime>1357290913</CreateTime><MsgType><![CDATA[voice]]></MsgType><MediaId><![CDATA[media_id_2]]></MediaId><Format><![CDATA[amr]]></Format><Recognition><![CDATA[推荐]]></Recognition><MsgId>1234567890123458</MsgId></xml>`;

export const voiceWithoutRecognition = voiceWithRecognition.replace('<Recognition><![CDATA[推荐]]></Recognition>', '');

export const location = `<xml><ToUserName><![CDATA[gh_7f083739789a]]></ToUserName><FromUserName><![CDATA[oia2TjjewbmiOUlr6X-1crbLOvLw]]></FromUserName><CreateTime>1351776360</CreateTime><MsgType><![CDATA[location]]></MsgType><Location_X>23.134521</Location_X><Location_Y>113.358803</Location_Y><Scale>20</Scale><Label><![CDATA[广州市天河区]]></Label><MsgId>1234567890123459</MsgId></xml>`;

export const video = `<xml><ToUserName><![CDATA[gh_7f083739789a]]></ToUserName><FromUserName><![CDATA[oia2TjjewbmiOUlr6X-1crbLOvLw]]></FromUserName><CreateTime>1357290913</CreateTime><MsgType><![CDATA[video]]></MsgType><MediaId><![CDATA[media_id_3]]></MediaId><ThumbMediaId><![CDATA[thumb_media_id]]></ThumbMediaId><MsgId>1234567890123460</MsgId></xml>`;

export const subscribe = `<xml><ToUserName><![CDATA[gh_7f083739789a]]></ToUserName><FromUserName><![CDATA[oia2TjjewbmiOUlr6X-1crbLOvLw]]></FromUserName><CreateTime>123456789</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[subscribe]]></Event></xml>`;

export const unsubscribe = subscribe.replace('[subscribe]', '[unsubscribe]');

export const menuClick = `<xml><ToUserName><![CDATA[gh_7f083739789a]]></ToUserName><FromUserName><![CDATA[oia2TjjewbmiOUlr6X-1crbLOvLw]]></FromUserName><CreateTime>123456790</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[CLICK]]></Event><EventKey><![CDATA[推荐]]></EventKey></xml>`;

/** WeChat's encryption guide, "decrypt" sample */
export const safeMode = {
  token: 'spamtest',
  encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
  appId: 'wx2c2769f8efd9abc2',
  timestamp: '1409735669',
  nonce: '1320562132',
  msgSignature: '5d197aaffba7e9b25a30732f161a50dee96bd5fa',
  encrypt:
    'hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6F8PGHQHFVAFmOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE=',
  /** what it decrypts to */
  openid: 'oyORnuP8q7ou2gfYjqLzSIWZf0rs',
  account: 'gh_10f6c3c3ac5a',
  content: 'abcdteT',
};

/** the Java SDK sample's encrypt case: fixed random, known ciphertext */
export const encryptSample = {
  encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
  appId: 'wxb11529c136998cb6',
  random: 'aaaabbbbccccdddd',
  message: '我是中文abcd123',
  ciphertext: 'jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==',
};
