/**
 * The store's after-sales scenarios as a customer holds them on the app channel, with the product's own
 * NLU (no scripted recognizer) and the demo customer: damaged item → ticket, return by policy, angry → human.
 */
import { RunningApp, startTestApp, ADMIN_TOKEN } from '../../helpers/testApp';

describe('after-sales with the real NLU over HTTP (demo customer)', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startTestApp({ DEMO_DATA: 'true' });
  });
  afterAll(() => app.close(1000));

  const say = async (text: string, userId = 'demo', attachments?: unknown[]) => {
    const r = await app.post('/api/app/messages', { userId, ...(text ? { text } : {}), ...(attachments ? { attachments } : {}) });
    expect(r.status).toBe(200);
    return (r.json.replies as { text?: string }[]).map((a) => a.text ?? '').join('\n');
  };

  it('zh: damaged item → order → photo → description → 工单 with SLA', async () => {
    expect(await say('收到的精华漏液了')).toMatch(/请问是哪个订单/);
    expect(await say('1688000000000104')).toMatch(/拍几张照片/);
    expect(await say('', 'demo', [{ contentType: 'image/jpeg', contentUrl: 'https://img.example.com/a.jpg', name: 'a.jpg' }])).toMatch(/描述一下问题/);
    expect(await say('瓶盖没拧紧，精华洒了一半在盒子里')).toMatch(/已为您创建售后工单 T\d{8}-\w{6}（漏液，订单 1688000000000104，照片 1 张）/);
    const tickets = await app.get('/api/admin/tickets', { authorization: `Bearer ${ADMIN_TOKEN}` });
    expect(tickets.json.items[0]).toMatchObject({ type: 'quality', orderId: '1688000000000104', status: 'open' });
  });

  it('zh: opened lipstick is not a no-reason return; the 12-day-old order is past the window', async () => {
    expect(await say('我要退货')).toMatch(/请问是哪个订单/);
    expect(await say('1688000000000104')).toMatch(/拆封或使用过吗/);
    expect(await say('已经拆封用过了')).toMatch(/拆封后出于卫生原因不支持无理由退货/);
    await say('我要退货');
    expect(await say('1688000000000105')).toMatch(/超过了 7 天无理由退货期限/);
  });

  it('en: where is my order → tracking, on another app user with the same demo orders list', async () => {
    expect(await say('where is my order')).toMatch(/Which order is it\?/);
    expect(await say('1688000000000103')).toMatch(/SF Express, tracking number SF1460012345678/);
  });

  it('zh: an angry return goes to a human and the bot holds until release', async () => {
    const reply = await say('你们什么垃圾东西！气死了，马上给我退款', 'angry-demo');
    expect(reply).toMatch(/抱歉[\s\S]*人工客服/);
    expect(await say('在吗', 'angry-demo')).toMatch(/队列/);
  });

  it('en: quality problem, order picked by position, described in words the NLU also reads as a quality request', async () => {
    expect(await say('the lipstick I received is broken')).toMatch(/Which order is it\?[^\n]*\n1\. 1688000000000104/);
    expect(await say('the first one')).toMatch(/send a few photos/);
    expect(await say('skip')).toMatch(/describe the problem/);
    expect(await say('The lipstick arrived snapped in half')).toMatch(/after-sales ticket T\d{8}-\w{6} \(Damaged, order 1688000000000104/);
  });

  it('zh: cancel the paid order; the refund shows in refund status', async () => {
    expect(await say('取消订单')).toMatch(/请问是哪个订单/);
    expect(await say('1688000000000102')).toMatch(/确认取消订单 1688000000000102/);
    expect(await say('确认取消')).toMatch(/已取消。已付款的 ¥378 将在 1–3 个工作日内原路退回/);
    expect(await say('退款到哪了')).toMatch(/订单 1688000000000102：已取消，¥378 原路退回/);
  });
});
