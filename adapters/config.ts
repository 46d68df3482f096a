/**
 * Keys of every channel (composed into ../config.ts). Each channel owns its schema in
 * adapters/<channel>/config.ts; a channel is enabled only when its keys are present.
 */
import { appChannelConfigSchema } from './app/config';
import { telegramConfigSchema } from './telegram/config';
import { webChannelConfigSchema } from './web/config';
import { wechatConfigSchema } from './wechat/config';

export const channelConfigSchema = appChannelConfigSchema.merge(wechatConfigSchema).merge(telegramConfigSchema).merge(webChannelConfigSchema);
