/**
 * Password guessing against staff logins is throttled per address and username (429 + Retry-After, the
 * right password too, so the answer is no oracle); other addresses and usernames are unaffected. Staff
 * working with a session on /api/admin/* never trip the wrong-admin-token throttle.
 */
import { ScriptedRecognizer } from '../helpers/scriptedRecognizer';
import { ADMIN_TOKEN, RunningApp, startTestApp } from '../helpers/testApp';

const PASSWORD = 'cleanser-and-toner-9';

describe('staff login throttling', () => {
  let app: RunningApp;
  const login = async (username: string, password: string, from: string) => {
    const res = await fetch(`${app.url}/api/agent/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
      body: JSON.stringify({ username, password }),
    });
    return { status: res.status, retryAfter: res.headers.get('retry-after'), cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]!, json: (await res.json()) as any };
  };

  beforeAll(async () => {
    app = await startTestApp({ ADMIN_TRUST_PROXY: 'true', STAFF_LOGIN_MAX_FAILURES: '5', ADMIN_MAX_FAILURES: '3' }, { recognizer: new ScriptedRecognizer() });
    const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
    for (const [username, role] of [['mei', 'agent'], ['lan', 'agent'], ['boss', 'admin']]) {
      expect((await app.post('/api/admin/agents', { username, password: PASSWORD, role }, auth)).status).toBe(201);
    }
  });
  afterAll(() => app.close(1000));

  it('answers 429 with Retry-After after 5 wrong passwords for one username from one address', async () => {
    const from = '203.0.113.40';
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await login('mei', `guess-number-${i}`, from)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    const right = await login('MEI', PASSWORD, from);
    expect(right.status).toBe(429);
    expect(right.json.error.code).toBe('too_many_failures');
    expect(Number(right.retryAfter)).toBeGreaterThan(0);
    expect(Number(right.retryAfter)).toBeLessThanOrEqual(15 * 60);
    // the agent herself, elsewhere, and another username from the same address still log in
    expect((await login('mei', PASSWORD, '198.51.100.41')).status).toBe(200);
    expect((await login('lan', PASSWORD, from)).status).toBe(200);
  });

  it('does not count successful logins', async () => {
    const from = '203.0.113.42';
    for (let i = 0; i < 6; i++) expect((await login('lan', PASSWORD, from)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login('lan', 'wrong-password-x', from)).status).toBe(401);
    expect((await login('lan', PASSWORD, from)).status).toBe(200);
  });

  it('counts a concurrent burst of guesses before checking them', async () => {
    const from = '203.0.113.43';
    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => login('boss', `burst-guess-${i}`, from)));
    expect(burst.filter((r) => r.status === 401)).toHaveLength(5);
    expect(burst.filter((r) => r.status === 429)).toHaveLength(7);
  });

  it('never counts requests with a staff session as wrong admin tokens', async () => {
    const from = '203.0.113.44';
    const boss = await login('boss', PASSWORD, from);
    const agent = await login('mei', PASSWORD, from);
    const get = (cookie: string) => fetch(`${app.url}/api/admin/agents`, { headers: { cookie, 'x-forwarded-for': from } }).then((r) => r.status);
    for (let i = 0; i < 6; i++) expect(await get(boss.cookie)).toBe(200);
    for (let i = 0; i < 6; i++) expect(await get(agent.cookie)).toBe(403);
    // a made-up cookie is a guess like a wrong token: 3 allowed, then 429
    const guesses: number[] = [];
    for (let i = 0; i < 5; i++) guesses.push(await get(`staff_session=made-up-${i}`));
    expect(guesses).toEqual([401, 401, 401, 429, 429]);
  });
});
