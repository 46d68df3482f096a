/**
 * What the turn pipeline shares with the parts plugged into it: keys in turnState (NLU result, source
 * address, the turn's outcome, after-turn work) and the middleware interface (handoff gate, account
 * linking, NLU corrections, analytics).
 */
import type { Attachment, Middleware, TurnContext } from 'botbuilder';
import type { NluResult } from '../../nlu/types';
import type { FunnelStep, TurnOutcome } from '../../services/analytics/turnOutcome';

/** The recognizer's result for this turn's message. */
export const NLU_RESULT = Symbol('nluResult');

export function nluResultOf(context: TurnContext): NluResult | undefined {
  return context.turnState.get(NLU_RESULT) as NluResult | undefined;
}

/**
 * The network address the message came from, set by channel routes that see the client itself (the
 * app channel: the socket's peer, or X-Forwarded-For behind a trusted proxy). Absent on channels whose
 * requests come from the platform's servers (WeChat, Telegram). Used to limit guessing per address.
 */
export const SOURCE_ADDRESS = Symbol('sourceAddress');

export function sourceAddressOf(context: TurnContext): string | undefined {
  return context.turnState.get(SOURCE_ADDRESS) as string | undefined;
}

const AFTER_TURN = Symbol('afterTurn');

/**
 * Work to run once the turn is over and the customer's lock released, before its replies are sent
 * (a failure there replaces them with the apology). Linking needs the locks of two customers, and a
 * turn holds one of them: asking for the other from inside could deadlock with a turn of that one.
 */
export function runAfterTurn(context: TurnContext, task: () => Promise<void>): void {
  const tasks = (context.turnState.get(AFTER_TURN) as (() => Promise<void>)[] | undefined) ?? [];
  context.turnState.set(AFTER_TURN, [...tasks, task]);
}

/** The after-turn work registered so far, emptying the list (the bot calls it). */
export function takeAfterTurnTasks(context: TurnContext): (() => Promise<void>)[] {
  const tasks = (context.turnState.get(AFTER_TURN) as (() => Promise<void>)[] | undefined) ?? [];
  context.turnState.delete(AFTER_TURN);
  return tasks;
}

/**
 * botbuilder Middleware the bot runs in order, once the customer is resolved and locked and their state
 * loaded (again in each retried attempt). A middleware that handles the turn does not call `next()`:
 * recognition and the dialog are skipped, the state is still saved, and the turn's outcome names it
 * (`interceptedBy`). The handoff gate (the bot stays quiet while a human owns the customer), account
 * linking codes and NLU corrections are such middleware. The name is what analytics records.
 */
export interface TurnMiddleware extends Middleware {
  readonly name: string;
}

/** What analytics records about this message turn; set by the bot once the customer is resolved. */
export const TURN_OUTCOME = Symbol('turnOutcome');

export function turnOutcomeOf(context: TurnContext): TurnOutcome | undefined {
  return context.turnState.get(TURN_OUTCOME) as TurnOutcome | undefined;
}

/**
 * Marks a shopping-funnel step this turn reached (cards shown, card opened, cart link given, offer or gift
 * claimed) for the dashboard. Cheap: one array on the turn's outcome; a step counts once per turn, also
 * when an attempt is retried.
 */
export function markFunnel(context: TurnContext, step: FunnelStep): void {
  const outcome = turnOutcomeOf(context);
  if (!outcome) return;
  outcome.funnel ??= [];
  if (!outcome.funnel.includes(step)) outcome.funnel.push(step);
}

/** Marks that the bot answered this turn with its "I did not understand" reply (the dashboard's fallback rate). */
export function markFallback(context: TurnContext): void {
  const outcome = turnOutcomeOf(context);
  if (outcome) outcome.fallback = true;
}

/** Marks that this turn handed the customer to a human (the dashboard's handoff rate and reasons). */
export function markHandoff(context: TurnContext, reason: string): void {
  const outcome = turnOutcomeOf(context);
  if (outcome) outcome.handoffReason = reason;
}

/** What every channel adapter hands its turns to (the CustomerServiceBot in the app, a stub in tests). */
export interface TurnHandler {
  run(context: TurnContext): Promise<void>;
  handleTurnError(context: TurnContext, error: Error): Promise<void>;
}

/**
 * A channel adapter that can fetch the bytes of an attachment its customers send (a picture) through its
 * own platform: the app decodes its `data:` URLs, WeChat and the Mini Program download the media with
 * their access token, Telegram asks getFile. Nothing is ever fetched from an address a payload names
 * unless that channel's platform is who serves it. undefined: not a picture this channel can read, or
 * larger than maxBytes.
 */
/** The largest picture a customer may send and the bot reads, on every channel (5 MB). */
export const PICTURE_MAX_BYTES = 5 * 1024 * 1024;

export interface AttachmentSource {
  readAttachment(attachment: Attachment, maxBytes: number): Promise<Buffer | undefined>;
}

export function attachmentSourceOf(context: TurnContext): AttachmentSource | undefined {
  const adapter = context.adapter as Partial<AttachmentSource>;
  return typeof adapter.readAttachment === 'function' ? (adapter as AttachmentSource) : undefined;
}

/** The text read from each picture of this message (bots/pictureMiddleware.ts), by attachment. */
export const PICTURE_TEXT = Symbol('pictureText');

/** What a picture of this message says, when it was read: dialogs keep it with the picture (a ticket's photos). */
export function pictureTextOf(context: TurnContext, attachment: Attachment): string | undefined {
  return (context.turnState.get(PICTURE_TEXT) as Map<Attachment, string> | undefined)?.get(attachment);
}
