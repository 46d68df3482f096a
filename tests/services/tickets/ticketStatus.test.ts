/** Staff status changes on tickets: only the moves the rules allow, each one remembered with who made it. */
import { TicketService, TicketTransitionError } from '../../../services/tickets';
import { EmbeddedStore } from '../../../storage';

describe('TicketService.updateStatus', () => {
  const tickets = new TicketService(new EmbeddedStore(null));

  it('moves a ticket along allowed transitions and records who moved it', async () => {
    const t = await tickets.create({ customerId: 'c1', type: 'complaint' });
    const waiting = await tickets.updateStatus(t._id, 'waiting_customer', 'mei', '等客户回复');
    expect(waiting).toMatchObject({ status: 'waiting_customer', statusHistory: [{ by: 'mei', from: 'open', to: 'waiting_customer', note: '等客户回复' }] });
    // a ticket waiting for the customer is still active: a new request about it is not a new ticket
    expect((await tickets.latestOpen('c1'))?._id).toBe(t._id);
    expect((await tickets.updateStatus(t._id, 'closed', 'mei'))!.status).toBe('closed');
    await expect(tickets.updateStatus(t._id, 'open', 'mei')).rejects.toBeInstanceOf(TicketTransitionError);
    await expect(tickets.updateStatus(t._id, 'resolved', 'mei')).rejects.toMatchObject({ from: 'closed', to: 'resolved' });
    expect((await tickets.updateStatus(t._id, 'in_progress', 'boss'))!.statusHistory).toHaveLength(3);
    expect(await tickets.updateStatus('T-none', 'closed', 'mei')).toBeNull();
  });
});
