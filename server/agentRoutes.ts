/**
 * The agent desk API (staff session of an agent or admin, or the admin token):
 *   GET    /api/agent/queue                                  → {items: [{customerId, state, reason, sentiment, channelId, summary, since, waitSeconds, agent?}]}
 *   POST   /api/agent/conversations/:customerId/claim        → {customerId, agent}; 409 {error: 'held', holder}
 *   GET    /api/agent/conversations/:customerId              → {customerId, handoff, history, profile}
 *   POST   /api/agent/conversations/:customerId/messages     {text} → {delivered, channelId?, reason?}
 *   POST   /api/agent/conversations/:customerId/notes        {text} → {ok: true} (private, never delivered)
 *   POST   /api/agent/conversations/:customerId/transfer     {to} → {customerId, agent}
 *   POST   /api/agent/conversations/:customerId/release      → {customerId, state: 'bot'} (the customer is told)
 *   POST   /api/agent/conversations/:customerId/resolve      → {customerId, state: 'bot'} (the rating question is sent)
 *   GET    /api/agent/conversations/:customerId/suggestions  → {items: [{text, source}]}
 *   GET    /api/agent/canned                                 → {items: [{id, title, text}]}
 *   POST   /api/agent/status                                 {online} → {username, online}
 *   GET    /api/agent/events                                 server-sent events `queue` and `message` {customerId}
 * Admin only: POST /api/admin/canned {title, text} → 201 {id, title, text}; DELETE /api/admin/canned/:id.
 * Staff: PATCH /api/admin/tickets/:id {status, note?} → the ticket.
 */
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { Logger } from '../platform/logger';
import { HttpError, readJsonObject, sendJson } from '../platform/http';
import type { AgentDeskArea, DeskActor, HistoryEntry } from '../services/agentDesk';
import { DeskError } from '../services/agentDesk';
import type { HandoffRecord } from '../services/handoff';
import type { Ticket, TicketService } from '../services/tickets';
import { TICKET_STATUSES, TicketTransitionError } from '../services/tickets';
import { AgentEventStreams, registerAgentEvents } from './agentEvents';
import { auditCustomer } from './adminAudit';
import type { StaffAuth, StaffPrincipal, StaffRole } from './staffAuth';
import { staffRoute } from './staffAuth';

export interface AgentRouteDeps {
  auth: StaffAuth;
  desk: AgentDeskArea;
  tickets: TicketService;
  logger: Logger;
}

const MAX_BODY = 16 * 1024;
const textBody = z.object({ text: z.string().trim().min(1).max(2000) }).strict();
const transferBody = z.object({ to: z.string().trim().min(1).max(64) }).strict();
const statusBody = z.object({ online: z.boolean() }).strict();
const cannedBody = z.object({ title: z.string().trim().min(1).max(100), text: z.string().trim().min(1).max(2000) }).strict();
const ticketBody = z.object({ status: z.enum(TICKET_STATUSES), note: z.string().trim().min(1).max(2000).optional() }).strict();
const STAFF: StaffRole[] = ['agent', 'admin'];

async function parse<T>(req: Request, schema: z.ZodType<T>): Promise<T> {
  const parsed = schema.safeParse(await readJsonObject(req, MAX_BODY));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HttpError(400, 'invalid_body', `${issue.path.join('.') || 'body'}: ${issue.message}`);
  }
  return parsed.data;
}

function customerIdParam(req: Request): string {
  const id = String(req.params.customerId ?? '');
  if (!/^[\w-]{1,64}$/.test(id)) throw new HttpError(400, 'invalid_id', 'customerId is not valid');
  return id;
}

const actorOf = (p: StaffPrincipal): DeskActor => ({ username: p.username, admin: p.role === 'admin' });

/** Desk refusals as HTTP: `held` names the holder, as the console shows "held by …". */
async function desk<T>(res: Response, action: Promise<T>): Promise<T | undefined> {
  try {
    return await action;
  } catch (err) {
    if (!(err instanceof DeskError)) throw err;
    if (err.code === 'held') {
      sendJson(res, 409, { error: 'held', holder: err.holder, message: err.message });
      return undefined;
    }
    const status = err.code === 'not_found' ? 404 : err.code === 'unknown_agent' ? 400 : 409;
    throw new HttpError(status, err.code, err.message);
  }
}

function handoffView(r: HandoffRecord | null) {
  if (!r) return null;
  return {
    state: r.state,
    reason: r.reason ?? null,
    summary: r.summary ?? null,
    since: new Date(r.since).toISOString(),
    ...(r.agentId ? { agent: r.agentId } : {}),
  };
}

function historyView(e: HistoryEntry) {
  return { at: new Date(e.at).toISOString(), from: e.from, ...(e.channelId ? { channelId: e.channelId } : {}), text: e.text, ...(e.agent ? { agent: e.agent } : {}) };
}

/** The ticket as the admin list shows it, with the staff status changes. */
function ticketView(t: Ticket) {
  return {
    id: t._id,
    customerId: t.customerId,
    type: t.type,
    status: t.status,
    orderId: t.orderId ?? null,
    ...(t.problem ? { problem: t.problem } : {}),
    slaDueAt: new Date(t.slaDueAt).toISOString(),
    createdAt: new Date(t.createdAt).toISOString(),
    updatedAt: new Date(t.updatedAt).toISOString(),
    statusHistory: (t.statusHistory ?? []).map((c) => ({ ...c, at: new Date(c.at).toISOString() })),
  };
}

