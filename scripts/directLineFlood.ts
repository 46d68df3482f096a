/**
 * Measures what a Direct Line flood costs the bot's memory: starts the real app as a child process on
 * 127.0.0.1 (fresh in-memory store, random secret), then, with page tokens only (no secret), floods
 * 6 conversations × 500 message posts of 60 KB each, plus 100 `typing` posts with ~63 KB of channelData
 * per conversation, and prints the child's RSS and heap before and after. Bounded loops; ends by itself.
 *
 *   npx tsx scripts/directLineFlood.ts   (options: --conversations=6 --posts=500 --typing=100 --rounds=1
 *                                          --old-space-mb=N: the app's V8 heap limit, to see whether it fits;
 *                                          each round floods fresh conversations, memory is printed after each)
 */
import { ChildProcess, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import readline from 'node:readline';

const arg = (name: string, fallback: number) => {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? Math.max(0, Math.min(Number(hit.split('=')[1]) || 0, 10000)) : fallback;
};
const CONVERSATIONS = arg('conversations', 6);
const POSTS = arg('posts', 500);
const TYPING = arg('typing', 100);
const ROUNDS = Math.max(1, Math.min(arg('rounds', 1), 10));
const OLD_SPACE_MB = arg('old-space-mb', 0);
const POST_BYTES = 60 * 1024;
const TYPING_PAD = 63 * 1024;

type Memory = { rss: number; heapUsed: number; heapTotal: number };

/** Child mode: the real app, listening on 127.0.0.1; answers `mem` on stdin with its memory after a GC. */
async function serve(): Promise<void> {
  const { testConfig } = await import('../config');
  const { buildApp } = await import('../index');
  const { listen } = await import('../server/createServer');
  const { EmbeddedStore } = await import('../storage');
  const { silentLogger } = await import('../platform/logger');
  const secret = crypto.randomBytes(32).toString('base64url');
  const config = testConfig({ PORT: '0', HOST: '127.0.0.1', DIRECTLINE_SECRET: secret, WEBCHAT_TOKEN_RATE_PER_MINUTE: '1000' });
  const app = await buildApp(config, { store: new EmbeddedStore(null), logger: silentLogger() });
  await listen(app.server, 0, '127.0.0.1');
  const address = app.server.server.address() as { port: number };
  const lines = readline.createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    if (line.trim() !== 'mem') return;
    (globalThis as { gc?: () => void }).gc?.();
    const m = process.memoryUsage();
    process.stdout.write(`MEM ${JSON.stringify({ rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal })}\n`);
  });
  // the parent going away (stdin closed) ends the child too
  lines.on('close', () => void app.close(1000).finally(() => process.exit(0)));
  process.stdout.write(`READY ${address.port}\n`);
}

function waitForLine(child: ChildProcess, prefix: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    const timer = setTimeout(() => reject(new Error(`no ${prefix} from the app within ${timeoutMs} ms`)), timeoutMs);
    lines.on('line', (line) => {
      if (!line.startsWith(`${prefix} `)) return;
      clearTimeout(timer);
      lines.close();
      resolve(line.slice(prefix.length + 1));
    });
  });
}

async function memoryOf(child: ChildProcess): Promise<Memory> {
  const answer = waitForLine(child, 'MEM', 30000);
  child.stdin!.write('mem\n');
  return JSON.parse(await answer) as Memory;
}

async function floodOne(base: string, index: number, statuses: Map<string, number>): Promise<void> {
  const count = (what: string, status: number) => statuses.set(`${what} ${status}`, (statuses.get(`${what} ${status}`) ?? 0) + 1);
  const session = (await fetch(`${base}/api/webchat/token`).then((r) => r.json())) as { token: string; conversationId: string; userId: string };
  const headers = { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' };
  const started = await fetch(`${base}/v3/directline/conversations`, { method: 'POST', headers });
  count('start', started.status);
  await started.arrayBuffer();
  const url = `${base}/v3/directline/conversations/${session.conversationId}/activities`;
  const post = async (what: string, body: unknown) => {
    const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
    count(what, res.status);
    await res.arrayBuffer();
  };
  for (let i = 0; i < POSTS; i++) {
    const text = `flood ${index}-${i}`;
    const envelope = JSON.stringify({ type: 'message', from: { id: session.userId }, text, channelData: { pad: '' } }).length;
    await post('message', { type: 'message', from: { id: session.userId }, text, channelData: { pad: 'x'.repeat(POST_BYTES - envelope) } });
  }
  for (let i = 0; i < TYPING; i++) await post('typing', { type: 'typing', from: { id: session.userId }, channelData: { pad: 't'.repeat(TYPING_PAD) } });
  const polled = await fetch(url, { headers });
  count('poll', polled.status);
  await polled.arrayBuffer();
}

async function main(): Promise<void> {
  const heapLimit = OLD_SPACE_MB > 0 ? [`--max-old-space-size=${OLD_SPACE_MB}`] : [];
  const child = spawn(process.execPath, ['--expose-gc', ...heapLimit, '--disable-warning=DEP0111', '--import', 'tsx', process.argv[1], '--serve'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  // the app may die first (out of memory): say so, and let the writes to its stdin fail quietly
  let running = true;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      running = false;
      if (code !== 0) console.log(`the app exited: ${signal ?? `code ${code}`}`);
      resolve();
    }),
  );
  child.stdin!.on('error', () => undefined);
  try {
    const port = Number(await waitForLine(child, 'READY', 120000));
    const base = `http://127.0.0.1:${port}`;
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    const show = (label: string, m: Memory) => console.log(`${label.padEnd(9)} RSS ${mb(m.rss)}  heap used ${mb(m.heapUsed)} of ${mb(m.heapTotal)}`);
    const before = await memoryOf(child);
    show('before', before);
    console.log(`each round: ${CONVERSATIONS} conversations × ${POSTS} posts of ${POST_BYTES / 1024} KB + ${TYPING} typing (${TYPING_PAD / 1024} KB channelData)`);
    let after = before;
    for (let round = 1; round <= ROUNDS; round++) {
      const statuses = new Map<string, number>();
      const started = Date.now();
      await Promise.all(Array.from({ length: CONVERSATIONS }, (_, i) => floodOne(base, round * 100 + i, statuses)));
      after = await memoryOf(child);
      show(`round ${round}`, after);
      console.log(`          ${((Date.now() - started) / 1000).toFixed(1)} s; answers: ${[...statuses].map(([k, v]) => `${k}×${v}`).join(', ')}`);
    }
    console.log(`growth: RSS +${mb(after.rss - before.rss)}, heap used +${mb(after.heapUsed - before.heapUsed)}`);
  } finally {
    child.stdin!.end();
    const killer = setTimeout(() => running && child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(killer);
  }
}

if (process.argv.includes('--serve')) void serve();
else
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
