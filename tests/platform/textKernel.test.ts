/** The text kernel: one segmenter shared by the NLU and search, and normalisation that keeps offsets where needed. */
import { features } from '../../nlu/text/features';
import { addNluWords } from '../../nlu/text/domainWords';
import { addSearchWords } from '../../knowledge/text/searchWords';
import { addWords, segment, segmentForSearch, segmentManyForSearch, WORD_WEIGHT } from '../../platform/text/segmenter';
import { normalizeForSearch, toHalfWidth } from '../../platform/text/normalize';

describe('one segmenter for the NLU and search', () => {
  it('splits a made-up product name until someone teaches it', () => {
    expect(segment('我想买晨露精萃霜两瓶')).not.toContain('晨露精萃霜');
    expect(segmentForSearch('我想买晨露精萃霜两瓶')).not.toContain('晨露精萃霜');
  });

  it('keeps a word taught through the kernel whole on both paths (HMM on and off)', () => {
    addWords(['蓝莓啵啵霜'], { weight: WORD_WEIGHT.intent });
    expect(segment('我想买蓝莓啵啵霜两瓶')).toContain('蓝莓啵啵霜');
    expect(segmentForSearch('我想买蓝莓啵啵霜两瓶')).toContain('蓝莓啵啵霜');
  });

  it('a word the NLU teaches is whole for search, and a word search teaches is a whole NLU feature', () => {
    addNluWords(['晨露精萃霜']);
    expect(segmentForSearch('晨露精萃霜 多少钱')).toEqual(['晨露精萃霜', '多少钱']);
    addSearchWords(['雾光柔焦乳']);
    expect(features('雾光柔焦乳有货吗')).toContain('w:雾光柔焦乳');
    expect(segmentManyForSearch(['雾光柔焦乳', '晨露精萃霜'])).toEqual([['雾光柔焦乳'], ['晨露精萃霜']]);
  });

  it('the NLU cut keeps punctuation (a model feature), the search cut drops it', () => {
    expect(segment('到了吗？')).toContain('？');
    expect(segmentForSearch('到了吗？')).not.toContain('？');
  });
});

describe('normalisation', () => {
  it('half-width keeps the length, so offsets found in it point into the original', () => {
    const original = '订单１２３４５６７８９０１２　到哪了👍ＳＦ';
    const half = toHalfWidth(original);
    expect(half).toBe('订单123456789012 到哪了👍SF');
    expect(half.length).toBe(original.length);
    const start = half.indexOf('123456789012');
    expect(original.slice(start, start + 12)).toBe('１２３４５６７８９０１２');
  });

  it('the search form folds width, case and accents (its length may change)', () => {
    expect(normalizeForSearch('Estée Lauder　ＤＷ')).toBe('estee lauder dw');
    expect(normalizeForSearch('雅诗·兰黛')).toBe('雅诗兰黛');
  });
});
