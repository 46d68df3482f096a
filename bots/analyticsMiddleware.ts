/**
 * Analytics as botbuilder middleware: wraps the whole turn (customer resolution, the lock, every retried
 * attempt) and, however the turn ends, errors included, hands its outcome to the analytics recorder.
 * Turns without an outcome (conversation updates, messages without a user) are not recorded.
 */
import type { TurnContext } from 'botbuilder';
import type { Logger } from '../platform/logger';
import type { TurnEventRecorder } from '../services/analytics/turnEvents';
import { TurnMiddleware, turnOutcomeOf } from '../dialogs/turn/turnContracts';

export class TurnAnalyticsMiddleware implements TurnMiddleware {
  readonly name = 'analytics';

  constructor(
    private readonly recorder: Pick<TurnEventRecorder, 'turnEnded'>,
    private readonly logger: Logger,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const started = Date.now();
    try {
      await next();
    } catch (err) {
      const outcome = turnOutcomeOf(context);
      if (outcome) outcome.error = (err as Error).name;
      throw err;
    } finally {
      const outcome = turnOutcomeOf(context);
      if (outcome) {
        outcome.latencyMs = Date.now() - started;
        // analytics never fails a customer's turn
        await this.recorder.turnEnded(outcome).catch((e) => this.logger.warn({ err: e }, 'could not record the turn outcome'));
      }
    }
  }
}
