/**
 * The WeChat server API calls the channel makes: the access token (cached until shortly before it
 * expires, refreshed when WeChat says it is invalid or expired) and customer-service messages.
 * Errors are typed: WeChatApiError = WeChat answered with an errcode; WeChatNetworkError = no usable answer.
 */
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
const REFRESH_MARGIN_MS = 5 * 60 * 1000;

export interface WeChatApiOptions {
  apiBase: string;
  appId: string;
  appSecret: string;
  timeoutMs?: number;
  now?: () => number;
}

export class WeChatApi {
  private cached?: { token: string; expiresAt: number };
  private fetching?: Promise<string>;
  private readonly now: () => number;

  constructor(private readonly options: WeChatApiOptions) {
    this.now = options.now ?? Date.now;
  }

  /** The access token, fetched once and shared by concurrent callers. */
  async accessToken(): Promise<string> {
    if (this.cached && this.cached.expiresAt > this.now()) return this.cached.token;
    this.fetching ??= this.fetchToken().finally(() => (this.fetching = undefined));
    return this.fetching;
  }

  private async fetchToken(): Promise<string> {
    const { apiBase, appId, appSecret } = this.options;
    const query = new URLSearchParams({ grant_type: 'client_credential', appid: appId, secret: appSecret });
    const body = await this.request('token', `${apiBase}/cgi-bin/token?${query}`);
    const token = body.access_token;
    const expiresIn = Number(body.expires_in ?? 7200);
    if (typeof token !== 'string' || !token) throw new WeChatApiError('token', -1, 'no access_token in the answer');
    this.cached = { token, expiresAt: this.now() + Math.max(expiresIn * 1000 - REFRESH_MARGIN_MS, 30_000) };
    return token;
  }

  /** POST {apiBase}{path}?access_token=…, refreshing the token once when WeChat refuses it. */
  async call(method: string, path: string, payload: unknown): Promise<Record<string, unknown>> {
    for (let attempt = 1; ; attempt++) {
      const token = await this.accessToken();
      try {
        return await this.request(method, `${this.options.apiBase}${path}?access_token=${encodeURIComponent(token)}`, payload);
      } catch (err) {
        if (!(err instanceof WeChatApiError) || !TOKEN_ERRORS.has(err.errcode) || attempt >= 2) throw err;
        if (this.cached?.token === token) this.cached = undefined;
      }
    }
  }

  async sendCustomMessage(openid: string, message: WeChatMessage): Promise<void> {
    await this.call('message/custom/send', '/cgi-bin/message/custom/send', customPayload(openid, message));
  }

  private async request(method: string, url: string, payload?: unknown): Promise<Record<string, unknown>> {
    let res: Response;
    try {
      res = await fetch(url, {
        method: payload === undefined ? 'GET' : 'POST',
        headers: payload === undefined ? undefined : { 'content-type': 'application/json; charset=utf-8' },
        // WeChat wants the Chinese characters as they are, not \u escapes (JSON.stringify keeps them)
        body: payload === undefined ? undefined : JSON.stringify(payload),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
    } catch (err) {
      throw new WeChatNetworkError(method, err);
    }
    if (!res.ok) throw new WeChatNetworkError(method, new Error(`HTTP ${res.status}`));
    let body: Record<string, unknown>;
    try {
      body = (await res.json()) as Record<string, unknown>;
    } catch (err) {
      throw new WeChatNetworkError(method, err);
    }
    const errcode = Number(body.errcode ?? 0);
    if (errcode !== 0) throw new WeChatApiError(method, errcode, String(body.errmsg ?? ''));
    return body;
  }
}

export function customPayload(openid: string, message: WeChatMessage): Record<string, unknown> {
  if (message.type === 'text') return { touser: openid, msgtype: 'text', text: { content: message.content } };
  const article: NewsArticle = message.article;
  return { touser: openid, msgtype: 'news', news: { articles: [article] } };
}
