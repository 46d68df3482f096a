/**
 * Tickets (工单) in the document store. A ticket gets a number the customer can quote and an SLA
 * deadline for the first answer (quality problems 24 h, complaints 12 h, returns 48 h for the refund review).
 */
import crypto from 'node:crypto';
import { DocumentStore, DuplicateKeyError } from '../../storage/documentStore';
import type { QualityProblem, RefundStatus, Ticket, TicketAttachment, TicketStatus, TicketType } from './types';
import { TICKET_TRANSITIONS } from './types';

export const TICKETS_COLLECTION = 'tickets';
export const SLA_HOURS: Record<TicketType, number> = { quality: 24, complaint: 12, return: 48 };
const MAX_ATTACHMENTS = 10;
/** still being worked on: a new request about the same order joins the ticket instead of opening another */
const ACTIVE_STATUSES: TicketStatus[] = ['open', 'in_progress', 'waiting_customer'];
const STATUS_HISTORY_LIMIT = 50;

export class TicketTransitionError extends Error {
  constructor(
    readonly from: TicketStatus,
    readonly to: TicketStatus,
  ) {
    super(`a ${from} ticket cannot become ${to}`);
    this.name = 'TicketTransitionError';
  }
}

export interface NewTicket {
  customerId: string;
  type: TicketType;
  orderId?: string;
  problem?: QualityProblem;
  description?: string;
  attachments?: TicketAttachment[];
  refundAmount?: number;
}

function ticketNumber(now: Date): string {
  const day = now.toISOString().slice(0, 10).replace(/-/g, '');
  const suffix = crypto.randomBytes(4).readUInt32BE(0).toString(36).toUpperCase().padStart(6, '0').slice(-6);
  return `T${day}-${suffix}`;
}

/** Only the reference of an attachment is kept, trimmed to sane sizes. */
function cleanAttachment(a: TicketAttachment): TicketAttachment {
  const out: TicketAttachment = { contentType: String(a.contentType).slice(0, 200) };
  if (a.contentUrl) out.contentUrl = String(a.contentUrl).slice(0, 2048);
  if (a.name) out.name = String(a.name).slice(0, 256);
  if (a.pictureText) out.pictureText = String(a.pictureText).slice(0, 2000);
  return out;
}

export class TicketService {
  constructor(private readonly store: DocumentStore) {}

  static async ensureIndexes(store: DocumentStore): Promise<void> {
    await store.ensureIndex(TICKETS_COLLECTION, { fields: { customerId: 1, createdAt: -1 } });
  }

  private get tickets() {
    return this.store.collection<Ticket>(TICKETS_COLLECTION);
  }

  async create(input: NewTicket, now = new Date()): Promise<Ticket> {
    const ticket: Ticket = {
      _id: ticketNumber(now),
      customerId: input.customerId,
      type: input.type,
      status: 'open',
      attachments: (input.attachments ?? []).slice(0, MAX_ATTACHMENTS).map(cleanAttachment),
      createdAt: now,
      updatedAt: now,
      slaDueAt: new Date(now.getTime() + SLA_HOURS[input.type] * 3600 * 1000),
    };
    if (input.orderId) ticket.orderId = input.orderId;
    if (input.problem) ticket.problem = input.problem;
    if (input.description) ticket.description = input.description.slice(0, 2000);
    if (input.type === 'return') ticket.refund = { amount: input.refundAmount ?? 0, status: 'pending_return' };
    for (let attempt = 1; ; attempt++) {
      try {
        await this.tickets.insertOne(ticket);
        return ticket;
      } catch (err) {
        // a number already given out (1 in 2^32 per day): draw another
        if (!(err instanceof DuplicateKeyError) || attempt >= 3) throw err;
        ticket._id = ticketNumber(now);
      }
    }
  }

  async get(ticketId: string): Promise<Ticket | null> {
    return this.tickets.findOne({ _id: ticketId });
  }

