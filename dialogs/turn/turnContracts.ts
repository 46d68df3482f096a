/**
 * What the turn pipeline shares with the parts plugged into it: keys in turnState and the interceptor
 * interface (handoff gate, account linking). The observer of finished turns is analytics' own contract
 * (services/analytics/turnOutcome.ts).
 */
import type { TurnContext } from 'botbuilder';
import type { NluResult } from '../../nlu/types';

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
 * Runs before recognition, in order. Returning true means "handled": the turn ends there (state is
 * still saved). The handoff gate (bot stays quiet while a human owns the customer) and account linking
 * codes are interceptors.
 */
export interface TurnInterceptor {
  readonly name: string;
  intercept(context: TurnContext, customerId: string): Promise<boolean>;
}

/** What every channel adapter hands its turns to (the CustomerServiceBot in the app, a stub in tests). */
export interface TurnHandler {
  run(context: TurnContext): Promise<void>;
  handleTurnError(context: TurnContext, error: Error): Promise<void>;
}
