/**
 * The WeChat server API calls the Mini Program channel makes: customer-service messages, media download
 * (pictures customers send) and upload (the product-page card's picture), login (jscode2session), the
 * phone-number button's code, and subscription messages (campaigns). The access token comes from the
 * token source (wechatKit/accessToken: one token per app id for every instance); a token WeChat refuses
 * is dropped there and the call retried once. Errors are typed: MiniProgramApiError = WeChat answered an
 * errcode; MiniProgramNetworkError = no usable answer.
 */
import { readLimited } from '../boundedDownload';
import type { MiniProgramMessage } from './render';

export class MiniProgramApiError extends Error {
  constructor(
    readonly method: string,
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(`WeChat ${method} failed: errcode ${errcode} (${errmsg})`);
    this.name = 'MiniProgramApiError';
  }
}

export class MiniProgramNetworkError extends Error {
  constructor(
    readonly method: string,
    cause: unknown,
  ) {
    super(`WeChat ${method} could not be reached: ${(cause as Error)?.message ?? String(cause)}`, { cause });
    this.name = 'MiniProgramNetworkError';
  }
}

/** errcodes meaning "this access token is no good": invalid, expired, not the latest */
const TOKEN_ERRORS = new Set([40001, 40014, 42001]);

/** Where access tokens come from (SharedAccessToken in the app). */
export interface TokenSource {
  get(): Promise<string>;
  invalidate(stale: string): Promise<void>;
}

export interface MiniProgramApiOptions {
  apiBase: string;
  appId: string;
  appSecret: string;
  timeoutMs?: number;
}

type Json = Record<string, unknown>;

export class MiniProgramApi {
  /** set once the token source is built (it needs fetchToken of this instance) */
  tokens?: TokenSource;

  constructor(private readonly options: MiniProgramApiOptions) {}

  /** A new access token from WeChat (what the shared token source calls when it refreshes). */
  async fetchToken(): Promise<{ token: string; expiresInSec: number }> {
    const { apiBase, appId, appSecret } = this.options;
    const query = new URLSearchParams({ grant_type: 'client_credential', appid: appId, secret: appSecret });
    const body = await this.json('token', `${apiBase}/cgi-bin/token?${query}`);
    if (typeof body.access_token !== 'string' || !body.access_token) throw new MiniProgramApiError('token', -1, 'no access_token in the answer');
    return { token: body.access_token, expiresInSec: Number(body.expires_in ?? 7200) };
  }

  /** {apiBase}{path}?access_token=… (POST with a payload, else GET), once more with a new token when WeChat refuses it. */
  async withToken<T>(method: string, send: (token: string) => Promise<T>): Promise<T> {
    if (!this.tokens) throw new MiniProgramApiError(method, -1, 'no access token source');
    for (let attempt = 1; ; attempt++) {
      const token = await this.tokens.get();
      try {
        return await send(token);
      } catch (err) {
        if (!(err instanceof MiniProgramApiError) || !TOKEN_ERRORS.has(err.errcode) || attempt >= 2) throw err;
        await this.tokens.invalidate(token);
      }
    }
  }

  call(method: string, path: string, payload?: unknown, query: Record<string, string> = {}): Promise<Json> {
    return this.withToken(method, (token) => this.json(method, `${this.options.apiBase}${path}?${new URLSearchParams({ access_token: token, ...query })}`, payload));
  }

  async sendCustomMessage(openid: string, message: MiniProgramMessage): Promise<void> {
    await this.call('customerServiceMessage.send', '/cgi-bin/message/custom/send', { touser: openid, ...message });
  }

  /** A subscription message (one consent used); `data` is the template's fields. */
  async sendSubscribeMessage(openid: string, templateId: string, data: Record<string, { value: string }>, page?: string): Promise<void> {
    await this.call('subscribeMessage.send', '/cgi-bin/message/subscribe/send', { touser: openid, template_id: templateId, data, ...(page ? { page } : {}) });
  }

