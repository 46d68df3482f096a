/**
 * Two ConversationStores on one DocumentStore are two bot instances sharing MongoDB: watermarks are
 * never handed out twice, and a stream on either instance gets every activity once, in order, even
 * while the other instance is still writing an earlier one.
 */
import type { Activity } from 'botbuilder';
import { ActivitySet, CONVERSATIONS_COLLECTION, ConversationStore, ConversationStoreOptions } from '../../../adapters/web/conversationStore';
import { EmbeddedStore } from '../../../storage';

const message = (text: string): Partial<Activity> => ({ type: 'message', text, from: { id: 'u', name: '', role: 'user' } });

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function recorder() {
  const sets: ActivitySet[] = [];
  let ended = false;
  return {
    subscriber: { deliver: (set: ActivitySet) => void sets.push(set), end: () => void (ended = true) },
    texts: () => sets.flatMap((s) => s.activities.map((a) => a.text)),
    watermarks: () => sets.map((s) => Number(s.watermark)),
    ended: () => ended,
  };
}

describe('ConversationStore shared by two instances', () => {
  let store: EmbeddedStore;
  const instances: ConversationStore[] = [];
  const instance = (options: Partial<ConversationStoreOptions> = {}) => {
    const s = new ConversationStore(store, { maxConversations: 100, pollMs: 20, ...options });
    instances.push(s);
    return s;
  };

  beforeEach(async () => {
    store = new EmbeddedStore(null);
    await ConversationStore.ensureIndexes(store);
  });
  afterEach(async () => {
    for (const s of instances.splice(0)) s.endAll();
    await store.close();
  });

  it('hands out each watermark once when both instances write at the same time, and both streams get all of it in order', async () => {
    const a = instance();
    const b = instance();
    const started = await a.create('u');
    const onA = recorder();
    const onB = recorder();
    a.subscribe(started, onA.subscriber, 0);
    b.subscribe((await b.get(started.id))!, onB.subscriber, 0);
    const onB2 = recorder();
    b.subscribe((await b.get(started.id))!, onB2.subscriber, 0);
    const writes: Promise<Partial<Activity>>[] = [];
    for (let i = 1; i <= 30; i++) writes.push((i % 2 ? a : b).append((await (i % 2 ? a : b).get(started.id))!, message(`m${i}`)));
    const ids = (await Promise.all(writes)).map((s) => s.id);
    expect(new Set(ids).size).toBe(30);
    const expected = (await a.since(started, 0)).activities.map((x) => x.text);
    expect(expected).toHaveLength(30);
    for (const r of [onA, onB, onB2]) {
      await until(() => r.texts().length >= 30, 'all 30 activities on a stream');
      expect(r.texts()).toEqual(expected);
      const marks = r.watermarks();
      expect(marks).toEqual([...marks].sort((x, y) => x - y));
      expect(marks.at(-1)).toBe(30);
    }
  });

  it('waits for a watermark another instance took but has not written yet, then delivers both in order', async () => {
    const a = instance();
    const b = instance();
    const c = await a.create('u');
    await a.append(c, message('one'));
    const onB = recorder();
    b.subscribe((await b.get(c.id))!, onB.subscriber, 0);
    await until(() => onB.texts().length === 1, 'the backlog');
    // instance "A" took watermark 2 and is slow to write it; "B" writes 3 meanwhile
    await store.collection(CONVERSATIONS_COLLECTION).updateOne({ _id: c.id }, { $inc: { seq: 1 } });
    const late = { ...(await b.get(c.id))! };
    await b.append(late, message('three'));
    expect((await b.since(late, 1)).activities).toEqual([]); // a poller is not handed 3 before 2 either
    await new Promise((r) => setTimeout(r, 100));
    expect(onB.texts()).toEqual(['one']);
    await store.collection('webchatActivities').insertOne({
      _id: `${c.id}|0000002`,
      conversationId: c.id,
      seq: 2,
      bytes: 10,
      at: new Date(),
      json: JSON.stringify({ type: 'message', text: 'two', id: `${c.id}|0000002` }),
      expiresAt: new Date(Date.now() + 3600_000),
    } as never);
    await until(() => onB.texts().length === 3, 'the late activity and the one after it');
    expect(onB.texts()).toEqual(['one', 'two', 'three']);
  });

  it('goes past a watermark whose writer died, once the grace period is over', async () => {
    let clock = Date.now();
    const a = instance({ now: () => clock, gapGraceMs: 10_000 });
    const c = await a.create('u');
    await store.collection(CONVERSATIONS_COLLECTION).updateOne({ _id: c.id }, { $inc: { seq: 1 } }); // taken, never written
    await a.append(c, message('after the hole'));
    const polled = recorder();
    a.subscribe(c, polled.subscriber, 0);
    expect((await a.since(c, 0)).activities).toEqual([]);
    clock += 11_000;
    expect((await a.since(c, 0)).activities.map((x) => x.text)).toEqual(['after the hole']);
    await until(() => polled.texts().length === 1, 'the stream to go past the hole');
  });

  it('reopens an expired conversation after the watermark its client already has, so new activities reach it', async () => {
    const a = instance();
    const reopened = await a.restore('expiredConversation01', 'u', 57);
    const stored = await a.append(reopened, message('welcome back'));
    expect(stored.id).toBe('expiredConversation01|0000058');
    expect(await a.since(reopened, 57)).toEqual({ activities: [expect.objectContaining({ text: 'welcome back' })], watermark: '58' });
  });

  it('ends the streams on the other instance when a conversation is dropped', async () => {
    const a = instance({ maxConversations: 1 });
    const b = instance({ maxConversations: 1 });
    const first = await a.create('u1');
    const onB = recorder();
    b.subscribe((await b.get(first.id))!, onB.subscriber, 0);
    await a.create('u2'); // over the cap: the least recently used goes
    expect(await b.get(first.id)).toBeUndefined();
    await until(() => onB.ended(), 'the stream on the other instance to end');
  });
});
