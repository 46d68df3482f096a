/**
 * Where a request came from, as far as the web chat can tell: the client address (for per-address
 * limits) and whether the visitor used HTTPS (for the `wss://` stream URL and the cookie's Secure flag).
 * Proxy headers count only with WEBCHAT_TRUST_PROXY; otherwise anyone could name any address.
 */
import type { IncomingMessage } from 'node:http';
import { addressBucket, requestAddress } from '../../platform/clientAddress';

/** The client address used as a rate-limit key (IPv6 reduced to its /64). */
export function clientIp(req: IncomingMessage, trustProxy: boolean): string {
  return addressBucket(requestAddress(req, trustProxy));
}

/** The visitor reached us over HTTPS: directly, or (trusted proxy) as X-Forwarded-Proto says. */
export function cameOverHttps(req: IncomingMessage, trustProxy: boolean): boolean {
  if ((req.socket as { encrypted?: boolean }).encrypted === true) return true;
  if (!trustProxy) return false;
  return String(req.headers['x-forwarded-proto'] ?? '').split(',')[0].trim().toLowerCase() === 'https';
}
