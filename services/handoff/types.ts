/** The handoff record: one per customer, the state machine bot → queued → agent → bot. */

export type HandoffState = 'bot' | 'queued' | 'agent';
export type HandoffReason = 'angry' | 'requested' | 'repeated_failures' | 'quality' | 'complaint';

/** What the agent sees first: why, in what mood, what was said, which order and ticket. */
export interface HandoffSummary {
  text: string;
  intent?: string;
  sentiment?: { label: string; anger: number };
  language?: string;
  /** the customer's last few messages (kept here for the agent, never in logs) */
  lastTurns: string[];
  orderId?: string;
  ticketId?: string;
  note?: string;
}

export interface HandoffRecord {
  _id: string; // customerId
  state: HandoffState;
  reason?: HandoffReason;
  summary?: HandoffSummary;
  /** when the current state began */
  since: Date;
  agentId?: string;
  /** what the customer wrote while waiting or talking to the agent, for the agent console */
  inbox: { at: Date; text: string; attachments?: number }[];
  updatedAt: Date;
}

export class HandoffTransitionError extends Error {
  constructor(
    readonly code: 'not_found' | 'conflict',
    message: string,
  ) {
    super(message);
    this.name = 'HandoffTransitionError';
  }
}
