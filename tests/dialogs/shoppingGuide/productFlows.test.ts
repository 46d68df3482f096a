/** Product questions ("this one"), competitor comparisons as tables, hesitation → real offers, purchase → cart link and cross-sell. */
import { allText, dialogHarness, DialogHarness, entity, Script, suggestions } from '../main/dialogHarness';

const product = (id: string, text: string) => ({ intent: 'product_info' as const, entities: [entity('product', text, id)] });
const script: Script = {
  推荐: 'recommendation',
  '介绍一下初研玻色因': product('sk-0006', '初研玻色因'),
  '这款适合什么肤质？': 'product_info',
  '这款多少钱？': 'product_info',
  'how much is this one?': { intent: 'product_info', language: 'en' },
  '跟赫莲娜比怎么样？': { intent: 'comparison', entities: [entity('brand', '赫莲娜', 'helena')] },
  '和赫莲娜的比呢？': { intent: 'comparison', entities: [entity('brand', '赫莲娜', 'helena')] },
  'compare it with Helena Rubinstein': { intent: 'comparison', language: 'en', entities: [entity('brand', 'Helena Rubinstein', 'helena')] },
  '小棕瓶和小黑瓶哪个好？': 'comparison',
  // the real NLU reads this as an unsure complaint; the words still mean hesitation
  '有点贵，我再想想': { intent: 'complaint', confidence: 0.17 },
  '太贵了，我要退货': { intent: 'return_refund', confidence: 0.95 },
  迪奥999口红: { intent: 'product_info', confidence: 0.4, entities: [entity('category', '口红', 'lipstick')] },
  'too expensive, let me think': { intent: 'other', language: 'en' },
  领取赠品: 'other',
  '我要买迪奥999口红': { intent: 'place_order', entities: [entity('product', '迪奥999口红', 'mk-0004')] },
  '买这个': 'place_order',
};

