/**
 * Live room setup and the host's approval queue (admin token, or an admin session with X-CSRF-Token):
 *   POST /api/admin/live/rooms                {"name", "productIds"?, "faq"?, "offers"?, "approval"?, …} → 201 {"id"}
 *   GET  /api/admin/live/rooms                {"items": [room]}         GET /api/admin/live/rooms/:id → the room
 *   GET  /api/admin/live/rooms/:id/replies/pending        {"items": [{id, text, question, count, createdAt}]}
 *   POST /api/admin/live/rooms/:id/replies/:replyId/approve | reject   → {id, status}; 404 unknown, 409 decided already
 */
import type { Request, Server } from 'restify';
import { HttpError, readJsonObject, sendJson } from '../platform/http';
import type { Logger } from '../platform/logger';
import { LiveRooms, ReplyFeed, RoomDoc, RoomInputError } from '../services/live';
import { StaffAuth, staffRoute } from './staffAuth';

export interface LiveAdminDeps {
  auth: StaffAuth;
  rooms: LiveRooms;
  feed: ReplyFeed;
  logger: Logger;
}

const PATH = '/api/admin/live/rooms';
const MAX_BODY = 64 * 1024;

function view(room: RoomDoc) {
  const { _id, name, platform, productIds, faq, offers, approval, showNames, blockWords, createdAt } = room;
  return { id: _id, name, platform, productIds, faq, offers, approval, showNames, blockWords, createdAt };
}

export function registerLiveAdminRoutes(server: Server, deps: LiveAdminDeps): void {
  const { auth, rooms, feed, logger } = deps;
  const onUnexpected = (err: unknown) => logger.error({ err }, 'live admin request failed');
  const admin = ['admin' as const];
  const roomOf = async (req: Request): Promise<RoomDoc> => {
    const id = String(req.params?.id ?? '');
    const room = /^lr_[0-9a-f]{16}$/.test(id) ? await rooms.get(id) : undefined;
    if (!room) throw new HttpError(404, 'not_found', 'no such live room');
    return room;
  };

  server.post(
    PATH,
    staffRoute(
      auth,
      admin,
      async (req, res, principal) => {
        const body = await readJsonObject(req, MAX_BODY);
        const room = await rooms.create(body, principal.username).catch((err: unknown) => {
          if (err instanceof RoomInputError) throw new HttpError(400, 'invalid', err.message);
          throw err;
        });
        logger.info({ roomId: room._id, by: principal.username }, 'live room created');
        sendJson(res, 201, { id: room._id });
      },
      onUnexpected,
    ),
  );

  server.get(PATH, staffRoute(auth, admin, async (_req, res) => sendJson(res, 200, { items: (await rooms.list()).map(view) }), onUnexpected));
  server.get(`${PATH}/:id`, staffRoute(auth, admin, async (req, res) => sendJson(res, 200, view(await roomOf(req))), onUnexpected));

  server.get(
    `${PATH}/:id/replies/pending`,
    staffRoute(
      auth,
      admin,
      async (req, res) => {
        const room = await roomOf(req);
        const items = (await feed.pending(room._id)).map((r) => ({ id: r._id, text: r.text, question: r.question, count: r.count, createdAt: r.createdAt }));
        res.setHeader('Cache-Control', 'no-store');
        sendJson(res, 200, { items });
      },
      onUnexpected,
    ),
  );

  for (const action of ['approve', 'reject'] as const) {
    server.post(
      `${PATH}/:id/replies/:replyId/${action}`,
      staffRoute(
        auth,
        admin,
        async (req, res, principal) => {
          const room = await roomOf(req);
          const replyId = String(req.params?.replyId ?? '');
          const decision = await feed[action](room._id, replyId, principal.username);
          if (!decision.ok) throw decision.reason === 'not_found' ? new HttpError(404, 'not_found', 'no such reply in this room') : new HttpError(409, 'not_pending', 'this reply was decided already');
          sendJson(res, 200, { id: decision.reply._id, status: decision.reply.status, ...(decision.reply.publishAt ? { publishAt: decision.reply.publishAt } : {}) });
        },
        onUnexpected,
      ),
    );
  }
}
