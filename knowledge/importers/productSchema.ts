/**
 * Validation of products, brands and FAQ entries coming from imports and edits: every record is checked
 * before anything is written, and a bad one is reported with the reason instead of half-stored.
 */
import { z } from 'zod';

const id = z
  .string()
  .trim()
  .min(1, 'id is empty')
  .max(80, 'id is longer than 80 characters')
  .regex(/^[^$.\s][^$\s]*$/, 'id must not contain spaces, "$" or start with "."');
const text = z.string().trim().min(1);
const strList = z.array(text).optional();

export const topCategorySchema = z.enum(['skincare', 'makeup', 'haircare', 'bodycare', 'fragrance', 'tools', 'other']);

export const productSchema = z.object({
  _id: id,
  brandId: id,
  brand: text,
  line: text.optional(),
  category: text,
  topCategory: topCategorySchema,
  title: text.max(300, 'title is longer than 300 characters'),
  titleEn: text.optional(),
  nicknames: strList,
  price: z.number({ invalid_type_error: 'price must be a number' }).finite().positive('price must be above 0').max(1e6, 'price is above 1,000,000'),
  sizes: strList,
  shades: z.array(z.object({ code: text, name: text, family: text, undertone: z.enum(['warm', 'cool', 'neutral']).optional() })).optional(),
  ingredients: z
    .array(z.object({ name: text, nameEn: text.optional(), concentration: z.number().min(0).max(100, 'concentration must be a percent (0-100)').optional() }))
    .optional(),
  concerns: strList,
  skinTypes: strList,
  usage: text.optional(),
  texture: text.optional(),
  fragrance: text.optional(),
  shelfLifeMonths: z.number().int().positive().max(240).optional(),
  paoMonths: z.number().int().positive().max(120).optional(),
  consumptionDays: z.number().int().positive().max(3650).optional(),
  stock: z.number().int('stock must be a whole number').min(0, 'stock must not be negative'),
  sales: z.number().int().min(0).optional(),
  rating: z.number().min(0).max(5).optional(),
  competitor: z.boolean().optional(),
  relations: z
    .object({ comparable: z.array(id).optional(), matchingShade: z.array(id).optional(), bundle: z.array(id).optional(), upsell: z.array(id).optional() })
    .optional(),
  source: z.string().optional(),
  updatedAt: z.string().optional(),
});

export const brandSchema = z.object({
  _id: id,
  name: text,
  nameEn: text.optional(),
  aliases: z.array(text).default([]),
  own: z.boolean().default(true),
  country: text.optional(),
  updatedAt: z.string().optional(),
});

export const faqSchema = z.object({
  _id: id,
  topic: text,
  lang: z.enum(['zh', 'en']),
  question: text,
  variants: strList,
  answer: text,
  updatedAt: z.string().optional(),
});

/** the first problem of a zod error, as one line naming the field */
export function firstIssue(err: z.ZodError): string {
  const issue = err.issues[0]!;
  const field = issue.path.join('.');
  return field ? `${field}: ${issue.message}` : issue.message;
}
