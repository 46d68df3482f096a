/**
 * Campaign benchmark: `npm run bench:campaign [-- --customers N --send-seconds S]` (defaults 100,000 and 30).
 * A fresh embedded store (temporary DATA_DIR) gets N generated customers (identities and segment records:
 * 60 % app, 25 % Telegram, 15 % WeChat); a promotion campaign over all of them runs on a JobRunner.
 * Messages go to local fakes: the app inbox in-process, a Telegram Bot API and a WeChat customer-service
 * API fake over HTTP on 127.0.0.1. Sending is paced by each channel's limit (the engine's DEFAULT_RATES),
 * so the send phase is measured for S seconds and the whole run is projected from the per-lane rates.
 * Prints planning time, sends per second (overall and per channel), peak heap; the last line is JSON.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { AppInbox } from '../adapters/app';
import { CampaignEngine, CampaignDelivery, SegmentRecorder } from '../services/campaigns';
import { DEFAULT_RATES } from '../services/campaigns/sender';
import { EmbeddedStore } from '../storage';
import { JobRunner } from '../storage/jobs';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < 1) throw new Error(`${name} must be a positive whole number`);
  return v;
}

const log = (msg: string) => process.stderr.write(`${msg}\n`);
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
const N = arg('--customers', 100_000);
const SEND_SECONDS = arg('--send-seconds', 30);

/** A local HTTP fake answering every POST with `reply` and counting them. */
async function fake(reply: object): Promise<{ url: string; count: () => number; close(): void }> {
  let n = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      n++;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(reply));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, count: () => n, close: () => server.close() };
}

