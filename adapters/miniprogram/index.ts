/**
 * WeChat Mini Program customer service on /api/miniprogram (route.ts): URL verification, pushed messages
 * (JSON or XML, plaintext or safe mode) recorded in the store before "success" and answered through the
 * customer-service message API; POST /api/miniprogram/login (login.ts) joins the customer by unionid and
 * verified phone. What a killed process left unfinished is resumed by startInbox(). Setup: README.md.
 */
import type { Server } from 'restify';
import type { TurnHandler } from '../../dialogs/turn/turnContracts';
import type { Logger } from '../../platform/logger';
import type { Transcriber } from '../../platform/transcription';
import type { DocumentStore } from '../../storage/documentStore';
import { DurableInbox } from '../durableInbox';
import { SharedAccessToken } from '../wechatKit/accessToken';
import { RequestNonces } from '../wechatKit/requestFreshness';
import { voiceText } from '../wechatKit/voiceText';
import { WeChatCipher } from '../wechatKit/wechatCrypto';
import { CardThumb } from './cardThumb';
import type { MiniProgramSettings } from './config';
import { MINIPROGRAM_LOGIN_PATH, miniProgramLogin } from './login';
import { MiniProgramAdapter } from './miniProgramAdapter';
import { MiniProgramApi } from './miniProgramApi';
import { IdentityLinker, MINIPROGRAM_PATH, miniProgramRoutes } from './route';
import type { ProductNames } from './toActivity';
import { subscriptionSender } from './subscriptionSender';

export { miniProgramConfigSchema, miniProgramSettings } from './config';
export type { MiniProgramSettings } from './config';
export { MINIPROGRAM_CHANNEL_ID, toActivity } from './toActivity';
export { MiniProgramAdapter } from './miniProgramAdapter';
export { MiniProgramApi, MiniProgramApiError, MiniProgramNetworkError } from './miniProgramApi';

/** The durable inbox's collection (ids kept 15 minutes after the turn, as on the Official Account). */
export const MINIPROGRAM_INBOX = 'miniProgramInbox';
const KEEP_DONE_MS = 15 * 60 * 1000;
/** a voice message is at most 60 s: far below this */
const MAX_VOICE_BYTES = 4 * 1024 * 1024;

export interface MiniProgramChannelOptions extends MiniProgramSettings {
  logger: Logger;
  /** messages, signed nonces, the shared access token and the card picture's media id live here */
  store: DocumentStore;
  bot: TurnHandler;
  /** joins the customer's channels by unionid / verified phone (app.verified) */
  verified: IdentityLinker;
  /** voice messages without WeChat's recognition are transcribed when there is one */
  transcriber?: Transcriber;
  productNames?: ProductNames;
  /** a subscription popup's accepted template (the customer's one-time consent for a campaign message) */
  grantConsent?: (openid: string, templateId: string) => Promise<void>;
  /** NODE_ENV=production: plaintext mode is then warned about at startup */
  production?: boolean;
}

export interface MiniProgramChannel {
  adapter: MiniProgramAdapter;
  /** campaign messages as subscription messages (undefined without MINIPROGRAM_TEMPLATE_ID) */
  sender?: ReturnType<typeof subscriptionSender>;
  startInbox(): void;
  stopInbox(): void;
}

export function registerMiniProgramChannel(server: Server, options: MiniProgramChannelOptions): MiniProgramChannel {
  const { logger, store, appId } = options;
  if (options.production && !options.encodingAesKey) {
    logger.warn(
      { channel: 'miniprogram', key: 'MINIPROGRAM_ENCODING_AES_KEY' },
      'MINI PROGRAM PLAINTEXT MODE IN PRODUCTION: pushed bodies are not signed, only replay-limited. Set MINIPROGRAM_ENCODING_AES_KEY and choose 安全模式 under 消息推送.',
    );
  }
  const api = new MiniProgramApi({ apiBase: options.apiBase, appId, appSecret: options.appSecret });
  api.tokens = new SharedAccessToken({ store, appId, fetch: () => api.fetchToken() });
  const thumb = new CardThumb({ store, api, appId, file: options.cardThumb, logger });
  const adapter = new MiniProgramAdapter(api, logger, { productPage: options.productPage, thumb });
  adapter.onTurnError = (context, error) => options.bot.handleTurnError(context, error);
  const inbox = new DurableInbox(store, MINIPROGRAM_INBOX, { keepDoneMs: KEEP_DONE_MS });
  const routes = miniProgramRoutes({
    token: options.token,
    dataFormat: options.dataFormat,
    cipher: options.encodingAesKey ? new WeChatCipher(options.encodingAesKey, appId) : undefined,
    adapter,
    inbox,
    nonces: new RequestNonces(store),
    logger,
    bot: options.bot,
    verified: options.verified,
    voiceToText: (voice) => voiceText(voice, { transcriber: options.transcriber, download: (mediaId) => api.downloadMedia(mediaId, MAX_VOICE_BYTES), logger }),
    productNames: options.productNames,
    grantConsent: options.grantConsent,
  });
  server.get(MINIPROGRAM_PATH, routes.verify);
  server.post(MINIPROGRAM_PATH, routes.receive);
  server.post(MINIPROGRAM_LOGIN_PATH, miniProgramLogin({ api, verified: options.verified, logger }));
  return {
    adapter,
    sender: options.templateId ? subscriptionSender(api, options.templateId) : undefined,
    startInbox: () =>
      inbox.start(
        routes.handle,
        (err) => logger.error({ err: { name: (err as Error).name, message: (err as Error).message } }, 'Mini Program inbox sweep failed'),
        (key) => logger.error({ key }, 'Mini Program message set aside after repeated failures'),
      ),
    stopInbox: () => inbox.stop(),
  };
}
