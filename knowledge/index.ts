/**
 * Public surface of the knowledge area. `createKnowledgeBase` loads the catalogue, brands and FAQ from
 * the document store into the in-memory index, seeding the demo store first when the store is empty and
 * DEMO_DATA is on. Other areas use the KnowledgeBase facade (./types); importers and admin tools use the
 * extra methods of KnowledgeService (upsertProducts, upsertFaqs, importFile, removeProduct …).
 */
import type { z } from 'zod';
import type { knowledgeConfigSchema } from './config';
import type { DocumentStore } from '../storage/documentStore';
import type { Logger } from '../platform/logger';
import { createLlmClient, type LlmSettings } from '../platform/llmClient';
import { StoreKnowledgeBase } from './knowledgeBase';
import { demoStore } from './demo';

export type { KnowledgeBase } from './types';
export type { ImportReport } from './importers/importFile';
export { ImportError } from './importers/importFile';
export type KnowledgeService = StoreKnowledgeBase;
export { KnowledgeValidationError } from './knowledgeBase';

/** The settings the knowledge base takes from the composition root: its own keys, the LLM's and the demo switch. */
export type KnowledgeSettings = z.infer<typeof knowledgeConfigSchema> & LlmSettings & { DEMO_DATA: boolean };

export interface KnowledgeDeps {
  store: DocumentStore;
  config: KnowledgeSettings;
  logger: Logger;
}

export async function createKnowledgeBase({ store, config, logger }: KnowledgeDeps): Promise<KnowledgeService> {
  const llm = config.KB_LLM_ANSWERS ? createLlmClient(config, config.KB_LLM_TIMEOUT_MS) : undefined;
  const kb = new StoreKnowledgeBase({ store, logger, llm, faqMinConfidence: config.KB_FAQ_MIN_CONFIDENCE });
  await Promise.all([
    store.ensureIndex('products', { fields: { brandId: 1 } }),
    store.ensureIndex('faqs', { fields: { topic: 1 } }),
  ]);
  if (config.DEMO_DATA && (await store.collection('products').count({})) === 0) {
    const demo = demoStore();
    await kb.seed(demo);
    logger.info({ products: demo.products.length, faqs: demo.faqs.length }, 'knowledge: demo store loaded');
  }
  const started = Date.now();
  await kb.load();
  logger.info({ ...kb.stats(), ms: Date.now() - started, llm: Boolean(llm) }, 'knowledge base ready');
  if (config.KB_REFRESH_SECONDS > 0) {
    const timer = setInterval(() => {
      kb.refresh().catch((err: Error) => logger.warn({ err: err.message }, 'knowledge: refresh failed'));
    }, config.KB_REFRESH_SECONDS * 1000);
    timer.unref(); // never keeps the process alive
  }
  return kb;
}
