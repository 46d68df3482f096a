/**
 * Names the knowledge base knows: brand aliases (雅诗兰黛 / Estée Lauder / EL) and product nicknames
 * (小棕瓶, DW). Kept in sync with the catalogue; the segmenter learns every Chinese name as a word.
 */
import type { Brand, Product } from '../types';
import { editDistance } from '../text/searchText';
import { normalizeForSearch } from '../../platform/text/normalize';
import { addSearchWords } from '../text/searchWords';

export class Lexicon {
  readonly brands = new Map<string, Brand>();
  private readonly brandAlias = new Map<string, string>();
  private readonly nicknames = new Map<string, Set<string>>();
  /** aliases written with a space ("estee lauder"), matched as phrases before segmentation */
  private phraseList: string[] = [];

  addBrand(brand: Brand): void {
    this.brands.set(brand._id, brand);
    const names = [brand.name, brand.nameEn ?? '', ...brand.aliases].filter(Boolean);
    for (const name of names) {
      const key = normalizeForSearch(name).trim();
      if (!key) continue;
      // short Latin aliases (EL, CD, PD) are ambiguous inside words; they still match as whole tokens
      if (!this.brandAlias.has(key)) this.brandAlias.set(key, brand._id);
      const squashed = key.replace(/[\s'’.-]/g, '');
      if (squashed !== key && !this.brandAlias.has(squashed)) this.brandAlias.set(squashed, brand._id);
      if (/\s/.test(key)) this.phraseList.push(key);
    }
    this.phraseList.sort((a, b) => b.length - a.length);
    addSearchWords(names);
  }

  addProduct(p: Product): void {
    if (p.shades?.length) addSearchWords(p.shades.map((s) => s.name));
    if (p.line) addSearchWords([p.line]);
    if (!p.nicknames?.length) return;
    for (const nick of p.nicknames) {
      const key = normalizeForSearch(nick).trim();
      if (!key) continue;
      const ids = this.nicknames.get(key) ?? new Set<string>();
      ids.add(p._id);
      this.nicknames.set(key, ids);
    }
    addSearchWords(p.nicknames);
  }

  brandOf(token: string): string | undefined {
    return this.brandAlias.get(token);
  }

  /** brand for a mistyped Latin name (lancme → lancome), edit distance 1 (2 for long names) */
  brandByTypo(token: string): string | undefined {
    if (token.length < 4 || !/^[a-z'-]+$/.test(token)) return undefined;
    const max = token.length >= 8 ? 2 : 1;
    let best: string | undefined;
    let bestD = max + 1;
    for (const [alias, id] of this.brandAlias) {
      if (alias.length < 4 || !/^[a-z]/.test(alias)) continue;
      const d = editDistance(token, alias, max);
      if (d < bestD) [best, bestD] = [id, d];
    }
    return best;
  }

  phrases(): readonly string[] {
    return this.phraseList;
  }

  nicknameIds(key: string): Set<string> | undefined {
    return this.nicknames.get(key);
  }

  /** every nickname found inside a normalised text, longest first */
  nicknamesIn(normalized: string): { key: string; ids: Set<string> }[] {
    const found: { key: string; ids: Set<string> }[] = [];
    for (const [key, ids] of this.nicknames) {
      if (key.length < 2) continue;
      const at = normalized.indexOf(key);
      if (at < 0) continue;
      // a Latin nickname must stand alone (DW, not "dwell")
      if (/^[a-z0-9+]+$/.test(key) && (/[a-z0-9]/.test(normalized[at - 1] ?? '') || /[a-z0-9]/.test(normalized[at + key.length] ?? ''))) continue;
      found.push({ key, ids });
    }
    return found.sort((a, b) => b.key.length - a.key.length);
  }

  /** brands named anywhere in a normalised text (aliases of 2+ characters) */
  brandsIn(normalized: string): string[] {
    const ids = new Set<string>();
    for (const [alias, id] of this.brandAlias) {
      if (alias.length < 2) continue;
      const at = normalized.indexOf(alias);
      if (at < 0) continue;
      if (/^[a-z0-9]/.test(alias) && /[a-z0-9]/.test(normalized[at - 1] ?? '')) continue;
      if (/[a-z0-9]$/.test(alias) && /[a-z0-9]/.test(normalized[at + alias.length] ?? '')) continue;
      ids.add(id);
    }
    return [...ids];
  }

  allNicknames(): Map<string, Set<string>> {
    return this.nicknames;
  }
}
