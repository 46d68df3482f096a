/**
 * Two messages for one customer at the same time — two channels, two bot instances on one store —
 * never lose state: per-customer serialization plus eTag retry.
 */
import { EmbeddedStore } from '../../storage';
import { customerStateKey } from '../../dialogs/turn/customerState';
import { DocumentBotStorage } from '../../storage/botStateStorage';
import { buildHarness, countingDialog, outcomeRecorder } from '../helpers/botHarness';

async function counterOf(store: EmbeddedStore, customerId: string) {
  const key = customerStateKey(customerId);
  const items = await new DocumentBotStorage(store).read([key]);
  return items[key]?.counter as { n: number; seen: string[] };
}

describe('no lost updates', () => {
  it('reflects all 50 concurrent messages of one customer (one instance)', async () => {
    const store = new EmbeddedStore(null);
    const h = buildHarness(store, (s) => countingDialog(s, 3));
    const replies = await Promise.all(Array.from({ length: 50 }, (_, i) => h.send('same-user', `m${i}`)));
    const counter = await counterOf(store, (await h.directory.find({ channelId: 'app', userId: 'same-user' }))!);
    expect(counter.n).toBe(50);
    expect(new Set(counter.seen).size).toBe(50);
    // every turn answered exactly once, with a distinct count
    expect(new Set(replies.map((r) => r.join()))).toEqual(new Set(Array.from({ length: 50 }, (_, i) => `count ${i + 1}`)));
  });

  it('reflects all 50 messages spread over two bot instances and two linked channels (store lease lock)', async () => {
    const store = new EmbeddedStore(null);
    const one = buildHarness(store, (s) => countingDialog(s, 3), { distributed: true });
    const two = buildHarness(store, (s) => countingDialog(s, 3), { distributed: true });
    const customerId = await one.directory.link({ channelId: 'app', userId: 'u-app' }, { channelId: 'telegram', userId: 'u-tg' });
    await Promise.all(
      Array.from({ length: 50 }, (_, i) => (i % 2 ? one.send('u-app', `a${i}`, 'app') : two.send('u-tg', `t${i}`, 'telegram'))),
    );
    const counter = await counterOf(store, customerId);
    expect(counter.n).toBe(50);
    expect(new Set(counter.seen).size).toBe(50);
  });

  it('retries a turn whose state changed underneath it (eTag conflict), without a shared lock', async () => {
    const store = new EmbeddedStore(null);
    const recorder = outcomeRecorder();
    const one = buildHarness(store, (s) => countingDialog(s, 5), { maxAttempts: 50, analytics: recorder });
    const two = buildHarness(store, (s) => countingDialog(s, 5), { maxAttempts: 50, analytics: recorder });
    await one.send('racer', 'first');
    const all = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? one : two).send('racer', `r${i}`)));
    const customerId = (await one.directory.find({ channelId: 'app', userId: 'racer' }))!;
    const counter = await counterOf(store, customerId);
    expect(counter.n).toBe(11);
    // a retried turn speaks once: each message got exactly one reply
    expect(all.every((r) => r.length === 1)).toBe(true);
    expect(recorder.outcomes.some((o) => o.attempts > 1)).toBe(true);
  });
});
