/**
 * Web chat keys (Direct Line endpoint + the chat page). The web chat is always on: with no
 * DIRECTLINE_SECRET a random secret is made at startup, so `npm start` with no keys serves a working chat.
 */
import { z } from 'zod';
import { boolFlag, optionalString } from '../../platform/configFields';

export const webChannelConfigSchema = z.object({
  /** Master secret of the Direct Line endpoint (server-to-server clients use it; tokens are signed with it). */
  DIRECTLINE_SECRET: optionalString.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
  /** Lifetime of Direct Line tokens in seconds (the official client refreshes at half of 30 min). */
  DIRECTLINE_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(24 * 3600).default(1800),
  /** Largest JSON body accepted by the Direct Line endpoint, in bytes. */
  DIRECTLINE_MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(64 * 1024),
  /** Conversations kept in memory (least recently used ones are dropped beyond this). */
  DIRECTLINE_MAX_CONVERSATIONS: z.coerce.number().int().min(10).default(5000),
  /** Largest activity kept in a conversation's transcript (JSON bytes); bulkier ones are stored trimmed. */
  DIRECTLINE_MAX_ACTIVITY_BYTES: z.coerce.number().int().min(4 * 1024).default(16 * 1024),
  /** Transcript bytes kept per conversation; the oldest activities are dropped beyond this. */
  DIRECTLINE_MAX_CONVERSATION_BYTES: z.coerce.number().int().min(16 * 1024).default(1024 * 1024),
  /** Transcript bytes kept in memory in total; least recently used conversations are dropped beyond this. */
  DIRECTLINE_MAX_TOTAL_BYTES: z.coerce.number().int().min(1024 * 1024).default(64 * 1024 * 1024),
  /** Wrong Direct Line secrets/tokens (or shop user tokens) per client IP per minute before 429. */
  DIRECTLINE_AUTH_FAILURES_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  /**
   * Key the shop signs its logged-in customers' user tokens with (HMAC-SHA256, see README.md). Unset:
   * only anonymous visitors (cookie identity) can use the chat page.
   */
  WEBCHAT_USER_TOKEN_SECRET: optionalString.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
  /** Page tokens (GET /api/webchat/token) per client IP per minute. */
  WEBCHAT_TOKEN_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  /** Behind a reverse proxy: take the client IP from the first X-Forwarded-For entry (for the rate limit). */
  WEBCHAT_TRUST_PROXY: boolFlag.default('false'),
  /** Store name shown in the chat page header. */
  WEBCHAT_TITLE: z.string().trim().min(1).max(40).default('美妆小铺 · 在线客服'),
});

export type WebChannelConfig = z.infer<typeof webChannelConfigSchema>;

/**
 * Production check: without a fixed DIRECTLINE_SECRET every restart draws a new one, which turns every
 * web chat visitor into a stranger (their signed cookie no longer verifies) and breaks open chats.
 */
export function webChatProductionIssues(config: { NODE_ENV: string; DIRECTLINE_SECRET?: string }): { key: string; message: string }[] {
  if (config.NODE_ENV !== 'production' || config.DIRECTLINE_SECRET) return [];
  return [{ key: 'DIRECTLINE_SECRET', message: 'is required in production: without it visitors become new customers at every restart' }];
}
