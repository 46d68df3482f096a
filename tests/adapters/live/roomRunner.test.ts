/** The room runner on an injected clock: a cluster is answered once, only when its window is over. */
import { RoomRunner } from '../../../adapters/live/roomRunner';
import { TaskQueue } from '../../../adapters/live/taskQueue';
import type { NluResult } from '../../../nlu/types';
import { silentLogger } from '../../../platform/logger';
import type { RoomDoc } from '../../../services/live';

const room: RoomDoc = { _id: 'lr_0000000000000001', name: 'r', platform: 'douyin', productIds: [], faq: [{ q: '是正品吗', a: '保证正品' }], offers: [], approval: false, showNames: false, blockWords: [], createdAt: new Date(0) };
const nlu = (intent: NluResult['intent']): NluResult => ({ intent, confidence: 0.99, alternatives: [], entities: [], sentiment: { label: 'neutral', score: 1, anger: 0 }, language: 'zh' });
const INTENTS: Record<string, NluResult['intent']> = { 是正品吗: 'product_info', 正品吗: 'product_info', 我要投诉: 'complaint', 主播好: 'greeting' };

function rig() {
  let now = 0;
  const added: { text: string; count: number }[] = [];
  const privateTurns: string[] = [];
  const queue = new TaskQueue(1, 100, (err) => {
    throw err;
  });
  const runner = new RoomRunner({
    classify: async (text) => nlu(INTENTS[text] ?? 'other'),
    feed: { add: async (_room, answer) => (added.push({ text: answer.text, count: answer.count }), {} as never) },
    answers: { knowledge: { ask: async () => ({ answer: '', sources: [], confidence: 0, found: false }), getProduct: () => undefined, findProductMention: () => undefined }, cartBase: 'https://shop.example/cart', offers: async () => [] },
    turns: { run: async (_room: RoomDoc, c: { userId: string }) => void privateTurns.push(c.userId), claimOffers: async () => undefined } as never,
    queue,
    clusterWindowMs: 5000,
    viewerMaxPerMinute: 10,
    logger: silentLogger(),
    now: () => now,
  });
  return { runner, added, privateTurns, queue, at: (ms: number) => (now = ms) };
}

const c = (userId: string, text: string) => ({ userId, text, type: 'text' as const, private: false });

it('answers a cluster once, when its window is over, with every comment it stands for', async () => {
  const { runner, added, at } = rig();
  expect(await runner.ingest(room, [c('a', '是正品吗'), c('b', '主播好')])).toEqual({ accepted: 2, dropped: 0 });
  at(4000);
  await runner.ingest(room, [c('c', '正品吗')]);
  runner.closeDue();
  await runner.answered();
  expect(added).toEqual([]);
  at(5000);
  runner.closeDue();
  await runner.answered();
  expect(added).toEqual([{ text: '保证正品', count: 2 }]);
  runner.closeDue();
  await runner.answered();
  expect(added).toHaveLength(1);
});

it('a private matter is one turn per viewer, even when repeated within the window', async () => {
  const { runner, privateTurns, queue } = rig();
  await runner.ingest(room, [c('v1', '我要投诉'), c('v1', '我要投诉'), c('v2', '我要投诉')]);
  await queue.idle();
  expect(privateTurns).toEqual(['v1', 'v2']);
});
