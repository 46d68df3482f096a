/**
 * Voice channel over Twilio on /api/voice/twilio (route.ts): a phone call is a conversation of
 * <Gather>s, each answered with TwiML the bot's replies are rendered into for the ear (render.ts). The
 * caller's number, signed by Twilio, links the call to the customer who proved that number elsewhere.
 * Setup: README.md in this folder.
 */
import type { Server } from 'restify';
import type { TurnHandler } from '../../dialogs/turn/turnContracts';
import type { Logger } from '../../platform/logger';
import type { VerifiedIdentities } from '../../services/customers/verifiedIdentities';
import type { DocumentStore } from '../../storage/documentStore';
import { VoiceCalls } from './callState';
import type { VoiceSettings } from './config';
import { VOICE_PATH, voiceRoute } from './route';
import { VoiceAdapter } from './voiceAdapter';

export { voiceConfigSchema, voiceSettings } from './config';
export type { VoiceSettings } from './config';
export { VOICE_CALLS } from './callState';
export { VOICE_PATH } from './route';
export { render as renderForTheEar } from './render';
export { callerUserId, VOICE_CHANNEL_ID, toActivity } from './toActivity';
export { VoiceAdapter } from './voiceAdapter';

export interface VoiceChannelOptions extends VoiceSettings {
  logger: Logger;
  /** per-call state (choices read out, language, silences), shared by every instance */
  store: DocumentStore;
  bot: TurnHandler;
  /** joins the caller's number with the customer who proved it on another channel */
  verified: Pick<VerifiedIdentities, 'attach'>;
  /** the store's keyed hash (FieldCipher.lookupHash): the caller's number is seen only through it */
  keyedHash: (text: string) => string;
  now?: () => number;
}

/** What index.ts keeps: the adapter (delivery asks it, and is refused: a call cannot be called back). */
export interface VoiceChannel {
  adapter: VoiceAdapter;
}

export function registerVoiceChannel(server: Server, options: VoiceChannelOptions): VoiceChannel {
  const { bot, logger } = options;
  const adapter = new VoiceAdapter();
  adapter.onTurnError = (context, error) => bot.handleTurnError(context, error);
  const calls = new VoiceCalls(options.store, options.now);
  server.post(VOICE_PATH, voiceRoute({ ...options, adapter, calls, logger }));
  return { adapter };
}
