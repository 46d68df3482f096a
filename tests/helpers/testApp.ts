/** Starts the real app (all routes, real adapters) on a free port with an in-memory store. */
import type { AddressInfo } from 'node:net';
import { testConfig } from '../../config';
import { App, BuildOptions, buildApp } from '../../index';
import { listen } from '../../server/createServer';
import { EmbeddedStore } from '../../storage';
import { silentLogger } from '../../platform/logger';

export interface RunningApp extends App {
  url: string;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<{ status: number; json: any }>;
  get(path: string, headers?: Record<string, string>): Promise<{ status: number; json: any }>;
  /** any method (DELETE, PUT …); a string body is sent as is */
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; json: any }>;
  /** one message on the app channel; returns the replies' texts */
  say(userId: string, text: string): Promise<string[]>;
}

export const ADMIN_TOKEN = 'test-admin-token-0123456789';

export async function startTestApp(
  env: Record<string, string | undefined> = {},
  options: BuildOptions = {},
): Promise<RunningApp> {
  const config = testConfig({ PORT: '0', HOST: '127.0.0.1', ADMIN_TOKEN, ...env });
  const app = await buildApp(config, { store: new EmbeddedStore(null), logger: silentLogger(), ...options });
  await listen(app.server, 0, '127.0.0.1');
  // fetch reuses idle sockets; a test that blocks its event loop for seconds (synchronous file scans) must not
  // find the server has closed one meanwhile (Node's 5 s default), which fails the next request with ECONNRESET
  app.server.server.keepAliveTimeout = 60_000;
  const { port } = app.server.server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const request = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(url + path, {
      method,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = text;
    }
    return { status: res.status, json };
  };
  const running: RunningApp = {
    ...app,
    url,
    post: (path, body, headers) => request('POST', path, body, headers),
    get: (path, headers) => request('GET', path, undefined, headers),
    request,
    async say(userId, text) {
      const r = await request('POST', '/api/app/messages', { userId, text });
      if (r.status !== 200) throw new Error(`app channel answered ${r.status}: ${JSON.stringify(r.json)}`);
      return (r.json.replies as { text?: string }[]).map((a) => a.text ?? '');
    },
  };
  return running;
}
