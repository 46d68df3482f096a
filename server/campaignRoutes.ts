/**
 * Admin API of the campaign engine (admin token or an admin's staff session):
 *   POST /api/admin/campaigns               {name, type, audience, message: {zh, en}, params?, startAt?} → 201 {"id"} (no startAt = now)
 *   GET  /api/admin/campaigns               → {"items": [{id, name, type, state, startAt, createdAt, counts}]}
 *   POST /api/admin/campaigns/:id/pause     → {"id", "state"}; 404 unknown, 409 done or paused already
 *   POST /api/admin/campaigns/:id/resume    → {"id", "state"}; 404 unknown, 409 not paused
 *   GET  /api/admin/campaigns/:id/report    → {"targeted", "sent", "skipped": {reason: count}, "failed", "converted", "replied", …}
 *   GET  /api/admin/jobs                    → {"items": [{id, name, key, state, nextRunAt, attempts, failures, lastResult, lastError, …}]} (?name=, ?state=)
 */
import type { Request, Server } from 'restify';
import { z } from 'zod';
import { describeZodIssues } from '../platform/zodIssues';
import { HttpError, queryObject, readJsonObject, sendJson } from '../platform/http';
import type { Logger } from '../platform/logger';
import type { CampaignEngine } from '../services/campaigns';
import { CAMPAIGN_TYPES } from '../services/campaigns';
import type { JobListFilter, JobRecord } from '../storage/jobs';
import { staffRoute, StaffAuth } from './staffAuth';

export interface CampaignRoutesDeps {
  auth: StaffAuth;
  engine: Pick<CampaignEngine, 'create' | 'list' | 'pause' | 'resume' | 'report'>;
  jobs: { list(filter?: JobListFilter): Promise<JobRecord[]> };
  logger: Logger;
}

const text = (max: number) => z.string().trim().min(1).max(max);
const when = z.union([z.string().datetime({ offset: true }), z.number().min(0).max(3650)]);
const oneOrMany = z.union([text(40), z.array(text(40)).min(1).max(20)]);

const audienceSchema = z
  .object({
    channel: oneOrMany.optional(),
    language: z.enum(['zh', 'en']).optional(),
    skinType: oneOrMany.optional(),
    concerns: z.array(text(40)).min(1).max(20).optional(),
    purchased: text(80).optional(),
    lastActiveBefore: when.optional(),
    lastActiveAfter: when.optional(),
  })
  .strict();

const paramsSchema = z
  .object({
    withinDays: z.number().int().min(0).max(365).optional(),
    sinceDays: z.number().int().min(1).max(365).optional(),
    silentDays: z.number().int().min(1).max(3650).optional(),
    couponPromotionId: text(80).optional(),
    alert: z.object({ kind: z.enum(['restock', 'priceDrop']), productId: text(80) }).strict().optional(),
  })
  .strict();

const createSchema = z
  .object({
    name: text(120),
    type: z.enum(CAMPAIGN_TYPES),
    audience: audienceSchema.default({}),
    message: z.object({ zh: text(1000), en: text(1000) }).strict(),
    params: paramsSchema.optional(),
    startAt: z.string().datetime({ offset: true }).optional(),
  })
  .strict()
  .refine((b) => b.type !== 'alert' || b.params?.alert, { message: 'an alert campaign needs params.alert {kind, productId}', path: ['params', 'alert'] });

const jobsQuery = z
  .object({
    name: text(64).optional(),
    state: z.enum(['scheduled', 'running', 'done', 'failed']).optional(),
    limit: z.coerce.number().int().min(1).max(1000).optional(),
  })
  .strict();

function invalid(error: z.ZodError, code: string): HttpError {
  return new HttpError(400, code, describeZodIssues(error, 'body', 1));
}

function idParam(req: Request): string {
  const id = String(req.params?.id ?? '');
  if (!/^[\w-]{1,64}$/.test(id)) throw new HttpError(400, 'invalid_id', 'campaign id is not valid');
  return id;
}

const iso = (d: Date | undefined) => (d ? new Date(d).toISOString() : null);

function jobItem(j: JobRecord) {
  return {
    id: j._id,
    name: j.name,
    key: j.key ?? null,
    state: j.state,
    nextRunAt: j.state === 'scheduled' ? iso(j.runAt) : null,
    attempts: j.attempts,
    failures: j.failures,
    lastRunAt: iso(j.lastRunAt),
    lastResult: j.lastResult ?? null,
    lastError: j.lastError ?? null,
    lockedBy: j.lockedBy || null,
    doneAt: iso(j.doneAt),
  };
}

export function registerCampaignRoutes(server: Server, deps: CampaignRoutesDeps): void {
  const onError = (err: unknown) => deps.logger.error({ err }, 'campaign admin route failed');
  const admin = (handler: Parameters<typeof staffRoute>[2]) => staffRoute(deps.auth, ['admin'], handler, onError);

  server.post(
    '/api/admin/campaigns',
    admin(async (req, res, who) => {
      const parsed = createSchema.safeParse(await readJsonObject(req, 16 * 1024));
      if (!parsed.success) throw invalid(parsed.error, 'invalid_body');
      const b = parsed.data;
      const c = await deps.engine.create({ ...b, params: b.params ?? {}, startAt: b.startAt ? new Date(b.startAt) : undefined, createdBy: who.username });
      deps.logger.info({ campaignId: c._id, type: c.type, by: who.username }, 'campaign created');
      sendJson(res, 201, { id: c._id });
    }),
  );

  server.get(
    '/api/admin/campaigns',
    admin(async (_req, res) => sendJson(res, 200, { items: await deps.engine.list() })),
  );

  for (const action of ['pause', 'resume'] as const) {
    server.post(
      `/api/admin/campaigns/:id/${action}`,
      admin(async (req, res, who) => {
        const id = idParam(req);
        req.resume();
        const c = await deps.engine[action](id);
        if (c === null) throw new HttpError(404, 'not_found', 'no such campaign');
        if (c === 'conflict') throw new HttpError(409, 'conflict', action === 'pause' ? 'only a scheduled or running campaign can be paused' : 'only a paused campaign can be resumed');
        deps.logger.info({ campaignId: id, by: who.username }, `campaign ${action}d`);
        sendJson(res, 200, { id: c._id, state: c.state });
      }),
    );
  }

  server.get(
    '/api/admin/campaigns/:id/report',
    admin(async (req, res) => {
      const report = await deps.engine.report(idParam(req));
      if (!report) throw new HttpError(404, 'not_found', 'no such campaign');
      sendJson(res, 200, report);
    }),
  );

  server.get(
    '/api/admin/jobs',
    admin(async (req, res) => {
      const parsed = jobsQuery.safeParse(queryObject(req));
      if (!parsed.success) throw invalid(parsed.error, 'invalid_query');
      sendJson(res, 200, { items: (await deps.jobs.list(parsed.data)).map(jobItem) });
    }),
  );
}
