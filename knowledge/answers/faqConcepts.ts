/**
 * Concepts behind the words customers use for store policies. Customers say 假货 / 高仿 / fake where the
 * FAQ says 正品, 国外 / the US where it says 海外, 用过一次 where it says 拆封: each family of words adds one
 * concept feature to both the question and the FAQ forms, so retrieval matches what is meant and not only
 * the characters written. The lists are ours, written from how people ask; a merchant's FAQ gains them too.
 */

const CONCEPTS: [concept: string, words: RegExp][] = [
  ['authentic', /正品|真货|保真|真品|假货|假的|仿品|高仿|山寨|水货|a货|原装|专柜货|授权|genuine|authentic|fake|counterfeit|knock-?offs?|replicas?|\boriginal\b|real (?:product|thing)/i],
  ['overseas', /国外|海外|境外|国际|出国|外国|美国|英国|日本|韩国|澳洲|澳大利亚|加拿大|新加坡|马来西亚|香港|澳门|台湾|港澳台|abroad|overseas|international(?:ly)?|outside (?:of )?(?:mainland )?china|\b(?:the )?(?:us|usa|uk)\b|america|europe|hong ?kong|taiwan|macau|singapore|japan|korea|canada|australia|another country|foreign/i],
  ['ship', /发货|发出|出库|寄出|寄到|寄去|发到|送到|配送|ship(?:s|ped|ping)?\b|dispatch|deliver(?:y|s)?\b|send (?:it|them|out)/i],
  ['when', /什么时候|啥时候|多久|几天|几时|几点|何时|多长时间|当天|今天|明天|when\b|how (?:long|soon|fast|quickly)|same day|today|tomorrow/i],
  ['member', /会员|vip|黑金卡|金卡|银卡|member(?:ship)?s?\b|loyalty|tiers?\b/i],
  ['points', /积分|points?\b|rewards?\b/i],
  ['giftwrap', /礼品包装|礼物包装|礼盒|包装成礼物|包成礼物|贺卡|gift[- ]?wrap(?:ped|ping)?|wrap (?:it|them)|gift box|greeting card/i],
  ['opened', /拆封|开封|拆开|拆了|打开过|开过|用过|试了|试过|试用过|(?:用|擦|涂|抹)了?(?:一|两|几|[0-9])次|用了一下|抹过|擦过|\bopened\b|\bused\b|tried (?:it|them)|already (?:opened|used)/i],
  ['giveback', /退货|退掉|退回|退换|return(?:s|ed|ing)?\b|send (?:it|them) back/i],
  ['refund', /退款|钱.*退|退.*钱|到账|refund(?:s|ed)?\b|money back/i],
  ['fee', /运费|邮费|快递费|包邮|免邮|shipping (?:fee|cost|charge)|delivery (?:fee|cost|charge)|postage|free shipping|free delivery/i],
  ['pay', /付款|支付|付钱|买单|花呗|pay(?:ment)?\b|checkout/i],
];

/** the concept features (`c:<name>`) a normalised text carries */
export function conceptsIn(text: string): string[] {
  return CONCEPTS.filter(([, words]) => words.test(text)).map(([concept]) => `c:${concept}`);
}
