/** Recognizes which quality problem a customer describes (zh and en), for the standard quality process. */
import type { QualityProblem } from './types';

const PATTERNS: [QualityProblem, RegExp][] = [
  ['allergy', /过敏|红肿|刺痛|起疹|泛红|烂脸|allerg|rash|irritat/i],
  ['leaking', /漏液|漏了|洒了|渗漏|漏出|leak|spill/i],
  ['damaged', /破损|碎了|破了|裂了|断了|断成|折断|压坏|摔坏|坏了|瘪了|broken|damaged|cracked|smashed|snapped/i],
  ['expired', /过期|临期|变质|发霉|有异味|expired|out of date|gone off/i],
  ['counterfeit', /假货|假的|不是正品|仿冒|山寨|fake|counterfeit|not genuine/i],
  ['wrong_item', /发错|错发|不是我买的|色号不对|wrong (item|product|shade|colou?r)/i],
  ['missing_item', /少发|漏发|少了一|没收到赠品|缺了|missing|not in the (box|parcel)/i],
];

export const QUALITY_PROBLEMS: QualityProblem[] = PATTERNS.map(([p]) => p);

export function detectQualityProblem(text: string): QualityProblem | undefined {
  return PATTERNS.find(([, re]) => re.test(text))?.[0];
}

export const PROBLEM_LABELS: Record<QualityProblem, { zh: string; en: string }> = {
  damaged: { zh: '破损', en: 'Damaged' },
  leaking: { zh: '漏液', en: 'Leaking' },
  allergy: { zh: '过敏', en: 'Allergic reaction' },
  expired: { zh: '过期/变质', en: 'Expired' },
  counterfeit: { zh: '疑似假货', en: 'Suspected fake' },
  wrong_item: { zh: '发错货', en: 'Wrong item' },
  missing_item: { zh: '少发/漏发', en: 'Missing item' },
};
