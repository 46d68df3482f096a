/**
 * Staff accounts and logins as agents and admins meet them: an admin creates accounts (token or admin
 * session), agents log in with a cookie the page cannot read, every change needs the CSRF token, customers
 * and wrong roles are refused, logout ends the session, and no password is ever stored or logged.
 */
import { createLogger } from '../../platform/logger';
import { staffRoute } from '../../server/staffAuth';
import { sendJson } from '../../platform/http';
import { ScriptedRecognizer } from '../helpers/scriptedRecognizer';
import { ADMIN_TOKEN, RunningApp, startTestApp } from '../helpers/testApp';

const AGENT_PASSWORD = 'lipstick-and-tea-42';
const ADMIN_PASSWORD = 'moisturiser-queen-7';
const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

interface Login {
  cookie: string;
  csrf: string;
  setCookie: string;
}

describe('staff accounts and sessions', () => {
  let app: RunningApp;
  const logLines: string[] = [];

  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(app.url + path, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, headers: res.headers, json: (await res.json()) as any };
  };
  const login = async (username: string, password: string, headers: Record<string, string> = {}): Promise<Login> => {
    const res = await call('POST', '/api/agent/login', { username, password }, headers);
    expect(res.status).toBe(200);
    const setCookie = res.headers.get('set-cookie') ?? '';
    return { cookie: setCookie.split(';')[0]!, csrf: res.json.csrfToken, setCookie };
  };

  beforeAll(async () => {
    const logger = createLogger({ level: 'trace', transcripts: false, destination: { write: (line: string) => void logLines.push(line) } });
    app = await startTestApp({ ADMIN_TRUST_PROXY: 'true' }, { recognizer: new ScriptedRecognizer(), logger });
    expect((await app.post('/api/admin/agents', { username: 'mei', password: AGENT_PASSWORD, role: 'agent', displayName: '小美' }, admin)).status).toBe(201);
    expect((await app.post('/api/admin/agents', { username: 'boss', password: ADMIN_PASSWORD, role: 'admin' }, admin)).status).toBe(201);
    // a tiny agent route that changes something, as D's routes will
    app.server.post(
      '/api/agent/test-change',
      staffRoute(app.staffAuth, ['agent'], async (_req, res, principal) => sendJson(res, 200, principal), () => undefined),
    );
  });
  afterAll(() => app.close(1000));

  it('lets the admin token create accounts, and answers 409 taken / 400 weak or invalid', async () => {
    const created = await app.post('/api/admin/agents', { username: 'Lan', password: 'serum-for-everyone', role: 'agent', capacity: 5 }, admin);
    expect(created).toEqual({ status: 201, json: { username: 'lan', role: 'agent' } });
    expect((await app.post('/api/admin/agents', { username: 'LAN', password: 'serum-for-everyone', role: 'agent' }, admin)).status).toBe(409);
    const weak = await app.post('/api/admin/agents', { username: 'zoe', password: 'short', role: 'agent' }, admin);
    expect(weak.status).toBe(400);
    expect(weak.json.error.code).toBe('weak_password');
    expect((await app.post('/api/admin/agents', { username: 'zoe', password: 'serum-for-everyone', role: 'owner' }, admin)).status).toBe(400);
    expect((await app.post('/api/admin/agents', { username: 'zoe', password: 'serum-for-everyone', role: 'agent', extra: 1 }, admin)).status).toBe(400);
    expect((await app.post('/api/admin/agents', { username: 'zoe', password: 'serum-for-everyone', role: 'agent' })).status).toBe(401);
    const list = await app.get('/api/admin/agents', admin);
    expect(list.status).toBe(200);
    expect(list.json.items.map((a: { username: string }) => a.username)).toEqual(['boss', 'lan', 'mei']);
    expect(list.json.items.find((a: { username: string }) => a.username === 'lan')).toMatchObject({ role: 'agent', capacity: 5, displayName: 'lan' });
    expect(JSON.stringify(list.json)).not.toMatch(/passwordHash|scrypt/);
  });

  it('answers a wrong password and an unknown username with the same 401', async () => {
    const wrong = await call('POST', '/api/agent/login', { username: 'mei', password: 'not-her-password' }, { 'x-forwarded-for': '198.51.100.1' });
    const unknown = await call('POST', '/api/agent/login', { username: 'ghost', password: 'not-her-password' }, { 'x-forwarded-for': '198.51.100.1' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.json).toEqual(wrong.json);
    expect(wrong.headers.get('set-cookie')).toBeNull();
    expect((await call('POST', '/api/agent/login', { username: 'mei' })).status).toBe(400);
  });

  it('logs in with an HttpOnly, SameSite=Strict cookie (Secure behind https) and tells the page who it is', async () => {
    const session = await login('MEI', AGENT_PASSWORD);
    expect(session.setCookie).toMatch(/^staff_session=[\w-]{40,};/);
    expect(session.setCookie).toMatch(/; HttpOnly/);
    expect(session.setCookie).toMatch(/; SameSite=Strict/);
    expect(session.setCookie).toMatch(/; Path=\//);
    expect(session.setCookie).not.toMatch(/Secure/);
    expect(session.csrf).toMatch(/^[\w-]{20,}$/);
    const me = await call('GET', '/api/agent/me', undefined, { cookie: session.cookie });
    expect(me).toMatchObject({ status: 200, json: { username: 'mei', role: 'agent', displayName: '小美', csrfToken: session.csrf } });
    const overHttps = await login('mei', AGENT_PASSWORD, { 'x-forwarded-proto': 'https' });
    expect(overHttps.setCookie).toMatch(/; Secure/);
  });

  it('refuses customers (no session) with 401 and agents on admin routes with 403', async () => {
    expect((await call('GET', '/api/agent/me')).status).toBe(401);
    expect((await call('GET', '/api/agent/me', undefined, { cookie: 'staff_session=made-up-token' })).status).toBe(401);
    const customer = await call('POST', '/api/agent/test-change', {});
    expect(customer.status).toBe(401);
    expect(customer.json.error.code).toBe('unauthenticated');
    const agent = await login('mei', AGENT_PASSWORD);
    const list = await call('GET', '/api/admin/agents', undefined, { cookie: agent.cookie });
    expect(list.status).toBe(403);
    expect(list.json.error.code).toBe('forbidden');
    const create = await call('POST', '/api/admin/agents', { username: 'evil', password: 'serum-for-everyone', role: 'admin' }, { cookie: agent.cookie, 'x-csrf-token': agent.csrf });
    expect(create.status).toBe(403);
    // an admin passes every role check, the admin token too
    const boss = await login('boss', ADMIN_PASSWORD);
    expect((await call('POST', '/api/agent/test-change', {}, { cookie: boss.cookie, 'x-csrf-token': boss.csrf })).json).toEqual({ username: 'boss', role: 'admin', via: 'session' });
    expect((await call('POST', '/api/agent/test-change', {}, admin)).json).toEqual({ username: 'admin-token', role: 'admin', via: 'token' });
    expect((await call('POST', '/api/agent/test-change', {}, { authorization: 'Bearer wrong-token-xxxxxxxxxx', cookie: boss.cookie, 'x-csrf-token': boss.csrf })).status).toBe(401);
  });

  it('refuses a cookie POST without the right X-CSRF-Token (403 csrf)', async () => {
    const agent = await login('mei', AGENT_PASSWORD);
    const missing = await call('POST', '/api/agent/test-change', {}, { cookie: agent.cookie });
    expect(missing.status).toBe(403);
    expect(missing.json.error.code).toBe('csrf');
    const other = await login('mei', AGENT_PASSWORD);
    expect((await call('POST', '/api/agent/test-change', {}, { cookie: agent.cookie, 'x-csrf-token': other.csrf })).status).toBe(403);
    expect((await call('POST', '/api/agent/test-change', {}, { cookie: agent.cookie, 'x-csrf-token': agent.csrf })).status).toBe(200);
    const boss = await login('boss', ADMIN_PASSWORD);
    const body = { username: 'yun', password: 'serum-for-everyone', role: 'agent' };
    expect((await call('POST', '/api/admin/agents', body, { cookie: boss.cookie })).status).toBe(403);
    expect((await call('POST', '/api/admin/agents', body, { cookie: boss.cookie, 'x-csrf-token': boss.csrf })).status).toBe(201);
  });

  it('ends the session at logout (CSRF-checked) and clears the cookie', async () => {
    const agent = await login('mei', AGENT_PASSWORD);
    expect((await call('POST', '/api/agent/logout', undefined, { cookie: agent.cookie })).status).toBe(403);
    expect((await call('GET', '/api/agent/me', undefined, { cookie: agent.cookie })).status).toBe(200);
    const out = await call('POST', '/api/agent/logout', undefined, { cookie: agent.cookie, 'x-csrf-token': agent.csrf });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/^staff_session=; .*Max-Age=0/);
    expect((await call('GET', '/api/agent/me', undefined, { cookie: agent.cookie })).status).toBe(401);
    expect((await call('POST', '/api/agent/test-change', {}, { cookie: agent.cookie, 'x-csrf-token': agent.csrf })).status).toBe(401);
  });

  it('never stores or logs a password or a session token in clear', async () => {
    const agent = await login('mei', AGENT_PASSWORD);
    const token = agent.cookie.split('=')[1]!;
    const stored = JSON.stringify([
      ...(await app.store.collection('staffAccounts').find({})),
      ...(await app.store.collection('staffSessions').find({})),
    ]);
    expect(stored).toContain('scrypt$');
    for (const secret of [AGENT_PASSWORD, ADMIN_PASSWORD, 'not-her-password', token]) {
      expect(stored).not.toContain(secret);
      expect(logLines.join('')).not.toContain(secret);
    }
    expect(logLines.join('')).toContain('staff login');
  });
});
