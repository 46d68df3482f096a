/**
 * The store's own product pictures: each is a well-formed standalone SVG, drawn as its category's
 * package in the brand's colour, and whatever a catalogue puts in a name stays text (escaped).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { brandColour, PackshotProduct, productImagePath, productPackshot, shapeFor } from '../../knowledge/packshots';

const cream: PackshotProduct = { _id: 'sk-0245', brandId: 'chando', brand: '自然堂', title: '赋活面霜 50ml', category: '面霜', topCategory: 'skincare' };

const parse = (svg: string) => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(svg) as { svg: Record<string, any> };

describe('product packshots', () => {
  it('is a valid standalone SVG with a size, a title and the brand on its label', () => {
    const svg = productPackshot(cream);
    expect(XMLValidator.validate(svg)).toBe(true);
    const root = parse(svg).svg;
    expect(root).toMatchObject({ xmlns: 'http://www.w3.org/2000/svg', width: '360', height: '240', role: 'img', title: '自然堂 赋活面霜 50ml' });
    expect(svg).toContain('>自然堂</text>');
    // it can run and load nothing
    expect(svg).not.toMatch(/<script|href=|url\((?!#)|on[a-z]+=/i);
  });

  it('draws the package in the brand colour (known brands their own, others a stable palette colour)', () => {
    expect(brandColour('chando')).toBe('#2f7d4f');
    expect(productPackshot(cream)).toContain('fill="#2f7d4f"');
    const unknown = brandColour('a-new-brand');
    expect(unknown).toMatch(/^#[0-9a-f]{6}$/);
    expect(brandColour('a-new-brand')).toBe(unknown);
    expect(productPackshot({ ...cream, brandId: 'a-new-brand' })).toContain(`fill="${unknown}"`);
    expect(productPackshot(cream, { colour: '#123456' })).toContain('fill="#123456"');
    // a colour that is not #rrggbb never reaches the picture
    expect(productPackshot(cream, { colour: 'red" onload="x' })).not.toContain('onload');
  });

  it('picks the package by category: jar, dropper, lipstick, tube, pump …', () => {
    expect(shapeFor('面霜')).toBe('jar');
    expect(shapeFor('眼霜')).toBe('jar');
    expect(shapeFor('精华')).toBe('dropper');
    expect(shapeFor('精华水')).toBe('bottle');
    expect(shapeFor('口红')).toBe('lipstick');
    expect(shapeFor('唇釉')).toBe('gloss');
    expect(shapeFor('洁面')).toBe('tube');
    expect(shapeFor('洗发水')).toBe('pump');
    expect(shapeFor('腮红')).toBe('compact');
    expect(shapeFor('面膜')).toBe('sachet');
    expect(shapeFor('某种新品', 'makeup')).toBe('compact');
    expect(shapeFor('某种新品')).toBe('bottle');
    // different packages really are different pictures
    expect(productPackshot({ ...cream, category: '口红', topCategory: 'makeup' })).not.toBe(productPackshot(cream));
  });

  it('a lipstick takes its shade colour', () => {
    const lipstick = { ...cream, category: '口红', topCategory: 'makeup' as const, shades: [{ code: '999', name: '正红', family: 'red' }] };
    expect(productPackshot(lipstick)).toContain('fill="#c92a2a"');
  });

  it('escapes names: markup in a brand or title stays text', () => {
    const hostile = { ...cream, brand: '<script>alert(1)</script>&"\'', title: '</title><svg onload="alert(1)">' };
    const svg = productPackshot(hostile);
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<svg onload');
    expect(svg).toContain('&lt;script&gt;');
    const root = parse(svg).svg;
    expect(String(root.title)).toContain('</title><svg onload="alert(1)">'); // decoded: the same text, as text
    // control characters (not allowed in XML even escaped) are dropped
    expect(XMLValidator.validate(productPackshot({ ...cream, brand: 'A\u0001B\u0007' }))).toBe(true);
  });

  it('cards reference the picture by a path on the bot', () => {
    expect(productImagePath('sk-0245')).toBe('/images/products/sk-0245.svg');
    expect(productImagePath('a/../b')).toBe('/images/products/a%2F..%2Fb.svg');
  });
});
