/**
 * The curated safety table: what public health and dermatology bodies say about common cosmetic actives
 * in pregnancy, breastfeeding and while trying to conceive, about combining actives, and about a skin
 * reaction. Written in our own words from the named sources; it is general information, and every answer
 * built from it sends the customer to a doctor for a personal decision.
 *
 * Sources, by name: ACOG (American College of Obstetricians and Gynecologists, patient guidance on skin
 * conditions and acne treatment in pregnancy); NHS (UK National Health Service medicine pages for
 * tretinoin, adapalene and benzoyl peroxide, contact dermatitis, anaphylaxis, aromatherapy in pregnancy);
 * FDA (US Food and Drug Administration: over-the-counter hydroquinone skin lighteners, 2020); AAD
 * (American Academy of Dermatology: using retinoids and acids, layering actives, contact dermatitis);
 * 中国《化妆品安全技术规范》(2015年版: 禁用组分 and 限用组分 lists).
 */
import type { Active } from './actives';
import type { Finding, LifeStage, Wording } from './types';

type StageFindings = Partial<Record<LifeStage, Finding>>;

/** findings per active and life stage; `rinseOff` replaces the finding for a low-strength wash-off product */
export const LIFE_STAGE_TABLE: Partial<Record<Active, { leaveOn: StageFindings; rinseOff?: StageFindings }>> = {
  retinoid: {
    leaveOn: {
      pregnant: { level: 'avoid', sources: ['ACOG', 'NHS'], note: { zh: '孕期不建议使用任何维A类护肤品或药膏；口服维A酸可致畸，外用的也建议整个孕期停用。', en: 'not recommended at any point in pregnancy; oral retinoids cause birth defects and topical ones are best stopped for the whole pregnancy.' } },
      trying_to_conceive: { level: 'avoid', sources: ['ACOG', 'NHS'], note: { zh: '备孕期间建议停用维A类产品（含外用），处方类的停药时间请遵医嘱。', en: 'best stopped while trying to conceive, topical ones included; for prescription retinoids ask your doctor how long before.' } },
      breastfeeding: { level: 'caution', sources: ['NHS'], note: { zh: '哺乳期使用的安全数据很少，一般不建议自行使用；确有需要请先咨询医生，且不要涂在宝宝会接触到的部位。', en: 'there is little safety data for breastfeeding; do not start one on your own — ask your doctor first, and never apply it where the baby touches.' } },
    },
  },
  bha: {
    leaveOn: {
      pregnant: { level: 'avoid', sources: ['ACOG', 'CSTSC'], note: { zh: '孕期避免高浓度、大面积或驻留型的水杨酸产品（精华、爽肤水、刷酸、换肤）；化妆品中水杨酸本身就有2%的上限。', en: 'avoid high-strength, large-area or leave-on salicylic acid (serums, toners, peels) in pregnancy; cosmetics are capped at 2% anyway.' } },
      trying_to_conceive: { level: 'caution', sources: ['ACOG'], note: { zh: '备孕时建议减少驻留型高浓度水杨酸，换用温和产品，具体请咨询医生。', en: 'cut down on leave-on, high-strength salicylic acid while trying to conceive and ask your doctor.' } },
      breastfeeding: { level: 'caution', sources: ['ACOG', 'NHS'], note: { zh: '哺乳期慎用驻留型、高浓度水杨酸，不要大面积使用，也不要涂在胸部等宝宝会接触的部位，建议先咨询医生。', en: 'use leave-on, high-strength salicylic acid with care while breastfeeding: not on large areas or where the baby touches, and ask your doctor first.' } },
    },
    rinseOff: {
      pregnant: { level: 'caution', sources: ['ACOG', 'CSTSC'], note: { zh: '低浓度、洗完即冲掉的水杨酸洗面奶在皮肤上停留时间短，一般认为风险较低，但仍建议先咨询医生再用。', en: 'a low-strength cleanser that is rinsed off stays on the skin only briefly and is usually seen as lower risk, but ask your doctor before using it.' } },
      trying_to_conceive: { level: 'caution', sources: ['ACOG'], note: { zh: '低浓度、洗完即冲的水杨酸洁面一般认为风险较低，建议和医生确认。', en: 'a low-strength rinse-off cleanser is usually seen as lower risk; check with your doctor.' } },
      breastfeeding: { level: 'caution', sources: ['ACOG', 'NHS'], note: { zh: '低浓度、洗完即冲的水杨酸洗面奶一般认为风险较低，但仍建议慎用并先咨询医生，避免接触宝宝会碰到的部位。', en: 'a low-strength rinse-off cleanser is usually seen as lower risk, but use it with care, ask your doctor first and keep it away from where the baby touches.' } },
    },
  },
  aha: {
    leaveOn: {
      pregnant: { level: 'caution', sources: ['ACOG'], note: { zh: '低浓度果酸护肤一般认为风险较低，但孕期皮肤更敏感，高浓度刷酸和换肤请避免，使用前建议咨询医生。', en: 'low-strength AHA skincare is usually seen as lower risk, but skip strong peels in pregnancy and ask your doctor first.' } },
      breastfeeding: { level: 'caution', sources: ['ACOG'], note: { zh: '避免高浓度果酸换肤，日常低浓度产品请先咨询医生。', en: 'avoid strong AHA peels; ask your doctor about everyday low-strength products.' } },
      trying_to_conceive: { level: 'caution', sources: ['ACOG'], note: { zh: '避免高浓度果酸换肤，日常低浓度产品请先咨询医生。', en: 'avoid strong AHA peels; ask your doctor about everyday low-strength products.' } },
    },
  },
  hydroquinone: {
    leaveOn: {
      pregnant: { level: 'avoid', sources: ['CSTSC', 'FDA'], note: { zh: '氢醌经皮吸收比例高，孕期不要使用；在我国它属于化妆品禁用成分，正规化妆品里不应含有。', en: 'a large share is absorbed through the skin, so do not use it in pregnancy; it is banned from cosmetics in China and no longer sold over the counter in the US.' } },
      breastfeeding: { level: 'avoid', sources: ['CSTSC', 'FDA'], note: { zh: '哺乳期不要使用氢醌；它属于化妆品禁用成分。', en: 'do not use it while breastfeeding; it is banned from cosmetics in China.' } },
      trying_to_conceive: { level: 'avoid', sources: ['CSTSC', 'FDA'], note: { zh: '备孕期间不要使用氢醌；它属于化妆品禁用成分。', en: 'do not use it while trying to conceive; it is banned from cosmetics in China.' } },
    },
  },
  benzoyl_peroxide: {
    leaveOn: {
      pregnant: { level: 'caution', sources: ['ACOG', 'NHS'], note: { zh: '外用过氧化苯甲酰吸收很少，医生有时会在孕期开具，但请在医生指导下使用，不要自行加量。', en: 'very little is absorbed and doctors sometimes prescribe it in pregnancy, but use it only on a doctor\'s advice.' } },
      breastfeeding: { level: 'caution', sources: ['NHS'], note: { zh: '哺乳期如需使用请先咨询医生，不要涂在胸部等宝宝会接触的部位。', en: 'ask your doctor first, and never apply it where the baby touches.' } },
      trying_to_conceive: { level: 'caution', sources: ['NHS'], note: { zh: '请在医生指导下使用。', en: 'use it on a doctor\'s advice.' } },
    },
  },
  essential_oil: {
    leaveOn: {
      pregnant: { level: 'caution', sources: ['NHS'], note: { zh: '孕期（尤其前三个月）避免高浓度、未稀释的精油和精油按摩，部分精油并不适合孕期；使用前请咨询医生。', en: 'avoid concentrated or undiluted oils and oil massage in pregnancy, especially the first three months; some oils are unsuitable — ask your doctor.' } },
      breastfeeding: { level: 'caution', sources: ['NHS'], note: { zh: '避免高浓度精油，不要用在胸部，宝宝对气味和皮肤接触都更敏感。', en: 'avoid concentrated oils and never use them on the breast; babies are sensitive to both the smell and skin contact.' } },
      trying_to_conceive: { level: 'caution', sources: ['NHS'], note: { zh: '避免高浓度、未稀释的精油，使用前请咨询医生。', en: 'avoid concentrated or undiluted oils and ask your doctor.' } },
    },
  },
};

