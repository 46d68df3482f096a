/**
 * Whether a picture link in a push (Official Account or Mini Program) is served by WeChat itself (its
 * image CDN): only such links are ever fetched, so a forged push cannot make the bot fetch an address of
 * the sender's choosing.
 */
export function isWeChatImageHost(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  const host = parsed.hostname.toLowerCase();
  return host === 'mmbiz.qpic.cn' || host.endsWith('.qpic.cn') || host === 'mmbiz.qlogo.cn';
}
