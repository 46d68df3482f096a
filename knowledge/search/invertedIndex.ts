/**
 * A compact inverted index: term → sorted doc numbers. Built in one pass into a single Int32Array
 * (counting sort over (term, doc) pairs) so 230,000 products cost a few tens of MB; documents added
 * after the build go to a small per-term overflow list, so imports and edits show up without a rebuild.
 */

class IntBuffer {
  data: Int32Array;
  length = 0;
  constructor(capacity = 1 << 16) {
    this.data = new Int32Array(capacity);
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

export class InvertedIndex {
  private readonly termIds = new Map<string, number>();
  private terms: string[] = [];
  private offsets = new Int32Array(1);
  private postings = new Int32Array(0);
  private overflow = new Map<number, number[]>();
  private pairTerms: IntBuffer | undefined = new IntBuffer();
  private pairDocs: IntBuffer | undefined = new IntBuffer();

  get frozen(): boolean {
    return this.pairTerms === undefined;
  }

  termId(term: string): number | undefined {
    return this.termIds.get(term);
  }

  termCount(): number {
    return this.terms.length;
  }

  /** every term with a given prefix character class, e.g. ASCII words for typo correction */
  allTerms(): readonly string[] {
    return this.terms;
  }

  /** Adds a document's (deduplicated) terms. Doc numbers must increase. */
  add(doc: number, terms: Iterable<string>): void {
    for (const term of terms) {
      let id = this.termIds.get(term);
      if (id === undefined) {
        id = this.terms.length;
        this.termIds.set(term, id);
        this.terms.push(term);
      }
      if (this.pairTerms && this.pairDocs) {
        this.pairTerms.push(id);
        this.pairDocs.push(doc);
      } else {
        const list = this.overflow.get(id);
        if (list) list.push(doc);
        else this.overflow.set(id, [doc]);
      }
    }
  }

  /** Turns the build buffers into the packed postings; later adds go to the overflow lists. */
  freeze(): void {
    if (!this.pairTerms || !this.pairDocs) return;
    const n = this.terms.length;
    const counts = new Int32Array(n + 1);
    const pt = this.pairTerms.data;
    const pd = this.pairDocs.data;
    const len = this.pairTerms.length;
    for (let i = 0; i < len; i++) counts[pt[i]! + 1]!++;
    for (let i = 1; i <= n; i++) counts[i]! += counts[i - 1]!;
    const postings = new Int32Array(len);
    const cursor = counts.slice(0, n);
    for (let i = 0; i < len; i++) postings[cursor[pt[i]!]!++] = pd[i]!;
    this.offsets = counts;
    this.postings = postings;
    this.pairTerms = undefined;
    this.pairDocs = undefined;
  }

  /** number of documents holding the term (dead documents included; close enough for weighting) */
  df(id: number): number {
    const packed = id + 1 < this.offsets.length ? this.offsets[id + 1]! - this.offsets[id]! : 0;
    return packed + (this.overflow.get(id)?.length ?? 0);
  }

  /** Calls fn for every doc holding the term. */
  each(id: number, fn: (doc: number) => void): void {
    if (id + 1 < this.offsets.length) {
      const end = this.offsets[id + 1]!;
      for (let i = this.offsets[id]!; i < end; i++) fn(this.postings[i]!);
    }
    const extra = this.overflow.get(id);
    if (extra) for (const doc of extra) fn(doc);
  }

  /** packed postings range plus overflow, for hot loops that avoid a callback */
  range(id: number): { data: Int32Array; start: number; end: number; extra: number[] | undefined } {
    const has = id + 1 < this.offsets.length;
    return {
      data: this.postings,
      start: has ? this.offsets[id]! : 0,
      end: has ? this.offsets[id + 1]! : 0,
      extra: this.overflow.get(id),
    };
  }

  memoryBytes(): number {
    return this.postings.byteLength + this.offsets.byteLength;
  }
}
