/** Handoff and release through the real pipeline: the gate keeps the bot quiet while queued or with an agent. */
import { flowHarness } from '../orders/flowHarness';

const h = flowHarness({
  你好: 'greeting',
  hello: 'greeting',
  转人工: 'human_agent',
  'I want to talk to a person': 'human_agent',
  '订单1688000000000103一直没到': 'order_status',
  口红断了: 'quality_issue',
  '我电话13912345678，快点处理': 'other',
});

async function customerOf(userId: string, channelId = 'app'): Promise<string> {
  return (await h.directory.find({ channelId, userId }))!;
}

describe('handoff', () => {
  it('zh: queued → only queue notices → agent → silence → released → the bot answers again', async () => {
    await h.seedOrders('amy');
    await h.say('amy', '订单1688000000000103一直没到');
    expect(await h.say('amy', '转人工')).toMatch(/已为您转接人工客服，当前排在第 1 位/);
    const id = await customerOf('amy');
    const record = await h.handoffs.get(id);
    expect(record).toMatchObject({ state: 'queued', reason: 'requested' });
    expect(record?.summary).toMatchObject({ intent: 'human_agent', orderId: '1688000000000103' });
    expect(record?.summary?.lastTurns).toEqual(['订单1688000000000103一直没到', '转人工']);

    const notice = await h.send('amy', '你好');
    expect(notice).toHaveLength(1);
    expect(notice[0].text).toMatch(/您已在人工客服队列中，当前排在第 1 位/);
    expect(notice[0].text).not.toMatch(/有什么可以帮您/);

    await h.handoffs.accept(id, 'agent-7');
    expect(await h.send('amy', '人呢？')).toEqual([]);
    expect((await h.handoffs.get(id))?.inbox.map((m) => m.text)).toEqual(['你好', '人呢？']);

    await h.handoffs.release(id);
    expect(await h.say('amy', '你好')).toMatch(/有什么可以帮您/);
  });

  it('zh: the summary names the open ticket and its order when the customer asks for a person after filing one', async () => {
    await h.seedOrders('gus', '5001');
    await h.say('gus', '口红断了');
    await h.say('gus', '5001000000000104');
    await h.say('gus', '跳过');
    const ticketReply = await h.say('gus', '打开盖子口红就断成两截了');
    const ticketId = /工单 (T\d{8}-\w{6})/.exec(ticketReply)?.[1];
    expect(ticketId).toBeDefined();
    await h.say('gus', '转人工');
    const record = await h.handoffs.get(await customerOf('gus'));
    expect(record?.summary).toMatchObject({ ticketId, orderId: '5001000000000104' });
    expect(record?.summary?.text).toMatch(new RegExp(`客户要求人工.*订单 5001000000000104.*工单 ${ticketId}`));
    await h.handoffs.release(await customerOf('gus'));
  });

  it('zh: phone numbers in the last turns are masked for the agent', async () => {
    await h.say('hal', '我电话13912345678，快点处理');
    await h.say('hal', '转人工');
    const record = await h.handoffs.get(await customerOf('hal'));
    expect(record?.summary?.lastTurns[0]).toBe('我电话139****5678，快点处理');
    await h.handoffs.release(await customerOf('hal'));
  });

  it('en: queue positions count the customers waiting ahead', async () => {
    expect(await h.say('ben', 'I want to talk to a person')).toMatch(/connecting you to a human agent \(you are number 1 in the queue\)/);
    expect(await h.say('cy', 'I want to talk to a person')).toMatch(/number 2 in the queue/);
    expect(await h.say('cy', 'hello')).toMatch(/You are in the queue for a human agent \(position 2\)/);
    await h.handoffs.release(await customerOf('ben'));
    expect(await h.say('cy', 'hello')).toMatch(/\(position 1\)/);
  });

  it('zh: the customer can leave the queue themselves', async () => {
    await h.say('dee', '转人工');
    expect(await h.say('dee', '取消人工')).toMatch(/已为您取消转人工/);
    expect(await h.handoffs.stateOf(await customerOf('dee'))).toBe('bot');
    expect(await h.say('dee', '你好')).toMatch(/有什么可以帮您/);
  });

  it('cross-channel: queued on the app, the same customer on WeChat after linking is also held', async () => {
    await h.say('eve', '转人工');
    await h.directory.link({ channelId: 'app', userId: 'eve' }, { channelId: 'wechat', userId: 'wx-eve' });
    expect(await h.say('wx-eve', '你好', 'wechat')).toMatch(/您已在人工客服队列中/);
    // and when the WeChat identity is the survivor, the queued handoff moves with the customer
    await h.say('fay', '转人工');
    await h.directory.link({ channelId: 'wechat', userId: 'wx-fay' }, { channelId: 'app', userId: 'fay' });
    const survivor = await customerOf('wx-fay', 'wechat');
    expect(await h.handoffs.stateOf(survivor)).toBe('queued');
    expect(await h.say('wx-fay', '你好', 'wechat')).toMatch(/您已在人工客服队列中/);
    await h.handoffs.release(survivor);
    expect(await h.say('fay', '你好')).toMatch(/有什么可以帮您/);
  });
});
