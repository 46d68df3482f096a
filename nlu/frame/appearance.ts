/**
 * How a product should feel and look: texture (清爽/轻薄/不油腻/light → light; 滋润/厚重/rich → rich),
 * undertone (黄皮/暖皮/warm → warm; 冷白皮/粉调/cool → cool; 中性调/neutral → neutral) and finish
 * (哑光/雾面/matte → matte; 水光/镜面/dewy/glossy → dewy; 缎光/satin → satin). A negated heavy word
 * (不要太油腻, not greasy) asks for the light one.
 */

export type Texture = 'light' | 'rich';
export type Undertone = 'warm' | 'cool' | 'neutral';
export type Finish = 'matte' | 'dewy' | 'satin';

const LIGHT = /清爽|轻薄|轻盈|不油腻|不黏|不粘|不厚重|不闷|啫喱|凝露|凝胶|水感|薄一点|清透|\blight(?:weight)?\b(?! (?:pink|red|brown|nude|coral|beige|shade|colou?r|skin|tone))|\bnon[- ]?greasy\b|\bnot (?:too )?(?:greasy|heavy|thick|sticky|oily)\b|\bgel\b|\bwatery\b|\bsheer\b|\bairy\b/;
const RICH = /滋润|厚重|厚一点|营养|油润|丰润|霜状|膏状|\brich\b|\bthick\b|\bcreamy\b|\bheavy\b|\bnourishing\b|\bbalm\b|\bemollient\b/;
/** 不要太滋润, 别太厚: the heavy word negated */
const NOT_RICH = /(?:不要|别|不想|不能|不喜欢|不想要|讨厌|怕)太?(?:滋润|厚重|厚|油腻|黏|粘|油)|\b(?:not|no|nothing|don'?t want|avoid) (?:too )?(?:rich|thick|heavy|greasy|oily|sticky)\b|\bhate (?:greasy|heavy|thick|sticky)\b/;
const NOT_LIGHT = /(?:不要|别|不想|不喜欢)太?(?:清爽|轻薄|干)|\bnot (?:too )?(?:light|drying)\b/;

export function textureOf(text: string): Texture | undefined {
  if (NOT_RICH.test(text)) return 'light';
  if (NOT_LIGHT.test(text)) return 'rich';
  const light = LIGHT.exec(text);
  const rich = RICH.exec(text);
  if (light && rich) return light.index <= rich.index ? 'light' : 'rich';
  return light ? 'light' : rich ? 'rich' : undefined;
}

const WARM = /黄皮|黄一白|黄二白|黄黑皮|暖皮|暖调|暖白皮|暖色调皮|偏黄|肤色黄|皮肤黄|黄调|橄榄皮|\bwarm(?:[- ]toned?| undertones?| skin(?: tone)?)\b|\byellow(?:ish)? (?:undertones?|skin|tone)\b|\bolive (?:skin|undertones?|tone)\b|\bgolden undertones?\b/;
const COOL = /冷白皮|冷皮|冷调|冷白|粉一白|粉调|偏粉|肤色偏粉|粉白皮|\bcool(?:[- ]toned?| undertones?| skin(?: tone)?)\b|\bpink(?:ish)? (?:undertones?|skin|tone)\b|\bfair cool\b/;
const NEUTRAL = /中性调|中性色调|中间调|自然调|不冷不暖|\bneutral(?:[- ]toned?| undertones?| skin tone)\b/;

export function undertoneOf(text: string): Undertone | undefined {
  if (COOL.test(text)) return 'cool';
  if (WARM.test(text)) return 'warm';
  if (NEUTRAL.test(text)) return 'neutral';
  return undefined;
}

const MATTE = /哑光|雾面|丝绒|磨砂|柔雾|绒雾|不反光|\bmatte?\b|\bvelvet\b|\bpowdery finish\b|\bsoft[- ]matte\b/;
const DEWY = /水光|镜面|光泽|亮面|水润感|有光泽|透亮妆|\bdewy\b|\bglossy\b|\bglowy\b|\bluminous\b|\bshiny\b|\bradiant finish\b|\bglass skin\b/;
const SATIN = /缎光|缎面|柔光|\bsatin\b|\bsemi[- ]matte\b/;

export function finishOf(text: string): Finish | undefined {
  if (SATIN.test(text)) return 'satin';
  if (MATTE.test(text)) return 'matte';
  if (DEWY.test(text)) return 'dewy';
  return undefined;
}
