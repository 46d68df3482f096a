/**
 * The function the model is made to call (OpenAI tool calling, tool_choice forced): its parameters are a
 * JSON schema holding the intent, sentiment, language and the frame. Category, concern and skin-type
 * values are enums of the loaded vocabulary, so a model that follows the schema can only name values the
 * catalogue has; brands go by id when the list is short enough to send, products by name (the gazetteer
 * resolves them). Built once per vocabulary.
 */
import { INTENTS } from '../types';
import type { FrameVocabulary } from '../frame/frameVocabulary';
import { RECIPIENTS } from '../frame/people';

export const FRAME_TOOL_NAME = 'record_understanding';
/** more brands than this go as free names (the gazetteer resolves them), keeping the request small */
const MAX_BRAND_ENUM = 200;

const confidence = { type: 'number', minimum: 0, maximum: 1 };
const nullable = (schema: Record<string, unknown>) => ({ anyOf: [schema, { type: 'null' }] });
const strings = (values?: readonly string[]) => ({ type: 'array', items: values && values.length > 0 ? { type: 'string', enum: [...values] } : { type: 'string' } });
const object = (properties: Record<string, unknown>) => ({ type: 'object', additionalProperties: false, required: Object.keys(properties), properties });

export function frameToolSchema(vocabulary: FrameVocabulary): Record<string, unknown> {
  const brands = vocabulary.values('brand');
  const frame = object({
    categories: { ...strings(vocabulary.values('category')), description: 'product types asked about, in order of mention' },
    skinType: nullable({ type: 'string', enum: [...vocabulary.values('skin_type')] }),
    concerns: strings(vocabulary.values('concern')),
    budget: nullable({ ...object({ min: nullable({ type: 'number' }), max: nullable({ type: 'number' }) }), description: 'in CNY; "under 300" → max 300; "around 300" → 240–360' }),
    texture: nullable({ type: 'string', enum: ['light', 'rich'] }),
    shade: nullable({ type: 'string', description: 'shade name or number as written' }),
    undertone: nullable({ type: 'string', enum: ['warm', 'cool', 'neutral'] }),
    finish: nullable({ type: 'string', enum: ['matte', 'dewy', 'satin'] }),
    brands: { ...strings(brands.length <= MAX_BRAND_ENUM ? brands : undefined), description: 'brands named' },
    products: { ...strings(), description: 'product names or nicknames exactly as written' },
    refersToFocus: { type: 'boolean', description: 'points at the product being discussed: this one, 这款, 它' },
    order: nullable(
      object({
        number: nullable({ type: 'string', description: 'an order number written in the message' }),
        status: nullable({ type: 'string', enum: ['unpaid', 'paid', 'shipped', 'delivered'] }),
        recency: nullable({ type: 'string', enum: ['latest', 'earlier'] }),
        ordinal: nullable({ type: 'integer', minimum: 1 }),
      }),
    ),
    quantity: nullable({ type: 'integer', minimum: 1 }),
    ingredientsWanted: strings(),
    ingredientsAvoided: strings(),
    allergies: strings(),
    fragranceFree: { type: 'boolean' },
    lifeStage: nullable({ type: 'string', enum: ['pregnant', 'breastfeeding', 'trying_to_conceive'] }),
    recipient: nullable({ type: 'string', enum: [...RECIPIENTS] }),
    age: nullable({ type: 'integer', minimum: 1, maximum: 110 }),
    moreIntents: { ...strings(INTENTS), description: 'intents of further requests in the same message, other than the main one' },
  });
  return object({
    intent: { type: 'string', enum: [...INTENTS] },
    confidence,
    alternatives: { type: 'array', items: object({ intent: { type: 'string', enum: [...INTENTS] }, confidence }) },
    sentiment: object({ label: { type: 'string', enum: ['positive', 'neutral', 'negative'] }, score: confidence, anger: confidence }),
    language: { type: 'string', enum: ['zh', 'en', 'mixed'] },
    frame,
  });
}

/** The `tools` entry of the request. */
export function frameTool(vocabulary: FrameVocabulary) {
  return {
    type: 'function' as const,
    function: {
      name: FRAME_TOOL_NAME,
      description: 'Record what the customer message means: its intent, sentiment, language and every slot it carries.',
      strict: true,
      parameters: frameToolSchema(vocabulary),
    },
  };
}

export const FRAME_TOOL_CHOICE = { type: 'function' as const, function: { name: FRAME_TOOL_NAME } };
