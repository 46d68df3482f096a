/**
 * The voice channel's BotAdapter. A call is request/response: during a webhook the bot's replies are
 * collected and the route answers Twilio with them as TwiML. There is nobody to send to outside a call
 * (Twilio cannot be told to speak into a call that has no webhook pending), so a proactive message is
 * refused with ChannelNotSupportedError, which delivery reports as not delivered.
 */
import crypto from 'node:crypto';
import { Activity, ResourceResponse, TurnContext } from 'botbuilder';
import { ChannelAdapter, ChannelNotSupportedError } from '../channelAdapter';

export class VoiceAdapter extends ChannelAdapter {
  protected readonly channelName = 'voice';

  async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const replies = this.collectedReplies(context);
    if (!replies) throw new ChannelNotSupportedError(this.channelName, 'messages outside a call');
    replies.push(...activities.filter((a) => a.type === 'message'));
    return activities.map(() => ({ id: crypto.randomUUID() }));
  }
}
