/**
 * /api/wechat, the Official Account's server URL:
 *   GET  — URL verification (signature over token, timestamp, nonce → echo echostr)
 *   POST — pushed messages, plaintext or safe mode; answered with a passive XML reply when the turn
 *          finishes within the deadline, otherwise "success" and the customer-service message API.
 * Both check the signature and a ±5-minute timestamp window; a POST's signed (timestamp, nonce) is good
 * for one body (requestFreshness.ts). The XML is parsed defensively and by a zod schema (400s, never
 * 500s). A message is in the store (messageInbox.ts) before any answer; resumeMessage runs what a killed
 * process left unfinished. Before a turn, the customer's unionid is attached (unionIds.ts) and a voice
 * WeChat did not recognise is transcribed (wechatKit/voiceText.ts), or answered with "please type".
 */
import type { Activity } from 'botbuilder';
import { CHANNEL_TEXT } from '../text';
import type { Request, Response } from 'restify';
import type { TurnHandler } from '../../dialogs/turn/turnContracts';
import { HttpError, queryOf, readRawBody, route } from '../../platform/http';
import type { Logger } from '../../platform/logger';
import type { Transcriber } from '../../platform/transcription';
import type { DurableInbox } from '../durableInbox';
import { voiceText } from '../wechatKit/voiceText';
import { decodeMessage, encodeMessage } from './messageInbox';
import type { NumberedChoices } from '../numberedChoices';
import { encryptedEnvelope, Envelope, passiveXml } from './passiveReply';
import { lastChoices, render, WeChatMessage } from './render';
import type { ReplyCoordinator } from './replyCoordinator';
import { checkTimestamp, RequestNonces } from '../wechatKit/requestFreshness';
import { toActivity, unheardVoice } from './toActivity';
import type { WeChatUnionIds } from './unionIds';
import type { WeChatAdapter } from './wechatAdapter';
import { signatureMatches, WeChatCipherError } from '../wechatKit/wechatCrypto';
import { field, parseWeChatXml, WeChatXml, WeChatXmlError } from '../wechatKit/wechatXml';

export const WECHAT_PATH = '/api/wechat';
const MAX_BODY_BYTES = 64 * 1024;
/** WeChat's own limit for voice media (60 s of AMR is far less) */
const MAX_VOICE_BYTES = 2 * 1024 * 1024;

type Handler = (req: Request, res: Response) => Promise<void>;

export interface WeChatRouteDeps {
  token: string;
  /** safe mode: the cipher and token of the encrypted envelope */
  envelope?: Envelope;
  replyDeadlineMs: number;
  adapter: WeChatAdapter;
  coordinator: ReplyCoordinator;
  numbered: NumberedChoices;
  inbox: DurableInbox;
  nonces: RequestNonces;
  logger: Logger;
  bot: TurnHandler;
  /** voice WeChat did not recognise is transcribed through it; without it the customer is asked to type */
  transcriber?: Transcriber;
  /** attaches the customer's unionid before their turn */
  unionIds?: WeChatUnionIds;
}

export interface WeChatRoutes {
  verify: Handler;
  receive: Handler;
  /** runs a stored message left unfinished (a killed process), answering through the API */
  resumeMessage: (key: string, payload: string) => Promise<void>;
}

/** What the customer sees for content the bot cannot read. */
function unsupportedReply(what: string): string {
  // a WeChat message the bot cannot read carries no hint of the customer's language: Chinese, the store's
  return what === 'voice' ? CHANNEL_TEXT.voiceNotHeard.zh : CHANNEL_TEXT.unsupported.zh;
}

