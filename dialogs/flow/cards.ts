/**
 * Channel-neutral rich replies: product hero cards, comparison tables as adaptive cards (with a plain
 * text fallback in the activity text), and suggested actions for choices. Adapters render these for
 * their channel (WeChat news, Telegram keyboards …) or fall back to the text.
 *
 * Checkout links: `cartUrl()` builds `<base>?add=<productId>`; the base is DEFAULT_CART_BASE
 * (https://shop.example/cart) unless the shopping area is built with another `cartBase`.
 */
import { ActionTypes, Activity, Attachment, CardAction, CardFactory, MessageFactory } from 'botbuilder';
import type { Comparison, Product } from '../../knowledge/types';
import { ReplyLanguage, say } from './language';
import { money } from './format';
import { CARD_TEXT } from './text';
import { withCardLead } from './cardLead';
import { productImagePath } from '../../knowledge/packshots';

export const DEFAULT_CART_BASE = 'https://shop.example/cart';

export function cartUrl(productId: string, base: string = DEFAULT_CART_BASE): string {
  return `${base}?add=${encodeURIComponent(productId)}`;
}

export function productName(p: Product, lang: ReplyLanguage): string {
  // English titles carry the brand's English name; Chinese titles are checked for the brand
  if (lang === 'en' && p.titleEn) return p.titleEn;
  return p.title.includes(p.brand) ? p.title : `${p.brand} ${p.title}`;
}

export interface HeroOptions {
  /** the claim that matters for this customer, e.g. 抗老 · 玻色因 10% */
  claim?: string;
  /** why it fits this customer */
  why?: string;
  /** extra buttons (imBack) shown before the add-to-cart link */
  actions?: string[];
  cartBase?: string;
}

/** A product as a hero card: name, price, claim, why it fits, add to cart. */
export function productHeroCard(p: Product, lang: ReplyLanguage, options: HeroOptions = {}): Attachment {
  const lines = [options.claim, options.why].filter((l): l is string => Boolean(l));
  const buttons: CardAction[] = [
    ...(options.actions ?? []).map((a) => ({ type: ActionTypes.ImBack, title: a, value: a })),
    { type: ActionTypes.OpenUrl, title: say(lang, CARD_TEXT.addToCart), value: cartUrl(p._id, options.cartBase) },
  ];
  // the store's own picture of the product, on the bot's origin: channels that show pictures resolve it
  const images = [{ url: productImagePath(p._id), alt: productName(p, lang) }];
  return CardFactory.heroCard(productName(p, lang), lines.join('\n'), images, buttons, {
    subtitle: `${money(p.price)}${p.sizes?.[0] ? ` / ${p.sizes[0]}` : ''}`,
  });
}

/** A text version of a product card, for the activity text (channels without cards read it). */
export function productLine(p: Product, lang: ReplyLanguage, options: HeroOptions = {}): string {
  const extra = [options.claim, options.why].filter(Boolean).join(say(lang, CARD_TEXT.claimSeparator));
  return `${productName(p, lang)} ${money(p.price)}${extra ? ` — ${extra}` : ''}`;
}

/** Several product cards as a carousel, with the text fallback; `lead`: the text where the cards are shown. */
export function productCarousel(text: string, cards: Attachment[], lead?: string): Partial<Activity> {
  const activity = MessageFactory.carousel(cards, text);
  return lead ? withCardLead(activity, lead) : activity;
}

/** A comparison as an adaptive card table (one row per attribute). */
export function comparisonCard(c: Comparison, lang: ReplyLanguage): Attachment {
  const cell = (text: string, weight?: 'Bolder') => ({ type: 'Column', width: 'stretch', items: [{ type: 'TextBlock', text, wrap: true, ...(weight ? { weight } : {}) }] });
  const row = (label: string, a: string, b: string, header = false) => ({
    type: 'ColumnSet',
    separator: !header,
    columns: [cell(label, 'Bolder'), cell(a, header ? 'Bolder' : undefined), cell(b, header ? 'Bolder' : undefined)],
  });
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.3',
    speak: comparisonText(c, lang),
    body: [
      { type: 'TextBlock', text: say(lang, CARD_TEXT.comparisonTitle), weight: 'Bolder', size: 'Medium' },
      row('', `${c.a.brand} ${c.a.title}`, `${c.b.brand} ${c.b.title}`, true),
      ...c.rows.map((r) => row(r.label, r.a || '—', r.b || '—')),
    ],
  });
}

/** The comparison as text lines: the fallback for channels without adaptive cards. */
export function comparisonText(c: Comparison, lang: ReplyLanguage): string {
  const head = say(lang, CARD_TEXT.comparisonHead(`${c.a.brand} ${c.a.title}`, `${c.b.brand} ${c.b.title}`));
  const rows = c.rows.map((r) => `${r.label}: ${r.a || '—'} | ${r.b || '—'}`);
  return [head, ...rows].join('\n');
}
