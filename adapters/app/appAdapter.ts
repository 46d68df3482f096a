/**
 * The app channel's BotAdapter: a request/response channel. Every activity the bot sends during the
 * turn is collected and returned in the HTTP response, already in the channel-neutral Activity shape
 * the app renders itself. This is the pattern the other custom channels follow.
 */
import crypto from 'node:crypto';
import { Activity, ConversationReference, ResourceResponse, TurnContext } from 'botbuilder';
import { ChannelAdapter, ChannelNotSupportedError } from '../channelAdapter';

export { ChannelNotSupportedError };


export class AppAdapter extends ChannelAdapter {
  protected readonly channelName = 'app';

  async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const replies = this.collectedReplies(context);
    if (!replies) throw new ChannelNotSupportedError(this.channelName, 'messages outside a request (proactive push)');
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

  /** The app asks and the bot answers in the HTTP response: there is no way to write first. */
  override async continueConversation(_reference: Partial<ConversationReference>): Promise<void> {
    throw new ChannelNotSupportedError(this.channelName, 'proactive messages');
  }
}