  /** The customer's newest ticket still being worked on (for the handoff summary). */
  async latestOpen(customerId: string): Promise<Ticket | undefined> {
    const [ticket] = await this.tickets.find({ customerId, status: { $in: ACTIVE_STATUSES } }, { sort: { createdAt: -1 }, limit: 1 });
    return ticket;
  }

  async forCustomer(customerId: string, type?: TicketType, limit = 10): Promise<Ticket[]> {
    return this.tickets.find(type ? { customerId, type } : { customerId }, { sort: { createdAt: -1 }, limit });
  }

  /** An open ticket of this type for this order, so a repeated request does not open a second one. */
  async openFor(customerId: string, orderId: string, type: TicketType): Promise<Ticket | null> {
    return this.tickets.findOne({ customerId, orderId, type, status: { $in: ACTIVE_STATUSES } });
  }

  /** Admin list, newest first. */
  async list(filter: { status?: TicketStatus; type?: TicketType } = {}, limit = 200): Promise<Ticket[]> {
    const query: Record<string, unknown> = {};
    if (filter.status) query.status = filter.status;
    if (filter.type) query.type = filter.type;
    return this.tickets.find(query, { sort: { createdAt: -1 }, limit });
  }

  /**
   * A staff status change, allowed by TICKET_TRANSITIONS; one conditional update, so two staff members
   * changing one ticket at once cannot make a move the rules forbid. Null when there is no such ticket;
   * the same status again changes nothing; TicketTransitionError when the move is not allowed.
   */
  async updateStatus(ticketId: string, to: TicketStatus, by: string, note?: string, now = new Date()): Promise<Ticket | null> {
    const from = (Object.keys(TICKET_TRANSITIONS) as TicketStatus[]).filter((s) => TICKET_TRANSITIONS[s].includes(to));
    const change = { at: now, by, to, ...(note ? { note: note.slice(0, 2000) } : {}) };
    for (let attempt = 0; attempt < 3; attempt++) {
      const current = await this.get(ticketId);
      if (!current) return null;
      if (current.status === to && !note) return current;
      if (current.status !== to && !from.includes(current.status)) throw new TicketTransitionError(current.status, to);
      const updated = await this.tickets.findOneAndUpdate(
        { _id: ticketId, status: current.status },
        { $set: { status: to, updatedAt: now }, $push: { statusHistory: { $each: [{ ...change, from: current.status }], $slice: -STATUS_HISTORY_LIMIT } } },
      );
      if (updated) return updated;
      // someone changed it between the read and the update: judge the move again from the new status
    }
    throw new TicketTransitionError((await this.get(ticketId))?.status ?? 'open', to);
  }

  async setRefundStatus(ticketId: string, status: RefundStatus, now = new Date()): Promise<Ticket | null> {
    const set: Record<string, unknown> = { 'refund.status': status, updatedAt: now };
    if (status === 'refunded') Object.assign(set, { 'refund.refundedAt': now, status: 'resolved' });
    return this.tickets.findOneAndUpdate({ _id: ticketId, type: 'return' }, { $set: set });
  }

  /** A photo the customer sent after the ticket was opened (its reference and the text read from it). */
  async addPicture(ticketId: string, attachment: TicketAttachment, now = new Date()): Promise<Ticket | null> {
    return this.tickets.findOneAndUpdate(
      { _id: ticketId },
      { $set: { updatedAt: now }, $push: { attachments: { $each: [cleanAttachment(attachment)], $slice: -MAX_ATTACHMENTS } } },
    );
  }

  /** Privacy export: every ticket of the customer, newest first. */
  async exportCustomer(customerId: string): Promise<Ticket[]> {
    return this.tickets.find({ customerId }, { sort: { createdAt: -1 } });
  }

  /** Privacy erase: tickets carry the customer's own words and photos, so they are deleted, not kept. */
  async eraseCustomer(customerId: string): Promise<number> {
    return this.tickets.deleteMany({ customerId });
  }

  /** Merge hook: the merged customer's tickets now belong to the survivor. */
  async moveCustomer(survivorId: string, mergedId: string): Promise<void> {
    await this.tickets.updateMany({ customerId: mergedId }, { $set: { customerId: survivorId } });
  }
}
