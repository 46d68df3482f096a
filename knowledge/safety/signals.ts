/**
 * What a message says that the safety table answers: a life stage (孕妇, 哺乳期, 备孕, pregnant, nursing),
 * a skin reaction after using something (起红疹, 又痒又红, itchy and red after the serum), a question about
 * combining actives (A醇和果酸能一起用吗), and whether it asks for recommendations instead. Pure text rules.
 */
import type { LifeStage } from './types';

const STAGES: [LifeStage, RegExp][] = [
  ['trying_to_conceive', /备孕|准备要(?:宝宝|孩子)|想要(?:宝宝|孩子)|trying to (?:conceive|get pregnant)|trying for a baby|\bttc\b|planning (?:a|my) pregnancy/i],
  ['breastfeeding', /哺乳|喂奶|母乳|喂母乳|breast-?feeding|breastfeed|nursing|lactating/i],
  ['pregnant', /孕妇|怀孕|孕期|孕早期|孕中期|孕晚期|孕妈|准妈妈|有了宝宝|有宝宝了|pregnan|expecting a baby|mum-to-be|mom-to-be/i],
];

export function lifeStageIn(text: string): LifeStage | undefined {
  return STAGES.find(([, re]) => re.test(text))?.[0];
}

/** symptoms that are a reaction whenever they are asked about */
const STRONG_SYMPTOM = /红疹|疹子|起疹|出疹|皮疹|荨麻疹|风团|过敏了|过敏反应|好像过敏|是不是过敏|过敏怎么办|刺痛|灼热|灼烧|烧灼|火辣辣|辣辣的|肿了|红肿|发肿|肿起来|好痒|很痒|发痒|瘙痒|又痒|痒死|起小疙瘩|起疙瘩|\brash\b|hives|itch(?:y|ing|es)?\b|sting(?:s|ing)?\b|burning|burns\b|swell(?:ing|ed)?\b|swollen|allergic reaction|broke out|breaking out|bumps/i;
/** symptoms that need "after using it" to be a reaction (a red lipstick is no reaction) */
const WEAK_SYMPTOM = /发红|泛红|变红|红了|很红|又红|脸红|过敏|起痘|爆痘|闭口|脱皮|起皮|\bred(?:ness|dened)?\b|peeling|reaction/i;
const AFTER_USE = /用了|用完|(?:擦|涂|抹|敷)完|用后|用过|擦了|涂了|抹了|敷了|上脸|(?:用|擦|涂|抹|敷)[^，。,.]{0,8}(?:后|之后|以后)|after (?:using|applying|i used|i put|putting)|since (?:using|i started)|\bused (?:it|the|this|your)|(?:put|applied) (?:it|the|this)|from (?:the|this|your) |after (?:the|this|that|your|my) /i;
const ASKS_HELP = /怎么办|咋办|怎么处理|怎么弄|正常吗|what (?:should|do|can) i do|is (?:this|it|that) normal|help/i;

export function isReaction(text: string): boolean {
  const afterUse = AFTER_USE.test(text);
  if (STRONG_SYMPTOM.test(text)) return afterUse || ASKS_HELP.test(text);
  return WEAK_SYMPTOM.test(text) && afterUse;
}

/** the symptoms that make a reaction urgent: swelling of the face, eyes or lips, or breathing trouble */
export function isUrgentReaction(text: string): boolean {
  return /(?:眼|嘴|唇|脸|面)[^，。,.]{0,4}肿|肿[^，。,.]{0,4}(?:眼|嘴|唇)|呼吸困难|喘不上|喉咙(?:发紧|紧)|(?:eyes?|lips?|face|tongue|throat)[^,.]{0,12}swell|swollen[^,.]{0,12}(?:eyes?|lips?|face)|(?:trouble|difficulty|hard to) breath|can'?t breathe/i.test(text);
}

const TOGETHER = /一起|同时|叠加|搭配|混用|混着|配合|一块|叠着|和.{1,12}(?:用|搭)|\btogether\b|\bcombine|\bmix|\blayer|same time|\bwith\b|\band\b|\bafter\b/i;
const SEVERAL = /几种|多种|好几个|各种|一堆|several|multiple|many|a lot of|lots of/i;
const ACTIVE_WORD = /活性|酸类|刷酸|功效成分|actives?\b|acids\b/i;

/** asks whether things go together ("能一起用吗", "can I use X with Y") */
export function asksTogether(text: string): boolean {
  return TOGETHER.test(text);
}

/** several actives at once, named only in general ("几种酸一起用", "multiple actives") */
export function asksSeveralActives(text: string): boolean {
  return SEVERAL.test(text) && ACTIVE_WORD.test(text) && TOGETHER.test(text);
}

/** asks for products to buy rather than about one: the shopping guide filters those by life stage */
export function asksForRecommendation(text: string): boolean {
  return /推荐|有没有|有什么|有哪些|哪款|哪个|哪些|帮我挑|帮我选|给我找|recommend|suggest|which (?:one|product|cream|serum)|what (?:products?|skincare|cream|serum|moisturi[sz]er)|any (?:good )?(?:products?|creams?|serums?)/i.test(text);
}
