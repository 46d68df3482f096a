// Shared ids for the handoff area: MainDialog and other areas begin HANDOFF_DIALOG with HandoffOptions.
export const HANDOFF_DIALOG = 'handoffDialog';

/** Why the customer is being handed to a human; shown to the agent in the handoff summary. */
export interface HandoffOptions {
  reason: 'angry' | 'requested' | 'repeated_failures' | 'quality' | 'complaint';
  note?: string;
  /** the order / ticket the conversation is about, when the caller knows it */
  orderId?: string;
  ticketId?: string;
}
