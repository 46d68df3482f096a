/**
 * Turns an admin request into an audit entry once it is answered: the action (from the route pattern),
 * the actor, the customer it concerned and the status. Handlers that learn the customer only while
 * working (identity lookup, link) name it with `auditCustomer`.
 *
 * Actor: the admin API has one shared token, so the actor is `admin-token@<source address>`. The address
 * is the TCP peer as-is (not X-Forwarded-For, which a client can write): behind a reverse proxy it is the
 * proxy's address, and the proxy's own access log says who was behind it. Staff and attacker addresses are
 * what an audit needs to show, so they are not hashed.
 */
import type { Request } from 'restify';
import type { AuditEntry } from '../services/privacy/auditLog';

const ACTIONS: Record<string, string> = {
  'POST /api/admin/customers/link': 'customer_link',
  'GET /api/admin/customers': 'customer_lookup',
  'GET /api/admin/customers/:customerId': 'customer_get',
  'GET /api/admin/customers/:customerId/export': 'customer_export',
  'DELETE /api/admin/customers/:customerId': 'customer_erase',
  'GET /api/admin/handoffs': 'handoffs_list',
  'POST /api/admin/handoffs/:customerId/accept': 'handoff_accept',
  'POST /api/admin/handoffs/:customerId/release': 'handoff_release',
  'GET /api/admin/tickets': 'tickets_list',
  'GET /api/admin/audit': 'audit_list',
};

/** Only ids shaped like ours are recorded: a path segment could otherwise carry any text into the log. */
const CUSTOMER_ID = /^c_[\w-]{1,62}$/;

interface AuditNote {
  authorized?: boolean;
  customerId?: string;
}

const notes = new WeakMap<Request, AuditNote>();

function noteOf(req: Request): AuditNote {
  let note = notes.get(req);
  if (!note) notes.set(req, (note = {}));
  return note;
}

/** The bearer check passed: anything else that goes wrong is the action's result, not a failed login. */
export function auditAuthorized(req: Request): void {
  noteOf(req).authorized = true;
}

/** The customer this request turned out to concern. */
export function auditCustomer(req: Request, customerId: string | undefined): void {
  if (customerId) noteOf(req).customerId = customerId;
}

function sourceOf(req: Request): string {
  const address = req.socket?.remoteAddress ?? 'unknown';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

export function auditEntryOf(req: Request, status: number): AuditEntry {
  const note = noteOf(req);
  const pattern = String(req.getRoute?.()?.path ?? 'unknown');
  const method = String(req.method ?? 'GET').toUpperCase();
  const param = String(req.params?.customerId ?? '');
  const customerId = note.customerId ?? (CUSTOMER_ID.test(param) ? param : undefined);
  return {
    action: note.authorized ? (ACTIONS[`${method} ${pattern}`] ?? `${method} ${pattern}`) : 'auth_failed',
    actor: `admin-token@${sourceOf(req)}`,
    ...(customerId ? { customerId } : {}),
    route: pattern,
    status,
  };
}
