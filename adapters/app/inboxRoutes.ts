/**
 * The app inbox over HTTP (see README.md in this folder):
 *   GET /api/app/messages?userId=…&after=…  → 200 {"replies": [Activity…], "after": cursor}   (polling)
 *   GET /api/app/events?userId=…[&after=…]  → text/event-stream, one `data:` line per activity (SSE)
 * Both take the APP_API_KEY bearer when it is set, like POST /api/app/messages. A stream starts after
 * `after`, the `Last-Event-ID` header, or (neither given) at the newest message; every event's `id` is
 * the cursor. It wakes at once for messages stored by this instance and polls the store every few
 * seconds for those stored by another.
 */
import type { Request, Response } from 'restify';
import { z } from 'zod';
import { HttpError, queryObject, requireBearer, route, sendJson } from '../../platform/http';
import type { Logger } from '../../platform/logger';
import type { AppInbox } from './inbox';
import { render } from './render';

export const APP_EVENTS_PATH = '/api/app/events';

export interface InboxRouteDeps {
  inbox: AppInbox;
  logger: Logger;
  apiKey?: string;
  /** how often an open stream looks for messages stored by other instances */
  pollMs?: number;
  heartbeatMs?: number;
  maxStreams?: number;
  maxStreamsPerUser?: number;
}

const querySchema = z.object({
  userId: z.string().trim().min(1, 'userId is required').max(256),
  after: z.string().regex(/^\d{1,15}$/, 'after must be a cursor returned by this route (a whole number)').optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

function parseQuery(req: Request) {
  const parsed = querySchema.safeParse(queryObject(req));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const code = issue.path[0] === 'after' ? 'invalid_cursor' : 'invalid_query';
    throw new HttpError(400, code, `${issue.path.join('.') || 'query'}: ${issue.message}`);
  }
  return parsed.data;
}

export function inboxMessagesRoute(deps: InboxRouteDeps) {
  return route(
    async (req: Request, res: Response) => {
      if (deps.apiKey) requireBearer(req, deps.apiKey, 'the app channel');
      const query = parseQuery(req);
      const page = await deps.inbox.read(query.userId, Number(query.after ?? 0), query.limit ?? 50);
      sendJson(res, 200, { replies: page.entries.map((e) => render(e.activity)), after: String(page.after) });
    },
    (err) => deps.logger.error({ err }, 'app inbox request failed'),
  );
}

export function inboxEventsRoute(deps: InboxRouteDeps) {
  const open = new Map<string, number>();
  let total = 0;
  return route(
    async (req: Request, res: Response) => {
      if (deps.apiKey) requireBearer(req, deps.apiKey, 'the app channel');
      const query = parseQuery(req);
      const lastEventId = String(req.headers['last-event-id'] ?? '');
      if (!query.after && lastEventId && !/^\d{1,15}$/.test(lastEventId)) throw new HttpError(400, 'invalid_cursor', 'Last-Event-ID must be an id this stream sent');
      const userId = query.userId;
      if (total >= (deps.maxStreams ?? 2000)) throw new HttpError(503, 'too_many_streams', 'too many open event streams; poll GET /api/app/messages instead');
      if ((open.get(userId) ?? 0) >= (deps.maxStreamsPerUser ?? 5)) throw new HttpError(429, 'too_many_streams', 'too many open event streams for this user');
      let cursor = query.after ? Number(query.after) : lastEventId ? Number(lastEventId) : await deps.inbox.latest(userId);

      total++;
      open.set(userId, (open.get(userId) ?? 0) + 1);
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
      res.write(': inbox open\n\n');

      let closed = false;
      let busy = false;
      let again = false;
      const pump = async () => {
        if (busy) return void (again = true);
        busy = true;
        try {
          do {
            again = false;
            const page = await deps.inbox.read(userId, cursor);
            for (const entry of page.entries) {
              if (closed) return;
              res.write(`id: ${entry.seq}\ndata: ${JSON.stringify(render(entry.activity))}\n\n`);
              cursor = entry.seq;
            }
            if (page.entries.length >= 50) again = true;
          } while (again && !closed);
        } catch (err) {
          deps.logger.warn({ err: (err as Error).message }, 'app inbox stream could not read the inbox');
        } finally {
          busy = false;
        }
      };
      const unsubscribe = deps.inbox.subscribe(userId, () => void pump());
      const poll = setInterval(() => void pump(), deps.pollMs ?? 2000);
      const heartbeat = setInterval(() => res.write(': ping\n\n'), deps.heartbeatMs ?? 20000);
      req.on('close', () => {
        closed = true;
        unsubscribe();
        clearInterval(poll);
        clearInterval(heartbeat);
        total--;
        const left = (open.get(userId) ?? 1) - 1;
        if (left > 0) open.set(userId, left);
        else open.delete(userId);
      });
      await pump();
    },
    (err) => deps.logger.error({ err }, 'app inbox stream failed'),
  );
}
