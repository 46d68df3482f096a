/**
 * Each turn asks who the customer is and whether a human owns them. With the embedded store those answers
 * are kept in memory; these tests check that every change (link, erase, a handoff request, a merge that
 * carries a handoff over) is seen at once, and that a MongoDB-backed store is always asked.
 */
import { CustomerDirectory } from '../../../services/customers';
import { HandoffService } from '../../../services/handoff';
import { DocumentStore, EmbeddedStore } from '../../../storage';

/** The store, counting look-ups per collection; `kind` can pretend to be MongoDB. */
function counting(kind: 'embedded' | 'mongo' = 'embedded'): { store: DocumentStore; reads: Record<string, number> } {
  const inner = new EmbeddedStore(null);
  const reads: Record<string, number> = {};
  const store = new Proxy(inner, {
    get(target, prop, receiver) {
      if (prop === 'kind') return kind;
      if (prop !== 'collection') return Reflect.get(target, prop, receiver);
      return (name: string) => {
        const collection = target.collection(name);
        return new Proxy(collection, {
          get(c, p, r) {
            const value = Reflect.get(c, p, r);
            if (p !== 'findOne' || typeof value !== 'function') return typeof value === 'function' ? value.bind(c) : value;
            return (...args: unknown[]) => {
              reads[name] = (reads[name] ?? 0) + 1;
              return (value as (...a: unknown[]) => unknown).apply(c, args);
            };
          },
        });
      };
    },
  }) as unknown as DocumentStore;
  return { store, reads };
}

const app = { channelId: 'app', userId: 'u1' };
const telegram = { channelId: 'telegram', userId: 't1' };
const summary = { text: 's', lastTurns: ['hi'] };

describe('identity → customer answers kept in memory', () => {
  it('asks the store once per identity, and again after a link moved it', async () => {
    const { store, reads } = counting();
    const dir = new CustomerDirectory(store);
    const a = await dir.resolve(app);
    const t = await dir.resolve(telegram);
    for (let i = 0; i < 5; i++) expect(await dir.resolve(telegram)).toBe(t);
    expect(reads.identities).toBe(2);
    expect(await dir.link(app, telegram)).toBe(a);
    // the telegram user now talks as the survivor, not as the merged-away customer
    expect(await dir.resolve(telegram)).toBe(a);
    expect(await dir.resolve(app)).toBe(a);
  });

  it('gives an erased customer a new id on their next message', async () => {
    const { store } = counting();
    const dir = new CustomerDirectory(store);
    const first = await dir.resolve(app);
    await dir.eraseCustomer(first);
    const again = await dir.resolve(app);
    expect(again).not.toBe(first);
    expect(await dir.get(again)).not.toBeNull();
  });

  it('always asks a MongoDB store (another instance may link or erase)', async () => {
    const { store, reads } = counting('mongo');
    const dir = new CustomerDirectory(store);
    await dir.resolve(app);
    await dir.resolve(app);
    await dir.resolve(app);
    expect(reads.identities).toBe(3);
  });
});

describe('"with the bot" kept in memory', () => {
  it('sees a handoff request at once, and the release after it', async () => {
    const { store, reads } = counting();
    const handoffs = new HandoffService(store);
    expect(await handoffs.active('c1')).toBeNull();
    expect(await handoffs.active('c1')).toBeNull();
    expect(reads.handoffs).toBe(1);
    await handoffs.request('c1', 'requested', summary);
    expect(await handoffs.active('c1')).toMatchObject({ state: 'queued' });
    await handoffs.accept('c1', 'agent-1');
    expect(await handoffs.active('c1')).toMatchObject({ state: 'agent', agentId: 'agent-1' });
    await handoffs.release('c1');
    expect(await handoffs.active('c1')).toBeNull();
  });

  it('sees a queued handoff carried over to the survivor of a merge', async () => {
    const { store } = counting();
    const handoffs = new HandoffService(store);
    const dir = new CustomerDirectory(store);
    dir.onMerge((s, m) => handoffs.moveCustomer(s, m));
    const survivor = await dir.resolve(app);
    const merged = await dir.resolve(telegram);
    expect(await handoffs.active(survivor)).toBeNull();
    await handoffs.request(merged, 'angry', summary);
    await dir.link(app, telegram);
    expect(await handoffs.active(survivor)).toMatchObject({ state: 'queued', reason: 'angry' });
    expect(await handoffs.active(merged)).toBeNull();
  });

  it('always asks a MongoDB store (another instance may queue the customer)', async () => {
    const { store, reads } = counting('mongo');
    const handoffs = new HandoffService(store);
    await handoffs.active('c1');
    await handoffs.active('c1');
    expect(reads.handoffs).toBe(2);
  });
});
