/**
 * Recognition by an OpenAI-compatible model through one forced tool call (function calling): the tool's
 * parameters are a JSON schema (frameTool.ts) holding the intent, sentiment, language and the frame.
 * Used for low-confidence utterances or always (NLU_MODE=llm). The intent part is checked strictly —
 * any failure (timeout, network, no tool call, bad JSON, an intent outside the 21) throws and the caller
 * keeps the local result; the frame is checked slot by slot and merged into the local frame (frameMerge.ts).
 */
import { z } from 'zod';
import type { LlmClient } from '../../platform/llmClient';
import { emptyFrame, INTENTS, type NluResult } from '../types';
import type { FrameVocabulary } from '../frame/frameVocabulary';
import { mergeFrames } from './frameMerge';
import { FRAME_TOOL_CHOICE, FRAME_TOOL_NAME, frameTool } from './frameTool';

const intentEnum = z.enum(INTENTS);
const unit = z.number().min(0).max(1);

const llmOutput = z.object({
  intent: intentEnum,
  confidence: unit,
  alternatives: z.array(z.object({ intent: intentEnum, confidence: unit })).max(5),
  sentiment: z.object({ label: z.enum(['positive', 'neutral', 'negative']), score: unit, anger: unit }),
  language: z.enum(['zh', 'en', 'mixed']),
  frame: z.unknown().optional(),
});

export type LlmNlu = z.infer<typeof llmOutput>;

const SYSTEM_PROMPT = `You read one customer message sent to the customer service of an online beauty store (skincare, make-up, hair care; orders, couriers, invoices, refunds like any big e-commerce shop). Messages may be Chinese, English or mixed, colloquial, with typos. Call ${FRAME_TOOL_NAME} once with:
- intent: one of ${INTENTS.join(', ')}
  (product_info = facts about a product; recommendation = help choosing; comparison = compare products; promotion = discounts, coupons, gifts, points, newsletter; place_order = wants to buy; order_status = where is my order / shipping time / tracking; order_change = change address, phone, items or time of an existing order; order_cancel; payment; invoice; shipping_info = delivery policy, fees, regions, couriers; return_refund = return, exchange, refund, price protection; refund_status = where is my refund; quality_issue = damaged, leaking, expired, fake, allergy, wrong or missing item; complaint = about service, courier or staff, strong dissatisfaction; feedback = review, suggestion, praise; account = login, password, profile; human_agent = wants a person, service hours or contact; greeting; thanks_bye; other)
- confidence 0..1, alternatives: up to 3 next intents with confidence
- sentiment: label, score 0..1, anger 0..1 (insults, threats to complain, repeated exclamation marks → high)
- language: zh, en or mixed
- frame: only what this message itself says (empty list, false or null for anything not said; never guess). Budget in CNY. Ingredients as the customer names them (烟酰胺, retinol, alcohol, 香精). An ingredient only asked about ("can I use retinol while pregnant?") is neither wanted nor avoided.`;

export class LlmRecognizer {
  private readonly tools = new WeakMap<FrameVocabulary, ReturnType<typeof frameTool>>();

  constructor(
    private readonly llm: LlmClient,
    private readonly timeoutMs: number,
  ) {}

  /** `vocabulary` limits the frame to catalogue values; the local frame fills whatever the model leaves out. */
  async recognize(text: string, local: NluResult, vocabulary: FrameVocabulary): Promise<NluResult> {
    let tool = this.tools.get(vocabulary);
    if (!tool) this.tools.set(vocabulary, (tool = frameTool(vocabulary)));
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
          tools: [tool],
          tool_choice: FRAME_TOOL_CHOICE,
        },
        { signal: controller.signal, timeout: this.timeoutMs },
      );
      const call = completion.choices[0]?.message?.tool_calls?.find((c) => c.type === 'function' && c.function.name === FRAME_TOOL_NAME);
      if (!call || call.type !== 'function') throw new Error('LLM made no tool call');
      const parsed = llmOutput.parse(JSON.parse(call.function.arguments));
      const localFrame = local.frame ?? emptyFrame(parsed.language);
      return {
        intent: parsed.intent,
        confidence: parsed.confidence,
        alternatives: parsed.alternatives.filter((a) => a.intent !== parsed.intent).slice(0, 3),
        // entities stay local: the recognizers resolve values (dates, money) the model would only guess
        entities: local.entities,
        sentiment: { ...parsed.sentiment, anger: Math.max(parsed.sentiment.anger, local.sentiment.anger) },
        language: parsed.language,
        frame: { ...mergeFrames(localFrame, parsed.frame, vocabulary, text, parsed.intent), language: parsed.language },
      };
    } finally {
      clearTimeout(timer);
    }
  }
}
