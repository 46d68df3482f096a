/** After-sales tickets (工单): quality problems, return requests and complaints, each with an SLA. */

export type TicketType = 'quality' | 'return' | 'complaint';
export type TicketStatus = 'open' | 'in_progress' | 'resolved' | 'closed';
export type QualityProblem = 'damaged' | 'leaking' | 'allergy' | 'expired' | 'counterfeit' | 'wrong_item' | 'missing_item';

/** An image the customer sent; only the reference is kept, never the bytes. */
export interface TicketAttachment {
  contentType: string;
  contentUrl?: string;
  name?: string;
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
}
