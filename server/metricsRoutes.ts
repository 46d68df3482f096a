/**
 * The operations dashboard's data and the Prometheus scrape:
 *   GET /api/admin/metrics?from=…&to=…&channel=…&tz=…  admin session or ADMIN_TOKEN → the figures (services/analytics/metrics.ts)
 *   GET /metrics                                       Prometheus text; with METRICS_TOKEN set it needs `Authorization: Bearer <METRICS_TOKEN>`
 *
 * `from`/`to`: a date (2025-05-01, a whole day in the `tz` offset: `to` includes its day) or an ISO time
 * with a zone (2025-05-01T08:00:00Z); `from` is inclusive, `to` exclusive. Defaults: the last 7 days up
 * to now. `tz`: minutes east of UTC for dates and day buckets (480 = Beijing), default 0. `channel`:
 * a channel id (app, webchat, wechat …); absent or `all` = every channel. A range must run forwards and
 * span at most 366 days; anything else is a 400 naming the parameter.
 */
import type { Request, Server } from 'restify';
import { z } from 'zod';
import { constantTimeEqual, HttpError, queryObject, route, sendJson } from '../platform/http';
import type { Logger } from '../platform/logger';
import type { Metrics, MetricsQuery } from '../services/analytics/metrics';
import type { StaffPrincipal, StaffRole } from './staffAuth';

export interface MetricsRoutesDeps {
  /** StaffAuth (server/staffAuth.ts): admin session or the admin token */
  auth: { require(req: Request, roles: StaffRole[]): Promise<StaffPrincipal> };
  metrics: { compute(query: MetricsQuery): Promise<Metrics> };
  prometheus: { contentType: string; text(): Promise<string> };
  /** unset: /metrics is open (keep it on an internal network); set: a bearer token is required */
  metricsToken?: string;
  logger: Logger;
  now?: () => Date;
}

const DAY_MS = 86400_000;
const MAX_RANGE_DAYS = 366;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

const querySchema = z
  .object({
    from: z.string().max(40).optional(),
    to: z.string().max(40).optional(),
    channel: z
      .string()
      .regex(/^([a-z0-9_-]{1,32})?$/i, 'must be a channel id such as app, webchat or wechat')
      .optional(),
    tz: z
      .string()
      .regex(/^[+-]?\d{1,3}$/, 'must be whole minutes east of UTC, e.g. 480')
      .transform(Number)
      .pipe(z.number().int().min(-840).max(840))
      .optional(),
  })
  .strict();

/** A date or a zoned ISO time; a date ends at the start of the next day when `end` is set. */
export function parseInstant(value: string, name: string, tzOffsetMinutes: number, end: boolean): Date {
  const day = DATE_ONLY.exec(value);
  if (day) {
    const [y, m, d] = [Number(day[1]), Number(day[2]), Number(day[3])];
    const utc = Date.UTC(y, m - 1, d);
    const check = new Date(utc);
    if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) {
      throw new HttpError(400, 'invalid_date', `${name}: ${value} is not a calendar date`);
    }
    return new Date(utc - tzOffsetMinutes * 60_000 + (end ? DAY_MS : 0));
  }
  const time = DATE_TIME.test(value) ? new Date(value) : undefined;
  if (!time || Number.isNaN(time.getTime())) {
    throw new HttpError(400, 'invalid_date', `${name}: use a date (2025-05-01) or an ISO time with a zone (2025-05-01T08:00:00Z)`);
  }
  return time;
}

/** The query of GET /api/admin/metrics, validated (HttpError 400 otherwise). */
export function metricsQueryOf(req: Request, now: Date): MetricsQuery {
  const parsed = querySchema.safeParse(queryObject(req));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : issue.path.join('.') || 'query';
    throw new HttpError(400, 'invalid_query', `${key}: ${issue.message}`);
  }
  const q = parsed.data;
  const tz = q.tz ?? 0;
  const to = q.to ? parseInstant(q.to, 'to', tz, true) : now;
  const from = q.from ? parseInstant(q.from, 'from', tz, false) : new Date(to.getTime() - 7 * DAY_MS);
  if (from.getTime() >= to.getTime()) throw new HttpError(400, 'invalid_range', 'from must be before to');
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) {
    throw new HttpError(400, 'invalid_range', `the range may span at most ${MAX_RANGE_DAYS} days`);
  }
  const channel = q.channel && q.channel.toLowerCase() !== 'all' ? q.channel : undefined;
  return { from, to, channel, tzOffsetMinutes: tz };
}

export function registerMetricsRoutes(server: Server, deps: MetricsRoutesDeps): void {
  const onError = (err: unknown) => deps.logger.error({ err }, 'metrics request failed');
  const now = deps.now ?? (() => new Date());

  server.get(
    '/api/admin/metrics',
    route(async (req, res) => {
      await deps.auth.require(req, ['admin']);
      const metrics = await deps.metrics.compute(metricsQueryOf(req, now()));
      res.setHeader('Cache-Control', 'no-store');
      sendJson(res, 200, metrics);
    }, onError),
  );

  server.get(
    '/metrics',
    route(async (req, res) => {
      if (deps.metricsToken) {
        const bearer = /^Bearer\s+(.+)$/i.exec(String(req.headers.authorization ?? ''));
        if (!bearer || !constantTimeEqual(bearer[1].trim(), deps.metricsToken)) {
          res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
          throw new HttpError(401, 'unauthorized', 'missing or wrong metrics token (METRICS_TOKEN)');
        }
      }
      const body = await deps.prometheus.text();
      res.writeHead(200, { 'Content-Type': deps.prometheus.contentType, 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store' });
      res.end(body);
    }, onError),
  );
}
