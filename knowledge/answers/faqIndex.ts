/**
 * FAQ and policy retrieval. Each entry is matched on its question and every variant by weighted overlap
 * of jieba words, CJK bigrams and concepts (faqConcepts.ts; rare features weigh more); the best variant's
 * overlap is the confidence.
 */
import type { FaqEntry, Lang } from '../types';
import { asciiWords, cjkBigrams } from '../text/searchText';
import { normalizeForSearch } from '../../platform/text/normalize';
import { segmentForSearch } from '../text/searchWords';
import { conceptsIn } from './faqConcepts';

const FILLER = new Set('的 了 吗 呢 啊 我 你 们 是 请问 怎么 办 what how do i can you the a an is are my to of for'.split(' '));

export interface FaqHit {
  entry: FaqEntry;
  confidence: number;
}

const DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** 七天 → 7天, 十五天 → 15天: policies are written with digits, customers often type numerals */
function arabicDays(text: string): string {
  return text.replace(/([一二两三四五六七八九十]{1,3})(?=天|日|个工作日|个月)/g, (m) => {
    if (m.length === 1) return String(DIGITS[m] ?? m);
    if (m[0] === '十') return String(10 + (DIGITS[m[1]!] ?? 0));
    if (m[1] === '十') return String((DIGITS[m[0]!] ?? 0) * 10 + (m[2] ? (DIGITS[m[2]] ?? 0) : 0));
    return m;
  });
}

function features(text: string): Set<string> {
  const norm = arabicDays(normalizeForSearch(text));
  const out = new Set<string>();
  for (const t of segmentForSearch(norm)) if (!FILLER.has(t)) out.add(t);
  for (const w of asciiWords(norm)) if (!FILLER.has(w)) out.add(w);
  for (const g of cjkBigrams(norm)) out.add(`2:${g}`);
  for (const c of conceptsIn(norm)) out.add(c);
  return out;
}

export class FaqIndex {
  private entries = new Map<string, { entry: FaqEntry; forms: Set<string>[] }>();
  private df = new Map<string, number>();
  /** feature weights and each form's total weight, computed once after the entries change (search runs on every turn) */
  private weights = new Map<string, number>();
  private formWeights = new Map<Set<string>, number>();

  get size(): number {
    return this.entries.size;
  }

  all(): FaqEntry[] {
    return [...this.entries.values()].map((e) => e.entry);
  }

  get(id: string): FaqEntry | undefined {
    return this.entries.get(id)?.entry;
  }

  upsert(entry: FaqEntry): void {
    this.remove(entry._id);
    const forms = [entry.question, ...(entry.variants ?? [])].map(features);
    this.entries.set(entry._id, { entry, forms });
    for (const f of new Set(forms.flatMap((s) => [...s]))) this.df.set(f, (this.df.get(f) ?? 0) + 1);
    this.changed();
  }

  private changed(): void {
    this.weights.clear();
    this.formWeights.clear();
  }

  remove(id: string): void {
    const old = this.entries.get(id);
    if (!old) return;
    for (const f of new Set(old.forms.flatMap((s) => [...s]))) this.df.set(f, (this.df.get(f) ?? 1) - 1);
    this.entries.delete(id);
    this.changed();
  }

  private weight(f: string): number {
    let w = this.weights.get(f);
    if (w === undefined) {
      const n = Math.max(1, this.entries.size);
      // a concept (c:overseas) stands for what several words mean: it weighs like three words
      w = Math.log(1 + n / Math.max(1, this.df.get(f) ?? 0)) * (f.startsWith('2:') ? 0.6 : f.startsWith('c:') ? 3 : 1);
      // words only a question has are not remembered (the cache would grow with every message)
      if (this.df.has(f)) this.weights.set(f, w);
    }
    return w;
  }

  private formWeight(form: Set<string>): number {
    let total = this.formWeights.get(form);
    if (total === undefined) {
      total = 0;
      for (const f of form) total += this.weight(f);
      this.formWeights.set(form, total);
    }
    return total;
  }

  /** best entries for a question, in its language first; confidence 0..1 */
  search(question: string, lang: Lang, limit = 3): FaqHit[] {
    const q = features(question);
    if (!q.size) return [];
    const qWeight = [...q].reduce((s, f) => s + this.weight(f), 0);
    const hits: FaqHit[] = [];
    for (const { entry, forms } of this.entries.values()) {
      let best = 0;
      for (const form of forms) {
        let shared = 0;
        for (const f of q) if (form.has(f)) shared += this.weight(f);
        if (shared === 0) continue;
        // Dice overlap: both a long question and a long variant have to agree
        const dice = (2 * shared) / (qWeight + this.formWeight(form));
        if (dice > best) best = dice;
      }
      if (best > 0) hits.push({ entry, confidence: best * (entry.lang === lang ? 1.25 : 0.8) });
    }
    // ranked before the cap at 1, so an exact variant beats a question it merely contains
    return hits.sort((a, b) => b.confidence - a.confidence).slice(0, limit).map((h) => ({ ...h, confidence: Math.min(1, h.confidence) }));
  }
}
