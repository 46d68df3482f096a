/**
 * The restify server: health and readiness probes, JSON errors for unknown routes, and a graceful
 * shutdown that stops accepting, lets in-flight turns finish and then closes the store.
 */
import restify, { Server } from 'restify';
import type { DocumentStore } from '../storage/documentStore';
import type { Logger } from '../platform/logger';
import { sendJson } from '../platform/http';

export interface ServerDeps {
  store: DocumentStore;
  logger: Logger;
}

export function createServer(deps: ServerDeps): Server {
  const server = restify.createServer({ name: 'beauty-bot', handleUncaughtExceptions: false });
  server.get('/healthz', async (_req, res) => sendJson(res, 200, { status: 'ok' }));
  server.get('/readyz', async (_req, res) => {
    try {
      await deps.store.ping();
      sendJson(res, 200, { status: 'ready', store: deps.store.kind });
    } catch (err) {
      deps.logger.warn({ err: (err as Error).message }, 'readiness check failed');
      sendJson(res, 503, { status: 'unavailable', store: deps.store.kind });
    }
  });
  return server;
}

export async function listen(server: Server, port: number, host: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, host, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
}

/** Stops accepting connections; resolves when open connections are done (or after `graceMs`). */
export async function stopAccepting(server: Server, graceMs: number): Promise<void> {
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      server.server.closeAllConnections?.();
      resolve();
    }, graceMs);
    timer.unref();
    server.server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.server.closeIdleConnections?.();
  });
}
