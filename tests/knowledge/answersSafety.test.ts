/** The safety table's lookups and answers (knowledge/safety): life stages, combinations, reactions, unsafeFor. */
import {
  activesIn, combinationAnswer, findingFor, isReaction, isUrgentReaction, lifeStageAnswer, lifeStageIn, reactionAnswer, unsafeFor,
  COMBO_TABLE, LIFE_STAGE_TABLE, SOURCE_NAMES,
} from '../../knowledge/safety';
import type { Product } from '../../knowledge/types';

const product = (over: Partial<Product>): Product => ({ _id: 'x-1', brandId: 'b', brand: 'B', category: '精华', topCategory: 'skincare', title: '测试精华', titleEn: 'Test Serum', price: 100, stock: 1, ...over });
const retinolSerum = product({ ingredients: [{ name: '视黄醇', nameEn: 'Retinol', concentration: 0.3 }, { name: '甘油' }] });
const bhaCleanser = product({ category: '洁面', title: '水杨酸洁面乳', titleEn: 'BHA Cleanser', ingredients: [{ name: '水杨酸', nameEn: 'Salicylic Acid', concentration: 0.5 }] });
const plainToner = product({ category: '化妆水', title: '保湿水', ingredients: [{ name: '透明质酸钠', nameEn: 'Sodium Hyaluronate' }, { name: '乳酸杆菌发酵溶胞物' }] });

describe('actives and signals', () => {
  test('names in zh, en and drug names map to one active; a probiotic is no acid', () => {
    expect(activesIn('A醇')).toEqual(['retinoid']);
    expect(activesIn('can I use adapalene or tretinoin')).toEqual(['retinoid']);
    expect(activesIn('对苯二酚美白霜')).toEqual(['hydroquinone']);
    expect(activesIn('乳酸杆菌发酵溶胞物')).toEqual([]);
    expect(activesIn('vitamin C and glycolic acid')).toEqual(['aha', 'vitamin_c']);
  });

  test('life stages, reactions and urgency', () => {
    expect(lifeStageIn('备孕期间能用吗')).toBe('trying_to_conceive');
    expect(lifeStageIn('还在喂奶')).toBe('breastfeeding');
    expect(lifeStageIn("I'm expecting a baby")).toBe('pregnant');
    expect(isReaction('涂了眼霜以后眼睛周围有点刺痛')).toBe(true);
    expect(isReaction('my cheeks went red after using the toner')).toBe(true);
    expect(isReaction('推荐一支红色的口红')).toBe(false);
    expect(isReaction('敏感肌用什么面霜')).toBe(false);
    expect(isUrgentReaction('嘴唇肿起来了')).toBe(true);
    expect(isUrgentReaction('a bit itchy')).toBe(false);
  });
});

describe('the table', () => {
  test('every finding and combination names a source the customer can read in both languages', () => {
    for (const entry of Object.values(LIFE_STAGE_TABLE)) {
      for (const f of [...Object.values(entry!.leaveOn), ...Object.values(entry!.rinseOff ?? {})]) {
        expect(f!.sources.length).toBeGreaterThan(0);
        for (const s of f!.sources) expect(SOURCE_NAMES[s]).toBeDefined();
        expect(f!.note.en).not.toMatch(/\p{Script=Han}/u);
      }
    }
    for (const c of COMBO_TABLE) expect(c.sources.every((s) => SOURCE_NAMES[s])).toBe(true);
  });

  test('retinoids are avoided in pregnancy; a low-strength rinse-off salicylic cleanser is caution, leave-on is avoid', () => {
    expect(findingFor('retinoid', 'pregnant', false)!.level).toBe('avoid');
    expect(findingFor('bha', 'pregnant', true, 0.5)!.level).toBe('caution');
    expect(findingFor('bha', 'pregnant', true, 5)!.level).toBe('avoid');
    expect(findingFor('bha', 'pregnant', false)!.level).toBe('avoid');
    expect(findingFor('vitamin_c', 'pregnant', false)).toBeUndefined();
  });
});

describe('answers', () => {
  test('a product with retinol in pregnancy: not recommended, with the reason and its source', () => {
    const a = lifeStageAnswer({ text: '孕妇能用吗', lang: 'zh', product: retinolSerum }, 'pregnant');
    expect(a.level).toBe('avoid');
    expect(a.text).toMatch(/不建议孕期使用「测试精华」/);
    expect(a.text).toContain('ACOG');
    expect(a.text).not.toMatch(/适合|放心/);
  });

  test('nothing flagged is never "safe": it says it cannot confirm and sends to a doctor', () => {
    const zh = lifeStageAnswer({ text: '哺乳期能用吗', lang: 'zh', product: plainToner }, 'breastfeeding');
    expect(zh.level).toBe('unknown');
    expect(zh.text).toMatch(/没法确认/);
    expect(zh.text).toMatch(/医生/);
    const en = lifeStageAnswer({ text: 'is vitamin C ok while pregnant', lang: 'en' }, 'pregnant');
    expect(en.text).toMatch(/can't confirm/);
    expect(en.text).not.toMatch(/\bsafe to use\b|\p{Script=Han}/u);
  });

  test('a rinse-off salicylic cleanser while breastfeeding: careful, ask the doctor', () => {
    const a = lifeStageAnswer({ text: '哺乳期能用这个洗面奶吗', lang: 'zh', product: bhaCleanser }, 'breastfeeding');
    expect(a.level).toBe('caution');
    expect(a.text).toMatch(/慎用/);
    expect(a.text).toMatch(/咨询医生/);
  });

  test('combinations: retinol + AHA and vitamin C + BHA found; several actives at once advises one at a time', () => {
    const a = combinationAnswer({ text: 'A醇和果酸能一起用吗', lang: 'zh' });
    expect(a.level).toBe('caution');
    expect(a.text).toMatch(/隔天交替/);
    const en = combinationAnswer({ text: 'vitamin C with salicylic acid and retinol at the same time?', lang: 'en' });
    expect(en.text).toMatch(/one new product at a time/);
    const unknown = combinationAnswer({ text: '它能和维C一起用吗', lang: 'zh', product: plainToner });
    expect(unknown.level).toBe('unknown');
    expect(unknown.text).toMatch(/没法确认/);
  });

  test('a reaction: stop, rinse with cool water, nothing new, doctor; urgent swelling comes first', () => {
    const a = reactionAnswer({ text: '擦了以后又痒又红', lang: 'zh', product: retinolSerum }, false);
    expect(a.text).toMatch(/停用/);
    expect(a.text).toMatch(/清水/);
    expect(a.text).toMatch(/不要用新的/);
    expect(a.text).toMatch(/就医/);
    const urgent = reactionAnswer({ text: 'my lips are swollen', lang: 'en' }, true);
    expect(urgent.text.split('\n')[0]).toMatch(/at once/);
  });
});

describe('unsafeFor', () => {
  test('flags a life stage and avoided ingredients, by name or by family', () => {
    expect(unsafeFor(retinolSerum, { lifeStage: 'pregnant' }).map((r) => r.level)).toEqual(['avoid']);
    expect(unsafeFor(retinolSerum, { avoid: ['retinol'] })).toHaveLength(1);
    expect(unsafeFor(retinolSerum, { avoid: ['维A'] })).toHaveLength(1);
    expect(unsafeFor(plainToner, { lifeStage: 'pregnant', avoid: ['酒精'] })).toEqual([]);
    expect(unsafeFor(bhaCleanser, { lifeStage: 'breastfeeding' })[0]!.level).toBe('caution');
  });
});
