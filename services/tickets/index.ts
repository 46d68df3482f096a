/** Tickets (工单) and the after-sales rules: quality problems, return eligibility, SLA. */
export * from './types';
export { TicketService, TicketTransitionError, TICKETS_COLLECTION, SLA_HOURS } from './ticketService';
export type { NewTicket } from './ticketService';
export { detectQualityProblem, PROBLEM_LABELS, QUALITY_PROBLEMS } from './qualityProblems';
export { returnEligibility, NO_REASON_DAYS } from './returnEligibility';
export type { Eligibility } from './returnEligibility';
