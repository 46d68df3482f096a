/**
 * The official Direct Line client (botframework-directlinejs, unmodified) against our own endpoint:
 * start a conversation, send a message, receive the bot's reply — over polling and over the WebSocket
 * stream. Node has no XMLHttpRequest or (on Node 20) WebSocket, so the test installs the usual polyfills
 * (xhr2, ws) as globals, which is all the client needs.
 */
import { WebSocket } from 'ws';
import { startWebChatServer, TEST_SECRET, WebChatServer } from './webChatServer';

// eslint-disable-next-line @typescript-eslint/no-require-imports
(globalThis as any).XMLHttpRequest = require('xhr2');
(globalThis as any).WebSocket = WebSocket;
// imported after the globals exist: the client looks for them when it is constructed
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DirectLine } = require('botframework-directlinejs') as typeof import('botframework-directlinejs');

type Received = { type: string; text?: string; from: { id: string; role?: string }; attachments?: { contentType: string; content: any }[]; suggestedActions?: { actions: unknown[] } };

/** Subscribes to the client's activity stream and keeps everything it delivers. */
function collect(dl: InstanceType<typeof DirectLine>) {
  const received: Received[] = [];
  const subscription = dl.activity$.subscribe((a) => void received.push(a as unknown as Received));
  return {
    received,
    async waitFor(predicate: (a: Received) => boolean, timeoutMs = 10000): Promise<Received> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const hit = received.find(predicate);
        if (hit) return hit;
        if (Date.now() > deadline) throw new Error(`not received; got ${JSON.stringify(received.map((r) => r.text))}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    stop() {
      subscription.unsubscribe();
      dl.end();
    },
  };
}

function post(dl: InstanceType<typeof DirectLine>, activity: object): Promise<string> {
  return new Promise((resolve, reject) => dl.postActivity(activity as never).subscribe({ next: resolve, error: reject }));
}

describe('botframework-directlinejs against our Direct Line endpoint', () => {
  let server: WebChatServer;
  beforeAll(async () => {
    server = await startWebChatServer();
  });
  afterAll(() => server.close());

  it('polling with the secret: starts a conversation, sends, receives the reply', async () => {
    const dl = new DirectLine({ secret: TEST_SECRET, domain: `${server.url}/v3/directline`, webSocket: false, pollingInterval: 200 });
    const stream = collect(dl);
    try {
      const id = await post(dl, { type: 'message', from: { id: 'node-user-1', name: '小王' }, text: '你好', locale: 'zh-CN' });
      expect(id).toMatch(/\|0+1$/);
      const reply = await stream.waitFor((a) => a.from.id === 'bot');
      expect(reply.text).toBe('收到：你好');
      // the client also gets its own message back (that is how Web Chat marks it as sent)
      expect(stream.received.find((a) => a.from.id === 'node-user-1')?.text).toBe('你好');
      expect(await server.directory.find({ channelId: 'webchat', userId: 'node-user-1' })).toBeDefined();
    } finally {
      stream.stop();
    }
  });

  it('WebSocket stream with a generated token: the user id in the token is the one the bot sees', async () => {
    const generated = await fetch(`${server.url}/v3/directline/tokens/generate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_SECRET}`, 'content-type': 'application/json' },
      body: JSON.stringify({ user: { id: 'dl_node_client_0123456789' } }),
    }).then((r) => r.json() as Promise<{ token: string; conversationId: string }>);
    const dl = new DirectLine({ token: generated.token, domain: `${server.url}/v3/directline`, webSocket: true });
    const stream = collect(dl);
    try {
      // the conversation opens with the bot's greeting (conversationUpdate for the token's user)
      const greeting = await stream.waitFor((a) => a.from.id === 'bot');
      expect(greeting.text).toMatch(/您好/);
      // delivered over the WebSocket stream, not by polling
      expect(server.channel.conversations.subscriberCount(generated.conversationId)).toBe(1);
      await post(dl, { type: 'message', from: { id: 'someone-else' }, text: '想买口红' });
      const card = await stream.waitFor((a) => a.attachments?.[0]?.contentType === 'application/vnd.microsoft.card.hero');
      expect(card.attachments![0].content.title).toBe('玫瑰丝绒哑光唇膏 #520');
      expect(card.suggestedActions!.actions).toHaveLength(10);
      expect(stream.received.find((a) => a.text === '想买口红')?.from.id).toBe('dl_node_client_0123456789');
      expect(await server.directory.find({ channelId: 'webchat', userId: 'someone-else' })).toBeUndefined();
    } finally {
      stream.stop();
    }
  });
});
