/**
 * The Direct Line 3.0 REST surface (the subset the official clients use), served by the bot itself:
 * tokens/generate, tokens/refresh, conversations (start, reconnect), activities (post, poll).
 * Replies are delivered through the conversation log (stream or polling), never in the POST response.
 */
import type { Request, Response, Server } from 'restify';
import type { Activity } from 'botbuilder';
import { HttpError, queryOf, route, sendJson } from '../../platform/http';
import type { Logger } from '../../platform/logger';
import { SOURCE_ADDRESS, TurnHandler } from '../../dialogs/turn/turnContracts';
import { cameOverHttps, clientIp } from './clientAddress';
import type { Caller, DirectLineAuth } from './directLineAuth';
import { ActivityTooLargeError, Conversation, ConversationGoneError, CONVERSATION_ID, ConversationStore, parseWatermark } from './conversationStore';
import { parseStartBody, readJsonBody, readOptionalJsonBody } from './inboundBody';
import { TooManyRequestsError } from './rateLimit';
import { readUpload, uploadActivity } from './pictureUpload';
import { InboundContext, joinActivity, toActivity } from './toActivity';
import type { WebAdapter } from './webAdapter';

export const DIRECTLINE_BASE = '/v3/directline';
/** How long a POST waits for the bot's turn before answering anyway (Direct Line's own limit is 15 s). */
const TURN_WAIT_MS = 15000;

export interface DirectLineDeps {
  auth: DirectLineAuth;
  conversations: ConversationStore;
  adapter: WebAdapter;
  bot: TurnHandler;
  logger: Logger;
  maxBodyBytes: number;
  trustProxy: boolean;
}

/** Wraps a handler: errors become JSON; a 429 carries its Retry-After. */
export function directLineRoute(handler: (req: Request, res: Response) => Promise<void>, logger: Logger, what: string) {
  return route(
    async (req, res) => {
      try {
        await handler(req, res);
      } catch (err) {
        if (err instanceof TooManyRequestsError && !res.headersSent) res.setHeader('Retry-After', String(err.retryAfterSeconds));
        throw err;
      }
    },
    (err) => logger.error({ err }, what),
  );
}

export class DirectLineEndpoint {
  constructor(private readonly deps: DirectLineDeps) {}

  register(server: Server): void {
    const wrap = (handler: (req: Request, res: Response) => Promise<void>) => directLineRoute(handler, this.deps.logger, 'Direct Line request failed');
    server.post(`${DIRECTLINE_BASE}/tokens/generate`, wrap((req, res) => this.generate(req, res)));
    server.post(`${DIRECTLINE_BASE}/tokens/refresh`, wrap((req, res) => this.refresh(req, res)));
    server.post(`${DIRECTLINE_BASE}/conversations`, wrap((req, res) => this.start(req, res)));
    server.get(`${DIRECTLINE_BASE}/conversations/:id`, wrap((req, res) => this.reconnect(req, res)));
    server.post(`${DIRECTLINE_BASE}/conversations/:id/activities`, wrap((req, res) => this.postActivity(req, res)));
    server.get(`${DIRECTLINE_BASE}/conversations/:id/activities`, wrap((req, res) => this.getActivities(req, res)));
    server.post(`${DIRECTLINE_BASE}/conversations/:id/upload`, wrap((req, res) => this.upload(req, res)));
  }

  private async generate(req: Request, res: Response): Promise<void> {
    const caller = this.deps.auth.identify(req);
    this.deps.auth.requireSecret(caller, 'generating a token');
    const user = parseStartBody(await readOptionalJsonBody(req, this.deps.maxBodyBytes));
    const conversation = await this.deps.conversations.create(user.id);
    await this.deps.conversations.fillIn(conversation, { locale: user.locale });
    sendJson(res, 200, this.tokenBody(conversation, this.deps.auth.tokens.issue(conversation.id, user.id)));
  }

