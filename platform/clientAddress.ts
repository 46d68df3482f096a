/**
 * Where a request came from, for per-address limits (admin tokens, Direct Line credentials, link-code
 * guesses). Proxy headers count only when the route is told it sits behind a proxy that appends to
 * X-Forwarded-For; otherwise anyone could name any address.
 */
import type { IncomingMessage } from 'node:http';

/** The TCP peer, or behind a trusted proxy the last X-Forwarded-For entry (the one our proxy appended). */
export function requestAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    // earlier entries are whatever the client wrote; only the last one comes from the proxy itself
    const entries = String(req.headers['x-forwarded-for'] ?? '').split(',').map((e) => e.trim()).filter(Boolean);
    if (entries.length > 0) return entries[entries.length - 1];
  }
  return req.socket?.remoteAddress ?? 'unknown';
}

/**
 * The part of a client address one party controls: IPv4 as is, IPv6 by its /64 prefix (one customer line
 * is usually given a whole /64, so counting single IPv6 addresses would let one attacker rotate freely).
 */
export function addressBucket(address: string): string {
  const ip = address.trim().toLowerCase().replace(/^::ffff:(?=\d+\.)/, '');
  if (!ip.includes(':')) return ip;
  const [head, tail = ''] = ip.split('%')[0].split('::');
  const left = head ? head.split(':') : [];
  const right = ip.includes('::') && tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
