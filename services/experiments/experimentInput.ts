/** What an admin may send to start an experiment, validated once here (the route and the service share it). */
import { z } from 'zod';
import { STRATEGIES, Strategy, VARIANT_NAMES } from './types';

const variant = z
  .object({
    name: z.string().min(1).max(32),
    weight: z.number().positive().max(1000).optional(),
  })
  .strict();

export const experimentInput = z
  .object({
    name: z.string().trim().min(1).max(120),
    strategy: z.enum(STRATEGIES as [Strategy, ...Strategy[]]),
    variants: z.array(variant).min(2).max(4),
    metric: z.literal('conversion').optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    const names = input.variants.map((v) => v.name);
    if (new Set(names).size !== names.length) ctx.addIssue({ code: 'custom', path: ['variants'], message: 'variant names must differ' });
    const allowed = VARIANT_NAMES[input.strategy];
    input.variants.forEach((v, i) => {
      if (!allowed.test(v.name)) {
        ctx.addIssue({ code: 'custom', path: ['variants', i, 'name'], message: `${input.strategy} takes variants named ${allowedText(input.strategy)}` });
      }
    });
  });

export type ExperimentInput = z.infer<typeof experimentInput>;

function allowedText(strategy: Strategy): string {
  switch (strategy) {
    case 'offerType':
      return 'coupon, gift or both';
    case 'discoveryOrder':
      return 'discoverFirst or recommendFirst';
    case 'reminderTiming':
      return 'days before the product runs out, e.g. 10d, 3d';
  }
}

/** The first problem as "path: message", for a 400. */
export function inputProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  const path = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : issue.path.join('.');
  return `${path || 'body'}: ${issue.message}`;
}
