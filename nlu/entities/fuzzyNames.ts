/**
 * English names with one typo (moisturzer, sunscrean, cleansr, niacinimide-style slips): a symmetric-delete
 * index over the gazetteer's one-word Latin names of six letters or more, built once. A word matches a
 * name when the two are one edit apart (insert, delete, substitute, or swap of neighbours); the lookup
 * costs a few map probes per unknown word, never a scan of the names.
 */
import type { Entity } from '../types';
import type { Gazetteer, Term } from './gazetteer';

const MIN_LENGTH = 6;
const WORD = /[a-z]{6,}/g;
/** everyday words one edit from a name (motion ~ lotion, conditioned ~ conditioner) */
const NEVER = new Set(['motion', 'notion', 'potion', 'conditioned', 'blushed', 'calling', 'repaid', 'farming', 'listing', 'seeing']);

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

export class FuzzyNames {
  private readonly index = new Map<string, Term>();
  private readonly exact = new Set<string>();

  constructor(gazetteer: Gazetteer, types: readonly string[]) {
    for (const t of gazetteer.terms()) {
      if (!types.includes(t.type) || !/^[a-z]+$/.test(t.name) || t.name.length < MIN_LENGTH) continue;
      this.exact.add(t.name);
      for (const key of [t.name, ...deletions(t.name)]) if (!this.index.has(key)) this.index.set(key, t);
    }
  }

  /** Entities for the words of `lower` (lower case) that are one typo away from a name and not already covered. */
  recognize(lower: string, covered: readonly Entity[]): Entity[] {
    const out: Entity[] = [];
    if (this.index.size === 0) return out;
    for (const m of lower.matchAll(WORD)) {
      const word = m[0];
      const start = m.index;
      const end = start + word.length;
      if (this.exact.has(word) || NEVER.has(word) || covered.some((e) => e.start < end && start < e.end)) continue;
      const hit = this.index.get(word) ?? deletions(word).map((d) => this.index.get(d)).find(Boolean);
      if (hit && Math.abs(hit.name.length - word.length) <= 1) out.push({ type: hit.type, text: word, value: hit.value, start, end });
    }
    return out;
  }
}
