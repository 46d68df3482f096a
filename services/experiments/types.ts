/**
 * A/B experiments of the bot's strategies: what an experiment is, who saw which variant (one exposure per
 * customer) and who converted afterwards (one outcome per customer). Stored in the DocumentStore so every
 * instance counts into the same experiment.
 */
import type { TestResult } from './significance';

/** The strategies an experiment can vary; each reads its variant at one call site. */
export type Strategy = 'offerType' | 'discoveryOrder' | 'reminderTiming';
export const STRATEGIES: readonly Strategy[] = ['offerType', 'discoveryOrder', 'reminderTiming'];

/** What the conversion metric counts (the first of them after exposure counts once). */
export type OutcomeKind = 'gift_claimed' | 'coupon_redeemed' | 'order_placed';

export interface Variant {
  name: string;
  /** relative share of customers (default 1: equal split) */
  weight: number;
}

export type ExperimentState = 'running' | 'stopped';

export interface ExperimentDoc {
  _id: string;
  name: string;
  strategy: Strategy;
  variants: Variant[];
  metric: 'conversion';
  state: ExperimentState;
  createdAt: Date;
  stoppedAt?: Date;
  createdBy?: string;
}

/** One per (experiment, customer): `_id` = experimentId|customerId, so a second exposure is a no-op. */
export interface ExposureDoc {
  _id: string;
  experimentId: string;
  customerId: string;
  variant: string;
  at: Date;
}

/** One per (experiment, customer): the first outcome after the exposure. */
export interface OutcomeDoc {
  _id: string;
  experimentId: string;
  customerId: string;
  variant: string;
  kind: OutcomeKind;
  at: Date;
}

/** `_id` = the strategy: inserting it is what makes "one running experiment per strategy" hold across instances. */
export interface RunningLockDoc {
  _id: string;
  experimentId: string;
  since: Date;
}

export const EXPERIMENTS = 'experiments';
export const EXPERIMENT_EXPOSURES = 'experiment_exposures';
export const EXPERIMENT_OUTCOMES = 'experiment_outcomes';
export const EXPERIMENT_RUNNING = 'experiment_running';

/** The variants each strategy's call site understands (reminderTiming: days before run-out, "10d"). */
export const VARIANT_NAMES: Record<Strategy, RegExp> = {
  offerType: /^(coupon|gift|both)$/,
  discoveryOrder: /^(discoverFirst|recommendFirst)$/,
  reminderTiming: /^\d{1,2}d$/,
};

/** "10d" → 10: how many days before a product runs out the repurchase reminder goes (reminderTiming). */
export function reminderDaysOf(variant: string | undefined): number | undefined {
  const m = variant ? /^(\d{1,2})d$/.exec(variant) : null;
  return m ? Number(m[1]) : undefined;
}

export type ExperimentErrorCode = 'invalid' | 'strategy_busy' | 'not_found';

export class ExperimentError extends Error {
  constructor(
    readonly code: ExperimentErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ExperimentError';
  }
}

export interface VariantResult {
  name: string;
  weight: number;
  assigned: number;
  converted: number;
  rate: number;
}

export interface ExperimentResult {
  id: string;
  name: string;
  strategy: Strategy;
  state: ExperimentDoc['state'];
  metric: 'conversion';
  createdAt: Date;
  stoppedAt?: Date;
  variants: VariantResult[];
  test: TestResult;
  /** the best rate, named only when the difference is significant on enough data */
  winner?: string;
}

/** What the dialogs and campaigns use: the variant a customer gets, and their conversions. */
export interface ExperimentArms {
  variantFor(strategy: Strategy, customerId: string): Promise<string | undefined>;
  converted(customerId: string, kind: OutcomeKind, at?: Date): Promise<void>;
}
