/**
 * Keys of every channel (composed into ../config.ts). Each channel owns its schema in
 * adapters/<channel>/config.ts; a channel is enabled only when its keys are present (the app,
 * Bot Framework and web chat channels are always on).
 */
import { appChannelConfigSchema } from './app/config';
import { botFrameworkConfigSchema } from './botframework/config';
import { telegramConfigSchema } from './telegram/config';
import { webChannelConfigSchema } from './web/config';
import { wechatConfigSchema } from './wechat/config';
import { miniProgramConfigSchema } from './miniprogram/config'; // [miniprogram]
import { liveConfigSchema } from './live/config'; // [live]
import { voiceConfigSchema } from './voice/config'; // [voice]

export const channelConfigSchema = appChannelConfigSchema
  .merge(botFrameworkConfigSchema)
  .merge(wechatConfigSchema)
  .merge(telegramConfigSchema)
  .merge(miniProgramConfigSchema) // [miniprogram]
  .merge(liveConfigSchema) // [live]
  .merge(voiceConfigSchema) // [voice]
  .merge(webChannelConfigSchema);
