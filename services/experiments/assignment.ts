/**
 * Deterministic assignment: a customer's variant is a pure function of (experiment id, customer id) and
 * the weights, so every channel and every instance puts the same customer in the same arm without asking
 * the store. SHA-256 spreads ids evenly; its first 48 bits become a number in [0, 1) that falls into one
 * variant's share of the cumulative weights.
 */
import crypto from 'node:crypto';
import type { Variant } from './types';

/** A stable number in [0, 1) for this customer in this experiment. */
export function bucketOf(experimentId: string, customerId: string): number {
  const digest = crypto.createHash('sha256').update(`${experimentId}\u0000${customerId}`).digest();
  return digest.readUIntBE(0, 6) / 2 ** 48;
}

export function assignVariant(experimentId: string, customerId: string, variants: readonly Variant[]): string {
  const total = variants.reduce((sum, v) => sum + v.weight, 0);
  const point = bucketOf(experimentId, customerId) * total;
  let edge = 0;
  for (const v of variants) {
    edge += v.weight;
    if (point < edge) return v.name;
  }
  // rounding at the very top of the range
  return variants[variants.length - 1].name;
}
