/** Campaigns as durable jobs: exactly once across two instances, a restart in the middle, pause and resume. */
import { CampaignWorld, people, PROMO } from './fixture';

const N = 320;

describe('campaign engine on durable jobs', () => {
  it('two scheduler instances on one store send each message exactly once', async () => {
    const w = await CampaignWorld.create(people(N, (i) => ({ channels: i % 3 === 0 ? ['telegram'] : ['app'] })));
    const a = w.instance('A');
    const b = w.instance('B');
    const c = await a.engine.create(PROMO);
    await w.drive([a.runner, b.runner], async () => (await w.state(a.engine, c._id)) === 'done');

    const got = w.delivery.perCustomer(c._id);
    expect(got.size).toBe(N);
    expect([...got.values()].every((n) => n === 1)).toBe(true);
    const report = await b.engine.report(c._id);
    expect(report).toMatchObject({ state: 'done', targeted: N, sent: N, failed: 0, skipped: {}, pending: 0 });
    // both instances did part of the work (the store, not one process, decides who runs what)
    const jobs = await w.store.collection<{ _id: string; lockedBy?: string; name: string }>('jobs').find({});
    expect(jobs.length).toBeGreaterThan(2);
  });

  it('a restart in the middle resumes without duplicates or gaps', async () => {
    const w = await CampaignWorld.create(people(N));
    const a = w.instance('A');
    const c = await a.engine.create(PROMO);
    // instance A runs until some messages went out, then stops (stop waits for its running handlers)
    await w.drive([a.runner], async () => w.delivery.messages.length >= 60);
    await a.runner.stop();
    const before = w.delivery.messages.length;
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(N);

    const b = w.instance('B');
    await w.drive([b.runner], async () => (await w.state(b.engine, c._id)) === 'done');
    const got = w.delivery.perCustomer(c._id);
    expect(got.size).toBe(N);
    expect(Math.max(...got.values())).toBe(1);
  });

  it('a runner that dies mid-batch: the rows it held are sent by another once their lock expires', async () => {
    const w = await CampaignWorld.create(people(120));
    const a = w.instance('A', { rowLockMs: 10_000 });
    const c = await a.engine.create(PROMO);
    let calls = 0;
    // the 30th delivery never returns: instance A is gone with a batch half done
    w.delivery.answer = () => (++calls === 30 ? new Promise(() => undefined) : { status: 'sent', channelId: 'app' });
    void a.runner.runDue();
    await w.drive([], async () => calls >= 30);
    const b = w.instance('B', { rowLockMs: 10_000 });
    w.now = new Date(w.now.getTime() + 120_000); // A's job lock and row locks have expired
    await w.drive([b.runner], async () => (await w.state(b.engine, c._id)) === 'done');
    const got = w.delivery.perCustomer(c._id);
    // the hung message never reached the customer; B sent it and every other one exactly once
    expect(got.size).toBe(120);
    expect(Math.max(...got.values())).toBe(1);
  });

  it('pause stops sending; resume finishes the rest, still once each', async () => {
    const w = await CampaignWorld.create(people(N));
    const a = w.instance('A');
    const c = await a.engine.create(PROMO);
    await w.drive([a.runner], async () => w.delivery.messages.length > 0);
    expect(await a.engine.pause(c._id)).toMatchObject({ state: 'paused' });
    const atPause = w.delivery.messages.length;
    for (let i = 0; i < 30; i++) {
      w.now = new Date(w.now.getTime() + 60_000);
      await a.runner.runDue();
    }
    expect(w.delivery.messages.length).toBe(atPause);
    expect((await a.engine.report(c._id))?.pending).toBe(N - atPause > 0 ? (await a.engine.report(c._id))!.targeted - atPause : 0);
    expect(await a.engine.pause(c._id)).toBe('conflict');

    expect(await a.engine.resume(c._id)).toMatchObject({ state: 'running' });
    await w.drive([a.runner], async () => (await w.state(a.engine, c._id)) === 'done');
    const got = w.delivery.perCustomer(c._id);
    expect(got.size).toBe(N);
    expect(Math.max(...got.values())).toBe(1);
  });

  it('a campaign starting later sends nothing before its start', async () => {
    const w = await CampaignWorld.create(people(10));
    const a = w.instance('A');
    const c = await a.engine.create({ ...PROMO, startAt: new Date(w.now.getTime() + 3600_000) });
    for (let i = 0; i < 5; i++) await a.runner.runDue();
    expect(w.delivery.messages).toHaveLength(0);
    expect(await w.state(a.engine, c._id)).toBe('scheduled');
    w.now = new Date(w.now.getTime() + 3600_000);
    await w.drive([a.runner], async () => (await w.state(a.engine, c._id)) === 'done');
    expect(w.delivery.messages).toHaveLength(10);
  });
});
