/** What analytics is told about every finished turn: the bot reports it, services record it (no Bot Framework types). */
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
