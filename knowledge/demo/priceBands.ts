/**
 * What a product of each demo brand may cost, in CNY, per product type: the generator prices the long
 * tail inside these bands and a test holds every demo product to them, so the demo store never shows an
 * SK-II cream at ¥74 or a drugstore hair oil at ¥338. Bands are our own estimates of each brand's list
 * prices on Chinese flagship stores for the sizes the demo catalogue sells (anchors: a luxury 50ml serum
 * ≈ ¥1000, a luxury lipstick ≈ ¥350, a supermarket 400ml shampoo ≈ ¥50).
 */

/** luxury houses price 10–30× a supermarket brand for the same kind of product */
export type PriceTier = 'ultra' | 'luxury' | 'premium' | 'masstige' | 'mass';

export const BRAND_TIER: Record<string, PriceTier> = {
  // the top of the market: a cream costs thousands
  lamer: 'ultra', helena: 'ultra',
  // department-store counters
  skii: 'luxury', esteelauder: 'luxury', lancome: 'luxury', dior: 'luxury', chanel: 'luxury', armani: 'luxury', shiseido: 'luxury',
  clarins: 'luxury', skinceuticals: 'luxury', kerastase: 'luxury',
  // specialist and make-up artist brands
  kiehls: 'premium', mac: 'premium', nars: 'premium', moroccanoil: 'premium', anessa: 'premium',
  // pharmacy, upper supermarket and the newer Chinese brands; our house label prices itself here too
  loreal: 'masstige', olay: 'masstige', proya: 'masstige', winona: 'masstige', florasis: 'masstige', pureorigin: 'masstige',
  // supermarket shelves and budget online brands
  chando: 'mass', herborist: 'mass', inoherb: 'mass', pantene: 'mass', schwarzkopf: 'mass', perfectdiary: 'mass',
};

type Band = [number, number];

/** [lowest, highest] list price of one unit, per product type and tier. */
export const PRICE_BANDS: Record<string, Partial<Record<PriceTier, Band>>> = {
  洁面: { ultra: [390, 790], luxury: [220, 620], premium: [150, 380], masstige: [39, 199], mass: [25, 129] },
  爽肤水: { ultra: [490, 1290], luxury: [280, 990], premium: [200, 560], masstige: [69, 399], mass: [39, 199] },
  精华水: { ultra: [590, 2290], luxury: [390, 1890], premium: [260, 690], masstige: [99, 459], mass: [59, 259] },
  乳液: { ultra: [590, 1490], luxury: [360, 990], premium: [220, 520], masstige: [69, 359], mass: [39, 199] },
  精华: { ultra: [890, 4990], luxury: [520, 2290], premium: [280, 890], masstige: [99, 599], mass: [49, 299] },
  面霜: { ultra: [990, 6990], luxury: [520, 3590], premium: [220, 990], masstige: [89, 599], mass: [39, 299] },
  眼霜: { ultra: [690, 3990], luxury: [390, 1690], premium: [220, 690], masstige: [99, 459], mass: [49, 229] },
  面膜: { ultra: [590, 1690], luxury: [290, 1090], premium: [180, 520], masstige: [49, 299], mass: [19, 149] },
  防晒: { ultra: [390, 890], luxury: [320, 690], premium: [150, 459], masstige: [69, 299], mass: [39, 169] },
  卸妆: { ultra: [390, 790], luxury: [260, 590], premium: [160, 420], masstige: [39, 199], mass: [29, 129] },
  粉底液: { luxury: [390, 790], premium: [290, 520], masstige: [129, 359], mass: [59, 199] },
  口红: { luxury: [290, 460], premium: [170, 290], masstige: [99, 299], mass: [39, 129] },
  唇釉: { luxury: [260, 420], premium: [170, 280], masstige: [89, 259], mass: [39, 119] },
  腮红: { luxury: [320, 560], premium: [200, 340], masstige: [99, 259], mass: [39, 129] },
  眼影: { luxury: [420, 890], premium: [180, 690], masstige: [129, 399], mass: [59, 199] },
  睫毛膏: { luxury: [260, 380], premium: [180, 280], masstige: [89, 199], mass: [39, 129] },
  散粉: { luxury: [390, 650], premium: [230, 420], masstige: [99, 299], mass: [49, 159] },
  定妆喷雾: { luxury: [320, 520], premium: [150, 320], masstige: [79, 229], mass: [39, 129] },
  洗发水: { luxury: [280, 690], premium: [220, 420], masstige: [39, 159], mass: [25, 109] },
  护发素: { luxury: [300, 590], premium: [220, 420], masstige: [39, 159], mass: [25, 109] },
  发膜: { luxury: [360, 690], premium: [260, 520], masstige: [49, 199], mass: [25, 129] },
  护发精油: { luxury: [320, 560], premium: [260, 520], masstige: [79, 229], mass: [39, 149] },
};

/** The band a brand's product of this type must be priced in; undefined for brands without a tier (benchmark brands). */
export function priceBand(brandId: string, category: string): Band | undefined {
  const tier = BRAND_TIER[brandId];
  return tier ? PRICE_BANDS[category]?.[tier] : undefined;
}

/** A shelf price: ¥59, ¥129, ¥1080 — shops end prices in 9 or round tens, never ¥1407. */
export function shelfPrice(raw: number, [lo, hi]: Band): number {
  const rounded = raw < 1000 ? Math.round(raw / 10) * 10 - 1 : Math.round(raw / 10) * 10;
  return Math.min(hi, Math.max(lo, rounded));
}
