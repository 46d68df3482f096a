/**
 * The app channel's BotAdapter: a request/response channel. Every activity the bot sends during the
 * turn is collected and returned in the HTTP response, already in the channel-neutral Activity shape
 * the app renders itself. This is the pattern the other custom channels follow.
 */
import crypto from 'node:crypto';
import {
  Activity,
  BotAdapter,
  ConversationReference,
  ResourceResponse,
  TurnContext,
} from 'botbuilder';

const REPLIES = Symbol('appReplies');

export class ChannelNotSupportedError extends Error {
  constructor(what: string) {
    super(`the app channel does not support ${what}`);
    this.name = 'ChannelNotSupportedError';
  }
}

export class AppAdapter extends BotAdapter {
  /** Runs one turn and returns every activity the bot sent in it. */
  async processActivity(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<Partial<Activity>[]> {
    const replies: Partial<Activity>[] = [];
    const context = new TurnContext(this, activity);
    context.turnState.set(REPLIES, replies);
    await this.runMiddleware(context, logic);
    return replies;
  }

  async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const replies = context.turnState.get(REPLIES) as Partial<Activity>[] | undefined;
    if (!replies) throw new ChannelNotSupportedError('messages outside a request (proactive push)');
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

  async updateActivity(): Promise<void> {
    throw new ChannelNotSupportedError('updating a sent message');
  }

  async deleteActivity(): Promise<void> {
    throw new ChannelNotSupportedError('deleting a sent message');
  }

  async continueConversation(_reference: Partial<ConversationReference>): Promise<void> {
    throw new ChannelNotSupportedError('proactive messages');
  }
}
