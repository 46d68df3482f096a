/**
 * What every custom channel adapter (app, web chat, WeChat, Telegram) shares: sent messages cannot be
 * edited or deleted on these channels, and a proactive turn (campaigns, agents) runs the bot logic on a
 * stored conversation reference, its replies leaving through the channel's own sendActivities.
 */
import { Activity, BotAdapter, ConversationReference, TurnContext } from 'botbuilder';

const COLLECTED = Symbol('collectedReplies');

export class ChannelNotSupportedError extends Error {
  constructor(
    readonly channel: string,
    what: string,
  ) {
    super(`the ${channel} channel does not support ${what}`);
    this.name = 'ChannelNotSupportedError';
  }
}

export abstract class ChannelAdapter extends BotAdapter {
  protected abstract readonly channelName: string;

  /**
   * Runs one turn. Request/response channels (app, WeChat passive replies) keep what the bot sends in
   * collectedReplies and get it back here; channels that deliver as they go get [].
   */
  async processActivity(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<Partial<Activity>[]> {
    const replies: Partial<Activity>[] = [];
    const context = new TurnContext(this, activity);
    context.turnState.set(COLLECTED, replies);
    await this.runMiddleware(context, logic);
    return replies;
  }

  /** Where sendActivities puts replies during processActivity; undefined in a proactive turn. */
  protected collectedReplies(context: TurnContext): Partial<Activity>[] | undefined {
    return context.turnState.get(COLLECTED) as Partial<Activity>[] | undefined;
  }

  async updateActivity(): Promise<void> {
    throw new ChannelNotSupportedError(this.channelName, 'editing a sent message');
  }

  async deleteActivity(): Promise<void> {
    throw new ChannelNotSupportedError(this.channelName, 'deleting a sent message');
  }

  async continueConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const activity = TurnContext.applyConversationReference({ type: 'event', name: 'continueConversation' }, reference, true);
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }
}
