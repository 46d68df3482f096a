/**
 * A local stand-in for WeChat's API server as the Mini Program channel uses it, on 127.0.0.1: access
 * tokens for the right app id/secret; customer-service messages (text, link, miniprogrampage — the
 * latter only with a thumb_media_id it issued), media download and upload, jscode2session (each code good
 * once), getuserphonenumber, and subscription messages (thing values ≤ 20 characters). Every call needs
 * a live token and a well-formed body, as WeChat checks them; what it accepted is recorded.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorded {
  accessToken: string;
  body: any;
}

export interface FakeMiniProgramApi {
  url: string;
  tokenRequests: number;
  sends: Recorded[];
  subscribes: Recorded[];
  uploads: { filename: string; bytes: number }[];
  /** what media/get serves, by media id */
  media: Map<string, Buffer>;
  /** wx.login codes → the session WeChat would answer */
  loginCodes: Map<string, { openid: string; unionid?: string }>;
  /** phone-button codes → the number WeChat verified (purePhoneNumber, countryCode) */
  phoneCodes: Map<string, { purePhoneNumber: string; countryCode: string }>;
  /** the next N calls needing a token answer 40001, as WeChat does after a token was reissued elsewhere */
  rejectNextWithInvalidToken(count: number): void;
  sendsTo(openid: string, from?: number): Recorded[];
  waitForSends(openid: string, count: number, from?: number, timeoutMs?: number): Promise<Recorded[]>;
  close(): Promise<void>;
}

type Answer = (status: number, body: object | Buffer, type?: string) => void;

