/**
 * The Telegram channel's BotAdapter: every activity the bot sends becomes Bot API calls, in order,
 * whether during a webhook turn or proactively (campaigns, agents) through continueConversation.
 */
import { Activity, Attachment, ResourceResponse, TurnContext } from 'botbuilder';
import type { AttachmentSource } from '../../dialogs/turn/turnContracts';
import { ChannelAdapter, ChannelNotSupportedError } from '../channelAdapter';
import { render } from './render';
import type { TelegramApi } from './telegramApi';

export class TelegramAdapter extends ChannelAdapter implements AttachmentSource {
  protected readonly channelName = 'telegram';

  constructor(readonly api: TelegramApi) {
    super();
  }

  /** A photo the customer sent, through getFile and the Bot API's file host (nothing else is fetched). */
  async readAttachment(attachment: Attachment, maxBytes: number): Promise<Buffer | undefined> {
    const fileId = (attachment.content as { telegramFileId?: unknown } | undefined)?.telegramFileId;
    return typeof fileId === 'string' && fileId ? this.api.downloadFile(fileId, maxBytes) : undefined;
  }

  async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      const chatId = activity.conversation?.id ?? context.activity.conversation?.id;
      if (!chatId) throw new ChannelNotSupportedError(this.channelName, 'a message without a chat');
      let id = '';
      for (const call of render(activity, chatId)) {
        const sent = await this.api.call<{ message_id?: number }>(call.method, call.params);
        id = String(sent?.message_id ?? '');
      }
      responses.push({ id });
    }
    return responses;
  }
}
