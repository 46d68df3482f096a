/**
 * The live room, as its platform connector uses it: a viewer's direct message (私信, `"private": true`)
 * posted as a comment, the bot's answers read back from the room's private outbox (what the connector
 * delivers as direct messages). Cards arrive as text lines plus links; choices as a numbered list.
 */
import type { RunningApp } from '../../helpers/testApp';
import { ChannelDriver, numberedChoices, Reply, storedReference } from './channelDriver';

export const LIVE_API_KEY = 'contract-live-connector-key-0123';
const bearer = { authorization: `Bearer ${LIVE_API_KEY}` };

export function liveDriver(): ChannelDriver {
  let app: RunningApp;
  let roomId: string | undefined;
  let cursor = '';
  const room = async (): Promise<string> => {
    if (roomId) return roomId;
    const r = await app.post('/api/admin/live/rooms', { name: 'contract room', productIds: ['sk-0001'] }, { authorization: `Bearer ${app.config.ADMIN_TOKEN}` });
    if (r.status !== 201) throw new Error(`live room not created: ${r.status} ${JSON.stringify(r.json)}`);
    return (roomId = r.json.id as string);
  };
  /** what reached this viewer's direct messages since the last read, once the channel's work is done */
  const received = async (userId: string): Promise<Reply[]> => {
    await app.channels.live!.idle();
    const r = await app.get(`/api/live/rooms/${await room()}/private${cursor ? `?after=${cursor}` : ''}`, bearer);
    if (r.status !== 200) throw new Error(`live private outbox answered ${r.status}`);
    const messages: any[] = r.json.messages;
    if (messages.length > 0) cursor = messages[messages.length - 1].id;
    return messages
      .filter((m) => m.userId === userId)
      .map((m) => {
        const reply: Reply = { text: m.text };
        const choices = numberedChoices(m.text);
        if (choices) reply.choices = choices;
        if (m.links?.length) reply.cards = (m.links as any[]).map((l) => ({ kind: 'link' as const, title: l.title, text: l.title }));
        return reply;
      });
  };
  const post = async (userId: string, comment: object): Promise<Reply[]> => {
    const r = await app.post(`/api/live/rooms/${await room()}/comments`, { comments: [{ userId, nickname: userId, ts: Date.now(), private: true, ...comment }] }, bearer);
    if (r.status !== 202) throw new Error(`live comments answered ${r.status}: ${JSON.stringify(r.json)}`);
    return received(userId);
  };
  return {
    name: 'live',
    channelId: 'live',
    start: async () => undefined,
    env: () => ({ LIVE_API_KEY, LIVE_VIEWER_MAX_PER_MINUTE: '1000' }),
    attach: (running) => (app = running),
    say: (userId, text) => post(userId, { text }),
    sendUnsupported: (userId) => post(userId, { type: 'sticker', text: '' }),
    channelUserId: (userId) => `default:${userId}`,
    // an agent's or campaign's message goes to the room's private outbox, like the bot's own replies
    proactive: async (userId, text) => {
      await received(userId);
      const reference = await storedReference(app, 'live', `default:${userId}`);
      await app.channels.live!.adapter.continueConversation(reference, async (ctx) => {
        await ctx.sendActivity(text);
      });
      return received(userId);
    },
    stop: async () => undefined,
  };
}
