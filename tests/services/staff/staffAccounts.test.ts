/** Staff accounts and sessions on the embedded store: scrypt hashes, case-insensitive names, expiry. */
import { EmbeddedStore } from '../../../storage';
import { STAFF_ACCOUNTS, STAFF_SESSIONS, StaffAccountError, StaffAccounts, StaffSessions, tokenHash } from '../../../services/staff';
import { hashPassword, passwordProblem, verifyPassword } from '../../../services/staff/passwords';

const PASSWORD = 'correct horse battery';

describe('staff passwords', () => {
  it('hashes with scrypt and a salt of its own per password', async () => {
    const [a, b] = await Promise.all([hashPassword(PASSWORD), hashPassword(PASSWORD)]);
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain(PASSWORD);
    await expect(verifyPassword(PASSWORD, a)).resolves.toBe(true);
    await expect(verifyPassword(PASSWORD, b)).resolves.toBe(true);
    await expect(verifyPassword('correct horse battery!', a)).resolves.toBe(false);
    await expect(verifyPassword(PASSWORD, 'plain-text-in-the-db')).resolves.toBe(false);
  });

  it('refuses short, repetitive or username-containing passwords', () => {
    expect(passwordProblem('short', 'mei')).toMatch(/at least 10/);
    expect(passwordProblem('aaaaaaaaaaaa', 'mei')).toMatch(/different characters/);
    expect(passwordProblem('xxmei-is-the-best', 'mei')).toMatch(/username/);
    expect(passwordProblem(PASSWORD, 'mei')).toBeUndefined();
  });
});

describe('StaffAccounts', () => {
  let store: EmbeddedStore;
  let accounts: StaffAccounts;
  beforeEach(async () => {
    store = new EmbeddedStore(null);
    await StaffAccounts.ensureIndexes(store);
    accounts = new StaffAccounts(store);
  });
  afterEach(() => store.close());

  it('creates an agent with the default capacity and stores only the hash', async () => {
    const view = await accounts.create({ username: ' Mei ', password: PASSWORD, role: 'agent', displayName: '小美' });
    expect(view).toMatchObject({ username: 'mei', role: 'agent', displayName: '小美', capacity: 3, disabled: false });
    const stored = await store.collection(STAFF_ACCOUNTS).find({});
    expect(JSON.stringify(stored)).not.toContain(PASSWORD);
    expect(stored[0]).toMatchObject({ _id: 'mei', passwordHash: expect.stringMatching(/^scrypt\$/) });
    expect(await accounts.list()).toEqual([expect.not.objectContaining({ passwordHash: expect.anything() })]);
  });

  it('says why it refuses: taken (any case), weak password, bad shape', async () => {
    await accounts.create({ username: 'mei', password: PASSWORD, role: 'agent' });
    await expect(accounts.create({ username: 'MEI', password: PASSWORD, role: 'admin' })).rejects.toMatchObject({ code: 'taken' });
    await expect(accounts.create({ username: 'lan', password: 'short', role: 'agent' })).rejects.toMatchObject({ code: 'weak_password' });
    await expect(accounts.create({ username: 'lan', password: PASSWORD, role: 'boss' as never })).rejects.toBeInstanceOf(StaffAccountError);
    await expect(accounts.create({ username: '<b>x', password: PASSWORD, role: 'agent' })).rejects.toMatchObject({ code: 'invalid' });
    await expect(accounts.create({ username: 'lan', password: PASSWORD, role: 'agent', capacity: 0 })).rejects.toMatchObject({ code: 'invalid' });
  });

  it('verifies the right password only, for enabled accounts; unknown names fail the same way', async () => {
    await accounts.create({ username: 'mei', password: PASSWORD, role: 'agent' });
    expect((await accounts.verify('MEI', PASSWORD))?._id).toBe('mei');
    expect(await accounts.verify('mei', 'wrong password!!')).toBeNull();
    expect(await accounts.verify('nobody', PASSWORD)).toBeNull();
    await accounts.setDisabled('mei', true);
    expect(await accounts.verify('mei', PASSWORD)).toBeNull();
  });
});

describe('StaffSessions', () => {
  it('keeps only the token hash, and a session ends at its expiry or at logout', async () => {
    const store = new EmbeddedStore(null);
    let now = Date.now(); // the store's own TTL sweep uses the real clock
    await StaffSessions.ensureIndexes(store);
    const sessions = new StaffSessions(store, { ttlMs: 60_000 }, () => now);
    const account = { _id: 'mei', role: 'agent' as const, passwordHash: 'x', capacity: 3, createdAt: new Date(now) };
    const { token, session } = await sessions.start(account);
    const stored = await store.collection(STAFF_SESSIONS).find({});
    expect(stored).toHaveLength(1);
    expect(stored[0]!._id).toBe(tokenHash(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect((await sessions.find(token))?.csrfToken).toBe(session.csrfToken);
    expect(await sessions.find(`${token}x`)).toBeNull();
    now += 61_000;
    expect(await sessions.find(token)).toBeNull();
    const second = await sessions.start(account);
    await sessions.end(second.token);
    expect(await sessions.find(second.token)).toBeNull();
    await store.close();
  });
});