export async function startFakeMiniProgramApi(appId: string, appSecret: string): Promise<FakeMiniProgramApi> {
  const live = new Set<string>();
  const usedCodes = new Set<string>();
  const issuedMedia = new Set<string>();
  let rejecting = 0;
  const fake: FakeMiniProgramApi = {
    url: '',
    tokenRequests: 0,
    sends: [],
    subscribes: [],
    uploads: [],
    media: new Map(),
    loginCodes: new Map(),
    phoneCodes: new Map(),
    rejectNextWithInvalidToken: (count) => (rejecting = count),
    sendsTo: (openid, from = 0) => fake.sends.slice(from).filter((s) => s.body.touser === openid),
    async waitForSends(openid, count, from = 0, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (fake.sendsTo(openid, from).length < count) {
        if (Date.now() > deadline) throw new Error(`fake Mini Program API got ${fake.sendsTo(openid, from).length} of ${count} messages for ${openid}`);
        await new Promise((r) => setTimeout(r, 10));
      }
      return fake.sendsTo(openid, from);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };

  /** The token check every authenticated call makes; false when it already answered. */
  const tokenOk = (url: URL, answer: Answer): string | undefined => {
    const token = url.searchParams.get('access_token') ?? '';
    if (!live.has(token)) return void answer(200, { errcode: 40001, errmsg: 'invalid credential' });
    if (rejecting > 0) {
      rejecting--;
      live.delete(token);
      return void answer(200, { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' });
    }
    return token;
  };

  const wellFormedCustom = (body: any): boolean => {
    if (typeof body?.touser !== 'string' || !body.touser) return false;
    const str = (v: unknown) => typeof v === 'string';
    switch (body.msgtype) {
      case 'text':
        return str(body.text?.content) && body.text.content !== '' && Buffer.byteLength(body.text.content) <= 2048;
      case 'link':
        return ['title', 'description', 'url', 'thumb_url'].every((k) => str(body.link?.[k])) && /^https?:\/\//.test(body.link.url);
      case 'miniprogrampage':
        return str(body.miniprogrampage?.title) && str(body.miniprogrampage?.pagepath) && issuedMedia.has(body.miniprogrampage?.thumb_media_id);
      default:
        return false;
    }
  };

  const handle = async (req: http.IncomingMessage, raw: Buffer, url: URL, answer: Answer) => {
    const q = url.searchParams;
    const json = () => JSON.parse(raw.toString('utf8'));
    const route = `${req.method} ${url.pathname}`;
    if (route === 'GET /cgi-bin/token') {
      fake.tokenRequests++;
      if (q.get('grant_type') !== 'client_credential' || q.get('appid') !== appId || q.get('secret') !== appSecret) return answer(200, { errcode: 40125, errmsg: 'invalid appsecret' });
      const token = `mptok-${fake.tokenRequests}`;
      live.add(token);
      return answer(200, { access_token: token, expires_in: 7200 });
    }
    if (route === 'GET /sns/jscode2session') {
      if (q.get('appid') !== appId || q.get('secret') !== appSecret || q.get('grant_type') !== 'authorization_code') return answer(200, { errcode: 40125, errmsg: 'invalid appsecret' });
      const code = q.get('js_code') ?? '';
      const session = fake.loginCodes.get(code);
      if (!session) return answer(200, { errcode: 40029, errmsg: 'invalid code' });
      if (usedCodes.has(code)) return answer(200, { errcode: 40163, errmsg: 'code been used' });
      usedCodes.add(code);
      return answer(200, { openid: session.openid, session_key: 'c2Vzc2lvbg==', ...(session.unionid ? { unionid: session.unionid } : {}) });
    }
    const token = tokenOk(url, answer);
    if (!token) return;
    if (route === 'POST /cgi-bin/message/custom/send') {
      const body = json();
      if (!wellFormedCustom(body)) return answer(200, { errcode: 47001, errmsg: 'data format error' });
      fake.sends.push({ accessToken: token, body });
      return answer(200, { errcode: 0, errmsg: 'ok' });
    }
    if (route === 'POST /cgi-bin/message/subscribe/send') {
      const body = json();
      const thing = body?.data?.thing1?.value;
      if (typeof body?.touser !== 'string' || typeof body?.template_id !== 'string' || typeof thing !== 'string' || [...thing].length > 20) return answer(200, { errcode: 47003, errmsg: 'argument invalid! data.thing1.value invalid' });
      fake.subscribes.push({ accessToken: token, body });
      return answer(200, { errcode: 0, errmsg: 'ok' });
    }
    if (route === 'POST /wxa/business/getuserphonenumber') {
      const phone = fake.phoneCodes.get(json()?.code);
      if (!phone) return answer(200, { errcode: 40029, errmsg: 'invalid code' });
      return answer(200, { errcode: 0, errmsg: 'ok', phone_info: { phoneNumber: phone.purePhoneNumber, ...phone, watermark: { appid: appId, timestamp: 1 } } });
    }
    if (route === 'GET /cgi-bin/media/get') {
      const media = fake.media.get(q.get('media_id') ?? '');
      if (!media) return answer(200, { errcode: 40007, errmsg: 'invalid media_id' });
      return answer(200, media, 'image/jpeg');
    }
    if (route === 'POST /cgi-bin/media/upload') {
      if (q.get('type') !== 'image') return answer(200, { errcode: 40004, errmsg: 'invalid media type' });
      const form = await new Request('http://fake/', { method: 'POST', headers: { 'content-type': String(req.headers['content-type'] ?? '') }, body: raw }).formData();
      const file = form.get('media');
      if (!file || typeof file === 'string') return answer(200, { errcode: 41005, errmsg: 'media data missing' });
      const mediaId = `thumb-${fake.uploads.length + 1}`;
      fake.uploads.push({ filename: file.name, bytes: file.size });
      issuedMedia.add(mediaId);
      return answer(200, { type: 'image', media_id: mediaId, created_at: 1 });
    }
    answer(404, { errcode: 404, errmsg: 'no such api' });
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const answer: Answer = (status, body, type = 'application/json') => {
        res.writeHead(status, { 'content-type': type });
        res.end(Buffer.isBuffer(body) ? body : JSON.stringify(body));
      };
      handle(req, Buffer.concat(chunks), new URL(req.url ?? '/', 'http://fake'), answer).catch(() => answer(200, { errcode: 47001, errmsg: 'data format error' }));
    });
  });
  server.keepAliveTimeout = 100;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}
