/**
 * Slots carried by the frame (issue 11, parts 1 and 2), zh and en: what the customer already said in the
 * first message — category, skin type, budget, undertone, finish, allergies, life stage, recipient — is
 * not asked again, and the conversation goes on with it; typos and colloquial forms count the same.
 */
import type { TranscriptTable } from '../runTranscript';

const SKIN_ZH = /什么肤质|您的肤质|哪种肤质|肤质是/;
const SKIN_EN = /skin type\?|what(?:'s| is) your skin/i;
const BUDGET_ZH = /预算(?:大概)?(?:是)?多少|预算范围/;
const BUDGET_EN = /budget\?|what(?:'s| is) your budget|price range/i;
const ZH_IN_EN = /[\u4e00-\u9fff]/;

const cases: TranscriptTable[] = [
  {
    name: 'nluFrames: skin type, concern, category and budget in one message are not asked again (zh)',
    lang: 'zh',
    rows: [['我是油皮，想要控油的洗面奶，100块以内', /洁面|洗面奶/, { not: [SKIN_ZH, BUDGET_ZH] }]],
  },
  {
    name: 'nluFrames: a moisturizer for dry skin under a budget goes straight to suggestions (en)',
    lang: 'en',
    rows: [['hi, do you have a moisturizer for dry skin under 300 yuan?', /cream|moisturi[sz]er/i, { not: [SKIN_EN, BUDGET_EN, ZH_IN_EN] }]],
  },
  {
    name: 'nluFrames: colloquial skin words and a two-number budget count as said (zh)',
    lang: 'zh',
    rows: [['脸上老是出油，想找个清爽点的面霜，两三百的', /面霜/, { not: [SKIN_ZH, BUDGET_ZH] }]],
  },
  {
    name: 'nluFrames: a misspelt category and a spelled-out skin type still work (en)',
    lang: 'en',
    rows: [['looking for a sunscren, my skin gets really oily', /sunscreen|SPF/i, { not: [SKIN_EN, ZH_IN_EN] }]],
  },
  {
    name: 'nluFrames: a lipstick with undertone and finish is not asked about skin type (zh)',
    lang: 'zh',
    rows: [['黄皮想买支哑光口红，有推荐吗', /口红|唇/, { not: [SKIN_ZH] }]],
  },
  {
    name: 'nluFrames: a lipstick for cool undertones gets lipsticks, not skincare questions (en)',
    lang: 'en',
    rows: [['any matte lipstick for cool-toned skin?', /lipstick|lip/i, { not: [SKIN_EN, /anti-?ageing|anti-?aging/i, ZH_IN_EN] }]],
  },
  {
    name: 'nluFrames: the budget said first is remembered when the skin type comes later (zh)',
    lang: 'zh',
    rows: [
      ['推荐个精华，预算500以内', SKIN_ZH, { not: [BUDGET_ZH] }],
      ['混合皮', /质地|清爽|滋润/, { not: [BUDGET_ZH, SKIN_ZH] }],
      ['清爽一点的', /精华/, { not: [BUDGET_ZH, SKIN_ZH] }],
    ],
  },
  {
    name: 'nluFrames: the budget said first is remembered when the skin type comes later (en)',
    lang: 'en',
    rows: [
      ['recommend a serum please, budget around 500 rmb', SKIN_EN, { not: [BUDGET_EN] }],
      ['combination', /texture/i, { not: [BUDGET_EN, SKIN_EN, ZH_IN_EN] }],
      ['lightweight pls', /serum/i, { not: [BUDGET_EN, SKIN_EN, ZH_IN_EN] }],
    ],
  },
  {
    name: 'nluFrames: an allergy said with the request is applied to the suggestions (zh)',
    lang: 'zh',
    rows: [['我对酒精过敏，干皮，想要个面霜，300左右', /酒精/, { not: [SKIN_ZH, BUDGET_ZH] }]],
  },
  {
    name: 'nluFrames: fragrance-free is applied to the suggestions (en)',
    lang: 'en',
    rows: [["I'm allergic to fragrance, need a face cream for sensitive skin under 400 yuan", /fragrance/i, { not: [SKIN_EN, BUDGET_EN, ZH_IN_EN] }]],
  },
  {
    name: 'nluFrames: a gift for mother with her age and budget asks nothing already said (zh)',
    lang: 'zh',
    rows: [['想给我妈买个抗老面霜，她五十多了，干皮，预算一千以内', /面霜/, { not: [SKIN_ZH, BUDGET_ZH] }]],
  },
  {
    name: 'nluFrames: a gift for my wife with a price range keeps the range (en)',
    lang: 'en',
    rows: [['gift for my wife, a serum between 300 and 600 yuan, she has dry skin', /serum/i, { not: [SKIN_EN, BUDGET_EN, ZH_IN_EN] }]],
  },
  {
    name: 'nluFrames: pregnancy said with the request gets pregnancy-aware advice, not the skin-type question (zh)',
    lang: 'zh',
    rows: [['我怀孕了，想要个保湿面霜，干皮，500以内', [/孕期/, /避开/], { not: [SKIN_ZH, BUDGET_ZH] }]],
  },
  {
    name: 'nluFrames: breastfeeding said with the request is taken into account (en)',
    lang: 'en',
    rows: [["I'm breastfeeding, need a moisturizer for dry skin under 500 yuan", /breastfeeding/i, { not: [SKIN_EN, BUDGET_EN, ZH_IN_EN] }]],
  },
];
export default cases;
