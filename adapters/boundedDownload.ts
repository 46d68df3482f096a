/**
 * Reading a downloaded file with a size bound (WeChat's and the Mini Program's media and picture links,
 * Telegram's file host): a picture or voice a customer sent is read only up to maxBytes (the declared
 * Content-Length is checked first, then the bytes as they arrive), so a large or endless answer never
 * fills the memory. Beyond the bound the download stops and gives undefined.
 */
export async function readLimited(res: Response, maxBytes: number): Promise<Buffer | undefined> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    return undefined;
  }
  if (!res.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let total = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks, total);
}
