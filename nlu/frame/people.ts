/**
 * Who the product is for and what matters about them: life stage (孕妇/备孕/哺乳期, pregnant, trying to
 * conceive, breastfeeding), recipient (给妈妈, 送女朋友, for my mom, gift for my wife) and age (她50岁了,
 * 五十多, she's 50, in her 40s). "For myself" is said rarely, so no recipient means "not said", not "self".
 */
import { numberValue } from './amounts';

export type LifeStage = 'pregnant' | 'breastfeeding' | 'trying_to_conceive';

const NOT_PREGNANT = /没(?:有)?怀孕|不是孕妇|没在孕期|not pregnant|no longer pregnant/;
const TRYING = /备孕|准备怀孕|准备要(?:孩子|宝宝|小孩|二胎)|打算要(?:孩子|宝宝|小孩)|想要(?:个)?宝宝|在要孩子|trying to (?:conceive|get pregnant|have a baby)|\bttc\b|planning (?:a|for a) (?:baby|pregnancy)|planning to get pregnant/;
const NURSING = /哺乳|喂奶|母乳|喂宝宝|breast-?feeding|breast feeding|nursing (?:mom|mum|mother)|i'?m nursing|still nursing|lactating/;
const PREGNANT = /孕妇|怀孕|孕期|孕中|孕早|孕晚|孕初|孕[一二三四五六七八九\d]+[个周月]|怀了|怀着|准妈妈|孕妈|pregnan(?:t|cy)|expecting a baby|i'?m expecting|(?:mom|mum|mother)-to-be/;

export function lifeStageOf(text: string): LifeStage | undefined {
  if (TRYING.test(text)) return 'trying_to_conceive';
  if (NURSING.test(text)) return 'breastfeeding';
  if (PREGNANT.test(text) && !NOT_PREGNANT.test(text)) return 'pregnant';
  return undefined;
}

/** recipient value → zh words (ambiguous one-character forms only with 我/老: 我妈, 老爸) */
const ZH_RELATIONS: [string, string][] = [
  ['mother_in_law', '婆婆|丈母娘|岳母'],
  ['father_in_law', '公公|老丈人|岳父'],
  ['grandmother', '奶奶|外婆|姥姥'],
  ['grandfather', '爷爷|外公|姥爷'],
  ['mother', '妈妈|老妈|我妈|母亲|老母亲|妈咪|老娘'],
  ['father', '爸爸|老爸|我爸|父亲|老父亲'],
  ['girlfriend', '女朋友|女友|女票|对象'],
  ['boyfriend', '男朋友|男友|男票'],
  ['wife', '老婆|媳妇|妻子|太太|爱人'],
  ['husband', '老公|丈夫'],
  ['sister', '姐姐|妹妹|我姐|我妹|姐妹'],
  ['brother', '哥哥|弟弟|我哥|我弟'],
  ['daughter', '女儿|闺女'],
  ['son', '儿子'],
  ['friend', '闺蜜|朋友|好友|同学|室友|基友'],
  ['colleague', '同事'],
  ['boss', '领导|老板|上司'],
  ['teacher', '老师'],
];
const EN_RELATIONS: [string, string][] = [
  ['mother_in_law', 'mother-in-law|mother in law|mil'],
  ['father_in_law', 'father-in-law|father in law'],
  ['grandmother', 'grandma|grandmother|granny|nana'],
  ['grandfather', 'grandpa|grandfather'],
  ['mother', 'mom|mum|mother|mommy|mummy|mama|momma'],
  ['father', 'dad|father|daddy|papa'],
  ['girlfriend', 'girlfriend|gf|girl friend'],
  ['boyfriend', 'boyfriend|bf|boy friend'],
  ['wife', 'wife|wifey'],
  ['husband', 'husband|hubby'],
  ['sister', 'sister|sis'],
  ['brother', 'brother|bro'],
  ['daughter', 'daughter'],
  ['son', 'son'],
  ['friend', 'best friend|bestie|bff|friend|roommate|flatmate'],
  ['colleague', 'colleague|coworker|co-worker'],
  ['boss', 'boss'],
  ['teacher', 'teacher'],
];

/** every recipient value the frame can carry */
export const RECIPIENTS: readonly string[] = [...ZH_RELATIONS.map(([v]) => v), 'self'];

