/** Stopping the bot with chats open: streams are closed with "going away", and shutdown does not hang on them. */
import { WebSocket } from 'ws';
import { startWebChatServer, TEST_SECRET } from './webChatServer';

it('closes open WebSocket streams when the server stops, within the grace period', async () => {
  const server = await startWebChatServer();
  const started = await fetch(`${server.url}/v3/directline/conversations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TEST_SECRET}`, 'content-type': 'application/json' },
    body: JSON.stringify({ user: { id: 'leaving-user' } }),
  }).then((r) => r.json() as Promise<{ streamUrl: string }>);
  const ws = new WebSocket(started.streamUrl);
  await new Promise((r) => ws.once('open', r));
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  const t0 = Date.now();
  await server.close();
  expect(await closed).toBe(1001);
  expect(Date.now() - t0).toBeLessThan(1500);
});
