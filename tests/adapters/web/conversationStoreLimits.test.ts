/**
 * The stored Direct Line transcript stays within its byte budgets: per activity (trimmed, or
 * refused), per conversation (oldest activities dropped) and in total (least recently used
 * conversations dropped, their streams ended).
 */
import type { Activity } from 'botbuilder';
import { ActivityTooLargeError, ConversationStore } from '../../../adapters/web/conversationStore';
import { EmbeddedStore } from '../../../storage';

const KB = 1024;
const message = (text: string, extra: Record<string, unknown> = {}): Partial<Activity> => ({ type: 'message', text, from: { id: 'u', name: '', role: 'user' }, ...extra });
const bytesOf = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

function store(limits: { activity?: number; conversation?: number; total?: number; conversations?: number } = {}) {
  return new ConversationStore(new EmbeddedStore(null), {
    maxConversations: limits.conversations ?? 1000,
    maxActivityBytes: limits.activity ?? 16 * KB,
    maxConversationBytes: limits.conversation ?? 1024 * KB,
    maxTotalBytes: limits.total ?? 64 * 1024 * KB,
  });
}

describe('ConversationStore byte budgets', () => {
  it('trims a bulky activity to its text, ids and clientActivityID, and refuses one that still does not fit', async () => {
    const s = store({ activity: 4 * KB });
    const c = await s.create('u');
    const stored = await s.append(c, message('hi', { value: { pad: 'v'.repeat(10 * KB) }, channelData: { clientActivityID: 'c1', pad: 'x'.repeat(10 * KB) } }));
    expect(stored).toMatchObject({ text: 'hi', channelData: { clientActivityID: 'c1' } });
    expect(stored.value).toBeUndefined();
    expect(bytesOf((await s.since(c, 0)).activities[0])).toBeLessThanOrEqual(4 * KB);
    await expect(s.append(c, message('字'.repeat(2000)))).rejects.toThrow(ActivityTooLargeError);
    expect((await s.since(c, 0)).activities).toHaveLength(1);
  });

  it('drops the oldest activities beyond the per-conversation budget, keeping the newest', async () => {
    const s = store({ conversation: 20 * KB });
    const c = await s.create('u');
    for (let i = 0; i < 40; i++) await s.append(c, message(`${i} ${'x'.repeat(2 * KB)}`));
    const kept = (await s.since(c, 0)).activities;
    expect(bytesOf(kept)).toBeLessThanOrEqual(20 * KB);
    expect(kept.length).toBeGreaterThan(5);
    expect(kept.at(-1)!.text).toMatch(/^39 /);
    expect(kept[0].text).not.toMatch(/^0 /);
    expect(await s.totalBytes()).toBeLessThanOrEqual(20 * KB);
  });

  it('drops least recently used conversations beyond the total budget, ending their streams', async () => {
    const s = store({ conversation: 20 * KB, total: 50 * KB });
    const ended: string[] = [];
    const ids: string[] = [];
    for (let n = 0; n < 6; n++) {
      const c = await s.create('u');
      ids.push(c.id);
      s.subscribe(c, { deliver: () => undefined, end: () => ended.push(c.id) }, 0);
      for (let i = 0; i < 8; i++) await s.append(c, message('y'.repeat(2 * KB)));
    }
    expect(await s.totalBytes()).toBeLessThanOrEqual(50 * KB);
    expect(await s.get(ids[5])).toBeDefined(); // the newest survives
    expect(await s.get(ids[0])).toBeUndefined(); // the oldest went first
    expect(ended).toContain(ids[0]);
    expect(ended).not.toContain(ids[5]);
    s.endAll();
  });

  it('refuses a value too deep to serialise instead of storing a poisoned transcript', async () => {
    const s = store();
    const c = await s.create('u');
    let deep: unknown = 1;
    for (let i = 0; i < 100000; i++) deep = { a: deep };
    await expect(s.append(c, message('x', { value: deep }))).rejects.toThrow(ActivityTooLargeError);
    const after = await s.since(c, 0);
    expect(() => JSON.stringify(after)).not.toThrow();
    expect(after.watermark).toBe('0'); // a refused activity does not use up a watermark
  });
});
