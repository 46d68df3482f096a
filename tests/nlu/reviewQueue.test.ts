import type { TurnContext } from 'botbuilder';
import { testConfig } from '../../config';
import { createRecognizer, NLU_REVIEW_COLLECTION, ReviewQueue } from '../../nlu';
import { isCorrection } from '../../nlu/review/correctionMiddleware';
import type { NluReviewDoc } from '../../nlu/review/reviewQueue';
import { EmbeddedStore } from '../../storage/embeddedStore';
import { TEST_MODEL_CACHE } from './helpers';

const config = testConfig({ DATA_DIR: TEST_MODEL_CACHE, NLU_REVIEW_THRESHOLD: '0.5' });
const CUSTOMER = Symbol('customer');
const turn = (text: string, customerId: string) => ({ activity: { text }, turnState: new Map([[CUSTOMER, customerId]]) }) as unknown as TurnContext;
const customerIdOf = (context: TurnContext) => context.turnState.get(CUSTOMER) as string;
const settle = () => new Promise((r) => setTimeout(r, 50));

describe('learning loop', () => {
  test('low-confidence utterances are queued once per text, with a count; confident ones are not', async () => {
    const store = new EmbeddedStore(null);
    const recognizer = await createRecognizer(config, { store });
    await recognizer.recognize('那个那个');
    await recognizer.recognize('那个那个');
    await recognizer.recognize('怎么开发票');
    await settle();
    const docs = await store.collection<NluReviewDoc>(NLU_REVIEW_COLLECTION).find({});
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ text: '那个那个', reason: 'low_confidence', status: 'pending', count: 2 });
    await store.close();
  });

  test('a correction ("不是这个意思") sends the previous utterance of that customer to review', async () => {
    const store = new EmbeddedStore(null);
    const recognizer = await createRecognizer(config, { store });
    const middleware = recognizer.correctionMiddleware(customerIdOf);
    expect(middleware).toBeDefined();
    /** true when the middleware handled the turn itself (did not call next) */
    const handled = async (text: string, customerId: string) => {
      let passed = false;
      await middleware!.onTurn(turn(text, customerId), async () => void (passed = true));
      return !passed;
    };
    expect(await handled('这个多少钱', 'cust-1')).toBe(false);
    expect(await handled('我的快递到哪了', 'cust-2')).toBe(false);
    expect(await handled('不是这个意思', 'cust-1')).toBe(false);
    expect(await handled("that's not what I meant", 'cust-3')).toBe(false);
    const docs = await new ReviewQueue(store).pending();
    expect(docs.map((d) => [d.text, d.reason])).toEqual([['这个多少钱', 'corrected']]);
    await store.close();
  });

  test('correction phrases, zh and en', () => {
    for (const t of ['不是这个意思', '你理解错了', '答非所问', "That's not what I meant", 'you misunderstood me']) expect(isCorrection(t)).toBe(true);
    for (const t of ['这个意思是什么', 'what does this mean']) expect(isCorrection(t)).toBe(false);
  });

  test('reviewed examples join the training set on the next training run; rejected ones do not', async () => {
    const store = new EmbeddedStore(null);
    const queue = new ReviewQueue(store);
    const phrase = '芝麻开门芝麻开门';
    const before = await createRecognizer(config, { store });
    expect((await before.recognize(phrase)).intent).not.toBe('human_agent');
    await queue.add(phrase, 'other', 0.2, 'low_confidence');
    await queue.add('乱码乱码', 'other', 0.2, 'low_confidence');
    const [first, second] = await queue.pending();
    expect(await queue.review(first.text === phrase ? first._id : second._id, 'human_agent')).toBe(true);
    expect(await queue.review(first.text === phrase ? second._id : first._id, 'reject')).toBe(true);
    expect(await queue.review('no-such-id', 'greeting')).toBe(false);
    expect(await queue.trainingExamples()).toEqual([{ text: phrase, intent: 'human_agent' }]);
    const after = await createRecognizer(config, { store });
    expect(after.local.trainingSize).toBe(before.local.trainingSize + 1);
    expect((await after.recognize(phrase)).intent).toBe('human_agent');
    await store.close();
  });

  test('without a store there is no review queue and no correction middleware', async () => {
    const recognizer = await createRecognizer(config);
    expect(recognizer.correctionMiddleware(customerIdOf)).toBeUndefined();
    expect((await recognizer.recognize('那个那个')).intent).toBeDefined();
  });
});
