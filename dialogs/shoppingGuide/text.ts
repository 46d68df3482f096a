/**
 * Everything the shopping guide says, zh and en side by side. Dialogs pick a sentence with
 * `say(lang, GUIDE_TEXT.key)` or `say(lang, GUIDE_TEXT.key(args))`. Arguments are already in the reply
 * language (product names, prices, dates), except option values (skin type, concern, texture), which
 * the Chinese sentence uses as they are and the English one turns into its option label.
 */
import type { Wording } from '../flow/language';
import { concernEn as concernEnNames, skinTypeEn as skinTypeEnNames } from '../../knowledge/text/synonyms';
import { CONCERNS, label, SKIN_TYPES, TEXTURES } from './answerParsers';

type Option = typeof SKIN_TYPES;

const RECIPIENT_ZH: Record<string, string> = { mother: '妈妈', father: '爸爸', girlfriend: '女朋友', boyfriend: '男朋友', wife: '老婆', husband: '老公', friend: '朋友', colleague: '同事' };

/** a concern in English: the guided question's label, else the catalogue's English name */
export const concernEn = (concern: string): string => (CONCERNS.some((c) => c.value === concern) ? inSentence(CONCERNS, concern) : (concernEnNames[concern] ?? concern));

/** "¥100以内" / "under ¥100", "¥240-360", "¥600以上" / "over ¥600" */
function budgetWords(min: number | undefined, max: number | undefined): Wording {
  if (min !== undefined && max !== undefined) return { zh: `¥${min}-${max}`, en: `¥${min}-${max}` };
  if (min !== undefined) return { zh: `¥${min}以上`, en: `over ¥${min}` };
  return { zh: `¥${max}以内`, en: `under ¥${max}` };
}

/** An option's English label as it reads inside a sentence ("oily skin", "focus on anti-ageing"). */
const inSentence = (options: Option, value: string | undefined): string => label(options, value, 'en').toLowerCase();

/** The reply that reserves a "first N buyers" gift (a button, and quoted in the offer sentences). */
const CLAIM_GIFT: Wording = { zh: '领取赠品', en: 'Claim the gift' };

/** The budget question's choices, cheapest first. */
export const BUDGET_CHOICES: Wording[] = [
  { zh: '300元以内', en: 'Under ¥300' },
  { zh: '300-600元', en: '¥300-600' },
  { zh: '600元以上', en: 'Over ¥600' },
  { zh: '不限', en: 'No limit' },
];

/** The finish and recipient questions' choices: the value the flow keeps and its wording. */
export const FINISH_CHOICES: (Wording & { value: string; words: string[] })[] = [
  { value: 'matte', zh: '哑光', en: 'Matte', words: ['哑光', '雾面', 'matte'] },
  { value: 'dewy', zh: '水光', en: 'Dewy', words: ['水光', '光泽', 'dewy', 'glow'] },
];
export const RECIPIENT_CHOICES: (Wording & { value: string; words: string[] })[] = [
  { value: 'mother', zh: '妈妈', en: 'My mother', words: ['妈', '母亲', '婆婆', 'mom', 'mum', 'mother'] },
  { value: 'girlfriend', zh: '女朋友', en: 'My girlfriend', words: ['女朋友', '女友', '老婆', 'girlfriend', 'wife'] },
  { value: 'friend', zh: '朋友', en: 'A friend', words: ['朋友', '闺蜜', '同事', 'friend', 'colleague', 'sister'] },
  { value: 'self', zh: '自己用', en: 'Myself', words: ['自己', 'myself'] },
];

