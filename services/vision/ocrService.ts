/**
 * Reads the text in a picture with PaddleOCR models (@gutenye/ocr-node) in one child process, never on the
 * event loop: a picture takes a CPU-second or so, and the event loop serves every other customer meanwhile.
 * The child starts with the first picture (most processes never see one) and loads the model once. Pictures
 * wait in a bounded queue and are read one at a time; one that waits and runs longer than the timeout is
 * given up, and the child stuck on it is killed and replaced (onnxruntime cannot be interrupted), so one bad
 * picture never holds up the next customer's for long. A process rather than a worker thread: terminating a
 * thread in the middle of an onnxruntime run aborted the whole bot process when we tried it.
 */
import { ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import type { Logger } from '../../platform/logger';
import type { OcrSettings } from './config';

export interface OcrLine {
  text: string;
  /** the recogniser's mean confidence, 0–1 */
  score: number;
}

export interface OcrReading {
  lines: OcrLine[];
  /** time the worker spent on this picture (decode, detection, recognition) */
  ms: number;
}

/** Why a picture was not read: switched off, too many waiting, too slow, or not a picture the reader can decode. */
export class OcrUnavailableError extends Error {
  constructor(
    readonly reason: 'disabled' | 'busy' | 'timeout' | 'unreadable' | 'closed',
    message: string,
  ) {
    super(message);
    this.name = 'OcrUnavailableError';
  }
}

/** The picture-reading seam the turn uses (a fake in tests that need no model). */
export interface PictureReader {
  read(bytes: Buffer): Promise<OcrReading>;
}

interface Job {
  bytes: Buffer;
  deadline: number;
  resolve: (reading: OcrReading) => void;
  reject: (err: Error) => void;
}

type WorkerReply = { id: number; ok: true; lines?: OcrLine[]; ms?: number; loadMs?: number } | { id: number; ok: false; error: string };

const WORKER_FILE = path.join(__dirname, 'ocrWorker.mjs');

export class OcrService implements PictureReader {
  private worker?: ChildProcess;
  private loading?: Promise<number>;
  private readonly queue: Job[] = [];
  private running = false;
  private closed = false;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (r: WorkerReply) => void; reject: (e: Error) => void }>();

  constructor(
    private readonly settings: OcrSettings,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  get enabled(): boolean {
    return this.settings.enabled && !this.closed;
  }

  /** Loads the model now (the bench times it apart from the pictures); resolves with the load time in ms. */
  async warmUp(): Promise<number> {
    if (!this.enabled) throw new OcrUnavailableError('disabled', 'picture reading is switched off');
    this.loading ??= this.start();
    return this.loading;
  }

  read(bytes: Buffer): Promise<OcrReading> {
    if (!this.enabled) return Promise.reject(new OcrUnavailableError(this.closed ? 'closed' : 'disabled', 'picture reading is switched off'));
    if (this.queue.length >= this.settings.queueLimit) return Promise.reject(new OcrUnavailableError('busy', 'too many pictures waiting to be read'));
    return new Promise<OcrReading>((resolve, reject) => {
      this.queue.push({ bytes, deadline: this.now() + this.settings.timeoutMs, resolve, reject });
      void this.drain();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new OcrUnavailableError('closed', 'the picture reader was stopped'));
    await this.stopWorker(new OcrUnavailableError('closed', 'the picture reader was stopped'));
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let job = this.queue.shift(); job; job = this.queue.shift()) await this.runJob(job);
    } finally {
      this.running = false;
    }
  }

  private async runJob(job: Job): Promise<void> {
    const left = job.deadline - this.now();
    if (left <= 0) return job.reject(new OcrUnavailableError('timeout', 'the picture waited too long to be read'));
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new OcrUnavailableError('timeout', 'reading the picture took too long')), left);
      timer.unref();
    });
    try {
      this.loading ??= this.start();
      await Promise.race([this.loading, timedOut]);
      const reply = await Promise.race([this.call({ type: 'read', bytes: job.bytes }), timedOut]);
      if (!reply.ok) throw new OcrUnavailableError('unreadable', reply.error);
      job.resolve({ lines: reply.lines ?? [], ms: reply.ms ?? 0 });
    } catch (err) {
      if (err instanceof OcrUnavailableError && err.reason === 'timeout') {
        // the worker may still be busy with it: replace it rather than queue the next picture behind it
        this.logger.warn({ timeoutMs: this.settings.timeoutMs }, 'OCR timed out; restarting the worker');
        await this.stopWorker(err);
      }
      job.reject(err instanceof Error ? err : new Error(String(err)));
    } finally {
      clearTimeout(timer);
    }
  }

  private async start(): Promise<number> {
    // advanced serialization: pictures travel as Buffers, not as JSON arrays of numbers
    const worker = fork(WORKER_FILE, [JSON.stringify({ threads: this.settings.threads })], { serialization: 'advanced', execArgv: [], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    // its IPC channel keeps the bot's event loop alive while it runs: close() (the app's shutdown) stops it
    this.worker = worker;
    worker.on('message', (reply: WorkerReply) => {
      const waiter = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      waiter?.resolve(reply);
    });
    worker.on('error', (err) => this.logger.error({ err }, 'OCR worker failed'));
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.loading = undefined;
      this.failWaiting(new OcrUnavailableError('unreadable', `the OCR worker stopped (exit code ${code})`));
    });
    const reply = await this.call({ type: 'load' });
    if (!reply.ok) {
      await this.stopWorker(new OcrUnavailableError('unreadable', reply.error));
      throw new OcrUnavailableError('unreadable', `the OCR model did not load: ${reply.error}`);
    }
    this.logger.info({ loadMs: Math.round(reply.loadMs ?? 0) }, 'OCR model loaded');
    return reply.loadMs ?? 0;
  }

  private call(message: { type: 'load' } | { type: 'read'; bytes: Buffer }): Promise<WorkerReply> {
    const worker = this.worker;
    if (!worker) return Promise.reject(new OcrUnavailableError('unreadable', 'the OCR worker is not running'));
    const id = this.nextId++;
    return new Promise<WorkerReply>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.send({ id, ...message }, (err) => err && reject(new OcrUnavailableError('unreadable', err.message)));
    });
  }

  private failWaiting(err: Error): void {
    for (const waiter of this.waiting.values()) waiter.reject(err);
    this.waiting.clear();
  }

  private async stopWorker(err: Error): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.loading = undefined;
    this.failWaiting(err);
    if (worker && worker.exitCode === null && worker.signalCode === null) {
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.kill('SIGKILL');
      await exited;
    }
  }
}
