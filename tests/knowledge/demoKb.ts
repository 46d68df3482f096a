/** A knowledge base over the demo store in an in-memory store, as the app builds it at first start. */
import { testConfig } from '../../config';
import { createKnowledgeBase, KnowledgeService } from '../../knowledge';
import { EmbeddedStore } from '../../storage';
import { silentLogger } from '../../platform/logger';

export async function demoKnowledgeBase(env: Record<string, string> = {}): Promise<{ kb: KnowledgeService; store: EmbeddedStore }> {
  const store = new EmbeddedStore(null);
  const kb = await createKnowledgeBase({ store, config: testConfig({ DEMO_DATA: 'true', ...env }), logger: silentLogger() });
  return { kb, store };
}
