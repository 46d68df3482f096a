/**
 * A channel identity is asserted only by that channel's own verified route: an unauthenticated
 * (Emulator) activity that names another channel is still an Emulator customer, so it can neither
 * read nor change the demo app customer's orders.
 */
import { OrderService } from '../../../services/orders';
import { ScriptedRecognizer } from '../../helpers/scriptedRecognizer';
import { ReplySink, startReplySink } from '../../helpers/replySink';
import { RunningApp, startTestApp } from '../../helpers/testApp';

const PAID = '1688000000000102';
const NEW_ADDRESS = '北京市朝阳区建国路88号SOHO现代城2号楼1502室';

describe('POST /api/messages cannot assert another channel’s identity', () => {
  let app: RunningApp;
  let sink: ReplySink;
  let seq = 0;
  beforeAll(async () => {
    sink = await startReplySink();
    app = await startTestApp(
      { DEMO_DATA: 'true' },
      { recognizer: new ScriptedRecognizer({ 我要改地址: 'order_change', 我的订单: 'order_status' }) },
    );
  });
  afterAll(async () => {
    await app.close(1000);
    await sink.close();
  });

  /** posts one forged activity and returns the texts the bot sent back for it */
  async function forged(channelId: string, userId: string, text: string): Promise<string> {
    const before = sink.requests.length;
    const res = await app.post('/api/messages', {
      type: 'message',
      id: `f-${++seq}`,
      channelId,
      serviceUrl: sink.url,
      from: { id: userId },
      recipient: { id: 'bot' },
      conversation: { id: `forged-${channelId}` },
      text,
      locale: 'zh-CN',
    });
    expect(res.status).toBe(200);
    const all = await sink.waitFor(before + 1);
    return all
      .slice(before)
      .map((r) => String(r.body?.text ?? ''))
      .join('\n');
  }

  it.each([
    ['app', 'demo'],
    ['wechat', 'oWeChatOpenId0000000000000'],
    ['telegram', '123456789'],
  ])('channelId %s is forced to emulator: a different customer from the real %s user', async (channelId, userId) => {
    const real = await app.directory.resolve({ channelId, userId });
    await forged(channelId, userId, '你好');
    const emulator = await app.directory.find({ channelId: 'emulator', userId });
    expect(emulator).toBeDefined();
    expect(emulator).not.toBe(real);
  });

  it('a forged app identity neither sees the demo orders nor changes an address', async () => {
    const demoId = (await app.directory.find({ channelId: 'app', userId: 'demo' }))!;
    const orders = new OrderService(app.store);
    const before = (await orders.get(demoId, PAID))!.shipping.address;

    const seen = [
      await forged('app', 'demo', '我的订单'),
      await forged('app', 'demo', '我要改地址'),
      await forged('app', 'demo', PAID),
      await forged('app', 'demo', NEW_ADDRESS),
      await forged('app', 'demo', '确认'),
    ].join('\n');

    expect(seen).not.toMatch(/1688000000000\d{3}/);
    expect(seen).not.toMatch(/已修改成功/);
    expect((await orders.get(demoId, PAID))!.shipping.address).toBe(before);
    expect(before).not.toBe(NEW_ADDRESS);
  });
});
