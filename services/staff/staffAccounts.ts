/**
 * Staff accounts (agents and admins): created by an admin through the API or the CLI, checked at login.
 * Usernames are case-insensitive (stored lower case); passwords are kept only as scrypt hashes.
 */
import { z } from 'zod';
import type { DocumentStore } from '../../storage/documentStore';
import { DuplicateKeyError } from '../../storage/documentStore';
import { decoyHash, hashPassword, passwordProblem, verifyPassword } from './passwords';
import { STAFF_ROLES, StaffAccount, StaffAccountError, StaffAccountView } from './types';

export const STAFF_ACCOUNTS = 'staffAccounts';
export const DEFAULT_CAPACITY = 3;

export const newAccountSchema = z
  .object({
    username: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9][a-z0-9._-]{1,31}$/, 'username: 2–32 letters, digits, dot, dash or underscore, starting with a letter or digit'),
    password: z.string(),
    role: z.enum(STAFF_ROLES as [StaffAccount['role'], ...StaffAccount['role'][]]),
    displayName: z.string().trim().min(1).max(64).optional(),
    capacity: z.number().int().min(1).max(50).optional(),
  })
  .strict();
export type NewAccount = z.input<typeof newAccountSchema>;

export function viewOf(account: StaffAccount): StaffAccountView {
  return {
    username: account._id,
    role: account.role,
    displayName: account.displayName ?? account._id,
    capacity: account.capacity,
    createdAt: account.createdAt,
    disabled: Boolean(account.disabled),
  };
}

export class StaffAccounts {
  constructor(
    private readonly store: DocumentStore,
    private readonly now: () => number = Date.now,
  ) {}

  static async ensureIndexes(store: DocumentStore): Promise<void> {
    await store.ensureIndex(STAFF_ACCOUNTS, { fields: { role: 1 } });
  }

  private get accounts() {
    return this.store.collection<StaffAccount>(STAFF_ACCOUNTS);
  }

  /** Throws StaffAccountError: `invalid` (shape), `weak_password`, `taken`. */
  async create(input: NewAccount): Promise<StaffAccountView> {
    const parsed = newAccountSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new StaffAccountError('invalid', `${issue.path.join('.') || 'body'}: ${issue.message}`);
    }
    const { username, password, role, displayName, capacity } = parsed.data;
    const weak = passwordProblem(password, username);
    if (weak) throw new StaffAccountError('weak_password', weak);
    const account: StaffAccount = {
      _id: username,
      role,
      passwordHash: await hashPassword(password),
      ...(displayName ? { displayName } : {}),
      capacity: capacity ?? DEFAULT_CAPACITY,
      createdAt: new Date(this.now()),
    };
    try {
      await this.accounts.insertOne(account);
    } catch (err) {
      if (err instanceof DuplicateKeyError) throw new StaffAccountError('taken', `the username ${username} is taken`);
      throw err;
    }
    return viewOf(account);
  }

  async get(username: string): Promise<StaffAccount | null> {
    return this.accounts.findOne({ _id: username.trim().toLowerCase() });
  }

  async list(): Promise<StaffAccountView[]> {
    const all = await this.accounts.find({}, { sort: { _id: 1 } });
    return all.map(viewOf);
  }

  /**
   * The account when the password is right and the account is enabled, else null. An unknown username
   * costs the same scrypt work as a wrong password.
   */
  async verify(username: string, password: string): Promise<StaffAccount | null> {
    const account = typeof username === 'string' && username.length <= 64 ? await this.get(username) : null;
    const matches = await verifyPassword(String(password).slice(0, 200), account?.passwordHash ?? (await decoyHash()));
    return account && matches && !account.disabled ? account : null;
  }

  async setDisabled(username: string, disabled: boolean): Promise<boolean> {
    const result = await this.accounts.updateOne({ _id: username.trim().toLowerCase() }, { $set: { disabled } });
    return result.matched > 0;
  }
}
