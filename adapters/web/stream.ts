/**
 * The Direct Line WebSocket stream (`streamUrl`): on the bot's own HTTP server, path
 * /v3/directline/conversations/:id/stream?t=TOKEN&watermark=N. Sends what the client missed after the
 * watermark, then every new activity, as `{"activities": [...], "watermark": "N"}` messages. Fed from the
 * store (conversationStoreFeed.ts), so a stream on one instance carries what any instance wrote.
 */
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { HttpError } from '../../platform/http';
import type { Logger } from '../../platform/logger';
import type { DirectLineAuth } from './directLineAuth';
import { ConversationStore, parseWatermark } from './conversationStore';
import { DIRECTLINE_BASE } from './directLineRoutes';
import { TooManyRequestsError } from './rateLimit';

const STREAM_PATH = new RegExp(`^${DIRECTLINE_BASE}/conversations/([A-Za-z0-9_-]{8,64})/stream$`);
/** A client that cannot keep up (this much unsent) is dropped; it reconnects and resumes by watermark. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;
const HEARTBEAT_MS = 30000;

export interface StreamDeps {
  auth: DirectLineAuth;
  conversations: ConversationStore;
  logger: Logger;
}

function refuse(socket: Duplex, err: HttpError): void {
  const body = JSON.stringify({ error: { code: err.code, message: err.message } });
  const reason = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 429: 'Too Many Requests' }[err.status] ?? 'Error';
  const retry = err instanceof TooManyRequestsError ? `Retry-After: ${err.retryAfterSeconds}\r\n` : '';
  socket.end(
    `HTTP/1.1 ${err.status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${retry}Connection: close\r\n\r\n${body}`,
  );
}

export function attachStreams(httpServer: HttpServer, deps: StreamDeps): { close(): void } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const alive = new WeakMap<WebSocket, boolean>();

  httpServer.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://local');
    const match = STREAM_PATH.exec(url.pathname);
    if (!match) return; // not ours: another channel may handle it
    void upgrade(req, socket, head, url, match[1]);
  });

  const upgrade = async (req: IncomingMessage, socket: Duplex, head: Buffer, url: URL, conversationId: string) => {
    try {
      const caller = deps.auth.identify(req, url.searchParams.get('t'));
      deps.auth.requireAccess(caller, conversationId);
      const watermark = parseWatermark(url.searchParams.get('watermark') ?? '');
      if (watermark === undefined) throw new HttpError(400, 'bad_argument', 'watermark must be a number');
      const conversation = await deps.conversations.get(conversationId);
      if (!conversation) throw new HttpError(404, 'not_found', `no conversation ${conversationId}`);
      deps.auth.requireUser(caller, conversation.userId);
      wss.handleUpgrade(req, socket, head, (ws) => {
        alive.set(ws, true);
        ws.on('pong', () => alive.set(ws, true));
        ws.on('error', (err) => deps.logger.debug({ err: err.message, conversationId }, 'web chat stream error'));
        // clients send empty keep-alive messages; nothing else is expected from them
        ws.on('message', () => undefined);
        const send = (payload: string) => {
          if (ws.readyState !== WebSocket.OPEN) return;
          if (ws.bufferedAmount > MAX_BUFFERED_BYTES) return ws.terminate();
          ws.send(payload);
        };
        // the backlog after the watermark comes first, then what any instance writes
        const unsubscribe = deps.conversations.subscribe(
          conversation,
          { deliver: (set) => send(JSON.stringify(set)), end: () => ws.close(1000, 'conversation ended') },
          watermark,
        );
        ws.on('close', unsubscribe);
      });
    } catch (err) {
      if (err instanceof HttpError) return refuse(socket, err);
      deps.logger.error({ err }, 'web chat stream upgrade failed');
      socket.destroy();
    }
  };

  // drops connections that stopped answering pings (a closed laptop lid), so streams do not pile up
  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (alive.get(ws) === false) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();

  const close = () => {
    clearInterval(heartbeat);
    for (const ws of wss.clients) ws.close(1001, 'server shutting down');
    // a client that does not finish the closing handshake is cut off
    setTimeout(() => wss.clients.forEach((ws) => ws.terminate()), 1000).unref();
    wss.close();
  };
  // upgraded sockets are invisible to server.close()/closeAllConnections(): end them when the server stops
  const originalClose = httpServer.close.bind(httpServer);
  httpServer.close = ((callback?: (err?: Error) => void) => {
    close();
    return originalClose(callback);
  }) as typeof httpServer.close;
  return { close };
}
