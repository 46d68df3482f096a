/**
 * Operations metrics in the Prometheus text format (GET /metrics): turn latency as a histogram, turns,
 * handoffs, fallbacks and funnel steps as counters by channel, plus the process's own metrics. Each app
 * has its own registry (several apps in one test process must not collide). Observing a turn is a few
 * in-memory increments, so it can sit on every turn.
 */
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { isFallbackTurn } from './metricsAggregate';
import type { TurnOutcome } from './turnOutcome';

/** labels come from verified channel routes, but a label set must stay small whatever arrives */
const LABEL = /^[a-z0-9_-]{1,32}$/i;
const label = (value: string | undefined): string => (value && LABEL.test(value) ? value : 'other');

export interface TurnRecorder {
  turnEnded(outcome: TurnOutcome): Promise<void>;
}

export class PrometheusMetrics {
  readonly registry = new Registry();
  private readonly latency: Histogram<'channel'>;
  private readonly turns: Counter<'channel' | 'outcome'>;
  private readonly handoffs: Counter<'channel' | 'reason'>;
  private readonly fallbacks: Counter<'channel'>;
  private readonly funnel: Counter<'channel' | 'step'>;

  constructor(options: { processMetrics?: boolean } = {}) {
    const registers = [this.registry];
    if (options.processMetrics !== false) collectDefaultMetrics({ register: this.registry });
    this.latency = new Histogram({
      name: 'beautybot_turn_duration_seconds',
      help: 'Time from a customer message arriving to the turn finishing (state saved), by channel',
      labelNames: ['channel'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15],
      registers,
    });
    this.turns = new Counter({
      name: 'beautybot_turns_total',
      help: 'Customer message turns by channel and outcome (bot, intercepted by a middleware, error)',
      labelNames: ['channel', 'outcome'],
      registers,
    });
    this.handoffs = new Counter({ name: 'beautybot_handoffs_total', help: 'Customers handed to a human, by channel and reason', labelNames: ['channel', 'reason'], registers });
    this.fallbacks = new Counter({
      name: 'beautybot_fallback_turns_total',
      help: 'Turns the NLU did not understand (intent "other" or confidence below the review threshold), by channel',
      labelNames: ['channel'],
      registers,
    });
    this.funnel = new Counter({ name: 'beautybot_funnel_steps_total', help: 'Shopping funnel steps reached, by channel', labelNames: ['channel', 'step'], registers });
  }

  observe(outcome: TurnOutcome): void {
    const channel = label(outcome.channelId);
    this.latency.observe({ channel }, Math.max(0, outcome.latencyMs) / 1000);
    const kind = outcome.error ? 'error' : outcome.interceptedBy ? 'intercepted' : 'bot';
    this.turns.inc({ channel, outcome: kind });
    if (outcome.handoffReason) this.handoffs.inc({ channel, reason: label(outcome.handoffReason) });
    if (isFallbackTurn(outcome)) this.fallbacks.inc({ channel });
    for (const step of outcome.funnel ?? []) this.funnel.inc({ channel, step: label(step) });
  }

  /** The recorder the bot's analytics middleware calls, counting each turn here first. */
  observing<R extends TurnRecorder>(recorder: R): TurnRecorder {
    return {
      turnEnded: (outcome) => {
        try {
          this.observe(outcome);
        } catch {
          // a metrics bug must never cost the turn its analytics event
        }
        return recorder.turnEnded(outcome);
      },
    };
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }
}
