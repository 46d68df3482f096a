/**
 * The demo store shipped with the product: brands, ~360 products (hand-written heroes and competitors plus
 * a seeded long tail from our templates) and 72 FAQ/policy entries. Loaded into an empty store at first
 * start through the same upsert path a merchant's import uses. Product ids are stable (sk-/mk-/hc-NNNN).
 */
import type { Brand, FaqEntry, Product } from '../types';
import { demoBrands } from './brands';
import { generateProducts, linkRelations } from './catalogGenerator';
import { demoFaqs } from './faqs';
import { heroHaircare, heroMakeup } from './heroMakeupHair';
import { heroSkincare } from './heroSkincare';

export interface DemoStore {
  brands: Brand[];
  products: Product[];
  faqs: FaqEntry[];
}

/** generated ids start here, after the hand-written ones */
export const GENERATED_FIRST_NUMBER = 101;

/** which of the store's brands make which kind of product (a hair brand sells no lipstick) */
const BRAND_RANGE: Record<'skincare' | 'makeup' | 'haircare', string[]> = {
  skincare: ['pureorigin', 'esteelauder', 'lancome', 'loreal', 'skii', 'shiseido', 'chando', 'proya', 'winona', 'olay', 'herborist', 'inoherb'],
  makeup: ['esteelauder', 'lancome', 'loreal', 'dior', 'mac', 'perfectdiary', 'florasis', 'shiseido'],
  haircare: ['kerastase', 'pantene', 'schwarzkopf', 'loreal'],
};

function brandsFor(top: keyof typeof BRAND_RANGE): Brand[] {
  return BRAND_RANGE[top].map((id) => demoBrands.find((b) => b._id === id)!);
}

export function demoStore(): DemoStore {
  const sk = generateProducts({ count: 150, seed: 11, brands: brandsFor('skincare'), firstNumber: GENERATED_FIRST_NUMBER, topCategories: ['skincare'] });
  const mk = generateProducts({ count: 90, seed: 22, brands: brandsFor('makeup'), firstNumber: GENERATED_FIRST_NUMBER, topCategories: ['makeup'] });
  const hc = generateProducts({ count: 60, seed: 33, brands: brandsFor('haircare'), firstNumber: GENERATED_FIRST_NUMBER, topCategories: ['haircare'] });
  // copies: relations are filled in below and the hand-written modules must stay as written
  const products = structuredClone([...heroSkincare, ...heroMakeup, ...heroHaircare]).concat(sk, mk, hc);
  linkRelations(products, 44);
  return { brands: demoBrands, products, faqs: demoFaqs };
}
