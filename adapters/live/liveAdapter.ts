/**
 * The live room's BotAdapter, for private turns: whatever the bot (or later an agent) says to a viewer
 * goes to the room's private outbox, which the platform connector reads and delivers as a direct message.
 * The room comes from the conversation id, so a proactive message reaches the room the viewer wrote in.
 */
import { Activity, ResourceResponse, TurnContext } from 'botbuilder';
import { CUSTOMER_ID } from '../../dialogs/turn/customerState';
import type { PrivateMessages } from '../../services/live';
import type { CustomerDirectory } from '../../services/customers';
import { ChannelAdapter } from '../channelAdapter';
import { lastSuggestedChoices, NumberedChoices } from '../numberedChoices';
import { render } from './render';
import { LIVE_CHANNEL_ID, roomOfConversation } from './toActivity';


export class LiveAdapter extends ChannelAdapter {
  protected readonly channelName = 'live';
  /** per viewer, what the numbers of the last list they were sent stood for (direct messages have no buttons) */
  private readonly choices = new NumberedChoices();

  constructor(
    private readonly outbox: Pick<PrivateMessages, 'push'>,
    private readonly directory: Pick<CustomerDirectory, 'find'>,
  ) {
    super();
  }

  async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      const message = render(activity);
      const roomId = roomOfConversation(activity.conversation?.id ?? context.activity.conversation?.id);
      const viewer = activity.recipient?.id ?? context.activity.from?.id;
      if (!message || !roomId || !viewer) {
        responses.push({ id: '' });
        continue;
      }
      this.choices.remember(viewer, lastSuggestedChoices([activity]));
      const customerId = (context.turnState.get(CUSTOMER_ID) as string | undefined) ?? (await this.directory.find({ channelId: LIVE_CHANNEL_ID, userId: viewer }));
      // the connector knows its viewers by the platform's own id: the part after "<platform>:"
      const userId = viewer.slice(viewer.indexOf(':') + 1);
      const doc = await this.outbox.push({ roomId, userId, customerId: customerId ?? undefined, ...message });
      responses.push({ id: doc._id });
    }
    return responses;
  }

  /** The choice a reply of "2" picks from the last list the viewer was sent, or undefined. */
  choiceFor(viewer: string, text: string): string | undefined {
    return this.choices.resolve(viewer, text);
  }
}