export interface ComboFinding {
  pair: [Active, Active];
  note: Wording;
  sources: string[];
}

/** pairs that irritate or undo each other when layered */
export const COMBO_TABLE: ComboFinding[] = [
  { pair: ['retinoid', 'aha'], sources: ['AAD'], note: { zh: '维A类和果酸叠加容易刺激、泛红、脱皮。不建议同一次叠加使用，可以隔天交替（例如一晚A醇、一晚果酸），并从低频开始。', en: 'retinoids with AHAs easily cause irritation, redness and peeling. Do not layer them in one routine; alternate nights and start slowly.' } },
  { pair: ['retinoid', 'bha'], sources: ['AAD'], note: { zh: '维A类和水杨酸叠加容易刺激、干燥、脱皮。不建议同一次叠加使用，可以隔天交替，或早晚分开。', en: 'retinoids with salicylic acid easily dry and irritate the skin. Do not layer them in one routine; alternate nights or split morning and evening.' } },
  { pair: ['retinoid', 'benzoyl_peroxide'], sources: ['AAD'], note: { zh: '过氧化苯甲酰会让部分维A类（如维A酸）失去作用，叠加也更刺激。建议分开时间用（例如早上过氧化苯甲酰、晚上维A类），处方药请遵医嘱。', en: 'benzoyl peroxide can break down some retinoids (such as tretinoin) and the pair is harsh together. Use them at different times (e.g. benzoyl peroxide in the morning, the retinoid at night), or as prescribed.' } },
  { pair: ['vitamin_c', 'aha'], sources: ['AAD'], note: { zh: '维C和果酸都偏酸，叠加容易刺痛、泛红。建议维C早上用、果酸晚上用。', en: 'vitamin C and AHAs are both acidic and sting when layered. Use vitamin C in the morning and the acid at night.' } },
  { pair: ['vitamin_c', 'bha'], sources: ['AAD'], note: { zh: '维C和水杨酸叠加容易刺激。建议维C早上用、水杨酸晚上用。', en: 'vitamin C with salicylic acid easily irritates. Use vitamin C in the morning and the acid at night.' } },
  { pair: ['aha', 'bha'], sources: ['AAD'], note: { zh: '果酸和水杨酸同时用容易过度去角质、屏障受损。建议只选一种，或隔天交替。', en: 'AHAs and BHA together easily over-exfoliate. Pick one, or alternate days.' } },
];

