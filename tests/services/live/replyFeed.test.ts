/** The replies feed: at most one answer per interval on the overlay, stale ones dropped, approval, cursors. */
import { ReplyFeed } from '../../../services/live';
import { EmbeddedStore } from '../../../storage';

const T0 = Date.parse('2026-11-11T12:00:00Z');

function feed(options: { minIntervalMs?: number; maxAgeMs?: number } = {}) {
  let now = T0;
  const store = new EmbeddedStore(null);
  const f = new ReplyFeed(store, { minIntervalMs: options.minIntervalMs ?? 10_000, maxAgeMs: options.maxAgeMs ?? 60_000, now: () => new Date(now) });
  return { f, at: (ms: number) => (now = T0 + ms), texts: async (room = 'lr_1', after = {}) => (await f.published(room, after)).map((r) => r.text) };
}

const answer = (text: string) => ({ text, question: `q ${text}`, count: 1 });

describe('ReplyFeed', () => {
  it('shows at most one answer per interval; the rest wait their slot in order', async () => {
    const { f, at, texts } = feed();
    for (const t of ['a', 'b', 'c']) await f.add('lr_1', answer(t), false);
    expect(await texts()).toEqual(['a']);
    at(9_999);
    expect(await texts()).toEqual(['a']);
    at(10_000);
    expect(await texts()).toEqual(['a', 'b']);
    at(20_000);
    expect(await texts()).toEqual(['a', 'b', 'c']);
    // after an idle minute the next answer shows at once
    at(95_000);
    await f.add('lr_1', answer('d'), false);
    expect(await texts()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('drops an answer that would wait longer than the maximum age (the room has moved on)', async () => {
    const { f, at, texts } = feed({ minIntervalMs: 10_000, maxAgeMs: 25_000 });
    const added = [];
    for (const t of ['a', 'b', 'c', 'd', 'e']) added.push(await f.add('lr_1', answer(t), false));
    expect(added.map((r) => r.status)).toEqual(['scheduled', 'scheduled', 'scheduled', 'dropped', 'dropped']);
    at(3_600_000);
    expect(await texts()).toEqual(['a', 'b', 'c']);
  });

  it('rooms have their own pace', async () => {
    const { f, texts } = feed();
    await f.add('lr_1', answer('one'), false);
    await f.add('lr_2', answer('two'), false);
    expect(await texts('lr_1')).toEqual(['one']);
    expect(await texts('lr_2')).toEqual(['two']);
  });

  it('pending answers show only once approved, at the next free slot; a decided one cannot be decided again', async () => {
    const { f, at, texts } = feed();
    const p1 = await f.add('lr_1', answer('p1'), true);
    at(1000);
    const p2 = await f.add('lr_1', answer('p2'), true);
    expect(p1.status).toBe('pending');
    expect((await f.pending('lr_1')).map((r) => r.text)).toEqual(['p1', 'p2']);
    expect(await texts()).toEqual([]);
    at(120_000); // the host takes two minutes: an approved answer is never stale
    expect(await f.approve('lr_1', p1._id, 'host')).toMatchObject({ ok: true, reply: { status: 'scheduled' } });
    expect(await f.reject('lr_1', p2._id)).toMatchObject({ ok: true, reply: { status: 'rejected' } });
    expect(await f.approve('lr_1', p2._id)).toEqual({ ok: false, reason: 'not_pending' });
    expect(await f.approve('lr_2', p1._id)).toEqual({ ok: false, reason: 'not_found' });
    expect(await texts()).toEqual(['p1']);
    expect(await f.pending('lr_1')).toEqual([]);
  });

  it('pages after a reply id or after a time', async () => {
    const { f, at, texts } = feed({ minIntervalMs: 1000 });
    const a = await f.add('lr_1', answer('a'), false);
    await f.add('lr_1', answer('b'), false);
    at(5000);
    expect(await texts('lr_1', { id: a._id })).toEqual(['b']);
    expect(await texts('lr_1', { at: new Date(T0) })).toEqual(['b']);
    expect(await texts('lr_1', { at: new Date(T0 - 1) })).toEqual(['a', 'b']);
    expect(await texts('lr_1', { id: 'rp_unknown' })).toEqual([]);
  });
});
