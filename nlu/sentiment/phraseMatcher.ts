/**
 * Finds weighted phrases in a text, longest match first, without overlaps — a tiny dictionary matcher
 * for the sentiment and anger lexicons (Latin phrases must stand as words).
 */
import fs from 'node:fs';

export interface PhraseHit {
  phrase: string;
  weight: number;
  start: number;
  end: number;
}

const WORD_CHAR = /[a-z0-9']/;

export function readWeightedList(file: string): [string, number][] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const m = /^(.*?)\s+(-?\d+(?:\.\d+)?)$/.exec(l);
      return m ? ([m[1].toLowerCase(), Number(m[2])] as [string, number]) : ([l.toLowerCase(), 1] as [string, number]);
    });
}

export class PhraseMatcher {
  private readonly byFirst = new Map<string, { phrase: string; weight: number; latin: boolean }[]>();

  constructor(entries: [string, number][]) {
    for (const [phrase, weight] of entries) {
      const list = this.byFirst.get(phrase[0]) ?? [];
      list.push({ phrase, weight, latin: /^[a-z0-9]/.test(phrase) });
      this.byFirst.set(phrase[0], list);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.phrase.length - a.phrase.length);
  }

  /** `lower` must already be lower-cased. */
  find(lower: string): PhraseHit[] {
    const out: PhraseHit[] = [];
    let i = 0;
    while (i < lower.length) {
      const hit = this.byFirst
        .get(lower[i])
        ?.find(
          (t) =>
            lower.startsWith(t.phrase, i) &&
            (!t.latin || ((i === 0 || !WORD_CHAR.test(lower[i - 1])) && !WORD_CHAR.test(lower[i + t.phrase.length] ?? ''))),
        );
      if (hit) {
        out.push({ phrase: hit.phrase, weight: hit.weight, start: i, end: i + hit.phrase.length });
        i += hit.phrase.length;
      } else i++;
    }
    return out;
  }
}
