/** What counts as a 1–5 rating after the satisfaction question, and what is just the next request. */
import { parseRating } from '../../../services/csat';

describe('parseRating', () => {
  it.each([
    ['5', 5, undefined],
    ['５', 5, undefined],
    [' 3 ', 3, undefined],
    ['5分', 5, 'zh'],
    ['给5分！', 5, 'zh'],
    ['四星', 4, 'zh'],
    ['非常满意', 5, 'zh'],
    ['满意', 4, 'zh'],
    ['一般', 3, 'zh'],
    ['不满意', 2, 'zh'],
    ['非常不满意', 1, 'zh'],
    ['很差', 1, 'zh'],
    ['⭐⭐⭐', 3, undefined],
    ['⭐️⭐️⭐️⭐️', 4, undefined],
    ['★★', 2, undefined],
    ['4/5', 4, undefined],
    ['5 stars', 5, 'en'],
    ['great', 5, 'en'],
    ['Terrible!', 1, 'en'],
    ['ok', 3, 'en'],
  ])('%s → %i', (text, score, lang) => {
    expect(parseRating(text)).toEqual(lang ? { score, lang } : { score });
  });

  it.each(['我的订单呢', '6', '0', '5瓶', '要5个', '好', 'great, where is my order?', '⭐⭐⭐⭐⭐⭐', '', '推荐一款面霜'])('%s is not a rating', (text) => {
    expect(parseRating(text)).toBeUndefined();
  });
});