export function wechatRoutes(deps: WeChatRouteDeps): WeChatRoutes {
  const { adapter, bot, coordinator, envelope, inbox, logger, nonces, numbered, token } = deps;
  const onUnexpected = (err: unknown) => logger.error({ err }, 'WeChat request failed');

  /** One turn; failures are logged (ids only) and answered with nothing, never thrown at WeChat. */
  const runTurn = async (activity: Partial<Activity>, key: string): Promise<WeChatMessage[]> => {
    const openid = activity.from!.id;
    try {
      // the unionid (before the turn, never for long) while the voice, if any, is transcribed
      const linking = deps.unionIds?.beforeTurn(openid);
      const voice = unheardVoice(activity);
      if (voice) {
        const download = (mediaId: string) => adapter.api.downloadMedia(mediaId, MAX_VOICE_BYTES);
        const text = await voiceText(voice, { transcriber: deps.transcriber, download, logger });
        if (!text) {
          await linking;
          return [{ type: 'text', content: unsupportedReply('voice') }];
        }
        activity.text = text;
      }
      await linking;
      const messages = render(await adapter.processActivity(activity, (ctx) => bot.run(ctx)));
      numbered.remember(openid, lastChoices(messages));
      return messages;
    } catch (err) {
      const e = err as Error;
      logger.error({ err: { name: e.name, message: e.message, stack: e.stack }, openid, key }, 'WeChat turn failed');
      return [];
    }
  };

  const resumeMessage = async (key: string, payload: string): Promise<void> => {
    const stored = decodeMessage(payload);
    const mapped = toActivity(parseWeChatXml(stored.xml));
    if (mapped.kind !== 'activity') return;
    if (stored.text !== undefined) mapped.activity.text = stored.text;
    const messages = await runTurn(mapped.activity, key);
    if (messages.length > 0) await adapter.deliverQuietly(mapped.activity.from!.id, messages);
  };

  const verify = route(async (req, res) => {
    const q = queryOf(req);
    if (!signatureMatches(q.get('signature') ?? undefined, token, q.get('timestamp') ?? '', q.get('nonce') ?? '')) {
      throw new HttpError(401, 'bad_signature', 'signature does not match');
    }
    checkTimestamp(q.get('timestamp') ?? '');
    const echostr = q.get('echostr');
    if (!echostr) throw new HttpError(400, 'missing_echostr', 'echostr is required');
    sendText(res, 200, echostr, 'text/plain');
  }, onUnexpected);

  const receive = route(async (req, res) => {
    const q = queryOf(req);
    const timestamp = q.get('timestamp') ?? '';
    const nonce = q.get('nonce') ?? '';
    const signature = q.get('signature') ?? undefined;
    if (!signatureMatches(signature, token, timestamp, nonce)) {
      req.resume();
      throw new HttpError(401, 'bad_signature', 'signature does not match');
    }
    try {
      checkTimestamp(timestamp);
    } catch (err) {
      req.resume();
      throw err;
    }
    const raw = await readRawBody(req, MAX_BODY_BYTES);
    const outer = parseOrThrow(raw.toString('utf8'));
    const opened = envelope ? openEnvelope(outer, envelope, q, timestamp, nonce) : { xml: outer, text: raw.toString('utf8') };
    // only now that every signature checked out is the request remembered (a forger cannot burn nonces)
    await nonces.admit({ timestamp, nonce, signature: signature!, msgSignature: envelope ? (q.get('msg_signature') ?? '') : undefined }, raw);
    const xml = opened.xml;
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
    // nothing could transcribe it: the polite answer at once, no turn
    if (!deps.transcriber && unheardVoice(activity)) return reply({ type: 'text', content: unsupportedReply('voice') }, activity.from!.id, activity.recipient!.id);
    const openid = activity.from!.id;
    const picked = activity.text ? numbered.resolve(openid, activity.text) : undefined;
    if (picked) activity.text = picked;
    const key = mapped.dedupeKey;
    const answer = await coordinator.answer(
      key,
      openid,
      () => {
        const stored = inbox.accept(key, encodeMessage({ xml: opened.text, text: picked }));
        let finish = async (): Promise<void> => undefined;
        // not accepted: another instance (or a process that died with it) has it and answers the customer
        const done = stored.then((fresh) => {
          if (!fresh) return [];
          finish = inbox.hold(key); // done only once the replies have left (passively or through the API)
          return runTurn(activity, key);
        });
        return { stored, done, finish: () => finish() };
      },
      deps.replyDeadlineMs,
    );
    reply(answer.passive, openid, activity.recipient!.id);
    const rest = answer.rest.length > 0 ? adapter.deliverQuietly(openid, answer.rest) : Promise.resolve();
    void rest.then(answer.finish).catch((err: Error) => logger.error({ err: { name: err.name, message: err.message }, key }, 'WeChat inbox bookkeeping failed'));
  }, onUnexpected);

  return { verify, receive, resumeMessage };
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
function openEnvelope(outer: WeChatXml, envelope: Envelope, q: URLSearchParams, timestamp: string, nonce: string): { xml: WeChatXml; text: string } {
  const encrypted = field(outer, 'Encrypt');
  if (!encrypted) throw new HttpError(400, 'not_encrypted', 'safe mode is on: the message must carry <Encrypt>');
  if (!signatureMatches(q.get('msg_signature') ?? undefined, envelope.token, timestamp, nonce, encrypted)) {
    throw new HttpError(401, 'bad_signature', 'msg_signature does not match');
  }
  let text: string;
  try {
    text = envelope.cipher.decrypt(encrypted);
  } catch (err) {
    if (err instanceof WeChatCipherError && err.foreignApp) throw new HttpError(401, 'wrong_app', err.message);
    if (err instanceof WeChatCipherError) throw new HttpError(400, 'undecryptable', err.message);
    throw err;
  }
  return { xml: parseOrThrow(text), text };
}

function sendText(res: Response, status: number, body: string, type: string): void {
  res.writeHead(status, { 'Content-Type': `${type}; charset=utf-8`, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}
