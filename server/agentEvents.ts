/**
 * GET /api/agent/events: server-sent events for agent consoles (EventSource sends the session cookie).
 *   event: queue     data: {}                  the queue changed: read GET /api/agent/queue again
 *   event: message   data: {"customerId": …}   something new in that conversation: read it again
 *   event: ready     data: {}                  sent once: from here on every change arrives as an event
 * Events carry ids only, never customer text: the console reads the details through the routes that
 * check who may see them. A comment line every 25 s keeps proxies from closing an idle stream.
 */
import type { Request, Response, Server } from 'restify';
import type { Logger } from '../platform/logger';
import type { AgentDeskArea, DeskEvent } from '../services/agentDesk';
import type { StaffPrincipal, StaffRole } from './staffAuth';

type StaffHandler = (req: Request, res: Response, principal: StaffPrincipal) => Promise<void>;

export interface AgentEventDeps {
  desk: AgentDeskArea;
  logger: Logger;
  staff(roles: StaffRole[], handler: StaffHandler): (req: Request, res: Response) => Promise<void>;
  keepAliveMs?: number;
}

export interface AgentEventStreams {
  /** open streams now */
  readonly open: number;
  /** ends every open stream (shutdown: they would otherwise hold the server open) */
  close(): void;
}

export function registerAgentEvents(server: Server, deps: AgentEventDeps): AgentEventStreams {
  const streams = new Set<() => void>();

  server.get(
    '/api/agent/events',
    deps.staff(['agent', 'admin'], async (_req, res) => {
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-cache, no-transform',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
      });
      const write = (chunk: string) => {
        if (!res.writableEnded && !res.destroyed) res.write(chunk);
      };
      write('retry: 3000\n\n');
      const send = (event: DeskEvent) => {
        const data = event.type === 'message' ? { customerId: event.customerId } : {};
        write(`event: ${event.type}\ndata: ${JSON.stringify(data)}\n\n`);
      };
      const unsubscribe = deps.desk.events.subscribe(send);
      const keepAlive = setInterval(() => write(': keep-alive\n\n'), deps.keepAliveMs ?? 25_000);
      keepAlive.unref();
      let closed: () => void = () => undefined;
      const done = new Promise<void>((resolve) => (closed = resolve));
      const end = () => {
        if (!streams.delete(end)) return;
        clearInterval(keepAlive);
        unsubscribe();
        if (!res.writableEnded) res.end();
        closed();
      };
      streams.add(end);
      // the response's close is the client going away (a GET request's own close fires once it is read)
      res.once('close', end);
      // `ready` once the desk has its first reading: every change after it arrives as an event
      await deps.desk.events.nudge();
      write('event: ready\ndata: {}\n\n');
      await done;
    }),
  );

  return {
    get open() {
      return streams.size;
    },
    close() {
      for (const end of [...streams]) end();
    },
  };
}
