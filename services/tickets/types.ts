/** After-sales tickets (工单): quality problems, return requests and complaints, each with an SLA. */

export type TicketType = 'quality' | 'return' | 'complaint';
export const TICKET_STATUSES = ['open', 'in_progress', 'waiting_customer', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/**
 * Which status a ticket may move to from each status (staff updates). Resolved and closed tickets can be
 * reopened (the customer came back); a ticket never returns to `open` once someone worked on it.
 */
export const TICKET_TRANSITIONS: Record<TicketStatus, readonly TicketStatus[]> = {
  open: ['in_progress', 'waiting_customer', 'resolved', 'closed'],
  in_progress: ['waiting_customer', 'resolved', 'closed'],
  waiting_customer: ['in_progress', 'resolved', 'closed'],
  resolved: ['in_progress', 'closed'],
  closed: ['in_progress'],
};

/** A staff member's status change, kept on the ticket. */
export interface TicketStatusChange {
  at: Date;
  by: string;
  from: TicketStatus;
  to: TicketStatus;
  /** the staff member's note (may quote the customer, so it is encrypted like the description) */
  note?: string;
}
export type QualityProblem = 'damaged' | 'leaking' | 'allergy' | 'expired' | 'counterfeit' | 'wrong_item' | 'missing_item';

/** An image the customer sent; only the reference is kept, never the bytes. */
export interface TicketAttachment {
  contentType: string;
  contentUrl?: string;
  name?: string;
  /** the text read from the picture (OCR), for staff: the customer's own words or data, encrypted at rest */
  pictureText?: string;
}

export type RefundStatus = 'pending_return' | 'received' | 'refunded' | 'rejected';

export interface Ticket {
  _id: string; // the 工单 number the customer sees, e.g. T20261121-4F7K2Q
  customerId: string;
  type: TicketType;
  status: TicketStatus;
  orderId?: string;
  problem?: QualityProblem;
  description?: string;
  attachments: TicketAttachment[];
  /** return requests carry the refund they lead to */
  refund?: { amount: number; status: RefundStatus; refundedAt?: Date };
  createdAt: Date;
  updatedAt: Date;
  /** when the store promised a first answer */
  slaDueAt: Date;
  /** staff status changes, oldest first */
  statusHistory?: TicketStatusChange[];
}
