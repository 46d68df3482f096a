/**
 * Telegram Bot API client: POST {apiRoot}/bot{token}/{method} with JSON. Errors are typed:
 * TelegramApiError = Telegram answered ok:false; TelegramNetworkError = no usable answer.
 * The token is part of the URL, so neither error ever carries the URL.
 */
import { readLimited } from '../boundedDownload';

export class TelegramApiError extends Error {
  constructor(
    readonly method: string,
    readonly errorCode: number,
    readonly description: string,
    readonly retryAfter?: number,
  ) {
    super(`Telegram ${method} failed: ${errorCode} ${description}`);
    this.name = 'TelegramApiError';
  }
}

export class TelegramNetworkError extends Error {
  constructor(
    readonly method: string,
    cause: unknown,
  ) {
    super(`Telegram ${method} could not be reached: ${(cause as Error)?.message ?? String(cause)}`);
    this.name = 'TelegramNetworkError';
  }
}

export interface TelegramApiOptions {
  apiRoot: string;
  botToken: string;
  timeoutMs?: number;
}

/** longest flood-control wait we sit out before giving up on a message */
const MAX_RETRY_AFTER_S = 5;

export class TelegramApi {
  constructor(private readonly options: TelegramApiOptions) {}

  /** `waitOnFlood: false`: a 429 is thrown at once (campaigns reschedule the message instead of sleeping). */
  async call<T = unknown>(method: string, params: Record<string, unknown>, options: { waitOnFlood?: boolean } = {}): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.once<T>(method, params);
      } catch (err) {
        const floodWait = err instanceof TelegramApiError && err.errorCode === 429 ? err.retryAfter : undefined;
        if (floodWait === undefined || options.waitOnFlood === false || floodWait > MAX_RETRY_AFTER_S || attempt >= 2) throw err;
        await new Promise((r) => setTimeout(r, floodWait * 1000));
      }
    }
  }

  /**
   * A file a customer sent (a photo), at most maxBytes: getFile names its path, then the Bot API's own file
   * host serves it ({apiRoot}/file/bot{token}/{path}). undefined when Telegram does not have it or it is too large.
   */
  async downloadFile(fileId: string, maxBytes: number): Promise<Buffer | undefined> {
    const file = await this.call<{ file_path?: string; file_size?: number }>('getFile', { file_id: fileId });
    if (!file?.file_path || (file.file_size ?? 0) > maxBytes) return undefined;
    let res: Response;
    try {
      res = await fetch(`${this.options.apiRoot}/file/bot${this.options.botToken}/${file.file_path}`, { signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000) });
    } catch (err) {
      throw new TelegramNetworkError('file', err);
    }
    if (!res.ok || !res.body) return undefined;
    // a file_size that lied: reading stops at the bound
    return readLimited(res, maxBytes);
  }

  private async once<T>(method: string, params: Record<string, unknown>): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`${this.options.apiRoot}/bot${this.options.botToken}/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(params),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
    } catch (err) {
      throw new TelegramNetworkError(method, err);
    }
    let body: { ok?: boolean; result?: T; error_code?: number; description?: string; parameters?: { retry_after?: number } };
    try {
      body = (await res.json()) as typeof body;
    } catch {
      throw new TelegramNetworkError(method, new Error(`HTTP ${res.status}, body is not JSON`));
    }
    if (body.ok === true) return body.result as T;
    if (body.ok === false) {
      throw new TelegramApiError(method, body.error_code ?? res.status, body.description ?? '', body.parameters?.retry_after);
    }
    throw new TelegramNetworkError(method, new Error(`HTTP ${res.status}, unexpected body`));
  }
}