const lane = (i: number) => (i % 20 < 12 ? 'app' : i % 20 < 17 ? 'telegram' : 'wechat');

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'campaign-bench-'));
  const store = new EmbeddedStore(dir);
  let peakHeap = 0;
  const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 50);
  try {
    await Promise.all([JobRunner.ensureIndexes(store), CampaignEngine.ensureIndexes(store), SegmentRecorder.ensureIndexes(store)]);
    await store.ensureIndex('identities', { fields: { customerId: 1 } });
    const inbox = new AppInbox(store);
    await inbox.ensureIndexes();
    const [telegram, wechat] = await Promise.all([fake({ ok: true, result: { message_id: 1 } }), fake({ errcode: 0, errmsg: 'ok' })]);

    let t = performance.now();
    const created = new Date(Date.now() - 90 * 86_400_000);
    for (let i = 0; i < N; i += 5000) {
      const ids = Array.from({ length: Math.min(5000, N - i) }, (_, k) => i + k);
      const id = (k: number) => `c_${String(k).padStart(7, '0')}`;
      await store.collection('customers').insertMany(ids.map((k) => ({ _id: id(k), identities: [{ channelId: lane(k), userId: `u${k}` }], createdAt: created, updatedAt: created })));
      await store.collection('identities').insertMany(ids.map((k) => ({ _id: `${lane(k)}:u${k}`, channelId: lane(k), userId: `u${k}`, customerId: id(k) })));
      await store.collection('campaignSegments').insertMany(ids.map((k) => ({ _id: id(k), channels: [lane(k)], lastChannel: lane(k), language: k % 4 ? 'zh' : 'en', lastActiveAt: new Date(Date.now() - (k % 60) * 86_400_000) })));
    }
    const generateMs = performance.now() - t;
    log(`generated ${N} customers in ${round(generateMs / 1000)} s`);

    // the channels as the delivery sees them: the lane is the customer's channel; user ids are the index
    const sent: Record<string, number> = { app: 0, telegram: 0, wechat: 0 };
    const post = (url: string, body: object) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json());
    const delivery: CampaignDelivery = {
      async send(msg) {
        const k = Number(msg.customerId.slice(2));
        const channel = lane(k);
        const text = k % 4 ? msg.text.zh : msg.text.en;
        if (channel === 'app') await inbox.push(`u${k}`, { type: 'message', text });
        else if (channel === 'telegram') await post(`${telegram.url}/botTOKEN/sendMessage`, { chat_id: k, text });
        else await post(`${wechat.url}/cgi-bin/message/custom/send?access_token=x`, { touser: `u${k}`, msgtype: 'text', text: { content: text } });
        sent[channel]++;
        return { status: 'sent', channelId: channel };
      },
    };
    const runner = new JobRunner(store, { instanceId: 'bench', pollMs: 50 });
    const engine = new CampaignEngine({
      store,
      instanceId: 'bench',
      delivery,
      audience: { segments: new SegmentRecorder(store), profiles: async () => new Map(), category: () => undefined },
      getProduct: () => undefined,
      crossSell: () => [],
    });
    engine.register(runner);
    const campaign = await engine.create({ name: 'bench', type: 'promotion', audience: {}, message: { zh: '618 大促，全场8折', en: '618 sale: 20% off' } });
    t = performance.now();
    runner.start();
    let planMs = 0;
    let sendStart = 0;
    let atPlanned: Record<string, number> = { app: 0, telegram: 0, wechat: 0 };
    for (;;) {
      await new Promise((r) => setTimeout(r, 200));
      const c = await engine.get(campaign._id);
      if (!planMs && c?.planned) {
        planMs = performance.now() - t;
        log(`planned ${N} customers in ${round(planMs / 1000)} s (${sent.app + sent.telegram + sent.wechat} sent meanwhile)`);
        // the send rate is measured after planning, which shares this process's one thread while it runs
        sendStart = performance.now();
        atPlanned = { ...sent };
      }
      if (c?.state === 'done' || (sendStart && performance.now() - sendStart > SEND_SECONDS * 1000)) break;
    }
    const sendMs = performance.now() - sendStart;
    await runner.stop();
    const rows = await store.collection('campaignSends').count({ campaignId: campaign._id });
    const inWindow = { app: sent.app - atPlanned.app, telegram: sent.telegram - atPlanned.telegram, wechat: sent.wechat - atPlanned.wechat };
    const total = inWindow.app + inWindow.telegram + inWindow.wechat;
    const perLane = Object.fromEntries(Object.entries(inWindow).map(([k, v]) => [k, round(v / (sendMs / 1000))]));
    const laneCounts = { app: Math.ceil((N * 12) / 20), telegram: Math.ceil((N * 5) / 20), wechat: Math.ceil((N * 3) / 20) };
    const projectedSeconds = Math.max(...Object.entries(laneCounts).map(([k, n]) => n / (DEFAULT_RATES[k] ?? DEFAULT_RATES.default)));
    const result = {
      bench: 'campaign',
      customers: N,
      sendRows: rows,
      generateSeconds: round(generateMs / 1000),
      planningSeconds: round(planMs / 1000),
      sendWindowSeconds: round(sendMs / 1000),
      sentDuringPlanning: atPlanned.app + atPlanned.telegram + atPlanned.wechat,
      sentInWindow: total,
      sendsPerSecond: round(total / (sendMs / 1000)),
      sendsPerSecondByChannel: perLane,
      channelLimits: { app: DEFAULT_RATES.app, telegram: DEFAULT_RATES.telegram, wechat: DEFAULT_RATES.wechat },
      fakeRequests: { telegram: telegram.count(), wechat: wechat.count() },
      projectedCampaignSeconds: round(projectedSeconds),
      peakHeapMB: round(peakHeap / 1048576),
      node: process.version,
      cpus: os.cpus().length,
    };
    telegram.close();
    wechat.close();
    log(`after planning: sent ${total} in ${result.sendWindowSeconds} s: ${result.sendsPerSecond}/s (${JSON.stringify(perLane)}); peak heap ${result.peakHeapMB} MB`);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    clearInterval(sampler);
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${(err as Error).stack}\n`);
  process.exit(1);
});
