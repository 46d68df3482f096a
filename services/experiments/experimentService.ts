/**
 * Experiments over the store: start (one running experiment per strategy, held by a lock document whose
 * `_id` is the strategy, so it holds across instances), stop, read the result; the call sites ask
 * `variantFor(strategy, customerId)` and report `converted(customerId, kind)`.
 *
 * The running experiments are cached for `refreshMs` (default 5 s): with none running a call site costs
 * no store access at all, and an experiment started on another instance is picked up within that time.
 * An exposure is written once per customer (a unique `_id`; a second one is a no-op, and this instance
 * remembers what it wrote), so a turn pays for a write only the first time a customer meets the strategy.
 */
import crypto from 'node:crypto';
import type { Logger } from '../../platform/logger';
import { DocumentStore, DuplicateKeyError } from '../../storage/documentStore';
import { assignVariant } from './assignment';
import { experimentInput, inputProblem } from './experimentInput';
import { significanceOf } from './significance';
import { EXPERIMENT_EXPOSURES, EXPERIMENT_OUTCOMES, EXPERIMENT_RUNNING, EXPERIMENTS, ExperimentArms, ExperimentDoc, ExperimentError } from './types';
import type { ExperimentResult, ExposureDoc, OutcomeDoc, OutcomeKind, RunningLockDoc, Strategy, VariantResult } from './types';

export interface ExperimentSettings {
  now?: () => Date;
  /** how long the list of running experiments is trusted before it is read again */
  refreshMs?: number;
  logger?: Pick<Logger, 'warn'>;
}

const MAX_REMEMBERED = 50_000;

export class ExperimentService implements ExperimentArms {
  private readonly now: () => Date;
  private readonly refreshMs: number;
  private running?: { at: number; list: Promise<ExperimentDoc[]> };
  private readonly exposed = new Set<string>();

  constructor(
    private readonly store: DocumentStore,
    private readonly settings: ExperimentSettings = {},
  ) {
    this.now = settings.now ?? (() => new Date());
    this.refreshMs = settings.refreshMs ?? 5000;
  }

  static async ensureIndexes(store: DocumentStore): Promise<void> {
    await Promise.all([
      store.ensureIndex(EXPERIMENTS, { fields: { state: 1 } }),
      store.ensureIndex(EXPERIMENT_EXPOSURES, { fields: { experimentId: 1, variant: 1 } }),
      store.ensureIndex(EXPERIMENT_EXPOSURES, { fields: { customerId: 1 } }),
      store.ensureIndex(EXPERIMENT_OUTCOMES, { fields: { experimentId: 1, variant: 1 } }),
      store.ensureIndex(EXPERIMENT_OUTCOMES, { fields: { customerId: 1 } }),
    ]);
  }

  private get experiments() {
    return this.store.collection<ExperimentDoc>(EXPERIMENTS);
  }
  private get exposures() {
    return this.store.collection<ExposureDoc>(EXPERIMENT_EXPOSURES);
  }
  private get outcomes() {
    return this.store.collection<OutcomeDoc>(EXPERIMENT_OUTCOMES);
  }
  private get locks() {
    return this.store.collection<RunningLockDoc>(EXPERIMENT_RUNNING);
  }

  /** Starts an experiment; ExperimentError `invalid` (bad input) or `strategy_busy` (one is running). */
  async create(input: unknown, createdBy?: string): Promise<ExperimentDoc> {
    const parsed = experimentInput.safeParse(input);
    if (!parsed.success) throw new ExperimentError('invalid', inputProblem(parsed.error));
    const { name, strategy, variants } = parsed.data;
    const doc: ExperimentDoc = {
      _id: `exp_${crypto.randomBytes(8).toString('hex')}`,
      name,
      strategy,
      variants: variants.map((v) => ({ name: v.name, weight: v.weight ?? 1 })),
      metric: 'conversion',
      state: 'running',
      createdAt: this.now(),
      ...(createdBy ? { createdBy } : {}),
    };
    await this.takeStrategy(strategy, doc._id);
    await this.experiments.insertOne(doc);
    this.running = undefined;
    return doc;
  }

