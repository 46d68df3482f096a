/** Staff accounts and sessions as stored (collections `staffAccounts`, `staffSessions`). */
export type StaffRole = 'agent' | 'admin';
export const STAFF_ROLES: readonly StaffRole[] = ['agent', 'admin'];

export interface StaffAccount {
  /** the username, lower case */
  _id: string;
  role: StaffRole;
  /** scrypt with a per-user salt (see passwords.ts); never the password itself */
  passwordHash: string;
  displayName?: string;
  /** conversations the agent holds at once under auto-assignment */
  capacity: number;
  createdAt: Date;
  disabled?: boolean;
}

/** What may leave the service: an account without its hash. */
export interface StaffAccountView {
  username: string;
  role: StaffRole;
  displayName: string;
  capacity: number;
  createdAt: Date;
  disabled: boolean;
}

export interface StaffSession {
  /** sha256 of the cookie's token: a leaked store does not hand out live sessions */
  _id: string;
  username: string;
  role: StaffRole;
  csrfToken: string;
  expiresAt: Date;
}

export class StaffAccountError extends Error {
  constructor(
    readonly code: 'taken' | 'invalid' | 'weak_password',
    message: string,
  ) {
    super(message);
    this.name = 'StaffAccountError';
  }
}
