/**
 * Products, brands, categories, shades, skin types and concerns by dictionary lookup. The names come from
 * the knowledge base's Vocabulary (passed to createRecognizer); until one is passed, a small list of our
 * own (nlu/data/defaultVocabulary.json) is used. Longest match wins; Latin names must stand as words.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Vocabulary } from '../../knowledge/types';
import type { Entity } from '../types';
import { NAME_ALIASES } from './aliases';

export interface Term {
  name: string;
  type: string;
  value: string;
  latin: boolean;
}

const KINDS: [keyof Vocabulary, string][] = [
  ['brands', 'brand'],
  ['products', 'product'],
  ['categories', 'category'],
  ['concerns', 'concern'],
  ['skinTypes', 'skin_type'],
  ['shades', 'shade'],
];

export function loadDefaultVocabulary(): Vocabulary {
  return JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'data', 'defaultVocabulary.json'), 'utf8')) as Vocabulary;
}

const WORD_CHAR = /[a-z0-9]/;

export class Gazetteer {
  /** first character (lower case) → terms starting with it, longest first */
  private readonly byFirst = new Map<string, Term[]>();
  /** name → term; the first kind to claim a name keeps it */
  private readonly exact = new Map<string, Term>();

  constructor(vocabulary: Vocabulary) {
    for (const [key, type] of KINDS) {
      for (const item of vocabulary[key] ?? []) {
        const value = 'id' in item ? item.id : item.value;
        for (const raw of item.names) {
          const name = raw.trim().toLowerCase();
          // one- or two-letter Latin names and one-character Chinese names would match almost anywhere
          if (!name || (/^[a-z0-9]{1,2}$/.test(name) && type !== 'shade') || (name.length === 1 && type !== 'shade')) continue;
          this.add(name, type, value);
        }
      }
    }
    this.addAliases();
    for (const list of this.byFirst.values()) list.sort((a, b) => b.name.length - a.name.length);
  }

  private add(name: string, type: string, value: string): void {
    if (this.exact.has(name)) return;
    const term = { name, type, value, latin: /^[a-z0-9]/.test(name) };
    this.exact.set(name, term);
    const list = this.byFirst.get(name[0]) ?? [];
    list.push(term);
    this.byFirst.set(name[0], list);
  }

  /** colloquial names and misspellings (aliases.ts), and English plurals of category names */
  private addAliases(): void {
    for (const [aliases, means] of NAME_ALIASES) {
      const target = means.map((m) => this.exact.get(m.toLowerCase())).find(Boolean);
      if (target) for (const alias of aliases) this.add(alias.toLowerCase(), target.type, target.value);
    }
    for (const term of [...this.exact.values()]) {
      if (term.type !== 'category' || !/^[a-z ]+[^s]$/.test(term.name)) continue;
      this.add(/(sh|ch|x)$/.test(term.name) ? `${term.name}es` : `${term.name}s`, term.type, term.value);
    }
  }

  /** The term written exactly so (lower case), if any. */
  lookup(name: string): Term | undefined {
    return this.exact.get(name.toLowerCase());
  }

  /** The value of the first of `names` that the vocabulary knows as a `type` (names in any vocabulary's wording). */
  resolve(type: string, names: readonly string[]): string | undefined {
    for (const n of names) {
      const t = this.exact.get(n.toLowerCase());
      if (t?.type === type) return t.value;
    }
    return undefined;
  }

  /** Every term (for indexes built over the names, e.g. typo-tolerant matching). */
  terms(): Term[] {
    return [...this.exact.values()];
  }

  /** All names (for the segmenter's dictionary). */
  names(): string[] {
    return [...this.byFirst.values()].flat().map((t) => t.name);
  }

  recognize(text: string): Entity[] {
    const lower = text.toLowerCase();
    const out: Entity[] = [];
    let i = 0;
    while (i < lower.length) {
      const candidates = this.byFirst.get(lower[i]);
      const hit = candidates?.find(
        (t) =>
          lower.startsWith(t.name, i) &&
          (!t.latin || ((i === 0 || !WORD_CHAR.test(lower[i - 1])) && !WORD_CHAR.test(lower[i + t.name.length] ?? ''))),
      );
      if (hit) {
        out.push({ type: hit.type, text: text.slice(i, i + hit.name.length), value: hit.value, start: i, end: i + hit.name.length });
        i += hit.name.length;
      } else i++;
    }
    return out;
  }
}
