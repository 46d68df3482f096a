/**
 * Durable jobs (storage/jobs.ts): once across runners, resumed after a crash, retried with backoff,
 * recurring across restarts, idempotent by key, visible in list(). Time comes from an injected clock;
 * runDue() is one poll, so no test sleeps or measures time. Runs on the embedded store and, when
 * MONGODB_URI is set, on MongoDB.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DocumentStore } from '../../storage/documentStore';
import { EmbeddedStore } from '../../storage/embeddedStore';
import { MongoStore } from '../../storage/mongoStore';
import { JOBS_COLLECTION, JobLockLostError, JobRunner, JobRunnerOptions } from '../../storage/jobs';
import { deferred, waitFor } from './jobsTestKit';

const T0 = Date.parse('2026-03-01T09:00:00Z');
const uri = process.env.MONGODB_URI;
const backends: [string, () => Promise<DocumentStore>][] = [['embedded', async () => new EmbeddedStore(null)]];
if (uri) backends.push(['mongo', () => MongoStore.connect(uri, `beautybot_jobs_${process.pid}`)]);
else it.skip('runs the job tests against MongoDB (skipped: MONGODB_URI is not set)', () => undefined);

describe.each(backends)('durable jobs on the %s store', (_kind, makeStore) => {
  let store: DocumentStore;
  let t: number;
  const clock = () => new Date(t);
  const runner = (instanceId: string, opts: Partial<JobRunnerOptions> = {}) =>
    new JobRunner(store, { instanceId, now: clock, lockMs: 30_000, ...opts });

  beforeEach(async () => {
    t = T0;
    store = await makeStore();
    await store.collection(JOBS_COLLECTION).deleteMany({});
    await JobRunner.ensureIndexes(store);
  });
  afterEach(async () => {
    await store.collection(JOBS_COLLECTION).deleteMany({});
    await store.close();
  });

  it('two runners on one store run each of 200 jobs exactly once', async () => {
    const sideEffects = new Map<string, string[]>();
    const [a, b] = [runner('a', { concurrency: 3 }), runner('b', { concurrency: 3 })];
    for (const r of [a, b]) {
      r.handle('send', async (job) => {
        await new Promise((resolve) => setImmediate(resolve)); // let the other runner interleave
        const id = String(job.data?.n);
        sideEffects.set(id, [...(sideEffects.get(id) ?? []), r === a ? 'a' : 'b']);
      });
    }
    for (let n = 0; n < 200; n++) await a.schedule({ name: 'send', key: `m${n}`, data: { n } });

    const [ranA, ranB] = await Promise.all([a.runDue(), b.runDue()]);

    expect(ranA + ranB).toBe(200);
    expect(sideEffects.size).toBe(200);
    expect([...sideEffects.values()].every((who) => who.length === 1)).toBe(true);
    expect(ranA).toBeGreaterThan(0);
    expect(ranB).toBeGreaterThan(0);
    expect(await a.list({ state: 'done', limit: 500 })).toHaveLength(200);
    expect(await Promise.all([a.runDue(), b.runDue()])).toEqual([0, 0]);
  });

  it('a runner that dies mid-job loses it when the lock expires; another runner finishes it once', async () => {
    const stuck = deferred();
    const finished: string[] = [];
    const a = runner('a');
    a.handle('plan', async () => {
      await stuck.promise; // "crashed": never returns on its own
      finished.push('a');
      throw new Error('woke up too late');
    });
    const b = runner('b');
    b.handle('plan', async () => {
      finished.push('b');
    });
    await a.schedule({ name: 'plan', key: 'campaign-1' });

    const zombie = a.runDue(); // dropped, as if the process had died
    await waitFor(async () => (await a.list())[0]?.state === 'running');
    t += 29_000;
    expect(await b.runDue()).toBe(0); // the lock still holds

    t += 2_000;
    expect(await b.runDue()).toBe(1);
    const [job] = await b.list();
    expect(job).toMatchObject({ state: 'done', attempts: 2, lastResult: 'done' });
    expect(finished).toEqual(['b']);

    // if the first runner comes back to life, its late finish must not rewrite the row
    t += 5_000;
    stuck.resolve();
    await zombie;
    expect((await b.list())[0]).toMatchObject({ state: 'done', attempts: 2, failures: 0, doneAt: new Date(T0 + 31_000) });
    expect(await b.runDue()).toBe(0);
  });

  it('a heartbeat keeps the lock; a runner that lost it learns so from heartbeat()', async () => {
    const beat = deferred();
    const done = deferred();
    let lost: unknown;
    const a = runner('a');
    a.handle('long', async (_job, ctx) => {
      await beat.promise;
      await ctx.heartbeat();
      await done.promise;
      await ctx.heartbeat().catch((err: unknown) => (lost = err));
      throw new Error('gave up');
    });
    const b = runner('b');
    b.handle('long', async () => undefined);
    await a.schedule({ name: 'long', key: 'k' });
    const running = a.runDue();
    await waitFor(async () => (await a.list())[0]?.state === 'running');

    t += 20_000;
    beat.resolve();
    await waitFor(async () => (await a.list())[0]?.lockedUntil?.getTime() === t + 30_000);
    t += 20_000; // 40 s after the claim, 20 s after the heartbeat
    expect(await b.runDue()).toBe(0);

    t += 15_000; // now the renewed lock has expired too
    expect(await b.runDue()).toBe(1);
    done.resolve();
    await running;
    expect(lost).toBeInstanceOf(JobLockLostError);
    expect((await b.list())[0]).toMatchObject({ state: 'done', failures: 0 });
  });

  it('a failing handler retries with growing delays and ends failed with the error after maxAttempts', async () => {
    const r = runner('a');
    let calls = 0;
    r.handle('flaky', async () => {
      calls++;
      throw new Error('WeChat 45047: out of quota');
    });
    await r.schedule({ name: 'flaky', key: 'x', maxAttempts: 4 });

    const delays: number[] = [];
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect(await r.runDue()).toBe(1);
      const [job] = await r.list();
      if (job.state === 'failed') break;
      expect(job).toMatchObject({ state: 'scheduled', lastResult: 'retry', failures: attempt });
      const delay = job.runAt.getTime() - t;
      delays.push(delay);
      t += delay - 1;
      expect(await r.runDue()).toBe(0); // not before its time
      t += 1;
    }

    expect(delays).toEqual([1000, 2000, 4000]);
    const [job] = await r.list();
    expect(job).toMatchObject({ state: 'failed', attempts: 4, failures: 4, lastResult: 'failed', lastError: 'Error: WeChat 45047: out of quota' });
    expect(job.lockedBy).toBeUndefined();
    t += 24 * 3600_000;
    expect(await r.runDue()).toBe(0);
    expect(calls).toBe(4);
  });

  it('a job that fails and then succeeds ends done, with its failures kept', async () => {
    const r = runner('a', { backoffMs: (n) => n * 10_000 });
    let calls = 0;
    r.handle('sometimes', async () => {
      if (++calls < 3) throw new Error(`try ${calls}`);
    });
    await r.schedule({ name: 'sometimes' });
    expect(await r.runDue()).toBe(1);
    t += 10_000;
    expect(await r.runDue()).toBe(1);
    t += 20_000;
    expect(await r.runDue()).toBe(1);
    expect((await r.list())[0]).toMatchObject({ state: 'done', attempts: 3, failures: 2, lastResult: 'done', lastError: 'Error: try 2' });
  });

  it('scheduling the same (name, key) twice is a no-op, also concurrently and after the job ran', async () => {
    const r = runner('a');
    let runs = 0;
    r.handle('remind', async () => {
      runs++;
    });
    const first = await r.schedule({ name: 'remind', key: 'cust-1', data: { v: 1 }, runAt: new Date(T0 + 1000) });
    const again = await r.schedule({ name: 'remind', key: 'cust-1', data: { v: 2 } });
    expect(again._id).toBe(first._id);
    expect(again.data).toEqual({ v: 1 });
    await Promise.all(Array.from({ length: 10 }, () => r.schedule({ name: 'remind', key: 'cust-2' })));
    await r.schedule({ name: 'other', key: 'cust-1' }); // same key, another name: its own row
    expect(await r.list({ name: 'remind' })).toHaveLength(2);
    expect(await r.list()).toHaveLength(3);

    t += 1000;
    expect(await r.runDue()).toBe(2);
    await r.schedule({ name: 'remind', key: 'cust-1' });
    expect(await r.runDue()).toBe(0);
    expect(runs).toBe(2);
  });

  it('list() shows the next run, the last result and failures', async () => {
    const r = runner('a', { backoffMs: () => 60_000 });
    r.handle('ok', async () => undefined);
    r.handle('bad', async () => {
      throw new Error('no channel');
    });
    await r.schedule({ name: 'ok', key: '1' });
    await r.schedule({ name: 'bad', key: 'retrying', maxAttempts: 3 });
    await r.schedule({ name: 'bad', key: 'hopeless', maxAttempts: 1 });
    await r.schedule({ name: 'ok', key: 'later', runAt: new Date(T0 + 3600_000) });
    expect(await r.runDue()).toBe(3);

    const byKey = Object.fromEntries((await r.list()).map((j) => [j.key, j]));
    expect(byKey['1']).toMatchObject({ state: 'done', lastResult: 'done', failures: 0, doneAt: new Date(T0) });
    expect(byKey.retrying).toMatchObject({ state: 'scheduled', lastResult: 'retry', failures: 1, lastError: 'Error: no channel' });
    expect(byKey.retrying.runAt).toEqual(new Date(T0 + 60_000));
    expect(byKey.hopeless).toMatchObject({ state: 'failed', lastResult: 'failed', failures: 1, lastError: 'Error: no channel' });
    expect(byKey.later).toMatchObject({ state: 'scheduled', attempts: 0, runAt: new Date(T0 + 3600_000) });
    expect(byKey.later.lastResult).toBeUndefined();
    expect((await r.list({ state: 'failed' })).map((j) => j.key)).toEqual(['hopeless']);
    expect(Object.keys(byKey['1'])).not.toContain('dueAt'); // claim bookkeeping stays inside the runner
  });

  it('stop() waits for running handlers and claims nothing afterwards', async () => {
    const release = deferred();
    const r = runner('a');
    let finished = false;
    r.handle('slow', async () => {
      await release.promise;
      finished = true;
    });
    await r.schedule({ name: 'slow' });
    await r.schedule({ name: 'slow', runAt: new Date(T0 + 10) });
    void r.runDue();
    await waitFor(async () => (await r.list({ state: 'running' })).length === 1);
    let stopped = false;
    const stopping = r.stop().then(() => (stopped = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    release.resolve();
    await stopping;
    expect(finished).toBe(true);
    t += 1000;
    expect(await r.runDue()).toBe(0);
    expect(await r.list({ state: 'scheduled' })).toHaveLength(1);
  });

  it('start() polls on its own (real timers), and a long job does not hold up jobs due later', async () => {
    const r = new JobRunner(store, { instanceId: 'live', pollMs: 5 });
    const long = deferred();
    const seen: string[] = [];
    r.handle('hello', async (job) => {
      if (job.key === 'long') await long.promise;
      seen.push(String(job.key));
    });
    r.start();
    await r.schedule({ name: 'hello', key: 'long' });
    await waitFor(async () => (await r.list({ state: 'running' })).length === 1);
    await r.schedule({ name: 'hello', key: 'k1' });
    await waitFor(async () => seen.includes('k1'));
    expect(seen).toEqual(['k1']);
    long.resolve();
    await r.stop();
    expect(seen).toEqual(['k1', 'long']);
    expect((await r.list()).map((j) => j.state)).toEqual(['done', 'done']);
  });
});

describe('recurring jobs survive a restart (embedded store on disk)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jobs-restart-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('`every` keeps one row, runs each interval, and a new runner on the reopened store carries on', async () => {
    let t = T0;
    const clock = () => new Date(t);
    let runs = 0;
    const boot = async () => {
      const store = new EmbeddedStore(dir);
      await JobRunner.ensureIndexes(store);
      const r = new JobRunner(store, { instanceId: `i${runs}`, now: clock });
      r.handle('campaign:tick', async () => {
        runs++;
      });
      await r.every('campaign:tick', 60_000, { batch: 500 });
      return { store, r };
    };

    let { store, r } = await boot();
    expect(await r.runDue()).toBe(1);
    expect(await r.runDue()).toBe(0);
    t += 60_000;
    expect(await r.runDue()).toBe(1);
    t += 30_000;
    await r.stop();
    await store.close();

    ({ store, r } = await boot()); // restart: every() again must neither add a row nor reset the schedule
    const rows = await r.list({ name: 'campaign:tick' });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ state: 'scheduled', everyMs: 60_000, data: { batch: 500 }, runAt: new Date(T0 + 120_000) });
    expect(await r.runDue()).toBe(0);
    t += 30_000;
    expect(await r.runDue()).toBe(1);
    expect(runs).toBe(3);
    expect(await r.list()).toHaveLength(1);
    await r.stop();
    await store.close();
  });
});
