/**
 * Anger in context (issue 11, part 7), zh and en: shouting, swearing, waiting and threats go to a human at
 * once with an apology; waiting and asking again add up over turns; a mild complaint, a calm complaint or a
 * calm quality problem stays with the bot and goes to its flow. Orders (prefix 9000): 103 is the shipped one.
 */
import type { TranscriptTable } from '../runTranscript';

const O = '9000';
const HUMAN_ZH = /非常抱歉[\s\S]*转接人工客服/;
const HUMAN_EN = /sorry[\s\S]*connecting you to a human agent/i;

const cases: TranscriptTable[] = [
  {
    name: 'anger: a late parcel with "！！" and 气死了 goes to a human at once (zh)',
    lang: 'zh',
    orders: O,
    rows: [['发货太慢了！！等了一个星期了，气死了', HUMAN_ZH, { not: ['哪个订单'] }]],
  },
  {
    name: 'anger: shouting in capitals after two weeks of waiting goes to a human (en)',
    lang: 'en',
    orders: O,
    rows: [['WHERE IS MY PARCEL?? I have been waiting for two weeks!!', HUMAN_EN]],
  },
  {
    name: 'anger: a threat to call 12315 goes to a human (zh)',
    lang: 'zh',
    orders: O,
    rows: [['再不给我处理我就打12315了', HUMAN_ZH]],
  },
  {
    name: 'anger: a chargeback threat goes to a human (en)',
    lang: 'en',
    orders: O,
    rows: [["if this isn't sorted out today I'm filing a chargeback with my bank", HUMAN_EN]],
  },
  {
    name: 'anger: contempt ("什么破快递，垃圾") goes to a human (zh)',
    lang: 'zh',
    orders: O,
    rows: [['什么破快递 垃圾', HUMAN_ZH]],
  },
  {
    name: 'anger: waiting and asking again add up until a human takes over (zh)',
    lang: 'zh',
    orders: O,
    rows: [
      ['我的快递怎么还没到', '订单 9000000000000103', { not: ['转接人工'] }],
      ['我都问了好几遍了，到底什么时候能到', HUMAN_ZH],
    ],
  },
  {
    name: 'anger: "the third time I ask" after a wait goes to a human (en)',
    lang: 'en',
    orders: O,
    rows: [
      ['where is my parcel', 'Order 9000000000000103', { not: ['human agent'] }],
      ["it's been a week and it's still not here", /./, { not: ['human agent'] }],
      ['this is the third time I ask, seriously', HUMAN_EN],
    ],
  },
  {
    name: 'anger: a mild "有点慢" gets an answer, not a human (zh)',
    lang: 'zh',
    orders: O,
    rows: [['发货有点慢呀', /发货|订单/, { not: ['转接人工'] }]],
  },
  {
    name: 'anger: a calm complaint becomes a complaint ticket, not an immediate handoff (zh)',
    lang: 'zh',
    orders: O,
    rows: [['你们的快递也太慢了我要投诉', '投诉工单', { not: ['马上为您转接'] }]],
  },
  {
    name: 'anger: a leaking cream without anger goes to the after-sales flow (en)',
    lang: 'en',
    orders: O,
    rows: [['the cream I received is leaking, the cap was cracked', /order/i, { not: ['human agent'] }]],
  },
  {
    name: 'anger: a slightly slow delivery in English stays with the bot (en)',
    lang: 'en',
    orders: O,
    rows: [['delivery is a bit slow', /./, { not: ['human agent'] }]],
  },
];
export default cases;
