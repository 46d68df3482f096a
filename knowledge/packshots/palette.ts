/**
 * The colours of a product picture: the brand's own colour when the store knows it (the demo brands'
 * house colours, written here), otherwise one picked from a small palette by the brand id, so every
 * product of a brand looks like the same family on a card.
 */

/** Brand id → its package colour (hex). Brands not listed get a palette colour. */
const BRAND_COLOURS: Record<string, string> = {
  pureorigin: '#5f8d7a',
  esteelauder: '#3a2d6b',
  lancome: '#1f1f24',
  loreal: '#b8860b',
  skii: '#b0102a',
  shiseido: '#c8102e',
  chando: '#2f7d4f',
  proya: '#2358a6',
  winona: '#5b9bd5',
  olay: '#8b1538',
  herborist: '#5a7f2a',
  inoherb: '#6a9a3c',
  mac: '#141414',
  dior: '#4a4a52',
  perfectdiary: '#c2185b',
  florasis: '#8e2f3d',
  kerastase: '#22252b',
  pantene: '#c19a2e',
  schwarzkopf: '#1d3f8f',
  helena: '#17171c',
  skinceuticals: '#2a5d8f',
  kiehls: '#6b4f2d',
  lamer: '#3b6e8f',
  clarins: '#b0243a',
  armani: '#2b2b2b',
  chanel: '#0d0d0d',
  nars: '#101010',
  anessa: '#c99a1b',
  moroccanoil: '#1e7c8c',
};

const PALETTE = ['#d6336c', '#7048e8', '#1c7ed6', '#0ca678', '#f08c00', '#e8590c', '#ae3ec9', '#495057', '#2f9e44', '#c2255c'];

const HEX = /^#[0-9a-f]{6}$/i;

export interface Colours {
  /** the package: the brand colour */
  main: string;
  /** a lighter tone of it: caps, highlights */
  light: string;
  /** the background tint behind the product */
  tint: string;
  /** text drawn on the brand colour (white or near black, whichever reads) */
  onMain: string;
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

function channels(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex(rgb: number[]): string {
  return `#${rgb.map((v) => Math.round(Math.min(255, Math.max(0, v))).toString(16).padStart(2, '0')).join('')}`;
}

/** `hex` moved towards white by `amount` (0–1). */
function lighten(hex: string, amount: number): string {
  return toHex(channels(hex).map((v) => v + (255 - v) * amount));
}

function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The brand's colour: the known one, an explicit valid one, or a palette colour picked by the brand id. */
export function brandColour(brandId: string, explicit?: string): string {
  if (explicit && HEX.test(explicit)) return explicit.toLowerCase();
  return BRAND_COLOURS[brandId] ?? PALETTE[hash(brandId) % PALETTE.length];
}

export function coloursFor(main: string): Colours {
  return {
    main,
    light: lighten(main, 0.45),
    tint: lighten(main, 0.88),
    onMain: luminance(main) > 0.45 ? '#1f1f24' : '#ffffff',
  };
}
