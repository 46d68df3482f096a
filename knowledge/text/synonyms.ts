/**
 * The beauty domain's words: product-type, concern and skin-type synonyms (zh and en) mapped to the
 * canonical values stored on products. Search, answers, the importer and the NLU vocabulary share them.
 */

/** canonical category → other ways to say it */
export const categorySynonyms: Record<string, string[]> = {
  洁面: ['洗面奶', '洁面乳', '洁面膏', '洁面泡沫', '洁面啫喱', '洗面乳', '洁颜', 'cleanser', 'face wash', 'facial cleanser'],
  爽肤水: ['化妆水', '柔肤水', '收敛水', '紧肤水', '护肤水', 'toner'],
  精华水: ['精华露水', 'essence', 'treatment essence'],
  乳液: ['润肤乳', '保湿乳', 'emulsion', 'lotion'],
  精华: ['精华液', '精华露', '精华素', '原液', '肌底液', 'serum'],
  面霜: ['乳霜', '保湿霜', '滋润霜', '晚霜', '日霜', '修护霜', '面部霜', 'cream', 'moisturizer', 'moisturiser', 'face cream'],
  眼霜: ['眼部精华', '眼膜霜', 'eye cream'],
  面膜: ['贴片面膜', '泥膜', '睡眠面膜', '涂抹面膜', 'mask', 'face mask', 'sheet mask'],
  防晒: ['防晒霜', '防晒乳', '防晒喷雾', '隔离防晒', 'sunscreen', 'sunblock', 'spf'],
  卸妆: ['卸妆水', '卸妆油', '卸妆乳', '卸妆膏', '洁颜水', '洁颜油', 'makeup remover', 'micellar water', 'cleansing oil'],
  粉底液: ['粉底', '粉底霜', '粉底乳', 'foundation'],
  气垫: ['气垫bb', '气垫粉底', 'cushion'],
  口红: ['唇膏', '唇棒', 'lipstick'],
  唇釉: ['唇彩', '唇蜜', '唇乳', 'lip gloss', 'lip glaze'],
  腮红: ['胭脂', 'blush', 'blusher'],
  眼影: ['眼影盘', 'eyeshadow', 'eye shadow'],
  睫毛膏: ['mascara'],
  散粉: ['蜜粉', '定妆粉', '粉饼', 'setting powder', 'loose powder'],
  定妆喷雾: ['setting spray'],
  洗发水: ['洗发露', '洗发液', '洗头膏', '洗发乳', 'shampoo'],
  护发素: ['润发乳', '润发露', 'conditioner'],
  发膜: ['倒膜', 'hair mask'],
  护发精油: ['发油', '护发油', '精油', 'hair oil'],
  套装: ['套盒', '礼盒', '组合', 'set', 'gift set'],
  身体乳: ['润肤露', '身体霜', 'body lotion'],
  香水: ['淡香水', '淡香精', 'perfume', 'fragrance'],
};

export const concernSynonyms: Record<string, string[]> = {
  抗老: ['抗衰', '抗衰老', '抗皱', '抗初老', '淡纹', '去皱', '除皱', 'anti-aging', 'anti-ageing', 'anti aging', 'anti ageing', 'antiaging', 'wrinkles', 'wrinkle', 'aging', 'ageing'],
  保湿: ['补水', '水润', '锁水', '滋润', '保湿补水', 'moisturizing', 'moisturising', 'hydrating', 'hydration', 'moisture'],
  美白: ['提亮', '亮白', '淡斑', '祛斑', '焕白', 'whitening', 'brightening', 'brighten'],
  控油: ['清爽控油', '吸油', '去油', 'oil control', 'oil-control', 'mattifying'],
  祛痘: ['清痘', '去痘', '痘痘', '战痘', '闭口', '粉刺', 'acne', 'blemish', 'pimples'],
  舒缓: ['镇静', '修复敏感', '退红', 'soothing', 'calming'],
  修护: ['修复', '屏障修护', 'repair', 'repairing'],
  紧致: ['提拉', 'firming', 'lifting'],
  防晒: ['防紫外线', 'uv', 'sun protection'],
  清洁: ['深层清洁', '去黑头', '黑头', 'cleansing'],
  抗氧化: ['antioxidant', 'anti-oxidation'],
  去屑: ['去头屑', '止痒', 'anti-dandruff', 'dandruff'],
  柔顺: ['顺滑', '防毛躁', 'smooth', 'smoothing', 'frizz'],
};

export const skinTypeSynonyms: Record<string, string[]> = {
  油皮: ['油性皮肤', '油性肌肤', '大油皮', '油性', '油肌', 'oily skin', 'oily'],
  干皮: ['干性皮肤', '干性肌肤', '干性', '干燥肌', '大干皮', 'dry skin', 'dry'],
  混合皮: ['混合性皮肤', '混合肌', '混油', '混干', '混合性', 'combination skin', 'combination'],
  中性皮: ['中性皮肤', '中性肌肤', '中性', 'normal skin'],
  敏感肌: ['敏感皮', '敏感肌肤', '敏感皮肤', '敏感', 'sensitive skin', 'sensitive'],
  所有肤质: ['全肤质', '任何肤质', '各种肤质', 'all skin types'],
};

/** skin type (or hair type) names in English, for answers */
export const skinTypeEn: Record<string, string> = {
  油皮: 'oily skin', 干皮: 'dry skin', 混合皮: 'combination skin', 中性皮: 'normal skin', 敏感肌: 'sensitive skin',
  所有肤质: 'all skin types', 所有发质: 'all hair types', 干性发质: 'dry hair', 受损发质: 'damaged hair', 油性头皮: 'oily scalp',
};

export const concernEn: Record<string, string> = {
  抗老: 'anti-ageing', 保湿: 'hydration', 补水: 'hydration', 美白: 'brightening', 控油: 'oil control', 祛痘: 'acne care', 舒缓: 'soothing',
  修护: 'repair', 紧致: 'firming', 防晒: 'sun protection', 清洁: 'cleansing', 抗氧化: 'antioxidant', 提亮: 'radiance',
  淡斑: 'dark spots', 细致毛孔: 'pores', 淡纹: 'fine lines', 黑眼圈: 'dark circles', 遮瑕: 'coverage', 持妆: 'long wear',
  显色: 'colour payoff', 滋润: 'nourishing', 定妆: 'setting', 提气色: 'healthy flush', 去屑: 'anti-dandruff', 柔顺: 'smoothness',
  蓬松: 'volume', 滋养: 'nourishing', 防毛躁: 'anti-frizz', 头皮护理: 'scalp care', 温和: 'gentle', 防水: 'waterproof',
};

/** synonym (normalised) → canonical value, for one of the tables above */
export function synonymLookup(table: Record<string, string[]>): Map<string, string> {
  const map = new Map<string, string>();
  for (const [canonical, words] of Object.entries(table)) {
    map.set(canonical.toLowerCase(), canonical);
    for (const w of words) if (!map.has(w.toLowerCase())) map.set(w.toLowerCase(), canonical);
  }
  return map;
}

export const categoryLookup = synonymLookup(categorySynonyms);
export const concernLookup = synonymLookup(concernSynonyms);
export const skinTypeLookup = synonymLookup(skinTypeSynonyms);
