/** Handoff to human agents: the per-customer state machine and its queue. */
export * from './types';
export { HandoffService, HANDOFFS_COLLECTION } from './handoffService';
