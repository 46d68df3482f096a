/**
 * Where unauthenticated (Emulator) traffic may have its replies sent. The bot POSTs every reply to the
 * activity's serviceUrl, so without a token anyone could point it at an internal address (SSRF) or at a
 * black hole that holds the request for seconds. The Emulator runs beside the bot, so loopback is enough.
 * Authenticated traffic needs no list: botbuilder compares the serviceUrl with the token's claim.
 */

/** http(s)://localhost, 127.0.0.0/8 or [::1], with no credentials in the URL. */
export function isLoopbackServiceUrl(serviceUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (url.username !== '' || url.password !== '') return false;
  // WHATWG URL parsing has already normalised the host: 0x7f.1 → 127.0.0.1, LOCALHOST → localhost
  const host = url.hostname;
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** An absolute http(s) URL: all a Bot Framework service may name (its token vouches for the rest). */
export function isHttpUrl(serviceUrl: string): boolean {
  try {
    const url = new URL(serviceUrl);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
