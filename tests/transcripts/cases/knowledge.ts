import type { TranscriptTable } from '../runTranscript';

/**
 * Knowledge first (issue 11, part 5): store policies and FAQ answered for any customer — orders or none —
 * with the next step offered; personal order requests still reach the order flows.
 */
const NO_ORDERS = /没有订单|no orders|cannot find any orders/;

const cases: TranscriptTable[] = [
  { name: 'knowledge: ship time when ordering today, no orders (zh)', lang: 'zh', rows: [['今儿拍下的话几点能发货呀', ['16:00', '查询订单物流'], { not: [NO_ORDERS] }]] },
  { name: 'knowledge: opened product return, no orders (zh)', lang: 'zh', rows: [['开封试了两次不合适，能退不', ['拆封', '质量问题'], { not: [NO_ORDERS, '请问是哪个订单'] }]] },
  { name: 'knowledge: fake worry (zh)', lang: 'zh', rows: [['你们这卖的会不会是仿品啊', ['官方或授权渠道', '假一赔十']]] },
  { name: 'knowledge: overseas delivery (zh)', lang: 'zh', rows: [['人在国外，东西能寄过来吗', '仅支持中国大陆']] },
  { name: 'knowledge: authenticity of the cream in focus (zh)', lang: 'zh', rows: [['菁纯面霜多少钱', '¥'], ['这个面霜是不是正品啊', ['授权渠道'], { not: ['您问的是哪款'] }]] },
  { name: 'knowledge: how to become a member (zh)', lang: 'zh', rows: [['咋样才能成为你们会员', ['银卡', '金卡']]] },
  { name: 'knowledge: points (zh)', lang: 'zh', rows: [['积分能抵钱吗', '100积分可抵1元']] },
  { name: 'knowledge: refund time, then a personal return goes to the flow (zh)', lang: 'zh', rows: [['退款一般几天到账', ['原路退回', '1-3个工作日']], ['我要退货', NO_ORDERS]] },
  { name: 'knowledge: gift wrap then shipping fee (zh)', lang: 'zh', rows: [['能帮忙包成礼物吗', '9.9元'], ['运费怎么算', '满99元包邮']] },
  { name: 'knowledge: personal parcel question reaches the order flow (zh)', lang: 'zh', orders: '9000', rows: [['我的快递到哪了', '9000000000000103', { not: ['江浙沪1-2天'] }]] },
  { name: 'knowledge: when do orders ship, no orders (en)', lang: 'en', rows: [['if I place an order today, when does it ship?', ['16:00', 'Track my order'], { not: [NO_ORDERS] }]] },
  { name: 'knowledge: return after trying once (en)', lang: 'en', rows: [["I tried it once and don't like it, can I still return it?", ['hygiene', 'Return an item'], { not: [NO_ORDERS, /[\u4e00-\u9fff]/] }]] },
  { name: 'knowledge: counterfeit worry (en)', lang: 'en', rows: [['are your products genuine or knockoffs?', 'authorised distributors']] },
  { name: 'knowledge: overseas delivery (en)', lang: 'en', rows: [['do you deliver to Singapore?', 'mainland China addresses only']] },
  { name: 'knowledge: membership then points (en)', lang: 'en', rows: [['how do I become a member?', 'Silver'], ['and how do points work?', '100 points take ¥1 off']] },
  { name: 'knowledge: gift wrapping (en)', lang: 'en', rows: [['can you gift wrap it for me?', '¥9.90']] },
  { name: 'knowledge: refund timing (en)', lang: 'en', rows: [['how long do refunds usually take?', 'working days']] },
  { name: 'knowledge: personal return still reaches the return flow (en)', lang: 'en', rows: [['I want to return my order', NO_ORDERS]] },
  { name: 'knowledge: a product question is not taken by the FAQ (en)', lang: 'en', rows: [['is ANR good for oily skin?', 'Advanced Night Repair', { not: ['Shipping is free'] }]] },
];
export default cases;