describe('shopping guide: products, comparisons, hesitation, purchase', () => {
  let h: DialogHarness;
  beforeEach(async () => {
    h = await dialogHarness(script);
  });

  it('answers product questions exactly, "this one" being the last viewed product', async () => {
    const [intro] = await h.send('p1', '介绍一下初研玻色因');
    expect(intro.text).toMatch(/^初研玻色因紧致修护精华 30ml，¥299，主打抗老、紧致、保湿，适合干皮、中性皮、混合皮、油皮。/);
    expect(intro.attachments?.[0].content).toMatchObject({ title: '初研玻色因紧致修护精华 30ml', subtitle: '¥299 / 30ml' });
    expect(await h.texts('p1', '这款适合什么肤质？')).toEqual(['「初研玻色因紧致修护精华 30ml」适合：干皮、中性皮、混合皮、油皮。']);
    // the third look at the same product also brings an offer (tested below); the answer comes first
    expect((await h.texts('p1', 'how much is this one?'))[0]).toBe('Pure Origin Pro-Xylane Firming Serum 30ml costs ¥299.');
    expect((await h.profileOf('p1')).viewedProducts?.[0]).toBe('sk-0006');
  });

  it('a bare product name introduces the product', async () => {
    const [intro] = await h.send('p0', '迪奥999口红');
    expect(intro.text).toMatch(/^迪奥烈艳蓝金唇膏 3\.5g，¥350/);
    expect(intro.attachments?.[0].content).toMatchObject({ title: '迪奥烈艳蓝金唇膏 3.5g' });
  });

  it('asks which product when none is named or viewed, then answers', async () => {
    expect((await h.texts('p2', '这款多少钱？'))[0]).toMatch(/哪款产品/);
    expect(await h.texts('p2', '小棕瓶')).toEqual(['「雅诗兰黛特润修护肌活精华露 50ml」售价¥1020。']);
  });

  it('compares with a competitor brand as an adaptive-card table with a text fallback: 玻色因 3% vs 10%', async () => {
    await h.texts('p3', '介绍一下初研玻色因');
    const [table] = await h.send('p3', '跟赫莲娜比怎么样？');
    expect(table.text).toContain('【初研 初研玻色因紧致修护精华 30ml】vs【赫莲娜 赫莲娜绿宝瓶强韧修护精华 50ml】');
    expect(table.text).toContain('玻色因: 3% | 10%');
    expect(table.text).toContain('价格: ¥299 | ¥2400');
    expect(table.attachments?.[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    const card = JSON.stringify(table.attachments?.[0].content);
    expect(card).toContain('"text":"10%"');
    expect(card).toContain('"text":"玻色因"');

    const [en] = await h.send('p3', 'compare it with Helena Rubinstein');
    expect(en.text).toMatch(/Pro-Xylane: 3% \| 10%/);
  });

  it('compares two named products', async () => {
    const [table] = await h.send('p4', '小棕瓶和小黑瓶哪个好？');
    expect(table.text).toMatch(/雅诗兰黛.+vs.+兰蔻/);
    expect(table.text).toContain('价格: ¥1020 | ¥1080');
  });

  it('repeated comparisons are hesitation: a real coupon is issued once', async () => {
    await h.texts('p5', '介绍一下初研玻色因');
    expect(await h.texts('p5', '跟赫莲娜比怎么样？')).toHaveLength(1);
    const replies = await h.send('p5', '和赫莲娜的比呢？');
    expect(replies).toHaveLength(2);
    expect(replies[1].text).toMatch(/券码 C[0-9A-F]{8}/);
    const coupons = await h.promotions.coupons.valid(await h.directory.resolve({ channelId: 'app', userId: 'p5' }));
    expect(coupons).toHaveLength(1);
    expect(replies[1].text).toContain(coupons[0]._id);
    expect(await h.texts('p5', '和赫莲娜的比呢？')).toHaveLength(1); // offered once per product
  });

  it('zh: 有点贵 → a time-limited coupon with the price after it, and the sample quota; the gift is claimed', async () => {
    await h.texts('p6', '介绍一下初研玻色因');
    const [offer] = await h.send('p6', '有点贵，我再想想');
    expect(offer.text).toMatch(/限时专属券：满100减15，券码 C[0-9A-F]{8}，.+前有效，用券后初研玻色因紧致修护精华 30ml到手价 ¥284/);
    expect(offer.text).toMatch(/前100名下单送旅行装小样」，目前还剩 100 份/);
    expect(allText(offer)).toContain('https://shop.example/cart?add=sk-0006');
    const [claimed] = await h.texts('p6', '领取赠品');
    expect(claimed).toMatch(/已为您锁定.+目前还剩 99 份/);
    expect(claimed).toContain('https://shop.example/cart?add=sk-0006');
    expect(await h.texts('p6', '领取赠品')).toEqual(['您已经锁定过赠品名额啦，每人限 1 份，下单即送～']);
    expect((await h.profileOf('p6')).hesitation?.objections).toBe(1);
  });

  it('a sure return request is not hesitation, even with 太贵', async () => {
    await h.texts('p6b', '介绍一下初研玻色因');
    const replies = await h.texts('p6b', '太贵了，我要退货');
    expect(replies.join('\n')).not.toMatch(/券码/);
  });

  it('en: "too expensive" after recommendations gets the offer in English', async () => {
    for (const answer of ['推荐', '干皮', '是的', '1000以内', '清爽']) await h.texts('p7', answer);
    const [offer] = await h.send('p7', 'too expensive, let me think');
    expect(offer.text).toMatch(/Here is a coupon for you: Limited-time coupon: ¥\d+ off orders over ¥\d+, code C[0-9A-F]{8}/);
    expect(offer.text).toMatch(/comes to ¥\d+/);
  });

  it('coming back to the same product again and again gets an offer', async () => {
    await h.texts('p8', '介绍一下初研玻色因');
    await h.texts('p8', '这款多少钱？');
    const replies = await h.texts('p8', '这款适合什么肤质？');
    expect(replies).toHaveLength(2);
    expect(replies[1]).toMatch(/理解您的顾虑～为您申请到/);
  });

  it('purchase interest: cart link, then the same-shade blush as cross-sell (lipstick 999 → red blush)', async () => {
    const [cart, cross] = await h.send('p9', '我要买迪奥999口红');
    expect(cart.text).toContain('https://shop.example/cart?add=mk-0004');
    expect(cross.text).toMatch(/迪奥烈艳蓝金腮红 6\.7g ¥\d+ — 和您选的色号同色系（正红）/);
    expect(cross.attachments?.[0].content).toMatchObject({ title: '迪奥烈艳蓝金腮红 6.7g' });
    expect(suggestions(cart)).toEqual([]);
    expect((await h.texts('p9', '买这个'))[0]).toContain('cart?add=mk-0004');
  });
});
