/**
 * One audit entry for every request to an /api/admin/* route, whoever registered the route: a restify
 * `use` handler (after routing, before the admin throttle and the route's own checks) arranges for the
 * entry to be queued when the answer is sent, so throttled (429), refused and failed requests are audited
 * as well as the successful ones. The entry holds the action (named from the route pattern), the actor,
 * the customer it concerned and the status — never the URL, a query value or the body.
 *
 * Actor: a request with the shared admin token is `admin-token@<source address>`; a staff session is the
 * staff username. The address is the TCP peer as-is (not X-Forwarded-For, which a client can write):
 * behind a reverse proxy it is the proxy's address, and the proxy's own access log says who was behind
 * it. A request that never proved who it is (wrong or no token, no session, throttled) is `auth_failed`
 * with the address, kept 30 days (AuditLog).
 */
import type { Next, Request, Response, Server } from 'restify';
import type { AuditEntry, AuditLog } from '../services/privacy/auditLog';

/** `METHOD pattern` → action. A route missing here is audited as `METHOD pattern` (the table test lists them all). */
export const ACTIONS: Readonly<Record<string, string>> = {
  'POST /api/admin/customers/link': 'customer_link',
  'GET /api/admin/customers': 'customer_lookup',
  'GET /api/admin/customers/:customerId': 'customer_get',
  'GET /api/admin/customers/:customerId/export': 'customer_export',
  'DELETE /api/admin/customers/:customerId': 'customer_erase',
  'GET /api/admin/handoffs': 'handoffs_list',
  'POST /api/admin/handoffs/:customerId/accept': 'handoff_accept',
  'POST /api/admin/handoffs/:customerId/release': 'handoff_release',
  'GET /api/admin/tickets': 'tickets_list',
  'PATCH /api/admin/tickets/:id': 'ticket_update',
  'GET /api/admin/audit': 'audit_list',
  'POST /api/admin/agents': 'staff_create',
  'GET /api/admin/agents': 'staff_list',
  'POST /api/admin/canned': 'canned_create',
  'DELETE /api/admin/canned/:id': 'canned_delete',
  'GET /api/admin/metrics': 'metrics_get',
  'POST /api/admin/campaigns': 'campaign_create',
  'GET /api/admin/campaigns': 'campaigns_list',
  'POST /api/admin/campaigns/:id/pause': 'campaign_pause',
  'POST /api/admin/campaigns/:id/resume': 'campaign_resume',
  'GET /api/admin/campaigns/:id/report': 'campaign_report',
  'GET /api/admin/jobs': 'jobs_list',
  'POST /api/admin/experiments': 'experiment_create',
  'GET /api/admin/experiments': 'experiments_list',
  'GET /api/admin/experiments/:id': 'experiment_get',
  'POST /api/admin/experiments/:id/stop': 'experiment_stop',
  'GET /api/admin/review': 'review_list',
  'POST /api/admin/review/:id/label': 'review_label',
  'POST /api/admin/review/:id/accept': 'review_accept',
  'POST /api/admin/review/:id/reject': 'review_reject',
  'POST /api/admin/nlu/retrain': 'nlu_retrain',
  'GET /api/admin/unanswered': 'unanswered_groups',
  'POST /api/admin/faq': 'faq_create',
  'POST /api/admin/live/rooms': 'live_room_create',
  'GET /api/admin/live/rooms': 'live_rooms_list',
  'GET /api/admin/live/rooms/:id': 'live_room_get',
  'GET /api/admin/live/rooms/:id/replies/pending': 'live_replies_pending',
  'POST /api/admin/live/rooms/:id/replies/:replyId/approve': 'live_reply_approve',
  'POST /api/admin/live/rooms/:id/replies/:replyId/reject': 'live_reply_reject',
};

export const ADMIN_PATH = /^\/api\/admin(\/|$)/i;

/** Only ids shaped like ours are recorded: a path segment could otherwise carry any text into the log. */
const CUSTOMER_ID = /^c_[\w-]{1,62}$/;

interface AuditNote {
  /** set once the request proved who it is; a staff username, or undefined for the admin token */
  actor?: { username?: string };
  customerId?: string;
}

const notes = new WeakMap<Request, AuditNote>();

function noteOf(req: Request): AuditNote {
  let note = notes.get(req);
  if (!note) notes.set(req, (note = {}));
  return note;
}

/** The admin token was right: anything else that goes wrong is the action's result, not a failed login. */
export function auditAuthorized(req: Request): void {
  noteOf(req).actor = {};
}

/** The request proved who it is (StaffAuth): a role refused after this is audited as the action, not as a failed login. */
export function auditActor(req: Request, who: { username: string; via: 'session' | 'token' }): void {
  noteOf(req).actor = who.via === 'session' ? { username: who.username } : {};
}

/** The customer this request turned out to concern. */
export function auditCustomer(req: Request, customerId: string | undefined): void {
  if (customerId) noteOf(req).customerId = customerId;
}

function sourceOf(req: Request): string {
  const address = req.socket?.remoteAddress ?? 'unknown';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

export function actionOf(method: string, pattern: string): string {
  const key = `${method.toUpperCase()} ${pattern}`;
  return ACTIONS[key] ?? key;
}

export function auditEntryOf(req: Request, status: number): AuditEntry {
  const note = noteOf(req);
  const pattern = String(req.getRoute?.()?.path ?? 'unknown');
  const param = String(req.params?.customerId ?? '');
  const customerId = note.customerId ?? (CUSTOMER_ID.test(param) ? param : undefined);
  return {
    action: note.actor ? actionOf(String(req.method ?? 'GET'), pattern) : 'auth_failed',
    actor: note.actor?.username ?? `admin-token@${sourceOf(req)}`,
    ...(customerId ? { customerId } : {}),
    route: pattern,
    status,
  };
}

/**
 * Queues the entry when the answer starts to go out (`res.end`), not on 'finish': the client cannot
 * have read the answer before that, so a GET /api/admin/audit it sends next always sees the entry.
 */
function auditOnAnswer(req: Request, res: Response, audit: AuditLog, throttled: ThrottledAddresses): void {
  const end = res.end;
  let queued = false;
  res.end = function auditedEnd(this: Response, ...args: unknown[]) {
    if (!queued) {
      queued = true;
      if (res.statusCode !== 429 || throttled.first(sourceOf(req))) void audit.record(auditEntryOf(req, res.statusCode));
    }
    return (end as (...a: unknown[]) => Response).apply(this, args);
  } as Response['end'];
}

/**
 * A refused flood must not become a flood of writes: of an address's throttled (429) requests, one a minute
 * is audited (the first of each minute); every wrong token before the throttle answered is audited anyway.
 */
class ThrottledAddresses {
  private readonly recorded = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  first(address: string): boolean {
    const at = this.now();
    const last = this.recorded.get(address);
    if (last !== undefined && at - last < 60_000) return false;
    if (this.recorded.size >= 10_000) this.recorded.delete(this.recorded.keys().next().value as string);
    this.recorded.delete(address);
    this.recorded.set(address, at);
    return true;
  }
}

/** Register before the admin throttle, so its 429s are audited too (one a minute per address). */
export function registerAdminAudit(server: Server, deps: { audit: AuditLog }): void {
  const throttled = new ThrottledAddresses();
  server.use((req: Request, res: Response, next: Next) => {
    if (ADMIN_PATH.test(String(req.getRoute?.()?.path ?? ''))) auditOnAnswer(req, res, deps.audit, throttled);
    next();
  });
}
