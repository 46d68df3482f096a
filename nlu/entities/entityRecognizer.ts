/**
 * All entity recognizers together: order/tracking numbers and the Chinese gaps first (they are precise),
 * then recognizers-text, then the gazetteer; overlapping spans keep the earlier, more specific one
 * (an order number is not also a "number", 三瓶 is a quantity rather than the number 3).
 */
import type { Vocabulary } from '../../knowledge/types';
import type { Entity } from '../types';
import { toHalfWidth } from '../../platform/text/normalize';
import { recognizeChineseGaps } from './chineseGaps';
import { Gazetteer } from './gazetteer';
import { recognizeOrderNumbers } from './orderNumbers';
import { recognizeWithLibrary } from './recognizersText';

export class EntityRecognizer {
  readonly gazetteer: Gazetteer;

  constructor(vocabulary: Vocabulary) {
    this.gazetteer = new Gazetteer(vocabulary);
  }

  recognize(original: string, english: boolean): Entity[] {
    // full-width digits and letters (１２３, ＳＦ) become half-width; same length, so offsets hold
    const text = toHalfWidth(original);
    const ordered = [...recognizeOrderNumbers(text), ...recognizeChineseGaps(text), ...recognizeWithLibrary(text, english), ...this.gazetteer.recognize(text)];
    const kept: Entity[] = [];
    for (const e of ordered) {
      // a name (shade 999) wins over the bare number with the same span
      const sameNumber = kept.findIndex((k) => k.type === 'number' && k.start === e.start && k.end === e.end);
      if (sameNumber >= 0 && e.type !== 'number') kept.splice(sameNumber, 1);
      if (kept.some((k) => e.start < k.end && k.start < e.end && !(e.type === 'datetime' && k.type === 'number'))) continue;
      // a datetime swallows the bare numbers inside it (明天下午3点 is not also the number 3)
      if (e.type === 'datetime') for (let i = kept.length - 1; i >= 0; i--) if (kept[i].type === 'number' && kept[i].start >= e.start && kept[i].end <= e.end) kept.splice(i, 1);
      kept.push({ ...e, text: original.slice(e.start, e.end) });
    }
    return kept.sort((a, b) => a.start - b.start);
  }
}
