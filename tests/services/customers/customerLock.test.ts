/** The per-customer turn lock: several at once in id order, and no silent self-deadlock. */
import { CustomerLock, LockTimeoutError } from '../../../services/customers';
import { EmbeddedStore } from '../../../storage';

describe('customer lock', () => {
  it('fails after the timeout when a holder asks for its own lock again, instead of waiting forever', async () => {
    const lock = new CustomerLock(new EmbeddedStore(null), { timeoutMs: 200 });
    await expect(lock.run('c1', () => lock.run('c1', async () => 'inner'))).rejects.toBeInstanceOf(LockTimeoutError);
    // other customers' locks can be taken inside, and the lock is free afterwards
    await expect(lock.run('c1', () => lock.run('c2', async () => 'both'))).resolves.toBe('both');
    await expect(lock.run('c1', async () => 'again')).resolves.toBe('again');
  });

  it('runAll holds every lock, so two opposite merges do not deadlock', async () => {
    const lock = new CustomerLock(new EmbeddedStore(null));
    const order: string[] = [];
    const merge = (ids: string[], tag: string) =>
      lock.runAll(ids, async () => {
        order.push(`${tag}+`);
        await new Promise((r) => setImmediate(r));
        order.push(`${tag}-`);
      });
    await Promise.all([merge(['b', 'a'], 'x'), merge(['a', 'b'], 'y'), lock.run('a', async () => void order.push('turn'))]);
    // never interleaved: each holder finished before the next began
    expect(order.join(' ')).toMatch(/^(x\+ x-|y\+ y-|turn)( (x\+ x-|y\+ y-|turn))*$/);
    expect(order).toHaveLength(5);
  });
});
