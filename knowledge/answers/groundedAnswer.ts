/**
 * Retrieval-augmented answers from the optional OpenAI-compatible model: the model sees only the products
 * and FAQ entries retrieval found, must cite their ids, and must say when the context does not answer.
 * Any failure returns undefined so the caller falls back to the local answer.
 */
import type { LlmClient } from '../../platform/llmClient';
import type { Logger } from '../../platform/logger';
import type { Answer, FaqEntry, Lang, Product } from '../types';

export interface RetrievedContext {
  products: Product[];
  faqs: FaqEntry[];
}

export function contextLines(ctx: RetrievedContext): string[] {
  const lines: string[] = [];
  for (const p of ctx.products) {
    const facts = [
      `${p.title}`,
      `brand ${p.brand}`,
      `type ${p.category}`,
      `price ¥${p.price}`,
      p.sizes?.length ? `sizes ${p.sizes.join('/')}` : '',
      p.ingredients?.length ? `ingredients ${p.ingredients.map((i) => (i.concentration !== undefined ? `${i.name} ${i.concentration}%` : i.name)).join(', ')}` : '',
      p.concerns?.length ? `benefits ${p.concerns.join(', ')}` : '',
      p.skinTypes?.length ? `skin types ${p.skinTypes.join(', ')}` : '',
      p.texture ? `texture ${p.texture}` : '',
      p.paoMonths !== undefined ? `use within ${p.paoMonths} months of opening` : '',
      p.usage ? `usage ${p.usage}` : '',
      p.competitor ? 'not sold in our store (competitor, for comparison)' : `stock ${p.stock}`,
    ].filter(Boolean);
    lines.push(`[${p._id}] ${facts.join('; ')}`);
  }
  for (const f of ctx.faqs) lines.push(`[${f._id}] Q: ${f.question} A: ${f.answer}`);
  return lines;
}

export async function groundedAnswer(
  llm: LlmClient,
  question: string,
  lang: Lang,
  ctx: RetrievedContext,
  logger: Logger,
): Promise<Answer | undefined> {
  const ids = [...ctx.products.map((p) => p._id), ...ctx.faqs.map((f) => f._id)];
  const system = [
    'You are the customer-service assistant of a beauty store.',
    'Answer ONLY from the context lines below. Cite the id in square brackets, e.g. [sk-0001], after each fact you use.',
    'If the context does not contain the answer, reply exactly NOT_IN_CONTEXT.',
    'Never invent prices, concentrations, dates or policies.',
    `Reply in ${lang === 'zh' ? 'Simplified Chinese' : 'English'}, in at most 4 sentences.`,
    '',
    'Context:',
    ...contextLines(ctx),
  ].join('\n');
  try {
    const res = await llm.client.chat.completions.create({
      model: llm.model,
      temperature: 0,
      messages: [
        { role: 'system', content: system },
        { role: 'user', content: question },
      ],
    });
    const text = res.choices[0]?.message?.content?.trim() ?? '';
    if (!text || text.includes('NOT_IN_CONTEXT')) return undefined;
    const cited = ids.filter((id) => text.includes(`[${id}]`));
    return { answer: text, sources: cited.length ? cited : ids, confidence: cited.length ? 0.7 : 0.5, found: true };
  } catch (err) {
    logger.warn({ err: (err as Error).message }, 'knowledge: LLM answer failed, using the local answer');
    return undefined;
  }
}
