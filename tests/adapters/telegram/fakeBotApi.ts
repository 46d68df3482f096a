/**
 * A local stand-in for the Telegram Bot API on 127.0.0.1: accepts POST /bot<token>/<method> only for
 * the right token, checks the limits Telegram enforces (text 4096, caption 1024, callback_data 64
 * bytes) and records each call.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface BotApiCall {
  method: string;
  params: any;
}

export interface FakeBotApi {
  url: string;
  calls: BotApiCall[];
  of(method: string): BotApiCall[];
  /** the next N sends answer 429 Too Many Requests with this retry_after (seconds), as flood control does */
  floodNext(count: number, retryAfter: number): void;
  waitFor(predicate: (calls: BotApiCall[]) => boolean, timeoutMs?: number): Promise<BotApiCall[]>;
  close(): Promise<void>;
}

function violation(method: string, p: any): string | undefined {
  if (p.chat_id === undefined && method !== 'answerCallbackQuery') return 'Bad Request: chat_id is empty';
  if (method === 'sendMessage' && (typeof p.text !== 'string' || p.text.length === 0 || p.text.length > 4096)) return 'Bad Request: message text is empty or too long';
  if (method === 'sendPhoto' && (typeof p.photo !== 'string' || (p.caption !== undefined && p.caption.length > 1024))) return 'Bad Request: message caption is too long';
  for (const row of p.reply_markup?.inline_keyboard ?? []) {
    for (const button of row) {
      if (button.callback_data !== undefined && Buffer.byteLength(button.callback_data) > 64) return 'Bad Request: BUTTON_DATA_INVALID';
    }
  }
  return undefined;
}

export async function startFakeBotApi(token: string): Promise<FakeBotApi> {
  let messageId = 100;
  let flood = { count: 0, retryAfter: 0 };
  const fake: FakeBotApi = {
    url: '',
    calls: [],
    of: (method) => fake.calls.filter((c) => c.method === method),
    floodNext: (count, retryAfter) => (flood = { count, retryAfter }),
    async waitFor(predicate, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(fake.calls)) {
        if (Date.now() > deadline) throw new Error(`fake Bot API: condition not met; calls: ${JSON.stringify(fake.calls.map((c) => c.method))}`);
        await new Promise((r) => setTimeout(r, 10));
      }
      return fake.calls;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const answer = (status: number, body: object) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const match = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? '');
      if (req.method !== 'POST' || !match) return answer(404, { ok: false, error_code: 404, description: 'Not Found' });
      if (match[1] !== token) return answer(401, { ok: false, error_code: 401, description: 'Unauthorized' });
      let params: any;
      try {
        params = JSON.parse(raw);
      } catch {
        return answer(400, { ok: false, error_code: 400, description: 'Bad Request: invalid JSON' });
      }
      const method = match[2];
      const problem = violation(method, params);
      if (problem) return answer(400, { ok: false, error_code: 400, description: problem });
      if (flood.count > 0 && method !== 'answerCallbackQuery') {
        flood.count--;
        return answer(429, { ok: false, error_code: 429, description: `Too Many Requests: retry after ${flood.retryAfter}`, parameters: { retry_after: flood.retryAfter } });
      }
      fake.calls.push({ method, params });
      if (method === 'answerCallbackQuery') return answer(200, { ok: true, result: true });
      return answer(200, { ok: true, result: { message_id: ++messageId, chat: { id: params.chat_id }, date: 1700000000 } });
    });
  });
  server.keepAliveTimeout = 100;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}
