import type { TranscriptTable } from '../runTranscript';

/**
 * Conversation cases (issue 11) for the shopping guide, one short conversation each; see ./index.ts for
 * the format. What the customer said is used and never asked again; the category decides the questions;
 * constraints filter; 这款 / this one is the product in focus; replies follow the customer's language.
 */
const ASKS_SKIN = /肤质呢|skin type\?/;
const ASKS_BUDGET = /预算大概|What is your budget/;
const ASKS_AGEING = /是否关注抗老|anti-ageing products lately/;
const CJK = /[\u4e00-\u9fff「」（）]/;

const cases: TranscriptTable[] = [
  // ---- everything said up front: recommendations at once
  {
    name: 'guide: cleanser for oily skin with a budget in Chinese numerals, all in one message (zh)',
    lang: 'zh',
    rows: [['油皮，想找一款控油的洗面奶，一百块以内', [/为您挑了 \d 款/, '洁面', '适合油皮', '¥100以内'], { not: [ASKS_SKIN, ASKS_BUDGET, '哪款产品', '预算 ¥'] }]],
  },
  {
    name: 'guide: moisturiser for dry skin under a budget, nothing asked (en)',
    lang: 'en',
    rows: [['hey, any moisturiser for dry skin under 250 rmb?', [/picks?:/, 'for dry skin', 'under ¥250'], { not: [ASKS_AGEING, ASKS_BUDGET, ASKS_SKIN, /budget/i, CJK] }]],
  },
  {
    name: 'guide: anti-ageing serum, skin type and a rough budget the classifier does not recognise as a request (en)',
    lang: 'en',
    rows: [['I need an anti aging serum, oily skin, budget about 600', [/Serum/, 'for oily skin', 'Anti-ageing'], { not: [ASKS_SKIN, ASKS_BUDGET, /did not quite get/, CJK] }]],
  },
  {
    name: 'guide: combination skin, anti-ageing serum, budget around a figure (zh)',
    lang: 'zh',
    rows: [['混油皮，想要抗老精华，预算五百左右', ['精华', '适合混合皮', '抗老'], { not: [ASKS_SKIN, ASKS_BUDGET] }]],
  },
  {
    name: 'guide: a returning customer is not asked her skin type again for another category (en)',
    lang: 'en',
    rows: [
      ['recommend a serum for oily skin under 300', ['for oily skin', 'under ¥300']],
      ['and a good moisturizer?', ['I remember: oily skin', /Cream|Moisturi/i], { not: [ASKS_SKIN, CJK] }],
    ],
  },
  // ---- the category decides the questions
  {
    name: 'guide: a lipstick asks the colour family and budget, never skin type (zh)',
    lang: 'zh',
    rows: [
      ['推荐一支口红', '色系', { not: [ASKS_SKIN, ASKS_AGEING] }],
      ['豆沙色', ASKS_BUDGET, { not: [ASKS_SKIN] }],
      ['300以内', [/为您挑了 \d 款/, '口红', '¥300以内'], { not: ['适合油皮', '抗老'] }],
    ],
  },
  {
    name: 'guide: a lipstick in English asks colour, not skin (en)',
    lang: 'en',
    rows: [
      ['can you recommend a lipstick?', 'colour family', { not: [ASKS_SKIN, ASKS_AGEING] }],
      ['nude', 'What is your budget?', { not: [CJK] }],
      ['under 200', [/Lipstick/, 'in nude', 'under ¥200'], { not: [CJK] }],
    ],
  },
  {
    name: 'guide: foundation with the undertone said up front comes at once (zh)',
    lang: 'zh',
    rows: [['想买个粉底液，我是黄皮', ['粉底液', /有.+色/], { not: [ASKS_SKIN, ASKS_AGEING, '色色'] }]],
  },
  {
    name: 'guide: foundation asks undertone, budget and finish (en)',
    lang: 'en',
    rows: [
      ['looking for a foundation', 'undertone', { not: [ASKS_SKIN] }],
      ['warm', ASKS_BUDGET],
      ['no limit', 'matte or a dewy'],
      ['matte', [/Foundation/, 'matte finish'], { not: [CJK] }],
    ],
  },
  {
    name: 'guide: blush asks the colour family (zh)',
    lang: 'zh',
    rows: [['腮红有推荐吗', '色系', { not: [ASKS_SKIN, ASKS_AGEING] }]],
  },
  {
    name: 'guide: shampoo with the hair problem said comes at once (zh)',
    lang: 'zh',
    rows: [['推荐个洗发水，头皮屑好多', ['洗发水', '去屑'], { not: [ASKS_SKIN, ASKS_AGEING] }]],
  },
  {
    name: 'guide: shampoo asks the hair concern; a long answer is taken as the answer (en)',
    lang: 'en',
    rows: [
      ['recommend a shampoo please', 'your hair', { not: [ASKS_SKIN] }],
      ['my hair is damaged from bleaching', 'What is your budget?', { not: [/orders/] }],
      ['whatever', [/Shampoo/, 'repair'], { not: [CJK] }],
    ],
  },
  // ---- gifts: recipient and budget
  {
    name: 'guide: skincare for mum, her age, dry skin and budget in one message (zh)',
    lang: 'zh',
    rows: [['想给我妈买点护肤品，她快60了，皮肤比较干，预算八百', ['适合送妈妈', '适合干皮', '抗老', '¥800以内'], { not: ['哪一款', '不客气', ASKS_SKIN] }]],
  },
  {
    name: 'guide: a gift for a girlfriend asks only the budget (zh)',
    lang: 'zh',
    rows: [
      ['送女朋友礼物有什么推荐', ASKS_BUDGET, { not: [ASKS_SKIN, '送给谁'] }],
      ['500以内', ['适合送女朋友', '¥500以内']],
    ],
  },
  {
    name: 'guide: "a gift" asks who it is for, then the budget (en)',
    lang: 'en',
    rows: [
      ['I want to buy a gift', 'Who is it for?', { not: [ASKS_SKIN] }],
      ['my mum', 'What is your budget?'],
      ['around 800', ['a gift for your mother', 'anti-ageing'], { not: [CJK] }],
    ],
  },
  {
    name: 'guide: birthday present with recipient and budget is not an order question (en)',
    lang: 'en',
    rows: [['birthday present for my girlfriend, under 400 yuan', ['a gift for your girlfriend', 'under ¥400'], { not: [/orders/, ASKS_SKIN] }]],
  },
  // ---- no preference moves on
  {
    name: 'guide: 随便 / 都可以 / 无所谓 at every question moves on (zh)',
    lang: 'zh',
    rows: [
      ['推荐点护肤品', ASKS_SKIN],
      ['随便', ASKS_AGEING],
      ['都可以', ASKS_BUDGET, { not: ['undefined'] }],
      ['无所谓', '清爽还是滋润'],
      ['都行', /为您挑了 \d 款/],
    ],
  },
  {
    name: 'guide: "not sure" and "whatever" move on, nothing is undefined (en)',
    lang: 'en',
    rows: [
      ['recommend me some skincare', ASKS_SKIN],
      ['not sure', 'anti-ageing'],
      ['hydration', ['Got it: focus on hydration', 'What is your budget?'], { not: ['undefined'] }],
      ['whatever', 'light or a rich'],
      ['either', /picks:/],
    ],
  },
  // ---- constraints filter and are said
  {
    name: 'guide: allergic to alcohol and wants it fragrance-free (zh)',
    lang: 'zh',
    rows: [['想要一款保湿面霜，干皮，我对酒精过敏，最好无香精', ['已按您的要求筛选', '酒精', '香精'], { not: [ASKS_SKIN] }]],
  },
  {
    name: 'guide: fragrance-free moisturiser for sensitive skin (en)',
    lang: 'en',
    rows: [['fragrance free moisturizer for sensitive skin please', ['Filtered as you asked: no fragrance', 'for sensitive skin'], { not: [ASKS_SKIN, CJK] }]],
  },
  {
    name: 'guide: trying to conceive, a serum for sensitive skin leaves retinoids out (zh)',
    lang: 'zh',
    rows: [['备孕中，推荐个精华，敏感肌，300以内', ['已按您的要求筛选', '备孕期已避开A醇'], { not: [/视黄醇|水杨酸 \d/, ASKS_SKIN, ASKS_BUDGET] }]],
  },
  {
    name: 'guide: breastfeeding, a cream in English is filtered and says so (en)',
    lang: 'en',
    rows: [['can you recommend a night cream for dry skin? I am breastfeeding', ['for breastfeeding: no retinoids', 'for dry skin'], { not: [/Retinol|Salicylic/, ASKS_SKIN, CJK] }]],
  },
  {
    name: 'guide: a serum without retinol, said as an ingredient to avoid (zh)',
    lang: 'zh',
    rows: [['推荐个不含视黄醇的精华，敏感肌，三百以内', ['不含视黄醇'], { not: [/视黄醇 \d/, ASKS_SKIN, ASKS_BUDGET] }]],
  },
  {
    name: 'guide: a minimum budget keeps the picks above it (zh)',
    lang: 'zh',
    rows: [['想要一款面霜，干皮，500以上的', ['¥500以上', '适合干皮'], { not: [ASKS_BUDGET, ASKS_SKIN] }]],
  },
  // ---- the product in focus
  {
    name: 'guide: 这款 after a list of cards asks which, the second one is answered (zh)',
    lang: 'zh',
    rows: [
      ['推荐一款保湿精华，干皮，三百以内', /为您挑了 [23] 款/],
      ['这款多少钱', '哪一款', { not: ['售价'] }],
      ['第二款', '售价'],
    ],
  },
  {
    name: 'guide: "this one" after a list asks which; a number picks it, in English (en)',
    lang: 'en',
    rows: [
      ['hydrating serum for dry skin under 400', /picks:/],
      ['how much is this one?', 'Which of these', { not: [/¥\d+\.?$/] }],
      ['2', /¥\d+/, { not: [CJK] }],
    ],
  },
  {
    name: 'guide: 它 is the product just asked about (zh)',
    lang: 'zh',
    rows: [
      ['小棕瓶多少钱', '¥'],
      ['它适合油皮吗', '特润', { not: ['哪款产品'] }],
    ],
  },
  {
    name: 'guide: 和X比 compares the product in focus with X (zh)',
    lang: 'zh',
    rows: [
      ['神仙水多少钱', '¥'],
      ['跟雅诗兰黛小棕瓶比哪个好', ['SK-II', '特润'], { not: ['娇韵诗'] }],
    ],
  },
  {
    name: 'guide: "how does it compare with X" compares the product in focus (en)',
    lang: 'en',
    rows: [
      ['how much is Advanced Night Repair?', '¥'],
      ['how does it compare with Lancome Genifique?', ['Estée Lauder', 'Lancôme'], { not: ['Clarins'] }],
    ],
  },
  {
    name: 'guide: too expensive after an English comparison is hesitation, not orders (en)',
    lang: 'en',
    rows: [
      ['compare Advanced Night Repair and Lancome Genifique', 'Lancôme'],
      ['too expensive, let me think', /coupon|offer|gift/i, { not: [/cannot find any orders/, CJK] }],
    ],
  },
  {
    name: 'guide: the third card picked by its place, then bought (zh)',
    lang: 'zh',
    rows: [
      ['推荐一款控油的洗面奶，油皮，100以内', /为您挑了 3 款/],
      ['第三款怎么用', ['洁面'], { not: ['哪一款'] }],
      ['我要买这个', 'shop.example/cart?add='],
    ],
  },
  {
    name: 'guide: a card button names the product, and "this one" then means it (en)',
    lang: 'en',
    rows: [
      ['Tell me about Advanced Night Repair', 'Advanced Night Repair'],
      ['add this one to my cart', 'shop.example/cart?add=sk-0001', { not: [CJK] }],
    ],
  },
  {
    name: 'guide: a cart link pasted back puts its product in focus (en)',
    lang: 'en',
    rows: [
      ['https://shop.example/cart?add=sk-0001', ['Advanced Night Repair', 'shop.example/cart?add=sk-0001']],
      ['is this one ok for oily skin?', 'Advanced Night Repair', { not: ['Which product', 'Which of these'] }],
    ],
  },
  {
    name: 'guide: a product introduced in English names its concerns in English (en)',
    lang: 'en',
    rows: [['tell me about Advanced Night Repair', ['Advanced Night Repair', 'anti-ageing'], { not: [CJK] }]],
  },
  // ---- promotions in the customer's language
  {
    name: 'guide: offers listed in English carry no Chinese brackets (en)',
    lang: 'en',
    rows: [['what offers do you have right now?', ['Offers running now', 'until'], { not: [CJK, 'undefined'] }]],
  },
  // ---- typos and topic changes
  {
    name: 'guide: a typo in the verb still gets the picks (en)',
    lang: 'en',
    rows: [['recomend a moisturizer for oily skin under 200', ['for oily skin', 'under ¥200'], { not: [ASKS_SKIN, CJK] }]],
  },
  {
    name: 'guide: a shipping question mid-flow, then the colour answer goes on (zh)',
    lang: 'zh',
    rows: [
      ['推荐一支口红', '色系'],
      ['你们发什么快递？', '色系'],
      ['正红', ASKS_BUDGET],
    ],
  },
  {
    name: 'guide: Chinese flow answered in English switches the reply language (zh → en)',
    lang: 'zh',
    rows: [
      ['推荐一款面霜', ASKS_SKIN],
      ['dry skin', 'What is your budget?', { not: [CJK] }],
    ],
  },
];
export default cases;
