/**
 * /api/miniprogram, the Mini Program's message-push URL (开发管理 → 消息推送):
 *   GET  — URL verification (signature over token, timestamp, nonce → echo echostr)
 *   POST — pushed messages in JSON or XML, plaintext or safe mode. A push is checked (signature,
 *          ±5-minute timestamp, one body per signed request, msg_signature over Encrypt in safe mode),
 *          parsed, recorded in the durable inbox and answered "success" at once: the Mini Program has no
 *          passive reply, every answer goes through the customer-service message API after the turn.
 * A retry of a message already in the inbox (same MsgId, or sender + CreateTime for events) is answered
 * "success" and runs nothing; what a killed process left unfinished is resumed from the inbox (handle()).
 */
import type { Activity } from 'botbuilder';
import { lastSuggestedChoices, NumberedChoices } from '../numberedChoices';
import type { Request, Response } from 'restify';
import type { TurnHandler } from '../../dialogs/turn/turnContracts';
import { HttpError, queryOf, readRawBody, route } from '../../platform/http';
import type { Logger } from '../../platform/logger';
import type { DurableInbox } from '../durableInbox';
import { CHANNEL_TEXT } from '../text';
import { checkTimestamp, RequestNonces } from '../wechatKit/requestFreshness';
import { signatureMatches, WeChatCipher, WeChatCipherError } from '../wechatKit/wechatCrypto';
import type { MiniProgramAdapter } from './miniProgramAdapter';
import { parsePush, PushBodyError, pushFormat, PushFormat, PushRecord } from './pushBody';
import { MINIPROGRAM_CHANNEL_ID, ProductNames, toActivity } from './toActivity';

export const MINIPROGRAM_PATH = '/api/miniprogram';
const MAX_BODY_BYTES = 64 * 1024;

type Handler = (req: Request, res: Response) => Promise<void>;

/** What the customer's proven identities are joined through (services/customers/verifiedIdentities.ts). */
export interface IdentityLinker {
  attach(identity: { channelId: string; userId: string }, proof: { kind: 'unionid' | 'phone'; value: string }): Promise<string>;
}

export interface MiniProgramRouteDeps {
  token: string;
  /** MINIPROGRAM_DATA_FORMAT: how a body that names no format of its own is read */
  dataFormat: PushFormat;
  /** safe mode: the cipher of the encrypted envelope */
  cipher?: WeChatCipher;
  adapter: MiniProgramAdapter;
  inbox: DurableInbox;
  nonces: RequestNonces;
  logger: Logger;
  bot: TurnHandler;
  verified?: IdentityLinker;
  /** a voice message's text: WeChat's recognition, else a transcription of the media, else undefined */
  voiceToText: (voice: { recognition?: string; mediaId?: string; format?: string }) => Promise<string | undefined>;
  productNames?: ProductNames;
  /** the customer accepted one subscription message of this template */
  grantConsent?: (openid: string, templateId: string) => Promise<void>;
}

export interface MiniProgramRoutes {
  verify: Handler;
  receive: Handler;
  /** runs a stored push: the turn and its replies (fresh ones, and those a killed process left) */
  handle: (key: string, payload: string) => Promise<void>;
}

interface StoredPush {
  format: PushFormat;
  body: string;
}

