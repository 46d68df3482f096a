/**
 * The package shapes of a product picture, one per kind of product (a cream jar, a serum's dropper
 * bottle, a lipstick, a cleanser tube …), drawn on a 360 × 240 canvas standing on the floor line (y 214).
 * Every shape takes only colours: names never reach these strings (the caller adds the escaped label).
 */
import type { Colours } from './palette';

export type Shape = 'jar' | 'dropper' | 'lipstick' | 'gloss' | 'tube' | 'pump' | 'bottle' | 'mist' | 'compact' | 'mascara' | 'sachet';

/** Which shape a category is drawn as: first match wins (卸妆水 is a bottle, 卸妆油 a pump). */
const BY_CATEGORY: [RegExp, Shape][] = [
  [/口红|唇膏|lipstick/i, 'lipstick'],
  [/唇釉|唇彩|唇蜜|gloss/i, 'gloss'],
  [/睫毛膏|眉笔|眼线|mascara|liner/i, 'mascara'],
  [/腮红|眼影|散粉|粉饼|高光|修容|blush|shadow|powder/i, 'compact'],
  [/喷雾|mist|spray/i, 'mist'],
  [/面膜|mask/i, 'sachet'],
  [/发膜|面霜|眼霜|霜|cream|balm/i, 'jar'],
  [/精华水|爽肤水|化妆水|卸妆水|toner|water/i, 'bottle'],
  [/精华|精油|安瓶|serum|oil|ampoule/i, 'dropper'],
  [/洁面|洗面|防晒|磨砂|cleanser|sunscreen|scrub/i, 'tube'],
  [/乳液|粉底|洗发|护发素|沐浴|身体乳|卸妆|lotion|foundation|shampoo|conditioner/i, 'pump'],
];

const BY_TOP_CATEGORY: Record<string, Shape> = { makeup: 'compact', haircare: 'pump', bodycare: 'pump', fragrance: 'mist' };

export function shapeFor(category: string, topCategory?: string): Shape {
  return BY_CATEGORY.find(([re]) => re.test(category))?.[1] ?? BY_TOP_CATEGORY[topCategory ?? ''] ?? 'bottle';
}

/** Colour families of shades (knowledge/types Shade.family) as the colour of a lipstick bullet or a blush pan. */
const SHADE_COLOURS: Record<string, string> = {
  red: '#c92a2a',
  pink: '#e64980',
  coral: '#ff6b6b',
  nude: '#d19a85',
  berry: '#862e9c',
  orange: '#f76707',
  brown: '#8d5b4c',
  plum: '#7b2c5a',
  peach: '#ffa07a',
};

export function shadeColour(family: string | undefined, fallback: string): string {
  return (family && SHADE_COLOURS[family]) || fallback;
}

/** A soft white band across a package: the label area and the light catching it. */
const shine = (x: number, y: number, h: number) => `<rect x="${x}" y="${y}" width="6" height="${h}" rx="3" fill="#fff" opacity=".35"/>`;

