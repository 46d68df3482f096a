/**
 * GET /images/products/:id.svg — the product's picture, drawn by the store (knowledge/packshots) and
 * served from the bot's own origin, so product cards never load a picture from anywhere else. Pictures
 * are kept in memory (a bounded map, keyed by the product's last change) and cached by browsers: an
 * ETag answers repeat visits with 304. Unknown or malformed ids are a 404 JSON error.
 */
import crypto from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import type { KnowledgeBase } from '../knowledge/types';
import { PRODUCT_IMAGE_PREFIX, productPackshot } from '../knowledge/packshots';
import { HttpError, route } from '../platform/http';
import type { Logger } from '../platform/logger';

const FILE = /^([A-Za-z0-9][A-Za-z0-9._-]{0,63})\.svg$/;
const MAX_CACHED = 2000;
// the picture may be opened on its own: it can load nothing and run nothing
const SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'";

interface Picture {
  body: Buffer;
  etag: string;
}

export interface ProductImageDeps {
  knowledge: Pick<KnowledgeBase, 'getProduct'>;
  logger: Logger;
  /** browsers keep a picture this long before asking again (the ETag makes asking cheap) */
  maxAgeSeconds?: number;
}

export function registerProductImages(server: Server, deps: ProductImageDeps): void {
  const cache = new Map<string, Picture>();
  const maxAge = deps.maxAgeSeconds ?? 3600;

  const picture = (id: string): Picture => {
    const product = deps.knowledge.getProduct(id);
    if (!product) throw new HttpError(404, 'not_found', 'no such product');
    const key = `${product._id}\u0000${product.updatedAt ?? ''}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const body = Buffer.from(productPackshot(product), 'utf8');
    const made = { body, etag: `"${crypto.createHash('sha1').update(body).digest('base64url').slice(0, 20)}"` };
    // oldest first out: a Map iterates in insertion order
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
    cache.set(key, made);
    return made;
  };

  const handler = route(
    async (req: Request, res: Response) => {
      const match = FILE.exec(String(req.params?.file ?? ''));
      if (!match) throw new HttpError(404, 'not_found', 'no such picture');
      const pic = picture(match[1]);
      const headers = {
        'Cache-Control': `public, max-age=${maxAge}`,
        ETag: pic.etag,
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': SVG_CSP,
      };
      if (String(req.headers['if-none-match'] ?? '') === pic.etag) {
        res.writeHead(304, headers);
        res.end();
        return;
      }
      res.writeHead(200, { ...headers, 'Content-Type': 'image/svg+xml; charset=utf-8', 'Content-Length': pic.body.length });
      res.end(req.method === 'HEAD' ? undefined : pic.body);
    },
    (err) => deps.logger.error({ err }, 'product picture failed'),
  );
  server.get(`${PRODUCT_IMAGE_PREFIX}:file`, handler);
  server.head(`${PRODUCT_IMAGE_PREFIX}:file`, handler);
}
