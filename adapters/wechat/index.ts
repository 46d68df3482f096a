/**
 * WeChat Official Account channel on /api/wechat:
 *   GET  — URL verification (signature over token, timestamp, nonce → echo echostr)
 *   POST — pushed messages, plaintext or safe mode; answered with a passive XML reply when the turn
 *          finishes within the deadline, otherwise "success" and the customer-service message API.
 */
import type { Request, Response, Server } from 'restify';
import type { TurnContext } from 'botbuilder';
import { HttpError, readRawBody, route } from '../../server/http';
import type { Logger } from '../../services/observability/logger';
import type { DocumentStore } from '../../storage/documentStore';
import type { WeChatSettings } from './config';
import { encryptedEnvelope, Envelope, passiveXml } from './passiveReply';
import { MessageClaims } from './messageClaims';
import { NumberedChoices } from './numberedChoices';
import { lastChoices, render, WeChatMessage } from './render';
import { ReplyCoordinator } from './replyCoordinator';
import { toActivity } from './toActivity';
import { WeChatAdapter } from './wechatAdapter';
import { WeChatApi } from './wechatApi';
import { signatureMatches, WeChatCipher, WeChatCipherError } from './wechatCrypto';
import { field, parseWeChatXml, WeChatXml, WeChatXmlError } from './wechatXml';

export { wechatConfigSchema, wechatSettings } from './config';
export { WECHAT_CHANNEL_ID, toActivity } from './toActivity';
export { WeChatAdapter } from './wechatAdapter';
export { WeChatApi, WeChatApiError, WeChatNetworkError } from './wechatApi';

const MAX_BODY_BYTES = 64 * 1024;

export interface WeChatChannelOptions extends WeChatSettings {
  logger: Logger;
  /** where message ids are claimed, so a retry reaching another instance does not run the turn again */
  store: DocumentStore;
  bot: { run(context: TurnContext): Promise<void>; handleTurnError(context: TurnContext, error: Error): Promise<void> };
}

/** What the customer sees for content the bot cannot read. */
function unsupportedReply(what: string): string {
  if (what === 'voice') return '亲，这条语音没听清呢，麻烦打字告诉我哦～';
  return '亲，暂时还看不了这类消息哦，请用文字或图片描述您的问题，我马上帮您看看～';
}

export function registerWeChatChannel(server: Server, options: WeChatChannelOptions): WeChatAdapter {
  const { logger, bot, token } = options;
  const api = new WeChatApi({ apiBase: options.apiBase, appId: options.appId, appSecret: options.appSecret });
  const adapter = new WeChatAdapter(api, logger);
  adapter.onTurnError = (context, error) => bot.handleTurnError(context, error);
  const envelope: Envelope | undefined = options.encodingAesKey ? { cipher: new WeChatCipher(options.encodingAesKey, options.appId), token } : undefined;
  const coordinator = new ReplyCoordinator((openid, messages) => adapter.deliverQuietly(openid, messages));
  const numbered = new NumberedChoices();
  const claims = new MessageClaims(options.store);
  const onUnexpected = (err: unknown) => logger.error({ err }, 'WeChat request failed');

  server.get(
    '/api/wechat',
    route(async (req, res) => {
      const q = queryOf(req);
      if (!signatureMatches(q.get('signature') ?? undefined, token, q.get('timestamp') ?? '', q.get('nonce') ?? '')) {
        throw new HttpError(401, 'bad_signature', 'signature does not match');
      }
      const echostr = q.get('echostr');
      if (!echostr) throw new HttpError(400, 'missing_echostr', 'echostr is required');
      sendText(res, 200, echostr, 'text/plain');
    }, onUnexpected),
  );

  server.post(
    '/api/wechat',
    route(async (req, res) => {
      const q = queryOf(req);
      const timestamp = q.get('timestamp') ?? '';
      const nonce = q.get('nonce') ?? '';
      if (!signatureMatches(q.get('signature') ?? undefined, token, timestamp, nonce)) {
        req.resume();
        throw new HttpError(401, 'bad_signature', 'signature does not match');
      }
      const outer = parseOrThrow((await readRawBody(req, MAX_BODY_BYTES)).toString('utf8'));
      const xml = envelope ? openEnvelope(outer, envelope, q, timestamp, nonce) : outer;
      const mapped = toActivity(xml);
      if (mapped.kind === 'invalid') throw new HttpError(400, 'invalid_message', mapped.reason);
      if (mapped.kind === 'ignore') return sendText(res, 200, 'success', 'text/plain');
      const reply = (message: WeChatMessage | undefined, openid: string, account: string) => {
        if (!message) return sendText(res, 200, 'success', 'text/plain');
        const now = Math.floor(Date.now() / 1000);
        const body = passiveXml(message, openid, account, now);
        sendText(res, 200, envelope ? encryptedEnvelope(body, envelope, now) : body, 'application/xml');
      };
      if (mapped.kind === 'unsupported') {
        return reply({ type: 'text', content: unsupportedReply(mapped.what) }, mapped.openid, mapped.account);
      }
      const { activity } = mapped;
      const openid = activity.from!.id;
      const picked = activity.text ? numbered.resolve(openid, activity.text) : undefined;
      if (picked) activity.text = picked;
      const answer = await coordinator.answer(
        mapped.dedupeKey,
        openid,
        async () => {
          try {
            // another instance took this message (a retry routed elsewhere): it answers the customer
            if (!(await claims.claim(mapped.dedupeKey))) return [];
            const messages = render(await adapter.processActivity(activity, (ctx) => bot.run(ctx)));
            numbered.remember(openid, lastChoices(messages));
            return messages;
          } catch (err) {
            const e = err as Error;
            logger.error({ err: { name: e.name, message: e.message, stack: e.stack }, openid, key: mapped.dedupeKey }, 'WeChat turn failed');
            return [];
          }
        },
        options.replyDeadlineMs,
      );
      reply(answer.passive, openid, activity.recipient!.id);
      if (answer.rest.length > 0) void adapter.deliverQuietly(openid, answer.rest);
    }, onUnexpected),
  );
  return adapter;
}

function queryOf(req: Request): URLSearchParams {
  return new URL(req.url ?? '/', 'http://localhost').searchParams;
}

function parseOrThrow(text: string): WeChatXml {
  try {
    return parseWeChatXml(text);
  } catch (err) {
    if (err instanceof WeChatXmlError) throw new HttpError(400, 'malformed_xml', err.message);
    throw err;
  }
}

/** Safe mode: check msg_signature over the Encrypt element, decrypt, parse the inner message. */
function openEnvelope(outer: WeChatXml, envelope: Envelope, q: URLSearchParams, timestamp: string, nonce: string): WeChatXml {
  const encrypted = field(outer, 'Encrypt');
  if (!encrypted) throw new HttpError(400, 'not_encrypted', 'safe mode is on: the message must carry <Encrypt>');
  if (!signatureMatches(q.get('msg_signature') ?? undefined, envelope.token, timestamp, nonce, encrypted)) {
    throw new HttpError(401, 'bad_signature', 'msg_signature does not match');
  }
  try {
    return parseOrThrow(envelope.cipher.decrypt(encrypted));
  } catch (err) {
    if (err instanceof WeChatCipherError && err.foreignApp) throw new HttpError(401, 'wrong_app', err.message);
    if (err instanceof WeChatCipherError) throw new HttpError(400, 'undecryptable', err.message);
    throw err;
  }
}

function sendText(res: Response, status: number, body: string, type: string): void {
  res.writeHead(status, { 'Content-Type': `${type}; charset=utf-8`, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}
