/** A desk over an in-memory store with recording fakes for delivery, the conversation log, CSAT and staff. */
import { createAgentDesk, AgentDeskArea, HistoryEntry } from '../../../services/agentDesk';
import type { OutboundMessage } from '../../../services/delivery/types';
import { HandoffService } from '../../../services/handoff';
import { EmbeddedStore } from '../../../storage';
import { silentLogger } from '../../../platform/logger';

export interface DeskFixture {
  area: AgentDeskArea;
  handoffs: HandoffService;
  /** everything that reached a customer */
  delivered: { customerId: string; message: OutboundMessage }[];
  log: HistoryEntry[];
  csatAsked: { customerId: string; agent?: string }[];
  capacity: Map<string, number>;
  /** queues a customer (English summary when lang is 'en') */
  queue(customerId: string, lang?: 'zh' | 'en', text?: string): Promise<void>;
}

export async function deskFixture(): Promise<DeskFixture> {
  const store = new EmbeddedStore(null);
  const handoffs = new HandoffService(store);
  const delivered: DeskFixture['delivered'] = [];
  const log: HistoryEntry[] = [];
  const csatAsked: DeskFixture['csatAsked'] = [];
  const capacity = new Map<string, number>([
    ['alice', 2],
    ['bob', 2],
  ]);
  const names: Record<string, string> = { alice: 'Alice', bob: 'Bob' };
  const area = await createAgentDesk({
    store,
    logger: silentLogger(),
    handoffs,
    delivery: {
      async deliver(customerId, message) {
        delivered.push({ customerId, message });
        return { delivered: true, channelId: 'app' };
      },
    },
    log: {
      append: (entry) => void log.push(entry),
      history: async (customerId, { limit }) => log.filter((e) => e.customerId === customerId).slice(-limit),
    },
    csat: { ask: async (customerId, agent) => void csatAsked.push({ customerId, agent }) },
    roster: { agent: async (u) => (capacity.has(u) ? { username: u, capacity: capacity.get(u)!, displayName: names[u] } : undefined) },
    suggest: (q) => (q.includes('包邮') ? [{ text: '满99元包邮', source: 'faq:shipping' }] : []),
    lastChannel: async () => 'app',
    directory: { get: async (id) => ({ _id: id, identities: [{ channelId: 'app', userId: id }], createdAt: new Date(), updatedAt: new Date() }) },
    orders: { recent: async () => [] },
    tickets: { forCustomer: async () => [] },
    coupons: { valid: async () => [] },
    skinProfile: async () => ({ skinType: '干皮' }),
    eventIntervalMs: 60_000,
  });
  return {
    area,
    handoffs,
    delivered,
    log,
    csatAsked,
    capacity,
    async queue(customerId, lang = 'zh', text = '气死我了') {
      await handoffs.request(customerId, 'angry', { text: '客户情绪激动', lastTurns: [text], language: lang, sentiment: { label: 'negative', anger: 0.9 } });
    },
  };
}

/** Waits until `check` passes (or fails with its last error after the deadline). */
export async function eventually(check: () => void | Promise<void>, deadlineMs = 5000): Promise<void> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}