const ZH_WORDS = ZH_RELATIONS.map(([, w]) => w).join('|');
const EN_WORDS = EN_RELATIONS.map(([, w]) => w).join('|');
const ZH_TO = new Map<string, string>(ZH_RELATIONS.flatMap(([v, w]) => w.split('|').map((x) => [x, v] as [string, string])));
const EN_TO = new Map<string, string>(EN_RELATIONS.flatMap(([v, w]) => w.split('|').map((x) => [x, v] as [string, string])));

/** 给我妈 / 送女朋友 / 帮老公买 / 替闺蜜问 */
const ZH_FOR = new RegExp(`(?:给|送|帮|替|为|买给|送给)(?:我的?|我们|自家)?(${ZH_WORDS})`);
/** 我妈用 / 女朋友生日 / 老婆是干皮: the person's own use, skin or occasion */
const ZH_OF = new RegExp(`(${ZH_WORDS})(?:用|的生日|生日|过生日|的礼物|礼物|想要|要的|喜欢|的皮肤|皮肤|脸|是|她|他|今年|已经|五十|四十|六十|三十)`);
const EN_FOR = new RegExp(`\\b(?:for|to|gift for|present for|buy|get|give)\\s(?:my\\s|our\\s)?(${EN_WORDS})\\b`);
const EN_OF = new RegExp(`\\bmy\\s(${EN_WORDS})(?:'s|\\s(?:is|has|wants|likes|loves|needs|uses|asked|turns|turning)\\b)`);
const GIFT = /礼物|送人|送礼|生日|节日|母亲节|父亲节|情人节|七夕|圣诞|gift|present|birthday|anniversary|mother'?s day|valentine/;
const ZH_ANY = new RegExp(`(${ZH_WORDS})`);
const EN_ANY = new RegExp(`\\bmy\\s(${EN_WORDS})\\b`);
const SELF = /自己用|我自己|自用|给我自己|for myself|for my own use|for me to use|just for me/;

export function recipientOf(text: string): string | undefined {
  const zh = ZH_FOR.exec(text) ?? ZH_OF.exec(text) ?? (GIFT.test(text) ? ZH_ANY.exec(text) : null);
  if (zh) return ZH_TO.get(zh[1]);
  const en = EN_FOR.exec(text) ?? EN_OF.exec(text) ?? (GIFT.test(text) ? EN_ANY.exec(text) : null);
  if (en) return EN_TO.get(en[1]);
  return SELF.test(text) ? 'self' : undefined;
}

const ZH_NUM = String.raw`(\d{1,3}|[一二三四五六七八九十]{1,3})`;
const AGE_YEARS = new RegExp(`${ZH_NUM}\\s?(?:多|几|来)?\\s?(?:周岁|岁)`);
const AGE_CUED = new RegExp(`(?:她|他|我妈|我爸|妈妈|爸爸|今年|已经|年龄|年纪|快|都)(?:今年|已经|快|都|也)?${ZH_NUM}(?:多|出头|了)(?![块元钱])`);
const EN_AGE = /\b(\d{1,3})\s?(?:years? old|yrs? old|y\/?o|yo)\b|\b(?:she'?s|he'?s|she is|he is|i'?m|i am|aged?|turning|turns|age)\s(\d{1,2})\b(?!\s?(?:%|ml|yuan|rmb|dollars|bucks|k\b))/;
const EN_DECADE = /\bin (?:her|his|my|their) (?:(\d)0s|(twenties|thirties|forties|fifties|sixties|seventies|eighties))\b|\b(\d)0-?something\b/;
const DECADES: Record<string, number> = { twenties: 20, thirties: 30, forties: 40, fifties: 50, sixties: 60, seventies: 70, eighties: 80 };

const validAge = (n: number | undefined): number | undefined => (n !== undefined && n >= 1 && n <= 110 ? n : undefined);

export function ageOf(text: string): number | undefined {
  const zh = AGE_YEARS.exec(text) ?? AGE_CUED.exec(text);
  if (zh) return validAge(numberValue(zh[1]));
  const en = EN_AGE.exec(text);
  if (en) return validAge(Number(en[1] ?? en[2]));
  const decade = EN_DECADE.exec(text);
  if (decade) return validAge(decade[1] ? Number(decade[1]) * 10 : decade[2] ? DECADES[decade[2]] : Number(decade[3]) * 10);
  return undefined;
}
