/**
 * Static files served by the bot (the chat page, the staff pages and their vendored libraries): read once,
 * gzipped once when worth it, kept in memory, and sent with the headers every page needs. HTML gets the
 * page's Content-Security-Policy and whatever extra headers its owner adds.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Request, Response } from 'restify';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

export interface CachedAsset {
  body: Buffer;
  gzip?: Buffer;
  type: string;
}

/** Loads files by key (one read per key; a failed read is tried again next time). */
export function assetCache(): (key: string, file: string, transform?: (text: string) => string) => Promise<CachedAsset> {
  const cache = new Map<string, Promise<CachedAsset>>();
  return (key, file, transform) => {
    let entry = cache.get(key);
    if (!entry) {
      entry = (async () => {
        let body = await fs.promises.readFile(file);
        if (transform) body = Buffer.from(transform(body.toString('utf8')));
        const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
        const compressible = /^(text|application\/javascript|image\/svg)/.test(type);
        const gzip = compressible && body.length > 1024 ? await new Promise<Buffer>((ok, fail) => zlib.gzip(body, (e, out) => (e ? fail(e) : ok(out)))) : undefined;
        return { body, gzip, type };
      })();
      entry.catch(() => cache.delete(key));
      cache.set(key, entry);
    }
    return entry;
  };
}

/** Sends a cached file (gzipped when the client takes it); `htmlHeaders` go only on HTML. */
export function sendAsset(req: Request, res: Response, file: CachedAsset, cacheControl: string, htmlHeaders: Record<string, string>): void {
  const gzip = file.gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const body = gzip ? file.gzip! : file.body;
  res.writeHead(200, {
    'Content-Type': file.type,
    'Content-Length': body.length,
    'Cache-Control': cacheControl,
    'X-Content-Type-Options': 'nosniff',
    Vary: 'Accept-Encoding',
    ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
    ...(file.type.startsWith('text/html') ? htmlHeaders : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}
