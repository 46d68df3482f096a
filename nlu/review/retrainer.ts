/**
 * Retrain in place: the intent model learns the accepted review examples and replaces the running one
 * without a restart. Training runs in a worker thread; the old model keeps answering until the new one
 * is swapped in (one reference assignment in LocalRecognizer). One retrain at a time per process.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LocalRecognizer } from '../localRecognizer';
import { IntentClassifier } from '../model/intentClassifier';
import { loadIntentFiles } from '../model/trainingData';
import { taughtWords } from '../../platform/text/segmenter';
import type { ReviewQueue } from './reviewQueue';
import { runTrainJob, type SliceAccuracy, type TrainJobInput, type TrainJobOutput } from './trainJob';

export interface RetrainResult {
  before: SliceAccuracy;
  after: SliceAccuracy;
  /** accepted examples the new model was trained on */
  examples: number;
  ms: number;
  heldBack: { project: number; accepted: number };
}

/** Runs a training job somewhere (a worker thread by default). */
export type TrainRunner = (job: TrainJobInput) => Promise<TrainJobOutput>;

export class RetrainBusyError extends Error {
  constructor() {
    super('a retrain is already running');
    this.name = 'RetrainBusyError';
  }
}

export interface RetrainerDeps {
  local: LocalRecognizer;
  review: Pick<ReviewQueue, 'trainingExamples'>;
  cacheDir?: string;
  runner?: TrainRunner;
  logger?: { info?(obj: object, msg: string): void; warn(obj: object, msg: string): void };
}

/** Starts the worker from the compiled .js, or from the .ts source through tsx (development, tests). */
export const workerRunner: TrainRunner = (job) =>
  new Promise((resolve, reject) => {
    const ext = path.extname(__filename);
    const execArgv = ext === '.ts' ? ['--require', require.resolve('tsx/cjs')] : [];
    const worker = new Worker(path.join(__dirname, `trainWorker${ext}`), { workerData: { job, words: taughtWords() }, execArgv });
    let settled = false;
    worker.once('message', (out: TrainJobOutput) => {
      settled = true;
      resolve(out);
      void worker.terminate();
    });
    worker.once('error', (err) => {
      settled = true;
      reject(err);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`training worker exited with code ${code}`));
    });
  });

const WORKER_START_FAILURE = /^(ERR_WORKER_|ERR_UNKNOWN_FILE_EXTENSION|MODULE_NOT_FOUND|ERR_MODULE_NOT_FOUND)/;

export class IntentRetrainer {
  private current?: Promise<RetrainResult>;
  private lastEval?: TrainJobInput['lastEval'];

  constructor(private readonly deps: RetrainerDeps) {}

  get running(): boolean {
    return this.current !== undefined;
  }

  /** Retrains with the accepted examples now in the store; RetrainBusyError while one is running. */
  retrain(): Promise<RetrainResult> {
    if (this.current) return Promise.reject(new RetrainBusyError());
    this.current = this.run().finally(() => {
      this.current = undefined;
    });
    return this.current;
  }

  private async run(): Promise<RetrainResult> {
    const started = Date.now();
    const accepted = await this.deps.review.trainingExamples();
    const { classifier, extraExamples } = this.deps.local.intentModel;
    const job: TrainJobInput = {
      project: loadIntentFiles(),
      accepted,
      previous: extraExamples,
      temperature: classifier.temperature,
      cacheDir: this.deps.cacheDir,
      lastEval: this.lastEval,
    };
    const out = await this.runJob(job);
    this.deps.local.swapClassifier(IntentClassifier.fromSerialized(out.served), accepted);
    this.lastEval = out.lastEval;
    const result = { before: out.before, after: out.after, examples: accepted.length, ms: Date.now() - started, heldBack: out.heldBack };
    this.deps.logger?.info?.({ examples: result.examples, before: out.before.accuracy, after: out.after.accuracy, ms: result.ms }, 'nlu: retrained intent model swapped in');
    return result;
  }

  private async runJob(job: TrainJobInput): Promise<TrainJobOutput> {
    if (this.deps.runner) return this.deps.runner(job);
    try {
      return await workerRunner(job);
    } catch (err) {
      // a worker that could not even start (no loader for .ts, a runtime without workers): train on this
      // thread rather than not at all; a training that failed inside the worker is reported as is
      if (!WORKER_START_FAILURE.test(String((err as NodeJS.ErrnoException).code ?? ''))) throw err;
      this.deps.logger?.warn({ err: (err as Error).message }, 'nlu: training worker failed; training on the main thread');
      return runTrainJob(job);
    }
  }
}
