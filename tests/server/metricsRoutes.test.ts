/**
 * GET /api/admin/metrics and GET /metrics on the real app: admins (token or session) get the seeded day's
 * figures, agents are refused, strangers get 401, bad dates and ranges a 400 that names the parameter;
 * the Prometheus scrape shows the latency histogram after a real turn, and METRICS_TOKEN protects it.
 */
import { ScriptedRecognizer } from '../helpers/scriptedRecognizer';
import { ADMIN_TOKEN, RunningApp, startTestApp } from '../helpers/testApp';
import { seedMetrics } from '../services/analytics/metricsFixture';

const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
const DAY = '/api/admin/metrics?from=2025-05-01&to=2025-05-01';

async function login(app: RunningApp, username: string, password: string): Promise<string> {
  const res = await fetch(`${app.url}/api/agent/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  expect(res.status).toBe(200);
  const cookie = /staff_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '');
  expect(cookie).toBeTruthy();
  return cookie![0];
}

describe('metrics routes', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startTestApp({}, { recognizer: new ScriptedRecognizer({ 你好: 'greeting' }) });
    await seedMetrics(app.store);
    for (const [username, role] of [
      ['boss', 'admin'],
      ['mei', 'agent'],
    ]) {
      expect((await app.post('/api/admin/agents', { username, password: 'Rose-Petal-2024!', role }, admin)).status).toBe(201);
    }
  }, 30000);

  afterAll(() => app?.close(1000));

  it('gives an admin (token or session) the day in the admin shape', async () => {
    const byToken = await app.get(DAY, admin);
    expect(byToken.status).toBe(200);
    expect(byToken.json).toMatchObject({
      conversations: 5,
      turns: 10,
      containmentRate: 0.6,
      handoffRate: 0.2,
      handoffReasons: { angry: 1 },
      fallbackRate: 0.1111,
      p50Ms: 250,
      p99Ms: 700,
      topIntents: expect.arrayContaining([{ intent: 'recommendation', count: 3 }]),
      topUnanswered: [
        { text: '你们几点发货？', count: 5 },
        { text: 'Can I pay by PayPal', count: 4 },
      ],
      funnel: { recommendationsShown: 2, cardClicks: 1, cartLinks: 1, offersClaimed: 1, giftsClaimed: 1 },
      couponRedemption: { issued: 3, redeemed: 2, rate: 0.6667 },
      csat: { responses: 3, average: 3.67 },
    });
    const cookie = await login(app, 'boss', 'Rose-Petal-2024!');
    const bySession = await app.get(`${DAY}&channel=webchat`, { cookie });
    expect(bySession.status).toBe(200);
    expect(bySession.json).toMatchObject({ channel: 'webchat', turns: 3, conversations: 1, containmentRate: 0, csat: { responses: 1, average: 4 } });
  });

  it('reads dates in the given offset: a Beijing day starts at 16:00 UTC the day before', async () => {
    const r = await app.get('/api/admin/metrics?from=2025-05-01&to=2025-05-01&tz=480', admin);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ from: '2025-04-30T16:00:00.000Z', to: '2025-05-01T16:00:00.000Z', turns: 11 });
  });

  it('refuses strangers (401) and agents (403)', async () => {
    const none = await app.get(DAY);
    expect(none.status).toBe(401);
    expect(none.json.error.code).toBe('unauthenticated');
    expect((await app.get(DAY, { cookie: 'staff_session=forged' })).status).toBe(401);
    const agent = await login(app, 'mei', 'Rose-Petal-2024!');
    const refused = await app.get(DAY, { cookie: agent });
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe('forbidden');
  });

  it.each([
    ['from=2025-13-01', 'invalid_date', 'from'],
    ['from=2025-02-30', 'invalid_date', 'from'],
    ['to=yesterday', 'invalid_date', 'to'],
    ['from=2025-05-01T08:00:00', 'invalid_date', 'from'], // no zone: ambiguous
    ['from=2025-05-03&to=2025-05-01', 'invalid_range', 'before'],
    ['from=2023-01-01&to=2025-01-01', 'invalid_range', '366'],
    ['from=2025-05-01T10:00:00Z&to=2025-05-01T10:00:00Z', 'invalid_range', 'before'],
    ['channel=web%20chat', 'invalid_query', 'channel'],
    ['tz=9999', 'invalid_query', 'tz'],
    ['form=2025-05-01', 'invalid_query', 'form'],
  ])('answers 400 to %s', async (query, code, mentions) => {
    const r = await app.get(`/api/admin/metrics?${query}`, admin);
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe(code);
    expect(r.json.error.message).toContain(mentions);
  });

  it('shows a real turn in the Prometheus latency histogram and counters', async () => {
    await app.say('prom-user', '你好');
    const res = await fetch(`${app.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/# TYPE beautybot_turn_duration_seconds histogram/);
    expect(text).toMatch(/beautybot_turn_duration_seconds_count\{channel="app"\} 1\b/);
    expect(text).toMatch(/beautybot_turns_total\{channel="app",outcome="bot"\} 1\b/);
    expect(text).toMatch(/process_cpu_user_seconds_total/);
    // and the same turn reaches the dashboard at once (buffered events are flushed first)
    const today = await app.get(`/api/admin/metrics?channel=app`, admin);
    expect(today.json.topIntents).toEqual(expect.arrayContaining([{ intent: 'greeting', count: 1 }]));
  });
});

describe('GET /metrics with METRICS_TOKEN', () => {
  let app: RunningApp;
  const token = 'scrape-token-0123456789';
  beforeAll(async () => {
    app = await startTestApp({ METRICS_TOKEN: token });
  });
  afterAll(() => app?.close(1000));

  it('needs the token', async () => {
    expect((await fetch(`${app.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${app.url}/metrics`, { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(401);
    const ok = await fetch(`${app.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('beautybot_turn_duration_seconds');
  });
});
