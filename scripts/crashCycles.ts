/**
 * Crash durability proof: five `kill -9` cycles in the middle of mixed traffic on every channel.
 *
 *   npx tsx scripts/crashCycles.ts [--cycles 5] [--dist]
 *
 * Starts the real bot as a child process (`node --import tsx index.ts`, or `node dist/index.js` with
 * --dist after `npm run build`) on a temporary DATA_DIR, with Telegram and WeChat pointed at local fake
 * platform servers and the Emulator's replies going to a local sink. Each cycle sends app-channel,
 * Emulator, web chat (Direct Line with the secret), WeChat and Telegram messages concurrently, kills the
 * child with SIGKILL mid-traffic, restarts it on the same DATA_DIR and checks that every message that
 * was ACKNOWLEDGED (2xx) had its effect: the reply reached the customer (resumed if need be) or the
 * state change is there. Prints progress and a summary; exits 1 if anything acknowledged was lost.
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startFakeBotApi } from '../tests/adapters/telegram/fakeBotApi';
import { startFakeWeChatApi } from '../tests/adapters/wechat/fakeWeChatApi';
import { startReplySink } from '../tests/helpers/replySink';
import * as traffic from './crashTraffic';

const args = process.argv.slice(2);
const CYCLES = Number(args[args.indexOf('--cycles') + 1]) || 5;
const USE_DIST = args.includes('--dist');
const ROOT = path.resolve(__dirname, '..');

function log(line: string): void {
  process.stdout.write(`[crash] ${line}\n`);
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

function startBot(env: NodeJS.ProcessEnv): ChildProcess {
  const argv = USE_DIST ? ['--disable-warning=DEP0111', 'dist/index.js'] : ['--disable-warning=DEP0111', '--import', 'tsx', 'index.ts'];
  // node itself, not npx: SIGKILL must hit the bot process, not a wrapper
  const child = spawn(process.execPath, argv, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr?.on('data', (d: Buffer) => {
    const text = d.toString();
    if (!/DeprecationWarning|trace-deprecation/.test(text)) process.stderr.write(`[bot] ${text}`);
  });
  return child;
}

async function waitHealthy(base: string, child: ChildProcess, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`bot exited with ${child.exitCode} during startup`);
    const ok = await fetch(`${base}/healthz`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error('bot did not become healthy');
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crash-cycles-'));
  const fakes: traffic.Fakes = {
    telegram: await startFakeBotApi(traffic.TG_TOKEN),
    wechat: await startFakeWeChatApi(traffic.WX_APP_ID, traffic.WX_APP_SECRET),
    sink: await startReplySink(),
  };
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    TELEGRAM_BOT_TOKEN: traffic.TG_TOKEN,
    TELEGRAM_WEBHOOK_SECRET: traffic.TG_SECRET,
    TELEGRAM_API_ROOT: fakes.telegram.url,
    WECHAT_TOKEN: traffic.WX_TOKEN,
    WECHAT_APP_ID: traffic.WX_APP_ID,
    WECHAT_APP_SECRET: traffic.WX_APP_SECRET,
    WECHAT_API_BASE: fakes.wechat.url,
    // short: many WeChat messages are answered "success" and must survive the kill through the inbox
    WECHAT_REPLY_DEADLINE_MS: '50',
    DIRECTLINE_SECRET: traffic.DL_SECRET,
  };
  log(`DATA_DIR ${dataDir}; bot on ${base}; ${USE_DIST ? 'dist/index.js' : 'index.ts via tsx'}`);

  const totals = new Map<traffic.Channel, { acked: number; lost: number }>();
  const lostItems: string[] = [];
  let seq = 0;
  let resumedTotal = 0;
  let child = startBot(env);
  await waitHealthy(base, child);
  log('bot is up');

  for (let cycle = 1; cycle <= CYCLES; cycle++) {
    const acked: traffic.Acked[] = [];
    let running = true;
    const loop = async (send: (n: number) => Promise<traffic.Acked | undefined>) => {
      while (running) {
        const n = ++seq;
        const result = await send(n).catch(() => undefined); // refused or cut by the kill: not acknowledged
        if (result) acked.push(result);
      }
    };
    const senders = [
      loop((n) => traffic.appCustomer(base, `crash-app-${n}`)),
      loop((n) => traffic.emulatorCustomer(base, fakes, `crash-emu-${n}`)),
      loop((n) => traffic.webChatCustomer(base, `crash-web-${n}`)),
      loop((n) => traffic.wechatCustomer(base, fakes, `ocrash${n}`, String(7_000_000_000 + n))),
      loop((n) => traffic.telegramCustomer(base, fakes, 10_000 + n)),
      loop((n) => traffic.telegramCustomer(base, fakes, 10_000 + n)),
    ];
    // kill at a different moment each cycle, while every sender has requests in flight
    const killAfterMs = 3000 + cycle * 1000;
    await new Promise((r) => setTimeout(r, killAfterMs));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    running = false;
    await Promise.all(senders);
    const unanswered = acked.filter((a) => a.answered && !a.answered()).length;
    resumedTotal += unanswered;
    log(`cycle ${cycle}: killed -9 after ${killAfterMs} ms with ${acked.length} messages acknowledged, ${unanswered} of them (Telegram/WeChat) not yet answered; restarting`);

    const startedAt = Date.now();
    child = startBot(env);
    await waitHealthy(base, child);
    log(`cycle ${cycle}: restarted in ${((Date.now() - startedAt) / 1000).toFixed(1)} s; checking`);
    const results = await Promise.all(acked.map(async (a) => ({ a, ok: await a.verify(base).catch(() => false) })));
    for (const { a, ok } of results) {
      const t = totals.get(a.channel) ?? { acked: 0, lost: 0 };
      t.acked++;
      if (!ok) {
        t.lost++;
        lostItems.push(`cycle ${cycle} ${a.channel} ${a.what}`);
      }
      totals.set(a.channel, t);
    }
    const lost = results.filter((r) => !r.ok).length;
    const byChannel = [...new Set(acked.map((a) => a.channel))].map((c) => `${c} ${acked.filter((a) => a.channel === c).length}`).join(', ');
    log(`cycle ${cycle}: ${acked.length - lost}/${acked.length} acknowledged messages intact (${byChannel})${lost ? ` — LOST ${lost}` : ''}`);
  }

  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  await Promise.all([fakes.telegram.close(), fakes.wechat.close(), fakes.sink.close()]);
  fs.rmSync(dataDir, { recursive: true, force: true });

  log('summary (acknowledged → lost):');
  for (const [channel, t] of totals) log(`  ${channel.padEnd(9)} ${String(t.acked).padStart(4)} → ${t.lost}`);
  for (const item of lostItems.slice(0, 20)) log(`  lost: ${item}`);
  const lostTotal = lostItems.length;
  log(`acknowledged but unanswered at a kill (answered after the restart, from the inbox): ${resumedTotal}`);
  log(lostTotal === 0 ? `PASS: ${CYCLES} kill -9 cycles, nothing acknowledged was lost` : `FAIL: ${lostTotal} acknowledged messages lost`);
  process.exit(lostTotal === 0 ? 0 : 1);
}

main().catch((err) => {
  process.stderr.write(`[crash] failed: ${(err as Error).stack ?? err}\n`);
  process.exit(2);
});