export function registerAgentRoutes(server: Server, deps: AgentRouteDeps): AgentEventStreams {
  const onUnexpected = (err: unknown) => deps.logger.error({ err }, 'agent desk request failed');
  const staff = (roles: StaffRole[], handler: Parameters<typeof staffRoute>[2]) => staffRoute(deps.auth, roles, handler, onUnexpected);
  const { desk: agentDesk } = deps.desk;
  const conversation = (action: string) => `/api/agent/conversations/:customerId/${action}`;

  server.get(
    '/api/agent/queue',
    staff(STAFF, async (_req, res) => sendJson(res, 200, { items: await agentDesk.queue() })),
  );

  server.post(
    conversation('claim'),
    staff(STAFF, async (req, res, principal) => {
      const customerId = customerIdParam(req);
      req.resume();
      const record = await desk(res, agentDesk.claim(customerId, principal.username));
      if (record) sendJson(res, 200, { customerId, agent: record.agentId });
    }),
  );

  server.get(
    '/api/agent/conversations/:customerId',
    staff(STAFF, async (req, res) => {
      const customerId = customerIdParam(req);
      const [record, history, profile] = await Promise.all([agentDesk.record(customerId), agentDesk.history(customerId), deps.desk.profile(customerId)]);
      if (!record && !profile && history.length === 0) throw new HttpError(404, 'not_found', `no customer ${customerId}`);
      sendJson(res, 200, { customerId, handoff: handoffView(record), history: history.map(historyView), profile });
    }),
  );

  server.post(
    conversation('messages'),
    staff(STAFF, async (req, res, principal) => {
      const customerId = customerIdParam(req);
      const { text } = await parse(req, textBody);
      const result = await desk(res, agentDesk.sendMessage(customerId, actorOf(principal), text));
      if (result) sendJson(res, 200, { delivered: result.delivered, ...(result.channelId ? { channelId: result.channelId } : {}), ...(result.reason ? { reason: result.reason } : {}) });
    }),
  );

  server.post(
    conversation('notes'),
    staff(STAFF, async (req, res, principal) => {
      const customerId = customerIdParam(req);
      const { text } = await parse(req, textBody);
      await desk(res, agentDesk.addNote(customerId, actorOf(principal), text));
      if (!res.headersSent) sendJson(res, 200, { ok: true });
    }),
  );

  server.post(
    conversation('transfer'),
    staff(STAFF, async (req, res, principal) => {
      const customerId = customerIdParam(req);
      const { to } = await parse(req, transferBody);
      const record = await desk(res, agentDesk.transfer(customerId, actorOf(principal), to.toLowerCase()));
      if (record) sendJson(res, 200, { customerId, agent: record.agentId });
    }),
  );

  for (const action of ['release', 'resolve'] as const) {
    server.post(
      conversation(action),
      staff(STAFF, async (req, res, principal) => {
        const customerId = customerIdParam(req);
        req.resume();
        const record = await desk(res, action === 'release' ? agentDesk.release(customerId, actorOf(principal)) : agentDesk.resolve(customerId, actorOf(principal)));
        if (record) sendJson(res, 200, { customerId, state: record.state });
      }),
    );
  }

  server.get(
    conversation('suggestions'),
    staff(STAFF, async (req, res) => sendJson(res, 200, { items: await deps.desk.suggestions(customerIdParam(req)) })),
  );

  server.get(
    '/api/agent/canned',
    staff(STAFF, async (_req, res) => {
      const items = await deps.desk.canned.list();
      sendJson(res, 200, { items: items.map((c) => ({ id: c._id, title: c.title, text: c.text })) });
    }),
  );

  server.post(
    '/api/admin/canned',
    staff(['admin'], async (req, res, principal) => {
      const created = await deps.desk.canned.create(await parse(req, cannedBody), principal.username);
      sendJson(res, 201, { id: created._id, title: created.title, text: created.text });
    }),
  );

  server.del(
    '/api/admin/canned/:id',
    staff(['admin'], async (req, res) => {
      const id = String(req.params.id ?? '');
      if (!/^[\w-]{1,64}$/.test(id) || !(await deps.desk.canned.remove(id))) throw new HttpError(404, 'not_found', 'no such canned response');
      sendJson(res, 200, { id, deleted: true });
    }),
  );

  server.post(
    '/api/agent/status',
    staff(STAFF, async (req, res, principal) => {
      const { online } = await parse(req, statusBody);
      await deps.desk.assignment.setOnline(principal.username, online);
      sendJson(res, 200, { username: principal.username, online });
    }),
  );

  server.patch(
    '/api/admin/tickets/:id',
    staff(STAFF, async (req, res, principal) => {
      const id = String(req.params.id ?? '');
      if (!/^[\w-]{1,40}$/.test(id)) throw new HttpError(400, 'invalid_id', 'ticket id is not valid');
      const { status, note } = await parse(req, ticketBody);
      const ticket = await deps.tickets.updateStatus(id, status, principal.username, note).catch((err: unknown) => {
        if (err instanceof TicketTransitionError) throw new HttpError(409, 'invalid_transition', err.message);
        throw err;
      });
      if (!ticket) throw new HttpError(404, 'not_found', `no ticket ${id}`);
      auditCustomer(req, ticket.customerId);
      sendJson(res, 200, ticketView(ticket));
    }),
  );

  return registerAgentEvents(server, { ...deps, staff });
}
