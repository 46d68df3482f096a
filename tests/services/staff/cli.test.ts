/**
 * `npm run staff -- create|list`: what an admin at a terminal sees — the account is created from a password
 * piped on stdin, listed without its hash, and wrong usage gets a clear message and a non-zero exit code.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { EmbeddedStore } from '../../../storage';
import { runStaffCli } from '../../../services/staff/cli';

const PASSWORD = 'night-cream-and-mask-3';

function io(dir: string, stdinText = '') {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      stdin: Readable.from([stdinText]),
      stdout: { write: (t: string) => out.push(t) },
      stderr: { write: (t: string) => err.push(t) },
      openStore: async () => new EmbeddedStore(dir),
    },
  };
}

describe('staff CLI', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'staff-cli-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('creates an account from the password on stdin and lists it without the hash', async () => {
    const create = io(dir, `${PASSWORD}\n`);
    const code = await runStaffCli(['create', '--username', 'Mei', '--role', 'agent', '--display-name', '小美', '--capacity', '4', '--password-stdin'], create.io);
    expect(create.err.join('')).toBe('');
    expect(code).toBe(0);
    expect(create.out.join('')).toBe('created agent mei\n');
    const list = io(dir);
    expect(await runStaffCli(['list'], list.io)).toBe(0);
    expect(list.out.join('')).toBe('mei\tagent\tcapacity 4\t小美\n');
    const files = fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('');
    expect(files).toContain('scrypt$');
    expect(files).not.toContain(PASSWORD);
  });

  it('refuses a taken username or a weak password with a message and exit code 1', async () => {
    expect(await runStaffCli(['create', '--username', 'mei', '--role', 'agent'], io(dir, PASSWORD).io)).toBe(0);
    const taken = io(dir, PASSWORD);
    expect(await runStaffCli(['create', '--username', 'MEI', '--role', 'admin'], taken.io)).toBe(1);
    expect(taken.err.join('')).toMatch(/username mei is taken/);
    const weak = io(dir, 'abc');
    expect(await runStaffCli(['create', '--username', 'lan', '--role', 'agent'], weak.io)).toBe(1);
    expect(weak.err.join('')).toMatch(/at least 10 characters/);
  });

  it.each([
    [[], /no command given/],
    [['delete', '--username', 'mei'], /unknown command: delete/],
    [['create', '--role', 'agent'], /--username is required/],
    [['create', '--username', 'mei', '--role', 'boss'], /--role must be agent or admin/],
    [['create', '--username', 'mei', '--role', 'agent', '--capacity', 'many'], /--capacity must be a whole number/],
    [['create', '--username', '--role', 'agent'], /--username needs a value/],
    [['create', '--username', 'mei', '--role', 'agent', '--password', 'x'], /unknown argument: --password/],
    [['list', 'extra'], /list takes no arguments/],
  ])('wrong usage %j → exit 2 with a message and the usage', async (argv, message) => {
    const run = io(dir, PASSWORD);
    expect(await runStaffCli(argv as string[], run.io)).toBe(2);
    expect(run.err.join('')).toMatch(message);
    expect(run.err.join('')).toMatch(/usage: npm run staff -- create/);
    expect(fs.readdirSync(dir)).toEqual([]); // nothing was opened or written
  });

  it('exits 2 when no password comes on stdin', async () => {
    const run = io(dir, '');
    expect(await runStaffCli(['create', '--username', 'mei', '--role', 'agent'], run.io)).toBe(2);
    expect(run.err.join('')).toMatch(/no password on stdin/);
  });

  it('runs as `tsx services/staff/cli.ts` with the configured DATA_DIR and real exit codes', () => {
    const root = path.resolve(__dirname, '../../..');
    const tsx = path.join(root, 'node_modules/.bin/tsx');
    const env = { ...process.env, DATA_DIR: dir, NODE_ENV: 'development' };
    const created = spawnSync(tsx, ['services/staff/cli.ts', 'create', '--username', 'boss', '--role', 'admin'], { cwd: root, env, input: `${PASSWORD}\n`, encoding: 'utf8' });
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);
    expect(created.stdout).toBe('created admin boss\n');
    const bad = spawnSync(tsx, ['services/staff/cli.ts', 'create', '--role', 'admin'], { cwd: root, env, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--username is required/);
  }, 60_000); // two tsx start-ups on a shared machine
});
