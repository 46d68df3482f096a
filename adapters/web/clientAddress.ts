/**
 * Where a request came from, as far as the web chat can tell: the client address (for per-address
 * limits) and whether the visitor used HTTPS (for the `wss://` stream URL and the cookie's Secure flag).
 * Proxy headers count only with WEBCHAT_TRUST_PROXY; otherwise anyone could name any address.
 */
import type { IncomingMessage } from 'node:http';

/** IPv6 clients usually hold a whole /64, so one address per /64 is what a limit can count. */
function limitKey(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) return mapped[1];
  if (!address.includes(':')) return address;
  const [head, tail = ''] = address.split('%')[0].toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = address.includes('::') && tail ? tail.split(':') : [];
  const groups = [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/** The client address used as a rate-limit key (IPv6 reduced to its /64). */
export function clientIp(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    // the last entry is the one our proxy appended; earlier ones are whatever the client wrote
    const forwarded = String(req.headers['x-forwarded-for'] ?? '').split(',').pop()?.trim();
    if (forwarded) return limitKey(forwarded);
  }
  return limitKey(req.socket.remoteAddress ?? 'unknown');
}

/** The visitor reached us over HTTPS: directly, or (trusted proxy) as X-Forwarded-Proto says. */
export function cameOverHttps(req: IncomingMessage, trustProxy: boolean): boolean {
  if ((req.socket as { encrypted?: boolean }).encrypted === true) return true;
  if (!trustProxy) return false;
  return String(req.headers['x-forwarded-proto'] ?? '').split(',')[0].trim().toLowerCase() === 'https';
}
