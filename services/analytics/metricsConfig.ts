/** The metrics area's setting: an optional bearer token for the Prometheus scrape at GET /metrics. */
import { z } from 'zod';
import { optionalString } from '../../platform/configFields';

export const metricsConfigSchema = z.object({
  /** set → GET /metrics needs `Authorization: Bearer <METRICS_TOKEN>`; unset → open (serve it on an internal network only) */
  METRICS_TOKEN: optionalString.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
});
