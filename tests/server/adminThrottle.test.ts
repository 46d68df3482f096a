/**
 * Wrong admin tokens are throttled per source address (issue 9, hole 11): 300 wrong tokens in a row
 * used to get 300 × 401. After ADMIN_MAX_FAILURES wrong tokens, every /api/admin/* request from that
 * address gets 429 with Retry-After until the window passes — a correct token too (so the answer is no
 * oracle for a guess); other addresses are not affected.
 */
import { ScriptedRecognizer } from '../helpers/scriptedRecognizer';
import { ADMIN_TOKEN, RunningApp, startTestApp } from '../helpers/testApp';

describe('admin API: wrong tokens', () => {
  let app: RunningApp;
  beforeAll(async () => {
    // behind a (test) proxy, so each test speaks from its own address
    app = await startTestApp({ ADMIN_TRUST_PROXY: 'true', ADMIN_MAX_FAILURES: '10' }, { recognizer: new ScriptedRecognizer() });
  });
  afterAll(() => app.close(1000));

  const call = async (path: string, from: string, token: string | undefined, method = 'GET') => {
    const res = await fetch(`${app.url}${path}`, {
      method,
      headers: { 'x-forwarded-for': from, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
    return { status: res.status, retryAfter: res.headers.get('retry-after'), json: (await res.json()) as { error?: { code: string } } };
  };

  it('answers 429 with Retry-After after 10 wrong tokens from one address, on every admin route, even to the right token', async () => {
    const from = '203.0.113.10';
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await call('/api/admin/handoffs', from, `wrong-token-${i}-xxxxxxxx`)).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual(Array(20).fill(429));
    const refused = await call('/api/admin/tickets', from, ADMIN_TOKEN);
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(15 * 60);
    expect(refused.json.error?.code).toBe('too_many_failures');
    expect((await call('/api/admin/customers/c_x', from, undefined)).status).toBe(429);
    // another address is not affected
    expect((await call('/api/admin/handoffs', '198.51.100.20', ADMIN_TOKEN)).status).toBe(200);
  });

  it('counts a missing token as a failure, and never counts the right one', async () => {
    const from = '203.0.113.11';
    for (let i = 0; i < 50; i++) expect((await call('/api/admin/handoffs', from, ADMIN_TOKEN)).status).toBe(200);
    for (let i = 0; i < 10; i++) expect((await call('/api/admin/handoffs', from, undefined)).status).toBe(401);
    expect((await call('/api/admin/handoffs', from, ADMIN_TOKEN)).status).toBe(429);
  });

  it('takes a burst of concurrent wrong tokens into account before checking them', async () => {
    const from = '203.0.113.12';
    const burst = await Promise.all(Array.from({ length: 40 }, (_, i) => call('/api/admin/handoffs', from, `burst-${i}-xxxxxxxxxxxx`)));
    expect(burst.filter((r) => r.status === 401)).toHaveLength(10);
    expect(burst.filter((r) => r.status === 429)).toHaveLength(30);
  });
});
