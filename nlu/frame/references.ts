/**
 * Does the message point at the product in focus? 这款 / 这个 / 它 / 那支 / 刚才那个 / this one / that one /
 * is it good / how do I use it. Pointers at an order (这个订单, 那个快递) or at time (这个月) are not
 * product references; "it" counts only in the shapes where it stands for a thing being discussed.
 */

const ZH_POINTER = /(?:这|那|该|刚才那|刚刚那|上面那|你说的那|前面那)(?:一)?(?:款|支|瓶|只|个|盒|套|件|罐|管|色|色号|种|样|产品|东西|宝贝|商品|面霜|精华|口红|粉底|套装)(?!订单|单|快递|包裹|物流|月|周|星期|礼拜|时候|问题|地址|电话|号码|价|优惠|活动|客服|人|意思|样子)/;
/** 那个, 我想问下… — the filler, not a pointer */
const FILLER = /(?:^|[，,\s])那个(?=[，,\s]|我|你|请问|就是|啥|那个)/g;
const ZH_IT = /(?<![其])它(?!们)|(?<![其])他家这|这玩意/;
const EN_POINTER = /\b(?:this|that|the same) (?:one|product|item|cream|serum|lipstick|foundation|cleanser|toner|sunscreen|mask|shade|colou?r|stuff|thing|set|bottle)\b|\bthe one (?:you|i) (?:mentioned|showed|sent|recommended|just|said|clicked)\b|\b(?:this|that)(?=\s?(?:\?|$))/;
const EN_IT = /\b(?:is|does|can|will|would|could|should) it\b(?! (?:be possible|take|matter|rain))|\b(?:use|buy|try|apply|order|get|recommend|return|like|love|compare|wear|put) it\b|\bit (?:is|'s) (?:good|suitable|safe|ok|okay|worth|original|genuine|real|authentic|fake|too)\b|\bit (?:suit|contain|work|have|come|cost|smell|feel|last)s?\b|\bhow much is it\b/;

export function refersToFocus(text: string, english: boolean): boolean {
  const zh = text.includes('那个') ? text.replace(FILLER, ' ') : text;
  if (ZH_POINTER.test(zh) || ZH_IT.test(zh)) return true;
  return english || /[a-z]/.test(text) ? EN_POINTER.test(text) || EN_IT.test(text) : false;
}
