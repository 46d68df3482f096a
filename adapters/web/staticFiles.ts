/**
 * Serves the chat page at `/`, its assets under /webchat/, and Microsoft's Web Chat bundle from the
 * installed botframework-webchat package (no CDN: the page works offline and behind firewalls).
 * Only flat, known-extension file names are served, so no path can leave the web/chat/ folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import { HttpError, route } from '../../platform/http';
import type { Logger } from '../../platform/logger';
import { assetCache, CachedAsset, sendAsset } from '../../platform/staticAssets';

const ASSET_NAME = /^[a-z0-9][a-z0-9_-]*\.(js|css|svg|png|ico)$/i;

// Web Chat builds its styles at run time (inline <style>) and renders bot-supplied card images from anywhere
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https: http:",
  "media-src 'self' blob: https:",
  // blob: for uploads: Direct Line's client reads the picture the customer picked from its blob: URL
  "connect-src 'self' ws: wss: blob:",
  // Web Chat draws the thumbnail of a picture being sent in a worker it starts from a blob: URL
  "worker-src 'self' blob:",
  "frame-ancestors 'self'",
].join('; ');

/** Finds the folder holding web/chat/index.html, from source (tsx) and from dist/ alike. */
export function findWebRoot(start = __dirname): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'web', 'chat', 'index.html'))) return path.join(dir, 'web', 'chat');
    if (path.dirname(dir) === dir) throw new Error('web/chat/index.html not found above ' + start);
  }
}

function webChatBundle(): string | undefined {
  try {
    const file = path.join(path.dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js');
    return fs.existsSync(file) ? file : undefined;
  } catch {
    return undefined;
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface StaticOptions {
  title: string;
  logger: Logger;
  webRoot?: string;
}

export function registerStaticFiles(server: Server, options: StaticOptions): void {
  const webRoot = options.webRoot ?? findWebRoot();

  const load = assetCache();
  const send = (req: Request, res: Response, file: CachedAsset, cacheControl: string) =>
    sendAsset(req, res, file, cacheControl, { 'Content-Security-Policy': CSP, 'Referrer-Policy': 'same-origin' });

  const onError = (err: unknown) => options.logger.error({ err }, 'web chat static file failed');
  const title = escapeHtml(options.title);

  const page = route(async (req, res) => {
    const file = await load('index.html', path.join(webRoot, 'index.html'), (html) => html.replace(/\{\{TITLE\}\}/g, title));
    send(req, res, file, 'no-cache');
  }, onError);
  server.get('/', page);
  server.head('/', page);

  server.get(
    '/webchat/vendor/webchat.js',
    route(async (req, res) => {
      const bundle = webChatBundle();
      if (!bundle) throw new HttpError(503, 'webchat_missing', 'botframework-webchat is not installed (npm install)');
      send(req, res, await load('vendor/webchat.js', bundle), 'public, max-age=86400');
    }, onError),
  );

  server.get(
    '/webchat/:file',
    route(async (req, res) => {
      const name = String(req.params?.file ?? '');
      if (!ASSET_NAME.test(name)) throw new HttpError(404, 'not_found', 'no such file');
      const file = path.join(webRoot, name);
      if (path.dirname(file) !== webRoot || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
        throw new HttpError(404, 'not_found', 'no such file');
      }
      send(req, res, await load(name, file), 'public, max-age=300');
    }, onError),
  );
}
