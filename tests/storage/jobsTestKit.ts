/** Small helpers for the job tests: a promise to release by hand, and polling for a condition. */
export function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** Polls a condition (each check yields to other work) until it holds; fails after a generous deadline. */
export async function waitFor(check: () => Promise<boolean>, deadlineMs = 5000): Promise<void> {
  const until = Date.now() + deadlineMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not reached before the deadline');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}
