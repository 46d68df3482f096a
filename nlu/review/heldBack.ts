/**
 * The held-back slice a retrain is judged on: a fixed share of the project's training lines and of the
 * accepted review examples, chosen by a hash of the text (so the same rows every run, on every machine).
 * Rows whose text is in the slice are never trained on in that run's evaluation models: the accuracy
 * before and after measures how the model does on phrasings it did not see, not how well it remembers.
 */
import crypto from 'node:crypto';
import type { Intent } from '../types';
import type { LabeledUtterance } from '../model/trainingData';

/** percent of each source held back: accepted examples are few, so a larger share of them */
export const HELD_BACK_PERCENT = { project: 10, accepted: 25 } as const;

function bucketOf(text: string): number {
  return crypto.createHash('sha256').update(`held-back\n${text}`).digest().readUInt16BE(0) % 100;
}

export function inHeldBackSlice(text: string, source: keyof typeof HELD_BACK_PERCENT): boolean {
  return bucketOf(text) < HELD_BACK_PERCENT[source];
}

export interface HeldBackSplit {
  /** the slice, by source */
  project: LabeledUtterance[];
  accepted: LabeledUtterance[];
  /** every text in the slice: a row with one of these texts is left out of training, whatever its source */
  texts: Set<string>;
}

export function heldBackSlice(project: LabeledUtterance[], accepted: LabeledUtterance[]): HeldBackSplit {
  const heldProject = project.filter((r) => inHeldBackSlice(r.text, 'project'));
  const heldAccepted = accepted.filter((r) => inHeldBackSlice(r.text, 'accepted'));
  return { project: heldProject, accepted: heldAccepted, texts: new Set([...heldProject, ...heldAccepted].map((r) => r.text)) };
}

/** The rows a run may train on: those whose text is not in the slice. */
export function withoutSlice(rows: LabeledUtterance[], slice: HeldBackSplit): LabeledUtterance[] {
  return rows.filter((r) => !slice.texts.has(r.text));
}

export interface Accuracy {
  /** share of rows whose top intent is the labelled one (0..1, 3 decimals); null when there are no rows */
  accuracy: number | null;
  n: number;
}

export function accuracyOn(rows: LabeledUtterance[], predict: (text: string) => Intent): Accuracy {
  if (!rows.length) return { accuracy: null, n: 0 };
  const right = rows.filter((r) => predict(r.text) === r.intent).length;
  return { accuracy: Math.round((right / rows.length) * 1000) / 1000, n: rows.length };
}
