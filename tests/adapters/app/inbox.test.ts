/**
 * The app inbox: what an agent or the bot sends an app customer outside their request waits for the shop's
 * app, which polls GET /api/app/messages (with a cursor) or listens on GET /api/app/events (SSE). Both
 * take the APP_API_KEY like the POST.
 */
import { EmbeddedStore } from '../../../storage';
import { RunningApp, startTestApp } from '../../helpers/testApp';

const APP_API_KEY = 'app-inbox-key-0123456789';
const auth = { authorization: `Bearer ${APP_API_KEY}` };

describe('app inbox', () => {
  let app: RunningApp;
  const raw = new EmbeddedStore(null);

  beforeAll(async () => {
    app = await startTestApp({ APP_API_KEY }, { store: raw });
  }, 60_000);
  afterAll(() => app.close(1000));

  const customerWhoWrote = async (userId: string) => {
    expect((await app.post('/api/app/messages', { userId, text: '你好' }, auth)).status).toBe(200);
    return (await app.directory.find({ channelId: 'app', userId }))!;
  };

  it('polling: a delivered message comes once, and the cursor moves past it', async () => {
    const customerId = await customerWhoWrote('inbox-poll');
    const empty = await app.get('/api/app/messages?userId=inbox-poll', auth);
    expect(empty).toEqual({ status: 200, json: { replies: [], after: '0' } });

    expect(await app.delivery.deliver(customerId, { text: '客服小美已接入，接下来由我为您服务～', kind: 'notice' })).toEqual({ channelId: 'app', delivered: true });
    const first = await app.get('/api/app/messages?userId=inbox-poll&after=0', auth);
    expect(first.status).toBe(200);
    expect(first.json.replies).toHaveLength(1);
    expect(first.json.replies[0]).toMatchObject({ type: 'message', text: '客服小美已接入，接下来由我为您服务～' });
    expect(first.json.replies[0].serviceUrl).toBeUndefined();

    const again = await app.get(`/api/app/messages?userId=inbox-poll&after=${first.json.after}`, auth);
    expect(again).toEqual({ status: 200, json: { replies: [], after: first.json.after } });

    await app.delivery.deliver(customerId, { text: 'second', kind: 'agent' });
    const next = await app.get(`/api/app/messages?userId=inbox-poll&after=${first.json.after}`, auth);
    expect(next.json.replies.map((r: { text: string }) => r.text)).toEqual(['second']);
    // another user's inbox stays empty
    expect((await app.get('/api/app/messages?userId=someone-else', auth)).json.replies).toEqual([]);
  });

  it('the inbox is encrypted at rest', async () => {
    const customerId = await customerWhoWrote('inbox-private');
    await app.delivery.deliver(customerId, { text: '您的退款已到账', kind: 'agent' });
    const stored = await raw.collection<{ _id: string; activity: unknown }>('appInbox').find({ userId: 'inbox-private' });
    expect(stored).toHaveLength(1);
    expect(String(stored[0].activity)).toMatch(/^enc:v1:/);
    expect(JSON.stringify(stored)).not.toContain('退款');
  });

  it('refuses a missing or wrong API key (401) and a bad cursor or user (400)', async () => {
    expect((await app.get('/api/app/messages?userId=inbox-poll')).status).toBe(401);
    expect((await app.get('/api/app/messages?userId=inbox-poll', { authorization: 'Bearer wrong-key-0123456789' })).status).toBe(401);
    expect((await app.get('/api/app/events?userId=inbox-poll')).status).toBe(401);
    for (const after of ['abc', '-1', '1.5', '9'.repeat(20)]) {
      const r = await app.get(`/api/app/messages?userId=inbox-poll&after=${encodeURIComponent(after)}`, auth);
      expect(r).toMatchObject({ status: 400, json: { error: { code: 'invalid_cursor' } } });
    }
    expect((await app.get('/api/app/messages', auth)).status).toBe(400);
    expect((await app.get('/api/app/events?userId=inbox-poll&after=x', auth)).status).toBe(400);
  });

  it('server-sent events: a delivered message arrives on the open stream with its cursor as id', async () => {
    const customerId = await customerWhoWrote('inbox-sse');
    await app.delivery.deliver(customerId, { text: 'before the stream', kind: 'agent' });
    const abort = new AbortController();
    const res = await fetch(`${app.url}/api/app/events?userId=inbox-sse`, { headers: auth, signal: abort.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let received = '';
    const readUntil = async (pattern: RegExp) => {
      const deadline = Date.now() + 10_000;
      while (!pattern.test(received)) {
        if (Date.now() > deadline) throw new Error(`stream did not show ${pattern}: ${received}`);
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        received += decoder.decode(value, { stream: true });
      }
    };
    try {
      await readUntil(/: inbox open/);
      await app.delivery.deliver(customerId, { text: '请问还有什么可以帮您？', kind: 'agent' });
      await readUntil(/\n\n$/);
      await readUntil(/请问还有什么可以帮您/);
      const event = received.split('\n\n').find((e) => e.includes('请问还有什么可以帮您'))!;
      expect(event).toMatch(/^id: 2\n/m);
      const data = JSON.parse(/^data: (.*)$/m.exec(event)![1]);
      expect(data).toMatchObject({ type: 'message', text: '请问还有什么可以帮您？' });
      // the stream started at the newest message: what was sent before it is for polling
      expect(received).not.toContain('before the stream');
    } finally {
      abort.abort();
      await reader.cancel().catch(() => undefined);
    }
  });
});
