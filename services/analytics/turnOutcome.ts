/**
 * What analytics is told about every finished message turn: the bot fills it in (in turnState), the
 * analytics middleware (bots/analyticsMiddleware.ts) hands it to TurnEventRecorder. No Bot Framework types.
 */
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
