/**
 * The platform connector's routes, all behind `Authorization: Bearer <LIVE_API_KEY>` (constant-time):
 *   POST /api/live/rooms/:roomId/comments   {"comments": [{userId, nickname, text, ts}…]} (≤ 500) → 202 {accepted, dropped}
 *   GET  /api/live/rooms/:roomId/replies?after=<id|ts>   → {"replies": [{id, text, ts, cluster, count}]} public answers, in order
 *   GET  /api/live/rooms/:roomId/private?after=<id>      → {"messages": [{id, userId, text, ts, links?}]} direct messages to deliver
 * 401 wrong key, 404 unknown room, 400 bad body or cursor, 413 too many comments or bytes.
 */
import type { Request, Server } from 'restify';
import { HttpError, queryOf, readJsonObject, requireBearer, route, sendJson } from '../../platform/http';
import type { Logger } from '../../platform/logger';
import { LiveRooms, PrivateMessages, ReplyFeed, RoomDoc } from '../../services/live';
import type { RoomRunner } from './roomRunner';
import { parseBatch } from './toActivity';

export const LIVE_ROOMS_PATH = '/api/live/rooms';
const MAX_BODY_BYTES = 512 * 1024;
const ROOM_ID = /^lr_[0-9a-f]{16}$/;

export interface LiveRouteDeps {
  apiKey: string;
  rooms: LiveRooms;
  feed: ReplyFeed;
  outbox: PrivateMessages;
  runner: RoomRunner;
  logger: Logger;
}

function limitOf(req: Request, max: number): number {
  const raw = queryOf(req).get('limit');
  if (raw === null) return max;
  const n = Number(raw);
  if (!/^\d{1,4}$/.test(raw) || n < 1 || n > max) throw new HttpError(400, 'invalid_limit', `limit must be 1–${max}`);
  return n;
}

export function registerLiveRoutes(server: Server, deps: LiveRouteDeps): void {
  const onUnexpected = (err: unknown) => deps.logger.error({ err }, 'live room request failed');
  const roomOf = async (req: Request): Promise<RoomDoc> => {
    requireBearer(req, deps.apiKey, 'the live room API');
    const id = String(req.params?.roomId ?? '');
    const room = ROOM_ID.test(id) ? await deps.rooms.get(id) : undefined;
    if (!room) {
      req.resume();
      throw new HttpError(404, 'unknown_room', 'no such live room');
    }
    return room;
  };

  server.post(
    `${LIVE_ROOMS_PATH}/:roomId/comments`,
    route(async (req, res) => {
      const room = await roomOf(req);
      const parsed = parseBatch(await readJsonObject(req, MAX_BODY_BYTES));
      if (!parsed.ok) throw new HttpError(parsed.status, parsed.status === 413 ? 'too_many_comments' : 'invalid_comments', parsed.reason);
      sendJson(res, 202, await deps.runner.ingest(room, parsed.comments));
    }, onUnexpected),
  );

  server.get(
    `${LIVE_ROOMS_PATH}/:roomId/replies`,
    route(async (req, res) => {
      const room = await roomOf(req);
      const after = queryOf(req).get('after') ?? '';
      let cursor: { id?: string; at?: Date } = {};
      if (/^rp_[0-9a-f]{16}$/.test(after)) cursor = { id: after };
      else if (/^\d{1,16}$/.test(after)) cursor = { at: new Date(Number(after)) };
      else if (after !== '' && !Number.isNaN(Date.parse(after)) && /^\d{4}-\d{2}-\d{2}T/.test(after)) cursor = { at: new Date(after) };
      else if (after !== '') throw new HttpError(400, 'invalid_cursor', 'after must be a reply id, a time in ms or an ISO time');
      const replies = await deps.feed.published(room._id, cursor, limitOf(req, 100));
      res.setHeader('Cache-Control', 'no-store');
      sendJson(res, 200, { replies: replies.map((r) => ({ id: r._id, text: r.text, ts: new Date(r.publishAt!).toISOString(), cluster: r.question, count: r.count })) });
    }, onUnexpected),
  );

  server.get(
    `${LIVE_ROOMS_PATH}/:roomId/private`,
    route(async (req, res) => {
      const room = await roomOf(req);
      const after = queryOf(req).get('after') ?? '';
      const seq = after === '' || after === '0' ? 0 : PrivateMessages.seqOf(room._id, after);
      if (seq === undefined) throw new HttpError(400, 'invalid_cursor', 'after must be the id of a message of this room');
      const messages = await deps.outbox.after(room._id, seq, limitOf(req, 100));
      res.setHeader('Cache-Control', 'no-store');
      sendJson(res, 200, { messages: messages.map((m) => ({ id: m._id, userId: m.userId, text: m.text, ts: new Date(m.createdAt).toISOString(), ...(m.links ? { links: m.links } : {}) })) });
    }, onUnexpected),
  );
}
