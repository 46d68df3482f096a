/**
 * Keys of every channel (composed into ../config.ts). Each channel owns its schema in
 * adapters/<channel>/config.ts; a channel is enabled only when its keys are present.
 */
import { appChannelConfigSchema } from './app/config';

export const channelConfigSchema = appChannelConfigSchema;
