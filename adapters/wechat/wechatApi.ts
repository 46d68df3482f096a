/**
 * The WeChat server API calls the channel makes: the access token (one per app id, shared by every
 * instance through the store, renewed when WeChat says it is invalid or expired), customer-service
 * messages, user info (the unionid) and media downloads (pictures, voice).
 * Errors are typed: WeChatApiError = WeChat answered with an errcode; WeChatNetworkError = no usable answer.
 */
import type { DocumentStore } from '../../storage/documentStore';
import { SharedAccessToken } from '../wechatKit/accessToken';
import { readLimited } from '../boundedDownload';
import type { NewsArticle, WeChatMessage } from './render';

export class WeChatApiError extends Error {
  constructor(
    readonly method: string,
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(`WeChat ${method} failed: errcode ${errcode} (${errmsg})`);
    this.name = 'WeChatApiError';
  }
}

export class WeChatNetworkError extends Error {
  constructor(
    readonly method: string,
    cause: unknown,
  ) {
    super(`WeChat ${method} could not be reached: ${(cause as Error)?.message ?? String(cause)}`, { cause });
    this.name = 'WeChatNetworkError';
  }
}

/** errcodes meaning "this access token is no good": invalid, expired, not the latest */
const TOKEN_ERRORS = new Set([40001, 40014, 42001]);

export interface WeChatApiOptions {
  apiBase: string;
  appId: string;
  appSecret: string;
  /** where the access token is shared with the other instances */
  store: DocumentStore;
  timeoutMs?: number;
  now?: () => number;
}

export class WeChatApi {
  private readonly tokens: SharedAccessToken;

  constructor(private readonly options: WeChatApiOptions) {
    this.tokens = new SharedAccessToken({ store: options.store, appId: options.appId, fetch: () => this.fetchToken(), now: options.now });
  }

  /** The access token (memory, else the store, else one instance fetches it for all). */
  async accessToken(): Promise<string> {
    return this.tokens.get();
  }

  private async fetchToken(): Promise<{ token: string; expiresInSec: number }> {
    const { apiBase, appId, appSecret } = this.options;
    const query = new URLSearchParams({ grant_type: 'client_credential', appid: appId, secret: appSecret });
    const body = await this.request('token', `${apiBase}/cgi-bin/token?${query}`);
    const token = body.access_token;
    if (typeof token !== 'string' || !token) throw new WeChatApiError('token', -1, 'no access_token in the answer');
    return { token, expiresInSec: Number(body.expires_in ?? 7200) || 7200 };
  }

  /** Runs `attempt` with the token, renewing it once when WeChat refuses it (another instance or process renewed it). */
  private async withToken<T>(attempt: (token: string) => Promise<T>): Promise<T> {
    for (let tries = 1; ; tries++) {
      const token = await this.accessToken();
      try {
        return await attempt(token);
      } catch (err) {
        if (!(err instanceof WeChatApiError) || !TOKEN_ERRORS.has(err.errcode) || tries >= 2) throw err;
        await this.tokens.invalidate(token);
      }
    }
  }

  private url(path: string, token: string, query: Record<string, string> = {}): string {
    return `${this.options.apiBase}${path}?${new URLSearchParams({ access_token: token, ...query })}`;
  }

  /** POST {apiBase}{path}?access_token=… with a JSON body. */
  async call(method: string, path: string, payload: unknown): Promise<Record<string, unknown>> {
    return this.withToken((token) => this.request(method, this.url(path, token), payload));
  }

  /** GET {apiBase}{path}?access_token=…&query; `timeoutMs` for callers that must not wait long. */
  async query(method: string, path: string, query: Record<string, string>, timeoutMs?: number): Promise<Record<string, unknown>> {
    return this.withToken((token) => this.request(method, this.url(path, token, query), undefined, timeoutMs));
  }

  async sendCustomMessage(openid: string, message: WeChatMessage): Promise<void> {
    await this.call('message/custom/send', '/cgi-bin/message/custom/send', customPayload(openid, message));
  }

  /**
   * A temporary media file a customer sent (picture, voice) from cgi-bin/media/get, or undefined when it is
   * larger than maxBytes. WeChat answers a bad media id with JSON and an errcode (WeChatApiError).
   */
  async downloadMedia(mediaId: string, maxBytes: number): Promise<Buffer | undefined> {
    return this.withToken(async (token) => {
      const res = await this.send('media/get', this.url('/cgi-bin/media/get', token, { media_id: mediaId }));
      const type = res.headers.get('content-type') ?? '';
      if (/json|text\/plain/i.test(type)) {
        await this.errcodeOf('media/get', res);
        throw new WeChatApiError('media/get', -1, 'no media in the answer');
      }
      try {
        return await readLimited(res, maxBytes);
      } catch (err) {
        throw new WeChatNetworkError('media/get', err);
      }
    });
  }

  private async send(method: string, url: string, payload?: unknown, timeoutMs?: number): Promise<Response> {
    let res: Response;
    try {
      res = await fetch(url, {
        method: payload === undefined ? 'GET' : 'POST',
        headers: payload === undefined ? undefined : { 'content-type': 'application/json; charset=utf-8' },
        // WeChat wants the Chinese characters as they are, not \u escapes (JSON.stringify keeps them)
        body: payload === undefined ? undefined : JSON.stringify(payload),
        signal: AbortSignal.timeout(timeoutMs ?? this.options.timeoutMs ?? 10_000),
      });
    } catch (err) {
      throw new WeChatNetworkError(method, err);
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      throw new WeChatNetworkError(method, new Error(`HTTP ${res.status}`));
    }
    return res;
  }

  /** The JSON answer, or WeChatApiError when it carries a non-zero errcode. */
  private async errcodeOf(method: string, res: Response): Promise<Record<string, unknown>> {
    let body: Record<string, unknown>;
    try {
      body = (await res.json()) as Record<string, unknown>;
    } catch (err) {
      throw new WeChatNetworkError(method, err);
    }
    const errcode = Number(body?.errcode ?? 0);
    if (errcode !== 0) throw new WeChatApiError(method, errcode, String(body.errmsg ?? ''));
    return body;
  }

  private async request(method: string, url: string, payload?: unknown, timeoutMs?: number): Promise<Record<string, unknown>> {
    return this.errcodeOf(method, await this.send(method, url, payload, timeoutMs));
  }
}

export function customPayload(openid: string, message: WeChatMessage): Record<string, unknown> {
  if (message.type === 'text') return { touser: openid, msgtype: 'text', text: { content: message.content } };
  const article: NewsArticle = message.article;
  return { touser: openid, msgtype: 'news', news: { articles: [article] } };
}