export const GUIDE_TEXT = {
  // needs discovery: the guided questions, each with its re-ask
  askSkin: { zh: '亲，您是什么肤质呢？', en: 'What is your skin type?' },
  skinRetry: { zh: '请选一个肤质，例如「油皮」～', en: 'Please pick one, for example "Oily".' },
  askConcern: { zh: '您最近是否关注抗老产品？或者您最想改善的是哪方面呢？', en: 'Are you looking into anti-ageing products lately? Or what would you most like to improve?' },
  concernRetry: { zh: '请告诉我您最想改善的方面，例如「抗老」或「保湿」～', en: 'Please tell me what to focus on, for example "Anti-ageing" or "Hydration".' },
  /** the profile already knew these before this flow ("I remember…"); parts are already in the reply language */
  rememberedNeeds: (parts: string[]) => ({ zh: `已了解您的情况：${parts.join('，')}。`, en: `I remember: ${parts.join(', ')}.` }),
  notedNeeds: (parts: string[]) => ({ zh: `好的，记下啦：${parts.join('，')}。`, en: `Got it: ${parts.join(', ')}.` }),
  /** the parts of those two sentences */
  skinPart: (skin: string) => ({ zh: skin, en: `${inSentence(SKIN_TYPES, skin)} skin` }),
  concernPart: (concern: string) => ({ zh: `想要${concern}`, en: `focus on ${concernEn(concern)}` }),
  budgetPart: (min: number | undefined, max: number | undefined) => budgetWords(min, max),
  askBudget: { zh: '您的预算大概是多少呢？', en: 'What is your budget?' },
  budgetRetry: { zh: '请告诉我大概的预算，例如「500以内」，或者「不限」～', en: 'Please give me a rough budget, for example "under 500", or "no limit".' },
  askTexture: { zh: '喜欢清爽还是滋润的质地呢？', en: 'Do you prefer a light or a rich texture?' },
  textureRetry: { zh: '请选「清爽」「滋润」或「都可以」～', en: 'Please pick "Light", "Rich" or "Either".' },
  /** the texture question's "no preference" choice */
  textureEither: { zh: '都可以', en: 'Either' },
  noMatch: { zh: '暂时没有找到合适的商品，您可以换个需求试试，或输入「转人工」。', en: 'I could not find a match; try other wishes, or type "agent".' },
  /** [X] discovery-order experiment, recommendFirst arm: cards first, then the questions */
  refineAfterPicks: { zh: '想挑得更准一些的话，回答我几个小问题就好～', en: 'To narrow these down, a couple of quick questions:' },

  // the other guided questions: recipient (gifts), colour family (lips, cheeks, eyes), undertone (base), hair concern, finish
  askRecipient: { zh: '是送给谁的呢？', en: 'Who is it for?' },
  recipientRetry: { zh: '请告诉我是送给谁的，例如「妈妈」或「女朋友」～', en: 'Please tell me who it is for, for example "my mother" or "my girlfriend".' },
  askShade: { zh: '想要什么色系呢？也可以告诉我您是冷调还是暖调肤色～', en: 'Which colour family would you like? Or tell me whether your undertone is cool or warm.' },
  shadeRetry: { zh: '请选一个色系，例如「正红」或「豆沙」，或者说「都可以」～', en: 'Please pick a colour family, for example "Red" or "Nude", or say "any".' },
  askUndertone: { zh: '您的肤色偏冷调（冷白皮）还是暖调（黄皮）呢？', en: 'Is your undertone cool (fair, pinkish) or warm (golden, olive)?' },
  undertoneRetry: { zh: '请选「冷调」「暖调」或「中性调」～', en: 'Please pick "Cool", "Warm" or "Neutral".' },
  askHairConcern: { zh: '头发主要想解决什么问题呢？', en: 'What would you like to fix about your hair?' },
  hairConcernRetry: { zh: '请选一个，例如「去屑止痒」或「受损修护」～', en: 'Please pick one, for example "Dandruff" or "Damaged hair".' },
  askFinish: { zh: '喜欢哑光还是水光的妆效呢？', en: 'Do you prefer a matte or a dewy finish?' },
  finishRetry: { zh: '请选「哑光」「水光」或「都可以」～', en: 'Please pick "Matte", "Dewy" or "Either".' },

  // recommendations: the intro line and why a product fits, in a few words
  relaxedIntro: { zh: '完全符合所有条件的暂时没有，这几款最接近您的需求：', en: 'Nothing matches every wish exactly; these come closest:' },
  picksIntro: (count: number) => ({ zh: `根据您的情况，为您挑了 ${count} 款：`, en: count === 1 ? 'Based on what you told me, here is my pick:' : `Based on what you told me, here are ${count} picks:` }),
  pickOne: { zh: '点「了解这款」或发商品名，我再详细介绍～', en: 'Tap "More about" or send me a name for the details.' },
  moreAbout: (name: string) => ({ zh: `了解一下${name}`, en: `More about ${name}` }),
  suitsSkin: (skin: string) => ({ zh: `适合${skin}`, en: `for ${inSentence(SKIN_TYPES, skin)} skin` }),
  targetsConcern: (concern: string) => ({ zh: concern, en: concernEn(concern) }),
  /** the texture the customer asked for, the same in both languages */
  hasTexture: (wanted: string) => ({ zh: `${wanted}质地`, en: `${inSentence(TEXTURES, wanted)} texture` }),
  hasFinish: (finish: string) => ({ zh: finish === 'matte' ? '哑光妆效' : finish === 'dewy' ? '水光妆效' : '缎光妆效', en: `${finish} finish` }),
  inShade: (family: string, name: string, code: string) => ({ zh: `有${name}${name.endsWith('色') ? '' : '色'}`, en: `in ${family} (${code})` }),
  forRecipient: (recipient: string) => ({ zh: `适合送${RECIPIENT_ZH[recipient] ?? '人'}`, en: `a gift for your ${recipient}` }),
  inBudget: (min: number | undefined, max: number | undefined) => budgetWords(min, max),
  whyItFits: (reasons: string[]) => ({ zh: `推荐理由：${reasons.join(' · ')}`, en: `Why: ${reasons.join(' · ')}` }),

  // product questions
  askWhichProduct: { zh: '您问的是哪款产品呢？发商品名给我就好，例如「小棕瓶」～', en: 'Which product do you mean? Send me its name.' },
  askWhichOfThese: { zh: '您问的是哪一款呢？点一下或发商品名给我～', en: 'Which of these do you mean? Tap one or send me its name.' },
  productNotFound: { zh: '没找到这款哦，请发一下商品名称，例如「小棕瓶」或「神仙水」～', en: 'I could not find that one; please send the product name.' },
  notInProductData: { zh: '这个信息商品资料里暂时没有，我帮您转给人工客服确认好吗？', en: 'That is not in our product data; shall I ask a human colleague?' },
  /** a product introduced: name and price, then the optional concern and skin clauses below */
  introduce: (name: string, price: string, concerns: string, skin: string) => ({
    zh: `${name}，${price}${concerns}${skin}。想了解成分、用法或者和别的产品对比，都可以问我～`,
    en: `${name}, ${price}${concerns}${skin}. Ask me about ingredients, usage, or a comparison.`,
  }),
  /** concern and skin-type values as stored (Chinese); the English sentence names them in English */
  introConcerns: (concerns: string[]) => ({ zh: `，主打${concerns.join('、')}`, en: `, for ${concerns.map(concernEn).join(', ')}` }),
  introSkinTypes: (skinTypes: string[]) => ({ zh: `，适合${skinTypes.join('、')}`, en: `, suits ${skinTypes.map((s) => skinTypeEnNames[s] ?? s).join(', ')}` }),

  // comparisons
  askWhichTwo: { zh: '您想对比哪两款呢？把两款的名字发给我就行，例如「小棕瓶和兰蔻小黑瓶」～', en: 'Which two products shall I compare? Send me both names.' },

  // hesitation and offers
  noExtraOffer: {
    zh: '理解的～这款目前没有额外的优惠。您可以先加入购物车，有活动我第一时间告诉您；也可以让我推荐价格更合适的同类产品。',
    en: 'I understand. There is no extra offer on this one right now — add it to your cart and I will tell you when there is, or I can suggest similar products at a lower price.',
  },
  couponAlreadyHeld: (title: string, code: string, until: string, name: string, price: string) => ({
    zh: `您已经有一张${title}（券码 ${code}，${until} 前有效），用在${name}上到手价 ${price}。`,
    en: `You already hold a coupon: ${title} (code ${code}, valid until ${until}); with it ${name} comes to ${price}.`,
  }),
  couponIssued: (title: string, code: string, until: string, name: string, price: string) => ({
    zh: `理解您的顾虑～为您申请到一张${title}，券码 ${code}，${until} 前有效，用券后${name}到手价 ${price}。`,
    en: `I understand. Here is a coupon for you: ${title}, code ${code}, valid until ${until}; with it ${name} comes to ${price}.`,
  }),
  giftOffer: (promotion: { title: string; titleEn: string }, remaining: number) => ({
    zh: `另外这款参加「${promotion.title}」，目前还剩 ${remaining} 份，回复「${CLAIM_GIFT.zh}」即可为您锁定名额。`,
    en: `Also: ${promotion.titleEn} — ${remaining} left. Reply "${CLAIM_GIFT.en}" to reserve yours.`,
  }),
  /** the gift when there is no coupon to go with it */
  giftOnlyOffer: (promotion: { title: string; titleEn: string }, remaining: number) => ({
    zh: `理解您的顾虑～这款参加「${promotion.title}」，目前还剩 ${remaining} 份，回复「${CLAIM_GIFT.zh}」即可为您锁定名额。`,
    en: `I understand. This one comes with an offer: ${promotion.titleEn} — ${remaining} left. Reply "${CLAIM_GIFT.en}" to reserve yours.`,
  }),
  giftReserved: { zh: '您的赠品名额已锁定，下单即送～', en: 'Your gift is reserved and ships with your order.' },
  claimGift: CLAIM_GIFT,
  /** the claim line of an offer's product card */
  priceWithCoupon: (price: string) => ({ zh: `券后 ${price}`, en: `${price} with coupon` }),

  // purchase interest
  askWhichToBuy: { zh: '您想买哪一款呢？把商品名发给我，我给您加购物车链接～', en: 'Which product would you like? Send me its name and I will give you the cart link.' },
  askWhichOfTheseToBuy: { zh: '您想买哪一款呢？点一下就好～', en: 'Which one would you like? Tap it.' },
  buyThis: (name: string) => ({ zh: `买${name}`, en: `Buy ${name}` }),
  cartLink: (name: string, price: string, url: string) => ({
    zh: `好的！${name}（${price}），点这里加入购物车并结算：${url}`,
    en: `Great choice! ${name} (${price}) — add to cart and check out here: ${url}`,
  }),
  outOfStock: { zh: '这款暂时缺货，加购后到货会通知您。', en: 'It is out of stock right now; we will let you know when it is back.' },
  qualifiesForGift: (promotion: { title: string; titleEn: string }, remaining: number) => ({
    zh: `这款参加「${promotion.title}」，还剩 ${remaining} 份，回复「${CLAIM_GIFT.zh}」锁定名额。`,
    en: `It qualifies for "${promotion.titleEn}" — ${remaining} left; reply "${CLAIM_GIFT.en}" to reserve one.`,
  }),
} satisfies Record<string, Wording | ((...args: never[]) => Wording)>;
