/**
 * What the turn pipeline shares with the parts plugged into it: keys in turnState, and the
 * interceptor / observer interfaces (handoff gate, account linking, analytics).
 */
import type { TurnContext } from 'botbuilder';
import type { NluResult } from '../nlu/types';

/** The recognizer's result for this turn's message. */
export const NLU_RESULT = Symbol('nluResult');

export function nluResultOf(context: TurnContext): NluResult | undefined {
  return context.turnState.get(NLU_RESULT) as NluResult | undefined;
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

export interface TurnOutcome {
  customerId: string;
  channelId: string;
  intent?: string;
  confidence?: number;
  language?: string;
  sentimentLabel?: string;
  anger?: number;
  interceptedBy?: string;
  latencyMs: number;
  attempts: number;
  error?: string;
}

/** Told about every finished turn (analytics events); must not throw. */
export interface TurnObserver {
  turnEnded(outcome: TurnOutcome): Promise<void>;
}
