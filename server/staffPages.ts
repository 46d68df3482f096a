/**
 * Serves the staff pages (agent console, dashboard, review) from web/<page>/, their assets under
 * /<page>/<file>, the shared staff assets under /staff/<file> (web/staff/), and the chart library from
 * the installed chart.js package at /vendor/chart.umd.js (no CDN: the pages work offline).
 *
 * The HTML is public: it is a login form until the staff session cookie is accepted by the APIs it
 * calls. The pages run no inline script (strict CSP), so anything a customer wrote and the page
 * shows can only ever be text.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import { HttpError, route } from '../platform/http';
import type { Logger } from '../platform/logger';
import { assetCache, CachedAsset, sendAsset } from '../platform/staticAssets';

const ASSET_NAME = /^[a-z0-9][a-z0-9_-]*\.(js|css|svg|png)$/i;
const PAGE_NAME = /^[a-z][a-z0-9-]*$/;

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
  "base-uri 'none'",
].join('; ');

/** The web/ folder, from source (tsx) and from dist/ alike. */
export function findWebFolder(start = __dirname): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'web', 'chat', 'index.html'))) return path.join(dir, 'web');
    if (path.dirname(dir) === dir) throw new Error('web/ not found above ' + start);
  }
}

function chartBundle(): string | undefined {
  try {
    const file = path.join(path.dirname(require.resolve('chart.js')), 'chart.umd.min.js');
    return fs.existsSync(file) ? file : undefined;
  } catch {
    return undefined;
  }
}

export interface StaffPagesOptions {
  /** page folder names under web/, each served at /<name> (e.g. 'agent', 'dashboard', 'review') */
  pages: string[];
  logger: Logger;
  webFolder?: string;
}

export function registerStaffPages(server: Server, options: StaffPagesOptions): void {
  const web = options.webFolder ?? findWebFolder();
  const onError = (err: unknown) => options.logger.error({ err }, 'staff page file failed');

  const cached = assetCache();
  const load = (file: string) => cached(file, file);
  const send = (req: Request, res: Response, file: CachedAsset, cacheControl: string) =>
    sendAsset(req, res, file, cacheControl, { 'Content-Security-Policy': CSP, 'Referrer-Policy': 'same-origin', 'X-Frame-Options': 'DENY' });

  /** a flat file name inside one folder, or 404: no path can leave the folder */
  const assetIn = (folder: string, name: string): string => {
    if (!ASSET_NAME.test(name)) throw new HttpError(404, 'not_found', 'no such file');
    const file = path.join(folder, name);
    if (path.dirname(file) !== folder || !fs.existsSync(file) || !fs.statSync(file).isFile()) throw new HttpError(404, 'not_found', 'no such file');
    return file;
  };

  for (const page of options.pages) {
    if (!PAGE_NAME.test(page)) throw new Error(`staff page name "${page}" is not a plain folder name`);
    const folder = path.join(web, page);
    const html = route(async (req, res) => send(req, res, await load(path.join(folder, 'index.html')), 'no-cache'), onError);
    server.get(`/${page}`, html);
    server.head(`/${page}`, html);
    server.get(
      `/${page}/:file`,
      route(async (req, res) => send(req, res, await load(assetIn(folder, String(req.params?.file ?? ''))), 'no-cache'), onError),
    );
  }

  const shared = path.join(web, 'staff');
  server.get(
    '/staff/:file',
    route(async (req, res) => send(req, res, await load(assetIn(shared, String(req.params?.file ?? ''))), 'no-cache'), onError),
  );
  server.get(
    '/vendor/chart.umd.js',
    route(async (req, res) => {
      const bundle = chartBundle();
      if (!bundle) throw new HttpError(503, 'chart_missing', 'chart.js is not installed (npm install)');
      send(req, res, await load(bundle), 'public, max-age=86400');
    }, onError),
  );
}
