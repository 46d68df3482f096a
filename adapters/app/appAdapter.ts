/**
 * The app channel's BotAdapter: a request/response channel. Every activity the bot sends during the
 * turn is collected and returned in the HTTP response, already in the channel-neutral Activity shape
 * the app renders itself. This is the pattern the other custom channels follow. What is sent outside a
 * request (continueConversation: an agent's reply, a notice) goes into the user's inbox (inbox.ts),
 * which the app polls or streams.
 */
import crypto from 'node:crypto';
import { Activity, Attachment, ConversationReference, ResourceResponse, TurnContext } from 'botbuilder';
import type { AttachmentSource } from '../../dialogs/turn/turnContracts';
import { ChannelAdapter, ChannelNotSupportedError } from '../channelAdapter';
import { inlinePictureBytes } from './dataUrlPictures';
import type { AppInbox } from './inbox';
import { render } from './render';

export { ChannelNotSupportedError };


export class AppAdapter extends ChannelAdapter implements AttachmentSource {
  protected readonly channelName = 'app';

  /** without an inbox (tests of the request/response path alone) nothing can be sent outside a request */
  constructor(private readonly inbox?: Pick<AppInbox, 'push'>) {
    super();
  }

  async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const replies = this.collectedReplies(context);
    if (!replies) return this.toInbox(context, activities);
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      if (activity.type === 'delay' || activity.type === 'trace') {
        responses.push({ id: '' });
        continue;
      }
      const id = crypto.randomUUID();
      replies.push({ ...activity, id, timestamp: new Date() });
      responses.push({ id });
    }
    return responses;
  }

  /** Pictures the app sent inline (data: URLs); an http(s) link the app names is never fetched. */
  async readAttachment(attachment: Attachment, maxBytes: number): Promise<Buffer | undefined> {
    return inlinePictureBytes(attachment, maxBytes);
  }

  /** Outside a request the app cannot be written to: the messages wait in the user's inbox. */
  override async continueConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    if (!this.inbox) throw new ChannelNotSupportedError(this.channelName, 'proactive messages without an inbox');
    await super.continueConversation(reference, logic);
  }

  private async toInbox(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    if (!this.inbox) throw new ChannelNotSupportedError(this.channelName, 'messages outside a request without an inbox');
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      const userId = activity.recipient?.id ?? context.activity.from?.id;
      if (activity.type !== 'message' || !userId) {
        responses.push({ id: '' });
        continue;
      }
      const id = crypto.randomUUID();
      await this.inbox.push(userId, render({ ...activity, id, timestamp: new Date() }));
      responses.push({ id });
    }
    return responses;
  }
}
