/**
 * Web chat through the bot's Direct Line 3.0 endpoint, as a Direct Line client uses it: one conversation
 * per user (started with the secret, the greeting read off), an activity POSTed, then the bot's
 * activities polled from the conversation log after the last watermark.
 */
import type { RunningApp } from '../../helpers/testApp';
import { ChannelDriver, fromActivities, Reply, storedReference } from './channelDriver';

export const DIRECTLINE_SECRET = 'contract-directline-secret-0123456789abcdef';

interface Session {
  conversationId: string;
  token: string;
  watermark?: string;
}

export function webChatDriver(): ChannelDriver {
  let app: RunningApp;
  const sessions = new Map<string, Session>();
  const call = async (method: string, path: string, auth: string, body?: unknown) => {
    const headers: Record<string, string> = { authorization: `Bearer ${auth}` };
    const r = await app.request(method, `/v3/directline${path}`, body, headers);
    if (r.status >= 300) throw new Error(`Direct Line ${method} ${path} answered ${r.status}: ${JSON.stringify(r.json)}`);
    return r.json;
  };
  const botActivitiesSince = async (session: Session): Promise<any[]> => {
    const query = session.watermark === undefined ? '' : `?watermark=${session.watermark}`;
    const page = await call('GET', `/conversations/${session.conversationId}/activities${query}`, session.token);
    session.watermark = page.watermark;
    return (page.activities as any[]).filter((a) => a.from?.role === 'bot');
  };
  const sessionOf = async (userId: string): Promise<Session> => {
    let session = sessions.get(userId);
    if (!session) {
      const started = await call('POST', '/conversations', DIRECTLINE_SECRET, { user: { id: userId } });
      session = { conversationId: started.conversationId, token: started.token };
      sessions.set(userId, session);
      await botActivitiesSince(session); // the welcome on joining: not part of the first turn
    }
    return session;
  };
  const post = async (userId: string, activity: object): Promise<Reply[]> => {
    const session = await sessionOf(userId);
    await call('POST', `/conversations/${session.conversationId}/activities`, session.token, { type: 'message', from: { id: userId }, ...activity });
    return fromActivities(await botActivitiesSince(session));
  };
  return {
    name: 'webchat',
    channelId: 'webchat',
    start: async () => undefined,
    env: () => ({ DIRECTLINE_SECRET }),
    attach: (running) => (app = running),
    say: (userId, text) => post(userId, { text }),
    sendUnsupported: (userId) => post(userId, { attachments: [{ contentType: 'video/mp4', contentUrl: 'https://cdn.example.com/clip.mp4', name: 'clip.mp4' }] }),
    channelUserId: (userId) => userId,
    proactive: async (userId, text) => {
      const session = await sessionOf(userId);
      const reference = await storedReference(app, 'webchat', userId);
      // the running app's own web adapter: the message lands in the open Direct Line conversation
      await app.channels.webchat.adapter.continueConversation(reference, async (ctx) => {
        await ctx.sendActivity(text);
      });
      return fromActivities(await botActivitiesSince(session));
    },
    stop: async () => undefined,
  };
}
