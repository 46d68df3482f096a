/**
 * npm run bench [-- --duration SECONDS --connections N --mix mixed|light --source]
 *
 * Starts the bot (fresh embedded store on disk, local models, demo store) in its own process and drives
 * N concurrent simulated customers through multi-turn conversations — half on the app channel, half on
 * /api/messages with a local sink for the replies. In the same run it measures two baselines on this
 * machine: a bare restify JSON echo, and a bare botbuilder CloudAdapter echo bot with MemoryStorage.
 * Prints a table; the last line is one JSON object; also writes bench/results/latest.json.
 * `--source` runs the bot from the TypeScript sources (through tsx) instead of building dist/ first: for
 * measuring a tree that is being edited. BENCH_CPU_PROF=<dir> writes a CPU profile of the bot process.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { LoadResult, runLoad, Step } from './loadDriver';
import { CONVERSATIONS, LIGHT_CONVERSATIONS } from './conversations';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isFinite(value) || value <= 0) {
    process.stderr.write(`--${name} needs a positive number\n`);
    process.exit(2);
  }
  return value;
}

const duration = arg('duration', 10);
const mixIndex = process.argv.indexOf('--mix');
const mix = mixIndex < 0 ? 'mixed' : process.argv[mixIndex + 1];
if (mix !== 'mixed' && mix !== 'light') {
  process.stderr.write('--mix is mixed (shopping, orders, returns; the default) or light (greetings only)\n');
  process.exit(2);
}
const scripts = mix === 'light' ? LIGHT_CONVERSATIONS : CONVERSATIONS;
const connections = Math.round(arg('connections', 20));
const fromSource = process.argv.includes('--source');
const root = path.resolve(__dirname, '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function waitReady(url: string, child: ChildProcess, timeoutMs = 60000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: server exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not become ready`);
}

/** Baselines run from source; the bot runs as `npm start` runs it: compiled, from dist/ (unless --source). */
function startProcess(script: string, env: Record<string, string>): ChildProcess {
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.BENCH_CPU_PROF] : [];
  const botArgs = ['--disable-warning=DEP0111', ...profile, ...(fromSource ? ['--import', 'tsx', 'index.ts'] : ['dist/index.js'])];
  const [command, args] = script === 'index.ts' ? [process.execPath, botArgs] : [tsx, [script]];
  return spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 15000).unref();
  });
}

/** The serviceUrl of the simulated Bot Framework channel: accepts the replies. */
async function startSink(): Promise<{ url: string; close: () => void; count: () => number }> {
  let n = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      n++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id":"x"}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`, close: () => server.close(), count: () => n };
}

// node:http with a keep-alive agent: a lighter client than fetch, so more of the machine serves the bot
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function post(url: string, body: unknown): Promise<boolean> {
  const payload = Buffer.from(JSON.stringify(body));
  return new Promise((resolve) => {
    const req = http.request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': payload.length } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode === 200));
        res.on('error', () => resolve(false));
      },
    );
    req.on('error', () => resolve(false));
    req.end(payload);
  });
}

function activity(sinkUrl: string, user: string, text: string, seq: number) {
  return {
    type: 'message',
    id: `${user}-${seq}`,
    channelId: 'emulator',
    serviceUrl: sinkUrl,
    from: { id: user },
    recipient: { id: 'bot' },
    conversation: { id: `conv-${user}` },
    text,
    locale: /[\u4e00-\u9fff]/.test(text) ? 'zh-CN' : 'en-US',
  };
}

/** Customer i follows conversation scripts in turn; even customers use the app channel, odd ones /api/messages. */
function conversationCustomer(base: string, sinkUrl: string, label: string) {
  return (i: number): Step => {
    const script = scripts[i % scripts.length];
    let pos = 0;
    let seq = 0;
    const user = `bench-${label}-${i}`;
    return async () => {
      const text = script[pos];
      pos = (pos + 1) % script.length;
      seq++;
      return i % 2 === 0
        ? post(`${base}/api/app/messages`, { userId: user, text })
        : post(`${base}/api/messages`, activity(sinkUrl, user, text, seq));
    };
  };
}

