/** Live-stream room keys. The channel is on when LIVE_API_KEY is set (the platform connector's bearer secret). */
import { z } from 'zod';
import { optionalString } from '../../platform/configFields';

const emptyAsUnset = <T extends z.ZodTypeAny>(schema: T) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema);
const ms = (fallback: number, min = 0) => emptyAsUnset(z.coerce.number().int().min(min).max(3_600_000).default(fallback));

export const liveConfigSchema = z.object({
  /** Bearer secret of the platform connector (comments in, replies and private messages out). */
  LIVE_API_KEY: optionalString.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
  /** How long similar questions are gathered before the cluster is answered once. */
  LIVE_CLUSTER_WINDOW_MS: ms(5000),
  /** At most one public answer per this interval on the overlay; the rest wait their turn. */
  LIVE_MIN_INTERVAL_MS: ms(10_000),
  /** An answer that would wait longer than this for its turn is dropped (the room has moved on). */
  LIVE_REPLY_MAX_AGE_MS: ms(60_000, 1000),
  /** Comments one viewer may send per minute; more are dropped until the minute is over. */
  LIVE_VIEWER_MAX_PER_MINUTE: emptyAsUnset(z.coerce.number().int().min(1).max(1000).default(10)),
});

export type LiveConfigKeys = z.infer<typeof liveConfigSchema>;

export interface LiveSettings {
  apiKey: string;
  clusterWindowMs: number;
  minIntervalMs: number;
  maxAgeMs: number;
  viewerMaxPerMinute: number;
}

/** The channel's settings, or undefined when it is off. */
export function liveSettings(config: LiveConfigKeys): LiveSettings | undefined {
  if (!config.LIVE_API_KEY) return undefined;
  return {
    apiKey: config.LIVE_API_KEY,
    clusterWindowMs: config.LIVE_CLUSTER_WINDOW_MS,
    minIntervalMs: config.LIVE_MIN_INTERVAL_MS,
    maxAgeMs: config.LIVE_REPLY_MAX_AGE_MS,
    viewerMaxPerMinute: config.LIVE_VIEWER_MAX_PER_MINUTE,
  };
}
