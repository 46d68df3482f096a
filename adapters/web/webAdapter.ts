/**
 * The web chat's BotAdapter: what the bot sends goes into the Direct Line conversation's log, from
 * where open streams (WebSocket) and pollers pick it up. Because delivery does not depend on an open
 * HTTP request, proactive messages (an agent's reply, a campaign) reach a conversation that is still open.
 */
import { Activity, Attachment, ResourceResponse, TurnContext } from 'botbuilder';
import type { AttachmentSource } from '../../dialogs/turn/turnContracts';
import { ChannelAdapter } from '../channelAdapter';
import { keptPictureBytes } from '../pictureBytes';
import { ConversationGoneError, ConversationStore } from './conversationStore';
import { render } from './render';

/** Longest `delay` activity honoured, so a dialog cannot hold a turn for long. */
const MAX_DELAY_MS = 5000;

export class WebChannelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebChannelError';
  }
}

export class WebAdapter extends ChannelAdapter implements AttachmentSource {
  protected readonly channelName = 'web chat';

  constructor(private readonly conversations: ConversationStore) {
    super();
  }

  async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      if (activity.type === 'delay') {
        const ms = Math.min(Math.max(Number(activity.value) || 0, 0), MAX_DELAY_MS);
        await new Promise((r) => setTimeout(r, ms));
        responses.push({ id: '' });
        continue;
      }
      if (activity.type === 'trace') {
        responses.push({ id: '' });
        continue;
      }
      const conversationId = activity.conversation?.id ?? context.activity.conversation?.id ?? '';
      const conversation = await this.conversations.get(conversationId);
      if (!conversation) throw new WebChannelError(`web chat conversation ${conversationId} is closed or unknown`);
      let stored: Partial<Activity>;
      try {
        stored = await this.conversations.append(conversation, render({ ...activity, timestamp: new Date() }));
      } catch (err) {
        if (err instanceof ConversationGoneError) throw new WebChannelError(err.message);
        throw err;
      }
      responses.push({ id: stored.id ?? '' });
    }
    return responses;
  }

  /** Pictures uploaded with the message (pictureUpload.ts); a link a client names is never fetched. */
  async readAttachment(attachment: Attachment, maxBytes: number): Promise<Buffer | undefined> {
    return keptPictureBytes(attachment, maxBytes);
  }
}
