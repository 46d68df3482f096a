/** Staff accounts (agents, admins) and their login sessions. */
export { StaffAccounts, STAFF_ACCOUNTS, DEFAULT_CAPACITY, newAccountSchema, viewOf } from './staffAccounts';
export type { NewAccount } from './staffAccounts';
export { StaffSessions, STAFF_SESSIONS, tokenHash } from './staffSessions';
export type { SessionSettings } from './staffSessions';
export { STAFF_ROLES, StaffAccountError } from './types';
export type { StaffAccount, StaffAccountView, StaffRole, StaffSession } from './types';
