/**
 * Spelling repair before the intent model reads a message. Chinese customers type with pinyin input, so
 * their slips are homophones of the word they meant (快第 for 快递, 发或 for 发货, 优惠卷 for 优惠券); the
 * model cannot learn every slip from examples, so the common slips of the shop's key words are mapped
 * back here. Only unambiguous pairs are listed: a slip that is also an everyday word (快的, 没油) is left
 * alone. The English side expands chat shorthand and contractions (u, pls, didnt, can't) to the words the
 * training set uses. Neither changes what entities are found: they read the original text.
 */

/** slip → meant; each slip is a string that does not occur in ordinary shop talk. */
const ZH_SLIPS: [string, string][] = [
  ['快第', '快递'],
  ['块递', '快递'],
  ['筷递', '快递'],
  ['快滴', '快递'],
  ['发或', '发货'],
  ['发祸', '发货'],
  ['法货', '发货'],
  ['罚货', '发货'],
  ['物六', '物流'],
  ['无流', '物流'],
  ['物刘', '物流'],
  ['退宽', '退款'],
  ['推款', '退款'],
  ['退块', '退款'],
  ['退或', '退货'],
  ['推货', '退货'],
  ['换或', '换货'],
  ['售候', '售后'],
  ['客腹', '客服'],
  ['客府', '客服'],
  ['人公客服', '人工客服'],
  ['转人公', '转人工'],
  ['发漂', '发票'],
  ['发瞟', '发票'],
  ['优惠卷', '优惠券'],
  ['代金卷', '代金券'],
  ['满减卷', '满减券'],
  ['取笑订单', '取消订单'],
  ['签手', '签收'],
  ['包油吗', '包邮吗'],
  ['保只期', '保质期'],
  ['保值期', '保质期'],
  ['过民', '过敏'],
  ['肿么', '怎么'],
  ['咋么', '怎么'],
  ['神马', '什么'],
  ['木有', '没有'],
  ['到那了', '到哪了'],
  ['到那里了', '到哪里了'],
  ['在那里了', '在哪里了'],
  ['订但', '订单'],
  ['定单', '订单'],
];

/** English chat shorthand and apostrophe-less contractions, as whole words. */
const EN_WORDS: Record<string, string> = {
  u: 'you',
  ur: 'your',
  r: 'are',
  pls: 'please',
  plz: 'please',
  pleas: 'please',
  thx: 'thanks',
  thnx: 'thanks',
  thanx: 'thanks',
  tks: 'thanks',
  ty: 'thank you',
  wanna: 'want to',
  gonna: 'going to',
  gotta: 'got to',
  im: 'i am',
  dont: 'do not',
  didnt: 'did not',
  doesnt: 'does not',
  cant: 'can not',
  cannot: 'can not',
  couldnt: 'could not',
  wouldnt: 'would not',
  isnt: 'is not',
  arent: 'are not',
  wasnt: 'was not',
  werent: 'were not',
  havent: 'have not',
  hasnt: 'has not',
  hadnt: 'had not',
  wont: 'will not',
  whats: 'what is',
  wheres: 'where is',
  hows: 'how is',
  acct: 'account',
  pwd: 'password',
  addr: 'address',
  asap: 'as soon as possible',
};

const ZH_SLIP_RE = new RegExp(ZH_SLIPS.map(([slip]) => slip).join('|'), 'g');
const ZH_SLIP_MAP = new Map(ZH_SLIPS);
// a shorthand touching Han characters is not English (u盘 is a USB stick)
const EN_WORD_RE = new RegExp(`(?<![a-z'\\p{Script=Han}])(${Object.keys(EN_WORDS).join('|')})(?![a-z'\\p{Script=Han}])`, 'gu');

/** `text` must already be lower case. */
export function repairSpelling(text: string): string {
  let out = text;
  if (/\p{Script=Han}/u.test(out)) out = out.replace(ZH_SLIP_RE, (slip) => ZH_SLIP_MAP.get(slip) ?? slip);
  if (/[a-z]/.test(out)) {
    out = out
      .replace(/(?<=[a-z])[’`]/g, "'")
      .replace(/\bcan't\b/g, 'can not')
      .replace(/\bwon't\b/g, 'will not')
      .replace(/(?<=[a-z])n't\b/g, ' not')
      .replace(/\bi'm\b/g, 'i am')
      .replace(/\b(what|where|how|it|that|there|who)'s\b/g, '$1 is')
      .replace(EN_WORD_RE, (w) => EN_WORDS[w] ?? w);
  }
  return out;
}
