/**
 * STAND-IN, not the product's recognizer: a handful of keyword rules so the skeleton can route before
 * the real local NLU (issue "NLU") lands. It is named as such wherever it is used.
 */
import type { Intent, NluResult, Recognizer, RecognizeOptions } from './types';

const RULES: [Intent, RegExp][] = [
  ['human_agent', /转人工|人工|agent|human/i],
  ['greeting', /^(你好|您好|在吗|hi|hello|hey)/i],
  ['thanks_bye', /谢谢|再见|thank|bye/i],
  ['recommendation', /推荐|适合我|recommend|suggest/i],
  ['order_status', /物流|快递|到哪|where is my order|tracking/i],
  ['return_refund', /退货|退款|return|refund/i],
];

export class StandInRecognizer implements Recognizer {
  async recognize(text: string, options: RecognizeOptions = {}): Promise<NluResult> {
    const hit = RULES.find(([, re]) => re.test(text));
    const hasHan = /\p{Script=Han}/u.test(text);
    const hasLatin = /[A-Za-z]{2,}/.test(text);
    const language = hasHan && hasLatin ? 'mixed' : hasHan ? 'zh' : hasLatin ? 'en' : options.locale?.startsWith('en') ? 'en' : 'zh';
    return {
      intent: hit ? hit[0] : 'other',
      confidence: hit ? 0.6 : 0.2,
      alternatives: [],
      entities: [],
      sentiment: { label: 'neutral', score: 0.5, anger: 0 },
      language,
    };
  }
}
