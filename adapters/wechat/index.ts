/**
 * WeChat Official Account channel on /api/wechat (route.ts): URL verification, pushed messages answered
 * passively within the deadline or through the customer-service message API, every message in the
 * store (messageInbox.ts) before any answer; what a killed process left unfinished is resumed by
 * startInbox(). Voice without WeChat's recognition is transcribed when a transcriber is given; the
 * customer's unionid joins them to their other WeChat channels when `verified` is given. Setup: README.md.
 */
import type { Server } from 'restify';
import type { TurnHandler } from '../../dialogs/turn/turnContracts';
import type { Logger } from '../../platform/logger';
import type { Transcriber } from '../../platform/transcription';
import type { VerifiedIdentities } from '../../services/customers/verifiedIdentities';
import type { DocumentStore } from '../../storage/documentStore';
import type { WeChatSettings } from './config';
import { messageInbox } from './messageInbox';
import { NumberedChoices } from '../numberedChoices';
import type { Envelope } from './passiveReply';
import { ReplyCoordinator } from './replyCoordinator';
import { RequestNonces } from '../wechatKit/requestFreshness';
import { WECHAT_PATH, wechatRoutes } from './route';
import { WeChatUnionIds } from './unionIds';
import { WeChatAdapter } from './wechatAdapter';
import { WeChatApi } from './wechatApi';
import { WeChatCipher } from '../wechatKit/wechatCrypto';

export { wechatConfigSchema, wechatSettings } from './config';
export { WECHAT_CHANNEL_ID, toActivity } from './toActivity';
export { WeChatAdapter } from './wechatAdapter';
export { WeChatApi, WeChatApiError, WeChatNetworkError } from './wechatApi';
export { UNIONID_COLLECTION, unionIdChecks } from './unionIds';

export interface WeChatChannelOptions extends WeChatSettings {
  logger: Logger;
  /** where messages and signed nonces are recorded, so retries and replays are caught across instances */
  store: DocumentStore;
  /** NODE_ENV=production: plaintext mode (no WECHAT_ENCODING_AES_KEY) is then warned about at startup */
  production?: boolean;
  bot: TurnHandler;
  /** transcribes voice messages WeChat did not recognise (absent: the customer is asked to type) */
  transcriber?: Transcriber;
  /** joins the customer to the same person on other channels by their WeChat unionid (user/info) */
  verified?: Pick<VerifiedIdentities, 'attach'>;
}

/** What index.ts drives: resume left-over messages at startup (and keep sweeping), stop on shutdown. */
export interface WeChatChannel {
  adapter: WeChatAdapter;
  startInbox(): void;
  stopInbox(): void;
}

export function registerWeChatChannel(server: Server, options: WeChatChannelOptions): WeChatChannel {
  const { logger, bot, token } = options;
  if (options.production && !options.encodingAesKey) {
    logger.warn(
      { channel: 'wechat', key: 'WECHAT_ENCODING_AES_KEY' },
      'WECHAT PLAINTEXT MODE IN PRODUCTION: message bodies are not signed, only replay-limited. Set WECHAT_ENCODING_AES_KEY and switch the Official Account to safe mode (安全模式).',
    );
  }
  const api = new WeChatApi({ apiBase: options.apiBase, appId: options.appId, appSecret: options.appSecret, store: options.store });
  const adapter = new WeChatAdapter(api, logger);
  adapter.onTurnError = (context, error) => bot.handleTurnError(context, error);
  const envelope: Envelope | undefined = options.encodingAesKey ? { cipher: new WeChatCipher(options.encodingAesKey, options.appId), token } : undefined;
  const inbox = messageInbox(options.store);
  const routes = wechatRoutes({
    token,
    envelope,
    replyDeadlineMs: options.replyDeadlineMs,
    adapter,
    coordinator: new ReplyCoordinator((openid, messages) => adapter.deliverQuietly(openid, messages)),
    numbered: new NumberedChoices(),
    inbox,
    nonces: new RequestNonces(options.store),
    logger,
    bot,
    transcriber: options.transcriber,
    unionIds: options.verified && new WeChatUnionIds({ api, store: options.store, verified: options.verified, logger }),
  });
  server.get(WECHAT_PATH, routes.verify);
  server.post(WECHAT_PATH, routes.receive);
  return {
    adapter,
    startInbox: () =>
      inbox.start(
        routes.resumeMessage,
        (err) => logger.error({ err: { name: (err as Error).name, message: (err as Error).message } }, 'WeChat inbox sweep failed'),
        (key) => logger.error({ key }, 'WeChat message set aside after repeated failures'),
      ),
    stopInbox: () => inbox.stop(),
  };
}
