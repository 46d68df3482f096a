/** The handoff state machine bot → queued → agent → bot, its queue positions and its errors. */
import { HandoffService, HandoffTransitionError } from '../../../services/handoff';
import { EmbeddedStore } from '../../../storage';

const summary = { text: 's', lastTurns: ['hi'] };

describe('HandoffService', () => {
  const handoffs = new HandoffService(new EmbeddedStore(null));

  it('moves a customer through queued → agent → bot', async () => {
    expect(await handoffs.stateOf('a')).toBe('bot');
    const queued = await handoffs.request('a', 'angry', summary, new Date(1000));
    expect(queued).toMatchObject({ state: 'queued', reason: 'angry', summary });
    // a second request keeps the first one's place
    expect((await handoffs.request('a', 'requested', summary, new Date(5000))).since).toEqual(new Date(1000));
    expect(await handoffs.accept('a', 'agent-1')).toMatchObject({ state: 'agent', agentId: 'agent-1' });
    await expect(handoffs.accept('a')).rejects.toMatchObject({ code: 'conflict' });
    expect((await handoffs.release('a')).state).toBe('bot');
    await expect(handoffs.release('a')).rejects.toMatchObject({ code: 'conflict' });
    await expect(handoffs.release('nobody')).rejects.toBeInstanceOf(HandoffTransitionError);
    await expect(handoffs.release('nobody')).rejects.toMatchObject({ code: 'not_found' });
    // and back into the queue later
    expect((await handoffs.request('a', 'requested', summary)).state).toBe('queued');
    await handoffs.release('a');
  });

  it('counts queue positions by waiting time and lists active handoffs by how long they have been in their state', async () => {
    await handoffs.request('q1', 'requested', summary, new Date(2000));
    await handoffs.request('q2', 'requested', summary, new Date(3000));
    await handoffs.request('q3', 'requested', summary, new Date(4000));
    await handoffs.accept('q1');
    expect(await handoffs.queuePosition('q2')).toBe(1);
    expect(await handoffs.queuePosition('q3')).toBe(2);
    expect(await handoffs.queuePosition('q1')).toBe(0);
    // `since` is when the current state began: q1's accept is the newest change
    expect((await handoffs.list()).map((r) => r._id)).toEqual(['q2', 'q3', 'q1']);
    expect((await handoffs.list({ all: true })).map((r) => r._id)).toContain('a');
  });

  it('keeps the last 50 messages for the agent and moves an active handoff on merge', async () => {
    for (let i = 0; i < 55; i++) await handoffs.addToInbox('q2', `m${i}`, 0);
    const inbox = (await handoffs.get('q2'))!.inbox;
    expect(inbox).toHaveLength(50);
    expect(inbox[49].text).toBe('m54');
    await handoffs.moveCustomer('survivor', 'q3');
    expect(await handoffs.stateOf('survivor')).toBe('queued');
    expect(await handoffs.get('q3')).toBeNull();
  });
});
