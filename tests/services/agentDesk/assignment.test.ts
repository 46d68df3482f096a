/** Automatic assignment: round-robin among online agents, never beyond an agent's capacity. */
import type { DeskEvent } from '../../../services/agentDesk';
import { deskFixture, DeskFixture, eventually } from './deskFixture';

describe('AgentAssignment', () => {
  let f: DeskFixture;
  beforeEach(async () => {
    f = await deskFixture();
  });

  const holders = async () => Object.fromEntries((await f.handoffs.list()).map((r) => [r._id, r.agentId ?? null]));

  it('takes turns between online agents and stops at their capacity', async () => {
    f.capacity.set('alice', 1);
    f.capacity.set('bob', 2);
    await f.queue('c1', 'zh');
    await f.queue('c2', 'zh');
    await f.queue('c3', 'zh');
    await f.queue('c4', 'zh');
    // nobody online: everyone waits
    await f.area.assignment.assignWaiting();
    expect(Object.values(await holders()).every((h) => h === null)).toBe(true);

    await f.area.assignment.setOnline('alice', true);
    await f.area.assignment.setOnline('bob', true);
    // alice came first and takes c1 (capacity 1); bob takes c2 and c3; c4 waits
    expect(await holders()).toEqual({ c1: 'alice', c2: 'bob', c3: 'bob', c4: null });
    expect(f.delivered.filter((d) => d.message.kind === 'notice').map((d) => d.customerId).sort()).toEqual(['c1', 'c2', 'c3']);

    // a slot frees up: the longest waiting customer gets it
    await f.area.desk.resolve('c1', { username: 'alice', admin: false });
    await eventually(async () => expect((await holders()).c4).toBe('alice'));
  });

  it('alternates when both have room, and skips offline agents', async () => {
    await f.area.assignment.setOnline('alice', true);
    await f.area.assignment.setOnline('bob', true);
    for (const id of ['a1', 'a2', 'a3', 'a4']) {
      await f.queue(id);
      await eventually(async () => expect((await holders())[id]).not.toBeNull());
    }
    expect(await holders()).toEqual({ a1: 'alice', a2: 'bob', a3: 'alice', a4: 'bob' });

    await f.area.assignment.setOnline('alice', false);
    f.capacity.set('bob', 5);
    await f.queue('a5');
    await eventually(async () => expect((await holders()).a5).toBe('bob'));
  });

  it('tells listening consoles when the queue moves and when a held conversation has news', async () => {
    const seen: DeskEvent[] = [];
    const stop = f.area.events.subscribe((e) => seen.push(e));
    await f.area.events.nudge(); // the baseline reading
    await f.queue('c1');
    await eventually(() => expect(seen).toContainEqual({ type: 'queue' }));
    await f.area.desk.claim('c1', 'alice');
    await f.area.events.nudge();
    expect(seen.at(-1)).toEqual({ type: 'queue' });
    seen.length = 0;
    await f.handoffs.addToInbox('c1', '在吗', 0);
    await f.area.events.nudge();
    expect(seen).toEqual([{ type: 'message', customerId: 'c1' }]);
    stop();
    expect(f.area.events.listening).toBe(0);
  });
});
