/**
 * A local stand-in for WeChat's API server (api.weixin.qq.com) on 127.0.0.1: issues access tokens
 * for the right app id/secret, and accepts customer-service messages only with a live token and a
 * well-formed body, recording what it got. It also answers user/info (a unionid for the openids a test
 * binds), serves media/get for the media a test uploads, and serves pictures under /pic/ as WeChat's
 * image CDN would.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CustomSend {
  accessToken: string;
  body: any;
}

export interface FakeWeChatApi {
  url: string;
  tokenRequests: number;
  sends: CustomSend[];
  /** the next N sends answer errcode 40001 (token invalid), as WeChat does after a token is reissued elsewhere */
  rejectNextSendsWithInvalidToken(count: number): void;
  /** template messages (/cgi-bin/message/template/send) received */
  templates: CustomSend[];
  /** the next N customer-service sends answer this errcode (45015: 48 hours passed; 45047: too many messages) */
  refuseNextSends(errcode: number, count?: number): void;
  waitForSends(count: number, timeoutMs?: number): Promise<CustomSend[]>;
  /** openid → unionid that user/info answers (others get no unionid, as for an account without Open Platform) */
  unionIds: Map<string, string>;
  /** openids user/info was asked about, in order */
  userInfoRequests: string[];
  /** user/info answers only once release() is called (a slow WeChat) */
  holdUserInfo(): { release: () => void };
  /** media/get serves these (media id → content type and bytes); unknown ids answer errcode 40007 */
  media: Map<string, { type: string; bytes: Buffer }>;
  mediaRequests: string[];
  /** GET /pic/<name> serves these, as WeChat's image CDN serves a PicUrl */
  pictures: Map<string, Buffer>;
  close(): Promise<void>;
}

export async function startFakeWeChatApi(appId: string, appSecret: string): Promise<FakeWeChatApi> {
  const live = new Set<string>();
  let rejecting = 0;
  let refusing = { errcode: 0, count: 0 };
  let userInfoGate: Promise<void> | undefined;
  const fake: FakeWeChatApi = {
    url: '',
    tokenRequests: 0,
    sends: [],
    rejectNextSendsWithInvalidToken: (count) => (rejecting = count),
    templates: [],
    refuseNextSends: (errcode, count = 1) => (refusing = { errcode, count }),
    async waitForSends(count, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (fake.sends.length < count) {
        if (Date.now() > deadline) throw new Error(`fake WeChat got ${fake.sends.length} of ${count} messages`);
        await new Promise((r) => setTimeout(r, 10));
      }
      return fake.sends;
    },
    unionIds: new Map(),
    userInfoRequests: [],
    holdUserInfo() {
      let release = () => undefined as void;
      userInfoGate = new Promise<void>((resolve) => (release = resolve));
      return { release: () => ((userInfoGate = undefined), release()) };
    },
    media: new Map(),
    mediaRequests: [],
    pictures: new Map(),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const answer = (res: http.ServerResponse, body: object) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      if (req.method === 'GET' && url.pathname === '/cgi-bin/token') {
        fake.tokenRequests++;
        const q = url.searchParams;
        if (q.get('grant_type') !== 'client_credential' || q.get('appid') !== appId || q.get('secret') !== appSecret) {
          return answer(res, { errcode: 40125, errmsg: 'invalid appsecret' });
        }
        const token = `tok-${fake.tokenRequests}`;
        live.add(token);
        return answer(res, { access_token: token, expires_in: 7200 });
      }
      if (req.method === 'POST' && url.pathname === '/cgi-bin/message/custom/send') {
        const token = url.searchParams.get('access_token') ?? '';
        if (!live.has(token)) return answer(res, { errcode: 40001, errmsg: 'invalid credential' });
        if (rejecting > 0) {
          rejecting--;
          live.delete(token);
          return answer(res, { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' });
        }
        let body: any;
        try {
          body = JSON.parse(raw);
        } catch {
          return answer(res, { errcode: 47001, errmsg: 'data format error' });
        }
        const wellFormed =
          typeof body.touser === 'string' &&
          ((body.msgtype === 'text' && typeof body.text?.content === 'string' && Buffer.byteLength(body.text.content) <= 2048) ||
            (body.msgtype === 'news' && Array.isArray(body.news?.articles) && body.news.articles.length === 1));
        if (!wellFormed) return answer(res, { errcode: 47001, errmsg: 'data format error' });
        if (refusing.count > 0) {
          refusing.count--;
          return answer(res, { errcode: refusing.errcode, errmsg: refusing.errcode === 45015 ? 'response out of time limit or subscription is canceled' : 'out of response count limit' });
        }
        fake.sends.push({ accessToken: token, body });
        return answer(res, { errcode: 0, errmsg: 'ok' });
      }
      if (req.method === 'GET' && url.pathname === '/cgi-bin/user/info') {
        if (!live.has(url.searchParams.get('access_token') ?? '')) return answer(res, { errcode: 40001, errmsg: 'invalid credential' });
        const openid = url.searchParams.get('openid') ?? '';
        if (!openid) return answer(res, { errcode: 40003, errmsg: 'invalid openid' });
        fake.userInfoRequests.push(openid);
        const unionid = fake.unionIds.get(openid);
        const info = { subscribe: 1, openid, language: 'zh_CN', subscribe_time: 1382694957, ...(unionid ? { unionid } : {}) };
        return void (userInfoGate ?? Promise.resolve()).then(() => answer(res, info));
      }
      if (req.method === 'GET' && url.pathname === '/cgi-bin/media/get') {
        if (!live.has(url.searchParams.get('access_token') ?? '')) return answer(res, { errcode: 40001, errmsg: 'invalid credential' });
        const mediaId = url.searchParams.get('media_id') ?? '';
        fake.mediaRequests.push(mediaId);
        const file = fake.media.get(mediaId);
        if (!file) return answer(res, { errcode: 40007, errmsg: 'invalid media_id' });
        res.writeHead(200, { 'content-type': file.type, 'content-disposition': `attachment; filename="${mediaId}"`, 'content-length': file.bytes.length });
        return res.end(file.bytes);
      }
      if (req.method === 'GET' && url.pathname.startsWith('/pic/')) {
        const picture = fake.pictures.get(url.pathname.slice('/pic/'.length));
        if (!picture) {
          res.writeHead(404);
          return res.end();
        }
        res.writeHead(200, { 'content-type': 'image/jpeg' });
        return res.end(picture);
      }
      if (req.method === 'POST' && url.pathname === '/cgi-bin/message/template/send') {
        const token = url.searchParams.get('access_token') ?? '';
        if (!live.has(token)) return answer(res, { errcode: 40001, errmsg: 'invalid credential' });
        let body: any;
        try {
          body = JSON.parse(raw);
        } catch {
          return answer(res, { errcode: 47001, errmsg: 'data format error' });
        }
        if (typeof body.touser !== 'string' || typeof body.template_id !== 'string' || typeof body.data !== 'object' || body.data === null) {
          return answer(res, { errcode: 47001, errmsg: 'data format error' });
        }
        fake.templates.push({ accessToken: token, body });
        return answer(res, { errcode: 0, errmsg: 'ok', msgid: 200228332 + fake.templates.length });
      }
      res.writeHead(404);
      res.end();
    });
  });
  server.keepAliveTimeout = 100;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}
