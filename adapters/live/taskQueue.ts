/**
 * Background work of the live room (private turns, offer claims, answers) with a bound on both how many
 * run at once and how many may wait: a burst of comments acknowledged with 202 must not start hundreds of
 * turns at once on a two-core machine, nor grow a queue without end. Failures are reported, never thrown.
 */
export class TaskQueue {
  private readonly waiting: (() => Promise<void>)[] = [];
  private running = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly concurrency: number,
    private readonly maxWaiting: number,
    private readonly onError: (err: unknown) => void,
  ) {}

  /** false when the queue is full (the task is not taken) */
  push(task: () => Promise<void>): boolean {
    if (this.waiting.length >= this.maxWaiting) return false;
    this.waiting.push(task);
    this.pump();
    return true;
  }

  /** resolves once nothing runs or waits */
  idle(): Promise<void> {
    if (this.running === 0 && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private pump(): void {
    while (this.running < this.concurrency && this.waiting.length > 0) {
      const task = this.waiting.shift()!;
      this.running++;
      task()
        .catch(this.onError)
        .finally(() => {
          this.running--;
          this.pump();
          if (this.running === 0 && this.waiting.length === 0) {
            const waiters = this.idleWaiters;
            this.idleWaiters = [];
            for (const w of waiters) w();
          }
        });
    }
  }
}