const DRAW: Record<Shape, (c: Colours, shade: string) => string> = {
  jar: (c) =>
    `<rect x="106" y="132" width="148" height="82" rx="16" fill="${c.main}"/>` +
    `<rect x="100" y="104" width="160" height="34" rx="10" fill="${c.light}"/>` +
    `<rect x="100" y="132" width="160" height="6" fill="${c.main}" opacity=".55"/>` +
    `<rect x="132" y="156" width="96" height="34" rx="6" fill="#fff" opacity=".9"/>` +
    shine(116, 146, 56),
  dropper: (c) =>
    `<rect x="168" y="28" width="24" height="46" rx="12" fill="#343a40"/>` +
    `<rect x="158" y="70" width="44" height="24" rx="5" fill="${c.light}"/>` +
    `<rect x="140" y="92" width="80" height="122" rx="18" fill="${c.main}" opacity=".92"/>` +
    `<rect x="152" y="136" width="56" height="44" rx="6" fill="#fff" opacity=".9"/>` +
    shine(148, 104, 96),
  lipstick: (c, shade) =>
    `<path d="M164 110 L164 66 L196 50 L196 110 Z" fill="${shade}"/>` +
    `<rect x="160" y="106" width="40" height="16" rx="2" fill="${c.light}"/>` +
    `<rect x="156" y="120" width="48" height="94" rx="5" fill="${c.main}"/>` +
    `<rect x="222" y="150" width="48" height="64" rx="5" fill="${c.main}" opacity=".85"/>` +
    shine(164, 128, 76),
  gloss: (c, shade) =>
    `<rect x="166" y="40" width="28" height="66" rx="5" fill="${c.main}"/>` +
    `<rect x="162" y="104" width="36" height="110" rx="8" fill="${shade}" opacity=".85"/>` +
    `<rect x="176" y="110" width="8" height="96" rx="4" fill="#fff" opacity=".45"/>`,
  tube: (c) =>
    `<rect x="134" y="40" width="92" height="16" rx="3" fill="${c.light}"/>` +
    `<path d="M136 56 L224 56 L204 184 L156 184 Z" fill="${c.main}"/>` +
    `<rect x="156" y="180" width="48" height="34" rx="8" fill="${c.light}"/>` +
    `<rect x="156" y="96" width="48" height="40" rx="5" fill="#fff" opacity=".9"/>` +
    shine(144, 64, 70),
  pump: (c) =>
    `<rect x="158" y="42" width="46" height="12" rx="4" fill="${c.light}"/>` +
    `<rect x="200" y="44" width="30" height="6" rx="3" fill="${c.light}"/>` +
    `<rect x="176" y="52" width="8" height="24" fill="${c.light}"/>` +
    `<rect x="164" y="72" width="32" height="22" rx="4" fill="${c.light}"/>` +
    `<rect x="136" y="92" width="88" height="122" rx="20" fill="${c.main}"/>` +
    `<rect x="150" y="130" width="60" height="46" rx="6" fill="#fff" opacity=".9"/>` +
    shine(146, 104, 96),
  bottle: (c) =>
    `<rect x="158" y="40" width="44" height="42" rx="6" fill="${c.light}"/>` +
    `<rect x="144" y="78" width="72" height="136" rx="14" fill="${c.main}" opacity=".88"/>` +
    `<rect x="154" y="126" width="52" height="44" rx="5" fill="#fff" opacity=".9"/>` +
    shine(152, 90, 110),
  mist: (c) =>
    `<circle cx="128" cy="52" r="3" fill="${c.light}"/><circle cx="138" cy="64" r="2.5" fill="${c.light}"/><circle cx="122" cy="70" r="2" fill="${c.light}"/>` +
    `<rect x="166" y="44" width="28" height="14" rx="4" fill="${c.light}"/>` +
    `<rect x="152" y="56" width="12" height="6" rx="2" fill="${c.light}"/>` +
    `<rect x="160" y="58" width="40" height="24" rx="5" fill="${c.light}"/>` +
    `<rect x="144" y="80" width="72" height="134" rx="16" fill="${c.main}" opacity=".88"/>` +
    `<rect x="154" y="126" width="52" height="44" rx="5" fill="#fff" opacity=".9"/>` +
    shine(152, 92, 108),
  compact: (c, shade) =>
    `<rect x="116" y="34" width="128" height="92" rx="20" fill="${c.main}"/>` +
    `<rect x="128" y="46" width="104" height="68" rx="14" fill="#e9ecef"/>` +
    `<rect x="136" y="52" width="30" height="56" rx="10" fill="#fff" opacity=".7"/>` +
    `<rect x="116" y="124" width="128" height="90" rx="20" fill="${c.main}"/>` +
    `<circle cx="180" cy="168" r="33" fill="${shade}"/>` +
    `<circle cx="170" cy="158" r="10" fill="#fff" opacity=".3"/>`,
  mascara: (c) =>
    `<rect x="168" y="40" width="26" height="92" rx="8" fill="#212529"/>` +
    `<rect x="168" y="128" width="26" height="86" rx="8" fill="${c.main}"/>` +
    `<rect x="176" y="136" width="6" height="70" rx="3" fill="#fff" opacity=".35"/>` +
    `<rect x="214" y="204" width="60" height="6" rx="3" fill="#495057"/>` +
    `<rect x="262" y="196" width="34" height="22" rx="9" fill="#212529"/>`,
  sachet: (c) =>
    `<rect x="116" y="40" width="128" height="174" rx="12" fill="${c.main}"/>` +
    `<rect x="116" y="40" width="128" height="16" rx="6" fill="${c.light}"/>` +
    `<ellipse cx="180" cy="128" rx="36" ry="44" fill="#fff" opacity=".85"/>` +
    `<circle cx="166" cy="118" r="5" fill="${c.main}" opacity=".5"/><circle cx="194" cy="118" r="5" fill="${c.main}" opacity=".5"/>` +
    `<rect x="170" y="144" width="20" height="5" rx="2.5" fill="${c.main}" opacity=".5"/>`,
};

export function drawShape(shape: Shape, colours: Colours, shade: string): string {
  return DRAW[shape](colours, shade);
}