function row(name: string, r: LoadResult, unit: string): string {
  return `${name.padEnd(34)} ${r.perSec.toFixed(0).padStart(8)} ${unit.padEnd(9)} p50 ${r.p50Ms.toFixed(2).padStart(7)} ms  p99 ${r.p99Ms
    .toFixed(2)
    .padStart(7)} ms  errors ${r.errors}`;
}

async function measure(name: string, script: string | null, env: Record<string, string>, load: (base: string) => (i: number) => Step, readyPath: string) {
  const port = await freePort();
  const child = script ? startProcess(script, { ...env, PORT: String(port) }) : null;
  try {
    const base = `http://127.0.0.1:${port}`;
    if (child) await waitReady(base + readyPath, child);
    process.stderr.write(`${name}: warming up…\n`);
    await runLoad(connections, Math.min(2, duration), load(base));
    process.stderr.write(`${name}: measuring ${duration} s at ${connections} connections…\n`);
    return await runLoad(connections, duration, load(base));
  } finally {
    if (child) await stop(child);
  }
}

async function main() {
  if (!fromSource) execFileSync(process.execPath, [path.join(root, 'scripts', 'buildIfNeeded.js')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const sink = await startSink();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-store-'));
  try {
    const restifyEcho = await measure('restify echo', 'bench/servers/restifyEcho.ts', {}, (base) => () => () => post(`${base}/echo`, { hello: 'world', n: 1 }), '/');
    let echoSeq = 0;
    const echoBot = await measure(
      'botbuilder echo bot',
      'bench/servers/echoBot.ts',
      {},
      (base) => (i) => () => post(`${base}/api/messages`, activity(sink.url, `echo-${i}`, 'hello', ++echoSeq)),
      '/',
    );
    const bot = await measure(
      `this bot (${mix} conversations)`,
      'index.ts',
      { DATA_DIR: dataDir, LOG_LEVEL: 'warn', MONGODB_URI: '', OPENAI_API_KEY: '', MicrosoftAppId: '', ADMIN_TOKEN: '' },
      (base) => conversationCustomer(base, sink.url, 'c'),
      '/readyz',
    );
    const result = {
      turnsPerSec: Math.round(bot.perSec),
      p50Ms: Number(bot.p50Ms.toFixed(2)),
      p99Ms: Number(bot.p99Ms.toFixed(2)),
      echoBotTurnsPerSec: Math.round(echoBot.perSec),
      restifyEchoReqPerSec: Math.round(restifyEcho.perSec),
      ratioToEchoBot: Number((bot.perSec / echoBot.perSec).toFixed(3)),
      echoBotP99Ms: Number(echoBot.p99Ms.toFixed(2)),
      // the done-when bound: the bot's p99 at most twice the echo bot's
      p99RatioToEchoBot: Number((bot.p99Ms / echoBot.p99Ms).toFixed(2)),
    };
    const lines = [
      `machine: ${os.cpus().length} cores, node ${process.version}; ${connections} connections, ${duration} s each; ${mix} conversations${fromSource ? '; bot from source' : ''}`,
      row('restify JSON echo', restifyEcho, 'req/s'),
      row('botbuilder CloudAdapter echo bot', echoBot, 'turns/s'),
      row('this bot, full pipeline', bot, 'turns/s'),
      `errors: bot ${bot.errors}, echo bot ${echoBot.errors}, restify ${restifyEcho.errors}`,
      `bot / echo bot: throughput ${result.ratioToEchoBot.toFixed(3)} (want ≥ 0.55), p99 ${result.p99RatioToEchoBot.toFixed(2)}× (want ≤ 2)`,
    ];
    process.stdout.write(lines.join('\n') + '\n');
    fs.mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
    fs.writeFileSync(
      path.join(root, 'bench', 'results', 'latest.json'),
      JSON.stringify({ ...result, mix, connections, durationSec: duration, fromSource, at: new Date().toISOString(), raw: { bot, echoBot, restifyEcho } }, null, 2),
    );
    process.stdout.write(JSON.stringify(result) + '\n');
  } finally {
    sink.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${(err as Error).stack}\n`);
  process.exit(1);
});