  /** The lock for the strategy, or `strategy_busy`; a lock left by an experiment that is gone or stopped is taken over. */
  private async takeStrategy(strategy: Strategy, experimentId: string): Promise<void> {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await this.locks.insertOne({ _id: strategy, experimentId, since: this.now() });
        return;
      } catch (err) {
        if (!(err instanceof DuplicateKeyError)) throw err;
      }
      const lock = await this.locks.findOne({ _id: strategy });
      const holder = lock && (await this.experiments.findOne({ _id: lock.experimentId }));
      // a lock younger than a minute may belong to a create still writing its experiment
      const fresh = lock && this.now().getTime() - new Date(lock.since).getTime() < 60_000;
      if (holder?.state === 'running' || (lock && !holder && fresh)) {
        throw new ExperimentError('strategy_busy', `experiment ${lock!.experimentId} is already running for ${strategy}; stop it first`);
      }
      if (lock) await this.locks.deleteOne({ _id: strategy, experimentId: lock.experimentId });
    }
    throw new ExperimentError('strategy_busy', `another experiment for ${strategy} was just started`);
  }

  async get(id: string): Promise<ExperimentDoc | undefined> {
    return (await this.experiments.findOne({ _id: id })) ?? undefined;
  }

  async list(): Promise<ExperimentDoc[]> {
    return this.experiments.find({}, { sort: { createdAt: -1 }, limit: 500 });
  }

  /** Stops the experiment (stopping a stopped one changes nothing); `not_found` for an unknown id. */
  async stop(id: string): Promise<ExperimentDoc> {
    const stopped = await this.experiments.findOneAndUpdate({ _id: id, state: 'running' }, { $set: { state: 'stopped', stoppedAt: this.now() } });
    const doc = stopped ?? (await this.get(id));
    if (!doc) throw new ExperimentError('not_found', `no experiment ${id}`);
    await this.locks.deleteOne({ _id: doc.strategy, experimentId: id });
    this.running = undefined;
    return doc;
  }

  /** Per-variant assigned / converted / rate and the significance test; undefined for an unknown id. */
  async results(id: string): Promise<ExperimentResult | undefined> {
    const doc = await this.get(id);
    if (!doc) return undefined;
    const variants = await Promise.all(
      doc.variants.map(async (v): Promise<VariantResult> => {
        const [assigned, converted] = await Promise.all([
          this.exposures.count({ experimentId: id, variant: v.name }),
          this.outcomes.count({ experimentId: id, variant: v.name }),
        ]);
        return { name: v.name, weight: v.weight, assigned, converted, rate: assigned ? Math.round((converted / assigned) * 10000) / 10000 : 0 };
      }),
    );
    const test = significanceOf(variants);
    const best = [...variants].sort((a, b) => b.rate - a.rate)[0];
    return {
      id: doc._id,
      name: doc.name,
      strategy: doc.strategy,
      state: doc.state,
      metric: doc.metric,
      createdAt: doc.createdAt,
      ...(doc.stoppedAt ? { stoppedAt: doc.stoppedAt } : {}),
      variants,
      test,
      ...(test.significant && test.enoughData ? { winner: best.name } : {}),
    };
  }

  /** The running experiments, from the cache while it is fresh. */
  private runningNow(): Promise<ExperimentDoc[]> {
    const at = this.now().getTime();
    if (!this.running || at - this.running.at >= this.refreshMs || at < this.running.at) {
      const list = this.experiments.find({ state: 'running' }, { limit: 100 });
      list.catch(() => (this.running = undefined));
      this.running = { at, list };
    }
    return this.running.list;
  }

  private async runningFor(strategy: Strategy): Promise<ExperimentDoc | undefined> {
    return (await this.runningNow()).find((e) => e.strategy === strategy);
  }

  /** The customer's variant without recording anything (undefined: no experiment runs for the strategy). */
  async assignedVariant(strategy: Strategy, customerId: string): Promise<string | undefined> {
    const exp = await this.runningFor(strategy);
    return exp ? assignVariant(exp._id, customerId, exp.variants) : undefined;
  }

  /** The customer's variant, recorded as an exposure the first time; undefined when no experiment runs. */
  async variantFor(strategy: Strategy, customerId: string): Promise<string | undefined> {
    const exp = await this.runningFor(strategy);
    if (!exp) return undefined;
    const variant = assignVariant(exp._id, customerId, exp.variants);
    const _id = `${exp._id}|${customerId}`;
    if (!this.exposed.has(_id)) {
      try {
        await this.exposures.insertOne({ _id, experimentId: exp._id, customerId, variant, at: this.now() });
      } catch (err) {
        if (!(err instanceof DuplicateKeyError)) throw err;
      }
      if (this.exposed.size >= MAX_REMEMBERED) this.exposed.clear();
      this.exposed.add(_id);
    }
    return variant;
  }

  /**
   * A conversion (gift claimed, coupon redeemed, order placed): counted once per customer in every running
   * experiment they were exposed to before it. Never throws — a failed count must not fail the claim or the order.
   */
  async converted(customerId: string, kind: OutcomeKind, at: Date = this.now()): Promise<void> {
    try {
      for (const exp of await this.runningNow()) {
        const exposure = await this.exposures.findOne({ _id: `${exp._id}|${customerId}` });
        if (!exposure || new Date(exposure.at) > at) continue;
        try {
          await this.outcomes.insertOne({ _id: exposure._id, experimentId: exp._id, customerId, variant: exposure.variant, kind, at });
        } catch (err) {
          if (!(err instanceof DuplicateKeyError)) throw err;
        }
      }
    } catch (err) {
      this.settings.logger?.warn({ err, kind }, 'could not record an experiment conversion');
    }
  }

  /** Privacy export: the arms the customer was in and their conversions. */
  async exportCustomer(customerId: string): Promise<Record<string, unknown>[]> {
    const exposures = await this.exposures.find({ customerId });
    const outcomes = await this.outcomes.find({ customerId });
    return [...exposures.map((e) => ({ record: 'exposure', ...e })), ...outcomes.map((o) => ({ record: 'conversion', ...o }))];
  }

  /** Privacy erase: the customer leaves every experiment's counts. */
  async eraseCustomer(customerId: string): Promise<number> {
    for (const key of [...this.exposed]) if (key.endsWith(`|${customerId}`)) this.exposed.delete(key);
    return (await this.exposures.deleteMany({ customerId })) + (await this.outcomes.deleteMany({ customerId }));
  }
}
