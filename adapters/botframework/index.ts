/**
 * Bot Framework channel (Azure Bot Service channels and the Bot Framework Emulator): POST /api/messages
 * through botbuilder's CloudAdapter.
 *
 * - With a MicrosoftAppId every request needs the Bot Framework JWT; botbuilder verifies it (signature,
 *   audience, the key's channel endorsements, the serviceUrl claim) and the activity's channelId stands.
 * - Without one (Emulator mode, refused in production by `allowUnauthenticated` here) the
 *   activity asserts nothing: its channelId becomes `emulator` and replies go only to a loopback serviceUrl.
 * Every activity passes our schema first; each rejection is one log line without a stack.
 */
import { ConfigurationBotFrameworkAuthentication, ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import type { Server } from 'restify';
import type { TurnHandler } from '../../dialogs/turn/turnContracts';
import type { Logger } from '../../platform/logger';
import { BotFrameworkAdapter } from './botFrameworkAdapter';
import { BOT_FRAMEWORK_MESSAGES_PATH, botFrameworkMessagesRoute } from './route';

export { EMULATOR_CHANNEL_ID, inboundActivitySchema, toActivity } from './toActivity';
export { isLoopbackServiceUrl } from './serviceUrl';
export { botFrameworkConfigSchema, botFrameworkProductionIssues } from './config';

export interface BotFrameworkChannelOptions {
  appId?: string;
  appPassword?: string;
  appType: string;
  tenantId?: string;
  /** accept unauthenticated (Emulator) traffic when no appId is set: false in production */
  allowUnauthenticated: boolean;
  maxBodyBytes?: number;
  logger: Logger;
  bot: TurnHandler;
  /**
   * botbuilder's parameterized authentication endpoints (ToBotFromChannelOpenIdMetadataUrl,
   * ToBotFromChannelTokenIssuer, …); unset = Azure public cloud. Tests point them at a local OpenID document.
   */
  authEndpoints?: Record<string, string>;
}

export function createBotFrameworkAuthentication(options: Omit<BotFrameworkChannelOptions, 'logger' | 'bot' | 'allowUnauthenticated'>) {
  return new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: options.appId ?? '',
    MicrosoftAppPassword: options.appPassword ?? '',
    MicrosoftAppType: options.appType,
    MicrosoftAppTenantId: options.tenantId ?? '',
    ...options.authEndpoints,
  } as ConfigurationBotFrameworkAuthenticationOptions);
}

export function registerBotFrameworkChannel(server: Server, options: BotFrameworkChannelOptions): BotFrameworkAdapter {
  const auth = createBotFrameworkAuthentication(options);
  const adapter = new BotFrameworkAdapter(auth);
  adapter.onTurnError = (context, error) => options.bot.handleTurnError(context, error);
  const authenticated = Boolean(options.appId);
  if (!authenticated && options.allowUnauthenticated) {
    options.logger.warn(
      'Bot Framework Emulator mode: MicrosoftAppId is not set, so /api/messages accepts unauthenticated activities ' +
        '(channelId forced to "emulator", replies only to a loopback serviceUrl). Set MicrosoftAppId for any real deployment.',
    );
  }

  server.post(
    BOT_FRAMEWORK_MESSAGES_PATH,
    botFrameworkMessagesRoute({
      adapter,
      auth,
      authenticated,
      allowUnauthenticated: options.allowUnauthenticated,
      maxBodyBytes: options.maxBodyBytes,
      logger: options.logger,
      bot: options.bot,
    }),
  );
  return adapter;
}
