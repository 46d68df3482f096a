/**
 * The experiments admin API (admin token or admin session; a session also sends X-CSRF-Token on POST):
 *   POST /api/admin/experiments            {name, strategy, variants: [{name, weight?}] (2–4), metric?} → 201 {"id"}
 *                                          400 invalid, 409 strategy_busy (one running experiment per strategy)
 *   GET  /api/admin/experiments            {"items": [{id, name, strategy, state, variants, createdAt, stoppedAt?}]}
 *   GET  /api/admin/experiments/:id        the result: per-variant assigned/converted/rate, the test, winner?
 *   POST /api/admin/experiments/:id/stop   → the result after stopping; 404 unknown id
 */
import type { Request, Server } from 'restify';
import { HttpError, readJsonObject, sendJson } from '../platform/http';
import type { Logger } from '../platform/logger';
import { ExperimentError } from '../services/experiments';
import type { ExperimentDoc, ExperimentResult } from '../services/experiments';
import { StaffAuth, staffRoute } from './staffAuth';

export interface ExperimentRoutesDeps {
  auth: StaffAuth;
  experiments: {
    create(input: unknown, createdBy?: string): Promise<ExperimentDoc>;
    list(): Promise<ExperimentDoc[]>;
    stop(id: string): Promise<ExperimentDoc>;
    results(id: string): Promise<ExperimentResult | undefined>;
  };
  logger: Logger;
}

const MAX_BODY = 16 * 1024;
const ID = /^exp_[0-9a-f]{16}$/;

function idOf(req: Request): string {
  const id = String(req.params?.id ?? '');
  if (!ID.test(id)) throw new HttpError(404, 'not_found', 'no such experiment');
  return id;
}

function httpErrorOf(err: unknown): never {
  if (!(err instanceof ExperimentError)) throw err;
  const status = err.code === 'invalid' ? 400 : err.code === 'not_found' ? 404 : 409;
  throw new HttpError(status, err.code, err.message);
}

function summary(e: ExperimentDoc) {
  return { id: e._id, name: e.name, strategy: e.strategy, state: e.state, variants: e.variants, createdAt: e.createdAt, ...(e.stoppedAt ? { stoppedAt: e.stoppedAt } : {}) };
}

export function registerExperimentRoutes(server: Server, deps: ExperimentRoutesDeps): void {
  const { auth, experiments, logger } = deps;
  const onUnexpected = (err: unknown) => logger.error({ err }, 'experiments request failed');
  const admin = ['admin'] as const;

  server.post(
    '/api/admin/experiments',
    staffRoute(
      auth,
      [...admin],
      async (req, res, principal) => {
        const body = await readJsonObject(req, MAX_BODY);
        const doc = await experiments.create(body, principal.username).catch(httpErrorOf);
        logger.info({ experimentId: doc._id, strategy: doc.strategy, by: principal.username }, 'experiment started');
        sendJson(res, 201, { id: doc._id });
      },
      onUnexpected,
    ),
  );

  server.get(
    '/api/admin/experiments',
    staffRoute(auth, [...admin], async (_req, res) => sendJson(res, 200, { items: (await experiments.list()).map(summary) }), onUnexpected),
  );

  server.get(
    '/api/admin/experiments/:id',
    staffRoute(
      auth,
      [...admin],
      async (req, res) => {
        const result = await experiments.results(idOf(req));
        if (!result) throw new HttpError(404, 'not_found', 'no such experiment');
        res.setHeader('Cache-Control', 'no-store');
        sendJson(res, 200, result);
      },
      onUnexpected,
    ),
  );

  server.post(
    '/api/admin/experiments/:id/stop',
    staffRoute(
      auth,
      [...admin],
      async (req, res, principal) => {
        const id = idOf(req);
        req.resume(); // no body is needed; whatever came is drained
        await experiments.stop(id).catch(httpErrorOf);
        logger.info({ experimentId: id, by: principal.username }, 'experiment stopped');
        sendJson(res, 200, await experiments.results(id));
      },
      onUnexpected,
    ),
  );
}
