/** The app channel: POST /api/app/messages; the replies are the response body. */
import type { RunningApp } from '../../helpers/testApp';
import { ChannelDriver, fromActivities, Reply, storedReference } from './channelDriver';

export function appDriver(): ChannelDriver {
  let app: RunningApp;
  const send = async (body: object): Promise<Reply[]> => {
    const r = await app.post('/api/app/messages', body);
    if (r.status !== 200) throw new Error(`app channel answered ${r.status}: ${JSON.stringify(r.json)}`);
    return fromActivities(r.json.replies);
  };
  return {
    name: 'app',
    channelId: 'app',
    start: async () => undefined,
    env: () => ({}),
    attach: (running) => (app = running),
    say: (userId, text) => send({ userId, text }),
    sendUnsupported: (userId) => send({ userId, attachments: [{ contentType: 'video/mp4', contentUrl: 'https://cdn.example.com/clip.mp4', name: 'clip.mp4' }] }),
    channelUserId: (userId) => userId,
    // outside a request the app channel keeps messages in the user's inbox, which the app polls
    proactive: async (userId, text) => {
      const reference = await storedReference(app, 'app', userId);
      const cursor = (await app.get(`/api/app/messages?userId=${encodeURIComponent(userId)}`)).json.after;
      await app.channels.app.continueConversation(reference, async (ctx) => {
        await ctx.sendActivity(text);
      });
      const page = await app.get(`/api/app/messages?userId=${encodeURIComponent(userId)}&after=${cursor}`);
      return fromActivities(page.json.replies);
    },
    stop: async () => undefined,
  };
}
