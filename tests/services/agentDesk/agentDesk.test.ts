/** The desk over the handoff queue: who may act on a conversation, and what the customer hears. */
import { DeskError } from '../../../services/agentDesk';
import { deskFixture, DeskFixture } from './deskFixture';

const alice = { username: 'alice', admin: false };
const bob = { username: 'bob', admin: false };
const boss = { username: 'boss', admin: true };

describe('AgentDesk', () => {
  let f: DeskFixture;
  beforeEach(async () => {
    f = await deskFixture();
  });

  it('shows waiting customers oldest first with reason, mood and wait, and who holds the others', async () => {
    await f.handoffs.request('c_old', 'complaint', { text: '投诉', lastTurns: [] }, new Date(Date.now() - 90_000));
    await f.queue('c_new');
    await f.area.desk.claim('c_new', 'alice');
    const items = await f.area.desk.queue();
    expect(items.map((i) => i.customerId)).toEqual(['c_old', 'c_new']);
    expect(items[0]).toMatchObject({ state: 'queued', reason: 'complaint', channelId: 'app', summary: '投诉' });
    expect(items[0].waitSeconds).toBeGreaterThanOrEqual(89);
    expect(items[1]).toMatchObject({ state: 'agent', agent: 'alice', reason: 'angry', sentiment: { label: 'negative', anger: 0.9 } });
  });

  it('gives a customer to one agent only; the second is told who holds them', async () => {
    await f.queue('c1');
    const results = await Promise.allSettled([f.area.desk.claim('c1', 'alice'), f.area.desk.claim('c1', 'bob')]);
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    const holder = (won[0] as PromiseFulfilledResult<{ agentId?: string }>).value.agentId!;
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toBeInstanceOf(DeskError);
    expect(lost.reason).toMatchObject({ code: 'held', holder });
    // one "agent joined" notice, naming the agent
    expect(f.delivered.filter((d) => d.message.kind === 'notice')).toHaveLength(1);
    expect(f.delivered[0].message.text).toContain(holder === 'alice' ? 'Alice' : 'Bob');
    // claiming again what one holds changes nothing and says nothing
    await f.area.desk.claim('c1', holder);
    expect(f.delivered).toHaveLength(1);
  });

  it('delivers only the holder’s replies; notes stay private', async () => {
    await f.queue('c1');
    await f.area.desk.claim('c1', 'alice');
    await expect(f.area.desk.sendMessage('c1', bob, 'hi')).rejects.toMatchObject({ code: 'held', holder: 'alice' });
    const result = await f.area.desk.sendMessage('c1', alice, '您好，我来帮您处理');
    expect(result).toEqual({ delivered: true, channelId: 'app' });
    await f.area.desk.addNote('c1', alice, '客户是老顾客，可以补偿优惠券');
    expect(f.delivered.map((d) => d.message)).toEqual([
      expect.objectContaining({ kind: 'notice' }),
      { text: '您好，我来帮您处理', kind: 'agent', agentName: 'Alice' },
    ]);
    const history = await f.area.desk.history('c1');
    expect(history.map((e) => [e.from, e.text])).toEqual(
      expect.arrayContaining([
        ['agent', '您好，我来帮您处理'],
        ['note', '客户是老顾客，可以补偿优惠券'],
      ]),
    );
  });

  it('adds what the customer wrote while held to the history when the log does not have it yet', async () => {
    await f.queue('c1');
    await f.area.desk.claim('c1', 'alice');
    const t = Date.now();
    await f.handoffs.addToInbox('c1', '还在吗？', 0, new Date(t + 1000));
    f.log.push({ customerId: 'c1', at: new Date(t + 2000), from: 'customer', text: '在等你回复' });
    await f.handoffs.addToInbox('c1', '在等你回复', 0, new Date(t + 2000));
    const said = (await f.area.desk.history('c1')).filter((e) => e.from === 'customer').map((e) => e.text);
    expect(said).toEqual(['还在吗？', '在等你回复']);
  });

  it('transfers to another agent, who then holds it; the customer hears the new name', async () => {
    await f.queue('c1', 'en');
    await f.area.desk.claim('c1', 'alice');
    await expect(f.area.desk.transfer('c1', alice, 'nobody')).rejects.toMatchObject({ code: 'unknown_agent' });
    await expect(f.area.desk.transfer('c1', bob, 'bob')).rejects.toMatchObject({ code: 'held' });
    expect((await f.area.desk.transfer('c1', alice, 'bob')).agentId).toBe('bob');
    expect(f.delivered.at(-1)!.message.text).toMatch(/passed to Bob/);
    await expect(f.area.desk.sendMessage('c1', alice, 'hello')).rejects.toMatchObject({ code: 'held', holder: 'bob' });
    await f.area.desk.sendMessage('c1', bob, 'hello');
  });

  it('releases to the bot with a notice in the customer’s language; resolving asks for a rating', async () => {
    await f.queue('c1', 'en');
    await f.area.desk.claim('c1', 'alice');
    await expect(f.area.desk.release('c1', bob)).rejects.toMatchObject({ code: 'held' });
    expect((await f.area.desk.release('c1', alice)).state).toBe('bot');
    expect(f.delivered.at(-1)!.message).toMatchObject({ kind: 'notice', text: expect.stringMatching(/bot/) });
    await expect(f.area.desk.release('c1', alice)).rejects.toMatchObject({ code: 'not_held' });

    await f.queue('c2');
    await expect(f.area.desk.resolve('c2', alice)).rejects.toMatchObject({ code: 'not_held' });
    await f.area.desk.claim('c2', 'alice');
    // an admin may close a conversation an agent holds; the rating names the agent who served
    expect((await f.area.desk.resolve('c2', boss)).state).toBe('bot');
    expect(f.csatAsked).toEqual([{ customerId: 'c2', agent: 'alice' }]);
    await expect(f.area.desk.claim('nobody', 'alice')).rejects.toMatchObject({ code: 'not_found' });
    await expect(f.area.desk.claim('c2', 'alice')).rejects.toMatchObject({ code: 'not_queued' });
  });

  it('suggests FAQ answers for what the customer asked last', async () => {
    await f.queue('c1', 'zh', '你们包邮吗');
    expect(await f.area.suggestions('c1')).toEqual([{ text: '满99元包邮', source: 'faq:shipping' }]);
    await f.queue('c2', 'zh', '气死我了');
    expect(await f.area.suggestions('c2')).toEqual([]);
  });
});