export function miniProgramRoutes(deps: MiniProgramRouteDeps): MiniProgramRoutes {
  const { adapter, bot, cipher, inbox, logger, nonces, token } = deps;
  const numbered = new NumberedChoices();
  const onUnexpected = (err: unknown) => logger.error({ err }, 'Mini Program request failed');
  // a message the bot cannot read carries no hint of the customer's language: Chinese, the store's
  const say = (openid: string, text: string) => adapter.deliverQuietly(openid, [{ msgtype: 'text', text: { content: text } }]);

  const runTurn = async (activity: Partial<Activity>, key: string, unionId: string | undefined): Promise<void> => {
    const openid = activity.from!.id;
    // "2" after a numbered list is the second choice (the chat has no buttons)
    const picked = activity.text ? numbered.resolve(openid, activity.text) : undefined;
    if (picked) activity.text = picked;
    if (unionId && deps.verified) {
      // before the turn (linking takes two customers' locks); a failure only delays the link
      await deps.verified.attach({ channelId: MINIPROGRAM_CHANNEL_ID, userId: openid }, { kind: 'unionid', value: unionId }).catch((err: Error) => {
        logger.warn({ err: { name: err.name, message: err.message }, key }, 'Mini Program unionid could not be attached');
      });
    }
    let replies: Partial<Activity>[];
    try {
      replies = await adapter.processActivity(activity, (ctx) => bot.run(ctx));
    } catch (err) {
      const e = err as Error;
      logger.error({ err: { name: e.name, message: e.message, stack: e.stack }, openid, key }, 'Mini Program turn failed');
      return;
    }
    numbered.remember(openid, lastSuggestedChoices(replies));
    await adapter.deliverQuietly(openid, await adapter.render(replies));
  };

  const handle = async (key: string, payload: string): Promise<void> => {
    const stored = JSON.parse(payload) as StoredPush;
    const mapped = toActivity(parsePush(stored.body, stored.format), deps.productNames);
    switch (mapped.kind) {
      case 'activity':
        return runTurn(mapped.activity, key, mapped.unionId);
      case 'voice': {
        const text = await deps.voiceToText({ recognition: mapped.recognition, mediaId: mapped.mediaId, format: mapped.format }).catch(() => undefined);
        if (!text) return say(mapped.activity.from!.id, CHANNEL_TEXT.voiceNotHeard.zh);
        return runTurn({ ...mapped.activity, text }, key, mapped.unionId);
      }
      case 'unsupported':
        return say(mapped.openid, CHANNEL_TEXT.unsupported.zh);
      case 'consent':
        for (const templateId of mapped.templateIds) await deps.grantConsent?.(mapped.openid, templateId);
        return;
      default:
        return;
    }
  };

  const verify = route(async (req, res) => {
    const q = queryOf(req);
    if (!signatureMatches(q.get('signature') ?? undefined, token, q.get('timestamp') ?? '', q.get('nonce') ?? '')) {
      throw new HttpError(401, 'bad_signature', 'signature does not match');
    }
    checkTimestamp(q.get('timestamp') ?? '');
    const echostr = q.get('echostr');
    if (!echostr) throw new HttpError(400, 'missing_echostr', 'echostr is required');
    sendText(res, echostr);
  }, onUnexpected);

  const receive = route(async (req, res) => {
    const q = queryOf(req);
    const timestamp = q.get('timestamp') ?? '';
    const nonce = q.get('nonce') ?? '';
    const signature = q.get('signature') ?? undefined;
    try {
      if (!signatureMatches(signature, token, timestamp, nonce)) throw new HttpError(401, 'bad_signature', 'signature does not match');
      checkTimestamp(timestamp);
    } catch (err) {
      req.resume();
      throw err;
    }
    const raw = await readRawBody(req, MAX_BODY_BYTES);
    const text = raw.toString('utf8');
    const format = pushFormat(text, req.headers['content-type'], deps.dataFormat);
    const outer = parseOrThrow(text, format);
    const inner = cipher ? openEnvelope(outer, cipher, token, q, timestamp, nonce, deps.dataFormat) : { format, body: text, record: outer };
    // only now that every signature checked out is the request remembered (a forger cannot burn nonces)
    await nonces.admit({ timestamp, nonce, signature: signature!, msgSignature: cipher ? (q.get('msg_signature') ?? '') : undefined }, raw);
    const mapped = toActivity(inner.record, deps.productNames);
    if (mapped.kind === 'invalid') throw new HttpError(400, 'invalid_message', mapped.reason);
    if (mapped.kind === 'ignore') return sendText(res, 'success');
    const key = mapped.dedupeKey;
    const payload = JSON.stringify({ format: inner.format, body: inner.body } satisfies StoredPush);
    // stored before "success": WeChat resends nothing after it; false = a retry of a known message
    const fresh = await inbox.accept(key, payload);
    sendText(res, 'success');
    if (!fresh) return;
    void inbox.run(key, payload, handle).catch((err: Error) => logger.error({ err: { name: err.name, message: err.message }, key }, 'Mini Program message failed'));
  }, onUnexpected);

  return { verify, receive, handle };
}

function parseOrThrow(text: string, format: PushFormat): PushRecord {
  try {
    return parsePush(text, format);
  } catch (err) {
    if (err instanceof PushBodyError) throw new HttpError(400, err.code, err.message);
    throw err;
  }
}

/** Safe mode: msg_signature over Encrypt, decrypt, parse the inner message (in its own format). */
function openEnvelope(outer: PushRecord, cipher: WeChatCipher, token: string, q: URLSearchParams, timestamp: string, nonce: string, configured: PushFormat) {
  const encrypted = typeof outer.Encrypt === 'string' ? outer.Encrypt : '';
  if (!encrypted) throw new HttpError(400, 'not_encrypted', 'safe mode is on: the message must carry Encrypt');
  if (!signatureMatches(q.get('msg_signature') ?? undefined, token, timestamp, nonce, encrypted)) {
    throw new HttpError(401, 'bad_signature', 'msg_signature does not match');
  }
  let body: string;
  try {
    body = cipher.decrypt(encrypted);
  } catch (err) {
    if (err instanceof WeChatCipherError && err.foreignApp) throw new HttpError(401, 'wrong_app', err.message);
    if (err instanceof WeChatCipherError) throw new HttpError(400, 'undecryptable', err.message);
    throw err;
  }
  const format = pushFormat(body, undefined, configured);
  return { format, body, record: parseOrThrow(body, format) };
}

function sendText(res: Response, body: string): void {
  res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}
