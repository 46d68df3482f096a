/** One WeChat access token per app id, shared by instances through the store (two SharedAccessTokens = two instances). */
import { ACCESS_TOKEN_COLLECTION, SharedAccessToken } from '../../../adapters/wechatKit/accessToken';
import { EmbeddedStore } from '../../../storage';

/** WeChat's token endpoint as a function: counts requests; each answer can be held back until released. */
function tokenEndpoint(expiresInSec = 7200) {
  const endpoint = {
    requests: 0,
    hold: false,
    failNext: false,
    held: [] as (() => void)[],
    fetch: async () => {
      endpoint.requests++;
      const n = endpoint.requests;
      if (endpoint.failNext) {
        endpoint.failNext = false;
        throw new Error('WeChat token failed: errcode -1 (system busy)');
      }
      if (endpoint.hold) await new Promise<void>((resolve) => endpoint.held.push(resolve));
      return { token: `tok-${n}`, expiresInSec };
    },
  };
  return endpoint;
}

describe('SharedAccessToken', () => {
  let store: EmbeddedStore;
  let clock: number;
  const now = () => clock;
  beforeEach(() => {
    store = new EmbeddedStore(null);
    clock = Date.UTC(2026, 10, 30, 8, 0, 0);
  });
  afterEach(() => store.close());

  it('fetches once for many concurrent callers on two instances, and both use that token', async () => {
    const wechat = tokenEndpoint();
    const a = new SharedAccessToken({ store, appId: 'wxapp', fetch: wechat.fetch, now });
    const b = new SharedAccessToken({ store, appId: 'wxapp', fetch: wechat.fetch, now });
    const tokens = await Promise.all([a.get(), b.get(), a.get(), b.get(), b.get()]);
    expect(new Set(tokens)).toEqual(new Set(['tok-1']));
    expect(wechat.requests).toBe(1);
    // a third instance started later reads it from the store
    expect(await new SharedAccessToken({ store, appId: 'wxapp', fetch: wechat.fetch, now }).get()).toBe('tok-1');
    expect(wechat.requests).toBe(1);
  });

  it('renews a few minutes before the token expires, once, and the other instance picks the new one up', async () => {
    const wechat = tokenEndpoint(7200);
    const a = new SharedAccessToken({ store, appId: 'wxapp', fetch: wechat.fetch, now });
    const b = new SharedAccessToken({ store, appId: 'wxapp', fetch: wechat.fetch, now });
    await a.get();
    await b.get();
    clock += 7200_000 - 4 * 60_000; // within the last five minutes
    expect(await a.get()).toBe('tok-2');
    expect(await b.get()).toBe('tok-2');
    expect(wechat.requests).toBe(2);
  });

  it('drops a token WeChat refused only while it is still the stored one', async () => {
    const wechat = tokenEndpoint();
    const a = new SharedAccessToken({ store, appId: 'wxapp', fetch: wechat.fetch, now });
    const b = new SharedAccessToken({ store, appId: 'wxapp', fetch: wechat.fetch, now });
    expect(await a.get()).toBe('tok-1');
    expect(await b.get()).toBe('tok-1');
    await a.invalidate('tok-1');
    expect(await a.get()).toBe('tok-2');
    // b still holds tok-1 in memory: WeChat refuses it, b invalidates it, and finds a's newer token without fetching
    await b.invalidate('tok-1');
    expect(await b.get()).toBe('tok-2');
    expect(wechat.requests).toBe(2);
    const doc = await store.collection<{ _id: string; token?: string }>(ACCESS_TOKEN_COLLECTION).findOne({ _id: 'wxapp' });
    expect(doc?.token).toBe('tok-2');
  });

  it('lets the others wait while one instance fetches, and keeps app ids apart', async () => {
    const wechat = tokenEndpoint();
    wechat.hold = true;
    const a = new SharedAccessToken({ store, appId: 'wxapp', fetch: wechat.fetch, now });
    const b = new SharedAccessToken({ store, appId: 'wxapp', fetch: wechat.fetch, now });
    const first = a.get();
    await waitFor(() => wechat.held.length === 1);
    const second = b.get(); // the lease is a's: b waits and re-reads
    const other = new SharedAccessToken({ store, appId: 'wxother', fetch: async () => ({ token: 'other-1', expiresInSec: 7200 }), now });
    expect(await other.get()).toBe('other-1');
    wechat.held[0]();
    expect(await first).toBe('tok-1');
    expect(await second).toBe('tok-1');
    expect(wechat.requests).toBe(1);
  });

  it('takes over when the fetching instance died (its lease ran out), and after a failed fetch', async () => {
    const dead = tokenEndpoint();
    dead.hold = true; // never answers: the process holding the lease is gone
    const a = new SharedAccessToken({ store, appId: 'wxapp', fetch: dead.fetch, now });
    void a.get();
    await waitFor(() => dead.held.length === 1);
    const wechat = tokenEndpoint();
    wechat.failNext = true;
    const b = new SharedAccessToken({ store, appId: 'wxapp', fetch: wechat.fetch, now });
    const waiting = b.get();
    clock += 16_000; // past the lease
    await expect(waiting).rejects.toThrow(/system busy/);
    // the failed fetch released the lease: the next call fetches at once
    expect(await b.get()).toBe('tok-2');
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
