/**
 * The demo store's FAQ and policies, in Chinese and English (our own wording). Each pair shares a stem id:
 * faq-<n>-zh / faq-<n>-en. Policies are the demo store's; a merchant replaces them by importing its own.
 */
import type { FaqEntry } from '../types';

interface Pair {
  n: number;
  topic: string;
  zh: [question: string, variants: string[], answer: string];
  en: [question: string, variants: string[], answer: string];
}

const pairs: Pair[] = [
  { n: 1, topic: 'shipping', zh: ['多久发货？', ['什么时候发货', '下单后多久能发出', '发货时间', '付完款啥时候发', '当天能发出吗', '现在拍几天发货'], '工作日16:00前付款的订单当天发货，之后付款的次日发货；大促期间72小时内发货。'],
    en: ['When will my order ship?', ['how long until you ship', 'shipping time', 'dispatch time', 'do you ship the same day', 'how soon do orders go out'], 'Orders paid before 16:00 on a working day ship the same day; later orders ship the next day. During big sales we ship within 72 hours.'] },
  { n: 2, topic: 'shipping', zh: ['用什么快递？', ['发什么快递', '能发顺丰吗', '快递公司'], '默认发顺丰或京东快递；偏远地区改发邮政EMS。'],
    en: ['Which courier do you use?', ['which delivery company', 'can you ship with SF Express', 'courier'], 'We ship with SF Express or JD Logistics by default, and China Post EMS for remote areas.'] },
  { n: 3, topic: 'shipping', zh: ['包邮吗？', ['运费多少', '满多少包邮', '邮费', '要不要运费', '快递费怎么算'], '单笔实付满99元包邮，不满99元收取运费10元；新疆、西藏、青海满199元包邮。'],
    en: ['Is shipping free?', ['how much is shipping', 'free delivery threshold', 'shipping fee'], 'Shipping is free on orders of ¥99 or more; below that it costs ¥10. Xinjiang, Tibet and Qinghai: free from ¥199.'] },
  { n: 4, topic: 'shipping', zh: ['几天能到货？', ['多久能收到', '配送要几天', '到货时间', '快递几天到'], '发货后江浙沪1-2天，其他省份2-4天，偏远地区5-7天送达。'],
    en: ['How long does delivery take?', ['when will it arrive', 'delivery days', 'arrival time'], 'After dispatch: 1–2 days in Jiangsu, Zhejiang and Shanghai, 2–4 days elsewhere, 5–7 days in remote areas.'] },
  { n: 5, topic: 'shipping', zh: ['下单后能改地址吗？', ['修改收货地址', '地址填错了', '换地址'], '订单发货前可在"我的订单"里修改地址，或联系客服修改；已发货的订单需联系快递改派。'],
    en: ['Can I change the address after ordering?', ['wrong address', 'change delivery address', 'update shipping address'], 'Before dispatch you can change it under My Orders or ask us; once shipped, the courier has to redirect it.'] },
  { n: 6, topic: 'shipping', zh: ['能寄到海外或港澳台吗？', ['支持国际配送吗', '能发香港吗', '海外配送', '国外地址能收到吗', '能邮寄到境外吗'], '目前仅支持中国大陆地址配送，暂不支持港澳台及海外地址。'],
    en: ['Do you ship overseas or to Hong Kong, Macau, Taiwan?', ['international shipping', 'ship to Hong Kong', 'overseas delivery', 'do you deliver abroad', 'can you send it to another country'], 'We currently deliver to mainland China addresses only; Hong Kong, Macau, Taiwan and overseas are not supported yet.'] },
  { n: 7, topic: 'returns', zh: ['支持7天无理由退货吗？', ['七天无理由', '7天无理由退换', '能无理由退货吗'], '支持。签收后7天内，商品未拆封、未使用、包装及赠品齐全，可申请7天无理由退货。'],
    en: ['Do you accept 7-day no-reason returns?', ['7 day return', 'return without reason', 'no questions asked return'], 'Yes. Within 7 days of delivery, unopened and unused items with their packaging and gifts can be returned without a reason.'] },
  { n: 8, topic: 'returns', zh: ['拆封了还能退吗？', ['用过了可以退吗', '已开封能退货吗', '拆了包装能退吗', '开封后退货', '试过一点还能退货吗', '开了盖不喜欢能退吗'], '化妆品属于贴身使用商品，拆封或使用后不支持7天无理由退货；但如有质量问题或过敏，可凭照片或医院证明申请售后。只拆了外层塑封、内容物未使用的，可联系客服确认。'],
    en: ['Can I return an opened product?', ['return after opening', 'used product return', 'opened cosmetics refund', 'can I send back something I tried', 'return a used item'], 'Opened or used cosmetics cannot be returned under the 7-day no-reason rule, for hygiene reasons. Quality problems or an allergic reaction are handled by after-sales with photos or a doctor\'s note. If only the outer film is removed and the product is unused, ask us.'] },
  { n: 9, topic: 'returns', zh: ['用了过敏怎么办？', ['过敏了能退吗', '用完脸红发痒', '皮肤过敏'], '请立即停用并清水洗净，症状明显请就医。签收30天内凭过敏照片或就诊证明可申请退货退款，运费由我们承担。'],
    en: ['What if I have an allergic reaction?', ['allergy refund', 'skin reaction after use', 'allergic'], 'Stop using it, rinse with water and see a doctor if needed. Within 30 days of delivery, photos or a doctor\'s note let you return it for a refund; we pay the return shipping.'] },
  { n: 10, topic: 'returns', zh: ['退货运费谁出？', ['退货邮费', '退货要自己出运费吗', '运费险'], '质量问题、发错货、过敏退货由我们承担运费；7天无理由退货由买家承担，订单含运费险的可抵扣。'],
    en: ['Who pays for return shipping?', ['return shipping cost', 'do I pay to return'], 'We pay for quality problems, wrong items and allergy returns; no-reason returns are paid by the customer (covered if the order has shipping insurance).'] },
  { n: 11, topic: 'returns', zh: ['退款多久到账？', ['退款什么时候到', '退款时间', '钱什么时候退回来', '退款几天能到账'], '仓库签收退货后24小时内审核，审核通过后原路退回：支付宝/微信1-3个工作日，银行卡3-7个工作日。'],
    en: ['How long do refunds take?', ['when will I get my refund', 'refund time', 'how many days until the money is back'], 'We check returns within 24 hours of receiving them, then refund to the original payment: Alipay/WeChat Pay 1–3 working days, bank cards 3–7.'] },
  { n: 12, topic: 'returns', zh: ['怎么申请退换货？', ['退货流程', '怎么退货', '如何换货'], '在"我的订单"中选择商品点"申请售后"，选择退货或换货并填写原因，审核通过后按提示寄回。'],
    en: ['How do I return or exchange an item?', ['return process', 'how to return', 'exchange an item'], 'Open My Orders, choose the item, tap "After-sales", pick return or exchange and give the reason; after approval, send it back as instructed.'] },
  { n: 13, topic: 'returns', zh: ['收到的商品破损或漏液怎么办？', ['商品坏了', '漏液', '包装破损', '少发了'], '请在签收48小时内拍照（外箱、商品、快递单）联系客服，核实后为您补发或退款。'],
    en: ['My item arrived damaged or leaking', ['broken item', 'leaked bottle', 'missing item'], 'Send us photos (box, item, waybill) within 48 hours of delivery and we will resend or refund after checking.'] },
  { n: 14, topic: 'returns', zh: ['赠品需要一起退吗？', ['退货赠品怎么办', '小样要退吗'], '整单退货时赠品需一并退回；部分退货时赠品无需退回，但已使用的赠品价值可能从退款中扣除。'],
    en: ['Do I have to return the free gifts?', ['return gifts', 'samples when returning'], 'Return gifts with a full-order return; for a partial return you may keep them, but used gifts may be deducted from the refund.'] },
  { n: 15, topic: 'authenticity', zh: ['是正品吗？', ['保证正品吗', '是不是假货', '正品保障', '你们卖的是真货吗', '怕买到假的', '渠道靠谱吗'], '保证正品：本店所有商品均来自品牌官方或授权渠道，支持专柜验货，假一赔十。'],
    en: ['Are your products genuine?', ['authentic', 'is it fake', 'guarantee of authenticity', 'do you sell counterfeits', 'are these real products', 'is it the original'], 'Yes, everything is genuine: every product comes from the brand or its authorised distributors. Counter verification is welcome, and we pay ten times the price for any fake.'] },
  { n: 16, topic: 'authenticity', zh: ['怎么查生产日期和批号？', ['生产日期在哪里看', '批号查询', '保质期怎么看'], '批号印在瓶底或外盒底部，可在品牌官网或"查批号"类工具查询生产日期；我们发出的商品距过期不少于12个月。'],
    en: ['How do I check the production date or batch code?', ['batch code', 'manufacturing date', 'expiry date'], 'The batch code is on the bottom of the bottle or box; look it up on the brand site. Everything we ship has at least 12 months before expiry.'] },
  { n: 17, topic: 'authenticity', zh: ['为什么和专柜包装不一样？', ['包装不同', '外包装不一样', '是不是水货'], '品牌会更新包装，不同批次或产地外观可能略有差异，成分与品质一致；有疑问可提供照片给客服核实。'],
    en: ['Why does the packaging differ from the counter?', ['different packaging', 'grey import'], 'Brands update packaging, and batches or production sites can look slightly different with the same formula. Send us photos if in doubt.'] },
  { n: 18, topic: 'membership', zh: ['怎么成为会员？', ['会员怎么注册', '加入会员', '会员等级', '会员有哪些权益', '怎么升级会员', '办会员要钱吗'], '注册账号即为普通会员；年消费满1000元升级银卡，满3000元升级金卡，满8000元升级黑金卡。'],
    en: ['How do I become a member?', ['join membership', 'member tiers', 'membership levels', 'member benefits', 'how do I sign up as a member', 'is there a loyalty program'], 'Signing up makes you a member; ¥1,000 spent in a year makes you Silver, ¥3,000 Gold and ¥8,000 Black Gold.'] },
  { n: 19, topic: 'membership', zh: ['积分怎么用？', ['积分抵扣', '积分能换什么', '积分规则', '积分怎么攒', '积分会过期吗', '买东西送积分吗'], '每消费1元得1积分，100积分可抵1元，也可在积分商城兑换小样；积分在获得次年年底清零。'],
    en: ['How do points work?', ['use points', 'redeem points', 'points rules', 'do points expire', 'how do I collect points'], 'You earn 1 point per ¥1; 100 points take ¥1 off, or swap them for samples in the points shop. Points expire at the end of the year after they were earned.'] },
  { n: 20, topic: 'membership', zh: ['有生日礼吗？', ['会员生日福利', '生日优惠'], '银卡及以上会员生日当月可领取生日礼包和一张满299减50的生日券。'],
    en: ['Is there a birthday gift?', ['birthday benefit', 'birthday coupon'], 'Silver members and above get a birthday gift set and a ¥50-off-¥299 coupon in their birthday month.'] },
  { n: 21, topic: 'payment', zh: ['支持哪些付款方式？', ['怎么付款', '能用支付宝吗', '支付方式'], '支持微信支付、支付宝、银联云闪付和信用卡；暂不支持货到付款。'],
    en: ['Which payment methods do you accept?', ['how to pay', 'can I pay with Alipay', 'payment options'], 'WeChat Pay, Alipay, UnionPay QuickPass and credit cards. Cash on delivery is not available.'] },
  { n: 22, topic: 'payment', zh: ['可以分期付款吗？', ['花呗分期', '信用卡分期', '分期免息'], '支持花呗和信用卡分期，满500元可享3期免息（以支付页面显示为准）。'],
    en: ['Can I pay in instalments?', ['installments', 'Huabei instalment', 'interest free'], 'Huabei and credit-card instalments are supported; orders of ¥500 or more get 3 interest-free instalments (as shown at checkout).'] },
  { n: 23, topic: 'payment', zh: ['支付失败怎么办？', ['付款不成功', '扣款了订单没显示', '支付不了'], '请检查余额和网络后重试；若已扣款但订单未支付，款项会在1-3个工作日内自动退回。'],
    en: ['My payment failed', ['payment not working', 'charged but order unpaid'], 'Check your balance and connection and try again. If you were charged but the order shows unpaid, the money returns automatically within 1–3 working days.'] },
  { n: 24, topic: 'invoice', zh: ['能开发票吗？', ['开发票', '怎么开票', '电子发票'], '可以。订单完成后在"我的订单-申请发票"开具电子普通发票，发送至您的邮箱。'],
    en: ['Can I get an invoice?', ['invoice', 'fapiao', 'electronic invoice'], 'Yes. After the order completes, request an electronic invoice under My Orders and it is emailed to you.'] },
  { n: 25, topic: 'invoice', zh: ['能开增值税专用发票吗？', ['专票', '公司发票', '开专票'], '企业客户可开增值税专用发票，请提供公司名称、税号、开户行及账号、地址电话，10个工作日内寄出。'],
    en: ['Can you issue a VAT special invoice?', ['company invoice', 'VAT invoice'], 'Companies can get a VAT special invoice: send the company name, tax number, bank and account, address and phone; we post it within 10 working days.'] },
  { n: 26, topic: 'invoice', zh: ['发票抬头写错了能改吗？', ['修改发票抬头', '重开发票'], '开票后30天内可申请重开一次，在"申请发票"页面选择"重新开票"并填写正确抬头。'],
    en: ['Can I correct the name on my invoice?', ['reissue invoice', 'wrong invoice title'], 'Within 30 days of issue you can ask for one reissue from the invoice page with the correct name.'] },
  { n: 27, topic: 'account', zh: ['怎么修改绑定的手机号？', ['换手机号', '更改手机号码', '手机号换了'], '在"账户设置-安全中心"验证原手机号后更换；原号码已停用的，请联系客服人工核实身份。'],
    en: ['How do I change my phone number?', ['new phone number', 'update mobile number'], 'Go to Account Settings → Security, verify the old number and enter the new one. If the old number no longer works, contact us to verify your identity.'] },
  { n: 28, topic: 'account', zh: ['忘记密码怎么办？', ['找回密码', '重置密码', '登录不了'], '在登录页点"忘记密码"，用绑定手机号接收验证码即可重置。'],
    en: ['I forgot my password', ['reset password', 'cannot log in'], 'Tap "Forgot password" on the login page and reset it with a code sent to your phone.'] },
  { n: 29, topic: 'account', zh: ['怎么注销账号？', ['注销账户', '删除账号'], '在"账户设置-注销账号"提交申请，15天冷静期后注销，积分、优惠券和订单记录将无法恢复。'],
    en: ['How do I delete my account?', ['close account', 'remove my account'], 'Submit a request under Account Settings → Delete account; it is deleted after a 15-day cooling-off period and points, coupons and order history cannot be restored.'] },
  { n: 30, topic: 'price', zh: ['买完降价了能退差价吗？', ['价格保护', '保价', '降价补差价'], '支持7天价格保护：签收前及签收后7天内同一商品降价，可申请退差价（限时秒杀、直播专享价、赠品价值除外）。'],
    en: ['The price dropped after I bought. Can I get the difference?', ['price protection', 'price drop refund'], 'Yes, 7-day price protection: if the same item gets cheaper before or within 7 days after delivery, we refund the difference (flash sales, live-stream-only prices and gifts excluded).'] },
  { n: 31, topic: 'coupon', zh: ['优惠券怎么用？', ['优惠券用不了', '领券', '优惠券叠加'], '下单时在结算页自动选择最优券；店铺券与平台券可叠加，同类券每单限用一张，过期券无法使用。'],
    en: ['How do I use a coupon?', ['coupon not working', 'stack coupons'], 'Checkout picks the best coupon automatically. Store and platform coupons stack; one coupon of each kind per order, and expired coupons cannot be used.'] },
  { n: 32, topic: 'service', zh: ['客服工作时间是？', ['人工客服几点上班', '客服在线时间', '联系人工'], '在线客服每天9:00-24:00，机器人客服全天在线；人工客服忙时请留言，我们会尽快回复。'],
    en: ['What are your customer service hours?', ['human agent hours', 'when are you online'], 'Human agents are online 9:00–24:00 every day and the bot around the clock; leave a message when agents are busy and we will reply soon.'] },
  { n: 33, topic: 'product', zh: ['小样和正装一样吗？', ['小样是正品吗', '试用装'], '小样与正装为同一配方，仅容量不同，小样不单独销售，不支持退换。'],
    en: ['Are samples the same as full-size products?', ['sample size', 'trial size'], 'Samples have the same formula in a smaller size. They are not sold separately and cannot be returned.'] },
  { n: 34, topic: 'product', zh: ['化妆品开封后能用多久？', ['开封保质期', '开了盖能放多久', 'PAO'], '看包装上开盖标志（如12M表示开封后12个月）；具体商品可直接问"这款开封后能用多久"。'],
    en: ['How long does a product last after opening?', ['period after opening', 'PAO', 'open jar symbol'], 'Look for the open-jar symbol (12M means 12 months after opening); or ask about a specific product.'] },
  { n: 35, topic: 'shipping', zh: ['可以指定送货时间吗？', ['周末送货', '指定时间配送'], '暂不支持指定送货时间，可在订单备注说明，快递员会尽量安排；也可选择驿站或快递柜代收。'],
    en: ['Can I choose a delivery time?', ['weekend delivery', 'scheduled delivery'], 'Delivery times cannot be booked; add a note to the order and the courier will try, or pick a parcel locker.'] },
  { n: 36, topic: 'packaging', zh: ['可以礼品包装吗？', ['送礼包装', '能写贺卡吗', '送人的话能包装好看点吗', '有礼盒吗', '能不能帮忙包成礼物'], '可在结算页勾选礼品包装（9.9元），可附手写贺卡，发货单不显示价格。'],
    en: ['Do you offer gift wrapping?', ['gift box', 'greeting card', 'can you wrap it as a present', 'can I add a gift message'], 'Choose gift wrapping at checkout (¥9.90) with an optional card; the packing slip shows no prices.'] },
];

export const demoFaqs: FaqEntry[] = pairs.flatMap((p) => [
  { _id: `faq-${String(p.n).padStart(3, '0')}-zh`, topic: p.topic, lang: 'zh' as const, question: p.zh[0], variants: p.zh[1], answer: p.zh[2] },
  { _id: `faq-${String(p.n).padStart(3, '0')}-en`, topic: p.topic, lang: 'en' as const, question: p.en[0], variants: p.en[1], answer: p.en[2] },
]);
