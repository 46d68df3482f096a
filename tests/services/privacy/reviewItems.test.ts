/** The NLU review queue remembers who said an utterance, so one customer's rows can be exported and erased. */
import { ReviewQueue } from '../../../nlu/review/reviewQueue';
import { EmbeddedStore } from '../../../storage';

describe('review items per customer', () => {
  it('exports a customer’s utterances; erase deletes rows only they said and keeps shared ones', async () => {
    const store = new EmbeddedStore(null);
    const queue = new ReviewQueue(store);
    await queue.add('我的电话13812345678怎么改', 'other', 0.2, 'low_confidence', 'c_alice');
    await queue.add('在吗', 'other', 0.3, 'low_confidence', 'c_alice');
    await queue.add('在吗', 'other', 0.3, 'low_confidence', 'c_bob');
    await queue.add('在吗', 'other', 0.3, 'low_confidence', 'c_bob');

    expect((await queue.exportCustomer('c_alice')).map((r) => r.text).sort()).toEqual(['在吗', '我的电话13812345678怎么改']);
    expect(await queue.eraseCustomer('c_alice')).toBe(2);
    expect(await queue.exportCustomer('c_alice')).toEqual([]);
    const left = await queue.pending();
    expect(left.map((r) => r.text)).toEqual(['在吗']);
    expect(left[0]).toMatchObject({ count: 3, customerIds: ['c_bob'] });
    await store.close();
  });
});
