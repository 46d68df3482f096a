/** The standard quality process: order → problem → photos (kept on the ticket) → description → 工单 with SLA. */
import { flowHarness, suggested } from '../orders/flowHarness';

const HOUR = 3600 * 1000;
const h = flowHarness({
  收到的精华漏液了: 'quality_issue',
  'there is a quality problem with my order': 'quality_issue',
  用了面霜脸上过敏了: 'quality_issue',
});

describe('quality ticket', () => {
  let amy: string;
  beforeAll(async () => {
    amy = await h.seedOrders('amy');
    await h.seedOrders('ben', '2001');
  });

  it('zh: leaking item → photos (re-prompted until one arrives) → description → ticket with number and 24 h SLA', async () => {
    const pick = await h.send('amy', '收到的精华漏液了');
    expect(suggested(pick)[0]).toBe('1688000000000104'); // delivered orders first
    expect(await h.say('amy', '1688000000000104')).toMatch(/拍几张照片.*没有照片可以回复「跳过」/);
    expect(await h.say('amy', '好的')).toMatch(/还没有收到照片哦/);
    const photo = { contentType: 'image/jpeg', contentUrl: 'https://img.example.com/leak-1.jpg', name: 'leak-1.jpg' };
    expect(await h.say('amy', { attachments: [photo] })).toMatch(/请再简单描述一下问题/);
    const before = Date.now();
    const done = await h.say('amy', '瓶盖没拧紧，精华洒了一半在盒子里');
    expect(done).toMatch(/已为您创建售后工单 T\d{8}-[0-9A-Z]{6}（漏液，订单 1688000000000104，照片 1 张）.*24 小时内/);

    const [ticket] = await h.tickets.forCustomer(amy, 'quality');
    expect(done).toContain(ticket._id);
    expect(ticket).toMatchObject({ type: 'quality', status: 'open', problem: 'leaking', orderId: '1688000000000104', description: '瓶盖没拧紧，精华洒了一半在盒子里' });
    expect(ticket.attachments).toEqual([photo]);
    expect(new Date(ticket.slaDueAt).getTime() - before).toBeGreaterThanOrEqual(24 * HOUR - 1000);
    expect(new Date(ticket.slaDueAt).getTime() - before).toBeLessThanOrEqual(24 * HOUR + 5000);
  });

  it('zh: allergy gets health advice with the confirmation', async () => {
    await h.say('amy', '用了面霜脸上过敏了');
    await h.say('amy', '1688000000000104');
    await h.say('amy', '跳过');
    expect(await h.say('amy', '涂完半小时脸颊发红刺痛')).toMatch(/（过敏，订单 1688000000000104，照片 0 张）[\s\S]*停用该产品/);
  });

  it('en: asks the kind of problem when the message does not say, accepts "skip" for photos', async () => {
    await h.say('ben', 'there is a quality problem with my order');
    const problem = await h.send('ben', '2001000000000104');
    expect(problem[0].text).toMatch(/What is wrong with the item\?/);
    expect(suggested(problem)).toEqual(expect.arrayContaining(['Damaged', 'Leaking', 'Wrong item', 'Missing item']));
    expect(await h.say('ben', 'no idea')).toMatch(/for example "Damaged"/);
    expect(await h.say('ben', 'Damaged')).toMatch(/send a few photos/);
    expect(await h.say('ben', 'skip')).toMatch(/describe the problem/);
    expect(await h.say('ben', 'bad')).toMatch(/a bit short/);
    expect(await h.say('ben', 'The lipstick arrived snapped in half')).toMatch(/after-sales ticket T\d{8}-\w{6} \(Damaged, order 2001000000000104, 0 photo\(s\)\).*within 24 hours/);
  });
});
