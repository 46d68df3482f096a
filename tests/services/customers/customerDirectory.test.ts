import { ConversationReferences, CustomerDirectory, IdentityError } from '../../../services/customers';
import { EmbeddedStore } from '../../../storage';

describe('customer directory', () => {
  it('gives one customer to an identity, even when its first messages arrive together', async () => {
    const dir = new CustomerDirectory(new EmbeddedStore(null));
    const ids = await Promise.all(Array.from({ length: 20 }, () => dir.resolve({ channelId: 'wechat', userId: 'oABC' })));
    expect(new Set(ids).size).toBe(1);
    expect(await dir.resolve({ channelId: 'telegram', userId: 'oABC' })).not.toBe(ids[0]);
  });

  it('runs merge hooks and moves conversation references to the survivor', async () => {
    const store = new EmbeddedStore(null);
    const dir = new CustomerDirectory(store);
    const refs = new ConversationReferences(store);
    dir.onMerge((s, m) => refs.move(s, m));
    const a = await dir.resolve({ channelId: 'app', userId: 'a' });
    const b = await dir.resolve({ channelId: 'telegram', userId: 'b' });
    await refs.remember(b, 'telegram', { conversation: { id: 'tg-chat' } });
    await refs.remember(a, 'app', { conversation: { id: 'app:a' } });
    const seen: string[][] = [];
    dir.onMerge(async (s, m) => void seen.push([s, m]));
    expect(await dir.link({ channelId: 'app', userId: 'a' }, { channelId: 'telegram', userId: 'b' })).toBe(a);
    expect(seen).toEqual([[a, b]]);
    expect((await refs.forCustomer(a)).map((r) => r.channelId).sort()).toEqual(['app', 'telegram']);
    expect(await refs.forCustomer(b)).toEqual([]);
    expect(await dir.find({ channelId: 'telegram', userId: 'b' })).toBe(a);
  });

  it('keeps where to reach the customer, not which message was last answered', async () => {
    const refs = new ConversationReferences(new EmbeddedStore(null));
    await refs.remember('c1', 'telegram', { activityId: 'm1', conversation: { id: 'chat-1' }, serviceUrl: 'x' });
    await refs.remember('c1', 'telegram', { activityId: 'm2', conversation: { id: 'chat-1' }, serviceUrl: 'x' });
    const [ref] = await refs.forCustomer('c1');
    expect(ref.reference).toEqual({ conversation: { id: 'chat-1' }, serviceUrl: 'x' });
    await refs.remember('c1', 'telegram', { activityId: 'm3', conversation: { id: 'chat-2' }, serviceUrl: 'x' });
    expect((await refs.forCustomer('c1'))[0].reference).toMatchObject({ conversation: { id: 'chat-2' } });
  });

  it('refuses empty or oversized identities', async () => {
    const dir = new CustomerDirectory(new EmbeddedStore(null));
    await expect(dir.resolve({ channelId: '', userId: 'x' })).rejects.toBeInstanceOf(IdentityError);
    await expect(dir.resolve({ channelId: 'app', userId: 'x'.repeat(300) })).rejects.toBeInstanceOf(IdentityError);
  });
});
