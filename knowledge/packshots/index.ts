/**
 * Product pictures the store draws itself: an SVG "packshot" per product — the package its category
 * comes in (cream jar, serum dropper, lipstick, cleanser tube …) in the brand's colour, the shade's colour
 * for lipsticks and blushes, and the brand's name on a label chip. No photo is fetched from anywhere; the
 * bot serves these from its own origin. Every name is XML-escaped: the picture is safe to open directly.
 */
import type { Product } from '../types';
import { brandColour, coloursFor } from './palette';
import { drawShape, shadeColour, shapeFor } from './shapes';

export { brandColour } from './palette';
export { shapeFor } from './shapes';
export type { Shape } from './shapes';

/** Where the bot serves product pictures (server/productImages.ts); cards reference them by this path. */
export const PRODUCT_IMAGE_PREFIX = '/images/products/';

/** The path of a product's picture on this bot, relative to its origin. */
export function productImagePath(productId: string): string {
  return `${PRODUCT_IMAGE_PREFIX}${encodeURIComponent(productId)}.svg`;
}

export const PACKSHOT_WIDTH = 360;
export const PACKSHOT_HEIGHT = 240;
const MAX_LABEL_CHARS = 10;

/** Text as XML character data or an attribute value. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** Control characters are not allowed in XML 1.0 even escaped: they are dropped. */
function clean(text: string, max: number): string {
  const chars = Array.from(text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').trim());
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

const LABEL_PX = 18;

/** Rough width of a label in px: CJK characters are square, the rest about 0.6 as wide. */
function labelWidth(text: string): number {
  return Array.from(text).reduce((w, ch) => w + (/[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? LABEL_PX : LABEL_PX * 0.6), 0);
}

export type PackshotProduct = Pick<Product, '_id' | 'brandId' | 'brand' | 'title' | 'category' | 'topCategory'> & Partial<Pick<Product, 'shades' | 'titleEn'>>;

export interface PackshotOptions {
  /** the brand's colour (#rrggbb) when the catalogue gives one; else the known or a palette colour */
  colour?: string;
}

/** The product's picture as a standalone SVG document (360 × 240). */
export function productPackshot(p: PackshotProduct, options: PackshotOptions = {}): string {
  const colours = coloursFor(brandColour(p.brandId, options.colour));
  const shade = shadeColour(p.shades?.[0]?.family, colours.light);
  const shape = shapeFor(p.category, p.topCategory);
  const brand = clean(p.brand, MAX_LABEL_CHARS);
  const title = escapeXml(clean(`${p.brand} ${p.title}`, 120));
  const chipWidth = Math.ceil(labelWidth(brand) + 28);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${PACKSHOT_WIDTH}" height="${PACKSHOT_HEIGHT}" viewBox="0 0 ${PACKSHOT_WIDTH} ${PACKSHOT_HEIGHT}" role="img" aria-label="${title}">`,
    `<title>${title}</title>`,
    `<defs><linearGradient id="bg" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${colours.tint}"/><stop offset="1" stop-color="#ffffff"/></linearGradient></defs>`,
    `<rect width="${PACKSHOT_WIDTH}" height="${PACKSHOT_HEIGHT}" fill="url(#bg)"/>`,
    `<ellipse cx="196" cy="216" rx="100" ry="9" fill="#000" opacity=".08"/>`,
    // drawn for the canvas's centre; a little larger reads better at card size, a little right clears the label
    `<g transform="translate(196 214) scale(1.08) translate(-180 -214)">${drawShape(shape, colours, shade)}</g>`,
    brand
      ? `<rect x="12" y="12" width="${chipWidth}" height="32" rx="16" fill="${colours.main}"/>` +
        `<text x="${12 + chipWidth / 2}" y="34" text-anchor="middle" font-family="'PingFang SC','Microsoft YaHei','WenQuanYi Micro Hei','Noto Sans CJK SC',sans-serif" font-size="${LABEL_PX}" fill="${colours.onMain}">${escapeXml(brand)}</text>`
      : '',
    '</svg>',
  ].join('');
}
