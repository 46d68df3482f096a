/**
 * The comparison in one sentence, for the top of its table: which is cheaper and by how much, then what
 * one offers that the other does not (another skin type, another concern, no fragrance) — at most three
 * points, so it reads at a glance on a phone. Where the table cannot be shown, the full text is sent.
 */
import type { Product } from '../../knowledge/types';
import { concernEn, skinTypeEn } from '../../knowledge/text/synonyms';
import { money } from './format';
import { ReplyLanguage, say } from './language';
import { CARD_TEXT } from './text';

const MAX_POINTS = 3;

/** A name short enough for a sentence: the nickname customers use (zh), else the title. */
function shortName(p: Product, lang: ReplyLanguage): string {
  if (lang === 'en') return p.titleEn ?? p.title;
  return p.nicknames?.[0] ?? p.title;
}

const missing = (mine: string[] | undefined, theirs: string[] | undefined): string[] => (mine ?? []).filter((v) => !(theirs ?? []).includes(v));

function inWords(values: string[], names: Record<string, string>, lang: ReplyLanguage): string {
  return lang === 'en' ? [...new Set(values.map((v) => names[v] ?? v))].join(', ') : values.join('、');
}

export function comparisonVerdict(a: Product, b: Product, lang: ReplyLanguage): string {
  const name = { a: shortName(a, lang), b: shortName(b, lang) };
  const points: string[] = [];
  if (a.price === b.price) points.push(say(lang, CARD_TEXT.samePrice(money(a.price))));
  else {
    const [cheap, dear] = a.price < b.price ? ([a, b] as const) : ([b, a] as const);
    points.push(say(lang, CARD_TEXT.cheaperBy(cheap === a ? name.a : name.b, money(dear.price - cheap.price))));
  }
  for (const [p, other, n] of [[a, b, name.a], [b, a, name.b]] as const) {
    const skins = missing(p.skinTypes, other.skinTypes).filter((s) => s !== '所有肤质');
    if (skins.length) points.push(say(lang, CARD_TEXT.alsoSuits(n, inWords(skins.slice(0, 2), skinTypeEn, lang))));
  }
  for (const [p, other, n] of [[a, b, name.a], [b, a, name.b]] as const) {
    const concerns = missing(p.concerns, other.concerns);
    if (concerns.length) points.push(say(lang, CARD_TEXT.moreFor(n, inWords(concerns.slice(0, 2), concernEn, lang))));
  }
  const scentless = (p: Product) => p.fragrance === '无香';
  if (scentless(a) !== scentless(b) && a.fragrance && b.fragrance) points.push(say(lang, CARD_TEXT.unscented(scentless(a) ? name.a : name.b)));
  return points.slice(0, MAX_POINTS).join(say(lang, CARD_TEXT.verdictJoin)) + say(lang, CARD_TEXT.verdictEnd);
}
