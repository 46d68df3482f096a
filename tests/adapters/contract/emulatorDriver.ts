/**
 * The Bot Framework Emulator protocol on /api/messages (no MicrosoftAppId): activities are POSTed as the
 * Emulator does, and the bot's replies arrive at a local serviceUrl (the reply sink) before the 200.
 */
import { ReplySink, startReplySink } from '../../helpers/replySink';
import type { RunningApp } from '../../helpers/testApp';
import { emulatorActivity } from '../botframework/emulatorActivity';
import { ChannelDriver, fromActivities, Reply, storedReference } from './channelDriver';

export function emulatorDriver(): ChannelDriver {
  let app: RunningApp;
  let sink: ReplySink;
  let next = 0;
  const conversationOf = (userId: string) => `emu-conv-${userId}`;
  const post = async (userId: string, overrides: Record<string, unknown>): Promise<Reply[]> => {
    const before = sink.requests.length;
    const activity = emulatorActivity(sink.url, { id: `emu-act-${++next}`, from: { id: userId, name: 'User' }, conversation: { id: conversationOf(userId) }, ...overrides });
    const r = await app.post('/api/messages', activity);
    if (r.status !== 200) throw new Error(`/api/messages answered ${r.status}: ${JSON.stringify(r.json)}`);
    return fromActivities(repliesSince(before, userId));
  };
  const repliesSince = (index: number, userId: string) =>
    sink.requests.slice(index).filter((q) => q.url.startsWith(`/v3/conversations/${conversationOf(userId)}/`)).map((q) => q.body);
  return {
    name: 'emulator',
    channelId: 'emulator',
    start: async () => {
      sink = await startReplySink();
    },
    env: () => ({}),
    attach: (running) => (app = running),
    say: (userId, text) => post(userId, { text }),
    sendUnsupported: (userId) => post(userId, { text: undefined, attachments: [{ contentType: 'video/mp4', contentUrl: 'https://cdn.example.com/clip.mp4', name: 'clip.mp4' }] }),
    channelUserId: (userId) => userId,
    proactive: async (userId, text) => {
      const reference = await storedReference(app, 'emulator', userId);
      const before = sink.requests.length;
      // the running app's adapter, in Emulator mode (no app id)
      await app.channels.emulator.continueConversationAsync('', reference, async (ctx) => {
        await ctx.sendActivity(text);
      });
      return fromActivities(repliesSince(before, userId));
    },
    stop: () => sink.close(),
  };
}