  private async refresh(req: Request, res: Response): Promise<void> {
    const caller = this.deps.auth.identify(req);
    if (caller.kind !== 'token') throw new HttpError(403, 'forbidden', 'refresh a token, not the secret');
    const conversation = await this.deps.conversations.get(caller.claims.conv);
    if (!conversation) throw new HttpError(404, 'not_found', 'the conversation of this token is gone');
    this.deps.auth.requireUser(caller, conversation.userId);
    sendJson(res, 200, this.tokenBody(conversation, this.deps.auth.tokens.issue(conversation.id, caller.claims.user)));
  }

  private async start(req: Request, res: Response): Promise<void> {
    const caller = this.deps.auth.identify(req);
    const body = parseStartBody(await readOptionalJsonBody(req, this.deps.maxBodyBytes));
    let conversation: Conversation;
    let token: string;
    if (caller.kind === 'secret') {
      conversation = await this.deps.conversations.create(body.id);
      token = this.deps.auth.tokens.issue(conversation.id, body.id);
    } else {
      // a genuine token outlives a restart of the bot: its conversation is opened again, empty
      conversation = (await this.deps.conversations.get(caller.claims.conv)) ?? (await this.deps.conversations.restore(caller.claims.conv, caller.claims.user));
      this.deps.auth.requireUser(caller, conversation.userId);
      token = caller.token;
    }
    await this.deps.conversations.fillIn(conversation, { locale: body.locale });
    // started once, whichever instance the request reaches: only that one greets
    const created = await this.deps.conversations.start(conversation);
    if (created) {
      if (conversation.userId) {
        const join = joinActivity(conversation.id, conversation.userId, conversation.locale ?? 'zh-CN', new Date());
        await this.runTurn(join, clientIp(req, this.deps.trustProxy));
      }
    }
    sendJson(res, created ? 201 : 200, { ...this.tokenBody(conversation, token), streamUrl: this.streamUrl(req, conversation.id, token, 0) });
  }

  private async reconnect(req: Request, res: Response): Promise<void> {
    const caller = this.deps.auth.identify(req);
    const id = this.conversationIdOf(req);
    this.deps.auth.requireAccess(caller, id);
    const watermark = parseWatermark(queryOf(req).get('watermark'));
    if (watermark === undefined) throw new HttpError(400, 'bad_argument', 'watermark must be a number');
    let conversation = await this.deps.conversations.get(id);
    if (!conversation && caller.kind === 'token') conversation = await this.deps.conversations.restore(id, caller.claims.user, watermark);
    if (!conversation) throw new HttpError(404, 'not_found', `no conversation ${id}`);
    this.deps.auth.requireUser(caller, conversation.userId);
    await this.deps.conversations.start(conversation);
    const token = caller.kind === 'token' ? caller.token : this.deps.auth.tokens.issue(id, conversation.userId);
    sendJson(res, 200, { ...this.tokenBody(conversation, token), streamUrl: this.streamUrl(req, id, token, watermark) });
  }

  private async postActivity(req: Request, res: Response): Promise<void> {
    const caller = this.deps.auth.identify(req);
    const conversation = await this.existing(caller, req);
    const body = await readJsonBody(req, this.deps.maxBodyBytes);
    const mapped = toActivity(body, this.inbound(caller, conversation));
    if (!mapped.ok) throw new HttpError(400, 'bad_argument', mapped.reason);
    await this.accept(req, res, conversation, mapped.activity);
  }

  /** Direct Line's upload: a message with pictures (pictureUpload.ts), then the same path as a posted one. */
  private async upload(req: Request, res: Response): Promise<void> {
    const caller = this.deps.auth.identify(req);
    // refused before a byte of the pictures is read
    const conversation = await this.existing(caller, req);
    const queryUserId = queryOf(req).get('userId') ?? undefined;
    if (caller.kind === 'token' && caller.claims.user && queryUserId && queryUserId !== caller.claims.user) {
      req.resume();
      throw new HttpError(403, 'forbidden', 'this token is for another user');
    }
    const upload = await readUpload(req, this.deps.maxBodyBytes);
    const mapped = uploadActivity(upload, this.inbound(caller, conversation), queryUserId);
    if (!mapped.ok) throw new HttpError(400, 'bad_argument', mapped.reason);
    await this.accept(req, res, conversation, mapped.activity);
  }

