/**
 * Admin API for the agent side (bearer ADMIN_TOKEN): the handoff queue and the after-sales tickets.
 *   GET  /api/admin/handoffs                         → {"items": [{customerId, state, reason, summary, since}]} (queued and with an agent; ?all=true for every record)
 *   POST /api/admin/handoffs/:customerId/accept      → queued → agent (404 unknown, 409 not queued)
 *   POST /api/admin/handoffs/:customerId/release     → back to the bot (404 unknown, 409 already with the bot)
 *   GET  /api/admin/tickets                          → {"items": [{id, customerId, type, status, orderId, slaDueAt}]} (?status=, ?type=; admin token or staff session)
 */
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { HandoffRecord, HandoffService } from '../services/handoff';
import { HandoffTransitionError } from '../services/handoff';
import type { Logger } from '../platform/logger';
import type { Ticket, TicketService } from '../services/tickets';
import { TICKET_STATUSES } from '../services/tickets';
import type { StaffAuth } from './staffAuth';
import { cookieValue, SESSION_COOKIE, staffRoute } from './staffAuth';
import { adminRoute } from './adminRoutes';
import { HttpError, queryObject, readJsonObject, sendJson } from '../platform/http';

export interface HandoffAdminDeps {
  adminToken?: string;
  logger: Logger;
  handoffs: HandoffService;
  tickets: TicketService;
  /** [D] when given, GET /api/admin/tickets also takes an agent's or admin's staff session */
  staffAuth?: StaffAuth;
}

const ticketQuery = z
  .object({
    status: z.enum(TICKET_STATUSES).optional(),
    type: z.enum(['quality', 'return', 'complaint']).optional(),
  })
  .strict();
const acceptBody = z.object({ agentId: z.string().trim().min(1).max(64).optional() }).strict();

function customerIdParam(req: Request): string {
  const id = String(req.params.customerId ?? '');
  if (!/^[\w-]{1,64}$/.test(id)) throw new HttpError(400, 'invalid_id', 'customerId is not valid');
  return id;
}

function handoffItem(r: HandoffRecord) {
  return {
    customerId: r._id,
    state: r.state,
    reason: r.reason ?? null,
    summary: r.summary ?? null,
    since: new Date(r.since).toISOString(),
    ...(r.agentId ? { agentId: r.agentId } : {}),
    waitingMessages: r.inbox?.length ?? 0,
  };
}

function ticketItem(t: Ticket) {
  return {
    id: t._id,
    customerId: t.customerId,
    type: t.type,
    status: t.status,
    orderId: t.orderId ?? null,
    slaDueAt: new Date(t.slaDueAt).toISOString(),
    ...(t.problem ? { problem: t.problem } : {}),
    attachments: t.attachments.length,
    createdAt: new Date(t.createdAt).toISOString(),
  };
}

function transitionError(err: unknown): never {
  if (err instanceof HandoffTransitionError) throw new HttpError(err.code === 'not_found' ? 404 : 409, err.code, err.message);
  throw err;
}

export function registerHandoffAdminRoutes(server: Server, deps: HandoffAdminDeps): void {
  server.get(
    '/api/admin/handoffs',
    adminRoute(deps, async (req, res) => {
      const all = queryObject(req).all === 'true';
      const records = await deps.handoffs.list({ all });
      sendJson(res, 200, { items: records.map(handoffItem) });
    }),
  );

  server.post(
    '/api/admin/handoffs/:customerId/accept',
    adminRoute(deps, async (req, res) => {
      const customerId = customerIdParam(req);
      const hasBody = Number(req.headers['content-length'] ?? 0) > 0;
      const parsed = acceptBody.safeParse(hasBody ? await readJsonObject(req, 4096) : {});
      if (!parsed.success) throw new HttpError(400, 'invalid_body', `${parsed.error.issues[0].path.join('.') || 'body'}: ${parsed.error.issues[0].message}`);
      const record = await deps.handoffs.accept(customerId, parsed.data.agentId).catch(transitionError);
      deps.logger.info({ customerId, agentId: record.agentId }, 'handoff accepted by an agent');
      sendJson(res, 200, handoffItem(record));
    }),
  );

  server.post(
    '/api/admin/handoffs/:customerId/release',
    adminRoute(deps, async (req, res) => {
      const customerId = customerIdParam(req);
      req.resume();
      const record = await deps.handoffs.release(customerId).catch(transitionError);
      deps.logger.info({ customerId }, 'handoff released to the bot');
      sendJson(res, 200, handoffItem(record));
    }),
  );

  const listTickets = async (req: Request, res: Response) => {
    const parsed = ticketQuery.safeParse(queryObject(req));
    if (!parsed.success) throw new HttpError(400, 'invalid_query', `${parsed.error.issues[0].path.join('.') || 'query'}: ${parsed.error.issues[0].message}`);
    const tickets = await deps.tickets.list(parsed.data);
    sendJson(res, 200, { items: tickets.map(ticketItem) });
  };
  // [D] agents read tickets in the console with their session, automation with the token (both audited: adminAudit.ts)
  const byToken = adminRoute(deps, listTickets);
  const bySession = deps.staffAuth && staffRoute(deps.staffAuth, ['agent', 'admin'], listTickets, (err) => deps.logger.error({ err }, 'ticket list failed'));
  const withSession = (req: Request) => Boolean(bySession && !req.headers.authorization && cookieValue(req, SESSION_COOKIE));
  server.get('/api/admin/tickets', async (req: Request, res: Response) => (withSession(req) ? bySession!(req, res) : byToken(req, res)));
}
