/**
 * zh / en / mixed from the script of the words, not from the channel: a Chinese customer on an
 * English-locale phone still writes Chinese. Spans that are names (brands, products, order and tracking
 * numbers) are left out, so "SK-II神仙水好用吗" is Chinese; the locale hint decides text with no words.
 */
import type { Entity, Language } from './types';

const NAME_TYPES = new Set(['brand', 'product', 'order_id', 'tracking_id', 'email', 'shade', 'category']);

export function detectLanguage(text: string, entities: Entity[] = [], locale?: string): Language {
  let stripped = text;
  for (const e of entities) if (NAME_TYPES.has(e.type)) stripped = stripped.slice(0, e.start) + ' '.repeat(e.end - e.start) + stripped.slice(e.end);
  const han = (stripped.match(/\p{Script=Han}/gu) ?? []).length;
  // English words of two letters or more; "ok", "hi" count, single letters (A/B, 3D) do not
  const words = (stripped.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !/^(ok|okay|app|pc|tv|vip|plus|id|qq)$/i.test(w) || han === 0);
  if (han === 0 && words.length === 0) return locale?.toLowerCase().startsWith('en') ? 'en' : 'zh';
  if (han === 0) return 'en';
  if (words.length === 0) return 'zh';
  // a sentence mostly in one language with one loanword stays that language
  const latinChars = words.join('').length;
  if (words.length >= 2 || latinChars >= 4) {
    return han <= 1 && words.length >= 3 ? 'en' : 'mixed';
  }
  return 'zh';
}
