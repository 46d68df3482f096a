/**
 * The store's after-sales scenarios as a customer holds them on the app channel, with the product's own
 * NLU (no scripted recognizer) and the demo customer: damaged item → photo → ticket (checked in the admin
 * list too). The conversations that are only what is said and answered (return by policy, tracking,
 * angry → human, quality by position, cancel and refund) are tables in tests/transcripts/tables/demoCustomer.ts.
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
});