/** several actives at once, whatever they are */
export const SEVERAL_ACTIVES: { note: Wording; sources: string[] } = {
  sources: ['AAD'],
  note: {
    zh: '同时开始好几种活性成分，皮肤容易受刺激，也分不清是哪一种引起的问题。建议一次只加一种新产品，间隔2–3周，先在耳后或下颌小范围试用。',
    en: 'starting several actives at once easily irritates the skin and hides which one caused a problem. Add one new product at a time, 2–3 weeks apart, and patch-test behind the ear or on the jaw first.',
  },
};

/** what to do about a reaction after using a product (AAD and NHS on contact dermatitis; NHS on anaphylaxis) */
export const REACTION_ADVICE: { steps: Wording; urgent: Wording; sources: string[] } = {
  sources: ['AAD', 'NHS'],
  steps: {
    zh: '1. 马上停用这款产品；\n2. 用清凉的清水轻轻冲洗，洗掉残留，不要揉搓，也不要用热水；\n3. 这几天不要用新的护肤品或化妆品，只保留最简单温和的保湿；\n4. 红、痒、疹子一两天不见好转、范围扩大或起水疱，请尽快去皮肤科就医。',
    en: '1. Stop using the product right away.\n2. Rinse gently with cool water to remove what is left; no rubbing, no hot water.\n3. Do not try any new skincare or make-up for now; keep only a plain, gentle moisturiser.\n4. If the redness, itching or rash does not improve in a day or two, spreads or blisters, see a dermatologist soon.',
  },
  urgent: {
    zh: '如果眼周、嘴唇或脸部肿起来，或者出现呼吸困难、喉咙发紧，请立即就医或拨打120。',
    en: 'If your eyes, lips or face swell, or you have trouble breathing or a tight throat, get medical help at once (call emergency services).',
  },
};

/** each source as the customer reads it */
export const SOURCE_NAMES: Record<string, Wording> = {
  ACOG: { zh: '美国妇产科医师学会（ACOG）', en: 'ACOG (American College of Obstetricians and Gynecologists)' },
  NHS: { zh: '英国国家医疗服务体系（NHS）', en: 'NHS' },
  FDA: { zh: '美国食品药品监督管理局（FDA）', en: 'US FDA' },
  AAD: { zh: '美国皮肤科学会（AAD）', en: 'AAD (American Academy of Dermatology)' },
  CSTSC: { zh: '中国《化妆品安全技术规范》', en: "China's Safety and Technical Standards for Cosmetics" },
};
