/**
 * Closed-loop load: N simulated customers, each sending its next request as soon as the previous one
 * was answered, for a fixed duration. Every latency is kept, so percentiles are exact.
 */
export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  perSec: number;
  p50Ms: number;
  p99Ms: number;
}

export type Step = () => Promise<boolean>; // true = success

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

/** `customer(i)` returns the step function of customer i (it keeps its own conversation position). */
export async function runLoad(connections: number, durationSec: number, customer: (i: number) => Step): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + durationSec * 1000;
  await Promise.all(
    Array.from({ length: connections }, async (_, i) => {
      const step = customer(i);
      while (performance.now() < deadline) {
        const t0 = performance.now();
        let ok = false;
        try {
          ok = await step();
        } catch {
          ok = false;
        }
        if (ok) latencies.push(performance.now() - t0);
        else errors++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    seconds,
    perSec: latencies.length / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
  };
}
