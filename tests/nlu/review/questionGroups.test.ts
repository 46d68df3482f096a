/** Unanswered questions grouped by the Jaccard overlap of their jieba words: paraphrases together, the rest apart. */
import { groupQuestions, questionWords } from '../../../nlu/review/questionGroups';
import { jaccard } from '../../../platform/text/wordOverlap';

const q = (text: string, count = 1, id = text) => ({ id, text, count });

describe('questionGroups', () => {
  it('compares what a question asks about, not how it asks', () => {
    expect([...questionWords('你们有实体店吗？')]).toEqual(['实体店']);
    expect([...questionWords('Do you have a physical store?')]).toEqual(['have', 'physical', 'store']);
    expect(jaccard(questionWords('小样可以单独买吗'), questionWords('能单独买小样吗'))).toBe(1);
    expect(jaccard(questionWords('能用花呗分期吗'), questionWords('你们有实体店吗'))).toBe(0);
    expect(jaccard(new Set(), new Set(['x']))).toBe(0);
  });

  it('puts paraphrases in one group and unrelated questions in others, biggest first', () => {
    const groups = groupQuestions([
      q('能用花呗分期吗'),
      q('你们有实体店吗', 5),
      q('有没有线下实体店', 2),
      q('支持花呗分期付款吗'),
      q('where is your physical store'),
      q('do you have a physical store'),
      q('刷信用卡可以吗'),
    ]);
    const texts = groups.map((g) => [...g.examples].sort());
    expect(texts).toContainEqual(['你们有实体店吗', '有没有线下实体店']);
    expect(texts).toContainEqual(['支持花呗分期付款吗', '能用花呗分期吗']);
    expect(texts).toContainEqual(['do you have a physical store', 'where is your physical store']);
    expect(texts).toContainEqual(['刷信用卡可以吗']);
    expect(groups[0]).toMatchObject({ size: 7, suggestedQuestion: '你们有实体店吗', words: ['实体店'] });
    expect(groups[0].ids).toEqual(['你们有实体店吗', '有没有线下实体店']);
  });

  it('keeps every question when nothing is alike, and handles an empty queue', () => {
    expect(groupQuestions([q('退货地址'), q('会员积分')])).toHaveLength(2);
    expect(groupQuestions([])).toEqual([]);
  });
});
