/** The store's rule: an angry customer or an explicit demand goes to a human at once, with an apology; a calm complaint becomes a ticket. */
import { flowHarness } from '../orders/flowHarness';

const angry = { label: 'negative' as const, score: 0.95, anger: 0.92 };
const h = flowHarness({
  '退货！！你们卖的什么破东西，气死我了': { intent: 'return_refund', sentiment: angry },
  '我要退货，叫你们经理来': { intent: 'return_refund', sentiment: { label: 'negative', score: 0.6, anger: 0.3 } },
  'This is the third time the parcel is late, I am furious, refund me now': { intent: 'return_refund', sentiment: angry },
  你们的快递也太慢了我要投诉: { intent: 'complaint', sentiment: { label: 'negative', score: 0.7, anger: 0.4 } },
  'I want to complain about the courier, he threw my parcel': { intent: 'complaint', sentiment: { label: 'negative', score: 0.7, anger: 0.5 } },
});

describe('after-sales escalation', () => {
  it('zh: angry → apology and the human queue; the handoff summary keeps intent, anger and the message', async () => {
    const replies = await h.say('amy', '退货！！你们卖的什么破东西，气死我了');
    expect(replies).toMatch(/非常抱歉/);
    expect(replies).toMatch(/已为您转接人工客服，当前排在第 1 位/);
    const customerId = (await h.directory.find({ channelId: 'app', userId: 'amy' }))!;
    const record = await h.handoffs.get(customerId);
    expect(record).toMatchObject({ state: 'queued', reason: 'angry' });
    expect(record?.summary).toMatchObject({ intent: 'return_refund', sentiment: { label: 'negative', anger: 0.92 } });
    expect(record?.summary?.lastTurns).toContain('退货！！你们卖的什么破东西，气死我了');
  });

  it('zh: an explicit demand for a manager is a handoff even when calm', async () => {
    const replies = await h.say('ben', '我要退货，叫你们经理来');
    expect(replies).toMatch(/非常抱歉[\s\S]*已为您转接人工客服/);
    const customerId = (await h.directory.find({ channelId: 'app', userId: 'ben' }))!;
    expect(await h.handoffs.stateOf(customerId)).toBe('queued');
  });

  it('en: angry → apology and a human', async () => {
    const replies = await h.say('cy', 'This is the third time the parcel is late, I am furious, refund me now');
    expect(replies).toMatch(/sorry/i);
    expect(replies).toMatch(/connecting you to a human agent \(you are number \d in the queue\)/);
  });

  it('zh: a calm complaint is logged as a complaint ticket with a 12-hour promise and an agent offered', async () => {
    const replies = await h.send('dee', '你们的快递也太慢了我要投诉');
    expect(replies[0].text).toMatch(/投诉工单 T\d{8}-\w{6}，客服主管会在 12 小时内/);
    expect(replies[0].suggestedActions?.actions.map((a) => a.value)).toEqual(['转人工']);
    const customerId = (await h.directory.find({ channelId: 'app', userId: 'dee' }))!;
    const [ticket] = await h.tickets.forCustomer(customerId, 'complaint');
    expect(ticket.description).toBe('你们的快递也太慢了我要投诉');
  });

  it('en: a calm complaint becomes a complaint ticket', async () => {
    const reply = await h.say('eli', 'I want to complain about the courier, he threw my parcel');
    expect(reply).toMatch(/logged as complaint ticket T\d{8}-\w{6}; a supervisor will contact you within 12 hours/);
  });
});
