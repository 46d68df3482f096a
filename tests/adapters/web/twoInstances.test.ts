/**
 * Web chat without sticky sessions: two real app instances on one store (what two instances sharing
 * MongoDB look like), behind a small load balancer that sends each request where the test says. The
 * official Direct Line client starts on A, sends its messages alternately to A and B and streams from B;
 * A is restarted in the middle, then B (rolling: the new B first, the stream moves over). The client
 * receives every activity of the transcript once, in order, and every message is answered.
 */
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { WebSocket } from 'ws';
import type { DocumentStore } from '../../../storage';
import { EmbeddedStore } from '../../../storage';
import { RunningApp, startTestApp } from '../../helpers/testApp';

// eslint-disable-next-line @typescript-eslint/no-require-imports
(globalThis as any).XMLHttpRequest = require('xhr2');
(globalThis as any).WebSocket = WebSocket;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DirectLine } = require('botframework-directlinejs') as typeof import('botframework-directlinejs');

const SECRET = 'two-instances-directline-secret-0123456789';
type Received = { id: string; type: string; text?: string; from: { id: string } };

/** One store for every instance; an instance stopping must not close it for the others. */
function sharedStore(inner: DocumentStore): DocumentStore {
  return {
    kind: inner.kind,
    collection: (name) => inner.collection(name),
    ensureIndex: (collection, spec) => inner.ensureIndex(collection, spec),
    ping: () => inner.ping(),
    compact: () => inner.compact(),
    close: async () => undefined,
  };
}

/** REST to `rest`, WebSocket upgrades to `stream`; the Host header is kept, so stream URLs point here. */
async function loadBalancer() {
  const route = { rest: '', stream: '' };
  const server = http.createServer((req, res) => {
    const target = new URL(route.rest);
    const upstream = http.request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on('upgrade', (req: http.IncomingMessage, socket: net.Socket, head: Buffer) => {
    const target = new URL(route.stream);
    const up = net.connect(Number(target.port), target.hostname, () => {
      const headers = Object.entries(req.headers).map(([k, v]) => `${k}: ${String(v)}`);
      up.write(`${req.method} ${req.url} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n`);
      if (head.length > 0) up.write(head);
      up.pipe(socket).pipe(up);
    });
    up.on('error', () => socket.destroy());
    socket.on('error', () => up.destroy());
    socket.on('close', () => up.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { route, url, close: () => new Promise((r) => server.close(r)) };
}

async function until(condition: () => boolean, what: () => string, timeoutMs = 20000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('web chat on two instances sharing one store', () => {
  const raw = new EmbeddedStore(null);
  const store = sharedStore(raw);
  const start = () => startTestApp({ DIRECTLINE_SECRET: SECRET }, { store });
  const running: RunningApp[] = [];
  let lb: Awaited<ReturnType<typeof loadBalancer>>;

  beforeAll(async () => {
    lb = await loadBalancer();
  });
  afterAll(async () => {
    for (const app of running) await app.close(1000);
    await lb.close();
    await raw.close();
  });

  it('keeps one conversation, in order and without loss or duplicates, across instances and restarts', async () => {
    let a = await start();
    let b = await start();
    running.push(a, b);
    const visitor = 'dl_two_instances_visitor_01';
    const generated = await a.post('/v3/directline/tokens/generate', { user: { id: visitor } }, { authorization: `Bearer ${SECRET}` });
    expect(generated.status).toBe(200);
    lb.route.rest = a.url; // the conversation starts on A
    lb.route.stream = b.url; // and streams from B
    const dl = new DirectLine({ token: generated.json.token, domain: `${lb.url}/v3/directline`, webSocket: true, random: () => 0 } as never);
    const received: Received[] = [];
    const subscription = dl.activity$.subscribe((x) => void received.push(x as unknown as Received));
    const post = (text: string) =>
      new Promise<string>((resolve, reject) => dl.postActivity({ type: 'message', from: { id: visitor }, text } as never).subscribe({ next: resolve, error: reject }));
    const transcript = async () => (await a.get(`/v3/directline/conversations/${generated.json.conversationId}/activities`, { authorization: `Bearer ${SECRET}` })).json.activities as Received[];
    const caughtUp = async () => {
      const all = await transcript();
      await until(
        () => received.length >= all.length,
        () => `client has ${received.length} of ${all.length} activities`,
      );
    };

    try {
      await until(() => received.some((x) => x.from.id !== visitor), () => 'no greeting');
      const sent: string[] = [];
      const send = async (i: number) => {
        lb.route.rest = (i % 2 ? a : b).url; // alternately A and B
        const text = `第${i}条消息 想买口红`;
        sent.push(text);
        await post(text);
        await caughtUp();
      };
      for (let i = 1; i <= 4; i++) await send(i);

      // A restarts: its replacement serves the same conversation from the store
      await a.close(1000);
      a = await start();
      running.push(a);
      for (let i = 5; i <= 8; i++) await send(i);

      // rolling restart of B, which holds the stream: the new B first, then the old one stops
      const oldB = b;
      b = await start();
      running.push(b);
      lb.route.stream = b.url;
      lb.route.rest = b.url;
      await oldB.close(1000);
      for (let i = 9; i <= 12; i++) await send(i);

      const all = await transcript();
      const ids = received.map((x) => x.id);
      expect(new Set(ids).size).toBe(ids.length); // nothing twice
      expect(ids).toEqual(all.map((x) => x.id)); // everything, in the transcript's order
      expect(ids).toEqual([...ids].sort()); // which is the watermark order
      // every message came back (the echo) and was answered before the next one
      const echoes = received.map((x, at) => ({ x, at })).filter(({ x }) => x.from.id === visitor);
      expect(echoes.map(({ x }) => x.text)).toEqual(sent);
      echoes.forEach(({ at }, n) => {
        const next = echoes[n + 1]?.at ?? received.length;
        expect(received.slice(at + 1, next).some((x) => x.type === 'message' && x.from.id !== visitor)).toBe(true);
      });
      // the customer's words are encrypted at rest
      const stored = await raw.collection<{ _id: string; json: string }>('webchatActivities').find({});
      expect(stored.length).toBe(all.length);
      expect(stored.some((d) => d.json.includes('想买口红'))).toBe(false);
    } finally {
      subscription.unsubscribe();
      dl.end();
    }
  }, 120_000);
});
