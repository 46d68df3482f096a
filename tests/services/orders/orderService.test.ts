/** OrderService and the order checks: ownership, changes only before shipment, cancel policy, invoices, demo seeding. */
import { CustomerDirectory } from '../../../services/customers';
import { findOrderNumber, normalizeAddress, normalizeMobile, normalizeTaxId, OrderService } from '../../../services/orders';
import { DEMO_ORDER_IDS } from '../../../services/orders/demo/demoOrders';
import { seedDemoOrders } from '../../../services/orders/demo/seedDemoOrders';
import { withUsccCheck } from '../../../services/orders/invoice';
import { EmbeddedStore } from '../../../storage';

describe('OrderService', () => {
  const store = new EmbeddedStore(null);
  const orders = new OrderService(store);
  const directory = new CustomerDirectory(store);
  let demo: string;

  beforeAll(async () => {
    await OrderService.ensureIndexes(store);
    expect(await seedDemoOrders(orders, directory)).toBe(5);
    expect(await seedDemoOrders(orders, directory)).toBe(0); // only into an empty collection
    demo = (await directory.find({ channelId: 'app', userId: 'demo' }))!;
  });

  it('seeds the demo customer with orders in different states, dated relative to now', async () => {
    const mine = await orders.recent(demo, 10);
    expect(mine.map((o) => o.status).sort()).toEqual(['delivered', 'delivered', 'paid', 'shipped', 'unpaid']);
    const recent = await orders.get(demo, DEMO_ORDER_IDS.deliveredRecently);
    const days = (Date.now() - new Date(recent!.deliveredAt!).getTime()) / 86400000;
    expect(days).toBeGreaterThan(2.9);
    expect(days).toBeLessThan(3.1);
    expect(recent!.items.map((i) => i.productId)).toEqual(['mk-0004', 'mk-0008']);
  });

  it('never returns another customer\'s order', async () => {
    expect(await orders.get('c_someone_else', DEMO_ORDER_IDS.shipped)).toBeUndefined();
    expect(await orders.cancel('c_someone_else', DEMO_ORDER_IDS.unpaid)).toEqual({ ok: false, reason: 'not_found' });
  });

  it('changes contact details before shipment only', async () => {
    const ok = await orders.changeContact(demo, DEMO_ORDER_IDS.paidNotShipped, { phone: '13711112222' });
    expect(ok.ok && ok.order.shipping.phone).toBe('13711112222');
    const refused = await orders.changeContact(demo, DEMO_ORDER_IDS.shipped, { address: '北京市朝阳区建国路88号' });
    expect(refused).toMatchObject({ ok: false, reason: 'already_shipped' });
  });

  it('cancels unpaid and paid orders, refuses shipped ones, and does not cancel twice', async () => {
    expect((await orders.cancel(demo, DEMO_ORDER_IDS.shipped)).ok).toBe(false);
    const cancelled = await orders.cancel(demo, DEMO_ORDER_IDS.unpaid);
    expect(cancelled.ok && cancelled.order.status).toBe('cancelled');
    expect(cancelled.ok && cancelled.order.timeline.at(-1)?.code).toBe('cancelled');
    expect(await orders.cancel(demo, DEMO_ORDER_IDS.unpaid)).toMatchObject({ ok: false, reason: 'already_cancelled' });
  });

  it('accepts one invoice request per paid order', async () => {
    const first = await orders.requestInvoice(demo, DEMO_ORDER_IDS.deliveredLongAgo, { type: 'personal', title: '林女士' });
    expect(first.ok && first.order.invoice).toMatchObject({ type: 'personal', title: '林女士', status: 'requested' });
    expect(await orders.requestInvoice(demo, DEMO_ORDER_IDS.deliveredLongAgo, { type: 'personal', title: '林女士' })).toMatchObject({ ok: false, reason: 'already_invoiced' });
  });

  it('moves orders to the surviving customer on merge', async () => {
    await orders.moveCustomer('c_survivor', demo);
    expect(await orders.recent(demo)).toEqual([]);
    expect((await orders.recent('c_survivor', 10)).length).toBe(5);
    await orders.moveCustomer(demo, 'c_survivor');
  });
});

describe('order checks', () => {
  it.each([
    ['订单号 1688000000000103 到哪了', '1688000000000103'],
    ['1688 0000 0000 0103', '1688000000000103'],
    ['电话13912345678，订单 2026112112345678', '2026112112345678'],
    ['我的电话 13912345678', undefined],
    ['买了 3 瓶', undefined],
  ])('finds the order number in %s', (text, expected) => {
    expect(findOrderNumber(text)).toBe(expected);
  });

  it('prefers the NLU order_id entity', () => {
    expect(findOrderNumber('那个单', [{ type: 'order_id', text: 'x', value: '9988776655', start: 0, end: 1 }])).toBe('9988776655');
  });

  it('validates tax ids (unified social credit code check character), phones and addresses', () => {
    const valid = withUsccCheck('91310115MA1H7GQ8X');
    expect(normalizeTaxId(` ${valid.toLowerCase()} `)).toBe(valid);
    expect(normalizeTaxId(valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0'))).toBeUndefined();
    expect(normalizeTaxId('12345')).toBeUndefined();
    expect(normalizeMobile('+86 139-1234-5678')).toBe('13912345678');
    expect(normalizeMobile('12345678901')).toBeUndefined();
    expect(normalizeAddress('上海市徐汇区漕溪北路88号1201室')).toBeDefined();
    expect(normalizeAddress('我家')).toBeUndefined();
    expect(normalizeAddress('Room 1201, 88 Caoxi North Road, Shanghai')).toBeDefined();
  });
});
