/**
 * How customers also say catalogue names: colloquial forms, common misspellings, spaced or glued English
 * (洗脸的, 爆痘, 皮肤很油 are handled in the frame; here single names). Each alias lists the names it means,
 * in any vocabulary's wording; the gazetteer adds it under the first one the loaded vocabulary knows, so
 * the alias resolves to that vocabulary's own value (洁面 for the knowledge base, cleanser for the
 * built-in list) and an alias whose meaning the vocabulary lacks is simply left out.
 */
export const NAME_ALIASES: [aliases: string[], means: string[]][] = [
  // categories
  [['洗脸奶', '洁面奶', '洗脸的', '洗脸用的', 'facewash', 'face-wash', 'facial wash', 'foaming cleanser', 'foam cleanser', 'cleansing foam', 'clenser', 'cleanser'], ['洁面', 'cleanser', '洗面奶']],
  [['擦脸的霜', '擦脸霜', '保湿面霜', 'moisturiser', 'moisturizer', 'moisturising cream', 'moisturizing cream', 'hydrating cream', 'day cream', 'night cream', 'face moisturizer', 'moisturiser cream', 'mosturizer', 'moisturizor', 'moisturzier'], ['面霜', 'face cream', 'moisturizer']],
  [['口紅', '唇膏笔', 'lip stick', 'lippie', 'lipstik', 'lip colour', 'lip color'], ['口红', 'lipstick']],
  [['防曬', 'sun screen', 'suncream', 'sun cream', 'sunblock', 'sun block', 'spf cream', 'sunscren', 'suncreen'], ['防晒', 'sunscreen']],
  [['精華', 'serums', 'face serum', 'facial serum', 'seruum'], ['精华', 'serum']],
  [['眼部霜', 'eye creams', 'under eye cream', 'undereye cream'], ['眼霜', 'eye cream']],
  [['贴片面膜', 'face masks', 'facial mask', 'sheet masks', 'masks'], ['面膜', 'mask']],
  [['foundations', 'liquid foundation', 'foundaton', 'fundation'], ['粉底液', 'foundation', '粉底']],
  [['toners', 'face toner', 'facial toner'], ['爽肤水', 'toner']],
  [['卸妆的', 'make up remover', 'make-up remover', 'makeup remover'], ['卸妆', 'makeup remover']],
  // concerns
  [['长痘', '爆痘', '冒痘', '起痘', '痘痘肌', '痘肌', '长痘痘', 'breaking out', 'break out', 'pimple', 'zits', 'acne-prone'], ['祛痘', '痘痘', 'acne']],
  [['细纹', '法令纹', '抗初老', 'fine lines', 'anti aging', 'antiaging', 'anti-ageing'], ['抗老', '皱纹', 'anti-aging']],
  [['暗沉', '肤色不均', '显黄', 'dullness', 'dull skin', 'uneven skin tone', 'dark spot'], ['美白', '提亮', 'brightening']],
  [['缺水', '干燥', '紧绷', '起皮', 'dehydrated', 'dryness', 'flaky'], ['保湿', '补水', 'hydration']],
  [['出油', '油光', '满脸油', '脸油', 'oiliness', 'shine control'], ['控油', 'oil control']],
  [['红血丝', '刺痛', '泛红', 'irritation', 'irritated', 'redness'], ['舒缓', '泛红', 'redness']],
  // skin types
  [['油性肌', '油痘肌', '油皮肤', '大油田', '油性的皮肤', 'oily-skin', 'greasy skin', 'oily complexion'], ['油皮', 'oily skin']],
  [['干性肌', '干燥皮', '干巴皮', '超干皮', '干燥肌肤', 'dry-skin', 'very dry skin'], ['干皮', 'dry skin']],
  [['敏感性皮肤', '敏皮', '敏肌', '易敏肌', '易过敏皮肤', 'sensitive-skin', 'reactive skin'], ['敏感肌', 'sensitive skin']],
  [['混合性肌肤', '混合肌肤', 'combo skin', 'combination-skin', 'combination oily'], ['混合皮', '混油皮', 'combination skin']],
];
