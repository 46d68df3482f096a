/** Tickets (工单): numbers, SLA, attachments kept by reference; return eligibility; quality problem detection. */
import type { Order } from '../../../services/orders';
import { detectQualityProblem, returnEligibility, TicketService } from '../../../services/tickets';
import { EmbeddedStore } from '../../../storage';

const DAY = 86400000;
function delivered(daysAgo: number, cosmetic = true, status: Order['status'] = 'delivered'): Order {
  const now = Date.now();
  return {
    _id: '1688000000000999', customerId: 'c1', status, total: 100, createdAt: new Date(now - (daysAgo + 2) * DAY), updatedAt: new Date(),
    items: [{ productId: 'sk-0001', title: 'x', quantity: 1, price: 100, cosmetic }],
    deliveredAt: status === 'delivered' ? new Date(now - daysAgo * DAY) : undefined,
    shipping: { name: 'n', phone: '13900000000', address: 'a' }, timeline: [],
  };
}

describe('return eligibility', () => {
  it.each([
    [delivered(3), false, { eligible: true, daysLeft: 4 }],
    [delivered(3), true, { eligible: false, reason: 'opened_cosmetic' }],
    [delivered(3, false), true, { eligible: true }],
    [delivered(8), false, { eligible: false, reason: 'window_passed', daysSinceDelivery: 8 }],
    [delivered(0, true, 'shipped'), false, { eligible: false, reason: 'in_transit' }],
    [delivered(0, true, 'paid'), false, { eligible: false, reason: 'not_delivered_cancel' }],
    [delivered(0, true, 'returning'), false, { eligible: false, reason: 'already_returning' }],
  ])('%#: opened=%s', (order, opened, expected) => {
    expect(returnEligibility(order, opened)).toMatchObject(expected);
  });
});

describe('quality problems', () => {
  it.each([
    ['瓶子碎了', 'damaged'],
    ['精华漏液了', 'leaking'],
    ['用了脸上红肿过敏', 'allergy'],
    ['收到的已经过期了', 'expired'],
    ['怀疑是假货', 'counterfeit'],
    ['色号发错了', 'wrong_item'],
    ['少发了一支口红', 'missing_item'],
    ['the bottle arrived cracked', 'damaged'],
    ['I got the wrong shade', 'wrong_item'],
    ['什么时候发货', undefined],
  ])('%s → %s', (text, problem) => {
    expect(detectQualityProblem(text)).toBe(problem);
  });
});

describe('TicketService', () => {
  const tickets = new TicketService(new EmbeddedStore(null));

  it('creates numbered tickets with SLA per type and keeps only attachment references', async () => {
    const now = new Date('2026-11-21T08:00:00Z');
    const quality = await tickets.create(
      { customerId: 'c1', type: 'quality', orderId: 'o1', problem: 'damaged', attachments: [{ contentType: 'image/png', contentUrl: 'https://x.example/1.png', name: '1.png', content: 'BYTES' } as never] },
      now,
    );
    expect(quality._id).toMatch(/^T20261121-[0-9A-Z]{6}$/);
    expect(quality.slaDueAt.toISOString()).toBe('2026-11-22T08:00:00.000Z');
    expect(quality.attachments).toEqual([{ contentType: 'image/png', contentUrl: 'https://x.example/1.png', name: '1.png' }]);
    const complaint = await tickets.create({ customerId: 'c1', type: 'complaint' }, now);
    expect(complaint.slaDueAt.toISOString()).toBe('2026-11-21T20:00:00.000Z');
    const ret = await tickets.create({ customerId: 'c1', type: 'return', orderId: 'o2', refundAmount: 570 }, now);
    expect(ret.refund).toEqual({ amount: 570, status: 'pending_return' });
    expect((await tickets.list({ type: 'quality' })).map((t) => t._id)).toEqual([quality._id]);
    expect((await tickets.openFor('c1', 'o2', 'return'))?._id).toBe(ret._id);
  });

  it('tracks the refund of a return and moves tickets on merge', async () => {
    const ret = await tickets.create({ customerId: 'c2', type: 'return', orderId: 'o3', refundAmount: 99 });
    const refunded = await tickets.setRefundStatus(ret._id, 'refunded');
    expect(refunded).toMatchObject({ status: 'resolved', refund: { status: 'refunded', amount: 99 } });
    await tickets.moveCustomer('c3', 'c2');
    expect((await tickets.forCustomer('c3')).map((t) => t._id)).toEqual([ret._id]);
  });
});