  /** The openid (and unionid when the app is bound to an Open Platform account) behind a wx.login code. */
  async codeToSession(code: string): Promise<{ openid: string; unionid?: string }> {
    const { apiBase, appId, appSecret } = this.options;
    const query = new URLSearchParams({ appid: appId, secret: appSecret, js_code: code, grant_type: 'authorization_code' });
    const body = await this.json('code2Session', `${apiBase}/sns/jscode2session?${query}`);
    if (typeof body.openid !== 'string' || !body.openid) throw new MiniProgramApiError('code2Session', -1, 'no openid in the answer');
    return { openid: body.openid, unionid: typeof body.unionid === 'string' && body.unionid ? body.unionid : undefined };
  }

  /** The phone number the customer let the phone button share (WeChat verified it). */
  async phoneNumber(code: string): Promise<string> {
    const body = await this.call('getPhoneNumber', '/wxa/business/getuserphonenumber', { code });
    const info = body.phone_info as { phoneNumber?: unknown; purePhoneNumber?: unknown; countryCode?: unknown } | undefined;
    const pure = typeof info?.purePhoneNumber === 'string' ? info.purePhoneNumber : '';
    const full = typeof info?.phoneNumber === 'string' ? info.phoneNumber : '';
    const country = typeof info?.countryCode === 'string' ? info.countryCode : '';
    const phone = pure && country ? `+${country}${pure}` : full;
    if (!phone) throw new MiniProgramApiError('getPhoneNumber', -1, 'no phone number in the answer');
    return phone;
  }

  /** A temporary media file (a customer's picture), or undefined when it is larger than maxBytes. */
  downloadMedia(mediaId: string, maxBytes: number): Promise<Buffer | undefined> {
    return this.withToken('media.get', async (token) => {
      const res = await this.fetch('media.get', `${this.options.apiBase}/cgi-bin/media/get?${new URLSearchParams({ access_token: token, media_id: mediaId })}`);
      // WeChat answers errors as JSON with status 200
      if (/json|text\/plain/i.test(res.headers.get('content-type') ?? '')) {
        await this.errorOf('media.get', res);
        throw new MiniProgramApiError('media.get', -1, 'no media in the answer');
      }
      return readLimited(res, maxBytes);
    });
  }

  /** Uploads a picture as temporary media (3 days); returns its media_id. */
  async uploadImage(bytes: Buffer, filename: string): Promise<string> {
    const body = await this.withToken('media.upload', async (token) => {
      const form = new FormData();
      form.append('media', new Blob([bytes]), filename);
      const res = await this.fetch('media.upload', `${this.options.apiBase}/cgi-bin/media/upload?${new URLSearchParams({ access_token: token, type: 'image' })}`, { method: 'POST', body: form });
      return this.errorOf('media.upload', res);
    });
    if (typeof body.media_id !== 'string' || !body.media_id) throw new MiniProgramApiError('media.upload', -1, 'no media_id in the answer');
    return body.media_id;
  }

  private async json(method: string, url: string, payload?: unknown): Promise<Json> {
    const res = await this.fetch(method, url, {
      method: payload === undefined ? 'GET' : 'POST',
      headers: payload === undefined ? undefined : { 'content-type': 'application/json; charset=utf-8' },
      body: payload === undefined ? undefined : JSON.stringify(payload),
    });
    return this.errorOf(method, res);
  }

  private async fetch(method: string, url: string, init: RequestInit = {}): Promise<Response> {
    let res: Response;
    try {
      res = await fetch(url, { ...init, signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000) });
    } catch (err) {
      throw new MiniProgramNetworkError(method, err);
    }
    if (!res.ok) throw new MiniProgramNetworkError(method, new Error(`HTTP ${res.status}`));
    return res;
  }

  /** The JSON answer; throws MiniProgramApiError when it carries a non-zero errcode. */
  private async errorOf(method: string, res: Response): Promise<Json> {
    let body: Json;
    try {
      body = (await res.json()) as Json;
    } catch (err) {
      throw new MiniProgramNetworkError(method, err);
    }
    const errcode = Number(body.errcode ?? 0);
    if (errcode !== 0) throw new MiniProgramApiError(method, errcode, String(body.errmsg ?? ''));
    return body;
  }
}
