/**
 * Guessing Direct Line credentials is throttled per source address: after 10 wrong secrets or forged
 * tokens in a minute, that address gets 429 with Retry-After (REST and the WebSocket stream alike),
 * whatever it presents; other addresses are unaffected, and expired tokens (a laptop waking up) do not count.
 * The server trusts X-Forwarded-For here, so each test speaks from its own address.
 */
import { WebSocket } from 'ws';
import { TokenService } from '../../../adapters/web';
import { startWebChatServer, TEST_SECRET, WebChatServer } from './webChatServer';

let server: WebChatServer;
beforeAll(async () => {
  server = await startWebChatServer({ authFailuresPerMinute: 10, trustProxy: true });
});
afterAll(() => server.close());

async function start(from: string, auth: string) {
  const res = await fetch(`${server.url}/v3/directline/conversations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${auth}`, 'x-forwarded-for': from },
  });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), json: (await res.json()) as any };
}

describe('throttling wrong Direct Line credentials', () => {
  it('answers 429 with Retry-After after 10 wrong secrets from one address, even to the right secret', async () => {
    for (let i = 0; i < 10; i++) expect((await start('203.0.113.7', `wrong-secret-${i}-0123456789abcdef0123`)).status).toBe(401);
    const throttled = await start('203.0.113.7', 'wrong-secret-again-0123456789abcdef');
    expect(throttled.status).toBe(429);
    expect(throttled.json.error.code).toBe('too_many_requests');
    expect(Number(throttled.retryAfter)).toBeGreaterThan(0);
    expect((await start('203.0.113.7', TEST_SECRET)).status).toBe(429);
    // someone else is not affected
    expect((await start('203.0.113.8', TEST_SECRET)).status).toBe(201);
  });

  it('counts forged tokens on the WebSocket stream too, and refuses the upgrade with 429', async () => {
    const c = await start('198.51.100.20', TEST_SECRET);
    expect(c.status).toBe(201);
    const forged = new TokenService('another-secret-another-secret-1234', 1800).issue(c.json.conversationId);
    const upgrade = (token: string) =>
      new Promise<{ status: number; retryAfter?: string }>((resolve) => {
        const url = c.json.streamUrl.replace(/t=[^&]+/, `t=${encodeURIComponent(token)}`);
        const ws = new WebSocket(url, { headers: { 'x-forwarded-for': '198.51.100.9' } });
        ws.on('unexpected-response', (_req, res) => {
          resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] as string | undefined });
          res.resume();
        });
        ws.on('open', () => {
          ws.close();
          resolve({ status: 101 });
        });
        ws.on('error', () => undefined);
      });
    for (let i = 0; i < 10; i++) expect((await upgrade(forged)).status).toBe(401);
    const refused = await upgrade(c.json.token);
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
  });

  it('does not count expired tokens (the official client refreshes after them)', async () => {
    const c = await start('192.0.2.44', TEST_SECRET);
    const expired = new TokenService(TEST_SECRET, 1800, () => Date.now() - 3600 * 1000).issue(c.json.conversationId, 'late');
    for (let i = 0; i < 15; i++) expect((await start('192.0.2.44', expired)).status).toBe(403);
    expect((await start('192.0.2.44', TEST_SECRET)).status).toBe(201);
  });
});
