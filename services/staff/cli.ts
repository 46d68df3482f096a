/**
 * `npm run staff -- create --username NAME --role agent|admin [--display-name X] [--capacity N] [--password-stdin]`
 *   reads the password from stdin (a terminal gets a prompt without echo), creates the account.
 * `npm run staff -- list` prints the accounts (never their hashes).
 * Uses the configured store (DATA_DIR or MONGODB_URI). With the embedded store a running bot reads its
 * files only at startup: create accounts while it is stopped, or through POST /api/admin/agents.
 * Exit codes: 0 done, 1 refused or failed, 2 wrong usage.
 */
import readline from 'node:readline';
import { Writable } from 'node:stream';
import { ConfigError, loadConfig } from '../../config';
import type { DocumentStore } from '../../storage/documentStore';
import { createStore } from '../../storage';
import { StaffAccounts } from './staffAccounts';
import { StaffAccountError } from './types';

export const USAGE = [
  'usage: npm run staff -- create --username NAME --role agent|admin [--display-name NAME] [--capacity N] [--password-stdin]',
  '       npm run staff -- list',
  '(create reads the password from stdin)',
].join('\n');

export interface CliIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  openStore(): Promise<DocumentStore>;
}

class UsageError extends Error {}

const CREATE_OPTIONS = new Set(['--username', '--role', '--display-name', '--capacity']);
const FLAGS = new Set(['--password-stdin']);

function parseOptions(args: string[]): Map<string, string> {
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const name = args[i]!;
    if (FLAGS.has(name)) continue;
    if (!CREATE_OPTIONS.has(name)) throw new UsageError(`unknown argument: ${name}`);
    const value = args[i + 1];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${name} needs a value`);
    options.set(name, value);
    i++;
  }
  return options;
}

/** The first line of stdin; on a terminal, asked for without echoing what is typed. */
async function readPassword(io: CliIo): Promise<string> {
  if (io.stdin.isTTY) io.stderr.write('password: ');
  const silent = new Writable({ write: (_chunk, _enc, done) => done() });
  const rl = readline.createInterface({ input: io.stdin, output: silent, terminal: Boolean(io.stdin.isTTY) });
  try {
    for await (const line of rl) return line.replace(/\r$/, '');
    return '';
  } finally {
    rl.close();
    if (io.stdin.isTTY) io.stderr.write('\n');
  }
}

export async function runStaffCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  let options: Map<string, string>;
  try {
    if (command !== 'create' && command !== 'list') throw new UsageError(command ? `unknown command: ${command}` : 'no command given');
    if (command === 'list' && rest.length > 0) throw new UsageError(`list takes no arguments (got ${rest[0]})`);
    options = parseOptions(rest);
    if (command === 'create') {
      if (!options.get('--username')) throw new UsageError('--username is required');
      const role = options.get('--role');
      if (role !== 'agent' && role !== 'admin') throw new UsageError('--role must be agent or admin');
      const capacity = options.get('--capacity');
      if (capacity !== undefined && !/^\d{1,2}$/.test(capacity)) throw new UsageError('--capacity must be a whole number from 1 to 50');
    }
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr.write(`staff: ${err.message}\n${USAGE}\n`);
    return 2;
  }

  const password = command === 'create' ? await readPassword(io) : '';
  if (command === 'create' && !password) {
    io.stderr.write('staff: no password on stdin (pipe it in, e.g. `printf %s "$PASSWORD" | npm run staff -- create …`)\n');
    return 2;
  }
  const store = await io.openStore();
  try {
    const accounts = new StaffAccounts(store);
    await StaffAccounts.ensureIndexes(store);
    if (command === 'list') {
      const items = await accounts.list();
      if (items.length === 0) io.stdout.write('no staff accounts yet\n');
      for (const a of items) {
        io.stdout.write(`${a.username}\t${a.role}\tcapacity ${a.capacity}\t${a.displayName}${a.disabled ? '\t(disabled)' : ''}\n`);
      }
      return 0;
    }
    const capacity = options.get('--capacity');
    const created = await accounts.create({
      username: options.get('--username')!,
      password,
      role: options.get('--role') as 'agent' | 'admin',
      displayName: options.get('--display-name'),
      capacity: capacity === undefined ? undefined : Number(capacity),
    });
    io.stdout.write(`created ${created.role} ${created.username}\n`);
    return 0;
  } catch (err) {
    if (!(err instanceof StaffAccountError)) throw err;
    io.stderr.write(`staff: ${err.message}\n`);
    return 1;
  } finally {
    await store.close();
  }
}

if (require.main === module) {
  const io: CliIo = {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    openStore: async () => createStore(loadConfig()),
  };
  runStaffCli(process.argv.slice(2), io)
    .then((code) => process.exit(code))
    .catch((err: unknown) => {
      process.stderr.write(`staff: ${err instanceof ConfigError ? err.message : `failed: ${(err as Error).message}`}\n`);
      process.exit(1);
    });
}
