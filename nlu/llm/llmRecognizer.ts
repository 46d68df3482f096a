/**
 * Recognition by an OpenAI-compatible model (structured JSON output, same contract as the local result).
 * Used for low-confidence utterances or always (NLU_MODE=llm); any failure — timeout, network, bad JSON,
 * an intent outside the 21 — throws, and the caller falls back to the local result.
 */
import { z } from 'zod';
import type { LlmClient } from '../../platform/llmClient';
import { INTENTS, type NluResult } from '../types';

const intentEnum = z.enum(INTENTS);

const llmOutput = z.object({
  intent: intentEnum,
  confidence: z.number().min(0).max(1),
  alternatives: z.array(z.object({ intent: intentEnum, confidence: z.number().min(0).max(1) })).max(3),
  sentiment: z.object({ label: z.enum(['positive', 'neutral', 'negative']), score: z.number().min(0).max(1), anger: z.number().min(0).max(1) }),
  language: z.enum(['zh', 'en', 'mixed']),
});

export type LlmNlu = z.infer<typeof llmOutput>;

const confidence = { type: 'number', minimum: 0, maximum: 1 };

/** JSON schema sent as response_format (strict structured output). */
export const NLU_JSON_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['intent', 'confidence', 'alternatives', 'sentiment', 'language'],
  properties: {
    intent: { type: 'string', enum: [...INTENTS] },
    confidence,
    alternatives: {
      type: 'array',
      items: { type: 'object', additionalProperties: false, required: ['intent', 'confidence'], properties: { intent: { type: 'string', enum: [...INTENTS] }, confidence } },
    },
    sentiment: {
      type: 'object',
      additionalProperties: false,
      required: ['label', 'score', 'anger'],
      properties: { label: { type: 'string', enum: ['positive', 'neutral', 'negative'] }, score: confidence, anger: confidence },
    },
    language: { type: 'string', enum: ['zh', 'en', 'mixed'] },
  },
} as const;

const SYSTEM_PROMPT = `You classify one customer message sent to the customer service of an online beauty store (skincare, make-up, hair care; orders, couriers, invoices, refunds like any big e-commerce shop). Messages may be Chinese, English or mixed.
Return JSON only, with:
- intent: one of ${INTENTS.join(', ')}
  (product_info = facts about a product; recommendation = help choosing; comparison = compare products; promotion = discounts, coupons, gifts, points, newsletter; place_order = wants to buy; order_status = where is my order / shipping time / tracking; order_change = change address, phone, items or time of an existing order; order_cancel; payment; invoice; shipping_info = delivery policy, fees, regions, couriers; return_refund = return, exchange, refund, price protection; refund_status = where is my refund; quality_issue = damaged, leaking, expired, fake, allergy, wrong or missing item; complaint = about service, courier or staff, strong dissatisfaction; feedback = review, suggestion, praise; account = login, password, profile; human_agent = wants a person, service hours or contact; greeting; thanks_bye; other)
- confidence 0..1, alternatives: up to 3 next intents with confidence
- sentiment: label positive|neutral|negative, score 0..1, anger 0..1 (insults, threats to complain, repeated exclamation marks → high)
- language: zh, en or mixed`;

export class LlmRecognizer {
  constructor(
    private readonly llm: LlmClient,
    private readonly timeoutMs: number,
  ) {}

  async recognize(text: string, local: NluResult): Promise<NluResult> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    try {
      const completion = await this.llm.client.chat.completions.create(
        {
          model: this.llm.model,
          temperature: 0,
          messages: [
            { role: 'system', content: SYSTEM_PROMPT },
            { role: 'user', content: text },
          ],
          response_format: { type: 'json_schema', json_schema: { name: 'nlu_result', strict: true, schema: NLU_JSON_SCHEMA } },
        },
        { signal: controller.signal, timeout: this.timeoutMs },
      );
      const content = completion.choices[0]?.message?.content;
      if (!content) throw new Error('LLM returned no content');
      const parsed = llmOutput.parse(JSON.parse(content));
      // entities stay local: the recognizers resolve values (dates, money) the model would only guess
      return {
        intent: parsed.intent,
        confidence: parsed.confidence,
        alternatives: parsed.alternatives.filter((a) => a.intent !== parsed.intent).slice(0, 3),
        entities: local.entities,
        sentiment: { ...parsed.sentiment, anger: Math.max(parsed.sentiment.anger, local.sentiment.anger) },
        language: parsed.language,
      };
    } finally {
      clearTimeout(timer);
    }
  }
}