  private inbound(caller: Caller, conversation: Conversation): InboundContext {
    return { conversationId: conversation.id, tokenUserId: caller.kind === 'token' ? caller.claims.user : undefined, conversationLocale: conversation.locale, now: new Date() };
  }

  /** Keeps the echo, runs the turn, answers `{id}`. */
  private async accept(req: Request, res: Response, conversation: Conversation, activity: Partial<Activity>): Promise<void> {
    // writes only the first time (not started yet, or no user known): no extra write per message
    await this.deps.conversations.start(conversation);
    await this.deps.conversations.fillIn(conversation, { userId: activity.from?.id });
    // typing is neither kept nor run: the bot has no use for it, and it would only fill memory
    if (activity.type === 'typing') return sendJson(res, 200, { id: `${conversation.id}|typing` });
    // the echo: Web Chat marks a message as sent when it comes back on the stream
    const { serviceUrl: _serviceUrl, ...rest } = activity;
    // a spread copy of each attachment leaves the picture bytes behind: the echo and the feed never hold them
    const echo = rest.attachments ? { ...rest, attachments: rest.attachments.map((a) => ({ ...a })) } : rest;
    let stored: Partial<Activity>;
    try {
      stored = await this.deps.conversations.append(conversation, echo);
    } catch (err) {
      if (err instanceof ActivityTooLargeError) throw new HttpError(413, 'activity_too_large', err.message);
      if (err instanceof ConversationGoneError) throw new HttpError(404, 'not_found', err.message);
      throw err;
    }
    await this.runTurn({ ...activity, id: stored.id }, clientIp(req, this.deps.trustProxy));
    sendJson(res, 200, { id: stored.id });
  }

  private async getActivities(req: Request, res: Response): Promise<void> {
    const caller = this.deps.auth.identify(req);
    const conversation = await this.existing(caller, req);
    const watermark = parseWatermark(queryOf(req).get('watermark'));
    if (watermark === undefined) throw new HttpError(400, 'bad_argument', 'watermark must be a number');
    sendJson(res, 200, await this.deps.conversations.since(conversation, watermark));
  }

  private conversationIdOf(req: Request): string {
    const id = String(req.params?.id ?? '');
    if (!CONVERSATION_ID.test(id)) throw new HttpError(404, 'not_found', 'no such conversation');
    return id;
  }

  private async existing(caller: Caller, req: Request): Promise<Conversation> {
    const id = this.conversationIdOf(req);
    this.deps.auth.requireAccess(caller, id);
    const conversation = await this.deps.conversations.get(id);
    if (!conversation) throw new HttpError(404, 'not_found', `no conversation ${id}`);
    this.deps.auth.requireUser(caller, conversation.userId);
    return conversation;
  }

  /** Runs the turn; answers after it or after TURN_WAIT_MS, whichever is first (the turn goes on). */
  private async runTurn(activity: Parameters<WebAdapter['processActivity']>[0], sourceAddress: string): Promise<void> {
    // the caller's address lets per-address limits (link-code guesses) count web chat visitors too
    const turn = this.deps.adapter
      .processActivity(activity, (ctx) => (ctx.turnState.set(SOURCE_ADDRESS, sourceAddress), this.deps.bot.run(ctx)))
      .catch((err: unknown) => this.deps.logger.error({ err, conversationId: activity.conversation?.id }, 'web chat turn failed'));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([turn, new Promise<void>((r) => (timer = setTimeout(r, TURN_WAIT_MS)))]);
    clearTimeout(timer);
  }

  private tokenBody(conversation: Conversation, token: string) {
    return { conversationId: conversation.id, token, expires_in: this.deps.auth.tokens.ttlSeconds };
  }

  private streamUrl(req: Request, conversationId: string, token: string, watermark: number): string {
    const secure = cameOverHttps(req, this.deps.trustProxy);
    const hostHeader = String(req.headers.host ?? '');
    const host = /^[A-Za-z0-9.\-:[\]]{1,255}$/.test(hostHeader) ? hostHeader : 'localhost';
    const query = new URLSearchParams({ watermark: String(watermark), t: token });
    return `${secure ? 'wss' : 'ws'}://${host}${DIRECTLINE_BASE}/conversations/${conversationId}/stream?${query}`;
  }
}
